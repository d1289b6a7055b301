// IO injected into every command so tests can run commands against memory.
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
  /** Progress line; on a terminal it rewrites itself, otherwise it prints plain lines. */
  progress(text: string): void;
}

export interface CommandModule {
  run(args: string[], io: CommandIo): Promise<number>;
}

const tty = Boolean(process.stderr.isTTY);
let lastPlain = 0;
export const nodeIo: CommandIo = {
  out: (t) => { process.stdout.write(t); },
  err: (t) => { process.stderr.write(t); },
  progress: (t) => {
    if (tty) { process.stderr.write(`\r\x1b[2K${t}`); return; }
    // Without a terminal (CI, logs) print at most one line every 2 s.
    const now = Date.now();
    if (now - lastPlain > 2000) { lastPlain = now; process.stderr.write(`${t}\n`); }
  },
};

export function memoryIo(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => { stdout.push(t); }, err: (t) => { stderr.push(t); }, progress: () => {} };
}

/** A command's parsed options, or the exit code after printing why not: bad options name
 *  themselves and show the usage (exit 2); `--help` shows the usage (exit 0). */
export function optionsOrExit<T extends { help: boolean }>(command: string, parsed: T | { errors: string[] }, usage: string, io: CommandIo): T | number {
  if ('errors' in parsed) {
    for (const e of parsed.errors) io.err(`${command}: ${e}\n`);
    io.err(usage);
    return 2;
  }
  if (parsed.help) { io.out(usage); return 0; }
  return parsed;
}
