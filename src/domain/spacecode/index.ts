// Space codes: BeiDou grid location codes (GB/T 39409-2020, 2D and 3D) and 不动产单元代码
// (GB/T 37346). Pure TypeScript; exact grid arithmetic in units of 1/2048″ (see units.ts).
export {
  encodeBeidou, encodeBeidou2D, encodeBeidou3D, encode3DUnits, decodeBeidou, decodeBeidou2D, decodeBeidou3D,
  beidouDimension, parentCode, childCodes, CODE3D_LENGTHS,
  type LonLat, type LonLatHeight, type DecodeResult,
} from './beidou.ts';
export { cellContainsUnits, type BeidouCell } from './cell.ts';
export { encode2DUnits, GRID_LEVELS, CODE2D_LENGTHS, MIN_LEVEL, MAX_LEVEL, type GridLevel } from './grid2d.ts';
export { heightToLayer, layerBottom, HEIGHT_R0, type HeightCell } from './height.ts';
export { SpaceCodeError, type SpaceCodeIssue } from './issues.ts';
export {
  degreesToUnits, decimalDegreesToUnits, dmsToUnits, unitsToDegrees, UNITS_PER_DEGREE, UNITS_PER_ARCSECOND, SNAP_TOLERANCE_UNITS,
} from './units.ts';
export {
  parseUnitCode, formatUnitCode, UNIT_CODE_LENGTH, UNIT_CODE_SEGMENTS, OWNERSHIP, RIGHT_TYPES, FIXTURE_TYPES,
  type RealEstateUnitCode, type UnitCodeFields, type UnitCodeInput, type UnitCodeResult, type Ownership, type RightType, type FixtureType,
} from './unitCode.ts';
export { ningboDistrictOf, NINGBO_DISTRICTS, LEGACY_NINGBO_CODES, NINGBO_CITY, type NingboDistrict, type DistrictLookup } from './districts.ts';
export { parseSpaceCode, SPACE_CODE_KIND_NAMES, type ParsedSpaceCode, type SpaceCodeKind } from './parse.ts';
