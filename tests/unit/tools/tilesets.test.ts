import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../tools/commands/tilesets.ts';
import { memoryIo } from '../../../tools/lib/io.ts';
import { checkTileset, nodeReader } from '../../../tools/lib/tilecheck/index.ts';
import { onDemandReader } from '../../../tools/lib/tilecheck/onDemandReader.ts';
import { createRealityOnDemand } from '../../../tools/lib/onDemand.ts';
import { parseRealityPath } from '../../../tools/reality/layout.ts';

const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'nbtw-')), 'tilesets');

describe('tilesets command', () => {
  it('rejects bad options with a message naming the option, writing nothing', async () => {
    const out = tmp();
    const io = memoryIo();
    expect(await run(['--levels', '12', '--dataset', 'shanghai', '--bogus', '--out', out], io)).toBe(2);
    const err = io.stderr.join('');
    expect(err).toContain('--levels: expected an integer 1–9, found "12"');
    expect(err).toContain('--dataset: expected one of central, qianwan, found "shanghai"');
    expect(err).toContain('--bogus: unknown option');
    expect(existsSync(out)).toBe(false);
  });

  it('bakes, resumes without regenerating, and produces a tileset the checker passes', async () => {
    const out = tmp();
    const io = memoryIo();
    expect(await run(['--dataset', 'qianwan', '--levels', '2', '--out', out, '--json'], io)).toBe(0);
    const summary = JSON.parse(io.stdout.join('')) as { generated: number; datasets: Record<string, { baked: number; available: number; complete: boolean }> };
    expect(summary.generated).toBe(5);
    expect(summary.datasets.qianwan!.baked).toBe(5);
    expect(summary.datasets.qianwan!.complete).toBe(false);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { synthetic: boolean };
    expect(manifest.synthetic).toBe(true);

    const again = memoryIo();
    expect(await run(['--dataset', 'qianwan', '--levels', '2', '--out', out, '--json'], again)).toBe(0);
    expect((JSON.parse(again.stdout.join('')) as { generated: number }).generated).toBe(0);

    // Walk the tree as a client would, generating deeper tiles on demand like the server.
    const report = await checkTileset(join(out, 'reality', 'tileset.json'), onDemandReader(nodeReader), { maxTiles: 40 });
    expect(report.problems).toEqual([]);
    expect(report.tilesVisited).toBe(40);
    expect(report.contentsRead).toBeGreaterThan(30);
  }, 240_000);

  it('generates on demand exactly the bytes a bake writes, and nothing for foreign paths', async () => {
    const baked = tmp();
    await run(['--dataset', 'qianwan', '--levels', '1', '--out', baked], memoryIo());
    const hashDir = readdirSync(join(baked, 'reality')).find((n) => n.startsWith('g'))!;
    const rel = `reality/${hashDir}/qianwan/content/0/0/0.glb`;
    expect(parseRealityPath(rel)).toMatchObject({ kind: 'content', level: 0, x: 0, y: 0 });
    const fresh = tmp();
    const hook = createRealityOnDemand(fresh);
    expect(await hook(rel)).toBe(true);
    expect(readFileSync(join(fresh, rel)).equals(readFileSync(join(baked, rel)))).toBe(true);
    expect(await hook('reality/g000000000000/qianwan/content/0/0/0.glb')).toBe(false);
    expect(await hook(`reality/${hashDir}/qianwan/content/9/0/0.glb`)).toBe(false);
    expect(await hook('../etc/passwd')).toBe(false);
  }, 120_000);
});

describe('version pointer', () => {
  it('a server hook refreshes a root tileset left by an older generator, and a bake prunes its files', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const dir = tmp();
    mkdirSync(join(dir, 'reality', 'g0123456789ab', 'central'), { recursive: true });
    writeFileSync(join(dir, 'reality', 'tileset.json'), '{"root":{"children":[{"content":{"uri":"g0123456789ab/central/tileset.json"}}]}}');
    createRealityOnDemand(dir);
    const root = readFileSync(join(dir, 'reality', 'tileset.json'), 'utf8');
    expect(root).not.toContain('g0123456789ab');
    expect(root).toMatch(/g[0-9a-f]{12}\/central\/tileset\.json/);
    const io = memoryIo();
    expect(await run(['--dataset', 'qianwan', '--levels', '1', '--out', dir], io)).toBe(0);
    expect(existsSync(join(dir, 'reality', 'g0123456789ab'))).toBe(false);
    expect(io.stderr.join('')).toContain('older generator version (g0123456789ab)');
  }, 60_000);
});
