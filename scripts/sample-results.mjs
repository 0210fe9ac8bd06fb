// Makes the sample workspace's run-results folder from the TFO lab's real logs and capture
// (../shared/tfo-lab), so the inline TFO results can be seen without running anything:
//   node scripts/sample-results.mjs WORKSPACE   → WORKSPACE/results/tfo-lab-run2/
// The lab's files are read from ../shared each time, never kept in the repository.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(writeSampleResults(path.resolve(process.argv[2] ?? path.join(repo, 'test', 'e2e', 'workspace'))));
}
