// What runtest printed, read back from the run's transcript (a script(1) typescript). Without
// -CONTINUE runtest writes no `F` line for a failure someone continued past (rt:2174, 2322),
// so for an interactive run its own `**` lines are the only record of a failure. Every pattern
// below is a printf of runtest's, cited by line.

export type Finding =
  /** rt:2305 `** Comparison of M with S failed`, then the cf/diff output. */
  | { kind: 'comparison'; produced: string; expected: string; details: string }
  /** rt:2168 `** FILE is not empty` (output but no expected file). */
  | { kind: 'notEmpty'; file: string }
  /** rt:5110 `** Command n ("name", starting at line L)` + `** Return code X (expected Y)`. */
  | { kind: 'returnCode'; commandNumber: number; commandName: string; line: number; detail: string }
  /** rt:5185 `Server return code N for test T starting line L`. */
  | { kind: 'serverReturnCode'; line?: number; detail: string }
  /** rt:2560, 2655 `** no test file found for mail/…`, `** no test msglog found for msglog/…`. */
  | { kind: 'missingExpected'; file: string };

export interface TranscriptTest {
  testNumber: string;
  /** The folder name minus its first five characters, as runtest prints it (`TCP-Fast-Open`). */
  folderTail: string;
  title: string;
  /** Findings since the last Retry/Update (a line of 79 `#`, rt:5226). */
  findings: Finding[];
  /** The last `  Test n` progress number: n exim commands had started (rt:3223). */
  eximCommandsStarted: number;
  /** `eximCommandsStarted` when the last finding was printed. */
  progressAtLastFinding: number;
  /** `  Script completed` was printed (also after a continued mismatch, rt:5247). */
  completed: boolean;
  retries: number;
  /** `>>> … skipping` (need_ipv4 and friends, rt:5019–5051). */
  skipped?: string;
  /** `** runtest error: …` while this test ran. */
  fatal?: string;
}

export interface TranscriptReport {
  tests: TranscriptTest[];
  /** `** runtest error: …` (rt:247), wherever it came. */
  fatal?: string;
  /** `You were in test DIR/NNNN at the end there.` (rt:245): the number. */
  stoppedInTest?: string;
  omittedFolders: Array<{ folder: string; reason: string }>;
}

// Terminal escapes that less(1) and the line discipline add (`ESC[?1h ESC=`, `ESC[K`…).
const ESCAPES = /\x1b\[[0-9;?]*[ -\/]*[@-~]|\x1b[=>78]|\x1b\][^\x07]*\x07/g;
const RETRY_LINE = '#'.repeat(79);

/** Splits a typescript into what was printed between line ends and carriage returns. */
export function transcriptSegments(text: string): string[] {
  return text.replace(ESCAPES, '').split(/\r\n|\n|\r/);
}

function note(test: TranscriptTest, finding: Finding): void {
  test.findings.push(finding);
  test.progressAtLastFinding = test.eximCommandsStarted;
}

