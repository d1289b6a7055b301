// From the survey network to drawable features: each pipe, well and fitting with its property
// row, its place (for tiling), its geodetic bounds (for the tile's region) and a function that
// adds its triangles. Heights: h = H1985 + N, N = geoidOffsetMeters (standards.md §6).
import type { PipeClassCode, PipeEnd, SurveyNetwork, SurveyPipe, SurveyPoint } from '../../../src/domain/pipelines/index.ts';
import { pipeCentreline, pipeClassInfo, pipeRgb, sectionSizeMeters } from '../../../src/domain/pipelines/index.ts';
import { enuBasis, geodeticToEcef } from '../../../src/domain/tiles/ecef.ts';
import { box, cylinder, disc, dot, scale, sphere, sub, add, normalize, tube, tubeSides, type MeshGroup, type Vec3 } from './mesh.ts';
import { sizeLabel, type FeatureProperties } from './properties.ts';

/** Lon/lat in degrees, ellipsoidal heights in metres. */
export interface GeoBounds { west: number; south: number; east: number; north: number; minH: number; maxH: number }

export interface Feature {
  readonly properties: FeatureProperties;
  /** Shown from afar in the root tile (综合管廊, round ≥ DN600, boxes ≥ 1000 mm wide). */
  readonly main: boolean;
  /** Where the feature is tiled: a pipe's midpoint, a well's point. */
  readonly lon: number;
  readonly lat: number;
  readonly bounds: GeoBounds;
  /** Material key: the class code, or `BM` for 不明管线 which has its own colour. */
  readonly material: string;
  readonly rgb: readonly [number, number, number];
  /** Length in metres (pipes), for the km-per-class summary. */
  readonly lengthM: number;
  draw(g: MeshGroup, featureId: number): void;
}

/** A well drawn without a surveyed 井深, and its default diameter (CJJ 61 typical 1 m shafts). */
export const WELL_DIAMETER_M = 1.0;
const DEFAULT_WELL_DEPTH_M = 1.5;
/** Height of a hydrant above ground. */
const HYDRANT_HEIGHT_M = 0.8;

export const isWell = (p: SurveyPoint): boolean => p.appurtenance.includes('井') || p.appurtenance.includes('人孔');
export const isFitting = (p: SurveyPoint): boolean => !isWell(p) && (p.appurtenance.includes('阀') || p.appurtenance.includes('消防栓'));

export function isMain(pipe: SurveyPipe): boolean {
  if (pipe.cls === 'QT' && (pipe.subtype === '综合管廊' || pipe.subtype === 'ZH')) return true;
  if (pipe.burial === 'ZH') return true;
  // Trunk mains only: with DN600 the synthetic city's drains alone put 8k pipes (9 MB) in the root.
  return pipe.section.kind === 'round' ? pipe.section.diameterMm >= 1000 : pipe.section.widthMm >= 1200;
}

const materialKey = (cls: PipeClassCode, subtype: string): string => (cls === 'QT' && (subtype === '不明管线' || subtype === 'BM') ? 'BM' : cls);

/** Metres → degrees with a little to spare (the bounds must contain every vertex). */
const M_PER_DEG_LAT = 110_000;
const mPerDegLon = (lat: number): number => 111_000 * Math.cos((lat * Math.PI) / 180);

function boundsAround(points: readonly { lon: number; lat: number; h: number }[], padM: number): GeoBounds {
  const lat0 = points[0]?.lat ?? 0;
  const dLon = padM / mPerDegLon(lat0), dLat = padM / M_PER_DEG_LAT;
  const b: GeoBounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity, minH: Infinity, maxH: -Infinity };
  for (const p of points) {
    b.west = Math.min(b.west, p.lon - dLon); b.east = Math.max(b.east, p.lon + dLon);
    b.south = Math.min(b.south, p.lat - dLat); b.north = Math.max(b.north, p.lat + dLat);
    b.minH = Math.min(b.minH, p.h - padM); b.maxH = Math.max(b.maxH, p.h + padM);
  }
  return b;
}

const sectionMm = (s: SurveyPipe['section']): { diameterMm: number; widthMm: number; heightMm: number } =>
  (s.kind === 'round' ? { diameterMm: s.diameterMm, widthMm: s.diameterMm, heightMm: s.diameterMm } : { diameterMm: 0, widthMm: s.widthMm, heightMm: s.heightMm });

/** A pipe end at a point; `away` is the unit direction of the pipe leaving the point (east, north, up metres). */
interface PipeEndInfo { pipe: SurveyPipe; end: PipeEnd; radius: number; away: Vec3 }

/** Two ends closer to opposite than this (cos 5°) continue straight: their tubes abut without a gap. */
const STRAIGHT = Math.cos((5 * Math.PI) / 180);

