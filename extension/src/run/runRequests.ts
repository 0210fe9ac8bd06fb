// What each command asks runtest to run, from the file it was given. Pure, so the argv of every
// command is unit-tested end to end (request → runtestInvocation).
import * as path from 'node:path';
import { folderSelection, scriptNames, type TestSelection } from './testSelection';

export interface RunRequest {
  /** A script of the tree (for a folder run, the folder's first script). */
  scriptPath: string;
  selection: TestSelection;
  options: string[];
  /** "Run Test with Options…": the picked options are the whole list. */
  ignoreDefaults?: boolean;
}

/** "Run Test": `runtest [defaults] NNNN`. */
export function runTestRequest(scriptPath: string): RunRequest {
  return { scriptPath, selection: { kind: 'single', test: path.basename(scriptPath) }, options: [] };
}

/** "Run Test with Options…": the picked options replace the defaults. */
export function runWithOptionsRequest(scriptPath: string, options: string[]): RunRequest {
  return { ...runTestRequest(scriptPath), options, ignoreDefaults: true };
}

/** "Run All in Folder": first to last existing test of the folder; undefined when it holds none. */
export function runFolderRequest(folderPath: string, names: readonly string[]): RunRequest | undefined {
  const tests = scriptNames(names);
  const selection = folderSelection({ name: path.basename(folderPath), tests });
  return selection === undefined ? undefined : { scriptPath: path.join(folderPath, tests[0]), selection, options: [] };
}
