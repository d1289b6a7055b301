// Loads and validates the viewer config. Every failure (HTTP, JSON syntax, schema) comes back as
// issues naming their place, for the error view; nothing throws past this function.
import { validateViewerConfig, type Issue, type LayerKindSchema, type ViewerConfig } from '../domain/schemas/index.ts';

export type ConfigLoad =
  | { readonly ok: true; readonly config: ViewerConfig }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export async function loadViewerConfig(url: string, kinds: Readonly<Record<string, LayerKindSchema>>, fetchFn: typeof fetch = fetch): Promise<ConfigLoad> {
  let text: string;
  try {
    const res = await fetchFn(url, { cache: 'no-cache' });
    if (!res.ok) return { ok: false, issues: [{ path: url, message: `could not load: HTTP ${res.status} ${res.statusText}`.trim() }] };
    text = await res.text();
  } catch (e) {
    return { ok: false, issues: [{ path: url, message: `could not load: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseViewerConfig(text, kinds);
}

export function parseViewerConfig(text: string, kinds: Readonly<Record<string, LayerKindSchema>>): ConfigLoad {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const result = validateViewerConfig(raw, kinds);
  return result.config ? { ok: true, config: result.config } : { ok: false, issues: result.issues };
}