export function readTranscript(text: string): TranscriptReport {
  const report: TranscriptReport = { tests: [], omittedFolders: [] };
  let current: TranscriptTest | undefined;
  let pendingCommand: { commandNumber: number; commandName: string; line: number } | undefined;
  let details: string[] | undefined;
  let previous = '';
  for (const raw of transcriptSegments(text)) {
    const segment = raw.replace(/\s+$/, '');
    if (segment === '') continue;
    if (details !== undefined) {
      if (/Quit\? \[Q\]/.test(segment) || details.length >= 60) {
        const last = current?.findings[current.findings.length - 1];
        if (last?.kind === 'comparison') last.details = details.join('\n').trim();
        details = undefined;
      } else {
        details.push(segment);
        continue;
      }
    }
    let match: RegExpExecArray | null;
    const afterRetry = previous === RETRY_LINE;
    previous = segment;
    if ((match = /^([^\s/]+)\/(\d{4}) (.*)$/.exec(segment))) {
      // Retry and Update `redo` the test, which prints its line again (rt:5226): same block.
      if (afterRetry && current?.testNumber === match[2]) continue;
      current = { testNumber: match[2], folderTail: match[1], title: match[3], findings: [], eximCommandsStarted: 0, progressAtLastFinding: 0, completed: false, retries: 0 };
      report.tests.push(current);
    } else if ((match = /^Omitting tests in (\S+) \(missing (.*)\)$/.exec(segment))) {
      report.omittedFolders.push({ folder: match[1], reason: match[2] });
    } else if ((match = /^\*\* runtest error: (.*)$/.exec(segment))) {
      report.fatal = match[1];
      if (current !== undefined && !current.completed) current.fatal = match[1];
    } else if ((match = /^You were in test (\S+) at the end there\.$/.exec(segment))) {
      report.stoppedInTest = match[1].replace(/^.*\//, '');
    } else if (current === undefined) {
      continue;
    } else if (segment === RETRY_LINE) {
      Object.assign(current, { findings: [], eximCommandsStarted: 0, progressAtLastFinding: 0, completed: false, retries: current.retries + 1 });
    } else if ((match = /^\s+Test (\d+)\b/.exec(segment))) {
      current.eximCommandsStarted = Number(match[1]);
    } else if (/^\s+Script completed$/.test(segment)) {
      current.completed = true;
    } else if ((match = /\*\* Comparison of (\S+) with (\S+) failed(.*)$/.exec(segment))) {
      note(current, { kind: 'comparison', produced: match[1], expected: match[2], details: '' });
      details = match[3] === '' ? [] : [match[3]];
    } else if ((match = /^\*\* (\S+) is not empty$/.exec(segment))) {
      note(current, { kind: 'notEmpty', file: match[1] });
    } else if ((match = /^\*\* Command (\d+) \("(.*)", starting at line (\d+)\)$/.exec(segment))) {
      pendingCommand = { commandNumber: Number(match[1]), commandName: match[2], line: Number(match[3]) };
    } else if (pendingCommand && (match = /^\*\* ((?:Return code|Killed by signal|Status) .*)$/.exec(segment))) {
      note(current, { kind: 'returnCode', ...pendingCommand, detail: match[1] });
      pendingCommand = undefined;
    } else if ((match = /^(Server (?:return code \d+|killed by signal \d+|status \S+))(?: for test \d+ starting line (\d+))?/.exec(segment))) {
      note(current, { kind: 'serverReturnCode', detail: match[1], ...(match[2] ? { line: Number(match[2]) } : {}) });
    } else if ((match = /^\*\* no test (?:file|msglog) found for (\S+)/.exec(segment))) {
      note(current, { kind: 'missingExpected', file: match[1] });
    } else if ((match = /^>>> (.*)skipping$/.exec(segment))) {
      current.skipped = match[1].trim() || 'skipped';
    }
  }
  return report;
}

/** `Test NNNN <file or reason> failed` lines of failed-summary.log (rt:2111), for one test. */
export function failedSummaryDetails(text: string, testNumber: string): string[] {
  return text
    .split('\n')
    .map((line) => /^Test (\d+) (.*) failed$/.exec(line.trimEnd()))
    .filter((match): match is RegExpExecArray => match !== null && match[1] === testNumber)
    .map((match) => match[2]);
}

/** One line for the user: what runtest said went wrong. */
export function describeFinding(finding: Finding): string {
  switch (finding.kind) {
    case 'comparison':
      return `${finding.expected} differs (runtest compared ${finding.produced} with ${finding.expected})`;
    case 'notEmpty':
      return `${finding.file} is not empty, and there is no expected file for it`;
    case 'returnCode':
      return `command ${finding.commandNumber} ("${finding.commandName}", line ${finding.line}): ${finding.detail}`;
    case 'serverReturnCode':
      return `${finding.detail}${finding.line !== undefined ? ` (server started at line ${finding.line})` : ''}`;
    case 'missingExpected':
      return `no expected file ${finding.file}`;
  }
}
