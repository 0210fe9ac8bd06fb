// Folders without a manifest: runtest's leftover `test/` folder (after -KEEP or a quit), a copy
// of it, or the TFO lab's output (`logs/` + `captures/`). Their files are known by name.

import { joinFolderPath, type FolderReader } from './folderAccess';
import type { RunFileRole, RunFiles } from './runManifest';

/** Fixed names, best first: a file at the top of the folder beats the one in runtest's spool. */
const namedFiles: ReadonlyArray<[RunFileRole, readonly string[]]> = [
  ['mainlog', ['mainlog', 'spool/log/mainlog', 'exim-client-mainlog', 'logs/exim-client-mainlog']],
  ['servermainlog', ['servermainlog', 'spool/log/servermainlog', 'exim-server-mainlog', 'logs/exim-server-mainlog']],
  ['mungedMainlog', ['test-mainlog-munged']],
  ['runSummary', ['run-summary.log']],
];

/** Name patterns, looked for at the top and in these sub-folders. */
const patternedFiles: ReadonlyArray<[RunFileRole, RegExp]> = [
  ['capture', /\.pcap(?:ng)?$/],
  ['transcript', /(?:\.typescript$|^transcript)/],
];
const searchedFolders = ['', 'spool/log', 'logs', 'captures', 'transcripts'];

export interface RecognisedRunFiles {
  files: RunFiles;
  /** Roles with several matching files (the TFO lab has 28 captures): all of them, none chosen. */
  candidates: Partial<Record<RunFileRole, string[]>>;
}

export async function recogniseRunFiles(folder: FolderReader, dir: string): Promise<RecognisedRunFiles> {
  const present = new Set<string>();
  for (const sub of searchedFolders) {
    const names = await folder.listDir(sub === '' ? dir : joinFolderPath(dir, sub));
    for (const name of names ?? []) present.add(sub === '' ? name : `${sub}/${name}`);
  }

  const files: RunFiles = {};
  const candidates: RecognisedRunFiles['candidates'] = {};
  for (const [role, names] of namedFiles) {
    const found = names.find((name) => present.has(name));
    if (found !== undefined) files[role] = found;
  }
  for (const [role, pattern] of patternedFiles) {
    const found = [...present].filter((relative) => pattern.test(relative.split('/').pop() ?? '')).sort();
    if (found.length === 1) files[role] = found[0];
    else if (found.length > 1) candidates[role] = found;
  }
  return { files, candidates };
}
