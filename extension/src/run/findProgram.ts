// `which`, without a shell: the first executable file of that name on the search path.
import { constants as fsConstants, promises as fsp } from 'node:fs';
import * as path from 'node:path';

export async function findProgram(name: string, searchPath = process.env.PATH ?? ''): Promise<string | undefined> {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, name);
    if (await fsp.access(file, fsConstants.X_OK).then(() => true, () => false)) return file;
  }
  return undefined;
}
