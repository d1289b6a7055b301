// The pipelines converter's summary (pipelines.json beside the tileset): km and counts per class
// and the owners, for the legend's owner filter. A missing or odd manifest only hides the extras.
export interface PipelineManifestSummary {
  readonly kmByClass: Readonly<Record<string, number>>;
  readonly owners: readonly { readonly name: string; readonly count: number }[];
}

const EMPTY: PipelineManifestSummary = { kmByClass: {}, owners: [] };

function asRecord(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Reads `km` per class and `owners` (name → features) wherever the summary keeps them (top level or under `summary`). */
export function readPipelineManifest(json: unknown): PipelineManifestSummary {
  const top = asRecord(json);
  const s = asRecord(top?.['summary']) ?? top;
  if (!s) return EMPTY;
  const km: Record<string, number> = {};
  const kmRaw = asRecord(s['km']) ?? asRecord(s['kmByClass']);
  for (const [k, v] of Object.entries(kmRaw ?? {})) if (typeof v === 'number') km[k] = v;
  const ownersRaw = s['owners'];
  const owners = Array.isArray(ownersRaw)
    ? ownersRaw.flatMap((o) => (typeof o === 'string' ? [{ name: o, count: 0 }]
      : asRecord(o) && typeof asRecord(o)!['name'] === 'string' ? [{ name: asRecord(o)!['name'] as string, count: Number(asRecord(o)!['count'] ?? 0) }] : []))
    : Object.entries(asRecord(ownersRaw) ?? {}).map(([name, count]) => ({ name, count: Number(count) }));
  return { kmByClass: km, owners: owners.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)) };
}

export async function fetchPipelineManifest(url: string): Promise<PipelineManifestSummary> {
  try {
    const r = await fetch(url);
    return r.ok ? readPipelineManifest(await r.json()) : EMPTY;
  } catch {
    return EMPTY;
  }
}
