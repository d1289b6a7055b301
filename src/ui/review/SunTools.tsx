// 日照: the day (大寒日 / 冬至日 or any date) and the moment in local true solar time, with the sun
// moving and shadows cast by the mesh and the proposals; and the sunlight-hours analysis over an
// area or along a facade, judged against the (configurable) standard, with legend and results.
import { useState } from 'react';
import { solarTermDate, STANDARD_WINDOWS, utcForTrueSolarTime, type StandardDay } from '../../domain/review/sun.ts';
import { sunlightLegend } from '../../domain/review/sunlight.ts';
import { useSun } from '../../state/sun.ts';
import { useUi } from '../../state/ui.ts';
import { useController } from '../map/controllerContext.ts';
import { useT } from '../i18n/index.ts';
import { RASTER_KEY, runAreaSunlight, runFacadeSunlight, SKETCH_KEY } from './sunActions.ts';

/** Ningbo's longitude for the clock readout when no view centre is known. */
export const NINGBO_LON = 121.55;
const hhmm = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(Math.round(min % 60)).padStart(2, '0')}`;
const iso = (d: { year: number; month: number; day: number }): string => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

function Legend() {
  const t = useT();
  const rule = useSun((s) => s.rule);
  return (
    <ul className="sun-legend" data-testid="sun-legend" aria-label={t('sun.legend')}>
      {sunlightLegend(rule).map((s) => (
        <li key={`${s.hours}-${s.passes}`}><span className="swatch" style={{ background: `rgba(${s.rgba[0]},${s.rgba[1]},${s.rgba[2]},${s.rgba[3] / 255})` }} />{s.label} {s.passes ? '✓' : '✗'}</li>
      ))}
    </ul>
  );
}

function Result() {
  const t = useT();
  const r = useSun((s) => s.result);
  const problem = useSun((s) => s.problem);
  if (problem) return <p className="error" data-testid="sun-problem">{problem}</p>;
  if (!r) return null;
  return (
    <div data-testid="sun-result" data-kind={r.kind}>
      <p>{t('sun.summary', { points: r.points, passing: r.passing, failing: r.failing, noData: r.noData })}</p>
      <p className="muted">{t('sun.range', { min: r.minHours.toFixed(1), max: r.maxHours.toFixed(1) })}</p>
      {r.floors ? (
        <table className="scheme-table" data-testid="sun-floors">
          <thead><tr><th>{t('sun.floor')}</th><th>{t('sun.windowsPassing')}</th><th>{t('sun.minHours')}</th></tr></thead>
          <tbody>
            {r.floors.map((f) => (
              <tr key={f.floor}><th>{f.floor}</th><td className={f.passing < f.windows ? 'fail' : 'pass'}>{f.passing}/{f.windows}</td><td>{Number.isFinite(f.minHours) ? f.minHours.toFixed(1) : '—'}</td></tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="muted" data-testid="sun-timing">{t('sun.timing', { surface: (r.timings.surfaceMs / 1000).toFixed(1), hours: (r.timings.hoursMs / 1000).toFixed(1), tiles: r.timings.tiles })}</p>
      <Legend />
    </div>
  );
}

export function SunTools() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const controller = useController();
  const sun = useSun();
  const [floors, setFloors] = useState(12);
  const [drawing, setDrawing] = useState<'area' | 'facade' | undefined>();
  const year = sun.date.year;
  const beijing = (() => {
    const ms = utcForTrueSolarTime(sun.date, sun.minutes, NINGBO_LON) + 8 * 3600_000;
    const d = new Date(ms);
    return hhmm(d.getUTCHours() * 60 + d.getUTCMinutes());
  })();
  const preset = (day: StandardDay): void => {
    sun.setDate(solarTermDate(year, day), day);
    sun.setRule({ ...sun.rule, day, windowStartMin: STANDARD_WINDOWS[day].startMin, windowEndMin: STANDARD_WINDOWS[day].endMin });
    sun.setShadows(true);
  };
  const run = (kind: 'area' | 'facade'): void => {
    if (!controller) return;
    setDrawing(kind);
    const done = (job: Promise<void>): void => {
      setDrawing(undefined);
      useSun.getState().setResult(undefined);
      job.catch((e: unknown) => useSun.getState().setResult(undefined, e instanceof Error ? e.message : String(e))).finally(() => useSun.getState().setBusy(undefined));
    };
    controller.drawPolygon({
      shape: kind === 'area' ? { kind: 'polygon' } : { kind: 'points', count: 2 },
      onFinish: (pts) => {
        useSun.getState().setBusy(t('sun.loadingSurface', { done: 0, total: '…' }));
        if (kind === 'area') done(runAreaSunlight(controller, pts, lang));
        else if (pts[0] && pts[1]) done(runFacadeSunlight(controller, pts[0], pts[1], floors, 3, lang));
      },
      onCancel: () => setDrawing(undefined),
    });
  };
  const clear = (): void => {
    controller?.rasters.remove(RASTER_KEY);
    controller?.sketches.remove(SKETCH_KEY);
    sun.setResult(undefined);
  };
  return (
    <div className="sun-tools" data-testid="sun-tools">
      <div className="row">
        <button type="button" data-testid="sun-dahan" aria-pressed={sun.preset === 'dahan'} onClick={() => preset('dahan')}>{t('sun.dahan')}</button>
        <button type="button" data-testid="sun-dongzhi" aria-pressed={sun.preset === 'dongzhi'} onClick={() => preset('dongzhi')}>{t('sun.dongzhi')}</button>
        <input type="date" data-testid="sun-date" value={iso(sun.date)} onChange={(e) => {
          const [y, m, d] = e.target.value.split('-').map(Number);
          if (y && m && d) sun.setDate({ year: y, month: m, day: d });
        }} />
      </div>
      <label className="row">
        <span>{t('sun.time')}</span>
        <input type="range" min={360} max={1080} step={5} value={sun.minutes} data-testid="sun-time" onChange={(e) => sun.setMinutes(Number(e.target.value))} />
        <output data-testid="sun-time-value">{t('sun.clock', { solar: hhmm(sun.minutes), beijing })}</output>
      </label>
      <div className="row">
        <button type="button" data-testid="sun-play" aria-pressed={sun.playing} onClick={() => sun.setPlaying(!sun.playing)}>{sun.playing ? t('sun.pause') : t('sun.play')}</button>
        <label><input type="checkbox" data-testid="sun-shadows" checked={sun.shadows} onChange={(e) => sun.setShadows(e.target.checked)} /> {t('sun.shadows')}</label>
      </div>
      <h3>{t('sun.analysis')}</h3>
      <p className="muted" data-testid="sun-rule">{t('sun.rule', { day: t(sun.rule.day === 'dahan' ? 'sun.dahan' : 'sun.dongzhi'), start: hhmm(sun.rule.windowStartMin), end: hhmm(sun.rule.windowEndMin), step: sun.rule.stepMinutes })}</p>
      <label className="row">{t('sun.minHoursRule')}
        <input type="number" min={0.5} max={8} step={0.5} value={sun.rule.minHours} data-testid="sun-min-hours" onChange={(e) => { const v = Number(e.target.value); if (v > 0) sun.setRule({ ...sun.rule, minHours: v }); }} />
      </label>
      <div className="row">
        <button type="button" data-testid="sun-area" disabled={!controller || !!sun.busy} aria-pressed={drawing === 'area'} onClick={() => run('area')}>{t('sun.area')}</button>
        <button type="button" data-testid="sun-facade" disabled={!controller || !!sun.busy} aria-pressed={drawing === 'facade'} onClick={() => run('facade')}>{t('sun.facade')}</button>
        <label>{t('sun.floors')}<input type="number" min={1} max={100} value={floors} data-testid="sun-floors-input" onChange={(e) => setFloors(Math.max(1, Math.round(Number(e.target.value)) || 1))} /></label>
        <button type="button" data-testid="sun-clear" onClick={clear}>{t('measure.clear')}</button>
      </div>
      {drawing ? <p className="muted">{t(drawing === 'area' ? 'sun.hintArea' : 'sun.hintFacade')}</p> : null}
      {sun.busy ? <p className="muted" data-testid="sun-busy">{sun.busy}</p> : null}
      <Result />
    </div>
  );
}
