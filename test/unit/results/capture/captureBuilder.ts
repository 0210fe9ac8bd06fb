// Hand-built frames and capture files for the reader tests: each helper writes exactly the
// bytes its format's specification describes, so a test reads as "this header, that option".

export const FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

export interface SegmentSpec {
  srcPort?: number;
  dstPort?: number;
  seq?: number;
  ack?: number;
  flags?: number;
  window?: number;
  /** Raw option bytes; padded with EOL to a multiple of 4. */
  options?: number[];
  payload?: number;
}

export function tcpSegment(spec: SegmentSpec = {}): Buffer {
  const options = Buffer.from(spec.options ?? []);
  const optionLength = (options.length + 3) & ~3;
  const header = Buffer.alloc(20 + optionLength);
  header.writeUInt16BE(spec.srcPort ?? 40000, 0);
  header.writeUInt16BE(spec.dstPort ?? 25, 2);
  header.writeUInt32BE(spec.seq ?? 1000, 4);
  header.writeUInt32BE(spec.ack ?? 0, 8);
  header[12] = ((20 + optionLength) / 4) << 4 | ((spec.flags ?? SYN) >> 8);
  header[13] = (spec.flags ?? SYN) & 0xff;
  header.writeUInt16BE(spec.window ?? 64240, 14);
  options.copy(header, 20);
  return Buffer.concat([header, Buffer.alloc(spec.payload ?? 0, 0x61)]);
}

export function ipv4(src: string, dst: string, payload: Buffer, extra: { options?: number[]; fragment?: number; protocol?: number } = {}): Buffer {
  const options = Buffer.from(extra.options ?? []);
  const header = Buffer.alloc(20 + options.length);
  header[0] = 0x40 | (header.length / 4);
  header.writeUInt16BE(header.length + payload.length, 2);
  header.writeUInt16BE(extra.fragment ?? 0x4000, 6);
  header[8] = 64;
  header[9] = extra.protocol ?? 6;
  src.split('.').forEach((n, i) => (header[12 + i] = Number(n)));
  dst.split('.').forEach((n, i) => (header[16 + i] = Number(n)));
  options.copy(header, 20);
  return Buffer.concat([header, payload]);
}

/** An IPv6 address written out in full, e.g. '2001:0db8:0000:…' or with '::'. */
export function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const words = (s: string | undefined) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const front = words(head);
  const back = words(tail);
  const all = tail === undefined ? front : [...front, ...new Array(8 - front.length - back.length).fill(0), ...back];
  const out = Buffer.alloc(16);
  all.forEach((w, i) => out.writeUInt16BE(w, 2 * i));
  return out;
}

export interface Ipv6Extension {
  type: number;
  /** Bytes after the next-header byte (and length byte, filled in here). */
  body: Buffer;
}

/** IPv6 with a chain of extension headers; `type` is the header's own protocol number. */
export function ipv6(src: string, dst: string, payload: Buffer, extensions: Ipv6Extension[] = [], protocol = 6): Buffer {
  const chain: Buffer[] = [];
  extensions.forEach((ext, i) => {
    const next = i + 1 < extensions.length ? extensions[i + 1]!.type : protocol;
    const header = Buffer.concat([Buffer.from([next, 0]), ext.body]);
    if (ext.type === 51) header[1] = header.length / 4 - 2;
    else if (ext.type !== 44) header[1] = header.length / 8 - 1;
    chain.push(header);
  });
  const body = Buffer.concat([...chain, payload]);
  const fixed = Buffer.alloc(40);
  fixed[0] = 0x60;
  fixed.writeUInt16BE(body.length, 4);
  fixed[6] = extensions[0]?.type ?? protocol;
  fixed[7] = 64;
  ipv6Bytes(src).copy(fixed, 8);
  ipv6Bytes(dst).copy(fixed, 24);
  return Buffer.concat([fixed, body]);
}

export function ethernet(ip: Buffer, vlans: number[] = []): Buffer {
  const type = (ip[0]! >> 4) === 6 ? 0x86dd : 0x0800;
  const header = Buffer.alloc(12 + 4 * vlans.length + 2, 0);
  vlans.forEach((id, i) => {
    header.writeUInt16BE(i === 0 && vlans.length > 1 ? 0x88a8 : 0x8100, 12 + 4 * i);
    header.writeUInt16BE(id, 14 + 4 * i);
  });
  header.writeUInt16BE(type, header.length - 2);
  return Buffer.concat([header, ip]);
}

export function linuxSll(ip: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(1, 2);
  header.writeUInt16BE(6, 4);
  header.writeUInt16BE((ip[0]! >> 4) === 6 ? 0x86dd : 0x0800, 14);
  return Buffer.concat([header, ip]);
}

export function linuxSll2(ip: Buffer): Buffer {
  const header = Buffer.alloc(20);
  header.writeUInt16BE((ip[0]! >> 4) === 6 ? 0x86dd : 0x0800, 0);
  header.writeUInt32BE(3, 4);
  header.writeUInt16BE(1, 8);
  return Buffer.concat([header, ip]);
}

/** DLT_NULL (host byte order family) or DLT_LOOP (network byte order). */
export function loopback(ip: Buffer, family: number, bigEndian: boolean): Buffer {
  const header = Buffer.alloc(4);
  if (bigEndian) header.writeUInt32BE(family);
  else header.writeUInt32LE(family);
  return Buffer.concat([header, ip]);
}

