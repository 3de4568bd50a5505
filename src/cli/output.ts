/** Where the CLI writes; injectable so tests can run commands in-process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Reads all of standard input. */
  readStdin(): Promise<string>;
  /** True when standard output is a terminal that should get colour. */
  color: boolean;
  /** Rewrites one status line in place on standard error; absent when standard error is not a terminal. */
  progress?(text: string): void;
}

let quietOnClosedPipe = false;

/**
 * Makes a closed standard output end the process quietly: a reader that stops early (`| head`)
 * closes the pipe, and the next write fails with EPIPE, which Node otherwise reports as an
 * unhandled 'error' event with a stack trace. Any other stream error stays fatal.
 */
function exitOnClosedPipe(): void {
  if (quietOnClosedPipe) return;
  quietOnClosedPipe = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

/** Returns the process's real standard streams. */
export function processIo(): CliIo {
  exitOnClosedPipe();
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    // \r and "erase line": the next status overwrites this one; an empty text clears it.
    ...(process.stderr.isTTY ? { progress: (text: string) => void process.stderr.write(`\r\u001b[2K${text}`) } : {}),
  };
}

/** ANSI styling that collapses to plain text when colour is off. */
export function styler(color: boolean) {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { bold: wrap('1'), dim: wrap('2'), red: wrap('31'), green: wrap('32'), yellow: wrap('33'), cyan: wrap('36') };
}
