// The three demo alternatives as stacks of boxes, sized from the parcel's limits so the comparison
// table always has something to say: (a) a slender tower deliberately four storeys over the height
// limit, (b) a long thin slab at 60 % of it, (c) a podium with two towers at 92 % and 75 % of it.
// Footprints are plausible for 东部新城 (a 30 m square tower core-and-floor plate, a 16 m deep slab)
// and are checked against the parcel, with a setback, before anything is written.
import type { ParcelRecord } from '../../src/domain/planning/records.ts';
import type { LocalizedText } from '../../src/domain/schemas/viewerConfig.ts';
import { rectInside, type Xy } from './site.ts';

/** Metres kept clear between a footprint and the parcel line (建筑退界). */
export const SETBACK = 10;
/** The dark band at the foot of each storey: floor slab and spandrel. */
export const SPANDREL = 0.9;

export type BoxRole = 'tower' | 'podium';

/** A box of whole storeys; x east, y north of the footprint centre, metres. */
export interface DesignBox {
  readonly cx: number;
  readonly cy: number;
  /** Extent east–west and north–south. */
  readonly w: number;
  readonly d: number;
  /** Storeys below it (it stands on a podium when > 0). */
  readonly baseStorey: number;
  readonly storeys: number;
  readonly role: BoxRole;
}

export interface DemoAlternative {
  readonly id: 'tower' | 'slab' | 'podium';
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly storeyHeight: number;
  readonly boxes: readonly DesignBox[];
}

/** 3 m storeys for housing (07), 4 m for offices and shops (09). */
export function storeyHeightFor(parcel: Pick<ParcelRecord, 'landUseCode'>): number {
  return parcel.landUseCode.startsWith('07') ? 3 : 4;
}

export function designAlternatives(parcel: Pick<ParcelRecord, 'landUseCode' | 'heightLimit'>): DemoAlternative[] {
  const s = storeyHeightFor(parcel);
  const limit = parcel.heightLimit ?? 100;
  const storeysAt = (share: number): number => Math.max(1, Math.floor((share * limit) / s));
  const towerStoreys = Math.floor(limit / s) + 4;
  const podium = 3;
  return [
    {
      id: 'tower', storeyHeight: s,
      name: { zh: '示例方案A：单塔', en: 'Demo A: slender tower' },
      description: { zh: `30×30 米单塔，${towerStoreys} 层，有意超出限高`, en: `a 30 × 30 m tower of ${towerStoreys} storeys, deliberately over the height limit` },
      boxes: [{ cx: 0, cy: 0, w: 30, d: 30, baseStorey: 0, storeys: towerStoreys, role: 'tower' }],
    },
    {
      id: 'slab', storeyHeight: s,
      name: { zh: '示例方案B：板楼', en: 'Demo B: slab block' },
      description: { zh: `90×16 米东西向板楼，${storeysAt(0.6)} 层`, en: `a 90 × 16 m east–west slab of ${storeysAt(0.6)} storeys` },
      boxes: [{ cx: 0, cy: 0, w: 90, d: 16, baseStorey: 0, storeys: storeysAt(0.6), role: 'tower' }],
    },
    {
      id: 'podium', storeyHeight: s,
      name: { zh: '示例方案C：裙房双塔', en: 'Demo C: podium and two towers' },
      description: {
        zh: `84×48 米 ${podium} 层裙房，上置 ${storeysAt(0.92)} 层与 ${storeysAt(0.75)} 层两座塔楼`,
        en: `an 84 × 48 m podium of ${podium} storeys under towers of ${storeysAt(0.92)} and ${storeysAt(0.75)} storeys`,
      },
      boxes: [
        { cx: 0, cy: 0, w: 84, d: 48, baseStorey: 0, storeys: podium, role: 'podium' },
        { cx: -25, cy: 5, w: 26, d: 26, baseStorey: podium, storeys: storeysAt(0.92) - podium, role: 'tower' },
        { cx: 25, cy: -5, w: 26, d: 26, baseStorey: podium, storeys: storeysAt(0.75) - podium, role: 'tower' },
      ],
    },
  ];
}

/** Storeys of the tallest part, GFA (Σ box area × storeys) and height of an alternative. */
export function declaredOf(alt: DemoAlternative): { floors: number; gfa: number; height: number; storeyHeight: number } {
  const floors = Math.max(...alt.boxes.map((b) => b.baseStorey + b.storeys));
  const gfa = alt.boxes.reduce((sum, b) => sum + b.w * b.d * b.storeys, 0);
  return { floors, gfa, height: floors * alt.storeyHeight, storeyHeight: alt.storeyHeight };
}

/** The footprint's bounding rectangle (boxes on a podium lie inside it). */
export function footprintRect(alt: DemoAlternative): { minX: number; minY: number; maxX: number; maxY: number } {
  return {
    minX: Math.min(...alt.boxes.map((b) => b.cx - b.w / 2)), maxX: Math.max(...alt.boxes.map((b) => b.cx + b.w / 2)),
    minY: Math.min(...alt.boxes.map((b) => b.cy - b.d / 2)), maxY: Math.max(...alt.boxes.map((b) => b.cy + b.d / 2)),
  };
}

/** Whether every box, grown by the setback, lies inside the parcel ring (metres around the placement point). */
export function fitsSite(alt: DemoAlternative, ring: readonly Xy[], setback = SETBACK): boolean {
  return alt.boxes.every((b) => rectInside(ring, b.cx - b.w / 2, b.cy - b.d / 2, b.cx + b.w / 2, b.cy + b.d / 2, setback));
}
