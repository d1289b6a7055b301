// Named views with animated flights.
import { useView } from '../../state/view.ts';
import { useLocalized, useT } from '../i18n/index.ts';
import { useController } from '../map/controllerContext.ts';

export function BookmarkPanel() {
  const t = useT();
  const localized = useLocalized();
  const bookmarks = useView((s) => s.bookmarks);
  const controller = useController();
  return (
    <section className="panel bookmark-panel" aria-label={t('bookmarks.heading')}>
      <h2>{t('bookmarks.heading')}</h2>
      <ul className="bookmark-list">
        {bookmarks.map((b) => (
          <li key={b.id}>
            <button type="button" data-testid={`bookmark-${b.id}`} onClick={() => void controller?.flyTo(b)}>
              {localized(b.name)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
