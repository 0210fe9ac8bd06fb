// `outcomes.json` in a run folder: every test's outcome with where it was read, where the run
// stopped and which sudo changes may be left. The manifest keeps to run-summary.log alone
// (docs/run-results-folder.md); this file also holds what the transcript showed.
import type { StopPoint } from './leftoverState';
import type { SudoChange } from './sudoChanges';
import type { TestResult } from './testOutcomes';

export const testOutcomesFile = 'outcomes.json';

export interface RunOutcomes {
  exitStatus: number | null;
  tests: TestResult[];
  stop?: StopPoint;
  leftovers: SudoChange[];
}
