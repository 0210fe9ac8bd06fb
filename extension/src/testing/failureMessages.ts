// The Test Explorer's messages for a test that did not pass, from runtest's own words: the
// failing file, and where the script line is known (`** Command n ("name", starting at line L)`)
// the line. A mismatch of the main log carries both files, so VS Code can show the diff.
import * as path from 'node:path';
import type { TestResult } from '../run/testOutcomes';
import { describeFinding } from '../run/transcriptFindings';

export interface FailureMessage {
  text: string;
  /** 0-based script line the message points at. */
  line: number;
  /** Files in the run folder to diff: expected first. */
  diff?: { expectedFile: string; actualFile: string };
}

/** `folderTest` is the test whose files the run folder holds (only its logs can be diffed). */
export function failureMessages(result: TestResult, runDir: string, folderTest: string): FailureMessage[] {
  const messages: FailureMessage[] = result.findings.map((finding) => {
    const text = finding.kind === 'comparison' && finding.details !== '' ? `${describeFinding(finding)}\n${finding.details}` : describeFinding(finding);
    if (finding.kind === 'returnCode') return { text, line: Math.max(0, finding.line - 1) };
    if (finding.kind === 'comparison' && finding.produced === 'test-mainlog-munged' && result.testNumber === folderTest) {
      return { text, line: 0, diff: { expectedFile: path.join(runDir, 'expected-log'), actualFile: path.join(runDir, 'test-mainlog-munged') } };
    }
    return { text, line: 0 };
  });
  const described = new Set(result.findings.flatMap((f) => ('expected' in f ? [f.expected] : 'file' in f ? [f.file] : [])));
  for (const detail of result.failedFiles) {
    if (!described.has(detail)) messages.push({ text: `failed-summary.log: Test ${result.testNumber} ${detail} failed`, line: 0 });
  }
  if (messages.length === 0) messages.push({ text: result.evidence, line: 0 });
  return messages;
}
