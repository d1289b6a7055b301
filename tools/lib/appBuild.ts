// Decides whether the Vite build in dist/ is older than the app sources, and runs the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import type { CommandIo } from './io.ts';

/** Inputs of the app build: a change to any of them makes dist/ stale. */
export const APP_SOURCES = ['src', 'bench', 'index.html', 'public', 'vite.config.ts', 'package-lock.json'];

/** True when dist/index.html is missing or any app source is newer than it. */
export function distIsStale(root: string, distDir: string, sources: string[] = APP_SOURCES): boolean {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return sources.some((s) => newestMtime(path.join(root, s)) > built);
}

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/**
 * Runs `vite build` in a child process (so a Vite crash cannot take the server down with it) and
 * relays its output as progress lines. Resolves to the exit code.
 */
export function runViteBuild(root: string, io: CommandIo): Promise<number> {
  return new Promise((resolve) => {
    const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
    const child = spawn(process.execPath, [vite, 'build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const relay = (chunk: Buffer): void => {
      for (const line of chunk.toString().split(/\r?\n/)) {
        // eslint-disable-next-line no-control-regex
        const plain = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim();
        if (!plain) continue;
        tail.push(plain);
        if (tail.length > 30) tail.shift();
        io.progress(`vite: ${plain.slice(0, 160)}`);
      }
    };
    child.stdout.on('data', relay);
    child.stderr.on('data', relay);
    child.on('error', (e) => { io.err(`vite build could not start: ${e.message}\n`); resolve(1); });
    child.on('close', (code) => {
      if (code !== 0) io.err(`vite build failed (exit ${code}); last output:\n${tail.join('\n')}\n`);
      resolve(code ?? 1);
    });
  });
}
