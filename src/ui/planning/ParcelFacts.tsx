// A parcel's codes and regulatory indicators, with its tallest existing building checked against
// the 建筑限高 (the flag the height-limit volume shows on the mesh).
import type { ParcelRecord } from '../../domain/planning/index.ts';
import { landUseClass } from '../../domain/planning/index.ts';
import { useUi } from '../../state/ui.ts';
import { useT } from '../i18n/index.ts';
import { Code } from './CopyButton.tsx';
import { hectares, metres } from './format.ts';

export function overLimit(p: ParcelRecord): number | undefined {
  if (p.heightLimit === undefined || p.maxBuildingHeight === undefined) return undefined;
  return p.maxBuildingHeight - p.heightLimit;
}

export function ParcelFacts({ parcel }: { readonly parcel: ParcelRecord }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const cls = landUseClass(parcel.landUseCode);
  const over = overLimit(parcel);
  const pct = (v: number | undefined): string => (v === undefined ? t('card.unknown') : `${v}%`);
  return (
    <dl className="facts" data-testid={`parcel-${parcel.parcelId}`}>
      {parcel.unitCode && <><dt>{t('card.unitCode')}</dt><dd><Code value={parcel.unitCode} testId="card-unit-code" /></dd></>}
      {parcel.beidouCode && <><dt>{t('card.beidou')}</dt><dd><Code value={parcel.beidouCode} /></dd></>}
      <dt>{t('card.landUse')}</dt><dd>{parcel.landUseCode} {cls ? (lang === 'zh' ? cls.zh : cls.en) : parcel.landUseName ?? ''}</dd>
      <dt>{t('card.area')}</dt><dd>{hectares(parcel.area)} ha</dd>
      <dt>{t('card.far')}</dt><dd data-testid="card-far">{parcel.far ?? t('card.unknown')}</dd>
      <dt>{t('card.density')}</dt><dd>{pct(parcel.density)}</dd>
      <dt>{t('card.greenRatio')}</dt><dd>{pct(parcel.greenRatio)}</dd>
      <dt>{t('card.heightLimit')}</dt><dd data-testid="card-height-limit">{metres(parcel.heightLimit, 0)}</dd>
      <dt>{t('card.maxBuilding')}</dt>
      <dd data-testid="card-max-building" data-over={over !== undefined && over > 0}>
        {metres(parcel.maxBuildingHeight)}
        {over !== undefined && (over > 0
          ? <span className="flag-over"> · {t('card.overLimit', { m: over.toFixed(1) })}</span>
          : <span className="muted"> · {t('card.withinLimit')}</span>)}
      </dd>
    </dl>
  );
}
