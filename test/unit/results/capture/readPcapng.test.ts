import * as assert from 'node:assert/strict';
import { CaptureError } from '../../../../language-server/src/results/capture/captureError';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { readCaptureBytes } from '../../../../language-server/src/results/capture/readCapture';
import { PcapngWriter, ethernet, ipv4, ipv6, linuxSll, tcpSegment } from './captureBuilder';

const v4 = ipv4('192.0.2.1', '192.0.2.2', tcpSegment({ srcPort: 1 }));
const v6 = ipv6('2001:db8::1', '2001:db8::2', tcpSegment({ srcPort: 2 }));

function twoInterfaces(le: boolean): Buffer {
  return new PcapngWriter(le)
    .section(['capture comment', 'second line'])
    .iface(LinkType.ETHERNET, { name: 'tfo-s' })
    .iface(LinkType.LINUX_SLL, { tsresol: 9, name: 'any' })
    .block(4, Buffer.alloc(8)) // name resolution block: skipped
    .packet(0, 1_700_000_000_123_456n, ethernet(v4), ['SYN, cookie REQUEST'])
    .packet(1, 1_700_000_000_123_456_789n, linuxSll(v6), ['first', 'second'])
    .block(0x40000bad, Buffer.alloc(12)) // unknown block type: skipped
    .packet(0, 1_700_000_001_000_000n, ethernet(v4))
    .bytes();
}

describe('readPcapng', () => {
  for (const le of [true, false]) {
    it(`reads two interfaces with their own link types and resolutions, and comments (${le ? 'little' : 'big'}-endian)`, () => {
      const { packets, error, info } = readCaptureBytes(twoInterfaces(le));
      assert.equal(error, null);
      assert.equal(info.format, 'pcapng');
      assert.deepEqual(info.sectionComments, ['capture comment', 'second line']);
      assert.deepEqual(info.interfaces.map((i) => [i.linkType, i.name, i.resolution.exponent]), [[1, 'tfo-s', 6], [113, 'any', 9]]);
      assert.deepEqual(packets.map((p) => [p.frame, p.interfaceIndex, p.srcPort, p.timestampNs, p.comments]), [
        [1, 0, 1, 1_700_000_000_123_456_000n, ['SYN, cookie REQUEST']],
        [2, 1, 2, 1_700_000_000_123_456_789n, ['first', 'second']],
        [3, 0, 1, 1_700_000_001_000_000_000n, []],
      ]);
    });
  }

  it('numbers interfaces on across sections, each section in its own byte order', () => {
    const bytes = Buffer.concat([
      new PcapngWriter(true).section().iface(LinkType.ETHERNET).packet(0, 1n, ethernet(v4)).bytes(),
      new PcapngWriter(false).section(['second section']).iface(LinkType.RAW).iface(LinkType.ETHERNET).packet(1, 2n, ethernet(v6)).packet(0, 3n, v4).bytes(),
    ]);
    const { packets, error, info } = readCaptureBytes(bytes);
    assert.equal(error, null);
    assert.deepEqual(info.sectionComments, ['second section']);
    assert.deepEqual(packets.map((p) => [p.frame, p.interfaceIndex, p.ipVersion]), [[1, 0, 4], [2, 2, 6], [3, 1, 4]]);
  });

  it('converts binary and decimal resolutions and if_tsoffset to nanoseconds', () => {
    const bytes = new PcapngWriter()
      .section()
      .iface(LinkType.RAW, { tsresol: 0x80 | 20 }) // 2^-20 s
      .iface(LinkType.RAW, { tsresol: 3, tsoffset: 1_000n }) // ms, plus 1000 s
      .iface(LinkType.RAW, { tsresol: 12 }) // ps
      .packet(0, 3n << 20n | 1n << 19n, v4)
      .packet(1, 2_500n, v4)
      .packet(2, 1_000_000_000_123_456n, v4)
      .bytes();
    assert.deepEqual(readCaptureBytes(bytes).packets.map((p) => p.timestampNs), [3_500_000_000n, 1_002_500_000_000n, 1_000_000_000_123n]);
  });

  it('reads simple packet blocks (no time) and obsolete packet blocks', () => {
    const bytes = new PcapngWriter().section().iface(LinkType.RAW, { snapLength: 0 }).simplePacket(v4).obsoletePacket(0, 7n, v4).bytes();
    assert.deepEqual(readCaptureBytes(bytes).packets.map((p) => [p.frame, p.timestampNs]), [[1, null], [2, 7_000n]]);
  });

  it('reports block-level corruption with its offset', () => {
    const good = twoInterfaces(true);
    const firstPacketBlock = good.indexOf(Buffer.from([6, 0, 0, 0]), 28);
    const badTrailer = Buffer.from(good);
    badTrailer.writeUInt32LE(8, firstPacketBlock + badTrailer.readUInt32LE(firstPacketBlock + 4) - 4);
    assert.match(readCaptureBytes(badTrailer).error!.message, new RegExp(`^corrupt enhanced packet block at offset ${firstPacketBlock}: trailing length 8 differs`));

    const badLength = Buffer.from(good);
    badLength.writeUInt32LE(13, firstPacketBlock + 4);
    assert.equal(readCaptureBytes(badLength).error!.message, `corrupt enhanced packet block at offset ${firstPacketBlock}: invalid block length 13`);

    const noInterface = new PcapngWriter().section().packet(0, 1n, v4).bytes();
    assert.equal(readCaptureBytes(noInterface).error!.message, 'corrupt enhanced packet block at offset 28: interface 0 is not described in this section (it has 0)');

    const badMagic = Buffer.from(good);
    badMagic.writeUInt32LE(0x01020304, 8);
    assert.equal(readCaptureBytes(badMagic).error!.kind, 'corrupt');
  });

  it('names a truncated block', () => {
    const good = twoInterfaces(true);
    const { error, packets } = readCaptureBytes(good.subarray(0, good.length - 3));
    assert.ok(error instanceof CaptureError);
    assert.equal(packets.length, 2);
    assert.match(error.message, /^truncated enhanced packet block at offset \d+: needs \d+ bytes, \d+ left$/);
  });
});
