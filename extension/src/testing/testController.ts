// The Test Explorer: one item per folder of scripts/, one per script under it (labelled with its
// number and the title from line 1), a tree level only when the workspace holds several trees.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { RunService } from '../run/runService';
import { runFromExplorer } from './explorerRun';
import { catalogueScripts, readScriptTitle } from './scriptCatalog';

const SCRIPT_GLOB = '**/scripts/*/[0-9][0-9][0-9][0-9]';

export function registerTestExplorer(context: vscode.ExtensionContext, service: RunService): vscode.TestController {
  const controller = vscode.tests.createTestController('eximTest', 'Exim Tests');
  context.subscriptions.push(controller);

  const discover = async (): Promise<void> => {
    const uris = await vscode.workspace.findFiles(SCRIPT_GLOB, '**/node_modules/**');
    const catalog = catalogueScripts(uris.map((uri) => uri.fsPath));
    const roots: vscode.TestItem[] = [];
    for (const [treeRoot, folders] of catalog) {
      const folderItems: vscode.TestItem[] = [];
      for (const [folder, scripts] of folders) {
        const folderItem = controller.createTestItem(path.join(treeRoot, 'scripts', folder), folder, vscode.Uri.file(path.join(treeRoot, 'scripts', folder)));
        const titles = await Promise.all(scripts.map((s) => readScriptTitle(s.file)));
        folderItem.children.replace(scripts.map((script, i) => {
          const item = controller.createTestItem(script.file, `${script.testNumber} ${titles[i]}`.trim(), vscode.Uri.file(script.file));
          item.range = new vscode.Range(0, 0, 0, 0);
          return item;
        }));
        folderItems.push(folderItem);
      }
      if (catalog.size === 1) {
        roots.push(...folderItems);
      } else {
        const treeItem = controller.createTestItem(treeRoot, vscode.workspace.asRelativePath(treeRoot), vscode.Uri.file(treeRoot));
        treeItem.children.replace(folderItems);
        roots.push(treeItem);
      }
    }
    controller.items.replace(roots);
  };

  let pending: NodeJS.Timeout | undefined;
  const rediscover = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => void discover(), 500);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(SCRIPT_GLOB);
  context.subscriptions.push(watcher, watcher.onDidCreate(rediscover), watcher.onDidDelete(rediscover), watcher.onDidChange(rediscover));

  controller.refreshHandler = discover;
  controller.resolveHandler = async (item) => {
    if (item === undefined) await discover();
  };
  void discover(); // so the editor's gutter shows run buttons before the Testing view is opened
  controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => runFromExplorer(controller, service, request, token), true);
  return controller;
}
