// Labels for measured values in the scene: a number and its unit, in the UI's language. The unit
// words live here, not in the UI's i18n, because which unit a value takes (m or km, m², ha or km²)
// and how many decimals it deserves are part of the measurement, not of the wording around it.
export type MeasureLang = 'zh' | 'en';

const UNITS: Record<MeasureLang, { m: string; km: string; m2: string; ha: string; km2: string }> = {
  // GB 3100 names; 公顷 and 平方千米 are what planning documents (用地面积, 规划范围) quote.
  zh: { m: '米', km: '千米', m2: '平方米', ha: '公顷', km2: '平方千米' },
  en: { m: 'm', km: 'km', m2: 'm²', ha: 'ha', km2: 'km²' },
};

const NONE = '—';

/** toFixed without "-0.00" for values that round to zero. */
function fixed(x: number, digits: number): string {
  const s = x.toFixed(digits);
  return Number(s) === 0 ? (0).toFixed(digits) : s;
}

const rounds = (x: number, digits: number): number => Number(Math.abs(x).toFixed(digits));

/** "12.35 m" below 1 km (centimetres: what a pick on the mesh can resolve), "1.235 km" from 1 km. */
export function formatLength(m: number, lang: MeasureLang): string {
  if (!Number.isFinite(m)) return NONE;
  const u = UNITS[lang];
  return rounds(m, 2) < 1000 ? `${fixed(m, 2)} ${u.m}` : `${fixed(m / 1000, 3)} ${u.km}`;
}

/** m² (to 0.01, the cadastral resolution) below 1 ha, then ha and from 1 km² km², both to 1e-4 of their unit. */
export function formatArea(m2: number, lang: MeasureLang): string {
  if (!Number.isFinite(m2)) return NONE;
  const u = UNITS[lang];
  if (rounds(m2, 2) < 10_000) return `${fixed(m2, 2)} ${u.m2}`;
  if (rounds(m2 / 10_000, 4) < 100) return `${fixed(m2 / 10_000, 4)} ${u.ha}`;
  return `${fixed(m2 / 1_000_000, 4)} ${u.km2}`;
}

/** "35.2°": a tenth of a degree is finer than two picks a few metres apart can fix a direction. */
export function formatAngle(deg: number): string {
  return Number.isFinite(deg) ? `${fixed(deg, 1)}°` : NONE;
}
