// The streaming benchmark's smoke test (issue C6): `npm run bench` on a 2-waypoint path, one
// repetition, all three configurations, and a 2-loop soak, against the test server. It shows the
// harness works end to end (pages load, metering, settle, oracle, soak, report files); it asserts
// no timing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';

test('npm run bench runs a 2-waypoint path for the three configurations and writes the report', async ({ baseURL }, testInfo) => {
  test.setTimeout(900_000);
  const out = testInfo.outputPath('bench');
  const r = spawnSync(process.execPath, [
    'node_modules/tsx/dist/cli.mjs', 'tools/cli.ts', 'bench', '--path', 'tests/fixtures/bench/smoke-path.json',
    '--reps', '1', '--soak', '2', '--out', out, '--url', baseURL!, '--timeout', '240',
  ], { encoding: 'utf8', timeout: 840_000 });
  expect(r.status, `bench exited ${r.status}\n${r.stderr.slice(-3000)}`).toBe(0);

  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  for (const config of ['shipped', 'cesiumDefault', 'tilesRenderer']) {
    const c = report.configs[config];
    expect(c.contentBytes, config).toBeGreaterThan(100_000);
    expect(c.requests, config).toBeGreaterThan(3);
    expect(c.settleSeconds, config).toBeGreaterThan(0);
    expect(c.timedOutSteps, config).toBe(0);
    // A 1280×720 screenshot per step that is not one flat colour (the mesh is on screen).
    for (const step of ['overview-top', 'qianwan-overview']) {
      const file = join(out, 'shots', config, `${step}.png`);
      expect(existsSync(file), file).toBe(true);
      const png = PNG.sync.read(readFileSync(file));
      expect([png.width, png.height]).toEqual([1280, 720]);
      const colours = new Set<number>();
      for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i) >>> 8);
      expect(colours.size, `${file} looks blank`).toBeGreaterThan(200);
    }
  }
  expect(report.ideal.hlodBytes).toBeGreaterThan(0);
  expect(report.ideal.hlodBytes).toBeGreaterThanOrEqual(report.ideal.skipBytes);
  expect(report.foreignRequests).toEqual([]);
  // The soak: shipped and Cesium defaults (3DTilesRendererJS has no soak), each loop recorded in the
  // report and, as it ended, in soak-loops.jsonl.
  expect(Object.keys(report.soak.configs).sort()).toEqual(['cesiumDefault', 'shipped']);
  const loops = readFileSync(join(out, 'soak-loops.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(loops.map((l) => `${l.config} ${l.loop}`)).toEqual(['shipped 1', 'shipped 2', 'cesiumDefault 1', 'cesiumDefault 2']);
  for (const l of loops) {
    expect(l.heapBytes, `${l.config} loop ${l.loop} heap`).toBeGreaterThan(1e6);
    expect(l.tileMemoryBytes, `${l.config} loop ${l.loop} tile memory`).toBeGreaterThan(0);
  }
  expect(report.soak.configs.shipped.heapBytes).toEqual(loops.filter((l) => l.config === 'shipped').map((l) => l.heapBytes));
  expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('cesiumDefault');
  expect(readFileSync(join(out, 'chart.svg'), 'utf8')).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
});
