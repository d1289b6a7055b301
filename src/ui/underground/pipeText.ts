// Turns a picked pipe's metadata (codes, as the converter stores them) into card text in the
// current language. Unknown codes are shown as they are, never hidden.
import { depthReference, isPipeClassCode } from '../../domain/pipelines/index.ts';
import type { MessageKey, Params } from '../i18n/index.ts';

type T = (key: MessageKey, params?: Params) => string;

function lookup(t: T, prefix: string, code: string | number | undefined): string {
  if (code === undefined || code === '') return '—';
  const key = `${prefix}.${code}` as MessageKey;
  const text = t(key);
  return text === undefined || text === key ? String(code) : text;
}

export interface PipeRow { readonly key: MessageKey; readonly value: string; readonly testId: string }

const meters = (t: T, v: string | number | undefined): string => (typeof v === 'number' ? t('pipe.meters', { v: v.toFixed(2) }) : '—');

export function pipeRows(t: T, p: Readonly<Record<string, string | number>>): PipeRow[] {
  const cls = String(p['class'] ?? '');
  const isWell = p['featureType'] === 'well';
  const ref = isPipeClassCode(cls) ? t(depthReference(cls) === 'invert' ? 'pipe.depthRef.invert' : 'pipe.depthRef.top') : '';
  const rows: PipeRow[] = [
    { key: 'pipe.id', value: String(p['featureId'] ?? '—'), testId: 'id' },
    { key: 'pipe.class', value: `${lookup(t, 'pipe.class', cls)} (${cls})`, testId: 'class' },
    { key: 'pipe.subtype', value: lookup(t, 'pipe.subtype', p['subtype']), testId: 'subtype' },
  ];
  if (isWell) {
    rows.push(
      { key: 'pipe.appurtenance', value: String(p['subtype'] ?? p['appurtenance'] ?? '—'), testId: 'appurtenance' },
      { key: 'pipe.wellDepth', value: meters(t, p['endDepth']), testId: 'wellDepth' },
    );
  } else {
    rows.push(
      { key: 'pipe.size', value: String(p['size'] ?? '—'), testId: 'size' },
      { key: 'pipe.material', value: lookup(t, 'pipe.material', p['material']), testId: 'material' },
      { key: 'pipe.startDepth', value: `${meters(t, p['startDepth'])} ${ref}`, testId: 'startDepth' },
      { key: 'pipe.endDepth', value: `${meters(t, p['endDepth'])} ${ref}`, testId: 'endDepth' },
      { key: 'pipe.points', value: `${String(p['startPoint'] ?? '—')} → ${String(p['endPoint'] ?? '—')}`, testId: 'points' },
      { key: 'pipe.burial', value: lookup(t, 'pipe.burial', p['burial']), testId: 'burial' },
    );
  }
  rows.push(
    { key: 'pipe.owner', value: String(p['owner'] ?? '—'), testId: 'owner' },
    { key: 'pipe.year', value: p['year'] ? String(p['year']) : '—', testId: 'year' },
    { key: 'pipe.status', value: lookup(t, 'pipe.status', p['status']), testId: 'status' },
  );
  if (typeof p['groundHeight'] === 'number') rows.push({ key: 'pipe.ground', value: meters(t, p['groundHeight']), testId: 'ground' });
  return rows;
}
