// Whole runs without VS Code: prepareRun → the wrapper under script(1) in a stand-in terminal →
// the stand-in runtest in a tree whose path holds spaces, quotes, `;` and `$()` → finishRun.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { findProgram } from '../../../extension/src/run/findProgram';
import { finishRun, prepareRun, type FinishedRun, type RunPlan } from '../../../extension/src/run/runPipeline';
import { readExitStatus } from '../../../extension/src/run/runSpec';
import { defaultRunSettings } from '../../../extension/src/run/runSettings';
import { listScriptFolders } from '../../../extension/src/run/testTreeCheck';
import type { TestSelection } from '../../../extension/src/run/testSelection';
import { checkRunManifest } from '../../../language-server/src/results/runFolder';
import { makeStandinTree, sampleScripts, type StandinTree } from '../../fixtures/runtest-standin/standinTree';
import { runInTerminalStandIn, type TerminalSession } from './terminalStandIn';

describe('a run, end to end with the stand-in runtest', function () {
  this.timeout(30_000);
  let tree: StandinTree;
  let scriptProgram: string | undefined;

  before(async () => {
    scriptProgram = await findProgram('script');
    if (scriptProgram === undefined) throw new Error('util-linux script(1) is needed for these tests (apt-get install bsdutils)');
  });
  beforeEach(() => (tree = makeStandinTree({ scripts: sampleScripts, requires: { '1090-TCP-Fast-Open': 'support TCP_Fast_Open\n', '2000-GnuTLS': 'support GnuTLS\n' } })));
  afterEach(() => tree.remove());

  async function run(selection: TestSelection, opts: { plan?: string; options?: string[]; nonInteractive?: boolean; answers?: string[]; interruptAfterMs?: number; eximBinary?: string } = {}): Promise<{ finished: FinishedRun; session: TerminalSession }> {
    if (opts.plan !== undefined) tree.setPlan(opts.plan);
    const plan: RunPlan = {
      storageRoot: path.join(tree.base, 'storage'),
      treeRoot: tree.root,
      folders: await listScriptFolders(tree.root),
      selection,
      options: opts.options ?? [],
      nonInteractive: opts.nonInteractive ?? false,
      settings: { ...defaultRunSettings, eximBinary: opts.eximBinary ?? '' },
      sudo: 'ready',
      scriptProgram,
      holdOpen: false,
    };
    const prepared = await prepareRun(plan);
    const session = await runInTerminalStandIn(prepared.specFile, opts.answers, { interruptAfterMs: opts.interruptAfterMs });
    const finished = await finishRun(prepared, await readExitStatus(prepared.exitStatusFile));
    return { finished, session };
  }

  it('reads pass and fail of a -CONTINUE folder run from run-summary.log, and the failing command from the transcript', async () => {
    const { finished } = await run({ kind: 'range', first: '0001', last: '0002' }, { plan: '0002 badrc 1 2 perl 3\n', nonInteractive: true });
    assert.equal(finished.exit?.exitStatus, 0);
    assert.deepEqual(finished.results.map((r) => [r.testNumber, r.outcome]), [['0001', 'passed'], ['0002', 'failed']]);
    assert.match(finished.results[1].evidence, /^run-summary\.log: 0002 F/);
    assert.deepEqual(finished.results[1].failedFiles, ['exit code unexpected']);
    assert.deepEqual(finished.results[1].findings[0], { kind: 'returnCode', commandNumber: 1, commandName: 'perl', line: 2, detail: 'Return code 3 (expected 0)' });
    const manifest = JSON.parse(await fsp.readFile(path.join(finished.runDir, 'manifest.json'), 'utf8'));
    assert.ok(checkRunManifest(manifest).ok);
    assert.equal(manifest.testNumber, '0002');
    assert.deepEqual(manifest.argv.slice(1), ['-KEEP', '-CONTINUE', '0001', '0002']);
    assert.equal(manifest.argv[0], path.join(tree.root, 'runtest'));
    assert.equal(manifest.outcome, 'failed');
    assert.ok(!existsSync(path.join(tree.base, 'PWNED')) && !existsSync(path.join(tree.root, 'PWNED')), 'a file name was run by a shell');
  });

  it('reads an interactive failure that was continued past from the transcript (runtest writes no F then)', async () => {
    const { finished, session } = await run({ kind: 'single', test: '1090' }, { plan: '1090 fail log\n', answers: ['', 'c'] });
    assert.equal(finished.exit?.exitStatus, 0);
    assert.match(session.output, /Press RETURN to run the tests:/);
    const [result] = finished.results;
    assert.equal(result.outcome, 'failed');
    assert.match(result.evidence, /^transcript: log\/1090 differs/);
    assert.equal(result.findings[0].kind, 'comparison');
    const manifest = JSON.parse(await fsp.readFile(path.join(finished.runDir, 'manifest.json'), 'utf8'));
    assert.equal(manifest.outcome, 'unknown', 'the manifest says only what run-summary.log says');
    assert.deepEqual(Object.keys(manifest.files).sort(), ['expectedLog', 'mainlog', 'mungedMainlog', 'servermainlog', 'transcript']);
    assert.match(await fsp.readFile(path.join(finished.runDir, 'spool/log/mainlog'), 'utf8'), /test 1090/);
    assert.deepEqual(finished.leftovers, []);
  });

  it('reports a quit at a return-code prompt, and the sudo change its undo block never reached', async () => {
    const { finished, session } = await run({ kind: 'single', test: '1090' }, { plan: '1090 badrc 2 5 exim 1\n', answers: ['', 'q'] });
    assert.equal(finished.exit?.exitStatus, 1);
    assert.match(session.output, /You were in test 1090-TCP-Fast-Open\/1090 at the end there\./);
    assert.equal(finished.transcript?.stoppedInTest, '1090');
    assert.deepEqual(finished.stop && { reached: finished.stop.reached, bound: finished.stop.bound }, { reached: 4, bound: 5 });
    assert.deepEqual(finished.leftovers.map((c) => [c.resource, c.changeLine, c.undoLine, c.undoCommand]), [['qdisc dev lo root', 1, 9, 'tc qdisc del dev lo root']]);
  });

  it('records Ctrl-C as runtest records it: "** runtest error: Caught SIGINT" and a non-zero status', async () => {
    const { finished } = await run({ kind: 'single', test: '1091' }, { plan: '1091 hang 20\n', answers: [''], interruptAfterMs: 1500 });
    assert.notEqual(finished.exit?.exitStatus, 0);
    assert.equal(finished.transcript?.fatal, 'Caught SIGINT');
    assert.equal(finished.results[0].outcome, 'errored');
  });

  it('hands runtest hostile file names and option values byte for byte', async () => {
    const flavour = `a b'c"d;$(touch PWNED)`;
    const { finished, session } = await run({ kind: 'single', test: '0001' }, { options: ['-FLAVOUR', flavour], answers: [''], eximBinary: '../src/build-Linux-x86_64/exim' });
    const binary = path.join(path.dirname(tree.root), 'src', 'build-Linux-x86_64', 'exim');
    assert.ok(session.output.includes(`Exim binary is \`${binary}'`), session.output);
    assert.ok(session.output.includes(`for flavour ${flavour}\r\n`));
    assert.equal(finished.results[0].outcome, 'passed');
    assert.ok(!existsSync(path.join(tree.root, 'PWNED')) && !existsSync(path.join(tree.base, 'PWNED')));
  });

  it('exit 2 for an option runtest rejects (`-d` is ambiguous): no outcome is made up', async () => {
    const { finished, session } = await run({ kind: 'single', test: '0001' }, { options: ['-d'], answers: [''] });
    assert.equal(finished.exit?.exitStatus, 2);
    assert.match(session.output, /Option d is ambiguous \(debug, diff\)/);
    assert.equal(finished.results[0].outcome, 'unknown');
  });

  it('-FAIL-ANY: the exit status is the number of failed tests', async () => {
    const { finished } = await run({ kind: 'range', first: '0001', last: '0002' }, { plan: '0001 fail log\n0002 fail stdout\n', options: ['-FAIL-ANY'], nonInteractive: true });
    assert.equal(finished.exit?.exitStatus, 2);
    assert.deepEqual(finished.results.map((r) => r.outcome), ['failed', 'failed']);
  });

  it('reads an omitted test and a pass with -KEEP', async () => {
    const omitted = await run({ kind: 'single', test: '2000' }, { plan: '2000 omit support GnuTLS\n', nonInteractive: true });
    assert.equal(omitted.finished.results[0].outcome, 'omitted');
    const passed = await run({ kind: 'single', test: '0001' }, { plan: '', answers: [''] });
    assert.equal(passed.finished.results[0].outcome, 'passed');
    assert.ok(existsSync(path.join(passed.finished.runDir, 'spool/log/mainlog')), '-KEEP is on by default');
    assert.ok(existsSync(path.join(passed.finished.runDir, 'runtest.typescript')));
  });
});
