// The one logger of the main process: JSON lines in <dataDir>/audit.log, every string scrubbed by
// the redaction registry first (DESIGN invariant 6). Nothing goes to stdout unless asked for.
import fs from 'node:fs';
import path from 'node:path';
import type { RedactionRegistry } from './redaction';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  log(level: LogLevel, event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** Closes the file (core.close()); a later line opens it again. */
  close(): void;
  readonly file: string;
}

export interface LoggerOptions {
  dataDir: string;
  redaction: RedactionRegistry;
  clock?: () => Date;
  /** Mirror lines to stderr (the Electron shell in development). */
  echo?: boolean;
}

export function createLogger({ dataDir, redaction, clock = () => new Date(), echo = false }: LoggerOptions): Logger {
  const file = path.join(dataDir, 'audit.log');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 }); // secrets never go here, but metadata does

  // Kept open between lines (a bulk inspection logs thousands); reopened after close().
  let fd: number | null = null;
  const log = (level: LogLevel, event: string, fields: LogFields = {}): void => {
    const entry: Record<string, unknown> = { ts: clock().toISOString(), level, event };
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) entry[k] = v;
    // Scrub the serialised line, so keys, values and nested text are all covered.
    const line = redaction.scrub(JSON.stringify(entry));
    fd ??= fs.openSync(file, 'a', 0o600);
    fs.writeSync(fd, line + '\n');
    if (echo) process.stderr.write(line + '\n');
  };

  return {
    file,
    log,
    close: () => {
      if (fd !== null) fs.closeSync(fd);
      fd = null;
    },
    info: (e, f) => log('info', e, f),
    warn: (e, f) => log('warn', e, f),
    error: (e, f) => log('error', e, f),
  };
}
