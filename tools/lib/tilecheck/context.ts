// State shared by the explicit and implicit walkers: stats, problems, the tile budget, the
// content-decode sample, and URI resolution relative to the referring file.
import path from 'node:path';
import type { CheckOptions, CheckStats, Problem, Reader } from './types.ts';

export class WalkContext {
  readonly stats: CheckStats = { tilesVisited: 0, contentsRead: 0, contentsDecoded: 0, externalTilesets: 0, subtreesRead: 0, maxDepth: 0, bytesRead: 0 };
  readonly problems: Problem[] = [];
  truncated = false;
  /** Reservoir of glb locations to decode fully at the end (deterministic LCG, seed 1). */
  readonly sampled: string[] = [];
  private glbSeen = 0;
  private rng = 1;

  constructor(readonly read: Reader, readonly options: CheckOptions) {}

  problem(where: string, message: string): void {
    this.problems.push({ path: where, message });
  }

  /** Counts a tile; false once the --max-tiles budget is spent. */
  visit(depth: number): boolean {
    const max = this.options.maxTiles;
    if (max !== undefined && this.stats.tilesVisited >= max) { this.truncated = true; return false; }
    this.stats.tilesVisited++;
    this.stats.maxDepth = Math.max(this.stats.maxDepth, depth);
    if (this.stats.tilesVisited % 250 === 0) this.options.onProgress?.(this.stats);
    return true;
  }

  get exhausted(): boolean {
    return this.truncated;
  }

  async readBytes(location: string): Promise<Uint8Array> {
    const bytes = await this.read(location);
    this.stats.bytesRead += bytes.byteLength;
    return bytes;
  }

  offerForDecode(location: string): void {
    const n = this.options.sample ?? 0;
    if (n <= 0) return;
    this.glbSeen++;
    if (this.sampled.length < n) { this.sampled.push(location); return; }
    this.rng = (this.rng * 1103515245 + 12345) % 2147483648;
    const j = this.rng % this.glbSeen;
    if (j < n) this.sampled[j] = location;
  }
}

/** Resolves a content/subtree/external uri against the file that names it (path or URL). */
export function resolveUri(base: string, uri: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(base)) return new URL(uri, base).href;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) return uri;
  const clean = uri.split(/[?#]/)[0] ?? uri;
  let decoded = clean;
  try { decoded = decodeURIComponent(clean); } catch { /* keep as written */ }
  return path.join(path.dirname(base), decoded);
}

export function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'not found';
  return e instanceof Error ? e.message : String(e);
}

/** Runs `jobs` with at most `limit` in flight, in order of start. */
export async function pool<T>(items: T[], limit: number, job: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await job(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
