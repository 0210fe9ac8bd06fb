// What the terminal's process (dist/runWrapper.js) is told to do, and what it leaves behind.
// The extension writes `run-spec.json` into the run folder and starts the wrapper with that
// file's path as its only argument; the wrapper writes `exit-status.json` when runtest ends.
import { promises as fsp } from 'node:fs';

export const RUN_SPEC_FILE = 'run-spec.json';
export const EXIT_STATUS_FILE = 'exit-status.json';
export const TRANSCRIPT_FILE = 'runtest.typescript';

export interface CommandSpec {
  program: string;
  args: string[];
  cwd: string;
  /** Added to the inherited environment. */
  env: Record<string, string>;
}

export interface RunSpec {
  kind: 'runtest' | 'restore';
  /** runtest for `runtest`; the undo commands, one after the other, for `restore`. */
  commands: CommandSpec[];
  /** Lines printed in the terminal before anything starts (sudo preflight, capture). */
  notes: string[];
  /** `script` from util-linux, to record the transcript; undefined runs without one. */
  scriptProgram?: string;
  transcriptFile?: string;
  exitStatusFile: string;
  /** Wait for a key before the terminal closes, so its output stays readable. */
  holdOpen: boolean;
}

export interface ExitStatusRecord {
  /** runtest's exit status (128+n when a signal n ended it); null when it never started. */
  exitStatus: number | null;
  startedAt: string;
  endedAt: string;
  /** Whether the transcript was recorded. */
  transcript: boolean;
  /** Why runtest could not be started, when it could not. */
  error?: string;
}

export async function writeJsonAtomically(file: string, value: unknown): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await fsp.writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`);
  await fsp.rename(temporary, file);
}

export async function readExitStatus(file: string): Promise<ExitStatusRecord | undefined> {
  try {
    const record = JSON.parse(await fsp.readFile(file, 'utf8')) as ExitStatusRecord;
    return typeof record === 'object' && record !== null && 'exitStatus' in record ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves with the exit-status record once the wrapper has written it, or with undefined when
 * `stopped()` turns true first (the terminal closed: runtest's status was never seen).
 */
export async function waitForExitStatus(file: string, stopped: () => boolean, pollMs = 250): Promise<ExitStatusRecord | undefined> {
  for (;;) {
    const record = await readExitStatus(file);
    if (record !== undefined) return record;
    if (stopped()) return readExitStatus(file);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
