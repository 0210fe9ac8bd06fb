#!/usr/bin/env node
// Writes a large pcap for bench-capture.mjs by replaying the TFO lab's server-side connections
// over and over, each with its own client address/port and start time, interleaved in time order.
//
//   node scripts/make-synthetic-capture.mjs                 → .bench/synthetic-100k.pcap (≥ 100 000 packets)
//   node scripts/make-synthetic-capture.mjs 1G              → .bench/synthetic-1g.pcap (≥ 1 GiB)
//   node scripts/make-synthetic-capture.mjs 250000 out.pcap → ≥ 250 000 packets into out.pcap
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const labDir = resolve(repo, '..', 'shared', 'tfo-lab', 'captures');
/** A new connection every 2 ms: with ~0.5 s per lab connection, about 250 are open at once. */
const SPACING_US = 2_000;
const PORTS_PER_ADDRESS = 60_000;

const [sizeArg = '100000', outArg] = process.argv.slice(2);
const gib = /^(\d+)G$/i.exec(sizeArg);
const target = gib ? { bytes: Number(gib[1]) * 2 ** 30 } : { packets: Number(sizeArg) };
if (!gib && !(target.packets > 0)) {
  console.error('usage: make-synthetic-capture.mjs [PACKETS | <N>G] [OUT.pcap]');
  process.exit(2);
}
const out = resolve(outArg ?? join(repo, '.bench', gib ? `synthetic-${gib[1]}g.pcap` : `synthetic-${Math.round(target.packets / 1000)}k.pcap`));
if (!existsSync(labDir)) {
  console.error(`the TFO lab is absent: expected ${labDir} (../shared/tfo-lab/captures beside the repository)`);
  process.exit(1);
}

/** The records of a little- or big-endian µs pcap, times relative to its first packet. */
function readLabPcap(path) {
  const b = readFileSync(path);
  const le = b.readUInt32LE(0) === 0xa1b2c3d4;
  if (!le && b.readUInt32BE(0) !== 0xa1b2c3d4) throw new Error(`${path}: not a µs pcap`);
  const u32 = (at) => (le ? b.readUInt32LE(at) : b.readUInt32BE(at));
  if (u32(20) !== 1) throw new Error(`${path}: not Ethernet`);
  const records = [];
  for (let at = 24; at + 16 <= b.length; ) {
    const length = u32(at + 8);
    records.push({ us: u32(at) * 1e6 + u32(at + 4), data: Buffer.from(b.subarray(at + 16, at + 16 + length)), wire: u32(at + 12) });
    at += 16 + length;
  }
  const first = records[0].us;
  for (const r of records) r.us -= first;
  // The SYN's source is the client.
  const ip = 14 + 12;
  const client = { addr: records[0].data.subarray(ip, ip + 4), port: records[0].data.readUInt16BE(14 + (records[0].data[14] & 15) * 4) };
  return { records, client };
}

// RFC 1624 incremental checksum update, one 16-bit word at a time.
function adjustChecksum(buf, at, oldWord, newWord) {
  let sum = (~buf.readUInt16BE(at) & 0xffff) + (~oldWord & 0xffff) + newWord;
  sum = (sum & 0xffff) + (sum >>> 16);
  sum = (sum & 0xffff) + (sum >>> 16);
  buf.writeUInt16BE(~sum & 0xffff, at);
}

/** A copy of an Ethernet/IPv4/TCP frame with the client's address and port replaced. */
function rewrite(frame, template, addr, port) {
  const f = Buffer.from(frame);
  const ip = 14;
  const tcp = ip + (f[ip] & 15) * 4;
  for (const [addrAt, portAt] of [[ip + 12, tcp], [ip + 16, tcp + 2]]) {
    if (!f.subarray(addrAt, addrAt + 4).equals(template.client.addr) || f.readUInt16BE(portAt) !== template.client.port) continue;
    for (let w = 0; w < 4; w += 2) {
      const old = f.readUInt16BE(addrAt + w);
      const neu = addr.readUInt16BE(w);
      f.writeUInt16BE(neu, addrAt + w);
      adjustChecksum(f, ip + 10, old, neu);
      adjustChecksum(f, tcp + 16, old, neu);
    }
    adjustChecksum(f, tcp + 16, f.readUInt16BE(portAt), port);
    f.writeUInt16BE(port, portAt);
  }
  return f;
}

/** Min-heap of the next packet of each connection in flight, by time then connection number. */
class Heap {
  items = [];
  get size() { return this.items.length; }
  less(a, b) { return a.us < b.us || (a.us === b.us && a.k < b.k); }
  push(x) {
    const h = this.items;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop() {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

const templates = readdirSync(labDir).filter((f) => /^run[0-9a-z]+-[a-z-]+\.pcap$/.test(f)).sort().map((f) => readLabPcap(join(labDir, f)));
const startUs = 1_795_546_749_000_000;
mkdirSync(dirname(out), { recursive: true });
const stream = createWriteStream(out);
const header = Buffer.alloc(24);
header.writeUInt32LE(0xa1b2c3d4, 0);
header.writeUInt16LE(2, 4);
header.writeUInt16LE(4, 6);
header.writeUInt32LE(262144, 16);
header.writeUInt32LE(1, 20);

let pending = [header];
let pendingBytes = header.length;
let written = 0;
let packets = 0;
let connections = 0;
async function emit(buffer) {
  pending.push(buffer);
  pendingBytes += buffer.length;
  if (pendingBytes >= 1 << 20) {
    const batch = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    written += batch.length;
    if (!stream.write(batch)) await once(stream, 'drain');
  }
}

const enough = () => (target.packets ? packets >= target.packets : written + pendingBytes >= target.bytes);
const heap = new Heap();
let nextStartUs = 0;
function startConnection() {
  const k = connections++;
  const i = Math.floor(k / PORTS_PER_ADDRESS) + 1;
  const addr = Buffer.from([10, (i >> 16) & 255, (i >> 8) & 255, i & 255]);
  const port = 1024 + (k % PORTS_PER_ADDRESS);
  const template = templates[k % templates.length];
  heap.push({ us: nextStartUs, k, template, addr, port, startUs: nextStartUs, index: 0 });
  nextStartUs += SPACING_US;
}

startConnection();
while (heap.size > 0) {
  // Keep starting connections on schedule until the target is reached, then let the rest finish.
  while (!enough() && nextStartUs <= heap.items[0].us) startConnection();
  const next = heap.pop();
  const record = next.template.records[next.index];
  const us = startUs + next.us;
  const recordHeader = Buffer.alloc(16);
  recordHeader.writeUInt32LE(Math.floor(us / 1e6), 0);
  recordHeader.writeUInt32LE(us % 1e6, 4);
  recordHeader.writeUInt32LE(record.data.length, 8);
  recordHeader.writeUInt32LE(record.wire, 12);
  await emit(recordHeader);
  await emit(rewrite(record.data, next.template, next.addr, next.port));
  packets++;
  if (++next.index < next.template.records.length) {
    next.us = next.startUs + next.template.records[next.index].us;
    heap.push(next);
  }
  if (heap.size === 0 && !enough()) startConnection();
}
if (pendingBytes > 0) {
  const batch = Buffer.concat(pending);
  written += batch.length;
  stream.write(batch);
}
stream.end();
await once(stream, 'finish');
console.log(`${out}: ${packets} packets, ${connections} connections, ${(written / 2 ** 20).toFixed(1)} MiB`);
