import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld } from '../../../tools/world/index.ts';
import { generateSurveyTables, surveyCsvBytes } from '../../../tools/pipelines/survey/index.ts';
import { run } from '../../../tools/commands/survey.ts';
import { memoryIo } from '../../../tools/lib/io.ts';
import { decodeSurveyText, parseSurveyTables, sectionSizeMeters, type SurveyNetwork } from '../../../src/domain/pipelines/index.ts';

// A small box in 东部新城 that holds every network, the utility tunnel included.
const BOX = { west: 121.615, south: 29.862, east: 121.632, north: 29.874 };
const world = createWorld();
const tables = generateSurveyTables(world, BOX);
const utf8 = surveyCsvBytes(tables, 'utf-8');
const parse = (b: { points: Uint8Array; lines: Uint8Array }): SurveyNetwork => parseSurveyTables({ name: '管点.csv', bytes: b.points }, { name: '管线.csv', bytes: b.lines });
const net = parse(utf8);

describe('synthetic survey tables', () => {
  it('parse with zero issues, every row kept', () => {
    expect(net.issues).toEqual([]);
    expect(net.zone).toBe(123);
    expect(net.points).toHaveLength(tables.points.length);
    expect(net.pipes).toHaveLength(tables.pipes.length);
    expect(tables.summary.label).toBe('合成数据 synthetic');
    const points = new TextDecoder().decode(utf8.points);
    expect(points.split('\r\n')[1]).toContain('合成数据 synthetic');
  });

  it('hold every class, both sewer kinds and the tunnel', () => {
    expect(new Set(net.pipes.map((p) => p.cls))).toEqual(new Set(['JS', 'PS', 'RQ', 'RL', 'DL', 'TX', 'QT']));
    expect(new Set(net.pipes.filter((p) => p.cls === 'PS').map((p) => p.subtype))).toEqual(new Set(['雨水', '污水']));
    expect(net.pipes.some((p) => p.cls === 'QT' && p.subtype === '综合管廊' && p.burial === 'ZH')).toBe(true);
    expect(net.points.some((p) => p.appurtenance === '通风口')).toBe(true);
    expect(net.points.filter((p) => p.id.startsWith('JS')).map((p) => p.id)).toContain('JS0001');
  });

  it('slope sewers downstream: depth non-decreasing and invert falling along the flow', () => {
    const byId = new Map(net.points.map((p) => [p.id, p]));
    const sewers = net.pipes.filter((p) => p.cls === 'PS');
    const outOf = new Map<string, typeof sewers>();
    for (const p of sewers) outOf.set(p.from, [...(outOf.get(p.from) ?? []), p]);
    for (const p of sewers) {
      expect(p.endDepth).toBeGreaterThan(p.startDepth);
      const invertFrom = byId.get(p.from)!.groundHeight - p.startDepth;
      const invertTo = byId.get(p.to)!.groundHeight - p.endDepth;
      expect(invertTo).toBeLessThan(invertFrom);
      for (const next of outOf.get(p.to) ?? []) expect(next.startDepth).toBeGreaterThanOrEqual(p.endDepth);
      const well = byId.get(p.to)!;
      if (well.appurtenance === '检查井') expect(well.wellDepth!).toBeGreaterThan(p.endDepth);
    }
    // Side sewers join the trunks: manholes with two or more sewers in and one out.
    const into = new Map<string, number>();
    for (const p of sewers) into.set(p.to, (into.get(p.to) ?? 0) + 1);
    expect([...into].filter(([id, n]) => n >= 2 && outOf.get(id)?.length === 1).length).toBeGreaterThan(5);
  });

  it('joins each pressure network across intersections (四通 with four pipes)', () => {
    for (const cls of ['JS', 'DL', 'TX'] as const) {
      const crosses = net.points.filter((p) => p.id.startsWith(cls) && p.feature === '四通');
      expect(crosses.length).toBeGreaterThan(3);
      for (const c of crosses) expect(net.pipes.filter((p) => p.from === c.id || p.to === c.id)).toHaveLength(4);
    }
  });

  it('keeps depths and sizes in their design ranges', () => {
    const ranges: Record<string, { depth: [number, number]; size: [number, number] }> = {
      JS: { depth: [0.8, 1.5], size: [0.1, 1.2] }, RQ: { depth: [0.9, 1.5], size: [0.1, 0.4] }, RL: { depth: [1.2, 1.8], size: [0.2, 0.5] },
      DL: { depth: [0.7, 1.2], size: [0.8, 1.4] }, TX: { depth: [0.6, 1.0], size: [0.4, 0.8] }, QT: { depth: [2.5, 3.0], size: [4, 4] },
      PS: { depth: [0.8, 8], size: [0.3, 1.5] },
    };
    for (const p of net.pipes) {
      const r = ranges[p.cls]!;
      for (const d of [p.startDepth, p.endDepth]) {
        expect(d).toBeGreaterThanOrEqual(r.depth[0]);
        expect(d).toBeLessThanOrEqual(r.depth[1]);
      }
      const w = sectionSizeMeters(p.section).width;
      expect(w).toBeGreaterThanOrEqual(r.size[0]);
      expect(w).toBeLessThanOrEqual(r.size[1]);
      if (p.cls === 'PS') expect(p.startDepth).toBeGreaterThanOrEqual(sectionSizeMeters(p.section).height + 0.8); // cover over the crown
      expect(p.year).toBeGreaterThanOrEqual(1985);
      expect(p.year).toBeLessThanOrEqual(2024);
    }
  });

  it('writes GBK that decodes to the same rows', () => {
    const gbk = surveyCsvBytes(tables, 'gbk');
    expect(decodeSurveyText(gbk.lines)).toMatchObject({ encoding: 'gbk' });
    expect(parse(gbk)).toEqual(net);
  });

  it('is deterministic, and takes the zone asked for', () => {
    expect(generateSurveyTables(world, BOX).pipes).toEqual(tables.pipes);
    const west = generateSurveyTables(world, BOX, { zone: 120 });
    const n = parse(surveyCsvBytes(west, 'utf-8'));
    expect(n.issues).toEqual([]);
    expect(n.zone).toBe(120);
    expect(n.points[0]!.lon).toBeGreaterThan(BOX.west - 0.001);
    expect(n.points[0]!.lon).toBeLessThan(BOX.east + 0.001);
  });
});

describe('survey command', () => {
  it('writes both files, refuses to overwrite without --force, rejects bad options', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'survey-'));
    try {
      const bbox = `${BOX.west},${BOX.south},${BOX.east},${BOX.north}`;
      const io = memoryIo();
      expect(await run(['--out', dir, '--bbox', bbox, '--encoding', 'gbk', '--json'], io)).toBe(0);
      const summary = JSON.parse(io.stdout.join(''));
      expect(summary).toMatchObject({ ok: true, label: '合成数据 synthetic', zone: 123, pipes: tables.pipes.length });
      expect(decodeSurveyText(readFileSync(join(dir, '管线.csv')))).toMatchObject({ encoding: 'gbk' });
      expect(await run(['--out', dir, '--bbox', bbox], memoryIo())).toBe(1);
      expect(await run(['--out', dir, '--bbox', bbox, '--force'], memoryIo())).toBe(0);
      const bad = memoryIo();
      expect(await run(['--zone', '121'], bad)).toBe(2);
      expect(bad.stderr.join('')).toContain('--zone');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
