// Run buttons above line 1 of every test script. Titles are stable: the e2e tests click them.
import * as vscode from 'vscode';
import { runCommandIds } from './runCommands';

export const codeLensTitles = { runTest: 'Run Test', runWithOptions: 'Run Test with Options…', runFolder: 'Run All in Folder' } as const;

export class RunCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!/^\d{4}$/.test(document.uri.path.split('/').pop() ?? '')) return [];
    const top = new vscode.Range(0, 0, 0, 0);
    return [
      new vscode.CodeLens(top, { title: codeLensTitles.runTest, command: runCommandIds.runTest, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: codeLensTitles.runWithOptions, command: runCommandIds.runTestWithOptions, arguments: [document.uri] }),
      new vscode.CodeLens(top, { title: codeLensTitles.runFolder, command: runCommandIds.runFolder, arguments: [document.uri] }),
    ];
  }
}
