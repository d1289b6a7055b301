// The kiosk's big entry buttons: 城市总览, the configured places, 地下空间, 海底地形, 项目查询.
import type { KioskHome, KioskPlace } from '../../../domain/kiosk/home.ts';
import type { KioskConfig } from '../../../domain/schemas/index.ts';
import { useT, useLocalized } from '../../i18n/index.ts';
import { useController } from '../../map/controllerContext.ts';
import { goSeabed, goToPlace, goUnderground, openKeypad, resetToHome } from './actions.ts';
import { useKiosk } from './kioskState.ts';

interface Props {
  readonly home: KioskHome;
  readonly places: readonly KioskPlace[];
  readonly cfg: KioskConfig;
}

export function EntryBar({ home, places, cfg }: Props) {
  const t = useT();
  const localized = useLocalized();
  const controller = useController();
  const panel = useKiosk((s) => s.panel);
  const entries = [
    { id: 'home', label: t('kiosk.home'), active: false, go: () => resetToHome(home, controller) },
    ...places.map((p) => ({ id: p.id, label: p.bookmark ? localized(p.bookmark.name) : p.id, active: false, go: () => goToPlace(home, controller, p) })),
    { id: 'underground', label: t('kiosk.underground'), active: panel === 'underground', go: () => goUnderground(home, controller, cfg.underground) },
    { id: 'seabed', label: t('kiosk.seabed'), active: panel === 'seabed', go: () => goSeabed(home, controller, cfg.seabed) },
    { id: 'search', label: t('kiosk.search'), active: panel === 'keypad', go: () => openKeypad(home) },
  ];
  return (
    <nav className="kiosk-entries" data-testid="kiosk-entries" aria-label={t('kiosk.entries')} style={{ ['--entries' as string]: entries.length }}>
      {entries.map((e) => (
        <button key={e.id} type="button" className={`kiosk-entry${e.active ? ' active' : ''}`} data-testid={`kiosk-entry-${e.id}`} aria-pressed={e.active} onClick={e.go}>
          {e.label}
        </button>
      ))}
    </nav>
  );
}
