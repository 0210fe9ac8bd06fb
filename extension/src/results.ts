/**
 * "Exim Test: Show Results from Folder…" and the ladder diagram. The language server does the
 * reading and correlating; this only picks the folder and shows the SVG.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { attachResultsRequest, ladderRequest } from '../../language-server/src/protocol';

export function registerResultsCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('eximTest.showResultsFromFolder', async (folderArg?: vscode.Uri | string, scriptArg?: vscode.Uri | string) => {
      const editor = vscode.window.activeTextEditor;
      const script = scriptArg ? toUri(scriptArg) : editor?.document.uri;
      if (!script || (editor && !scriptArg && editor.document.languageId !== 'exim-test')) {
        void vscode.window.showWarningMessage('Open an Exim test script first: results are shown on its exim lines.');
        return;
      }
      const folder = folderArg ? toUri(folderArg) : (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Show results' }))?.[0];
      if (!folder) return;
      await attachResults(client, script, folder.fsPath);
    }),
    vscode.commands.registerCommand('eximTest.showLadder', async (uri: string, line: number) => {
      const result = await client.sendRequest(ladderRequest, { scriptUri: uri, line });
      if (!result.svg) { void vscode.window.showInformationMessage(result.message ?? 'No connection to draw.'); return; }
      const panel = vscode.window.createWebviewPanel('eximTestLadder', `TCP ladder: ${result.title}`, vscode.ViewColumn.Beside, { enableScripts: false });
      panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';"></head><body style="background:#fff">${result.svg}</body></html>`;
    }),
  );
}

/** Also used by the run feature once a run has been collected. */
export async function attachResults(client: LanguageClient, script: vscode.Uri, folder: string): Promise<boolean> {
  const result = await client.sendRequest(attachResultsRequest, { scriptUri: script.toString(), folder });
  if (result.ok) void vscode.window.showInformationMessage(`Exim Test results: ${result.message}`);
  else void vscode.window.showErrorMessage(`Exim Test: could not read the results: ${result.message}`);
  return result.ok;
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  return typeof value === 'string' ? vscode.Uri.file(value) : value;
}
