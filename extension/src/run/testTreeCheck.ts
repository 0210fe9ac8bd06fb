// Before a run: is this script in an Exim test tree that runtest can run? Each problem is a
// value with a message written for the user; `error` stops the run, `warning` is shown and the
// run goes on (runtest then says the same thing in its own words).
import { constants as fsConstants, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { locateScript } from '../../../language-server/src/testTree';
import type { RunSettings } from './runSettings';

export interface TestTree {
  /** Exim's `test/` folder: runtest, scripts/, confs/. */
  root: string;
  /** `1090-TCP-Fast-Open` */
  folder: string;
  /** `1090` */
  testNumber: string;
  /** Absolute path of the script. */
  scriptPath: string;
}

export interface TreeProblem {
  severity: 'error' | 'warning';
  message: string;
}

export interface TreeCheck {
  tree?: TestTree;
  problems: TreeProblem[];
}

/** File-system questions, so the checks run on a made-up tree in tests. */
export interface TreeProbe {
  exists(filePath: string): Promise<boolean>;
  isExecutable(filePath: string): Promise<boolean>;
  list(dirPath: string): Promise<string[] | undefined>;
}

export const nodeTreeProbe: TreeProbe = {
  exists: (p) => fsp.access(p).then(() => true, () => false),
  isExecutable: (p) => fsp.access(p, fsConstants.X_OK).then(() => fsp.stat(p).then((s) => s.isFile()), () => false),
  list: (p) => fsp.readdir(p).then((names) => names.sort(), () => undefined),
};

/** The helpers runtest insists on (rt:4152; client-ssl/-gnutls only with that TLS library). */
export const requiredHelpers = ['cf', 'checkaccess', 'client', 'fakens', 'iefbr14', 'server'];

/** Where runtest looks for an Exim build when none is named (Exim::Runtest::exim_binary). */
export const eximBuildSearch = '../exim-snapshot, ../exim4, ../exim-*.* and ../src, each as build-<os>-<arch>/exim';

export async function checkTestTree(
  scriptPath: string,
  settings: RunSettings,
  probe: TreeProbe,
  uid: number | undefined,
): Promise<TreeCheck> {
  const problems: TreeProblem[] = [];
  const error = (message: string): TreeCheck => ({ problems: [...problems, { severity: 'error', message }] });
  const location = locateScript(scriptPath.split(path.sep).join('/'));
  const name = path.basename(scriptPath);
  if (location.kind !== 'script' || location.testNumber === undefined) {
    return error(`${name} is not an Exim test script: runtest runs files named NNNN in test/scripts/NNNN-Name/.`);
  }
  if (location.testRoot === undefined || location.folder === undefined) {
    return error(`${name} is not in a scripts/<NNNN-Name>/ folder, so it is not part of an Exim test tree.`);
  }
  const root = path.normalize(location.testRoot);
  const runtest = path.resolve(root, settings.runtestPath);
  const missing: string[] = [];
  if (!(await probe.exists(runtest))) missing.push(settings.runtestPath === './runtest' ? 'runtest' : `runtest (${runtest})`);
  if (!(await probe.exists(path.join(root, 'confs')))) missing.push('confs/');
  if (missing.length > 0) {
    return error(`${root} is not an Exim test tree: it has scripts/ but no ${missing.join(' and ')}. ` +
      'Open the test/ folder of an Exim checkout, or set eximTest.runtestPath.');
  }
  const tree: TestTree = { root, folder: location.folder, testNumber: location.testNumber, scriptPath };

  const missingHelpers: string[] = [];
  for (const helper of requiredHelpers) {
    if (!(await probe.exists(path.join(root, 'bin', helper)))) missingHelpers.push(`bin/${helper}`);
  }
  if (missingHelpers.length > 0) {
    problems.push({ severity: 'error', message: `The test helpers are not built (${missingHelpers.join(', ')} missing): run ./configure && make in ${root}.` });
  }
  problems.push(...(await eximBuildProblems(root, settings, probe)));
  if (uid === 0) {
    problems.push({ severity: 'warning', message: 'VS Code runs as root, and runtest refuses to run as root (its trusted-config check fails, exit 128). Run VS Code as the non-root user that has sudo access.' });
  }
  return { tree, problems };
}

async function eximBuildProblems(root: string, settings: RunSettings, probe: TreeProbe): Promise<TreeProblem[]> {
  if (settings.eximBinary !== '') {
    const binary = path.resolve(root, settings.eximBinary);
    return (await probe.isExecutable(binary))
      ? []
      : [{ severity: 'error', message: `eximTest.eximBinary names ${binary}, which is not an executable file.` }];
  }
  if ((await findEximBuild(root, probe)) !== undefined) return [];
  return [{ severity: 'error', message: `No Exim build found: runtest looks in ${eximBuildSearch} (relative to ${root}). Build Exim (make in src/) or set eximTest.eximBinary.` }];
}

/** The first `build-*\/exim` in runtest's search order, or undefined. */
export async function findEximBuild(root: string, probe: TreeProbe): Promise<string | undefined> {
  const parent = path.dirname(root);
  const siblings = (await probe.list(parent)) ?? [];
  const numbered = siblings.filter((n) => /^exim-.*\..*/.test(n) && n !== 'exim-snapshot').sort().reverse();
  for (const candidate of ['exim-snapshot', 'exim4', ...numbered, 'src']) {
    const builds = ((await probe.list(path.join(parent, candidate))) ?? []).filter((n) => n.startsWith('build-'));
    for (const build of builds) {
      for (const binary of ['exim', 'exim4']) {
        const file = path.join(parent, candidate, build, binary);
        if (await probe.isExecutable(file)) return file;
      }
    }
  }
  return undefined;
}

/** scripts/ as runtest's glob sees it: every folder and the names in it. */
export async function listScriptFolders(root: string, probe: TreeProbe = nodeTreeProbe): Promise<Array<{ name: string; tests: string[] }>> {
  const names = (await probe.list(path.join(root, 'scripts'))) ?? [];
  const folders: Array<{ name: string; tests: string[] }> = [];
  for (const name of names) {
    const tests = await probe.list(path.join(root, 'scripts', name));
    if (tests !== undefined) folders.push({ name, tests });
  }
  return folders;
}
