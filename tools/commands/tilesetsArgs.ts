// Options of the `tilesets` command, validated with messages that name the bad option.
import { DATASETS } from '../reality/datasets.ts';
import { DEFAULT_SEED } from '../world/index.ts';

export interface TilesetsOptions {
  help: boolean; full: boolean; levels: number; datasets: string[]; out: string; jobs: number; seed: number; force: boolean; json: boolean;
}

export const USAGE = `usage: npm run tilesets -- [options]
  (no options)      bake the top 4 levels of every dataset; deeper tiles are made on first request
  --full            bake every tile of the full extent (resumable; rerun to continue)
  --levels N        bake levels 0..N-1 (1–9)
  --dataset ID      central | qianwan (repeatable; default both)
  --out DIR         output directory (default tilesets)
  --jobs N          worker threads (default 2)
  --seed N          world seed (default ${DEFAULT_SEED})
  --force           regenerate tiles that already exist
  --json            print the summary as JSON
`;

export function parseTilesetsArgs(args: string[]): TilesetsOptions | { errors: string[] } {
  const o: TilesetsOptions = { help: false, full: false, levels: 4, datasets: [], out: 'tilesets', jobs: 2, seed: DEFAULT_SEED, force: false, json: false };
  const errors: string[] = [];
  const int = (name: string, v: string | undefined, min: number, max: number): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min || n > max) { errors.push(`${name}: expected an integer ${min}–${max}, found ${v === undefined ? 'nothing' : JSON.stringify(v)}`); return min; }
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    switch (a) {
      case '--help': case '-h': o.help = true; break;
      case '--full': o.full = true; break;
      case '--force': o.force = true; break;
      case '--json': o.json = true; break;
      case '--levels': o.levels = int('--levels', args[++i], 1, 9); break;
      case '--jobs': o.jobs = int('--jobs', args[++i], 1, 32); break;
      case '--seed': o.seed = int('--seed', args[++i], 0, 2 ** 31 - 1); break;
      case '--out': {
        const v = args[++i];
        if (!v || v.startsWith('--')) errors.push('--out: expected a directory'); else o.out = v;
        break;
      }
      case '--dataset': {
        const v = args[++i];
        if (!v || !DATASETS.some((d) => d.id === v)) errors.push(`--dataset: expected one of ${DATASETS.map((d) => d.id).join(', ')}, found ${JSON.stringify(v ?? null)}`);
        else o.datasets.push(v);
        break;
      }
      default: errors.push(`${a}: unknown option`);
    }
  }
  if (o.datasets.length === 0) o.datasets = DATASETS.map((d) => d.id);
  return errors.length > 0 ? { errors } : o;
}
