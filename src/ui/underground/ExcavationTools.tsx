// Excavation: draw a pit on the mesh or pick a preset road trench, choose its depth; the list of
// pits with their size, each removable. The pits themselves live in state/ground and are drawn by
// the ExcavationBinder.
import { useState } from 'react';
import { PIT_PRESETS, ringAreaSquareMeters, validatePitRing } from '../../domain/excavation/pit.ts';
import { formatIssue } from '../../domain/schemas/index.ts';
import { useGround, type PitEntry } from '../../state/ground.ts';
import { useLocalized, useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';

function pitName(p: PitEntry, index: number, t: ReturnType<typeof useT>, localized: ReturnType<typeof useLocalized>): string {
  const preset = PIT_PRESETS.find((x) => x.id === p.preset);
  return preset ? localized(preset.name) : t('excavation.drawn', { n: index + 1 });
}

export function ExcavationTools() {
  const t = useT();
  const localized = useLocalized();
  const controller = useController();
  const pits = useGround((s) => s.pits);
  const drawing = useGround((s) => s.drawing);
  const depth = useGround((s) => s.pitDepth);
  const [problem, setProblem] = useState<string>();
  const ground = useGround.getState();

  const draw = (): void => {
    if (!controller || drawing) return;
    setProblem(undefined);
    ground.setDrawing(true);
    controller.drawPolygon({
      onFinish: (points) => {
        ground.setDrawing(false);
        const ring = points.map((p) => ({ lon: p.lon, lat: p.lat }));
        const issues = validatePitRing(ring);
        if (issues.length > 0) { setProblem(t('excavation.invalid', { reason: formatIssue(issues[0]!) })); return; }
        ground.addPit({ ring, depth: useGround.getState().pitDepth, groundHeights: points.map((p) => p.height) });
      },
      onCancel: () => ground.setDrawing(false),
    });
  };

  const addPreset = (id: string): void => {
    const pit = ground.addPresetPit(id);
    if (!pit) return;
    setProblem(undefined);
    controller?.flyToPit(pit.ring);
  };

  return (
    <div className="excavation" data-testid="excavation">
      <h3>{t('excavation.heading')}</h3>
      <div className="row">
        <label className="pit-depth">
          <span>{t('excavation.depth')}</span>
          <input type="number" min={0.5} max={50} step={0.5} value={depth} data-testid="pit-depth"
            onChange={(e) => ground.setPitDepth(Number(e.target.value))} />
        </label>
        {drawing ? (
          <>
            <button type="button" data-testid="pit-finish" onClick={() => controller?.finishPolygon()}>{t('excavation.finish')}</button>
            <button type="button" className="link" data-testid="pit-cancel" onClick={() => controller?.cancelPolygon()}>{t('excavation.cancel')}</button>
          </>
        ) : (
          <button type="button" data-testid="pit-draw" onClick={draw} disabled={!controller}>{t('excavation.draw')}</button>
        )}
      </div>
      {drawing && <p className="small muted" data-testid="pit-drawing-hint">{t('excavation.drawing')}</p>}
      <select data-testid="pit-preset" value="" aria-label={t('excavation.preset')} onChange={(e) => addPreset(e.target.value)}>
        <option value="">{t('excavation.presetNone')}</option>
        {PIT_PRESETS.map((p) => <option key={p.id} value={p.id}>{localized(p.name)}</option>)}
      </select>
      {problem && <p className="warn small" role="alert" data-testid="pit-problem">{problem}</p>}
      {controller && !controller.excavation.supported && pits.length > 0 && <p className="warn small">{t('excavation.unsupported')}</p>}
      {pits.length === 0 ? <p className="small muted">{t('excavation.none')}</p> : (
        <ul className="pit-list" data-testid="pit-list">
          {pits.map((p, i) => (
            <li key={p.id} data-testid={`pit-${p.id}`}>
              <span>{t('excavation.pitLabel', { name: pitName(p, i, t, localized), depth: p.depth, area: Math.round(ringAreaSquareMeters(p.ring)) })}</span>
              <button type="button" className="link" data-testid={`pit-remove-${p.id}`} onClick={() => ground.removePit(p.id)}>{t('excavation.remove')}</button>
            </li>
          ))}
          {pits.length > 1 && <li><button type="button" className="link" data-testid="pit-clear" onClick={() => ground.clearPits()}>{t('excavation.clear')}</button></li>}
        </ul>
      )}
    </div>
  );
}
