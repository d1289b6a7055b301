// Turns each suite's outcome into passed/failed counts. Vitest and Playwright are read from their
// JSON reports; a suite that exits non-zero without a report (a crash) counts as one failure, and a
// non-zero exit the report does not explain (a suite that failed to load, a webServer that did not
// start) counts at least one failure too, so the total can never read clean when something broke.
import { existsSync, readFileSync } from 'node:fs';

export interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  note?: string;
}

/** tsc, eslint, vite build…: one check, passed or failed. */
export function checkResult(name: string, exitCode: number): SuiteResult {
  return { name, passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1 };
}

interface VitestJson { numPassedTests?: number; numFailedTests?: number; numFailedTestSuites?: number; success?: boolean }

export function vitestResult(reportPath: string, exitCode: number): SuiteResult {
  const r = readJson<VitestJson>(reportPath);
  if (!r) return { name: 'unit (vitest)', passed: 0, failed: 1, note: `no report at ${reportPath} (exit ${exitCode})` };
  const passed = r.numPassedTests ?? 0;
  let failed = r.numFailedTests ?? 0;
  if (failed === 0 && (exitCode !== 0 || r.success === false)) failed = Math.max(1, r.numFailedTestSuites ?? 0);
  return { name: 'unit (vitest)', passed, failed };
}

interface PlaywrightJson { stats?: { expected?: number; unexpected?: number; flaky?: number }; errors?: unknown[] }

export function playwrightResult(reportPath: string, exitCode: number): SuiteResult {
  const r = readJson<PlaywrightJson>(reportPath);
  if (!r) return { name: 'browser (playwright)', passed: 0, failed: 1, note: `no report at ${reportPath} (exit ${exitCode})` };
  // A flaky test passed on retry: it counts as passed, as Playwright itself reports it.
  const passed = (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0);
  let failed = r.stats?.unexpected ?? 0;
  if (failed === 0 && exitCode !== 0) failed = Math.max(1, r.errors?.length ?? 0);
  return { name: 'browser (playwright)', passed, failed };
}

function readJson<T>(file: string): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

export function totalLine(results: SuiteResult[]): string {
  const passed = results.reduce((s, r) => s + r.passed, 0);
  const failed = results.reduce((s, r) => s + r.failed, 0);
  return `${passed} passed, ${failed} failed`;
}
