// `npm run tilesets`: bake the reality mesh. Default: the tree's top levels (enough to show the
// whole city at once; the server generates deeper tiles on first request, identical bytes).
// `--full` bakes every tile of every dataset. Resumable: finished tiles are skipped, every file is
// written atomically, and the manifest says complete only when every tile is on disk.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type CommandIo, optionsOrExit } from '../lib/io.ts';
import { createWorld } from '../world/index.ts';
import { DATASETS, type RealityDataset } from '../reality/datasets.ts';
import { ROOT_TILESET, contentPath, datasetTilesetPath, generatorHash, subtreePath } from '../reality/layout.ts';
import { isTileAvailable, produceRealityFile, resolveUnder, writeAtomic } from '../reality/produce.ts';
import { createTilePool } from '../reality/pool.ts';
import { parseTilesetsArgs, USAGE } from './tilesetsArgs.ts';

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = optionsOrExit('tilesets', parseTilesetsArgs(args), USAGE, io);
  if (typeof parsed === 'number') return parsed;
  const o = parsed;
  const started = Date.now();
  const world = createWorld(o.seed);
  const hash = generatorHash(o.seed);
  const datasets = DATASETS.filter((d) => o.datasets.includes(d.id));
  const write = (rel: string, bytes: Uint8Array): void => writeAtomic(resolveUnder(o.out, rel), bytes);

  // Small structural files first; the root pointer last, once what it names exists.
  for (const d of datasets) {
    for (const f of [{ kind: 'tileset', rel: datasetTilesetPath(hash, d.id) }, { kind: 'subtree', rel: subtreePath(hash, d.id) }] as const) {
      const bytes = await produceRealityFile(world, { kind: f.kind, hash, dataset: d.id });
      if (bytes) write(f.rel, bytes);
    }
  }
  const jobs: { d: RealityDataset; l: number; x: number; y: number; rel: string }[] = [];
  const summary: Record<string, { levels: number; available: number; baked: number; bakedLevels: number }> = {};
  for (const d of datasets) {
    const maxLevel = o.full ? d.levels : Math.min(d.levels, o.levels);
    let available = 0;
    for (let l = 0; l < d.levels; l++) {
      for (let x = 0; x < 2 ** l; x++) {
        for (let y = 0; y < 2 ** l; y++) {
          if (!isTileAvailable(world, d.id, l, x, y)) continue;
          available++;
          if (l >= maxLevel) continue;
          const rel = contentPath(hash, d.id, l, x, y);
          if (!o.force && existsSync(resolveUnder(o.out, rel))) continue;
          jobs.push({ d, l, x, y, rel });
        }
      }
    }
    summary[d.id] = { levels: d.levels, available, baked: 0, bakedLevels: maxLevel };
  }
  io.progress(`tilesets: ${jobs.length} tiles to generate (${hash}, ${o.jobs} workers)`);
  const pool = jobs.length > 8 && o.jobs > 1 ? createTilePool(o.jobs, o.seed) : null;
  let done = 0;
  let bytesOut = 0;
  let failed = 0;
  const queue = jobs.slice();
  const worker = async (): Promise<void> => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const file = { kind: 'content' as const, hash, dataset: job.d.id, level: job.l, x: job.x, y: job.y };
      try {
        const bytes = pool ? await pool.produce(file) : await produceRealityFile(world, file);
        if (!bytes) throw new Error('no content produced');
        write(job.rel, bytes);
        bytesOut += bytes.length;
      } catch (e) {
        failed++;
        io.err(`tilesets: ${job.rel}: ${e instanceof Error ? e.message : String(e)}\n`);
      }
      done++;
      const secs = (Date.now() - started) / 1000;
      const rate = done / Math.max(secs, 0.001);
      io.progress(`tilesets: ${job.d.id} L${job.l}  ${done}/${jobs.length} tiles  ${(bytesOut / 1048576).toFixed(1)} MB  ${rate.toFixed(1)} tiles/s  ETA ${Math.round((jobs.length - done) / Math.max(rate, 1e-6))} s`);
    }
  };
  try {
    await Promise.all(Array.from({ length: pool ? o.jobs * 2 : 1 }, worker));
  } finally {
    await pool?.close();
  }
  pruneStaleVersions(o.out, hash, io);
  const rootBytes = await produceRealityFile(world, { kind: 'root' });
  if (rootBytes) write(ROOT_TILESET, rootBytes);

  // Count what is on disk (earlier runs included) for an honest manifest.
  for (const d of datasets) {
    const s = summary[d.id]!;
    for (let l = 0; l < d.levels; l++) for (let x = 0; x < 2 ** l; x++) for (let y = 0; y < 2 ** l; y++) {
      if (isTileAvailable(world, d.id, l, x, y) && existsSync(resolveUnder(o.out, contentPath(hash, d.id, l, x, y)))) s.baked++;
    }
  }
  const manifest = {
    synthetic: true, generator: hash, seed: o.seed, root: ROOT_TILESET,
    datasets: Object.fromEntries(Object.entries(summary).map(([id, s]) => [id, { ...s, complete: s.baked === s.available, onDemand: s.baked < s.available }])),
  };
  write('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  const secs = (Date.now() - started) / 1000;
  const total = sizeOf(join(o.out, 'reality', hash));
  if (o.json) io.out(`${JSON.stringify({ ...manifest, generated: done - failed, failed, seconds: secs, bytesOnDisk: total })}\n`);
  else {
    io.err('\n');
    io.out(`tilesets: generated ${done - failed} tiles in ${secs.toFixed(1)} s into ${o.out}/reality (${hash}); ${(total / 1048576).toFixed(1)} MB on disk\n`);
    for (const [id, s] of Object.entries(manifest.datasets)) {
      io.out(`  ${id}: ${s.baked}/${s.available} tiles baked, levels 0–${s.levels - 1}${s.complete ? ' (complete)' : ', the rest generated on first request'}\n`);
    }
  }
  if (failed > 0) { io.err(`tilesets: ${failed} tiles failed; rerun to retry them\n`); return 1; }
  return 0;
}

/** Output of older generator versions can never be served again (the root names this one). */
function pruneStaleVersions(out: string, hash: string, io: CommandIo): void {
  const dir = join(out, 'reality');
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!/^g[0-9a-f]{12}$/.test(name) || name === hash) continue;
    const mb = sizeOf(join(dir, name)) / 1048576;
    rmSync(join(dir, name), { recursive: true, force: true });
    io.err(`tilesets: removed ${mb.toFixed(1)} MB of an older generator version (${name})\n`);
  }
}

function sizeOf(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) for (const n of readdirSync(p)) walk(join(p, n));
    else total += st.size;
  };
  walk(dir);
  return total;
}

