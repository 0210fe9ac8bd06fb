// The editor's run commands. Each takes an optional file URI (CodeLens, editor title, explorer
// context menu) and falls back to the active editor.
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { offerRestore } from './leftoverPrompt';
import { pickRuntestOptions } from './optionsPicker';
import { openText, reportRun } from './runReport';
import { runFolderRequest, runTestRequest, runWithOptionsRequest, type RunRequest } from './runRequests';
import type { RunService } from './runService';
import { readRunSettings } from './runSettings';
import { TRANSCRIPT_FILE } from './runSpec';

export const runCommandIds = {
  runTest: 'eximTest.runTest',
  runTestWithOptions: 'eximTest.runTestWithOptions',
  runFolder: 'eximTest.runFolder',
  rerunLast: 'eximTest.rerunLast',
  openLastTranscript: 'eximTest.openLastTranscript',
} as const;

const LAST_OPTIONS_KEY = 'eximTest.lastPickedOptions';

export function registerRunCommands(context: vscode.ExtensionContext, service: RunService): void {
  const runAndReport = async (request: RunRequest): Promise<void> => {
    const started = await service.start(request);
    if (!started.ok) return;
    void reportRun(started.finished);
    void offerRestore(service, started.finished);
  };
  const register = (id: string, handler: (...args: unknown[]) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));

  register(runCommandIds.runTest, async (arg) => {
    const script = await scriptTarget(arg);
    if (script) await runAndReport(runTestRequest(script));
  });

  register(runCommandIds.runTestWithOptions, async (arg) => {
    const script = await scriptTarget(arg);
    if (!script) return;
    const settings = readRunSettings((key) => vscode.workspace.getConfiguration('eximTest', vscode.Uri.file(script)).get(key));
    const options = await pickRuntestOptions(context.workspaceState.get<string[]>(LAST_OPTIONS_KEY) ?? settings.defaultOptions);
    if (options === undefined) return;
    await context.workspaceState.update(LAST_OPTIONS_KEY, options);
    await runAndReport(runWithOptionsRequest(script, options));
  });

  register(runCommandIds.runFolder, async (arg) => {
    const folder = await folderTarget(arg);
    if (!folder) return;
    const request = runFolderRequest(folder, await fsp.readdir(folder));
    if (request === undefined) {
      void vscode.window.showErrorMessage(`${folder} holds no test scripts (files named NNNN).`);
      return;
    }
    await runAndReport(request);
  });

  register(runCommandIds.rerunLast, async () => {
    if (service.lastRequest === undefined) {
      void vscode.window.showInformationMessage('Nothing has run yet in this session: use "Exim Test: Run Test" first.');
      return;
    }
    await runAndReport(service.lastRequest);
  });

  register(runCommandIds.openLastTranscript, async () => {
    if (service.lastRun === undefined) {
      void vscode.window.showInformationMessage('No run has finished yet in this session.');
      return;
    }
    await openText(path.join(service.lastRun.runDir, TRANSCRIPT_FILE));
  });
}

/** The script to run: the URI given, else the active editor's file; saved first (runtest reads the disk). */
async function scriptTarget(arg: unknown): Promise<string | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined || uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Open an Exim test script (test/scripts/NNNN-Name/NNNN) to run it.');
    return undefined;
  }
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open?.isDirty) await open.save();
  return uri.fsPath;
}

/** The folder to run: a folder URI as given, or the folder of the script given or open. */
async function folderTarget(arg: unknown): Promise<string | undefined> {
  if (arg instanceof vscode.Uri && arg.scheme === 'file') {
    const stat = await fsp.stat(arg.fsPath).catch(() => undefined);
    if (stat?.isDirectory()) return arg.fsPath;
  }
  const script = await scriptTarget(arg);
  return script === undefined ? undefined : path.dirname(script);
}
