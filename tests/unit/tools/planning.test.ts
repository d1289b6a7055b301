// Planning data derived from the synthetic world: deterministic, valid against the domain's own
// validators, and consistent with the world (blue lines hold the rivers, red lines the arterials).
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../../tools/world/index.ts';
import { rectFromLonLat, toLat, toLon, toX, toY } from '../../../tools/world/frame.ts';
import { RIVERS } from '../../../tools/world/rivers.ts';
import { generatePlanning, type PlanningExtent } from '../../../tools/planning/index.ts';
import { districtAt } from '../../../tools/planning/districts.ts';
import { historicDistrictAt } from '../../../tools/planning/historic.ts';
import { LOWERED_LIMIT_SHARE } from '../../../tools/planning/parcels.ts';
import { hash01 } from '../../../tools/world/noise.ts';
import { contains, traceCells, traceTiled, type GridCell } from '../../../tools/planning/geometry.ts';
import { run } from '../../../tools/commands/planning.ts';
import { memoryIo } from '../../../tools/lib/io.ts';
import { decodeBeidou2D, parseUnitCode } from '../../../src/domain/spacecode/index.ts';
import {
  LIFECYCLE_STAGE_IDS, validateControlLines, validateParcels, validateProjects, type Feature, type PolygonCoords,
} from '../../../src/domain/planning/index.ts';

const SANJIANGKOU: PlanningExtent = { id: 'bbox', bounds: { west: 121.5, south: 29.84, east: 121.6, north: 29.92 } };
const world = createWorld(7);
const out = generatePlanning(world, [SANJIANGKOU]);
const parse = (name: keyof typeof out.files): Feature[] => (JSON.parse(out.files[name]) as { features: Feature[] }).features;
const lines = parse('controlLines.geojson');
const parcels = parse('parcels.geojson');
const projects = parse('projects.geojson');

const inPolygon = (coords: PolygonCoords, lon: number, lat: number): boolean =>
  contains(coords[0]!.slice(0, -1), lon, lat) && !coords.slice(1).some((h) => contains(h.slice(0, -1), lon, lat));

