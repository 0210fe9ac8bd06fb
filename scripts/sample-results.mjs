// Completes the sample workspace with what is not kept in the repository:
//   - WORKSPACE/results/tfo-lab-run2/: a run-results folder made from the TFO lab's real logs and
//     capture (../shared/tfo-lab), so the inline TFO results can be seen without running anything;
//   - WORKSPACE/test/runtest: the stand-in runtest of test/fixtures (no Exim runs), with the helper
//     programs and Exim build runtest looks for, a plan (1090 passes, 1091 fails its log
//     comparison) and the lab's logs as what 1090 leaves in spool/log.
//   node scripts/sample-results.mjs WORKSPACE
// The lab's files are read from ../shared each time, never kept in the repository.
import { chmodSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function writeSampleResults(workspace) {
  const lab = path.resolve(repo, '..', 'shared', 'tfo-lab');
  if (!existsSync(lab)) throw new Error(`${lab} is missing: the sample results are made from the TFO lab in ../shared`);
  const dir = path.join(workspace, 'results', 'tfo-lab-run2');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(lab, 'logs', 'exim-client-mainlog'), path.join(dir, 'mainlog'));
  copyFileSync(path.join(lab, 'logs', 'exim-server-mainlog'), path.join(dir, 'servermainlog'));
  copyFileSync(path.join(lab, 'captures', 'run2-cookie.pcapng'), path.join(dir, 'capture.pcapng'));
  const manifest = {
    formatVersion: 1,
    testNumber: '1090',
    scriptPath: 'scripts/1090-TCP-Fast-Open/1090',
    argv: [],
    exitStatus: null,
    outcome: 'unknown',
    files: { mainlog: 'mainlog', servermainlog: 'servermainlog', capture: 'capture.pcapng' },
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return dir;
}

export function installStandinRuntest(workspace) {
  const lab = path.resolve(repo, '..', 'shared', 'tfo-lab');
  const tree = path.join(workspace, 'test');
  copyFileSync(path.join(repo, 'test', 'fixtures', 'runtest'), path.join(tree, 'runtest'));
  chmodSync(path.join(tree, 'runtest'), 0o755);
  const executable = (file, text) => { mkdirSync(path.dirname(file), { recursive: true }); writeFileSync(file, text); chmodSync(file, 0o755); };
  for (const helper of ['cf', 'checkaccess', 'client', 'fakens', 'iefbr14', 'server']) executable(path.join(tree, 'bin', helper), '#!/bin/sh\nexit 0\n');
  executable(path.join(workspace, 'src', 'build-Linux-x86_64', 'exim'), '#!/bin/sh\necho "stand-in: no Exim here" >&2\nexit 1\n');
  writeFileSync(path.join(tree, 'runtest-standin.plan'), '1091 fail log\n');
  const logs = path.join(tree, 'runtest-standin.logs', '1090');
  mkdirSync(logs, { recursive: true });
  copyFileSync(path.join(lab, 'logs', 'exim-client-mainlog'), path.join(logs, 'mainlog'));
  copyFileSync(path.join(lab, 'logs', 'exim-server-mainlog'), path.join(logs, 'servermainlog'));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const workspace = path.resolve(process.argv[2] ?? path.join(repo, 'test', 'e2e', 'workspace'));
  console.log(writeSampleResults(workspace));
  installStandinRuntest(workspace);
}
