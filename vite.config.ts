// Vite config for the viewer. Cesium needs its Workers/Assets/Widgets/ThirdParty served as static
// files at CESIUM_BASE_URL; a small inline plugin serves them in dev and copies them into
// dist/cesium on build (vite-plugin-static-copy needs Node 22; we support Node 20).
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const cesiumBuild = resolve(root, 'node_modules/cesium/Build/Cesium');
const cesiumStaticDirs = ['Workers', 'Assets', 'Widgets', 'ThirdParty'];
const mime: Record<string, string> = {
  '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.xml': 'application/xml',
  '.ktx2': 'image/ktx2', '.glb': 'model/gltf-binary',
};

function cesiumStatic(): Plugin {
  return {
    name: 'twin:cesium-static',
    configureServer(server) {
      server.middlewares.use('/cesium', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
        const file = normalize(join(cesiumBuild, path));
        const top = path.split('/')[1] ?? '';
        if (!file.startsWith(cesiumBuild + sep) || !cesiumStaticDirs.includes(top) || !existsSync(file) || !statSync(file).isFile()) {
          next();
          return;
        }
        res.setHeader('Content-Type', mime[extname(file)] ?? 'application/octet-stream');
        createReadStream(file).pipe(res);
      });
    },
    writeBundle(options) {
      const outDir = options.dir ?? resolve(root, 'dist');
      for (const dir of cesiumStaticDirs) {
        cpSync(join(cesiumBuild, dir), join(outDir, 'cesium', dir), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  base: './', // relative, so dist/ can be hosted under any path prefix
  plugins: [react(), cesiumStatic()],
  resolve: {
    // The prebuilt ESM bundle: far faster to bundle than Cesium's ~2,000 source modules.
    // Types still come from cesium/Source/Cesium.d.ts.
    alias: [{ find: /^cesium$/, replacement: join(cesiumBuild, 'index.js') }],
  },
  define: {
    // Read by Cesium's buildModuleUrl; relative so it follows the page's own origin and path.
    CESIUM_BASE_URL: JSON.stringify('./cesium/'),
  },
  build: {
    chunkSizeWarningLimit: 6000,
    sourcemap: false,
    // The streaming benchmark's reference pages (issue C6) ship next to the app: served by the same
    // server, they fetch the same tiles from the same origin.
    rolldownOptions: {
      input: {
        index: resolve(root, 'index.html'), // key 'index' keeps the app's chunk names (index-*.js)
        benchCesiumDefault: resolve(root, 'bench/cesium-default.html'),
        benchTilesRenderer: resolve(root, 'bench/tiles-renderer.html'),
      },
    },
  },
  server: { port: 5173 },
});
