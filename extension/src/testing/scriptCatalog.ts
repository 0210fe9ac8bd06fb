// The scripts the Test Explorer shows: grouped by test tree and folder, titled by line 1 as
// runtest prints it (`printf("%s %s", substr($test, 5), substr($_, 2))`, rt:4983).
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { locateScript } from '../../../language-server/src/testTree';

export interface CatalogScript {
  file: string;
  treeRoot: string;
  folder: string;
  testNumber: string;
}

export type ScriptCatalog = Map<string, Map<string, CatalogScript[]>>;

/** Tree root → folder → scripts, each level sorted the way runtest sorts. */
export function catalogueScripts(files: readonly string[]): ScriptCatalog {
  const catalog: ScriptCatalog = new Map();
  for (const file of [...files].sort()) {
    const where = locateScript(file.split(path.sep).join('/'));
    if (where.kind !== 'script' || where.testRoot === undefined || where.folder === undefined || where.testNumber === undefined) continue;
    const treeRoot = path.normalize(where.testRoot);
    const folders = catalog.get(treeRoot) ?? new Map<string, CatalogScript[]>();
    catalog.set(treeRoot, folders);
    const scripts = folders.get(where.folder) ?? [];
    folders.set(where.folder, scripts);
    scripts.push({ file, treeRoot, folder: where.folder, testNumber: where.testNumber });
  }
  return catalog;
}

/** `# TCP Fast Open` → `TCP Fast Open`; runtest drops the first two characters of line 1. */
export function scriptTitle(text: string): string {
  const first = text.split('\n', 1)[0].replace(/\r$/, '');
  return first.startsWith('#') ? first.slice(2).trim() : '';
}

export async function readScriptTitle(file: string): Promise<string> {
  const handle = await fsp.open(file, 'r').catch(() => undefined);
  if (handle === undefined) return '';
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return scriptTitle(buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}
