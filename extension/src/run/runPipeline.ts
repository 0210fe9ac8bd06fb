// One run, without VS Code: prepare its folder and the terminal's spec, and, once the terminal's
// process has ended, read what happened. The VS Code side (runService.ts, runTerminals.ts) only
// creates the terminal between the two; the unit tests start the wrapper themselves.
import { promises as fsp, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CaptureStart, CaptureSummary, RunningCapture } from '../capture/tcpdumpCapture';
import { changesLeftInPlace, stopPoint, type StopPoint } from './leftoverState';
import { collectRunResults, failedSummarySize, pruneRuns, runFolderName, RUNS_FOLDER, snapshotTreeFiles, type TreeSnapshot } from './resultsFolder';
import { runtestInvocation, type RuntestInvocation } from './runtestInvocation';
import { EXIT_STATUS_FILE, RUN_SPEC_FILE, TRANSCRIPT_FILE, writeJsonAtomically, type ExitStatusRecord, type RunSpec } from './runSpec';
import type { RunSettings } from './runSettings';
import { scriptShape, sudoChangesOf, type SudoChange } from './sudoChanges';
import { sudoNote, type SudoState } from './sudoPreflight';
import { testOutcomesFile, type RunOutcomes } from './runOutcomesFile';
import { testResults, lastTestReached, type TestResult } from './testOutcomes';
import { describeSelection, folderOfTest, testsOfSelection, type ScriptFolder, type TestSelection } from './testSelection';
import { readTranscript, type TranscriptReport } from './transcriptFindings';

export interface RunPlan {
  /** The extension's storage folder; runs go to `<storageRoot>/runs/<stamp>-<label>/`. */
  storageRoot: string;
  treeRoot: string;
  folders: ScriptFolder[];
  selection: TestSelection;
  options: readonly string[];
  ignoreDefaults?: boolean;
  nonInteractive: boolean;
  settings: RunSettings;
  sudo: SudoState;
  /** util-linux `script`, or undefined to run without a transcript. */
  scriptProgram?: string;
  holdOpen: boolean;
  /** Starts the capture into the given file; absent when capture is off. */
  startCapture?: (file: string) => Promise<CaptureStart>;
}

export interface PreparedRun {
  plan: RunPlan;
  runDir: string;
  specFile: string;
  exitStatusFile: string;
  invocation: RuntestInvocation;
  tests: string[];
  startedAt: Date;
  failedSummaryOffset: number;
  before: TreeSnapshot;
  capture?: RunningCapture;
  /** Said once to the user (capture refused, no transcript…). */
  warnings: string[];
}

export interface FinishedRun {
  runDir: string;
  treeRoot: string;
  exit?: ExitStatusRecord;
  results: TestResult[];
  transcript?: TranscriptReport;
  /** The test whose logs the folder holds. */
  testNumber: string;
  scriptFile: string;
  capture?: CaptureSummary;
  notes: string[];
  stop?: StopPoint;
  leftovers: SudoChange[];
}

export async function prepareRun(plan: RunPlan): Promise<PreparedRun> {
  const startedAt = new Date();
  const tests = testsOfSelection(plan.folders, plan.selection);
  const label = plan.selection.kind === 'single' ? plan.selection.test : `${tests[0] ?? 'none'}-${tests[tests.length - 1] ?? 'none'}`;
  const runDir = path.join(plan.storageRoot, RUNS_FOLDER, runFolderName(startedAt, label));
  await fsp.mkdir(runDir, { recursive: true });
  const invocation = runtestInvocation(plan.settings, { treeRoot: plan.treeRoot, selection: plan.selection, options: plan.options, ignoreDefaults: plan.ignoreDefaults, nonInteractive: plan.nonInteractive });
  const notes: string[] = [`Exim Test: ${describeSelection(plan.selection)}; results go to ${runDir}`];
  const warnings: string[] = [];
  const sudo = sudoNote(plan.sudo);
  if (sudo !== undefined) notes.push(sudo);
  let capture: RunningCapture | undefined;
  if (plan.startCapture !== undefined) {
    const started = await plan.startCapture(path.join(runDir, 'capture.pcap'));
    if (started.ok) {
      capture = started.capture;
      notes.push(`capturing: ${started.capture.argv.join(' ')}`);
    } else {
      notes.push(started.message);
      warnings.push(started.message);
    }
  }
  if (plan.scriptProgram === undefined) {
    const message = 'script(1) from util-linux was not found: runtest runs without a transcript, so an interactive failure cannot be read back.';
    notes.push(message);
    warnings.push(message);
  }
  const exitStatusFile = path.join(runDir, EXIT_STATUS_FILE);
  const spec: RunSpec = {
    kind: 'runtest',
    commands: [invocation],
    notes,
    ...(plan.scriptProgram !== undefined ? { scriptProgram: plan.scriptProgram, transcriptFile: path.join(runDir, TRANSCRIPT_FILE) } : {}),
    exitStatusFile,
    holdOpen: plan.holdOpen,
  };
  const specFile = path.join(runDir, RUN_SPEC_FILE);
  await writeJsonAtomically(specFile, spec);
  const failedSummaryOffset = await failedSummarySize(plan.treeRoot);
  const before = await snapshotTreeFiles(plan.treeRoot);
  return { plan, runDir, specFile, exitStatusFile, invocation, tests, startedAt, failedSummaryOffset, before, capture, warnings };
}

