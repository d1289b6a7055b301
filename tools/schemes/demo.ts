// The demo scheme package: three synthetic alternatives for one real parcel of the generated
// planning data in 东部新城, as package.json plus a GLB each. Takes the parcels' GeoJSON text and
// returns buffers; writing them is output.ts's job.
import { validateSchemePackage, type SchemePackage } from '../../src/domain/review/scheme.ts';
import { formatIssue } from '../../src/domain/schemas/issues.ts';
import { declaredOf, designAlternatives, fitsSite, SETBACK, type DemoAlternative } from './design.ts';
import { encodeAlternativeGlb } from './glb.ts';
import { candidateParcels, EASTERN_NEW_TOWN, MIN_AREA, MIN_HEIGHT_LIMIT, readParcels, siteOf, type Site } from './site.ts';

export const PACKAGE_FILE = 'package.json';

export interface DemoOutput {
  readonly site: Site;
  readonly alternatives: readonly DemoAlternative[];
  /** The package as written (JSON-ready). */
  readonly pkg: SchemePackage;
  /** File name → bytes: package.json and one .glb per alternative. */
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/**
 * The demo site: the largest 居住/商业 parcel in 东部新城 with a height limit ≥ 80 m and ≥ 20,000 m²
 * (ties by parcelId) on which all three alternatives fit with their setback; null when none does.
 */
export function chooseSite(parcelsGeojson: string): { site: Site; alternatives: DemoAlternative[] } | null {
  for (const parcel of candidateParcels(readParcels(parcelsGeojson))) {
    const site = siteOf(parcel);
    const alternatives = designAlternatives(parcel);
    if (alternatives.every((a) => fitsSite(a, site.ring))) return { site, alternatives };
  }
  return null;
}

export async function buildDemo(parcelsGeojson: string, progress: (text: string) => void = () => {}): Promise<DemoOutput> {
  progress('schemes: choosing the parcel…');
  const chosen = chooseSite(parcelsGeojson);
  if (!chosen) {
    const E = EASTERN_NEW_TOWN;
    throw new Error(`no 居住 (07) or 商业 (09) parcel in 东部新城 (${E.west}–${E.east}°E, ${E.south}–${E.north}°N) with a height limit ≥ ${MIN_HEIGHT_LIMIT} m and area ≥ ${MIN_AREA} m² holds the three demo alternatives with a ${SETBACK} m setback`);
  }
  const { site, alternatives } = chosen;
  const p = site.parcel;
  const files: Record<string, Uint8Array> = {};
  for (const alt of alternatives) {
    progress(`schemes: ${alt.id}.glb…`);
    files[`${alt.id}.glb`] = await encodeAlternativeGlb(alt, { scheme: 'demo', alternative: alt.id, parcel: p.parcelId });
  }
  const pkg: SchemePackage = {
    version: 1,
    synthetic: true,
    name: { zh: `示例方案比选：东部新城 ${p.parcelId} 地块`, en: `Demo design alternatives: parcel ${p.parcelId}, Eastern New Town` },
    description: {
      zh: `合成示例数据，非真实方案。地块限高 ${p.heightLimit ?? '—'} 米，容积率 ≤ ${p.far ?? '—'}，建筑密度 ≤ ${p.density ?? '—'}%。`,
      en: `Synthetic demo data, not a real proposal. Parcel limits: height ${p.heightLimit ?? '—'} m, FAR ≤ ${p.far ?? '—'}, density ≤ ${p.density ?? '—'} %.`,
    },
    parcel: p.parcelId,
    alternatives: alternatives.map((alt) => ({
      id: alt.id,
      name: alt.name,
      description: alt.description,
      model: `${alt.id}.glb`,
      // No height: the viewer stands the model on the ground it finds there.
      placement: { lon: site.centroid.lon, lat: site.centroid.lat, heading: 0, scale: 1 },
      declared: declaredOf(alt),
    })),
  };
  // Never publish what the viewer's own validator would reject or warn about.
  const check = validateSchemePackage(pkg);
  const problems = [...check.issues, ...check.warnings].map(formatIssue);
  if (problems.length > 0) throw new Error(`the demo package fails validation, nothing written:\n  ${problems.join('\n  ')}`);
  files[PACKAGE_FILE] = new TextEncoder().encode(`${JSON.stringify(pkg, null, 2)}\n`);
  return { site, alternatives, pkg, files };
}
