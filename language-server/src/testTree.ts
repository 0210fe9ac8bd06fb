/**
 * Where a script sits in Exim's test tree: `<test>/scripts/<NNNN-Name>/<NNNN>` and the files
 * runtest pairs with it (`confs/NNNN`, `log/NNNN`, …).
 */
import * as path from 'node:path';

export type DocumentKind = 'script' | 'requires' | 'other';

export interface ScriptLocation {
  kind: DocumentKind;
  /** The folder that holds scripts/, confs/, log/… (Exim's `test/`), when the path shows it. */
  testRoot?: string;
  /** `1090-TCP-Fast-Open` */
  folder?: string;
  /** `1090` for a script. */
  testNumber?: string;
}

const SCRIPT_NAME = /^\d{4}$/;

export function locateScript(filePath: string): ScriptLocation {
  const name = path.posix.basename(filePath);
  const kind: DocumentKind = SCRIPT_NAME.test(name) ? 'script' : name === 'REQUIRES' ? 'requires' : 'other';
  const folderPath = path.posix.dirname(filePath);
  const scriptsPath = path.posix.dirname(folderPath);
  const location: ScriptLocation = { kind, folder: path.posix.basename(folderPath) };
  if (kind === 'script') location.testNumber = name;
  if (path.posix.basename(scriptsPath) === 'scripts') location.testRoot = path.posix.dirname(scriptsPath);
  return location;
}

/** The expected-output and configuration files runtest uses for a test number. */
export function companionFiles(testRoot: string, testNumber: string): Record<'conf' | 'log' | 'stdout' | 'stderr' | 'paniclog' | 'rejectlog', string> {
  const at = (dir: string) => path.posix.join(testRoot, dir, testNumber);
  return { conf: at('confs'), log: at('log'), stdout: at('stdout'), stderr: at('stderr'), paniclog: at('paniclog'), rejectlog: at('rejectlog') };
}

/**
 * A checkout made without symlink support (git's core.symlinks=false) stores a symlinked
 * script as a small text file holding the link target, e.g. `3001` or
 * `../5860-DANE-OpenSSL-events/5861`. Returns that target, or undefined for a real script.
 */
export function storedSymlinkTarget(text: string): string | undefined {
  return /^(?:\.\.\/[\w.-]+\/)?\d{4}$/.test(text) ? text : undefined;
}
