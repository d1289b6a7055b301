import { describe, expect, it } from 'vitest';
import { availabilityIndex, encodeSubtree, getBit, morton2, quadtreeTileCount, setBit, tileRegion } from '../../../src/domain/tiles/implicit.ts';
import { geodeticToEcef } from '../../../src/domain/tiles/ecef.ts';

describe('implicit tiling', () => {
  it('orders tiles in Morton order with x in the even bits', () => {
    expect([morton2(0, 0), morton2(1, 0), morton2(0, 1), morton2(1, 1), morton2(2, 3)]).toEqual([0, 1, 2, 3, 14]);
  });
  it('indexes availability level by level', () => {
    expect(quadtreeTileCount(3)).toBe(21);
    expect(availabilityIndex(0, 0, 0)).toBe(0);
    expect(availabilityIndex(1, 1, 1)).toBe(4);
    expect(availabilityIndex(2, 0, 0)).toBe(5);
  });
  it('subdivides the root region with y counting from the south', () => {
    const r = tileRegion({ west: 0, south: 10, east: 4, north: 14 }, 2, 1, 3);
    expect(r).toEqual({ west: 1, east: 2, south: 13, north: 14 });
  });
  it('encodes a binary subtree the spec way', () => {
    const bits = new Uint8Array(3);
    setBit(bits, 0); setBit(bits, 9);
    expect(getBit(bits, 9)).toBe(true);
    expect(getBit(bits, 8)).toBe(false);
    const bytes = encodeSubtree({ tile: bits, content: bits, childSubtree: 0 });
    const dv = new DataView(bytes.buffer);
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('subt');
    expect(dv.getUint32(4, true)).toBe(1);
    const jsonLen = Number(dv.getBigUint64(8, true));
    const binLen = Number(dv.getBigUint64(16, true));
    expect(jsonLen % 8).toBe(0);
    expect(bytes.length).toBe(24 + jsonLen + binLen);
    const json = JSON.parse(new TextDecoder().decode(bytes.slice(24, 24 + jsonLen)).trim()) as Record<string, unknown>;
    expect(json.childSubtreeAvailability).toEqual({ constant: 0 });
    expect(json.tileAvailability).toEqual({ bitstream: 0 });
    expect(bytes[24 + jsonLen + 1]).toBe(2); // bit 9 → byte 1, bit 1
  });
});

describe('ECEF', () => {
  it('puts the equator/prime meridian on the semi-major axis and the pole on the minor axis', () => {
    expect(geodeticToEcef(0, 0, 0)).toEqual([6378137, 0, 0]);
    const pole = geodeticToEcef(0, 90, 0);
    expect(pole[2]).toBeCloseTo(6356752.314, 2);
  });
  it('places Tianyi Square where an independent WGS84 computation does (1 mm)', () => {
    const [x, y, z] = geodeticToEcef(121.554, 29.869, 12.4);
    expect(x).toBeCloseTo(-2896745.024, 2);
    expect(y).toBeCloseTo(4717073.350, 2);
    expect(z).toBeCloseTo(3157795.611, 2);
  });
});