/** Builds every feature of the network; `skip` counts what could not be drawn. */
export function networkFeatures(network: SurveyNetwork, geoidOffsetMeters: number): { features: Feature[]; skippedPipes: number } {
  const points = new Map(network.points.map((p) => [p.id, p]));
  const h = (H: number): number => H + geoidOffsetMeters;
  const ecef = (e: PipeEnd): Vec3 => geodeticToEcef(e.lon, e.lat, h(e.height1985));
  const usedIds = new Set<string>();
  const uniqueId = (id: string): string => { let u = id; for (let k = 2; usedIds.has(u); k++) u = `${id}#${k}`; usedIds.add(u); return u; };

  // Which pipe ends meet at each point: joints get spheres (round) or extensions (boxes).
  const ends = new Map<string, PipeEndInfo[]>();
  const lines: { pipe: SurveyPipe; from: SurveyPoint; to: SurveyPoint; start: PipeEnd; end: PipeEnd }[] = [];
  let skippedPipes = 0;
  for (const pipe of network.pipes) {
    const from = points.get(pipe.from), to = points.get(pipe.to);
    if (!from || !to || (from.lon === to.lon && from.lat === to.lat)) { skippedPipes++; continue; }
    const { start, end } = pipeCentreline(pipe, from, to);
    const size = sectionSizeMeters(pipe.section);
    const radius = pipe.section.kind === 'round' ? size.width / 2 : 0;
    const along = normalize([(to.lon - from.lon) * mPerDegLon(from.lat), (to.lat - from.lat) * M_PER_DEG_LAT, end.height1985 - start.height1985]);
    for (const [id, e, away] of [[pipe.from, start, along], [pipe.to, end, scale(along, -1)]] as const) {
      const list = ends.get(id) ?? [];
      list.push({ pipe, end: e, radius, away });
      ends.set(id, list);
    }
    lines.push({ pipe, from, to, start, end });
  }
  const isJoint = (id: string): boolean => (ends.get(id)?.length ?? 0) >= 2 && !isWell(points.get(id)!);
  /** At a joint the largest round pipe at that height owns the sphere, the others rely on it; a
   *  straight run of one size needs none (most joints on a street are just survey points). */
  const ownsSphere = (id: string, pipe: SurveyPipe, end: PipeEnd): boolean => {
    const here = (ends.get(id) ?? []).filter((e) => e.radius > 0 && Math.abs(e.end.height1985 - end.height1985) < 0.05);
    const [x, y] = here;
    if (here.length === 2 && x && y && x.radius === y.radius && dot(x.away, y.away) < -STRAIGHT) return false;
    const owner = here.reduce<PipeEndInfo | undefined>((best, e) => (!best || e.radius > best.radius ? e : best), undefined);
    return owner?.pipe === pipe;
  };

  const features: Feature[] = [];
  for (const { pipe, from, to, start, end } of lines) {
    const size = sectionSizeMeters(pipe.section);
    const round = pipe.section.kind === 'round';
    const a0 = ecef(start), b0 = ecef(end);
    const midLon = (start.lon + end.lon) / 2, midLat = (start.lat + end.lat) / 2;
    const up = enuBasis(midLon, midLat).up;
    const dir = normalize(sub(b0, a0));
    const jointStart = isJoint(pipe.from), jointEnd = isJoint(pipe.to);
    // Boxes run on by half their width into a joint so that corners close.
    const ext = round ? 0 : size.width / 2;
    const a = jointStart ? sub(a0, scale(dir, ext)) : a0;
    const b = jointEnd ? add(b0, scale(dir, ext)) : b0;
    const reach = round ? size.width / 2 : Math.hypot(size.width, size.height) / 2 + ext;
    const info = pipeClassInfo(pipe.cls);
    const rgb = pipeRgb(pipe.cls, pipe.subtype);
    const sides = tubeSides(size.width);
    const sphereStart = round && jointStart && ownsSphere(pipe.from, pipe, start);
    const sphereEnd = round && jointEnd && ownsSphere(pipe.to, pipe, end);
    const capStart = round && !jointStart && !isWell(from), capEnd = round && !jointEnd && !isWell(to);
    features.push({
      properties: {
        featureId: uniqueId(`${pipe.from}-${pipe.to}`), featureType: 'pipe', class: pipe.cls, className: info.zh, subtype: pipe.subtype,
        size: sizeLabel(pipe.section), ...sectionMm(pipe.section),
        material: pipe.material, burial: pipe.burial, owner: pipe.owner, year: pipe.year, status: pipe.status,
        startDepth: pipe.startDepth, endDepth: pipe.endDepth, startPoint: pipe.from, endPoint: pipe.to, groundHeight: from.groundHeight,
      },
      main: isMain(pipe), lon: midLon, lat: midLat, material: materialKey(pipe.cls, pipe.subtype), rgb,
      bounds: boundsAround([{ ...start, h: h(start.height1985) }, { ...end, h: h(end.height1985) }], reach + 0.1),
      lengthM: Math.hypot(...sub(b0, a0)),
      draw: (g, fid) => {
        if (!round) { box(g, fid, a, b, size.width, size.height, up); return; }
        const r = size.width / 2;
        tube(g, fid, a, b, r, sides, up);
        if (sphereStart) sphere(g, fid, a, r, Math.min(sides, 12), up);
        if (sphereEnd) sphere(g, fid, b, r, Math.min(sides, 12), up);
        if (capStart) disc(g, fid, a, scale(dir, -1), r, sides, up);
        if (capEnd) disc(g, fid, b, dir, r, sides, up);
      },
    });
  }

  for (const p of network.points) {
    if (!isWell(p) && !isFitting(p)) continue;
    const meeting = ends.get(p.id) ?? [];
    const main = meeting.reduce<PipeEndInfo | undefined>((best, e) => (!best || sectionSizeMeters(e.pipe.section).width > sectionSizeMeters(best.pipe.section).width ? e : best), undefined);
    const feature = isWell(p) ? wellFeature(p, meeting, main, h, uniqueId) : main ? fittingFeature(p, main, h, uniqueId) : undefined;
    if (feature) features.push(feature);
  }
  return { features, skippedPipes };
}

