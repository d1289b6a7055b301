#!/usr/bin/env node
// Parses argv only and dispatches to tools/commands/<name>.ts (each exports `run(args, io)`).
import { nodeIo, type CommandModule } from './lib/io.ts';

const commands: Record<string, () => Promise<CommandModule>> = {
  start: () => import('./commands/start.ts'),
  serve: () => import('./commands/serve.ts'),
  tilesets: () => import('./commands/tilesets.ts'),
  check: () => import('./commands/check.ts'),
  test: () => import('./commands/test.ts'),
  spacecode: () => import('./commands/spacecode.ts'),
  planning: () => import('./commands/planning.ts'),
  bench: () => import('./commands/bench.ts'),
  'bench-planning': () => import('./commands/benchPlanning.ts'),
  survey: () => import('./commands/survey.ts'),
  pipelines: () => import('./commands/pipelines.ts'),
  seabed: () => import('./commands/seabed.ts'),
  'bench-underground': () => import('./commands/benchUnderground.ts'),
  schemes: () => import('./commands/schemes.ts'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    nodeIo.err(`usage: cli <${Object.keys(commands).join('|')}> [options]\n`);
    return name ? 2 : 0;
  }
  const mod = await load();
  return mod.run(rest, nodeIo);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => { nodeIo.err(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`); process.exitCode = 1; },
);
