// Lint enforces the import boundaries of architecture.md:
// domain imports nothing of cesium/react/zustand/DOM; state imports no cesium; tools import no engine/ui.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const no = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tilesets/**', 'bench-results/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      no(['cesium', 'cesium/*', 'resium', 'react', 'react-dom', 'react/*', 'zustand', 'zustand/*'], 'src/domain is pure TypeScript: no cesium, react or zustand.'),
      no(['**/engine/**', '**/state/**', '**/services/**', '**/ui/**'], 'src/domain imports only src/domain.'),
    ]),
  },
  {
    files: ['src/state/**'],
    rules: restrict([
      no(['cesium', 'cesium/*', 'resium'], 'src/state holds no Cesium types: keep them in src/engine.'),
      no(['**/engine/**', '**/ui/**'], 'src/state does not import engine or ui.'),
    ]),
  },
  {
    files: ['src/engine/**'],
    rules: restrict([
      no(['react', 'react-dom', 'react/*', 'resium', '**/ui/**'], 'src/engine is Cesium only, no React.'),
    ]),
  },
  {
    files: ['src/services/**'],
    rules: restrict([no(['cesium', 'cesium/*', 'resium', '**/ui/**'], 'src/services does IO only: no Cesium, no UI.')]),
  },
  {
    files: ['bench/**'],
    rules: restrict([
      no(['react', 'react-dom', 'react/*', 'resium', 'zustand', 'zustand/*', '**/src/engine/**', '**/src/ui/**', '**/src/state/**', '**/src/services/**'], 'bench pages are plain renderers: cesium, three and src/domain only.'),
    ]),
  },
  {
    files: ['tools/**'],
    rules: restrict([
      no(['cesium', 'cesium/*', 'resium', 'react', 'react-dom', '**/src/engine/**', '**/src/ui/**', '**/src/state/**'], 'tools import src/domain only, never engine/ui/state.'),
    ]),
  },
);
