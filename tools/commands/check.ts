// `check <tileset.json path or URL>`: walks any 3D Tiles tileset and reports structural problems
// with the path of the tile they belong to. Exit 0 clean, 1 problems found, 2 usage error.
import type { CommandIo } from '../lib/io.ts';
import { flag, int, parseCommandArgs } from '../lib/args.ts';
import { checkTileset, nodeReader, type CheckReport, type Reader } from '../lib/tilecheck/index.ts';
import { onDemandReader } from '../lib/tilecheck/onDemandReader.ts';

const usage = 'usage: cli check <tileset.json path or URL> [--json] [--max-tiles N] [--sample N] [--on-demand] [--show N]\n'
  + '  --max-tiles N  stop after N tiles (breadth-first inside implicit trees)\n'
  + '  --sample N     also fully decode N glb contents (meshopt included) with @loaders.gl/gltf\n'
  + '  --on-demand    generate missing files under tilesets/ with the on-demand hook, as the server does\n'
  + '  --show N       print at most N problems (default 50; --json always lists all)\n';

export async function run(args: string[], io: CommandIo): Promise<number> {
  const p = parseCommandArgs(args, {
    json: { type: 'boolean' }, 'max-tiles': { type: 'string' }, sample: { type: 'string' },
    'on-demand': { type: 'boolean' }, show: { type: 'string' }, help: { type: 'boolean' },
  });
  if ('error' in p) { io.err(`${p.error}\n${usage}`); return 2; }
  if (flag(p, 'help')) { io.out(usage); return 0; }
  const [target, ...extra] = p.positionals;
  if (!target || extra.length > 0) { io.err(usage); return 2; }
  const maxTiles = int(p, 'max-tiles');
  const sample = int(p, 'sample');
  const show = int(p, 'show') ?? 50;
  for (const [name, v] of [['--max-tiles', maxTiles], ['--sample', sample], ['--show', show]] as const) {
    if (Number.isNaN(v)) { io.err(`${name} expects a non-negative integer\n`); return 2; }
  }
  const reader: Reader = flag(p, 'on-demand') ? onDemandReader(nodeReader) : nodeReader;
  const started = Date.now();
  const report = await checkTileset(target, reader, {
    maxTiles, sample,
    onProgress: (s) => io.progress(`checked ${s.tilesVisited} tiles, ${s.contentsRead} contents, ${(s.bytesRead / 1e6).toFixed(1)} MB`),
  });
  const seconds = (Date.now() - started) / 1000;
  if (flag(p, 'json')) io.out(`${JSON.stringify({ ...report, seconds }, null, 2)}\n`);
  else io.out(formatReport(report, show, seconds));
  if (!flag(p, 'on-demand') && report.problems.some((x) => /cannot read \(not found\)/.test(x.message)) && /(^|[\\/])tilesets[\\/]/.test(target)) {
    io.err('hint: tiles under tilesets/ may be generated on first request (see tilesets/manifest.json): pass --on-demand to generate them as the server does.\n');
  }
  return report.problems.length > 0 ? 1 : 0;
}

export function formatReport(r: CheckReport, show: number, seconds: number): string {
  const lines: string[] = [];
  for (const p of r.problems.slice(0, show)) lines.push(`✗ ${p.path}: ${p.message}`);
  if (r.problems.length > show) lines.push(`… and ${r.problems.length - show} more (use --json or --show N)`);
  lines.push(
    `${r.root}: ${r.tilesVisited} tiles visited${r.truncated ? ' (stopped at --max-tiles)' : ''}, ${r.contentsRead} contents read`
    + `${r.contentsDecoded ? `, ${r.contentsDecoded} decoded` : ''}, ${r.subtreesRead} subtrees, ${r.externalTilesets} external tilesets, `
    + `max depth ${r.maxDepth}, ${(r.bytesRead / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`,
    r.problems.length === 0 ? 'no problems found' : `${r.problems.length} problem${r.problems.length === 1 ? '' : 's'} found`,
  );
  return `${lines.join('\n')}\n`;
}
