// Shared by the space-code tests: a seeded generator and Ningbo's extent.
/** mulberry32: small, fast, deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ningbo, 120°55′–122°16′E, 28°51′–30°33′N (standards.md §3), in degrees. */
export const NINGBO = { west: 120 + 55 / 60, east: 122 + 16 / 60, south: 28 + 51 / 60, north: 30 + 33 / 60 };
