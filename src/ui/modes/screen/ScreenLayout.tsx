// Command-centre mode (video wall): the 3D view in the middle, dark dashboard panels at the sides.
import { HeaderBar } from '../../controls/HeaderBar.tsx';

export function ScreenLayout() {
  return (
    <div className="overlay" data-mode="screen">
      <HeaderBar />
    </div>
  );
}
