// What an editor run tells the user when it ends: each test's outcome and where it was read.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FinishedRun } from './runPipeline';
import { TRANSCRIPT_FILE } from './runSpec';

export async function reportRun(finished: FinishedRun): Promise<void> {
  const bad = finished.results.filter((r) => r.outcome === 'failed' || r.outcome === 'errored');
  const status = finished.exit?.exitStatus;
  const exit = status === undefined || status === null ? 'no exit status (the terminal was closed)' : `exit status ${status}`;
  const lines = finished.results.map((r) => `${r.testNumber} ${r.outcome} — ${r.evidence}`);
  const text = `runtest ended, ${exit}. ${lines.join(' | ')}${finished.notes.length ? ` (${finished.notes.join(' ')})` : ''}`;
  const show = bad.length > 0 || status !== 0 ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const choice = await show(text, 'Open Transcript', 'Open Manifest');
  if (choice === 'Open Transcript') await openText(path.join(finished.runDir, TRANSCRIPT_FILE));
  if (choice === 'Open Manifest') await openText(path.join(finished.runDir, 'manifest.json'));
}

export async function openText(file: string): Promise<void> {
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(file), { preview: true });
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot open ${file}: ${(error as Error).message}`);
  }
}
