// Cesium loads workers and assets from CESIUM_BASE_URL: our own origin, next to the app
// (vite.config.ts copies them to dist/cesium). Relative, so the app works under any path.
declare global {
  interface Window {
    CESIUM_BASE_URL?: string;
  }
}

window.CESIUM_BASE_URL ??= new URL('./cesium/', document.baseURI).href;

export {};
