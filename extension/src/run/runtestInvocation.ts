// The exact command line of a run: `runtest [exim-binary] [options] [tests]` (rt:5265 POD), as an
// argv array. Nothing here is ever joined into a shell string: file names with spaces, quotes,
// `;` or `$()` reach runtest byte for byte.
import * as path from 'node:path';
import { mergeOptions } from './runtestOptions';
import type { RunSettings } from './runSettings';
import { selectionArgs, type TestSelection } from './testSelection';

export interface RuntestInvocation {
  /** Absolute path of runtest. */
  program: string;
  args: string[];
  /** Exim's test/ folder (runtest chdirs to its own folder anyway, rt:3855). */
  cwd: string;
  /** Added to the inherited environment. */
  env: Record<string, string>;
}

export interface InvocationRequest {
  treeRoot: string;
  selection: TestSelection;
  /** Options for this run, added after the default options (later wins). */
  options: readonly string[];
  /** "Run Test with Options…": the chosen options are the whole list, defaults included or not. */
  ignoreDefaults?: boolean;
  /** Test Explorer runs: -CONTINUE, so that nobody has to answer a prompt and F lines are written. */
  nonInteractive?: boolean;
}

export function runtestInvocation(settings: RunSettings, request: InvocationRequest): RuntestInvocation {
  const options = mergeOptions(request.ignoreDefaults ? [] : settings.defaultOptions, request.options, request.nonInteractive ? ['-CONTINUE'] : []);
  // runtest takes its first positional argument as the binary only when it starts with `/` or
  // is executable from test/ (Exim::Runtest::exim_binary); an absolute path is never mistaken
  // for a test number or an option.
  const binary = settings.eximBinary === '' ? [] : [path.resolve(request.treeRoot, settings.eximBinary)];
  return {
    program: path.resolve(request.treeRoot, settings.runtestPath),
    args: [...binary, ...options, ...selectionArgs(request.selection)],
    cwd: request.treeRoot,
    env: { ...settings.extraEnvironment },
  };
}

/** For showing a command line to the user, never for running it: POSIX-shell quoting. */
export function displayCommand(argv: readonly string[]): string {
  return argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}
