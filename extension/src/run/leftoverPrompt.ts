// After a run that stopped inside a script: which changes of its sudo blocks may still be in
// place, and a one-click restore that shows the exact commands before they run in a terminal.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { displayCommand } from './runtestInvocation';
import { restoreSteps } from './leftoverState';
import type { FinishedRun } from './runPipeline';
import type { RunService } from './runService';

export async function offerRestore(service: RunService, finished: FinishedRun): Promise<void> {
  const treeRoot = finished.treeRoot;
  if (finished.leftovers.length === 0 || finished.stop === undefined) return;
  // The script's own save of a sysctl (DIR/test-saved-<name>): runtest keeps test-* after a quit.
  const saved = (name: string): string | undefined => {
    try {
      return readFileSync(path.join(treeRoot, `test-saved-${name}`), 'utf8');
    } catch {
      return undefined;
    }
  };
  const steps = restoreSteps(finished.leftovers, saved);
  const list = steps.map((s) => s.summary).join('; ');
  const choice = await vscode.window.showWarningMessage(
    `Test ${finished.stop.testNumber} stopped before its restore step (${finished.stop.why}). These changes from its sudo blocks may still be in place: ${list}.`,
    'Restore…',
  );
  if (choice !== 'Restore…') return;
  const runnable = steps.filter((s) => s.argv !== undefined);
  const byHand = steps.filter((s) => s.argv === undefined).map((s) => `• ${s.summary}: ${s.advice}`);
  const commands = runnable.map((s) => `sudo ${displayCommand(s.argv as string[])}`);
  if (commands.length === 0) {
    void vscode.window.showWarningMessage(`Nothing can be undone automatically:\n${byHand.join('\n')}`, { modal: true });
    return;
  }
  const go = await vscode.window.showWarningMessage(
    'Run these commands with sudo in a terminal?',
    { modal: true, detail: [...commands, ...(byHand.length ? ['', 'By hand:', ...byHand] : [])].join('\n') },
    'Run in Terminal',
  );
  if (go === 'Run in Terminal') await service.runRestore(finished, treeRoot, runnable.map((s) => s.argv as string[]));
}
