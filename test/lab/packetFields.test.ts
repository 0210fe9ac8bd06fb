import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Packet, TcpFlag } from '../../language-server/src/results/capture/packet';
import { readCaptureFile } from '../../language-server/src/results/capture/readCapture';
import { tfoOptionOf } from '../../language-server/src/results/tfo/tfoConnection';
import { describeLab, labCaptures } from './labCaptures';

// Bit 11 down to bit 0, as tshark's tcp.flags.str; we do not keep the three reserved bits.
const FLAG_LETTERS = '···NCEUAPRSF';

/** The columns of *.packets.txt that describe the TCP segment, computed from our packets. */
function tsharkColumns(packets: Packet[]): string[][] {
  const base = new Map<string, number>();
  const first = packets[0]?.timestampNs ?? 0n;
  return packets.map((p) => {
    const from = `${p.src} ${p.srcPort}`;
    const to = `${p.dst} ${p.dstPort}`;
    if (p.flags & TcpFlag.SYN && !base.has(from)) base.set(from, p.seq);
    const relative = (n: number, side: string) => ((n - (base.get(side) ?? n)) >>> 0).toString();
    const since = p.timestampNs! - first;
    const tfo = tfoOptionOf(p);
    return [
      String(p.frame),
      `${since / 1_000_000_000n}.${(since % 1_000_000_000n).toString().padStart(9, '0')}`,
      p.src, String(p.srcPort), p.dst, String(p.dstPort),
      [...FLAG_LETTERS].map((letter, i) => (p.flags & (1 << (11 - i)) ? letter : '·')).join(''),
      relative(p.seq, from),
      p.flags & TcpFlag.ACK ? relative(p.ack, to) : '0',
      String(p.payloadLength),
      tfo.request ? '1' : '',
      tfo.cookie ?? '',
    ];
  });
}

describeLab('TFO lab: every packet as tshark dissected it', () => {
  for (const capture of labCaptures()) {
    it(`${capture.file} matches ${capture.packetsTxt.split('/').pop()}`, async () => {
      const packets: Packet[] = [];
      for await (const p of readCaptureFile(capture.path)) packets.push(p);
      const [, ...rows] = readFileSync(capture.packetsTxt, 'utf8').trimEnd().split('\n');
      // frame.time_delta is left out: it follows from time_relative.
      const want = rows.map((row) => row.split('\t')).map((c) => [c[0], c[1], ...c.slice(3, 13)]);
      assert.deepEqual(tsharkColumns(packets), want);
      if (capture.file.endsWith('.pcapng')) assert.ok(packets[0]!.comments.length > 0, 'packet comments are read');
    });
  }
});
