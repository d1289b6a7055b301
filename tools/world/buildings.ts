// Building placement per parcel use, with the forms a planner expects: CBD towers on podiums,
// south-facing 18–33-storey slab estates spaced for sunlight, six-storey walk-ups, big low sheds in
// industry and the port, pitched-roof village houses, school blocks.
import { hash01 } from './noise.ts';
import type { Rect } from './frame.ts';
import type { Building, BuildingUse, Parcel, BlockContext, RoofShape } from './blocks.ts';
import { towerCloseness } from './zoning.ts';

interface Draft { rect: Rect; height: number; floors: number; use: BuildingUse; roof?: RoofShape; ridge?: number; facade: Building['facade'] }

const w = (r: Rect): number => r.x1 - r.x0;
const h = (r: Rect): number => r.y1 - r.y0;

export function placeBuildings(ctx: BlockContext, parcel: Parcel, key: number): Building[] {
  const rnd = (i: number, j = 0): number => hash01(key, i, j);
  const r = parcel.rect;
  const drafts: Draft[] = [];
  const cxm = (r.x0 + r.x1) / 2;
  const cym = (r.y0 + r.y1) / 2;
  switch (parcel.use) {
    case 'office': {
      const close = towerCloseness(cxm, cym);
      if (w(r) > 70 && h(r) > 70 && rnd(1) < 0.65) {
        drafts.push({ rect: { x0: r.x0 + 6, y0: r.y0 + 6, x1: r.x1 - 6, y1: r.y1 - 6 }, height: 20 + Math.floor(rnd(2) * 3) * 4, floors: 5, use: 'commercial', facade: 2 });
      }
      const n = w(r) > 150 || h(r) > 150 ? 2 : 1;
      for (let t = 0; t < n; t++) {
        const side = 32 + rnd(3, t) * 18;
        const along = w(r) >= h(r);
        const fx = along ? r.x0 + (w(r) * (t + 0.5)) / n : cxm;
        const fy = along ? cym : r.y0 + (h(r) * (t + 0.5)) / n;
        const height = Math.min(250, 100 + 150 * close * (0.5 + 0.5 * rnd(4, t)));
        const half = Math.min(side / 2, w(r) / 2 - 4, h(r) / 2 - 4);
        if (half < 10) continue;
        drafts.push({ rect: { x0: fx - half, x1: fx + half, y0: fy - half, y1: fy + half }, height, floors: Math.round(height / 4.2), use: 'office', facade: 0 });
      }
      break;
    }
    case 'residential': {
      const storeys = 18 + Math.floor(rnd(5) * 16);
      const height = storeys * 3;
      const rowGap = Math.max(45, height * 0.9);
      const slabLen = 36 + rnd(6) * 24;
      for (let y = r.y0 + 8; y + 14 <= r.y1 - 8; y += 14 + rowGap) {
        for (let x = r.x0 + 8; x + slabLen <= r.x1 - 8; x += slabLen + 22) {
          drafts.push({ rect: { x0: x, x1: x + slabLen, y0: y, y1: y + 14 }, height, floors: storeys, use: 'residential', facade: 1 });
        }
      }
      break;
    }
    case 'midrise': {
      const len = 40 + rnd(7) * 20;
      for (let y = r.y0 + 6; y + 12 <= r.y1 - 6; y += 12 + 24) {
        for (let x = r.x0 + 6; x + len <= r.x1 - 6; x += len + 12) {
          drafts.push({ rect: { x0: x, x1: x + len, y0: y, y1: y + 12 }, height: 18, floors: 6, use: 'residential', facade: 1 });
        }
      }
      break;
    }
    case 'commercial': {
      const f = 4 + Math.floor(rnd(8) * 12);
      drafts.push({ rect: { x0: r.x0 + 10, y0: r.y0 + 10, x1: r.x1 - 10, y1: r.y1 - 10 }, height: f * 4.5, floors: f, use: 'commercial', facade: 2 });
      break;
    }
    case 'school': {
      const x0 = r.x0 + 10;
      drafts.push({ rect: { x0, x1: Math.min(r.x1 - 10, x0 + 70), y0: r.y1 - 30, y1: r.y1 - 12 }, height: 18, floors: 5, use: 'school', facade: 1 });
      drafts.push({ rect: { x0, x1: x0 + 16, y0: r.y0 + 12, y1: r.y1 - 40 }, height: 15, floors: 4, use: 'school', facade: 1 });
      break;
    }
    case 'industrial':
    case 'port': {
      const nx = w(r) > 140 ? 2 : 1;
      const ny = h(r) > 140 ? 2 : 1;
      for (let i = 0; i < nx; i++) {
        for (let j = 0; j < ny; j++) {
          if (rnd(9, i * 2 + j) < 0.15) continue;
          const cw = w(r) / nx;
          const ch = h(r) / ny;
          const x0 = r.x0 + i * cw + 8;
          const y0 = r.y0 + j * ch + 8;
          const sw = (cw - 16) * (0.6 + 0.35 * rnd(10, i * 2 + j));
          const sh = (ch - 16) * (0.55 + 0.4 * rnd(11, i * 2 + j));
          const height = parcel.use === 'port' ? 14 + rnd(12, i) * 8 : 9 + rnd(12, i + 2 * j) * 12;
          drafts.push({ rect: { x0, y0, x1: x0 + sw, y1: y0 + sh }, height, floors: 1, use: parcel.use === 'port' ? 'warehouse' : 'industrial', facade: 3, roof: rnd(13, i) < 0.3 ? 'gable' : 'flat', ridge: 3 });
        }
      }
      break;
    }
    case 'village': {
      for (let y = r.y0 + 4; y + 12 <= r.y1 - 4; y += 12 + 8 + rnd(14) * 6) {
        for (let x = r.x0 + 4; x + 10 <= r.x1 - 4; x += 10 + 5) {
          if (rnd(15, Math.round(x * 7 + y)) < 0.25) continue;
          const fl = 2 + Math.floor(rnd(16, Math.round(x + y * 3)) * 3);
          drafts.push({ rect: { x0: x, x1: x + 10, y0: y, y1: y + 12 }, height: fl * 3.2, floors: fl, use: 'house', facade: 2, roof: 'gable', ridge: 2.5 });
        }
      }
      break;
    }
    default:
      break;
  }
  return drafts.map((d, i) => {
    const { terrain } = ctx;
    const g = Math.min(terrain.height(d.rect.x0, d.rect.y0), terrain.height(d.rect.x1, d.rect.y0), terrain.height(d.rect.x0, d.rect.y1), terrain.height(d.rect.x1, d.rect.y1));
    return {
      id: `${parcel.id}_${i}`, rect: d.rect, base: g - 0.3, height: d.height, floors: d.floors, use: d.use,
      roof: d.roof ?? 'flat', ridge: d.roof === 'gable' ? d.ridge ?? 2.5 : 0, roofTone: Math.floor(rnd(20, i) * 4), facade: d.facade,
    };
  });
}
