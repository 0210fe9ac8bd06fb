import { TcpOption } from './packet';

/** RFC 6994 experiment ID that marks kind 254 as TCP Fast Open, from before kind 34 was assigned. */
export const TFO_EXPERIMENT_MAGIC = 0xf989;

/**
 * Reads the TCP options in `b[start, end)`. `available` is where the captured bytes stop; when
 * it is before `end`, or an option length is impossible, `complete` is false and the list stops there.
 */
export function readTcpOptions(b: Buffer, start: number, end: number, available: number): { options: TcpOption[]; complete: boolean } {
  const options: TcpOption[] = [];
  const stop = Math.min(end, available);
  let at = start;
  while (at < stop) {
    const kind = b[at]!;
    if (kind === 0) {
      options.push({ name: 'eol', kind: 0 });
      return { options, complete: true };
    }
    if (kind === 1) {
      options.push({ name: 'nop', kind: 1 });
      at++;
      continue;
    }
    if (at + 1 >= stop) break;
    const length = b[at + 1]!;
    if (length < 2 || at + length > stop) break;
    options.push(optionOf(kind, b, at, length));
    at += length;
  }
  return { options, complete: at === end };
}

function optionOf(kind: number, b: Buffer, at: number, length: number): TcpOption {
  switch (kind) {
    case 2:
      if (length === 4) return { name: 'mss', kind, mss: b.readUInt16BE(at + 2) };
      break;
    case 3:
      if (length === 3) return { name: 'windowScale', kind, shift: b[at + 2]! };
      break;
    case 4:
      if (length === 2) return { name: 'sackPermitted', kind };
      break;
    case 5:
      if (length > 2 && (length - 2) % 8 === 0) {
        const blocks: Array<[number, number]> = [];
        for (let i = at + 2; i < at + length; i += 8) blocks.push([b.readUInt32BE(i), b.readUInt32BE(i + 4)]);
        return { name: 'sack', kind, blocks };
      }
      break;
    case 8:
      if (length === 10) return { name: 'timestamps', kind, value: b.readUInt32BE(at + 2), echo: b.readUInt32BE(at + 6) };
      break;
    case 34:
      return { name: 'fastOpen', kind, cookie: length === 2 ? null : b.toString('hex', at + 2, at + length) };
    case 254:
      if (length >= 4 && b.readUInt16BE(at + 2) === TFO_EXPERIMENT_MAGIC) {
        return { name: 'fastOpen', kind, cookie: length === 4 ? null : b.toString('hex', at + 4, at + length) };
      }
      break;
  }
  return { name: 'other', kind, data: b.toString('hex', at + 2, at + length) };
}
