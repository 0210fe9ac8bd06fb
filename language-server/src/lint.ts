/** Lints one document: parse, gather what the checks need from the workspace, check. */
import { checkRequires } from './checks/requiresChecks';
import type { Finding } from './checks/rules';
import { gatherScenarioContext, type ScenarioContext } from './checks/scenarioContext';
import { checkScript, type ScriptContext } from './checks/scriptChecks';
import { checkScenario } from './checks/sudoChecks';
import type { ScriptAst } from './syntax/ast';
import { ScriptLines } from './syntax/lines';
import { parseScript } from './syntax/parser';
import { parseRequires } from './syntax/requiresParser';
import { companionFiles, locateScript, storedSymlinkTarget, type DocumentKind } from './testTree';
import type { Workspace } from './workspace';

export async function scriptContext(filePath: string, workspace: Workspace): Promise<ScriptContext> {
  const location = locateScript(filePath);
  const context: ScriptContext = { testNumber: location.testNumber };
  if (location.testRoot && location.testNumber && (await workspace.exists(`${location.testRoot}/confs`))) {
    context.confExists = await workspace.exists(companionFiles(location.testRoot, location.testNumber).conf);
  }
  return context;
}

export function lintText(kind: DocumentKind, lines: ScriptLines, context: ScriptContext, scenario?: ScenarioContext, parsed?: ScriptAst): Finding[] {
  if (kind === 'requires') return checkRequires(parseRequires(lines));
  const target = storedSymlinkTarget(lines.text);
  if (target !== undefined) {
    return [{ code: 'stored-symlink', line: 0, message: `This file holds only "${target}": in Exim's repository it is a symlink to that script, checked out here without symlink support. runtest would read this text as the script and stop at its first line.` }];
  }
  const ast = parsed ?? parseScript(lines);
  return [...checkScript(ast, lines, context), ...checkScenario(ast, lines, scenario)];
}

export async function lintFile(filePath: string, text: string, workspace: Workspace): Promise<Finding[]> {
  const kind = locateScript(filePath).kind;
  const context = kind === 'script' ? await scriptContext(filePath, workspace) : {};
  const scenario = kind === 'script' ? await gatherScenarioContext(filePath, workspace) : undefined;
  return lintText(kind === 'other' ? 'script' : kind, new ScriptLines(text), context, scenario);
}
