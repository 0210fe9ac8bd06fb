import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { displayCommand, runtestInvocation } from '../../../extension/src/run/runtestInvocation';
import { hasOption, mergeOptions, optionName, portbaseOf, runtestOptions } from '../../../extension/src/run/runtestOptions';
import { defaultRunSettings, readRunSettings, type RunSettings } from '../../../extension/src/run/runSettings';
import { runFolderRequest, runTestRequest, runWithOptionsRequest, type RunRequest } from '../../../extension/src/run/runRequests';
import { batchSelections, type TestSelection } from '../../../extension/src/run/testSelection';
import { hostileName } from '../../fixtures/runtest-standin/standinTree';

const root = path.join('/work', hostileName, 'test');
const settings = (over: Partial<RunSettings> = {}): RunSettings => ({ ...defaultRunSettings, ...over });
const argv = (selection: TestSelection, options: string[] = [], extra: { ignoreDefaults?: boolean; nonInteractive?: boolean; settings?: Partial<RunSettings> } = {}) =>
  runtestInvocation(settings(extra.settings), { treeRoot: root, selection, options, ...extra }).args;

/** The argv a command's request becomes, program first, as the terminal starts it. */
const commandArgv = (request: RunRequest, nonInteractive = false, over: Partial<RunSettings> = {}): string[] => {
  const invocation = runtestInvocation(settings(over), { treeRoot: root, selection: request.selection, options: request.options, ignoreDefaults: request.ignoreDefaults, nonInteractive });
  return [invocation.program, ...invocation.args];
};
const script = (folder: string, test: string) => path.join(root, 'scripts', folder, test);
const runtest = path.join(root, 'runtest');

describe('the argv of every command (the tree path is hostile: spaces, quotes, ;, $(), backquotes)', () => {
  it('Run Test (CodeLens, editor title, keybinding, palette)', () => {
    assert.deepEqual(commandArgv(runTestRequest(script('1090-TCP-Fast-Open', '1090'))), [runtest, '-KEEP', '1090']);
  });

  it('Run Test with Options…, for each option offered', () => {
    for (const option of runtestOptions) {
      const picked = option.value ? [option.flag, option.value.choices?.[1] ?? 'x_1.2'] : [option.flag];
      assert.deepEqual(commandArgv(runWithOptionsRequest(script('1090-TCP-Fast-Open', '1090'), picked)), [runtest, ...picked, '1090'], option.flag);
    }
    assert.deepEqual(commandArgv(runWithOptionsRequest(script('1090-TCP-Fast-Open', '1090'), ['-KEEP', '-FLAVOUR', 'debian12', '-TLS', 'gnutls', '-NOIPV6'])),
      [runtest, '-KEEP', '-FLAVOUR', 'debian12', '-TLS', 'gnutls', '-NOIPV6', '1090']);
  });

  it('Run All in Folder', () => {
    const request = runFolderRequest(path.join(root, 'scripts', '1090-TCP-Fast-Open'), ['REQUIRES', '1091', '1090']);
    assert.deepEqual(request && commandArgv(request), [runtest, '-KEEP', '1090', '1091']);
    assert.equal(request?.scriptPath, script('1090-TCP-Fast-Open', '1090'));
    assert.equal(runFolderRequest(path.join(root, 'scripts', 'empty'), ['REQUIRES']), undefined);
  });

  it('Rerun Last: the same request, the same argv', () => {
    const request = runWithOptionsRequest(script('0000-Basic', '0001'), ['-DIFF']);
    assert.deepEqual(commandArgv(request), commandArgv(structuredClone(request)));
  });

  it('Test Explorer runs: -CONTINUE, folder ranges and -TEST lists', () => {
    const folders = [{ name: '0000-Basic', tests: ['0001', '0002', '0004'] }, { name: '1090-TCP-Fast-Open', tests: ['1090', '1091'] }];
    const argvs = batchSelections(folders, ['0001', '0004', '1090', '1091']).map((selection) => commandArgv({ scriptPath: '', selection, options: [] }, true));
    assert.deepEqual(argvs, [[runtest, '-KEEP', '-CONTINUE', '-TEST', '0001', '-TEST', '0004', '-TEST', '1090', '-TEST', '1091']], 'neighbouring folders, joined');
    const apart = [...folders.slice(0, 1), { name: '0500-Other', tests: ['0500'] }, ...folders.slice(1)];
    assert.deepEqual(batchSelections(apart, ['0001', '1090', '1091']).map((selection) => commandArgv({ scriptPath: '', selection, options: [] }, true)),
      [[runtest, '-KEEP', '-CONTINUE', '0001'], [runtest, '-KEEP', '-CONTINUE', '1090', '1091']], 'not across a folder runtest would find empty');
  });

  it('settings with hostile values stay single elements too', () => {
    const binary = `../exim "build" ; $(rm -rf ~)/build-x/exim`;
    assert.deepEqual(commandArgv(runTestRequest(script('0000-Basic', '0001')), false, { eximBinary: binary, runtestPath: './run test;$(id)', defaultOptions: ['-FLAVOUR', "it's `id`"] }),
      [path.join(root, 'run test;$(id)'), path.resolve(root, binary), '-FLAVOUR', "it's `id`", '0001']);
  });
});