describe('planning generation', () => {
  it('is byte-identical for the same seed and differs for another', () => {
    const again = generatePlanning(createWorld(7), [SANJIANGKOU]);
    expect(again.files).toEqual(out.files);
    expect(generatePlanning(createWorld(8), [SANJIANGKOU]).files['parcels.geojson']).not.toEqual(out.files['parcels.geojson']);
  });

  it('produces plausible counts around 三江口', () => {
    const c = out.manifest.counts;
    expect(c.parcels).toBeGreaterThan(500);
    expect(c.projects).toBeGreaterThan(10);
    expect(c.controlLines.blueLine).toBe(3);
    expect(c.controlLines.purpleLine).toBe(3);
    expect(c.controlLines.roadRedLine).toBeGreaterThan(10);
    expect(c.controlLines.urbanBoundary).toBeGreaterThan(0);
    expect(lines.length + parcels.length + projects.length).toBe(Object.values(c.controlLines).reduce((a, b) => a + b, 0) + c.parcels + c.projects);
    for (const f of [...lines, ...parcels, ...projects]) expect(f.properties.synthetic).toBe(true);
  });

  it('passes its own validators', () => {
    for (const [v, name] of [[validateControlLines, 'controlLines.geojson'], [validateParcels, 'parcels.geojson'], [validateProjects, 'projects.geojson']] as const) {
      const r = v(JSON.parse(out.files[name]));
      expect(r.issues).toEqual([]);
      expect(r.skipped).toBe(0);
    }
  });

  it('gives every parcel a unique unit code in its district and a level-7 BeiDou code at its centre', () => {
    const codes = new Set<string>();
    for (const f of parcels) {
      const p = f.properties as { unitCode: string; districtCode: string; beidouCode: string; far: number; density: number; heightLimit: number };
      const r = parseUnitCode(p.unitCode);
      expect(r.ok, p.unitCode).toBe(true);
      if (r.ok) expect(r.unit.adminCode).toBe(p.districtCode);
      codes.add(p.unitCode);
      const ring = (f.geometry.coordinates as PolygonCoords)[0]!;
      const cell = decodeBeidou2D(p.beidouCode);
      expect(p.beidouCode).toHaveLength(14);
      if (!cell.ok) throw new Error(p.beidouCode);
      const lon = (ring[0]![0] + ring[2]![0]) / 2;
      const lat = (ring[0]![1] + ring[2]![1]) / 2;
      expect(Math.abs(cell.cell.centre.lon - lon)).toBeLessThan(1e-4);
      expect(Math.abs(cell.cell.centre.lat - lat)).toBeLessThan(1e-4);
      expect(p.density).toBeLessThanOrEqual(100);
    }
    expect(codes.size).toBe(parcels.length);
  });

  it('gives a parcel the same unit code whatever extent is generated', () => {
    const small = generatePlanning(world, [{ id: 'bbox', bounds: { west: 121.545, south: 29.855, east: 121.565, north: 29.875 } }]);
    const codes = new Map(parcels.map((f) => [f.properties.parcelId, f.properties.unitCode]));
    const smallParcels = (JSON.parse(small.files['parcels.geojson']) as { features: Feature[] }).features;
    expect(smallParcels.length).toBeGreaterThan(20);
    for (const f of smallParcels) expect(f.properties.unitCode).toBe(codes.get(f.properties.parcelId));
  });

  it('assigns districts by the rivers', () => {
    expect(districtAt(121.53, 29.86).name).toBe('海曙区');
    expect(districtAt(121.54, 29.90).name).toBe('江北区');
    expect(districtAt(121.60, 29.86).name).toBe('鄞州区');
    expect(districtAt(121.70, 29.97).name).toBe('镇海区');
    expect(districtAt(121.78, 29.91).name).toBe('北仑区');
    expect(districtAt(121.25, 30.30).name).toBe('慈溪市');
  });

  it('records each parcel\'s tallest building and its ground elevation (1985) at the centroid', () => {
    const byId = new Map(world.parcelsIn(rectFromLonLat(SANJIANGKOU.bounds)).map((p) => [p.id, p]));
    for (const f of parcels) {
      const p = byId.get(f.properties.parcelId as string)!;
      const tallest = Math.max(0, ...p.buildings.map((b) => b.height + b.ridge));
      expect(f.properties.maxBuildingHeight).toBe(Math.round(tallest * 10) / 10);
      const ring = (f.geometry.coordinates as PolygonCoords)[0]!;
      const lon = (ring[0]![0] + ring[2]![0]) / 2;
      const lat = (ring[0]![1] + ring[2]![1]) / 2;
      expect(Math.abs((f.properties.groundElevation as number) - world.groundHeight(lon, lat))).toBeLessThan(0.06);
    }
  });

  it('keeps limits at or above the buildings except where a later plan lowered them (all of the 紫线 districts)', () => {
    let lowered = 0;
    for (const f of parcels) {
      const p = f.properties as { parcelId: string; heightLimit: number; maxBuildingHeight: number };
      const [ix, iy, k] = p.parcelId.split('_').map(Number) as [number, number, number];
      const ring = (f.geometry.coordinates as PolygonCoords)[0]!;
      const historic = historicDistrictAt((toX(ring[0]![0]) + toX(ring[2]![0])) / 2, (toY(ring[0]![1]) + toY(ring[2]![1])) / 2);
      const picked = historic !== undefined || hash01(world.seed + 904, ix, iy, k) < LOWERED_LIMIT_SHARE;
      if (p.maxBuildingHeight > p.heightLimit) {
        lowered++;
        expect(picked, p.parcelId).toBe(true);
        if (historic) expect(p.heightLimit).toBeLessThanOrEqual(historic.heightCap);
      } else {
        // A picked parcel keeps its limit only when it has no building taller than 3.5 m.
        if (picked) expect(p.maxBuildingHeight, p.parcelId).toBeLessThan(3.5);
      }
      expect(p.heightLimit).toBeGreaterThan(0);
    }
    expect(lowered).toBe(out.manifest.counts.parcelsOverHeightLimit);
    const inYuehu = parcels.filter((f) => f.properties.buildingCount as number > 0 && (() => {
      const ring = (f.geometry.coordinates as PolygonCoords)[0]!;
      return historicDistrictAt((toX(ring[0]![0]) + toX(ring[2]![0])) / 2, (toY(ring[0]![1]) + toY(ring[2]![1])) / 2)?.id === 'yuehu';
    })());
    expect(inYuehu.length).toBeGreaterThan(10);
  });

  it('gives projects 1–3 parcels of the data and increasing stage dates up to their stage', () => {
    const ids = new Set(parcels.map((f) => f.properties.parcelId as string));
    const codes = new Set<string>();
    for (const f of projects) {
      const p = f.properties as { projectCode: string; stage: string; stageDates: Record<string, string>; parcelIds: string[] };
      expect(p.projectCode).toMatch(/^NB-(20\d\d)-\d{4}$/);
      expect(p.projectCode.slice(3, 7)).toBe(p.stageDates.plan!.slice(0, 4));
      codes.add(p.projectCode);
      expect(p.parcelIds.length).toBeGreaterThanOrEqual(1);
      expect(p.parcelIds.length).toBeLessThanOrEqual(3);
      for (const id of p.parcelIds) expect(ids.has(id)).toBe(true);
      const reached = LIFECYCLE_STAGE_IDS.slice(0, LIFECYCLE_STAGE_IDS.indexOf(p.stage as 'plan') + 1);
      expect(Object.keys(p.stageDates)).toEqual(reached);
      const dates = reached.map((s) => p.stageDates[s]!);
      expect([...dates].sort()).toEqual(dates);
      expect(dates[0]! >= '2015-01-01' && dates[dates.length - 1]! <= '2026-06-30').toBe(true);
    }
    expect(codes.size).toBe(projects.length);
  });

  it('draws blue lines that hold each river, bank to bank', () => {
    for (const r of RIVERS.filter((x) => x.id !== 'qianwan-canal')) {
      const f = lines.find((l) => l.properties.lineType === 'blueLine' && l.properties.river === r.name)!;
      const coords = f.geometry.coordinates as PolygonCoords;
      for (let k = 0; k + 1 < r.course.length; k++) {
        const [alon, alat, w] = r.course[k]!; const [blon, blat] = r.course[k + 1]!;
        const [ax, ay, bx, by] = [toX(alon), toY(alat), toX(blon), toY(blat)];
        const len = Math.hypot(bx - ax, by - ay);
        const [nx, ny] = [-(by - ay) / len, (bx - ax) / len];
        const mx = (ax + bx) / 2; const my = (ay + by) / 2;
        for (const side of [-1, 0, 1]) {
          const d = side * (w / 2 + 20);
          expect(inPolygon(coords, toLon(mx + nx * d), toLat(my + ny * d)), `${r.name} segment ${k} side ${side}`).toBe(true);
        }
      }
    }
  });

  it('lays road red lines along the arterials of roadsIn, covering each one', () => {
    const reds = lines.filter((l) => l.properties.lineType === 'roadRedLine' && l.properties.roadClass === 'arterial')
      .map((l) => (l.geometry.coordinates as PolygonCoords)[0]!);
    const arterials = world.roadsIn(rectFromLonLat(SANJIANGKOU.bounds)).filter((r) => r.cls === 'arterial');
    expect(arterials.length).toBeGreaterThan(20);
    for (const a of arterials) {
      const mid: [number, number] = [toLon((a.ax + a.bx) / 2), toLat((a.ay + a.by) / 2)];
      expect(reds.some((ring) => contains(ring.slice(0, -1), mid[0], mid[1])), a.id).toBe(true);
    }
    for (const ring of reds) {
      const w = Math.min(toX(ring[1]![0]) - toX(ring[0]![0]), toY(ring[2]![1]) - toY(ring[1]![1]));
      expect(w).toBeCloseTo(40, 0);
    }
  });
});