export interface RecordSpec {
  timestampNs: bigint;
  data: Buffer;
  /** Bytes to store; the rest counts as cut by snaplen. */
  capturedLength?: number;
}

export function pcapFile(linkType: number, records: RecordSpec[], opts: { bigEndian?: boolean; nanoseconds?: boolean; linkTypeExtra?: number } = {}): Buffer {
  const le = !opts.bigEndian;
  const u16 = (b: Buffer, v: number, at: number) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  const u32 = (b: Buffer, v: number, at: number) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
  const header = Buffer.alloc(24);
  u32(header, opts.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  u16(header, 2, 4);
  u16(header, 4, 6);
  u32(header, 262144, 16);
  u32(header, (linkType | (opts.linkTypeExtra ?? 0)) >>> 0, 20);
  const parts: Buffer[] = [header];
  for (const r of records) {
    const captured = r.data.subarray(0, r.capturedLength ?? r.data.length);
    const h = Buffer.alloc(16);
    const seconds = r.timestampNs / 1_000_000_000n;
    const rest = r.timestampNs % 1_000_000_000n;
    u32(h, Number(seconds), 0);
    u32(h, Number(opts.nanoseconds ? rest : rest / 1000n), 4);
    u32(h, captured.length, 8);
    u32(h, r.data.length, 12);
    parts.push(h, captured);
  }
  return Buffer.concat(parts);
}

/** pcapng, one block at a time, in one byte order. */
export class PcapngWriter {
  private readonly blocks: Buffer[] = [];

  constructor(private readonly le = true) {}

  section(comments: string[] = []): this {
    const body = Buffer.alloc(16);
    this.u32(body, 0x1a2b3c4d, 0);
    this.u16(body, 1, 4);
    this.u16(body, 0, 6);
    body.writeBigInt64LE(-1n, 8);
    return this.block(0x0a0d0d0a, body, comments.map((c) => [1, Buffer.from(c)]));
  }

  /** tsresol: the if_tsresol byte; tsoffset: seconds. */
  iface(linkType: number, o: { tsresol?: number; tsoffset?: bigint; name?: string; snapLength?: number } = {}): this {
    const body = Buffer.alloc(8);
    this.u16(body, linkType, 0);
    this.u32(body, o.snapLength ?? 262144, 4);
    const options: Array<[number, Buffer]> = [];
    if (o.name) options.push([2, Buffer.from(o.name)]);
    if (o.tsresol !== undefined) options.push([9, Buffer.from([o.tsresol])]);
    if (o.tsoffset !== undefined) {
      const v = Buffer.alloc(8);
      if (this.le) v.writeBigInt64LE(o.tsoffset);
      else v.writeBigInt64BE(o.tsoffset);
      options.push([14, v]);
    }
    return this.block(1, body, options);
  }

  packet(iface: number, ticks: bigint, data: Buffer, comments: string[] = [], originalLength = data.length): this {
    const body = Buffer.alloc(20);
    this.u32(body, iface, 0);
    this.u32(body, Number(ticks >> 32n), 4);
    this.u32(body, Number(ticks & 0xffffffffn), 8);
    this.u32(body, data.length, 12);
    this.u32(body, originalLength, 16);
    return this.block(6, Buffer.concat([body, pad(data)]), comments.map((c) => [1, Buffer.from(c)]));
  }

  obsoletePacket(iface: number, ticks: bigint, data: Buffer): this {
    const body = Buffer.alloc(20);
    this.u16(body, iface, 0);
    this.u32(body, Number(ticks >> 32n), 4);
    this.u32(body, Number(ticks & 0xffffffffn), 8);
    this.u32(body, data.length, 12);
    this.u32(body, data.length, 16);
    return this.block(2, Buffer.concat([body, pad(data)]), []);
  }

  simplePacket(data: Buffer): this {
    const body = Buffer.alloc(4);
    this.u32(body, data.length, 0);
    return this.block(3, Buffer.concat([body, pad(data)]), []);
  }

  /** Any block type, e.g. a name resolution or custom block the reader must skip. */
  block(type: number, body: Buffer, options: Array<[number, Buffer]> = []): this {
    const opts = options.length === 0 ? [] : [...options.map(([code, value]) => {
      const h = Buffer.alloc(4);
      this.u16(h, code, 0);
      this.u16(h, value.length, 2);
      return Buffer.concat([h, pad(value)]);
    }), Buffer.alloc(4)];
    const inner = Buffer.concat([body, ...opts]);
    const head = Buffer.alloc(8);
    const total = inner.length + 12;
    this.u32(head, type, 0);
    this.u32(head, total, 4);
    const tail = Buffer.alloc(4);
    this.u32(tail, total, 0);
    this.blocks.push(Buffer.concat([head, inner, tail]));
    return this;
  }

  bytes(): Buffer {
    return Buffer.concat(this.blocks);
  }

  private u16(b: Buffer, v: number, at: number): void {
    if (this.le) b.writeUInt16LE(v, at);
    else b.writeUInt16BE(v, at);
  }

  private u32(b: Buffer, v: number, at: number): void {
    if (this.le) b.writeUInt32LE(v, at);
    else b.writeUInt32BE(v, at);
  }
}

function pad(b: Buffer): Buffer {
  return b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
}

/** Deterministic bytes for robustness tests (mulberry32). */
export function seededBytes(seed: number, length: number): Buffer {
  const out = Buffer.alloc(length);
  let a = seed >>> 0;
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}
