import { describe, expect, it } from 'vitest';
import { attractLeg, msUntilIdle, onInput, onTick, startIdle } from '../../../../src/domain/kiosk/idle.ts';

const IDLE = 90_000;
const timing = { dwellMs: 10_000, flightMs: 5_000 };

describe('kiosk idle cycle', () => {
  it('stays active until idleMs pass without input, then enters the attract loop once', () => {
    let s = startIdle(1_000);
    expect(onTick(s, 1_000 + IDLE - 1, IDLE).enterAttract).toBe(false);
    expect(msUntilIdle(s, 31_000, IDLE)).toBe(60_000);
    const r = onTick(s, 1_000 + IDLE, IDLE);
    expect(r.enterAttract).toBe(true);
    expect(r.state).toEqual({ phase: 'attract', lastInputAt: 1_000, attractSince: 1_000 + IDLE });
    s = r.state;
    // Answered once: later ticks in the loop do not reset again.
    expect(onTick(s, 1_000 + 5 * IDLE, IDLE).enterAttract).toBe(false);
    expect(msUntilIdle(s, 2 * IDLE, IDLE)).toBe(Number.POSITIVE_INFINITY);
  });

  it('input restarts the countdown; in the loop the first input stops it', () => {
    let s = startIdle(0);
    s = onInput(s, 80_000).state;
    expect(onTick(s, 100_000, IDLE).enterAttract).toBe(false);
    expect(msUntilIdle(s, 100_000, IDLE)).toBe(70_000);
    s = onTick(s, 170_000, IDLE).state;
    expect(s.phase).toBe('attract');
    const touched = onInput(s, 175_000);
    expect(touched.stopAttract).toBe(true);
    expect(touched.state).toEqual({ phase: 'active', lastInputAt: 175_000 });
    expect(onInput(touched.state, 176_000).stopAttract).toBe(false);
  });

  it('a clock set back counts as input, not as hours of idleness', () => {
    const s = onTick(startIdle(500_000), 10_000, IDLE);
    expect(s.enterAttract).toBe(false);
    expect(s.state.lastInputAt).toBe(10_000);
    expect(onTick(s.state, 10_000 + IDLE - 1, IDLE).enterAttract).toBe(false);
  });

  it('the attract loop rests at home, then flies stop by stop, round and round', () => {
    const s = onTick(startIdle(0), IDLE, IDLE).state;
    expect(attractLeg(startIdle(0), 0, timing, 3)).toBeUndefined();
    expect(attractLeg(s, IDLE, timing, 3)).toEqual({ leg: 0 });
    expect(attractLeg(s, IDLE + 9_999, timing, 3)).toEqual({ leg: 0 });
    expect(attractLeg(s, IDLE + 10_000, timing, 3)).toEqual({ leg: 1, stop: 0 });
    expect(attractLeg(s, IDLE + 24_999, timing, 3)).toEqual({ leg: 1, stop: 0 });
    expect(attractLeg(s, IDLE + 25_000, timing, 3)).toEqual({ leg: 2, stop: 1 });
    expect(attractLeg(s, IDLE + 55_000, timing, 3)).toEqual({ leg: 4, stop: 0 });
    // No stops: it stays at home.
    expect(attractLeg(s, IDLE + 55_000, timing, 0)).toEqual({ leg: 0 });
  });
});
