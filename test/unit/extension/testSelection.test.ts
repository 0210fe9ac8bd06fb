import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { batchSelections, folderSelection, selectionAbort, selectionArgs, testsOfSelection, type ScriptFolder } from '../../../extension/src/run/testSelection';
import { sharedDir } from '../../support/paths';

// Exim's own scripts/ (../shared/corpus): the spans runtest accepts and the ones it aborts on.
const scripts = sharedDir('corpus', 'exim-test', 'scripts');
const corpus: ScriptFolder[] = readdirSync(scripts).map((name) => ({ name, tests: readdirSync(path.join(scripts, name)) }));

describe('test selection (runtest rt:4565–4681)', () => {
  it('aborts where runtest aborts: a missing number, a span touching an empty folder, -TEST across folders', () => {
    assert.match(selectionAbort(corpus, { kind: 'single', test: '1092' }) ?? '', /1090-TCP-Fast-Open holds none/);
    assert.ok(selectionAbort(corpus, { kind: 'range', first: '1095', last: '1150' }));
    assert.ok(selectionAbort(corpus, { kind: 'list', tests: ['1090', '1188'] }));
  });

  it('accepts a single existing test, a folder range and -TEST within a folder', () => {
    assert.equal(selectionAbort(corpus, { kind: 'single', test: '1090' }), undefined);
    assert.equal(selectionAbort(corpus, { kind: 'range', first: '1090', last: '1091' }), undefined);
    assert.equal(selectionAbort(corpus, { kind: 'list', tests: ['0001', '0004'] }), undefined);
  });

  it('Run All in Folder never aborts, for every folder of the corpus', () => {
    for (const folder of corpus) {
      const selection = folderSelection(folder);
      if (selection) assert.equal(selectionAbort(corpus, selection), undefined, folder.name);
    }
  });

  it('batches explorer choices into runs that do not abort', () => {
    const batches = batchSelections(corpus, ['1090', '1091', '1188', '0001', '0004']);
    assert.deepEqual(batches.map(selectionArgs), [['-TEST', '0001', '-TEST', '0004'], ['1090', '1091'], ['1188']]);
    for (const batch of batches) assert.equal(selectionAbort(corpus, batch), undefined);
  });

  it('joins neighbouring folders when runtest accepts the joined list', () => {
    const folders = [{ name: '0000-A', tests: ['0001'] }, { name: '0010-B', tests: ['0010', '0011'] }, { name: '0020-C', tests: ['0020'] }];
    assert.deepEqual(batchSelections(folders, ['0001', '0011', '0020']).map(selectionArgs), [['-TEST', '0001', '-TEST', '0011', '-TEST', '0020']]);
    assert.deepEqual(batchSelections(folders, ['0001', '0020']).map(selectionArgs), [['0001'], ['0020']], '0010-B would hold none');
  });

  it('lists the tests a selection runs', () => {
    assert.deepEqual(testsOfSelection(corpus, { kind: 'range', first: '1090', last: '1091' }), ['1090', '1091']);
  });
});
