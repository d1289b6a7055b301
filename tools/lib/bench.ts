// What every browser benchmark shares: its own server on a free port (unless --url names one) and
// one headless chromium with the software-GL flags of the tests.
import { chromium, type Browser } from '@playwright/test';
import type { CommandIo } from './io.ts';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';
import { listen, listenSettings } from '../server/listen.ts';

/** Runs `body` with a base URL and a browser, closing both after; returns an exit code. */
export async function withBenchBrowser(url: string | undefined, io: CommandIo, body: (base: string, browser: Browser) => Promise<number>): Promise<number> {
  let base = url;
  let close: (() => Promise<void>) | undefined;
  if (!base) {
    const s = listenSettings({ values: { port: '0' }, positionals: [] }, process.cwd(), {});
    if ('error' in s) { io.err(`${s.error}\n`); return 2; }
    const started = await listen(s, io);
    if (typeof started === 'number') return started;
    base = started.url.replace(/\/$/, '');
    close = () => started.app.close();
  }
  // A browser that fails to launch must still close the server, or the command never exits.
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
    return await body(base, browser);
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  } finally {
    await browser?.close();
    await close?.();
  }
}