describe('runtest command lines', () => {
  it('runs runtest by absolute path in test/', () => {
    const invocation = runtestInvocation(settings(), { treeRoot: root, selection: { kind: 'single', test: '1090' }, options: [] });
    assert.equal(invocation.cwd, root);
    assert.ok(path.isAbsolute(invocation.program));
  });

  it('adds -CONTINUE once for the Test Explorer, whatever the defaults say', () => {
    assert.deepEqual(argv({ kind: 'single', test: '0001' }, [], { nonInteractive: true, settings: { defaultOptions: ['-keep', '--continue'] } }), ['-keep', '-CONTINUE', '0001']);
  });

  it('un-picking -KEEP in Run Test with Options… drops it; otherwise options add to the defaults', () => {
    assert.deepEqual(argv({ kind: 'single', test: '1090' }, ['-DEBUG'], { ignoreDefaults: true }), ['-DEBUG', '1090']);
    assert.deepEqual(argv({ kind: 'single', test: '1090' }, ['-DIFF']), ['-KEEP', '-DIFF', '1090']);
  });

  it('puts the Exim binary first, as an absolute path runtest cannot take for a test number', () => {
    const [first] = argv({ kind: 'single', test: '0001' }, [], { settings: { eximBinary: '../src/build-Linux-x86_64/exim' } });
    assert.equal(first, path.resolve(root, '../src/build-Linux-x86_64/exim'));
  });

  it('passes the extra environment', () => {
    assert.deepEqual(runtestInvocation(settings({ extraEnvironment: { EXIM_BUILD_SUFFIX: 'x' } }), { treeRoot: root, selection: { kind: 'single', test: '0001' }, options: [] }).env, { EXIM_BUILD_SUFFIX: 'x' });
  });

  it('shows a command line with POSIX quoting (display only)', () => {
    assert.equal(displayCommand(['/a b/runtest', "it's", '-KEEP', '$(x)']), `'/a b/runtest' 'it'\\''s' -KEEP '$(x)'`);
  });
});

describe('runtest options', () => {
  it('names options as Getopt::Long does: case, one or two dashes, unique prefixes, flavor = flavour', () => {
    assert.equal(optionName('--KEEP'), 'keep');
    assert.equal(optionName('-ke'), 'keep');
    assert.equal(optionName('-d'), 'd', 'ambiguous (debug, diff): left as written');
    assert.equal(optionName('-flavor'), 'flavour');
    assert.equal(optionName('-flavour=x'), 'flavour');
    assert.equal(optionName('1090'), undefined);
  });

  it('merges lists: later wins, values travel with their option', () => {
    assert.deepEqual(mergeOptions(['-KEEP', '-FLAVOUR', 'a'], ['-flavor', 'b', '--keep']), ['-flavor', 'b', '--keep']);
    assert.ok(hasOption(['-Fail-any'], 'fail-any'));
  });

  it('reads -PORTBASE for the capture filter', () => {
    assert.equal(portbaseOf(['-KEEP', '-PORTBASE', '2000']), 2000);
    assert.equal(portbaseOf(['--portbase=3000']), 3000);
    assert.equal(portbaseOf(['-KEEP']), undefined);
  });
});

describe('run settings', () => {
  it('has -KEEP on by default and ignores values of the wrong type', () => {
    assert.deepEqual(readRunSettings(() => undefined), defaultRunSettings);
    const read = readRunSettings((key) => ({ defaultOptions: ['-DIFF', 3], keepRuns: 0, terminal: 'newPerRun', 'capture.enabled': true, extraEnvironment: { A: 'b', C: 1 } } as Record<string, unknown>)[key]);
    assert.deepEqual(read.defaultOptions, ['-DIFF']);
    assert.equal(read.keepRuns, 20);
    assert.equal(read.terminalPolicy, 'newPerRun');
    assert.equal(read.capture.enabled, true);
    assert.deepEqual(read.extraEnvironment, { A: 'b' });
  });
});
