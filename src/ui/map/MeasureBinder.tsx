// Keeps the scene's measurement drawings in step with the measure store and the UI language.
import { useEffect } from 'react';
import { useMeasure } from '../../state/measure.ts';
import { useUi } from '../../state/ui.ts';
import { translate } from '../i18n/index.ts';
import { measurementLines } from '../review/measureActions.ts';
import { useController } from './controllerContext.ts';

export function MeasureBinder() {
  const controller = useController();
  const measurements = useMeasure((s) => s.measurements);
  const lang = useUi((s) => s.lang);
  useEffect(() => {
    controller?.measures.sync(measurements.map((m, i) => ({
      id: m.id, kind: m.kind, points: m.points,
      label: [translate(lang, 'measure.number', { kind: translate(lang, `measure.${m.kind}`), n: i + 1 }), ...measurementLines(m, lang)].join('\n'),
    })));
  }, [controller, measurements, lang]);
  return null;
}
