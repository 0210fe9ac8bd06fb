import * as assert from 'node:assert/strict';
import { ByteQueue } from '../../../../language-server/src/results/capture/byteQueue';

describe('byteQueue', () => {
  it('peeks across chunk boundaries and tracks the absolute offset', () => {
    const q = new ByteQueue();
    q.push(Buffer.from([1, 2, 3]));
    q.push(new Uint8Array([4, 5]));
    q.push(Buffer.from([6, 7, 8, 9]));
    assert.equal(q.peek(10), undefined);
    assert.deepEqual([...q.peek(7)!], [1, 2, 3, 4, 5, 6, 7]);
    q.skip(2);
    assert.equal(q.offset, 2);
    assert.deepEqual([...q.peek(2)!], [3, 4]);
    q.skip(4);
    assert.deepEqual([...q.peek(3)!], [7, 8, 9]);
    assert.equal(q.available, 3);
    q.skip(3);
    assert.equal(q.available, 0);
    assert.equal(q.offset, 9);
  });

  it('reads in place when the bytes lie in one chunk', () => {
    const chunk = Buffer.from([1, 2, 3, 4]);
    const q = new ByteQueue();
    q.push(chunk);
    q.skip(1);
    assert.equal(q.peek(2)!.buffer, chunk.buffer);
  });
});
