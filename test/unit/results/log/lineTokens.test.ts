import * as assert from 'node:assert/strict';
import {
  findColonOutsideQuotes,
  splitLogTokens,
  unquoteLogValue,
} from '../../../../language-server/src/results/log/lineTokens';

describe('lineTokens', () => {
  it('splits on spaces but keeps quoted values whole', () => {
    const tokens = splitLogTokens('S=415 T="TFO lab run2" C="250 OK \\"quoted\\" id=x" K');
    assert.deepEqual(
      tokens.map((token) => token.text),
      ['S=415', 'T="TFO lab run2"', 'C="250 OK \\"quoted\\" id=x"', 'K'],
    );
    assert.equal(tokens[1].start, 6);
  });

  it('treats runs of spaces and tabs as one separator', () => {
    assert.deepEqual(
      splitLogTokens('  a \t b  ').map((token) => token.text),
      ['a', 'b'],
    );
  });

  it('keeps an unterminated quote to the end of the line', () => {
    assert.deepEqual(
      splitLogTokens('C="250 never closed K').map((token) => token.text),
      ['C="250 never closed K'],
    );
  });

  it('unquotes values and their escapes', () => {
    assert.equal(unquoteLogValue('"a \\"b\\" c\\\\d"'), 'a "b" c\\d');
    assert.equal(unquoteLogValue('"250- 415 byte chunk, total 415\\\\n250 OK"'), '250- 415 byte chunk, total 415\\n250 OK');
    assert.equal(unquoteLogValue('plain'), 'plain');
    assert.equal(unquoteLogValue('"unclosed\\"'), '"unclosed\\"');
    assert.equal(unquoteLogValue('"'), '"');
  });

  it('finds ": " outside quotes', () => {
    assert.equal(findColonOutsideQuotes('a R=r C="x: y": reason'), 14);
    assert.equal(findColonOutsideQuotes('X=TLS1.3:AES:256 K'), -1);
    assert.equal(findColonOutsideQuotes('userx@test.ex:'), 13);
    assert.equal(findColonOutsideQuotes(':blackhole: <a@b>', 1), 10);
  });
});
