// Projects: several hundred development projects across the city and 前湾, each one to three
// parcels of one block, with a code, a name, a developer, and the date each lifecycle stage was
// reached. Project code: `NB-<year the plan stage was reached>-<4-digit sequence within that year>`,
// e.g. NB-2019-0042 (a synthetic scheme, documented in the README).
import { hash01 } from '../world/noise.ts';
import { toLat, toLon, toX, toY } from '../world/frame.ts';
import { LIFECYCLE_STAGE_IDS, type Feature, type LifecycleStageId, type PolygonCoords } from '../../src/domain/planning/index.ts';
import type { PlannedParcel } from './parcels.ts';

export interface ProjectProperties {
  synthetic: true;
  projectCode: string;
  name: string;
  developer: string;
  districtCode: string;
  districtName: string;
  landUseCode: string;
  stage: LifecycleStageId;
  stageDates: Partial<Record<LifecycleStageId, string>>;
  parcelIds: string[];
  area: number;
  extent: string;
}

export const DEVELOPERS = [
  '甬江城市建设投资有限公司', '三江口置业有限公司', '东部新城开发建设有限公司', '宁波湾区产业发展有限公司', '海曙城市更新有限公司',
  '江北滨江发展有限公司', '鄞州城投置业有限公司', '镇海临港产业投资有限公司', '北仑港城开发有限公司', '前湾新区建设发展有限公司',
  '明州安居房产有限公司', '甬上智造产业园有限公司', '四明山文旅发展有限公司', '天一商业管理有限公司', '杭州湾新材料产业有限公司',
  '宁波轨道物业发展有限公司',
].map((n) => `${n}（虚构）`);

/** Named areas for project names: the nearest within 4 km names the project, else the district alone. */
const AREAS = [
  { name: '三江口', lon: 121.556, lat: 29.876 }, { name: '东部新城', lon: 121.625, lat: 29.868 }, { name: '南部商务区', lon: 121.545, lat: 29.822 },
  { name: '镇海新城', lon: 121.66, lat: 29.95 }, { name: '招宝山', lon: 121.712, lat: 29.952 }, { name: '新碶', lon: 121.79, lat: 29.905 },
  { name: '集士港', lon: 121.46, lat: 29.87 }, { name: '高桥', lon: 121.49, lat: 29.905 }, { name: '庄桥', lon: 121.56, lat: 29.93 },
  { name: '姜山', lon: 121.55, lat: 29.77 }, { name: '五乡', lon: 121.68, lat: 29.85 }, { name: '前湾新区', lon: 121.25, lat: 30.3 },
  { name: '湾区智造园', lon: 121.2, lat: 30.27 },
];

const USE_WORD: Record<string, string> = {
  office: '商务', commercial: '商业', residential: '住宅', midrise: '住宅', village: '农房改造', industrial: '工业',
  port: '物流仓储', school: '学校', park: '公园',
};

/** How far projects have come: share of projects whose current stage is each stage. */
const STAGE_SHARE = [0.14, 0.14, 0.14, 0.26, 0.16, 0.16];
const FIRST_DAY = Date.UTC(2015, 0, 1);
const LAST_DAY = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
/** Share of parcels that start a project. */
const PROJECT_RATE = 0.035;

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

export function planProjects(seed: number, parcels: readonly PlannedParcel[]): Feature<ProjectProperties>[] {
  const byBlock = new Map<string, PlannedParcel[]>();
  for (const p of parcels) {
    const key = p.parcel.id.split('_').slice(0, 2).join('_');
    const list = byBlock.get(key) ?? [];
    byBlock.set(key, list);
    list.push(p);
  }
  const used = new Set<string>();
  const drafts: Omit<ProjectProperties, 'projectCode' | 'name'>[] = [];
  const useWords: string[] = [];
  const geometries: PolygonCoords[][] = [];
  const places: string[] = [];
  parcels.forEach((p, n) => {
    if (used.has(p.parcel.id) || p.feature.properties.infrastructure || hash01(seed + 801, n) >= PROJECT_RATE) return;
    const siblings = (byBlock.get(p.parcel.id.split('_').slice(0, 2).join('_')) ?? [])
      .filter((s) => s !== p && !used.has(s.parcel.id) && !s.feature.properties.infrastructure && s.parcel.use === p.parcel.use);
    const extra = Math.floor(hash01(seed + 802, n) * 3);
    const members = [p, ...siblings.slice(0, extra)];
    for (const m of members) used.add(m.parcel.id);
    const props = p.feature.properties;
    const r = hash01(seed + 803, n);
    let target = 0;
    for (let acc = STAGE_SHARE[0]!; target < 5 && r >= acc; acc += STAGE_SHARE[++target]!);
    const dates: Partial<Record<LifecycleStageId, string>> = {};
    let t = FIRST_DAY + Math.floor(hash01(seed + 804, n) * ((LAST_DAY - FIRST_DAY) * 0.8) / DAY) * DAY;
    let stage: LifecycleStageId = 'plan';
    for (let s = 0; s <= target; s++) {
      if (t > LAST_DAY) break;
      stage = LIFECYCLE_STAGE_IDS[s]!;
      dates[stage] = iso(t);
      t += (60 + Math.floor(hash01(seed + 805, n, s) * 480)) * DAY;
    }
    const cx = members.reduce((a, m) => a + (m.rect.x0 + m.rect.x1) / 2, 0) / members.length;
    const cy = members.reduce((a, m) => a + (m.rect.y0 + m.rect.y1) / 2, 0) / members.length;
    places.push(areaName(toLon(cx), toLat(cy)));
    useWords.push(USE_WORD[p.parcel.use] ?? '');
    geometries.push(members.map((m) => m.feature.geometry.coordinates as PolygonCoords));
    drafts.push({
      synthetic: true, developer: DEVELOPERS[Math.floor(hash01(seed + 806, n) * DEVELOPERS.length)]!,
      districtCode: props.districtCode, districtName: props.districtName, landUseCode: props.landUseCode, stage, stageDates: dates,
      parcelIds: members.map((m) => m.parcel.id), area: members.reduce((a, m) => a + m.feature.properties.area, 0), extent: props.extent,
    });
  });
  // Codes are numbered per plan year in a stable order (plan date, then parcel id).
  const order = drafts.map((_, i) => i).sort((a, b) => {
    const da = drafts[a]!.stageDates.plan!; const db = drafts[b]!.stageDates.plan!;
    return da < db ? -1 : da > db ? 1 : a - b;
  });
  const perYear = new Map<string, number>();
  const perName = new Map<string, number>();
  const out: Feature<ProjectProperties>[] = [];
  for (const i of order) {
    const d = drafts[i]!;
    const year = d.stageDates.plan!.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const base = `${d.districtName}${places[i]}${useWords[i]}`;
    const k = (perName.get(base) ?? 0) + 1;
    perName.set(base, k);
    const projectCode = `NB-${year}-${String(seq).padStart(4, '0')}`;
    out.push({
      type: 'Feature', id: projectCode, geometry: { type: 'MultiPolygon', coordinates: geometries[i]! },
      properties: { ...d, projectCode, name: `${base}${k}号地块项目` },
    });
  }
  return out;
}

function areaName(lon: number, lat: number): string {
  let best = ''; let bestD = 4000;
  for (const a of AREAS) {
    const d = Math.hypot(toX(lon) - toX(a.lon), toY(lat) - toY(a.lat));
    if (d < bestD) { bestD = d; best = a.name; }
  }
  return best;
}
