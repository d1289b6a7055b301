// The long-session check: one page flies the path `loops` times without a reload, and after each
// loop records the JS heap after a forced GC and the renderer's tile memory. A viewer on a
// command-centre wall runs for days; both must level off, not climb.
import type { Browser } from '@playwright/test';
import { stepPose, type BenchConfigName, type BenchPath } from '../../../src/domain/bench/index.ts';
import { flyPath, heapAfterGc, openBenchPage, type RunOptions } from './runPath.ts';

export interface SoakLoop {
  readonly config: BenchConfigName;
  readonly loop: number;
  readonly heapBytes: number;
  readonly tileMemoryBytes: number;
  /** Content bytes fetched during this loop (a cache that holds the working set fetches little after loop 1). */
  readonly bytes: number;
}

export async function runSoak(browser: Browser, base: string, config: BenchConfigName, path: BenchPath, loops: number, opts: RunOptions, onLoop?: (l: SoakLoop) => void): Promise<SoakLoop[]> {
  const open = await openBenchPage(browser, base, config, stepPose(path.steps[0]!), opts);
  const out: SoakLoop[] = [];
  try {
    for (let loop = 1; loop <= loops; loop++) {
      const steps = await flyPath(open, path, { ...opts, screenshots: undefined, onStep: undefined });
      const tileMemoryBytes = await open.page.evaluate(() => window.__bench!.status().tileMemoryBytes);
      const l: SoakLoop = { config, loop, heapBytes: await heapAfterGc(open.cdp), tileMemoryBytes, bytes: steps.reduce((a, m) => a + m.bytes, 0) };
      out.push(l);
      onLoop?.(l);
    }
  } finally {
    await open.close();
  }
  return out;
}
