// A Test Explorer run: the chosen scripts as few runtest runs as will not abort, each with
// -CONTINUE (nobody answers prompts; runtest writes `F` lines), runtest's output in the test
// run, and each outcome as it was read. A test whose outcome could not be read gets none.
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FinishedRun } from '../run/runPipeline';
import type { RunService } from '../run/runService';
import type { TestResult } from '../run/testOutcomes';
import { batchSelections, testsOfSelection } from '../run/testSelection';
import { listScriptFolders } from '../run/testTreeCheck';
import { failureMessages } from './failureMessages';
import { catalogueScripts } from './scriptCatalog';

export async function runFromExplorer(controller: vscode.TestController, service: RunService, request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
  const run = controller.createTestRun(request, undefined, true);
  const output = (text: string): void => run.appendOutput(text.replace(/\r?\n/g, '\r\n'));
  try {
    const items = new Map<string, vscode.TestItem>();
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const gather = (item: vscode.TestItem): void => {
      if (excluded.has(item.id)) return;
      if (item.children.size === 0 && item.uri !== undefined) items.set(item.uri.fsPath, item);
      item.children.forEach(gather);
    };
    (request.include ?? [...collection(controller.items)]).forEach(gather);

    for (const [treeRoot, folders] of catalogueScripts([...items.keys()])) {
      const byNumber = new Map([...folders.values()].flat().map((s) => [s.testNumber, items.get(s.file) as vscode.TestItem]));
      const treeFolders = await listScriptFolders(treeRoot);
      for (const selection of batchSelections(treeFolders, [...byNumber.keys()])) {
        if (token.isCancellationRequested) return;
        const batch = testsOfSelection(treeFolders, selection).filter((n) => byNumber.has(n));
        batch.forEach((n) => run.started(byNumber.get(n) as vscode.TestItem));
        const first = byNumber.get(batch[0]) as vscode.TestItem;
        const started = await service.start({ scriptPath: (first.uri as vscode.Uri).fsPath, selection, options: [] }, { nonInteractive: true, onOutput: output, token });
        if (!started.ok) {
          output(`\n[Exim Test] ${started.message}\n`);
          batch.forEach((n) => run.errored(byNumber.get(n) as vscode.TestItem, new vscode.TestMessage(started.message)));
          continue;
        }
        for (const result of started.finished.results) {
          const item = byNumber.get(result.testNumber);
          if (item !== undefined) report(run, item, result, started.finished, output);
        }
      }
    }
  } finally {
    run.end();
  }
}

function report(run: vscode.TestRun, item: vscode.TestItem, result: TestResult, finished: FinishedRun, output: (text: string) => void): void {
  switch (result.outcome) {
    case 'passed':
      return run.passed(item);
    case 'omitted':
      return run.skipped(item);
    case 'failed':
      return run.failed(item, messages(item, result, finished));
    case 'errored':
      return run.errored(item, messages(item, result, finished));
    case 'unknown':
      output(`\n[Exim Test] ${result.testNumber}: no outcome could be read (${result.evidence}); results in ${finished.runDir}\n`);
  }
}

function messages(item: vscode.TestItem, result: TestResult, finished: FinishedRun): vscode.TestMessage[] {
  return failureMessages(result, finished.runDir, finished.testNumber).map((failure) => {
    const diff = failure.diff && readBoth(failure.diff.expectedFile, failure.diff.actualFile);
    const message = diff ? vscode.TestMessage.diff(failure.text, diff[0], diff[1]) : new vscode.TestMessage(failure.text);
    if (item.uri !== undefined) message.location = new vscode.Location(item.uri, new vscode.Position(failure.line, 0));
    return message;
  });
}

function readBoth(expectedFile: string, actualFile: string): [string, string] | undefined {
  try {
    return [readFileSync(expectedFile, 'utf8'), readFileSync(actualFile, 'utf8')];
  } catch {
    return undefined;
  }
}

function* collection(items: vscode.TestItemCollection): Iterable<vscode.TestItem> {
  for (const [, item] of items) yield item;
}
