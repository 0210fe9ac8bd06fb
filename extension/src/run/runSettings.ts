// The `eximTest.*` settings that shape a run, read once per run into plain data.
// No `vscode` import: the caller passes a getter, so tests build settings from an object.

export type TerminalPolicy = 'newPerRun' | 'reuse';

export interface RunSettings {
  /** runtest, relative to Exim's `test/` folder unless absolute. */
  runtestPath: string;
  /** runtest options added to every run, one argv element each (e.g. `-KEEP`). */
  defaultOptions: string[];
  /** The Exim binary to test; '' lets runtest search ../exim-snapshot, ../exim4, ../exim-*.*, ../src. */
  eximBinary: string;
  /** Added to runtest's environment. */
  extraEnvironment: Record<string, string>;
  terminalPolicy: TerminalPolicy;
  capture: { enabled: boolean; interface: string; extraFilter: string };
  /** How many run-results folders to keep. */
  keepRuns: number;
}

export const defaultRunSettings: RunSettings = {
  runtestPath: './runtest',
  defaultOptions: ['-KEEP'],
  eximBinary: '',
  extraEnvironment: {},
  terminalPolicy: 'reuse',
  capture: { enabled: false, interface: 'lo', extraFilter: '' },
  keepRuns: 20,
};

/** `get('capture.interface')` returns the `eximTest.capture.interface` value, or undefined when unset. */
export function readRunSettings(get: (key: string) => unknown): RunSettings {
  const d = defaultRunSettings;
  const text = (key: string, fallback: string): string => {
    const value = get(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
  };
  const options = get('defaultOptions');
  const env = get('extraEnvironment');
  const keep = get('keepRuns');
  const policy = get('terminal');
  return {
    runtestPath: text('runtestPath', d.runtestPath),
    defaultOptions: Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string' && o !== '') : d.defaultOptions,
    eximBinary: text('eximBinary', ''),
    extraEnvironment:
      env !== null && typeof env === 'object' && !Array.isArray(env)
        ? Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
        : {},
    terminalPolicy: policy === 'newPerRun' ? 'newPerRun' : 'reuse',
    capture: {
      enabled: get('capture.enabled') === true,
      interface: text('capture.interface', d.capture.interface),
      extraFilter: typeof get('capture.extraFilter') === 'string' ? (get('capture.extraFilter') as string).trim() : '',
    },
    keepRuns: typeof keep === 'number' && Number.isInteger(keep) && keep >= 1 ? keep : d.keepRuns,
  };
}
