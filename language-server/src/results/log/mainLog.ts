// Reading a whole main log line by line. runtest's munged logs (`test-mainlog-munged`, the
// expected `log/NNNN`) hold the client's log, then a line `******** SERVER ********`, then the
// log of the Exim started with -DSERVER=server; raw logs hold one side only.

import type { LogEntry } from './logEntry';
import { parseLogLine } from './parseLogLine';

/** Which Exim wrote the line: the one the script drives, or the `-DSERVER=server` daemon. */
export type LogSide = 'client' | 'server';

export type MainLogEntry = LogEntry & {
  side: LogSide;
  /** 1-based line number in the file. */
  lineNumber: number;
};

export interface ReadMainLogOptions {
  /** The side of the lines before any separator: `server` for a raw `servermainlog`. Default `client`. */
  side?: LogSide;
}

export const SERVER_LOG_SEPARATOR = '******** SERVER ********';

/** Reads lines as they come; blank lines and the separator are counted but yield no entry. */
export async function* readMainLog(
  lines: Iterable<string> | AsyncIterable<string>,
  options: ReadMainLogOptions = {},
): AsyncGenerator<MainLogEntry> {
  const reader = new MainLogLineReader(options);
  for await (const line of lines) {
    const entry = reader.read(line);
    if (entry) yield entry;
  }
}

/** The same as `readMainLog`, for lines already in memory. */
export function* readMainLogSync(lines: Iterable<string>, options: ReadMainLogOptions = {}): Generator<MainLogEntry> {
  const reader = new MainLogLineReader(options);
  for (const line of lines) {
    const entry = reader.read(line);
    if (entry) yield entry;
  }
}

/** A whole file's text → entries. Accepts `\n` and `\r\n` line ends. */
export function readMainLogText(text: string, options: ReadMainLogOptions = {}): MainLogEntry[] {
  return [...readMainLogSync(splitLogLines(text), options)];
}

/** Exim writes bytes as they came (header text may be latin-1): UTF-8 when valid, else latin-1. */
export function decodeLogBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

export function splitLogLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

class MainLogLineReader {
  private side: LogSide;
  private lineNumber = 0;

  constructor(options: ReadMainLogOptions) {
    this.side = options.side ?? 'client';
  }

  read(rawLine: string): MainLogEntry | undefined {
    this.lineNumber++;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') return undefined;
    if (line === SERVER_LOG_SEPARATOR) {
      this.side = 'server';
      return undefined;
    }
    return { ...parseLogLine(line), side: this.side, lineNumber: this.lineNumber };
  }
}
