// The shared data (Exim's test corpus, the TFO lab, real runtest runs) lives in `../shared`
// next to the repository root; the tests read it in place and never copy it.

import * as fs from 'node:fs';
import { decodeLogBytes } from '../../../../language-server/src/results/log/mainLog';
import { sharedDir } from '../../../support/paths';

/** Absolute path of `../shared/<relative>`; throws a clear error when it is missing. */
export function sharedPath(relative: string): string {
  return sharedDir(...relative.split('/'));
}

/** A shared log file, decoded as the reader would (UTF-8, else latin-1). */
export function readSharedText(relative: string): string {
  return decodeLogBytes(fs.readFileSync(sharedPath(relative)));
}

export function listShared(relative: string): string[] {
  return fs.readdirSync(sharedPath(relative)).sort();
}
