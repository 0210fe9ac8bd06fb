import * as assert from 'node:assert/strict';
import { CaptureError } from '../../../../language-server/src/results/capture/captureError';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { readCaptureBytes } from '../../../../language-server/src/results/capture/readCapture';
import { ethernet, ipv4, pcapFile, tcpSegment } from './captureBuilder';

const frame = ethernet(ipv4('192.0.2.1', '192.0.2.2', tcpSegment({ payload: 5 })));
const records = [
  { timestampNs: 1_795_546_749_466_903_123n, data: frame },
  { timestampNs: 1_795_546_749_567_000_999n, data: frame },
];

describe('readPcap', () => {
  for (const bigEndian of [false, true]) {
    for (const nanoseconds of [false, true]) {
      it(`reads ${bigEndian ? 'big' : 'little'}-endian files with ${nanoseconds ? 'ns' : 'µs'} timestamps`, () => {
        const { packets, error, info } = readCaptureBytes(pcapFile(LinkType.ETHERNET, records, { bigEndian, nanoseconds }));
        assert.equal(error, null);
        assert.equal(info.format, 'pcap');
        assert.deepEqual(info.interfaces[0]!.resolution, { binary: false, exponent: nanoseconds ? 9 : 6 });
        assert.deepEqual(packets.map((p) => [p.frame, p.timestampNs, p.payloadLength]), [
          [1, nanoseconds ? 1_795_546_749_466_903_123n : 1_795_546_749_466_903_000n, 5],
          [2, nanoseconds ? 1_795_546_749_567_000_999n : 1_795_546_749_567_000_000n, 5],
        ]);
      });
    }
  }

  it('ignores the FCS bits above the link type', () => {
    const { packets } = readCaptureBytes(pcapFile(LinkType.ETHERNET, records, { linkTypeExtra: 0x14000000 }));
    assert.equal(packets.length, 2);
  });

  it('accepts a file with a header and no packets', () => {
    const { packets, error } = readCaptureBytes(pcapFile(LinkType.ETHERNET, []));
    assert.deepEqual([packets, error], [[], null]);
  });

  it('names the offset and the shortfall of a truncated record', () => {
    const bytes = pcapFile(LinkType.ETHERNET, records);
    const { packets, error } = readCaptureBytes(bytes.subarray(0, bytes.length - 20));
    assert.equal(packets.length, 1);
    assert.ok(error instanceof CaptureError);
    const second = 24 + 16 + frame.length;
    assert.equal(error.message, `truncated packet record at offset ${second}: needs ${16 + frame.length} bytes, ${16 + frame.length - 20} left`);
    assert.deepEqual([error.kind, error.offset], ['truncated', second]);
  });

  it('names a truncated record header and a truncated file header', () => {
    const bytes = pcapFile(LinkType.ETHERNET, records);
    assert.equal(readCaptureBytes(bytes.subarray(0, 24 + 10)).error?.message, 'truncated packet record header at offset 24: needs 16 bytes, 10 left');
    assert.equal(readCaptureBytes(bytes.subarray(0, 10)).error?.message, 'truncated pcap file header at offset 0: needs 24 bytes, 10 left');
  });

  it('refuses a record length over the limit instead of waiting for it', () => {
    const bytes = pcapFile(LinkType.ETHERNET, records);
    bytes.writeUInt32LE(0x7fffffff, 24 + 8);
    const { error } = readCaptureBytes(bytes);
    assert.equal(error?.kind, 'corrupt');
    assert.match(error!.message, /^corrupt packet record at offset 24: captured length 2147483647 is over/);
  });

  it('refuses pcap versions other than 2.x', () => {
    const bytes = pcapFile(LinkType.ETHERNET, records);
    bytes.writeUInt16LE(3, 4);
    assert.equal(readCaptureBytes(bytes).error?.kind, 'unsupported');
  });
});
