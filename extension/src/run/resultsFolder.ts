// After a run: copy what runtest left in test/ into the run's own folder (the run-results folder
// of docs/run-results-folder.md), write its manifest, and keep only the newest N folders.
// Files the run did not write are never taken: runtest deletes run-summary.log only once its
// start-up checks pass (rt:4536) and spool/ only when a test starts, so after an early death
// the files in test/ belong to an earlier run. Each file is compared with a snapshot taken
// before the run (inode, size, mtime), not with the clock: runs can follow each other within
// a second.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { nodeFolder, outcomeOfTest, parseRunSummary, writeRunManifest, type RunFiles, type RunManifest } from '../../../language-server/src/results/runFolder';

export const RUNS_FOLDER = 'runs';

/** Raw files copied from test/, by role, at the same relative path in the run folder. */
const fromTree: Array<{ role: keyof RunFiles; file: string }> = [
  { role: 'mainlog', file: 'spool/log/mainlog' },
  { role: 'servermainlog', file: 'spool/log/servermainlog' },
  { role: 'mungedMainlog', file: 'test-mainlog-munged' },
  { role: 'runSummary', file: 'run-summary.log' },
];

/** What the run's files in test/ looked like before the run: path → `ino:size:mtime`. */
export type TreeSnapshot = Record<string, string>;

export async function snapshotTreeFiles(treeRoot: string): Promise<TreeSnapshot> {
  const snapshot: TreeSnapshot = {};
  for (const { file } of fromTree) {
    const stat = await fsp.stat(path.join(treeRoot, file)).catch(() => undefined);
    if (stat !== undefined) snapshot[file] = identity(stat);
  }
  return snapshot;
}

function identity(stat: { ino: number; size: number; mtimeMs: number }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

export function runFolderName(startedAt: Date, label: string): string {
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\.(\d{3})Z$/, '-$1');
  return `${stamp}-${label.replace(/[^\w.-]/g, '_')}`;
}

export interface RunRecord {
  runDir: string;
  treeRoot: string;
  /** The test whose files are in the folder (the last one the run reached). */
  testNumber: string;
  /** `scripts/1090-TCP-Fast-Open/1090` */
  scriptPath: string;
  argv: string[];
  startedAt: Date;
  endedAt: Date;
  exitStatus: number | null;
  /** Size of test/failed-summary.log before the run: runtest only ever appends to it. */
  failedSummaryOffset: number;
  /** The files in test/ before the run; one that is unchanged is not this run's. */
  before: TreeSnapshot;
  /** Already in the run folder, relative to it. */
  capture?: string;
  transcript?: string;
}

export interface CollectedRun {
  manifest: RunManifest;
  runSummary?: string;
  failedSummary?: string;
  /** What could not be taken, for the user. */
  notes: string[];
}

export async function failedSummarySize(treeRoot: string): Promise<number> {
  return fsp.stat(path.join(treeRoot, 'failed-summary.log')).then((s) => s.size, () => 0);
}

export async function collectRunResults(run: RunRecord): Promise<CollectedRun> {
  const files: RunFiles = {};
  const notes: string[] = [];
  for (const { role, file } of fromTree) {
    const source = path.join(run.treeRoot, file);
    const stat = await fsp.stat(source).catch(() => undefined);
    if (stat === undefined) continue;
    if (run.before[file] === identity(stat)) {
      notes.push(`${file} in the test tree was not written by this run, so it was not taken.`);
      continue;
    }
    try {
      await fsp.mkdir(path.dirname(path.join(run.runDir, file)), { recursive: true });
      await fsp.copyFile(source, path.join(run.runDir, file));
      files[role] = file;
    } catch (error) {
      notes.push(`${file} could not be copied: ${(error as Error).message}`);
    }
  }
  if (files.mainlog === undefined && files.mungedMainlog === undefined) {
    notes.push('runtest left no logs in test/: it removes them after a clean end unless -KEEP is given.');
  }
  const expected = path.join(run.treeRoot, 'log', run.testNumber);
  if (await fsp.copyFile(expected, path.join(run.runDir, 'expected-log')).then(() => true, () => false)) files.expectedLog = 'expected-log';
  if (run.capture !== undefined) files.capture = run.capture;
  if (run.transcript !== undefined) files.transcript = run.transcript;

  const failedSummary = await newFailedSummary(run.treeRoot, run.failedSummaryOffset);
  if (failedSummary !== undefined && failedSummary !== '') await fsp.writeFile(path.join(run.runDir, 'failed-summary.log'), failedSummary);
  const runSummary = files.runSummary === undefined ? undefined : await fsp.readFile(path.join(run.runDir, files.runSummary), 'utf8');

  const manifest: RunManifest = {
    formatVersion: 1,
    testNumber: run.testNumber,
    scriptPath: run.scriptPath,
    testTree: run.treeRoot,
    startedAt: run.startedAt.toISOString(),
    endedAt: run.endedAt.toISOString(),
    argv: run.argv,
    exitStatus: run.exitStatus,
    outcome: runSummary === undefined ? 'unknown' : outcomeOfTest(parseRunSummary(runSummary), run.testNumber),
    files,
  };
  await writeRunManifest(nodeFolder(), run.runDir, manifest);
  return { manifest, runSummary, failedSummary, notes };
}

async function newFailedSummary(treeRoot: string, offset: number): Promise<string | undefined> {
  const text = await fsp.readFile(path.join(treeRoot, 'failed-summary.log')).catch(() => undefined);
  if (text === undefined) return undefined;
  return (text.length >= offset ? text.subarray(offset) : text).toString('utf8');
}

/** Removes all but the newest `keep` run folders; returns the names removed. */
export async function pruneRuns(runsRoot: string, keep: number, protect: readonly string[] = []): Promise<string[]> {
  const names = ((await fsp.readdir(runsRoot).catch(() => [])) as string[]).filter((n) => /^\d{8}-\d{6}-\d{3}-/.test(n)).sort();
  const doomed = names.slice(0, Math.max(0, names.length - keep)).filter((n) => !protect.includes(path.join(runsRoot, n)));
  for (const name of doomed) await fsp.rm(path.join(runsRoot, name), { recursive: true, force: true });
  return doomed;
}
