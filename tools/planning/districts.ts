// Which district a point of the synthetic world lies in, by rough boundaries along the rivers
// (not the real boundaries): 海曙 west of 奉化江 and south of 余姚江; 江北 north of 余姚江/甬江
// west of 121.60°E; 镇海 north of them east of it; 北仑 south of 甬江 east of 121.72°E; 鄞州 the
// rest east of 奉化江; 前湾新区 (north of 30.15°N) in 慈溪.
import { RIVERS } from '../world/rivers.ts';
import { NINGBO_DISTRICTS, type NingboDistrict } from '../../src/domain/spacecode/index.ts';

const course = (id: string): [number, number][] => RIVERS.find((r) => r.id === id)!.course.map(([lon, lat]) => [lon, lat]);
/** 余姚江 then 甬江: one west-to-east line. */
const NORTH_LINE = [...course('yuyao'), ...course('yongjiang').slice(1)];
/** 奉化江, south to north. */
const FENGHUA = course('fenghua');

function interpolate(line: [number, number][], v: number, along: 0 | 1): number {
  const other = along === 0 ? 1 : 0;
  if (v <= line[0]![along]) return line[0]![other];
  for (let k = 1; k < line.length; k++) {
    const a = line[k - 1]!; const b = line[k]!;
    if (v <= b[along]) return a[other] + ((v - a[along]) / (b[along] - a[along] || 1)) * (b[other] - a[other]);
  }
  return line[line.length - 1]![other];
}

const byCode = (code: string): NingboDistrict => NINGBO_DISTRICTS.find((d) => d.code === code)!;

export function districtAt(lon: number, lat: number): NingboDistrict {
  if (lat > 30.15) return byCode('330282');
  if (lat > interpolate(NORTH_LINE, lon, 0)) return byCode(lon > 121.6 ? '330211' : '330205');
  if (lon > 121.72) return byCode('330206');
  return byCode(lon < interpolate(FENGHUA, lat, 1) ? '330203' : '330212');
}
