// Survey tables (管点 + 管线 CSV, CJJ 61-2017) → a validated SurveyNetwork. Every problem is
// reported with its file and line and the row skipped; nothing is dropped silently, and one bad
// row never stops the rest from converting.
import type { GkZone, SurveyIssue, SurveyNetwork, SurveyPipe } from './types.ts';
import { BURIALS, MATERIALS, dictionaryCode } from './cjj61.ts';
import { classCell, depthCell, sectionCell, statusCell, subtypeCell, yearCell } from './surveyCells.ts';
import { readSurveyTable, type ColumnSpec, type SurveyFile, type SurveyTable } from './surveyTable.ts';
import { POINT_COLUMNS, readPoints } from './surveyPoints.ts';

export type { SurveyFile };

export interface ParseOptions {
  /** Zone of coordinates without a 40/41 prefix; default: detected from where the points land. */
  readonly zone?: GkZone;
  /** Latest acceptable 建设年代; default the current year (tests pin it). */
  readonly currentYear?: number;
}

type LineColumn = 'from' | 'to' | 'cls' | 'subtype' | 'startDepth' | 'endDepth' | 'spec' | 'material' | 'burial' | 'owner' | 'year' | 'status';
const LINE_COLUMNS: ColumnSpec<LineColumn> = {
  from: ['起始点号', '起点点号'], to: ['终止点号', '终点点号'], cls: ['管线类别', '管类'], subtype: ['子类'],
  startDepth: ['起点埋深'], endDepth: ['终点埋深'], spec: ['规格', '管径', '断面尺寸'], material: ['材质'],
  burial: ['埋设方式'], owner: ['权属单位'], year: ['建设年代', '埋设年代'], status: ['状态'],
};

type Problem = { code: SurveyIssue['code']; message: string };

export function parseSurveyTables(pointsFile: SurveyFile, linesFile: SurveyFile, options: ParseOptions = {}): SurveyNetwork {
  const issues: SurveyIssue[] = [];
  const pointTable = readSurveyTable(pointsFile, POINT_COLUMNS);
  const lineTable = readSurveyTable(linesFile, LINE_COLUMNS);
  if ('issue' in pointTable) {
    issues.push(pointTable.issue);
    let pipesSkipped: number;
    if ('issue' in lineTable) { issues.push(lineTable.issue); pipesSkipped = lineTable.rows; }
    else {
      // Without the points no pipe can be placed: say so once rather than once per row.
      pipesSkipped = lineTable.rows.length;
      if (pipesSkipped > 0) issues.push({ file: linesFile.name, line: 0, code: 'unknownPoint', message: `all ${pipesSkipped} rows skipped: the point table ${pointsFile.name} could not be read` });
    }
    return { points: [], pipes: [], zone: options.zone ?? 123, issues, skipped: { points: pointTable.rows, pipes: pipesSkipped } };
  }
  const pts = readPoints(pointTable, options.zone, issues);
  // A broken line table still leaves the points (wells, valves) worth showing.
  if ('issue' in lineTable) {
    issues.push(lineTable.issue);
    return { points: pts.points, pipes: [], zone: pts.zone, issues, skipped: { points: pts.skipped, pipes: lineTable.rows } };
  }
  const known = new Set(pts.points.map((p) => p.id));
  const currentYear = options.currentYear ?? new Date().getUTCFullYear();
  const pipes: SurveyPipe[] = [];
  let pipesSkipped = 0;
  for (const row of lineTable.rows) {
    const problems: Problem[] = [];
    const pipe = readPipe(lineTable, row, currentYear, problems, (column, id) => {
      if (id === '') return { code: 'unknownPoint', message: `${column} is empty` };
      if (known.has(id)) return undefined;
      const skippedAt = pts.skippedIds.get(id);
      return { code: 'unknownPoint', message: skippedAt === undefined ? `${column} ${JSON.stringify(id)} is not in the point table` : `${column} ${JSON.stringify(id)} was skipped (${pointsFile.name}:${skippedAt})` };
    });
    if (pipe && problems.length === 0) { pipes.push(pipe); continue; }
    for (const p of problems) issues.push({ file: linesFile.name, line: row.line, ...p });
    pipesSkipped++;
  }
  return { points: pts.points, pipes, zone: pts.zone, issues, skipped: { points: pts.skipped, pipes: pipesSkipped } };
}

function readPipe(
  t: SurveyTable<LineColumn>, row: Parameters<SurveyTable<LineColumn>['cell']>[0], currentYear: number, problems: Problem[],
  checkPoint: (column: string, id: string) => Problem | undefined,
): SurveyPipe | undefined {
  const from = t.cell(row, 'from');
  const to = t.cell(row, 'to');
  for (const [column, id] of [['起始点号', from], ['终止点号', to]] as const) {
    const p = checkPoint(column, id);
    if (p) problems.push(p);
  }
  if (from !== '' && from === to) problems.push({ code: 'badValue', message: `起始点号 and 终止点号 are the same point ${JSON.stringify(from)}` });
  const cls = classCell(t.cell(row, 'cls'));
  if ('error' in cls) problems.push({ code: 'badValue', message: cls.error });
  const depth = (column: 'startDepth' | 'endDepth', name: string): number | undefined => {
    const raw = t.cell(row, column);
    if (raw === '') { problems.push({ code: 'missingDepth', message: `${name} is empty` }); return undefined; }
    const d = depthCell(name, raw);
    if ('error' in d) { problems.push({ code: 'badValue', message: d.error }); return undefined; }
    return d.value;
  };
  const startDepth = depth('startDepth', '起点埋深');
  const endDepth = depth('endDepth', '终点埋深');
  const section = sectionCell(t.cell(row, 'spec'));
  if ('error' in section) problems.push({ code: 'badDiameter', message: section.error });
  const coded = (column: 'material' | 'burial', name: string, dict: Readonly<Record<string, string>>): string | undefined => {
    const raw = t.cell(row, column);
    const code = dictionaryCode(dict, raw);
    if (code === undefined) problems.push({ code: 'badValue', message: raw === '' ? `${name} is empty` : `${name} ${JSON.stringify(raw)} is not a CJJ 61 code or name` });
    return code;
  };
  const material = coded('material', '材质', MATERIALS);
  const burial = coded('burial', '埋设方式', BURIALS);
  const year = yearCell(t.cell(row, 'year'), currentYear);
  if ('error' in year) problems.push({ code: 'badValue', message: year.error });
  const status = statusCell(t.cell(row, 'status'));
  if ('error' in status) problems.push({ code: 'badValue', message: status.error });
  if (problems.length > 0 || !('value' in cls) || !('value' in section) || !('value' in year) || !('value' in status)) return undefined;
  if (startDepth === undefined || endDepth === undefined || material === undefined || burial === undefined) return undefined;
  return {
    line: row.line, from, to, cls: cls.value, subtype: subtypeCell(t.cell(row, 'subtype')), startDepth, endDepth, section: section.value,
    material, burial, owner: t.cell(row, 'owner'), year: year.value, status: status.value,
  };
}

/** `管线.csv:17: 终止点号 "JS0999" is not in the point table`; line 0 means the whole file. */
export function formatSurveyIssue(i: SurveyIssue): string {
  return i.line > 0 ? `${i.file}:${i.line}: ${i.message}` : `${i.file}: ${i.message}`;
}