describe('traceCells', () => {
  const cell = (ix: number, iy: number): GridCell => ({ ix, iy, rect: { x0: ix * 100, y0: iy * 100, x1: ix * 100 + 100, y1: iy * 100 + 100 } });
  it('outlines a ring of cells with its hole, and splits corner-touching cells', () => {
    const ring = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2], [2, 2]].map(([i, j]) => cell(i!, j!));
    const polys = traceCells([...ring, cell(3, 3)]);
    expect(polys).toHaveLength(2);
    expect(polys[0]).toHaveLength(2);
    expect(polys[0]![0]).toHaveLength(5);
    expect(polys[1]).toHaveLength(1);
  });

  it('conserves area when tracing a random grid in tiles (holes subtract, pinches split)', () => {
    const cells: GridCell[] = [];
    for (let i = -10; i < 20; i++) for (let j = -5; j < 25; j++) if (Math.sin(i * 12.9898 + j * 78.233) * 43758.5453 % 1 > -0.1) cells.push(cell(i, j));
    const area = (r: [number, number][]): number => {
      let s = 0;
      for (let k = 0; k + 1 < r.length; k++) s += toX(r[k]![0]) * toY(r[k + 1]![1]) - toX(r[k + 1]![0]) * toY(r[k]![1]);
      return s / 2;
    };
    const polys = traceTiled(cells, 8);
    const total = polys.reduce((a, p) => a + p.reduce((b, ring) => b + area(ring), 0), 0);
    expect(polys.every((p) => area(p[0]!) > 0 && p.slice(1).every((h) => area(h) < 0))).toBe(true);
    expect(total / (cells.length * 10_000)).toBeCloseTo(1, 3);
  });
});

