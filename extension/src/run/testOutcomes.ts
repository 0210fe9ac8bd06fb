// Each test's outcome, from what runtest wrote and printed, never from its exit status alone
// (exit 0 follows a continued failure too, reference §5.5). Sources, strongest first:
//   run-summary.log  `NNNN P|F|.` (F only with -CONTINUE)              → passed / failed / omitted
//   the transcript   runtest's `**` lines for that test                 → failed
//                    `>>> … skipping`                                    → omitted
//                    `** runtest error: …` while it ran                  → errored
// Anything else stays `unknown`: a pass is only ever read from run-summary.log.
import { parseRunSummary } from '../../../language-server/src/results/runFolder/runSummary';
import { describeFinding, failedSummaryDetails, type Finding, type TranscriptReport, type TranscriptTest } from './transcriptFindings';

export type TestOutcome = 'passed' | 'failed' | 'omitted' | 'errored' | 'unknown';

export interface TestResult {
  testNumber: string;
  outcome: TestOutcome;
  /** Where the outcome was read, for the user: `run-summary.log: 1090 F`, `transcript: …`. */
  evidence: string;
  /** runtest's own words about what went wrong. */
  findings: Finding[];
  /** This run's `Test NNNN … failed` details from failed-summary.log. */
  failedFiles: string[];
}

export interface OutcomeSources {
  /** The tests the run was asked for, in order. */
  tests: readonly string[];
  /** run-summary.log as written by this run; undefined when it is missing or older than the run. */
  runSummary?: string;
  /** Only the lines this run appended to failed-summary.log. */
  failedSummary?: string;
  transcript?: TranscriptReport;
}

export function testResults(sources: OutcomeSources): TestResult[] {
  const summary = sources.runSummary === undefined ? undefined : parseRunSummary(sources.runSummary);
  return sources.tests.map((testNumber) => {
    const marks = summary?.tests.find((t) => t.testNumber === testNumber);
    const block = lastBlock(sources.transcript, testNumber);
    const findings = block?.findings ?? [];
    const failedFiles = sources.failedSummary === undefined ? [] : failedSummaryDetails(sources.failedSummary, testNumber);
    const result = (outcome: TestOutcome, evidence: string): TestResult => ({ testNumber, outcome, evidence, findings, failedFiles });
    if (marks !== undefined && marks.outcome !== 'unknown') {
      return result(marks.outcome, `run-summary.log: ${marks.marks.map((m) => `${testNumber} ${m}`).join(', ')}`);
    }
    if (block === undefined) {
      const stopped = sources.transcript?.fatal;
      return result('unknown', stopped ? `not run: runtest stopped (${stopped})` : 'no line in run-summary.log and no trace in the transcript');
    }
    if (findings.length > 0) return result('failed', `transcript: ${findings.map(describeFinding).join('; ')}`);
    if (block.fatal !== undefined) return result('errored', `transcript: ** runtest error: ${block.fatal}`);
    if (block.skipped !== undefined) return result('omitted', `transcript: >>> ${block.skipped}skipping`);
    if (sources.transcript?.stoppedInTest === testNumber) return result('unknown', 'runtest was quit during this test');
    return result('unknown', block.completed
      ? 'runtest printed "Script completed" but run-summary.log has no line for it'
      : 'runtest did not finish this test');
  });
}

/** The test whose files a -KEEP run leaves in test/: the last one the transcript shows, else the last requested. */
export function lastTestReached(tests: readonly string[], transcript: TranscriptReport | undefined): string | undefined {
  const shown = transcript?.tests.filter((t) => tests.includes(t.testNumber)) ?? [];
  return shown.length > 0 ? shown[shown.length - 1].testNumber : tests[tests.length - 1];
}

function lastBlock(transcript: TranscriptReport | undefined, testNumber: string): TranscriptTest | undefined {
  const blocks = transcript?.tests.filter((t) => t.testNumber === testNumber) ?? [];
  return blocks[blocks.length - 1];
}
