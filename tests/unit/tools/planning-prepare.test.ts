// The planning step of `npm start`/`npm test`: generates into an empty directory, skips a current
// one quickly, regenerates when the seed or generator version changed, and never leaves a set that
// looks complete after a partial write.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDefaultPlanning } from '../../../tools/lib/steps.ts';
import { memoryIo } from '../../../tools/lib/io.ts';
import { PLANNING_FILES, type PlanningManifest } from '../../../tools/planning/index.ts';
import { planningGeneratorVersion, sourceClosure } from '../../../tools/planning/version.ts';
import { staleReason } from '../../../tools/planning/output.ts';

const dir = mkdtempSync(join(tmpdir(), 'planning-prepare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A small extent keeps each generation well under a second.
const options = ['--out', dir, '--bbox', '121.54,29.86,121.56,29.88', '--seed', '7'];

const prepare = async (...extra: string[]): Promise<{ code: number; out: string; err: string; ms: number }> => {
  const io = memoryIo();
  const t = performance.now();
  const code = await prepareDefaultPlanning(io, [...options, ...extra]);
  return { code, out: io.stdout.join(''), err: io.stderr.join(''), ms: performance.now() - t };
};
const manifest = (): PlanningManifest => JSON.parse(readFileSync(join(dir, 'planning.json'), 'utf8')) as PlanningManifest;
const generated = (r: { out: string }): boolean => /^planning: wrote /.test(r.out);

describe('default planning data (prepareDefaultPlanning)', () => {
  it('generates complete files into an empty directory and records seed and generator version', async () => {
    const r = await prepare();
    expect(r.code).toBe(0);
    expect(generated(r)).toBe(true);
    const m = manifest();
    expect(m).toMatchObject({ seed: 7, generator: planningGeneratorVersion() });
    expect(m.generator).toMatch(/^p[0-9a-f]{12}$/);
    for (const name of PLANNING_FILES) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(Buffer.byteLength(text)).toBe(m.bytes[name]);
      expect((JSON.parse(text) as { type: string }).type).toBe('FeatureCollection');
    }
    expect(readdirSync(dir).sort()).toEqual([...PLANNING_FILES, 'planning.json'].sort()); // no temporary files left
  });

  it('skips a second prepare in well under 100 ms with one line', async () => {
    const before = readFileSync(join(dir, 'parcels.geojson'));
    const r = await prepare();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^planning data up to date \(.*seed 7, p[0-9a-f]{12}\)\n$/);
    expect(r.err).toBe('');
    expect(r.ms).toBeLessThan(100);
    expect(readFileSync(join(dir, 'parcels.geojson')).equals(before)).toBe(true);
  });

  it('regenerates, without --force, when the generator version recorded differs', async () => {
    writeFileSync(join(dir, 'planning.json'), JSON.stringify({ ...manifest(), generator: 'p000000000000' }));
    const r = await prepare();
    expect(r.code).toBe(0);
    expect(r.err).toContain('generator changed (p000000000000 → ');
    expect(generated(r)).toBe(true);
    expect(manifest().generator).toBe(planningGeneratorVersion());
  });

  it('regenerates when the seed differs', async () => {
    const r = await prepare('--seed', '8');
    expect(r.code).toBe(0);
    expect(r.err).toContain('seed changed (7 → 8)');
    expect(manifest().seed).toBe(8);
    expect((await prepare('--seed', '8')).out).toMatch(/^planning data up to date/);
  });

  it('treats a set without its manifest, or with a truncated file, as stale', async () => {
    const want = { seed: 8, extents: manifest().extents, generator: planningGeneratorVersion() };
    expect(staleReason(dir, want)).toBeNull();
    const path = join(dir, 'projects.geojson');
    writeFileSync(path, readFileSync(path).subarray(0, 100));
    expect(staleReason(dir, want)).toMatch(/projects\.geojson is not the size/);
    rmSync(join(dir, 'planning.json'));
    expect(staleReason(dir, want)).toMatch(/planning\.json is missing/);
    const r = await prepare('--seed', '8');
    expect(generated(r)).toBe(true);
    expect(staleReason(dir, want)).toBeNull();
  });

  it('leaves `npm run planning` refusing to overwrite without --force', async () => {
    const { run } = await import('../../../tools/commands/planning.ts');
    const io = memoryIo();
    expect(await run(options, io)).toBe(1);
    expect(io.stderr.join('')).toMatch(/already exist.*--force/);
  });

  it('hashes the generator, the world model and the domain files they import', () => {
    const files = sourceClosure().map((f) => f.replace(/\\/g, '/'));
    for (const f of ['tools/planning/parcels.ts', 'tools/world/terrain.ts', 'src/domain/planning/landUse.ts', 'src/domain/spacecode/unitCode.ts']) {
      expect(files.some((x) => x.endsWith(f)), f).toBe(true);
    }
    expect(files.some((x) => x.includes('/tools/reality/'))).toBe(false);
  });
});