function rowFor(p: SurveyPoint, main: PipeEndInfo | undefined, type: 'well' | 'fitting', id: string): FeatureProperties {
  const cls = main?.pipe.cls ?? 'QT';
  return {
    featureId: id, featureType: type, class: cls, className: pipeClassInfo(cls).zh, subtype: p.appurtenance, size: '',
    diameterMm: 0, widthMm: 0, heightMm: 0, material: '', burial: '', owner: main?.pipe.owner ?? '', year: main?.pipe.year ?? 0,
    status: main?.pipe.status ?? 0, startDepth: 0, endDepth: 0, startPoint: p.id, endPoint: p.id, groundHeight: p.groundHeight,
  };
}

/** A shaft from the ground down to 井深, wide enough to take the largest pipe that enters it. */
function wellFeature(p: SurveyPoint, meeting: PipeEndInfo[], main: PipeEndInfo | undefined, h: (H: number) => number, uniqueId: (id: string) => string): Feature {
  const deepest = Math.max(0, ...meeting.map((e) => p.groundHeight - e.end.height1985 + sectionSizeMeters(e.pipe.section).height / 2));
  // A surveyed 井深 of 0 would draw nothing: keep a stub so the well can still be picked.
  const depth = Math.max(0.3, p.wellDepth ?? (deepest > 0 ? deepest + 0.3 : DEFAULT_WELL_DEPTH_M));
  const widest = Math.max(0, ...meeting.map((e) => sectionSizeMeters(e.pipe.section).width));
  const diameter = Math.max(WELL_DIAMETER_M, Math.min(widest + 0.4, 4));
  const cls = main?.pipe.cls ?? 'QT';
  const row = { ...rowFor(p, main, 'well', uniqueId(p.id)), diameterMm: Math.round(diameter * 1000), endDepth: p.wellDepth ?? depth };
  const bottomH = h(p.groundHeight - depth);
  return {
    properties: row, main: false, lon: p.lon, lat: p.lat, lengthM: 0,
    material: materialKey(cls, main?.pipe.subtype ?? ''), rgb: pipeRgb(cls, main?.pipe.subtype ?? ''),
    bounds: boundsAround([{ lon: p.lon, lat: p.lat, h: bottomH }, { lon: p.lon, lat: p.lat, h: h(p.groundHeight) }], diameter / 2 + 0.1),
    draw: (g, fid) => cylinder(g, fid, geodeticToEcef(p.lon, p.lat, bottomH), enuBasis(p.lon, p.lat).up, diameter / 2, depth, 12),
  };
}

/** A valve as a short fat cylinder on the pipe; a hydrant as a post from the pipe to above ground. */
function fittingFeature(p: SurveyPoint, main: PipeEndInfo, h: (H: number) => number, uniqueId: (id: string) => string): Feature {
  const pipeD = sectionSizeMeters(main.pipe.section).height;
  const centreH = main.end.height1985;
  const hydrant = p.appurtenance.includes('消防栓');
  const radius = hydrant ? 0.12 : Math.max(0.15, 0.7 * pipeD);
  const bottom = hydrant ? centreH : centreH - Math.max(0.3, 1.5 * pipeD) / 2;
  const top = hydrant ? p.groundHeight + HYDRANT_HEIGHT_M : centreH + Math.max(0.3, 1.5 * pipeD) / 2;
  const cls = main.pipe.cls;
  return {
    properties: rowFor(p, main, 'fitting', uniqueId(p.id)), main: false, lon: p.lon, lat: p.lat, lengthM: 0,
    material: materialKey(cls, main.pipe.subtype), rgb: pipeRgb(cls, main.pipe.subtype),
    bounds: boundsAround([{ lon: p.lon, lat: p.lat, h: h(bottom) }, { lon: p.lon, lat: p.lat, h: h(top) }], radius + 0.1),
    draw: (g, fid) => cylinder(g, fid, geodeticToEcef(p.lon, p.lat, h(bottom)), enuBasis(p.lon, p.lat).up, radius, top - bottom, 12),
  };
}
