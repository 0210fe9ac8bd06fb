import { parseScript } from '../syntax/parser';
import { locateScript } from '../testTree';
import { findFiles, readFoundFile } from './findFiles';

type Write = (text: string) => void;

/** One line per command: file, the 1-based line where the command text starts, its kind. */
export async function runCommands(args: string[], out: Write, err: Write): Promise<number> {
  if (args.length === 0) { err('exim-test commands: give at least one file or folder\n'); return 2; }
  const { files, missing } = await findFiles(args);
  for (const m of missing) err(`exim-test commands: ${m}: no such file or folder\n`);
  for (const file of files) {
    if (locateScript(file).kind === 'requires') continue;
    const text = await readFoundFile(file);
    if (text === undefined) continue;
    const ast = parseScript(text);
    let chunk = '';
    for (const c of ast.commands) chunk += `${file}\t${c.line + 1}\t${c.kind}\n`;
    out(chunk);
  }
  return missing.length > 0 ? 1 : 0;
}
