import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkTestTree, findEximBuild, nodeTreeProbe } from '../../../extension/src/run/testTreeCheck';
import { defaultRunSettings } from '../../../extension/src/run/runSettings';
import { makeStandinTree, sampleScripts, type StandinTree } from '../../fixtures/runtest-standin/standinTree';

describe('finding the test tree before a run', () => {
  let tree: StandinTree;
  afterEach(() => tree?.remove());
  const check = (file: string, uid = 1000, settings = defaultRunSettings) => checkTestTree(file, settings, nodeTreeProbe, uid);
  const errors = (result: Awaited<ReturnType<typeof check>>) => result.problems.filter((p) => p.severity === 'error').map((p) => p.message);

  it('finds test/, the folder and the number of a script, with no problem', async () => {
    tree = makeStandinTree({ scripts: sampleScripts });
    const result = await check(tree.scriptPath('1090-TCP-Fast-Open/1090'));
    assert.deepEqual(result.tree, { root: tree.root, folder: '1090-TCP-Fast-Open', testNumber: '1090', scriptPath: tree.scriptPath('1090-TCP-Fast-Open/1090') });
    assert.deepEqual(result.problems, []);
  });

  it('says when the file is not a script or not in an Exim tree', async () => {
    tree = makeStandinTree({ scripts: sampleScripts, withRuntest: false });
    assert.match(errors(await check(path.join(tree.root, 'scripts', '1090-TCP-Fast-Open', 'REQUIRES')))[0], /not an Exim test script/);
    assert.match(errors(await check(path.join(tree.base, '1090')))[0], /not in a scripts\/<NNNN-Name>\/ folder/);
    assert.match(errors(await check(tree.scriptPath('0000-Basic/0001')))[0], /is not an Exim test tree: it has scripts\/ but no runtest/);
  });

  it('says when the helpers are not built', async () => {
    tree = makeStandinTree({ scripts: sampleScripts, withHelpers: false });
    assert.match(errors(await check(tree.scriptPath('0000-Basic/0001')))[0], /bin\/cf, bin\/checkaccess.*missing.*\.\/configure && make/);
  });

  it('says when there is no Exim build where runtest looks, and checks eximBinary when it is set', async () => {
    tree = makeStandinTree({ scripts: sampleScripts, withBuild: false });
    assert.match(errors(await check(tree.scriptPath('0000-Basic/0001')))[0], /No Exim build found: runtest looks in \.\.\/exim-snapshot, \.\.\/exim4, \.\.\/exim-\*\.\* and \.\.\/src/);
    assert.match(errors(await check(tree.scriptPath('0000-Basic/0001'), 1000, { ...defaultRunSettings, eximBinary: '../nowhere/exim' }))[0], /not an executable file/);
  });

  it('finds builds in runtest\'s order: exim-snapshot before exim4 before exim-N.NN before src', async () => {
    tree = makeStandinTree({ scripts: sampleScripts, withBuild: false });
    const checkout = path.dirname(tree.root);
    for (const dir of ['src', 'exim-4.97', 'exim-4.98', 'exim4']) {
      mkdirSync(path.join(checkout, dir, 'build-Linux-x86_64'), { recursive: true });
      writeFileSync(path.join(checkout, dir, 'build-Linux-x86_64', 'exim'), '');
      chmodSync(path.join(checkout, dir, 'build-Linux-x86_64', 'exim'), 0o755);
    }
    assert.equal(await findEximBuild(tree.root, nodeTreeProbe), path.join(checkout, 'exim4', 'build-Linux-x86_64', 'exim'));
    rmSync(path.join(checkout, 'exim4'), { recursive: true });
    assert.equal(await findEximBuild(tree.root, nodeTreeProbe), path.join(checkout, 'exim-4.98', 'build-Linux-x86_64', 'exim'));
  });

  it('warns, without stopping, when VS Code runs as root', async () => {
    tree = makeStandinTree({ scripts: sampleScripts });
    const result = await check(tree.scriptPath('0000-Basic/0001'), 0);
    assert.deepEqual(result.problems.map((p) => p.severity), ['warning']);
    assert.match(result.problems[0].message, /runs as root, and runtest refuses to run as root/);
  });
});
