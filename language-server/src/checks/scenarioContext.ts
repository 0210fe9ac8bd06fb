/** What the scenario checks need from files beside the script: its conf and its folder's REQUIRES. */
import * as path from 'node:path';
import { decodeScriptBytes } from '../syntax/lines';
import { companionFiles, locateScript, storedSymlinkTarget } from '../testTree';
import type { Workspace } from '../workspace';

export interface ScenarioContext {
  /** confs/NNNN, following a symlink stored as a text file (`confs/4027` holds `4020`). */
  confText?: string;
  /** The folder's REQUIRES; undefined when the file does not exist. */
  requiresText?: string;
  /** Where REQUIRES is or would be; undefined when the script is not in a scripts/ folder. */
  requiresPath?: string;
}

export async function gatherScenarioContext(filePath: string, workspace: Workspace): Promise<ScenarioContext> {
  const location = locateScript(filePath);
  const context: ScenarioContext = {};
  if (!location.testRoot || !location.testNumber) return context;
  context.requiresPath = path.posix.join(path.posix.dirname(filePath), 'REQUIRES');
  const requires = await workspace.readFile(context.requiresPath);
  if (requires) context.requiresText = decodeScriptBytes(requires);
  const confPath = companionFiles(location.testRoot, location.testNumber).conf;
  let conf = await readText(workspace, confPath);
  const target = conf !== undefined ? storedSymlinkTarget(conf.trim()) : undefined;
  if (target !== undefined && /^\d{4}$/.test(target)) conf = await readText(workspace, path.posix.join(path.posix.dirname(confPath), target));
  if (conf !== undefined) context.confText = conf;
  return context;
}

async function readText(workspace: Workspace, filePath: string): Promise<string | undefined> {
  const bytes = await workspace.readFile(filePath);
  return bytes ? decodeScriptBytes(bytes) : undefined;
}
