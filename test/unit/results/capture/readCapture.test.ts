import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureError } from '../../../../language-server/src/results/capture/captureError';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { Packet } from '../../../../language-server/src/results/capture/packet';
import { CaptureDecoder, readCapture, readCaptureBytes, readCaptureFile } from '../../../../language-server/src/results/capture/readCapture';
import { PcapngWriter, ethernet, ipv4, pcapFile, seededBytes, tcpSegment } from './captureBuilder';

const frame = (port: number) => ethernet(ipv4('192.0.2.1', '192.0.2.2', tcpSegment({ srcPort: port, payload: port % 50 })));
const pcap = pcapFile(LinkType.ETHERNET, [1, 2, 3, 4, 5].map((n) => ({ timestampNs: BigInt(n) * 1000n, data: frame(n) })));
const pcapng = new PcapngWriter().section(['c']).iface(LinkType.ETHERNET).packet(0, 1n, frame(1), ['x']).packet(0, 2n, frame(2)).bytes();

async function collect(stream: AsyncIterable<Packet>): Promise<{ packets: Packet[]; error: unknown }> {
  const packets: Packet[] = [];
  try {
    for await (const p of stream) packets.push(p);
    return { packets, error: null };
  } catch (error) {
    return { packets, error };
  }
}

describe('readCapture', () => {
  it('gives the same packets whatever the chunk boundaries', () => {
    for (const file of [pcap, pcapng]) {
      const whole = readCaptureBytes(file).packets;
      for (let split = 0; split <= file.length; split++) {
        const decoder = new CaptureDecoder();
        const packets: Packet[] = [];
        for (const chunk of [file.subarray(0, split), file.subarray(split, split + 7), file.subarray(split + 7)]) {
          decoder.push(chunk);
          for (let p = decoder.nextPacket(); p; p = decoder.nextPacket()) packets.push(p);
        }
        assert.equal(decoder.end(), null);
        assert.deepEqual(packets, whole, `split at ${split}`);
      }
    }
  });

  it('streams async chunks and throws the CaptureError after the good packets', async () => {
    async function* chunks() {
      yield pcap.subarray(0, 100);
      yield pcap.subarray(100, pcap.length - 1);
    }
    const { packets, error } = await collect(readCapture(chunks()));
    assert.equal(packets.length, 4);
    assert.ok(error instanceof CaptureError);
    assert.equal(error.kind, 'truncated');
  });

  it('reads a file from disk in chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capture-'));
    try {
      const path = join(dir, 'five.pcapng');
      writeFileSync(path, Buffer.concat([pcapng, new PcapngWriter().section().iface(LinkType.ETHERNET).packet(0, 3n, frame(3)).bytes()]));
      const stream = readCaptureFile(path);
      const { packets, error } = await collect(stream);
      assert.equal(error, null);
      assert.deepEqual(packets.map((p) => p.srcPort), [1, 2, 3]);
      assert.equal(stream.info.format, 'pcapng');
      assert.equal(stream.info.interfaces.length, 2);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('says an empty input is empty', () => {
    const { error } = readCaptureBytes(Buffer.alloc(0));
    assert.deepEqual([error?.kind, error?.offset, error?.message], ['empty', 0, 'empty input at offset 0: a capture needs at least a file header']);
  });

  it('says random bytes are not a capture (seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { packets, error } = readCaptureBytes(seededBytes(seed, 1 + (seed % 97) * 40));
      assert.equal(packets.length, 0);
      assert.ok(error instanceof CaptureError, `seed ${seed}`);
      assert.match(error.message, /^not a pcap or pcapng file: it starts with 0x[0-9a-f]+ at offset 0$/);
    }
  });

  it('gives only CaptureErrors for random bytes after a valid header (seeded)', () => {
    const headers = [pcap.subarray(0, 24), pcapng.subarray(0, pcapng.indexOf(Buffer.from([6, 0, 0, 0]), 28))];
    for (let seed = 1; seed <= 300; seed++) {
      const header = headers[seed % 2]!;
      const { error } = readCaptureBytes(Buffer.concat([header, seededBytes(seed, 16 + seed * 13)]));
      assert.ok(error === null || error instanceof CaptureError);
      if (error) assert.match(error.message, / at offset \d+/);
    }
  });

  it('names a header too short to tell the format, and the modified pcap format', () => {
    assert.equal(readCaptureBytes(pcap.subarray(0, 3)).error?.message, 'truncated file header at offset 0: needs 4 bytes, 3 left');
    assert.equal(readCaptureBytes(Buffer.from([0x34, 0xcd, 0xb2, 0xa1, 2, 0, 4, 0])).error?.kind, 'unsupported');
  });
});
