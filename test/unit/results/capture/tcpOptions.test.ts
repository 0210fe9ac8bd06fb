import * as assert from 'node:assert/strict';
import { readTcpOptions } from '../../../../language-server/src/results/capture/tcpOptions';

const read = (bytes: number[], available = bytes.length) => readTcpOptions(Buffer.from(bytes), 0, bytes.length, available);

describe('tcpOptions', () => {
  it('reads every option of a Linux TFO SYN', () => {
    const { options, complete } = read([
      2, 4, 0x05, 0xb4, 4, 2, 8, 10, 0, 0, 0, 1, 0, 0, 0, 2, 1, 3, 3, 10,
      34, 10, 0xf6, 0x9f, 0xc0, 0x5b, 0xc1, 0x4e, 0xbf, 0x26, 1, 1,
    ]);
    assert.ok(complete);
    assert.deepEqual(options, [
      { name: 'mss', kind: 2, mss: 1460 },
      { name: 'sackPermitted', kind: 4 },
      { name: 'timestamps', kind: 8, value: 1, echo: 2 },
      { name: 'nop', kind: 1 },
      { name: 'windowScale', kind: 3, shift: 10 },
      { name: 'fastOpen', kind: 34, cookie: 'f69fc05bc14ebf26' },
      { name: 'nop', kind: 1 },
      { name: 'nop', kind: 1 },
    ]);
  });

  it('reads a kind 34 cookie request (length 2)', () => {
    assert.deepEqual(read([34, 2, 0, 0]).options[0], { name: 'fastOpen', kind: 34, cookie: null });
  });

  it('reads the experimental kind 254 with magic 0xF989 as TFO, and other magics as other', () => {
    assert.deepEqual(read([254, 4, 0xf9, 0x89]).options, [{ name: 'fastOpen', kind: 254, cookie: null }]);
    assert.deepEqual(read([254, 12, 0xf9, 0x89, 1, 2, 3, 4, 5, 6, 7, 8]).options, [{ name: 'fastOpen', kind: 254, cookie: '0102030405060708' }]);
    assert.deepEqual(read([254, 6, 0x12, 0x34, 9, 9]).options, [{ name: 'other', kind: 254, data: '12340909' }]);
  });

  it('reads SACK blocks', () => {
    assert.deepEqual(read([5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4]).options, [
      { name: 'sack', kind: 5, blocks: [[1, 2], [3, 4]] },
    ]);
  });

  it('keeps unknown kinds and known kinds of impossible length as other', () => {
    assert.deepEqual(read([30, 4, 0xaa, 0xbb, 2, 3, 1, 0]).options, [
      { name: 'other', kind: 30, data: 'aabb' },
      { name: 'other', kind: 2, data: '01' },
      { name: 'eol', kind: 0 },
    ]);
  });

  it('stops at end-of-list', () => {
    const { options, complete } = read([1, 0, 99, 99]);
    assert.deepEqual(options, [{ name: 'nop', kind: 1 }, { name: 'eol', kind: 0 }]);
    assert.ok(complete);
  });

  it('marks a list cut by snaplen or broken by a bad length as incomplete', () => {
    const cut = read([2, 4, 5, 0xb4, 34, 10, 1, 2, 3, 4, 5, 6, 7, 8], 8);
    assert.deepEqual(cut.options, [{ name: 'mss', kind: 2, mss: 1460 }]);
    assert.equal(cut.complete, false);
    assert.equal(read([2, 1, 0, 0]).complete, false, 'length 1 is impossible');
    assert.equal(read([8, 10, 0, 0]).complete, false, 'length beyond the header');
  });
});
