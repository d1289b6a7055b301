// 导出图片: the current view as a PNG for reports, at screen size, twice that, or a given width
// (up to 7680 px), with legend, north arrow, scale bar, date, the synthetic-data label and, while
// sensitive data shows, the watermark.
import { useState, type FormEvent } from 'react';
import { exportLegend } from '../../../domain/export/legend.ts';
import { exportDimensions, MAX_EXPORT_WIDTH, type ExportSize } from '../../../domain/export/scaleBar.ts';
import { useLayers } from '../../../state/layers.ts';
import { usePlanning } from '../../../state/planning.ts';
import { useUi } from '../../../state/ui.ts';
import { useView } from '../../../state/view.ts';
import { watermarkTime } from '../../controls/Watermark.tsx';
import { translate, useT } from '../../i18n/index.ts';
import { useController } from '../../map/controllerContext.ts';
import { downloadBlob, fileStamp } from './download.ts';
import { composeExport } from './exportImage.ts';
import { recordExport } from './exportRecord.ts';

type SizeChoice = 'screen' | 'double' | 'width';

export function ExportDialog({ onClose }: { readonly onClose: () => void }) {
  const t = useT();
  const controller = useController();
  const [choice, setChoice] = useState<SizeChoice>('screen');
  const [width, setWidth] = useState(3840);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const run = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!controller) return;
    const size: ExportSize = choice === 'screen' ? { kind: 'screen' } : choice === 'double' ? { kind: 'scale', factor: 2 } : { kind: 'width', width };
    const canvas = controller.viewer.scene.canvas;
    const dims = exportDimensions(size, canvas.clientWidth, canvas.clientHeight);
    if ('error' in dims) {
      setError(dims.error);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const capture = await controller.capture(dims.factor);
      const { lang } = useUi.getState();
      const layers = useLayers.getState().layers;
      const legend = exportLegend({ layers, lang, stages: usePlanning.getState().filter.stages });
      const view = useView.getState();
      const now = new Date();
      const sensitive = layers.some((l) => l.sensitive && l.show);
      const text = {
        title: view.title?.[lang] ?? '',
        date: translate(lang, 'export.date', { time: watermarkTime(now) }),
        synthetic: translate(lang, 'app.synthetic'),
        legendTitle: translate(lang, 'export.legend'),
        north: translate(lang, 'export.north'),
        ...(sensitive ? { watermark: translate(lang, 'watermark.text', { station: view.watermark.station ?? '', user: view.watermark.user ?? '', time: watermarkTime(now) }).trim() } : {}),
      };
      const composed = composeExport(capture, dims.width, dims.height, legend, text);
      const blob = await new Promise<Blob | null>((resolve) => composed.canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('the browser could not encode the PNG');
      const fileName = `ningbo-twin-${fileStamp(now)}-${dims.width}x${dims.height}.png`;
      recordExport({ fileName, width: dims.width, height: dims.height, legendSections: legend.map((l) => l.layerId), ...(composed.legendBox ? { legendBox: composed.legendBox } : {}), ...(composed.scaleLabel ? { scaleLabel: composed.scaleLabel } : {}), watermark: sensitive });
      downloadBlob(blob, fileName);
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    // noValidate: the width is checked by exportDimensions, whose message names the limit.
    <form noValidate className="panel export-dialog" data-testid="export-dialog" aria-label={t('export.heading')} onSubmit={(e) => void run(e)}>
      <h2>{t('export.heading')}</h2>
      <label><input type="radio" name="export-size" checked={choice === 'screen'} onChange={() => setChoice('screen')} data-testid="export-screen" /> {t('export.screen')}</label>
      <label><input type="radio" name="export-size" checked={choice === 'double'} onChange={() => setChoice('double')} data-testid="export-double" /> {t('export.double')}</label>
      <label>
        <input type="radio" name="export-size" checked={choice === 'width'} onChange={() => setChoice('width')} data-testid="export-width-choice" /> {t('export.width')}
        <input type="number" min={320} max={MAX_EXPORT_WIDTH} step={1} value={width} aria-label={t('export.widthPx')} data-testid="export-width"
          onFocus={() => setChoice('width')} onChange={(e) => setWidth(Number(e.target.value))} /> px
      </label>
      {error && <p className="error" role="alert" data-testid="export-error">{error}</p>}
      <div className="export-actions">
        <button type="submit" disabled={busy || !controller} data-testid="export-run">{busy ? t('export.busy') : t('export.run')}</button>
        <button type="button" onClick={onClose}>{t('export.cancel')}</button>
      </div>
    </form>
  );
}
