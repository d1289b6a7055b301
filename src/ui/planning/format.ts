// Number formats shared by the planning panels (locale-neutral: digits read the same in zh and en).
export const hectares = (m2: number): string => (m2 / 10000).toFixed(m2 >= 1e6 ? 0 : 1);
export const metres = (m: number | undefined, digits = 1): string => (m === undefined ? '—' : `${m.toFixed(digits)} m`);
export const cssRgb = (c: readonly [number, number, number], alpha = 1): string => `rgba(${c[0]}, ${c[1]}, ${c[2]}, ${alpha})`;