describe('npm run planning', () => {
  const cli = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const io = memoryIo();
    const code = await run(args, io);
    return { code, out: io.stdout.join(''), err: io.stderr.join('') };
  };
  const bbox = '121.54,29.86,121.57,29.89';

  it('writes the files, refuses to overwrite without --force, and prints JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planning-'));
    const first = await cli('--out', dir, '--bbox', bbox, '--seed', '7');
    expect(first.code).toBe(0);
    for (const f of ['controlLines.geojson', 'parcels.geojson', 'projects.geojson', 'planning.json']) expect(existsSync(join(dir, f))).toBe(true);
    const bytes = readFileSync(join(dir, 'parcels.geojson'));
    const again = await cli('--out', dir, '--bbox', bbox, '--seed', '7');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exist.*--force/);
    const forced = await cli('--out', dir, '--bbox', bbox, '--seed', '7', '--force', '--json');
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.out)).toMatchObject({ ok: true, out: dir });
    expect(readFileSync(join(dir, 'parcels.geojson')).equals(bytes)).toBe(true);
  });

  it.each([
    [['--frobnicate'], '--frobnicate: unknown option'],
    [['--extent', 'mars'], '--extent: expected one of central, qianwan, found "mars"'],
    [['--bbox', '1,2,3'], '--bbox: expected west,south,east,north'],
    [['--seed', 'x'], '--seed: expected an integer'],
    [['--out'], '--out: expected a directory'],
  ])('%j is a usage error', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});

describe('full planning data (default extents)', () => {
  it('has counts in range', () => {
    const full = generatePlanning(createWorld());
    const c = full.manifest.counts;
    expect(c.projects).toBeGreaterThanOrEqual(400);
    expect(c.projects).toBeLessThanOrEqual(800);
    expect(c.parcels).toBeGreaterThan(10_000);
    // A realistic minority of built parcels stand over a limit lowered after they were built.
    const built = (JSON.parse(full.files['parcels.geojson']) as { features: Feature[] }).features.filter((f) => (f.properties.buildingCount as number) > 0);
    const over = built.filter((f) => (f.properties.maxBuildingHeight as number) > (f.properties.heightLimit as number));
    expect(c.parcelsWithBuildings).toBe(built.length);
    expect(c.parcelsOverHeightLimit).toBe(over.length);
    expect(over.length / built.length).toBeGreaterThan(0.02);
    expect(over.length / built.length).toBeLessThan(0.08);
    for (const t of ['ecologyRedLine', 'basicFarmland', 'urbanBoundary']) {
      expect(c.controlLines[t]).toBeGreaterThan(50);
      expect(c.controlLines[t]).toBeLessThan(1000);
    }
    expect(Object.keys(c.projectsByStage)).toHaveLength(6);
    for (const [v, name] of [[validateControlLines, 'controlLines.geojson'], [validateParcels, 'parcels.geojson'], [validateProjects, 'projects.geojson']] as const) {
      expect(v(JSON.parse(full.files[name])).skipped).toBe(0);
    }
    const districts = new Set((JSON.parse(full.files['projects.geojson']) as { features: Feature[] }).features.map((f) => f.properties.districtName));
    expect([...districts].sort()).toEqual(['北仑区', '慈溪市', '江北区', '海曙区', '镇海区', '鄞州区'].sort());
  }, 60_000);
});
