// runtest's `run-summary.log`: one line `NNNN R` per result (runtest `log_test`). `P` is written
// when every comparison matched; `F` once per failing comparison, and only with -CONTINUE;
// `.` when REQUIRES omitted the test. A test failed interactively and continued past leaves no line.

export type RunOutcome = 'passed' | 'failed' | 'omitted' | 'unknown';

export type RunSummaryMark = 'P' | 'F' | '.';

export interface TestRunSummary {
  testNumber: string;
  /** Every mark written for the test, in file order. */
  marks: RunSummaryMark[];
  outcome: RunOutcome;
}

export interface RunSummary {
  /** One entry per test number, in order of first appearance. */
  tests: TestRunSummary[];
  /** Lines that are not `NNNN P|F|.`, with their 1-based line numbers. */
  unreadLines: Array<{ lineNumber: number; text: string }>;
}

const summaryLinePattern = /^(\d+) ([PF.])$/;

export function parseRunSummary(text: string): RunSummary {
  const byTest = new Map<string, RunSummaryMark[]>();
  const unreadLines: RunSummary['unreadLines'] = [];
  text.split('\n').forEach((rawLine, index) => {
    const line = rawLine.trimEnd();
    if (line === '') return;
    const match = summaryLinePattern.exec(line);
    if (!match) {
      unreadLines.push({ lineNumber: index + 1, text: line });
      return;
    }
    const marks = byTest.get(match[1]) ?? [];
    marks.push(match[2] as RunSummaryMark);
    byTest.set(match[1], marks);
  });
  const tests = [...byTest].map(([testNumber, marks]) => ({ testNumber, marks, outcome: outcomeFromMarks(marks) }));
  return { tests, unreadLines };
}

/** Any `F` means failed: runtest can log `F` for one problem (e.g. a missing mail) and still `P` after. */
export function outcomeFromMarks(marks: readonly RunSummaryMark[]): RunOutcome {
  if (marks.includes('F')) return 'failed';
  if (marks.includes('P')) return 'passed';
  if (marks.includes('.')) return 'omitted';
  return 'unknown';
}

export function outcomeOfTest(summary: RunSummary, testNumber: string): RunOutcome {
  return summary.tests.find((test) => test.testNumber === testNumber)?.outcome ?? 'unknown';
}
