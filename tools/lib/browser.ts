// The browser every browser-driven tool and test uses: Debian's chromium with SwiftShader WebGL2
// (reference/streaming.md), or CHROMIUM_PATH, or Playwright's own browser where neither exists.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--no-sandbox', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
] as const;

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}
