// Entry point. CESIUM_BASE_URL must be known before Cesium first resolves a worker or asset URL;
// vite.config.ts defines it at build time and this sets it for any unbundled path.
import './engine/viewer/cesiumBase.ts';
import 'cesium/Build/Cesium/Widgets/widgets.css';
import './ui/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';

const root = document.getElementById('root');
if (root) {
  // No StrictMode: it would create, destroy and re-create the WebGL viewer on every mount.
  createRoot(root).render(<App />);
}
