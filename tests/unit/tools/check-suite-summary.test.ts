// The `npm test` summary arithmetic (tools/lib/testReports.ts): the last line must never read clean
// when a suite broke.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkResult, playwrightResult, totalLine, vitestResult } from '../../../tools/lib/testReports.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'reports-'));
const write = (name: string, data: unknown): string => { const p = path.join(dir, name); writeFileSync(p, JSON.stringify(data)); return p; };

describe('suite results', () => {
  it('counts a check as one', () => {
    expect(checkResult('tsc', 0)).toMatchObject({ passed: 1, failed: 0 });
    expect(checkResult('tsc', 2)).toMatchObject({ passed: 0, failed: 1 });
  });
  it('reads vitest counts; a crash without report, or a failed suite with no failed test, is a failure', () => {
    expect(vitestResult(write('v1.json', { numPassedTests: 40, numFailedTests: 2, success: false }), 1)).toMatchObject({ passed: 40, failed: 2 });
    expect(vitestResult(path.join(dir, 'none.json'), 1)).toMatchObject({ passed: 0, failed: 1 });
    expect(vitestResult(write('v2.json', { numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 2, success: false }), 1)).toMatchObject({ passed: 5, failed: 2 });
  });
  it('reads playwright stats; flaky counts as passed; errors without tests are failures', () => {
    expect(playwrightResult(write('p1.json', { stats: { expected: 7, unexpected: 1, flaky: 1 } }), 1)).toMatchObject({ passed: 8, failed: 1 });
    expect(playwrightResult(write('p2.json', { stats: { expected: 0, unexpected: 0 }, errors: [{}] }), 1)).toMatchObject({ passed: 0, failed: 1 });
    expect(playwrightResult(path.join(dir, 'none.json'), 1)).toMatchObject({ passed: 0, failed: 1 });
  });
  it('sums into the one summary line', () => {
    expect(totalLine([{ name: 'a', passed: 1, failed: 0 }, { name: 'b', passed: 40, failed: 2 }])).toBe('41 passed, 2 failed');
  });
});
