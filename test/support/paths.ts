import { existsSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root, from out/test/support/ or test/support/. */
export const repoRoot = (() => {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
})();

/** `../shared` beside the repository: Exim's corpus, the TFO lab, real runtest runs. */
export function sharedDir(...parts: string[]): string {
  const dir = path.resolve(repoRoot, '..', 'shared', ...parts);
  if (!existsSync(dir)) throw new Error(`${dir} is missing: these tests read Exim's corpus and the TFO lab from ../shared beside the repository`);
  return dir;
}
