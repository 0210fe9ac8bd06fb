/**
 * The not-yet-consumed bytes of a stream of chunks. Records are read in place when they lie in
 * one chunk; only a record that straddles two chunks is copied, so memory stays at about one
 * chunk plus one record whatever the file size.
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  private head = 0;
  /** Bytes pushed and not yet skipped. */
  available = 0;
  /** Absolute offset (from the start of the stream) of the next unread byte. */
  offset = 0;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
    this.available += chunk.length;
  }

  /** The next `n` bytes, not consumed, or undefined when fewer than `n` are buffered. */
  peek(n: number): Buffer | undefined {
    if (n > this.available) return undefined;
    const first = this.chunks[0];
    if (first === undefined) return Buffer.alloc(0);
    if (first.length - this.head >= n) return first.subarray(this.head, this.head + n);
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    let start = this.head;
    for (const chunk of this.chunks) {
      filled += chunk.copy(out, filled, start, Math.min(chunk.length, start + n - filled));
      start = 0;
      if (filled === n) break;
    }
    return out;
  }

  skip(n: number): void {
    this.available -= n;
    this.offset += n;
    while (n > 0) {
      const first = this.chunks[0]!;
      const rest = first.length - this.head;
      if (n < rest) {
        this.head += n;
        return;
      }
      n -= rest;
      this.chunks.shift();
      this.head = 0;
    }
  }
}
