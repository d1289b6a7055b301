// Who owns what and when it was built: 权属单位 by network as in Ningbo, 建设年代 older in the
// old city around 三江口 and newer in 东部新城 (built out from the mid-2000s), status mostly 在用.
import type { Rng } from './random.ts';
import { toLon } from '../../world/frame.ts';

export const OWNERS = {
  water: '宁波市自来水有限公司',
  drainage: ['宁波市排水有限公司', '宁波市城市排水有限公司'],
  gas: '宁波华润兴光燃气有限公司',
  power: '国网宁波供电公司',
  telecom: ['中国电信宁波分公司', '中国移动宁波分公司', '中国联通宁波分公司'],
  heat: '宁波市热力有限公司',
  tunnel: '宁波东部新城开发投资集团',
} as const;

/** Building era at a frame x: 三江口 west of ~121.575°E, 东部新城 east of ~121.60°E. */
export function yearAt(x: number, rng: Rng): number {
  const lon = toLon(x);
  if (lon < 121.575) return rng.int(1985, 2012);
  if (lon > 121.6) return rng.int(2006, 2024);
  return rng.int(1995, 2020);
}

/** Duct banks (管块) are laid with spare ducts: some sections survey as 空管, a few as 废弃. Pipes
 *  are in use; abandoned pipes are whole old streets' mains (see pressure.ts). */
export function ductStatus(rng: Rng): 0 | 1 | 2 {
  const r = rng.next();
  if (r < 0.01) return 1;
  if (r < 0.07) return 2;
  return 0;
}

/** 规格 as surveyors write it. */
export const dn = (mm: number): string => `DN${mm}`;
export const boxSpec = (w: number, h: number): string => `${w}×${h}`;
