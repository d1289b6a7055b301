import { describe, expect, it } from 'vitest';
import { arrived, interrupted, startTour, tick, type TourStop } from '../../../../src/domain/tour/tour.ts';

const stops: TourStop[] = [{ bookmark: 'a', dwellSeconds: 10 }, { bookmark: 'b', dwellSeconds: 5 }];

describe('wall tour', () => {
  it('flies, dwells, moves on and counts loops', () => {
    let s = startTour(0);
    expect(s).toMatchObject({ index: 0, phase: 'flying', loops: 0 });
    s = arrived(s, stops, 2_000);
    expect(s).toMatchObject({ phase: 'dwelling', until: 12_000 });
    expect(tick(s, stops, 11_999)).toBe(s);
    s = tick(s, stops, 12_000);
    expect(s).toMatchObject({ index: 1, phase: 'flying', loops: 0 });
    s = tick(arrived(s, stops, 13_000), stops, 18_000);
    expect(s).toMatchObject({ index: 0, phase: 'flying', loops: 1 });
  });

  it('a touch pauses; input pushes the resume out; it resumes where it was', () => {
    let s = arrived(startTour(0), stops, 1_000);
    s = interrupted(s, 60, 5_000);
    expect(s).toMatchObject({ phase: 'paused', until: 65_000, resumeIndex: 1 });
    s = interrupted(s, 60, 30_000);
    expect(s).toMatchObject({ until: 90_000, resumeIndex: 1 });
    expect(tick(s, stops, 89_000).phase).toBe('paused');
    expect(tick(s, stops, 90_000)).toMatchObject({ index: 1, phase: 'flying' });
  });

  it('a flight cut short is flown again; a pause after the last stop wraps and counts the loop', () => {
    const flying = interrupted(startTour(0), 10, 500);
    expect(tick(flying, stops, 10_500)).toMatchObject({ index: 0, phase: 'flying', loops: 0 });
    const last = arrived({ ...startTour(0), index: 1 }, stops, 0);
    expect(tick(interrupted(last, 10, 1_000), stops, 11_000)).toMatchObject({ index: 0, loops: 1 });
  });
});
