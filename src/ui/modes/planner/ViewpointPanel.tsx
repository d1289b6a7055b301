// 我的视点: save the current view under a name, fly back to it, delete it, and exchange the list
// as a JSON file with colleagues. Imported files are validated; bad entries are counted and named.
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { parseViewpointFile, viewpointFile, type Viewpoint } from '../../../domain/links/viewpoints.ts';
import { useLayers } from '../../../state/layers.ts';
import { useUi } from '../../../state/ui.ts';
import { useView } from '../../../state/view.ts';
import { useViewpoints } from '../../../state/viewpoints.ts';
import { useT } from '../../i18n/index.ts';
import { useController } from '../../map/controllerContext.ts';
import { downloadBlob, fileStamp } from './download.ts';

function flyToViewpoint(vp: Viewpoint, fly: ((v: Viewpoint) => void) | undefined): void {
  if (vp.layers.length) useLayers.getState().showOnly(vp.layers);
  fly?.(vp);
}

export function ViewpointPanel() {
  const t = useT();
  const controller = useController();
  const viewpoints = useViewpoints((s) => s.viewpoints);
  const [name, setName] = useState('');
  const [report, setReport] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const save = (e: FormEvent): void => {
    e.preventDefault();
    const camera = useView.getState().camera;
    if (!camera) return;
    const label = name.trim() || t('viewpoints.defaultName', { n: viewpoints.length + 1 });
    useViewpoints.getState().save(label, camera, useLayers.getState().layers.filter((l) => l.show).map((l) => l.id));
    setName('');
  };
  const exportAll = (): void => {
    const blob = new Blob([JSON.stringify(viewpointFile(viewpoints), null, 2)], { type: 'application/json' });
    downloadBlob(blob, `viewpoints-${fileStamp(new Date())}.json`);
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const r = parseViewpointFile(await file.text(), file.name);
    useViewpoints.getState().addImported(r.viewpoints);
    setReport(t('viewpoints.imported', { n: r.viewpoints.length, skipped: r.skipped }));
    useUi.getState().pushNotice(r.issues);
  };

  return (
    <section className="panel viewpoint-panel" aria-label={t('viewpoints.heading')} data-testid="viewpoints">
      <h2>{t('viewpoints.heading')}</h2>
      <form className="viewpoint-save" onSubmit={save}>
        <input
          type="text" value={name} maxLength={60} placeholder={t('viewpoints.namePlaceholder')} aria-label={t('viewpoints.name')}
          data-testid="viewpoint-name" onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" data-testid="viewpoint-save" title={t('viewpoints.saveTitle')}>{t('viewpoints.save')}</button>
      </form>
      {viewpoints.length === 0 ? <p className="muted">{t('viewpoints.empty')}</p> : (
        <ul className="viewpoint-list">
          {viewpoints.map((vp) => (
            <li key={vp.id} data-testid="viewpoint">
              <button type="button" className="viewpoint-fly" title={t('viewpoints.flyTitle', { name: vp.name })}
                onClick={() => flyToViewpoint(vp, controller && ((v) => void controller.flyTo(v.camera)))}>{vp.name}</button>
              <button type="button" className="viewpoint-delete" aria-label={t('viewpoints.delete', { name: vp.name })} title={t('viewpoints.delete', { name: vp.name })}
                onClick={() => useViewpoints.getState().remove(vp.id)}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="viewpoint-files">
        <button type="button" data-testid="viewpoint-export" disabled={viewpoints.length === 0} onClick={exportAll}>{t('viewpoints.export')}</button>
        <button type="button" data-testid="viewpoint-import" onClick={() => fileInput.current?.click()}>{t('viewpoints.import')}</button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="viewpoint-file" onChange={(e) => void importFile(e)} />
      </div>
      {report && <p className="muted" data-testid="viewpoint-report">{report}</p>}
    </section>
  );
}