/** After the terminal's process ended (`exit`), or the terminal closed without one (undefined). */
export async function finishRun(prepared: PreparedRun, exit: ExitStatusRecord | undefined): Promise<FinishedRun> {
  const { plan, runDir } = prepared;
  const capture = await prepared.capture?.stop();
  const transcriptText = await fsp.readFile(path.join(runDir, TRANSCRIPT_FILE), 'latin1').catch(() => undefined);
  const transcript = transcriptText === undefined ? undefined : readTranscript(transcriptText);
  const testNumber = lastTestReached(prepared.tests, transcript) ?? 'none';
  const folder = folderOfTest(plan.folders, testNumber)?.name ?? '';
  const scriptFile = path.join(plan.treeRoot, 'scripts', folder, testNumber);
  const hasCapture = capture !== undefined && (await fsp.stat(path.join(runDir, 'capture.pcap')).then(() => true, () => false));
  const collected = await collectRunResults({
    runDir,
    treeRoot: plan.treeRoot,
    testNumber,
    scriptPath: `scripts/${folder}/${testNumber}`,
    argv: [prepared.invocation.program, ...prepared.invocation.args],
    startedAt: exit ? new Date(exit.startedAt) : prepared.startedAt,
    endedAt: exit ? new Date(exit.endedAt) : new Date(),
    exitStatus: exit?.exitStatus ?? null,
    failedSummaryOffset: prepared.failedSummaryOffset,
    before: prepared.before,
    ...(hasCapture ? { capture: 'capture.pcap' } : {}),
    ...(transcriptText !== undefined ? { transcript: TRANSCRIPT_FILE } : {}),
  });
  const results = testResults({ tests: prepared.tests, runSummary: collected.runSummary, failedSummary: collected.failedSummary, transcript });
  const stop = stopPoint(transcript, exit?.exitStatus ?? null, (n) => shapeOf(plan, n));
  const leftovers = stop === undefined ? [] : await leftoverChanges(plan, stop);
  const outcomes: RunOutcomes = { exitStatus: exit?.exitStatus ?? null, tests: results, ...(stop ? { stop } : {}), leftovers };
  await writeJsonAtomically(path.join(runDir, testOutcomesFile), outcomes);
  await pruneRuns(path.join(plan.storageRoot, RUNS_FOLDER), plan.settings.keepRuns, [runDir]);
  return { runDir, treeRoot: plan.treeRoot, exit, results, transcript, testNumber, scriptFile, capture, notes: collected.notes, stop, leftovers };
}

function scriptText(plan: RunPlan, testNumber: string): string | undefined {
  const folder = folderOfTest(plan.folders, testNumber);
  if (folder === undefined) return undefined;
  try {
    return readFileSync(path.join(plan.treeRoot, 'scripts', folder.name, testNumber), 'utf8');
  } catch {
    return undefined;
  }
}

function shapeOf(plan: RunPlan, testNumber: string): ReturnType<typeof scriptShape> | undefined {
  const text = scriptText(plan, testNumber);
  return text === undefined ? undefined : scriptShape(text);
}

async function leftoverChanges(plan: RunPlan, stop: StopPoint): Promise<SudoChange[]> {
  const text = scriptText(plan, stop.testNumber);
  return text === undefined ? [] : changesLeftInPlace(sudoChangesOf(text), stop);
}
