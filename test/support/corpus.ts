/** Exim's real scripts and REQUIRES files from ../shared/corpus, as the corpus tests read them. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeScriptBytes } from '../../language-server/src/syntax/lines';
import { storedSymlinkTarget } from '../../language-server/src/testTree';
import { sharedDir } from './paths';

export interface CorpusFile {
  /** `0000-Basic/0001` */
  rel: string;
  full: string;
  text: string;
}

/** Every script and REQUIRES file in sorted path order; symlinked scripts (also when stored as text) left out. */
export async function corpusFiles(): Promise<CorpusFile[]> {
  const root = sharedDir('corpus', 'exim-test', 'scripts');
  const files: CorpusFile[] = [];
  for (const dir of (await fs.readdir(root)).sort()) {
    for (const name of (await fs.readdir(path.join(root, dir))).sort()) {
      const full = path.join(root, dir, name);
      if (!/^(?:\d{4}|REQUIRES)$/.test(name) || !(await fs.lstat(full)).isFile()) continue;
      const text = decodeScriptBytes(await fs.readFile(full));
      if (name !== 'REQUIRES' && storedSymlinkTarget(text) !== undefined) continue;
      files.push({ rel: `${dir}/${name}`, full, text });
    }
  }
  return files;
}

export async function corpusScripts(): Promise<CorpusFile[]> {
  return (await corpusFiles()).filter((f) => !f.rel.endsWith('/REQUIRES'));
}
