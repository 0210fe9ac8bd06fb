// The leftover-state guard. When a run stops inside a script (quit at a return-code prompt,
// Ctrl-C, a runtest error, a closed terminal), the script's own undo blocks may not have run,
// and what its `sudo perl` blocks changed (a netem qdisc on lo, a sysctl) is still in place.
// Where it stopped is read from the transcript: `** Command n (…, starting at line L)` gives the
// line; otherwise `  Test n` says n exim commands had started, so it stopped between the n-th
// and the (n+1)-th.
import type { ScriptShape, SudoChange } from './sudoChanges';
import type { TranscriptReport, TranscriptTest } from './transcriptFindings';

export interface StopPoint {
  testNumber: string;
  /** 0-based: this line had certainly started. */
  reached: number;
  /** 0-based, exclusive: nothing at or after this line ran. */
  bound: number;
  why: string;
}

/** Where the run stopped inside a script, or undefined when every script ran to its end. */
export function stopPoint(report: TranscriptReport | undefined, exitStatus: number | null, shapeOf: (testNumber: string) => ScriptShape | undefined): StopPoint | undefined {
  const last = report?.tests[report.tests.length - 1];
  if (report === undefined || last === undefined || last.completed) return undefined;
  // runtest prints "You were in test …" on every exit inside a test, a die included (rt:245).
  const why = last.fatal !== undefined ? `runtest stopped: ${last.fatal}`
    : report.stoppedInTest === last.testNumber ? 'runtest was quit at a prompt'
    : exitStatus === null ? 'the run ended without an exit status (the terminal was closed)'
    : undefined;
  if (why === undefined) return undefined; // after `c` at a return-code prompt runtest goes on to the script's end
  if (last.findings.some((f) => f.kind === 'comparison' || f.kind === 'notEmpty' || f.kind === 'missingExpected')) return undefined; // checks come after the last command
  const shape = shapeOf(last.testNumber);
  if (shape === undefined) return undefined;
  const atLine = pendingReturnCodeLine(last);
  if (atLine !== undefined) return { testNumber: last.testNumber, reached: atLine - 1, bound: atLine, why };
  const n = last.eximCommandsStarted;
  const reached = n === 0 ? 0 : shape.eximLines[n - 1] ?? 0;
  const bound = shape.eximLines[n] ?? shape.lineCount;
  return { testNumber: last.testNumber, reached, bound, why };
}

/** The changes that may still be in place: made before the bound, undone (if at all) not before `reached`. */
export function changesLeftInPlace(changes: readonly SudoChange[], stop: StopPoint): SudoChange[] {
  return changes.filter((c) => c.undoLine !== undefined && c.changeLine < stop.bound && !(c.undoLine < stop.reached));
}

export interface RestoreStep {
  summary: string;
  /** Run with sudo, as an argv; undefined when the change cannot be undone automatically. */
  argv?: string[];
  /** Said to the user when there is no argv. */
  advice?: string;
}

/**
 * How to undo each change: a sysctl goes back to the value the script saved in
 * `test-saved-<name>` (kept after a quit) or to the value its undo writes; anything else runs the
 * undo command the analysis gives, through `sh -c`, shown to the user before it runs.
 */
export function restoreSteps(changes: readonly SudoChange[], savedValue: (sysctl: string) => string | undefined): RestoreStep[] {
  return changes.map((change) => {
    if (change.sysctl !== undefined) {
      const value = savedValue(change.sysctl)?.trim() || change.undoValue;
      return value !== undefined
        ? { summary: change.summary, argv: ['sysctl', '-w', `${change.sysctl}=${value}`] }
        : { summary: change.summary, advice: `no saved value of ${change.sysctl} was found: set it back by hand` };
    }
    if (change.undoCommand !== undefined) return { summary: change.summary, argv: ['sh', '-c', change.undoCommand] };
    return { summary: change.summary, advice: 'no undo command is known: undo it by hand' };
  });
}

function pendingReturnCodeLine(test: TranscriptTest): number | undefined {
  const last = test.findings[test.findings.length - 1];
  // A `  Test n` after the finding means runtest went on past that command (answer `c`).
  return last?.kind === 'returnCode' && test.eximCommandsStarted === test.progressAtLastFinding ? last.line : undefined;
}
