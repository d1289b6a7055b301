// Kiosk mode (public touch screens): a few big entry buttons, cards readable at arm's length.
import { HeaderBar } from '../../controls/HeaderBar.tsx';

export function KioskLayout() {
  return (
    <div className="overlay" data-mode="kiosk">
      <HeaderBar />
    </div>
  );
}
