// `manifest.json` of a run-results folder: what ran, when, how it ended, and which raw file is
// which. The format is described in docs/run-results-folder.md.

import type { RunOutcome } from './runSummary';

export const RUN_MANIFEST_FILE = 'manifest.json';
export const RUN_MANIFEST_FORMAT_VERSION = 1;

/** The raw files a run can leave, by what they hold. */
export const runFileRoles = [
  'mainlog',
  'servermainlog',
  'mungedMainlog',
  'runSummary',
  'capture',
  'transcript',
  'expectedLog',
] as const;
export type RunFileRole = (typeof runFileRoles)[number];

/** Role → file path relative to the run folder; any role may be missing. */
export type RunFiles = Partial<Record<RunFileRole, string>>;

export interface RunManifest {
  formatVersion: typeof RUN_MANIFEST_FORMAT_VERSION;
  /** Four digits, e.g. `1090`. Absent only for folders opened without a manifest that name no test. */
  testNumber?: string;
  /** Relative to the test tree, e.g. `scripts/1090-TCP-Fast-Open/1090`. */
  scriptPath?: string;
  /** The Exim `test/` folder runtest ran in. */
  testTree?: string;
  /** ISO 8601 times. */
  startedAt?: string;
  endedAt?: string;
  /** runtest's command line, starting with the program. */
  argv: string[];
  /** runtest's exit status; null when it was not seen (still running, killed, or unknown). */
  exitStatus: number | null;
  /** From run-summary.log when it names the test; `unknown` otherwise. Never guessed. */
  outcome: RunOutcome;
  files: RunFiles;
}

const outcomes: readonly string[] = ['passed', 'failed', 'omitted', 'unknown'];

export type ManifestCheck = { ok: true; manifest: RunManifest } | { ok: false; errors: string[] };

/** Checks parsed JSON against the format; every problem is reported, not just the first. */
export function checkRunManifest(json: unknown): ManifestCheck {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, errors: ['the manifest must be a JSON object'] };
  }
  const data = json as Record<string, unknown>;
  const errors: string[] = [];
  const optionalString = (key: string, valid: (text: string) => boolean, what: string): string | undefined => {
    const value = data[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string' && valid(value)) return value;
    errors.push(`"${key}" must be ${what}`);
    return undefined;
  };

  if (data.formatVersion !== RUN_MANIFEST_FORMAT_VERSION) {
    errors.push(`"formatVersion" must be ${RUN_MANIFEST_FORMAT_VERSION} (found ${JSON.stringify(data.formatVersion)})`);
  }
  const testNumber = optionalString('testNumber', isTestNumber, 'four digits, e.g. "1090"');
  if (data.testNumber === undefined) errors.push('"testNumber" is missing');
  const scriptPath = optionalString('scriptPath', isRelativePath, 'a path relative to the test tree');
  const testTree = optionalString('testTree', (text) => text !== '', 'a non-empty path');
  const startedAt = optionalString('startedAt', isIsoTime, 'an ISO 8601 time');
  const endedAt = optionalString('endedAt', isIsoTime, 'an ISO 8601 time');

  const argv = data.argv ?? [];
  if (!Array.isArray(argv) || !argv.every((arg) => typeof arg === 'string')) errors.push('"argv" must be a list of strings');
  const exitStatus = data.exitStatus ?? null;
  if (exitStatus !== null && !Number.isInteger(exitStatus)) errors.push('"exitStatus" must be an integer or null');
  const outcome = data.outcome ?? 'unknown';
  if (typeof outcome !== 'string' || !outcomes.includes(outcome)) errors.push(`"outcome" must be one of ${outcomes.join(', ')}`);
  const files = checkFiles(data.files, errors);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    manifest: {
      formatVersion: RUN_MANIFEST_FORMAT_VERSION,
      ...(testNumber !== undefined ? { testNumber } : {}),
      ...(scriptPath !== undefined ? { scriptPath } : {}),
      ...(testTree !== undefined ? { testTree } : {}),
      ...(startedAt !== undefined ? { startedAt } : {}),
      ...(endedAt !== undefined ? { endedAt } : {}),
      argv: argv as string[],
      exitStatus: exitStatus as number | null,
      outcome: outcome as RunOutcome,
      files,
    },
  };
}

function checkFiles(value: unknown, errors: string[]): RunFiles {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push('"files" must be an object from role to relative file name');
    return {};
  }
  const files: RunFiles = {};
  for (const [role, name] of Object.entries(value)) {
    if (!(runFileRoles as readonly string[]).includes(role)) {
      errors.push(`"files" has an unknown role "${role}" (known: ${runFileRoles.join(', ')})`);
    } else if (typeof name !== 'string' || !isRelativePath(name)) {
      errors.push(`"files.${role}" must be a path relative to the run folder`);
    } else {
      files[role as RunFileRole] = name;
    }
  }
  return files;
}

/** The manifest as written to disk: stable key order, two-space indent, final newline. */
export function serializeRunManifest(manifest: RunManifest): string {
  const files: RunFiles = {};
  for (const role of runFileRoles) if (manifest.files[role] !== undefined) files[role] = manifest.files[role];
  const ordered = {
    formatVersion: manifest.formatVersion,
    testNumber: manifest.testNumber,
    scriptPath: manifest.scriptPath,
    testTree: manifest.testTree,
    startedAt: manifest.startedAt,
    endedAt: manifest.endedAt,
    argv: manifest.argv,
    exitStatus: manifest.exitStatus,
    outcome: manifest.outcome,
    files,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

export function isTestNumber(text: string): boolean {
  return /^\d{4}$/.test(text);
}

function isRelativePath(text: string): boolean {
  if (text === '' || text.startsWith('/') || text.startsWith('\\') || /^[A-Za-z]:/.test(text)) return false;
  return !text.split(/[\\/]/).includes('..');
}

function isIsoTime(text: string): boolean {
  return /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text) && !Number.isNaN(Date.parse(text));
}
