import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('closing the server', () => {
  // The tile workers' tsx loader holds the process open even though the workers are unref'd: a
  // command that closed the server after a tile was generated never exited (the 3-repetition
  // bench wrote its report and hung). The child generates a tile in a worker, closes the server
  // and must then exit by itself.
  it('ends the on-demand tile workers, so a command that closes it exits', () => {
    const r = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/fixtures/server/closeExits.mts'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^tile 200 \d{4,}\nclosed\n$/);
    expect(r.signal, 'the child was still running 60 s after the server closed').toBeNull();
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
  }, 90_000);
});
