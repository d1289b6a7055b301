import { describe, expect, it } from 'vitest';
import { metresPerDegree } from '../../../src/domain/excavation/pit.ts';
import { DOUBLE_CLICK_MS, PolygonDrawState, type DrawPoint } from '../../../src/engine/viewer/drawPolygonState.ts';

const ORIGIN = { lon: 121.6, lat: 29.87227 };
const k = metresPerDegree(ORIGIN.lat);
const at = (x: number, y: number, height = 14): DrawPoint => ({ lon: ORIGIN.lon + x / k.lon, lat: ORIGIN.lat + y / k.lat, height });

describe('PolygonDrawState', () => {
  it('adds vertices and ignores the second click of a double click', () => {
    const s = new PolygonDrawState();
    expect(s.add(at(0, 0), { x: 100, y: 100, time: 0 })).toBe(true);
    expect(s.add(at(10, 0), { x: 200, y: 100, time: 1000 })).toBe(true);
    expect(s.add(at(10, 10), { x: 200, y: 200, time: 2000 })).toBe(true);
    // The double click on the last vertex: its first click added (10, 10) above, the second repeats it.
    expect(s.add(at(10.2, 10), { x: 201, y: 200, time: 2200 })).toBe(false);
    expect(s.points).toHaveLength(3);
    // The same pixel long after (the camera moved meanwhile) is a new vertex.
    expect(s.add(at(0, 10), { x: 201, y: 200, time: 2000 + DOUBLE_CLICK_MS + 500 })).toBe(true);
    // A point within 5 cm of the last adds nothing, whatever the pixels.
    expect(s.add(at(0.01, 10), { x: 300, y: 300, time: 9000 })).toBe(false);
    expect(s.points).toHaveLength(4);
  });

  it('undoes the last vertex', () => {
    const s = new PolygonDrawState();
    expect(s.undo()).toBe(false);
    s.add(at(0, 0), { x: 0, y: 0, time: 0 });
    s.add(at(5, 0), { x: 50, y: 0, time: 1000 });
    expect(s.undo()).toBe(true);
    expect(s.points).toEqual([at(0, 0)]);
  });

  it('finishes only with 3 or more vertices, keeping the clicked heights', () => {
    const s = new PolygonDrawState();
    s.add(at(0, 0, 13.5), { x: 0, y: 0, time: 0 });
    s.add(at(10, 0, 13.7), { x: 100, y: 0, time: 1000 });
    expect(s.finishPoints()).toBeUndefined();
    s.add(at(10, 10, 14.1), { x: 100, y: 100, time: 2000 });
    expect(s.finishPoints()?.map((p) => p.height)).toEqual([13.5, 13.7, 14.1]);
  });

  it('previews a rubber band to the cursor, closed and filled from 3 points', () => {
    const s = new PolygonDrawState();
    expect(s.preview(at(1, 1))).toEqual({ line: [at(1, 1)], fill: undefined, crossing: false });
    s.add(at(0, 0), { x: 0, y: 0, time: 0 });
    expect(s.preview(at(10, 0)).line).toEqual([at(0, 0), at(10, 0)]);
    expect(s.preview(undefined).line).toEqual([at(0, 0)]);
    s.add(at(10, 0), { x: 100, y: 0, time: 1000 });
    const p = s.preview(at(10, 10));
    expect(p.line).toEqual([at(0, 0), at(10, 0), at(10, 10), at(0, 0)]);
    expect(p.fill).toEqual([at(0, 0), at(10, 0), at(10, 10)]);
    expect(p.crossing).toBe(false);
  });

  it('flags a preview whose ring would cross itself and does not fill it', () => {
    const s = new PolygonDrawState();
    s.add(at(0, 0), { x: 0, y: 0, time: 0 });
    s.add(at(10, 10), { x: 100, y: 100, time: 1000 });
    s.add(at(10, 0), { x: 100, y: 0, time: 2000 });
    const p = s.preview(at(0, 10));
    expect(p.crossing).toBe(true);
    expect(p.fill).toBeUndefined();
    expect(p.line).toHaveLength(5);
  });
});

describe('PolygonDrawState shapes (measuring)', () => {
  it('a fixed count of points completes by itself and takes no more', () => {
    const s = new PolygonDrawState({ kind: 'points', count: 2 });
    expect(s.add(at(0, 0), { x: 0, y: 0, time: 0 })).toBe(true);
    expect(s.complete).toBe(false);
    expect(s.finishPoints()).toBeUndefined();
    expect(s.add(at(30, 40), { x: 300, y: 400, time: 1000 })).toBe(true);
    expect(s.complete).toBe(true);
    expect(s.add(at(60, 40), { x: 600, y: 400, time: 2000 })).toBe(false);
    expect(s.finishPoints()).toHaveLength(2);
    // A complete shape previews without the cursor.
    expect(s.preview(at(90, 0)).line).toHaveLength(2);
  });

  it('a line previews open, never filled, and finishes at 2 points', () => {
    const s = new PolygonDrawState({ kind: 'line' });
    s.add(at(0, 0), { x: 0, y: 0, time: 0 });
    s.add(at(10, 0), { x: 100, y: 0, time: 1000 });
    s.add(at(10, 10), { x: 100, y: 100, time: 2000 });
    const p = s.preview(at(0, 10));
    expect(p.line).toHaveLength(4); // 3 vertices and the cursor, not closed back
    expect(p.fill).toBeUndefined();
    expect(s.finishPoints()).toHaveLength(3);
    expect(s.complete).toBe(false);
  });
});
