import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flightPose, flyAlong, groundDistance, parseBenchPath, stepPose, truncatePath, cameraFrame, cesiumFovy } from '../../../../src/domain/bench/index.ts';
import { formatIssue } from '../../../../src/domain/schemas/issues.ts';

const pose = { lon: 121.55, lat: 29.87, height: 500, heading: 0, pitch: -30, roll: 0 };
const file = (steps: unknown[]) => ({ format: 'ningbo-twin-bench-path', version: 1, steps });

describe('bench path files', () => {
  it('the shipped path meets the issue: ≥ 20 waypoints, ≥ 3 flights, all valid', () => {
    const { path, issues } = parseBenchPath(JSON.parse(readFileSync('bench/paths/ningbo.json', 'utf8')));
    expect(issues).toEqual([]);
    expect(path!.steps.filter((s) => s.kind === 'waypoint').length).toBeGreaterThanOrEqual(20);
    const flights = path!.steps.filter((s) => s.kind === 'flight');
    expect(flights.length).toBeGreaterThanOrEqual(3);
    // "Between distant places": each flight covers more than 20 km.
    path!.steps.forEach((s, i) => {
      if (s.kind === 'flight') expect(groundDistance(stepPose(path!.steps[i - 1]!), s.to)).toBeGreaterThan(20_000);
    });
  });

  it('the smoke path is two waypoints', () => {
    const { path, issues } = parseBenchPath(JSON.parse(readFileSync('tests/fixtures/bench/smoke-path.json', 'utf8')));
    expect(issues).toEqual([]);
    expect(path!.steps.map((s) => s.kind)).toEqual(['waypoint', 'waypoint']);
  });

  it('names each wrong place', () => {
    const { path, issues } = parseBenchPath(file([
      { kind: 'flight', id: 'a', name: 'A', to: pose, seconds: 3 },
      { kind: 'waypoint', id: 'a', name: 'B', pose: { ...pose, lat: 95 } },
      { kind: 'hover', id: 'c', name: 'C' },
      { kind: 'flight', id: 'd', name: 'D', to: pose, seconds: 0 },
      { kind: 'waypoint', id: 'e', name: 'E', pose: { ...pose, zoom: 3 } },
    ]));
    expect(path).toBeUndefined();
    const text = issues.map(formatIssue);
    expect(text).toContain('steps[0].kind: the first step must be a waypoint (a flight starts from the step before it)');
    expect(text).toContain('steps[1].id: duplicate step id "a"');
    expect(text).toContain('steps[1].pose.lat: expected a number in -90..90, found 95');
    expect(text).toContain('steps[2].kind: expected one of "waypoint", "flight", found "hover"');
    expect(text).toContain('steps[3].seconds: expected a number in 0.5..120, found 0');
    expect(text).toContain('steps[4].pose.zoom: unknown property');
  });

  it('rejects another format, a missing or empty step list', () => {
    expect(parseBenchPath({ format: 'x', version: 2, steps: [] }).issues.map(formatIssue)).toEqual([
      'format: expected "ningbo-twin-bench-path", found "x"', 'version: expected 1, found 2', 'steps: must hold at least one step',
    ]);
    expect(parseBenchPath([]).issues.map(formatIssue)).toEqual(['expected a path object, found array']);
  });

  it('truncates to a smoke run', () => {
    const { path } = parseBenchPath(file([{ kind: 'waypoint', id: 'a', name: 'A', pose }, { kind: 'waypoint', id: 'b', name: 'B', pose }, { kind: 'flight', id: 'c', name: 'C', to: pose, seconds: 2 }]));
    expect(truncatePath(path!, 2).steps.map((s) => s.id)).toEqual(['a', 'b']);
  });
});

describe('flights', () => {
  const from = { lon: 121.55, lat: 29.82, height: 800, heading: 350, pitch: -30, roll: 0 };
  const to = { lon: 121.77, lat: 29.9175, height: 2500, heading: 10, pitch: -45, roll: 0 };
  it('start and end on the poses, arc up in between, turn the short way', () => {
    expect(flightPose(from, to, 0)).toEqual(from);
    const end = flightPose(from, to, 1);
    expect(end.lon).toBeCloseTo(to.lon, 12);
    expect(end.height).toBeCloseTo(to.height, 6);
    expect(end.heading).toBeCloseTo(10, 9);
    const mid = flightPose(from, to, 0.5);
    const d = groundDistance(from, to);
    expect(d).toBeGreaterThan(23_000);
    expect(d).toBeLessThan(25_000);
    // Peak at the middle: the higher end plus a third of the distance.
    expect(mid.height).toBeCloseTo(2500 + d / 3, 3);
    expect(mid.heading === 0 || mid.heading === 360 || mid.heading < 1e-9).toBe(true);
  });
});

describe('flyAlong', () => {
  it('sets a pose per frame on the clock and ends exactly on the destination', async () => {
    const from = { lon: 121.55, lat: 29.82, height: 800, heading: 0, pitch: -30, roll: 0 };
    const to = { ...from, lon: 121.77, height: 2500 };
    let now = 0;
    const seen: number[] = [];
    await flyAlong((p) => seen.push(p.lon), from, to, 1, { now: () => now, next: (step) => { now += 250; step(); } });
    expect(seen).toHaveLength(5); // t = 0, ¼, ½, ¾, 1
    expect(seen[0]).toBe(from.lon);
    expect(seen[4]).toBeCloseTo(to.lon, 12);
  });
});

describe('camera frames', () => {
  it('look where Cesium looks: north and down at pitch −90 is straight down', () => {
    const f = cameraFrame({ lon: 0, lat: 0, height: 1000, heading: 0, pitch: -90, roll: 0 });
    // At lon 0, lat 0 "up" is +X: straight down is −X, and the screen's up is north (+Z).
    expect(f.direction[0]).toBeCloseTo(-1, 12);
    expect(f.up[2]).toBeCloseTo(1, 12);
    const level = cameraFrame({ lon: 0, lat: 0, height: 1000, heading: 90, pitch: 0, roll: 0 });
    expect(level.direction[1]).toBeCloseTo(1, 12); // east is +Y at lon 0
    expect(level.up[0]).toBeCloseTo(1, 12);
  });
  it('uses Cesium\'s vertical fov: 60° across the longer side', () => {
    expect(cesiumFovy(1280, 720) * 180 / Math.PI).toBeCloseTo(35.98, 2);
    expect(cesiumFovy(720, 1280) * 180 / Math.PI).toBeCloseTo(60, 9);
  });
});
