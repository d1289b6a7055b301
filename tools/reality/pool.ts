// A small pool of worker threads for baking: tile generation is CPU-bound (painting, meshopt).
import { Worker } from 'node:worker_threads';
import type { RealityFile } from './layout.ts';

interface Pending { resolve(b: Uint8Array | null): void; reject(e: Error): void }

export interface TilePool { produce(f: RealityFile): Promise<Uint8Array | null>; close(): Promise<void> }

/** `unref`: idle workers do not keep the process alive (a server's pool lives as long as it). */
export function createTilePool(size: number, seed: number, opts: { unref?: boolean } = {}): TilePool {
  // Workers do not inherit tsx's loader: register it in the worker before importing our TS.
  const api = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  const workers = Array.from({ length: size }, () => new Worker(boot, { eval: true, workerData: { seed } }));
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>(workers.map((w) => [w, 0]));
  let next = 0;
  for (const w of workers) {
    if (opts.unref) w.unref();
    w.on('message', (m: { id: number; bytes?: Uint8Array | null; error?: string }) => {
      load.set(w, (load.get(w) ?? 1) - 1);
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.bytes ?? null);
    });
    w.on('error', (e) => { for (const p of pending.values()) p.reject(e); pending.clear(); });
  }
  return {
    produce(file) {
      const id = next++;
      // Least-loaded worker keeps both cores busy when tiles differ in cost.
      const w = workers.reduce((a, b) => ((load.get(a) ?? 0) <= (load.get(b) ?? 0) ? a : b));
      load.set(w, (load.get(w) ?? 0) + 1);
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, file });
      });
    },
    async close() { await Promise.all(workers.map((w) => w.terminate())); },
  };
}
