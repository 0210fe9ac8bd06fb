// The shared data (Exim's test corpus, the TFO lab, real runtest runs) lives in `../shared`
// next to the repository root; the tests read it in place and never copy it.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeLogBytes } from '../../../../language-server/src/results/log/mainLog';

function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'language-server'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root (package.json + language-server/) above ${start}`);
  }
}

export const sharedRoot = path.resolve(findRepoRoot(__dirname), '..', 'shared');

/** Absolute path of `../shared/<relative>`; throws a clear error when it is missing. */
export function sharedPath(relative: string): string {
  const full = path.join(sharedRoot, relative);
  if (!fs.existsSync(full)) {
    throw new Error(
      `shared test data missing: ${full}\n` +
        `These tests read ../shared next to the repository root (the Exim corpus, tfo-lab, runtest-real).`,
    );
  }
  return full;
}

/** A shared log file, decoded as the reader would (UTF-8, else latin-1). */
export function readSharedText(relative: string): string {
  return decodeLogBytes(fs.readFileSync(sharedPath(relative)));
}

export function listShared(relative: string): string[] {
  return fs.readdirSync(sharedPath(relative)).sort();
}
