// One 综合管廊 (utility tunnel) under a main arterial of 东部新城, as the district built in the
// 2010s: a 4.0 × 3.5 m concrete box with its top 2.5–3 m down, manholes (人孔) and ventilation
// shafts (通风口) along it. Laid on the east–west arterial nearest the district centre.
import { OWNERS, boxSpec } from './attributes.ts';
import { rngFor } from './random.ts';
import { runPoint, type StreetRun } from './streets.ts';
import { round2, type SurveyBook } from './tables.ts';
import { PLACES, toX, toY } from '../../world/frame.ts';

const TUNNEL_LENGTH_M = 3000;
/** No tunnel unless an arterial passes this close to the district centre. */
const SEARCH_M = 1500;
const STATION_M = 100;

export function layTunnel(book: SurveyBook, seed: number, runs: readonly StreetRun[]): void {
  const cx = toX(PLACES.dongbuXincheng.lon);
  const cy = toY(PLACES.dongbuXincheng.lat);
  const gap = (r: StreetRun): number => Math.abs(r.line - cy) + Math.max(0, r.nodes[0]! - cx, cx - r.nodes[r.nodes.length - 1]!);
  const candidates = runs.filter((r) => r.cls === 'arterial' && r.axis === 'h' && gap(r) <= SEARCH_M).sort((a, b) => gap(a) - gap(b));
  const run = candidates[0];
  if (!run) return;
  const first = run.nodes[0]!;
  const last = run.nodes[run.nodes.length - 1]!;
  const mid = Math.min(last, Math.max(first, cx));
  const a = Math.max(first, mid - TUNNEL_LENGTH_M / 2);
  const b = Math.min(last, mid + TUNNEL_LENGTH_M / 2);
  if (b - a < 2 * STATION_M) return;
  const rng = rngFor(seed, 'ZH', run.street);
  const offset = -(run.width / 2 - 10);
  const year = rng.int(2015, 2019);
  const base = rng.range(2.6, 2.9);
  const parts = Math.round((b - a) / STATION_M);
  let prev: { id: string; depth: number } | null = null;
  for (let i = 0; i <= parts; i++) {
    const p = runPoint(run, a + ((b - a) * i) / parts, offset);
    const end = i === 0 || i === parts;
    const row = book.addPoint('ZH', p.x, p.y, end ? '预留口' : '直线点', end ? '人孔' : i % 2 === 0 ? '通风口' : '人孔');
    const depth = round2(Math.min(3.0, Math.max(2.5, base + rng.range(-0.1, 0.1))));
    if (prev) {
      book.addPipe({
        from: prev.id, to: row.id, cls: 'QT', subtype: '综合管廊', startDepth: prev.depth, endDepth: depth, spec: boxSpec(4000, 3500),
        material: '混凝土', burial: '综合管廊', owner: OWNERS.tunnel, year, status: 0,
      });
    }
    prev = { id: row.id, depth };
  }
}
