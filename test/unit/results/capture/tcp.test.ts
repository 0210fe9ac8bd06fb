import * as assert from 'node:assert/strict';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { TcpFlag } from '../../../../language-server/src/results/capture/packet';
import { readCaptureBytes } from '../../../../language-server/src/results/capture/readCapture';
import { ACK, PSH, ipv4, pcapFile, tcpSegment } from './captureBuilder';

describe('tcp', () => {
  it('reads ports, numbers, flags (with AE), window and options', () => {
    const segment = tcpSegment({ srcPort: 2525, dstPort: 36706, seq: 0xfffffff0, ack: 7, flags: 0x100 | TcpFlag.ECE | ACK | PSH, window: 512, options: [2, 4, 1, 0], payload: 76 });
    const p = readCaptureBytes(pcapFile(LinkType.RAW, [{ timestampNs: 5n, data: ipv4('198.51.100.25', '198.51.100.10', segment) }])).packets[0]!;
    assert.deepEqual(
      { src: p.src, sp: p.srcPort, dst: p.dst, dp: p.dstPort, seq: p.seq, ack: p.ack, flags: p.flags, window: p.window, len: p.payloadLength, options: p.options },
      { src: '198.51.100.25', sp: 2525, dst: '198.51.100.10', dp: 36706, seq: 0xfffffff0, ack: 7, flags: TcpFlag.AE | TcpFlag.ECE | TcpFlag.ACK | TcpFlag.PSH, window: 512, len: 76, options: [{ name: 'mss', kind: 2, mss: 256 }] },
    );
    assert.equal(p.truncated, false);
    assert.equal(p.optionsIncomplete, false);
  });

  it('keeps exact lengths for a packet cut by snaplen, and marks it', () => {
    const frame = ipv4('10.0.0.1', '10.0.0.2', tcpSegment({ options: [34, 10, 1, 2, 3, 4, 5, 6, 7, 8], payload: 1000 }));
    const p = readCaptureBytes(pcapFile(LinkType.RAW, [{ timestampNs: 0n, data: frame, capturedLength: 68 }])).packets[0]!;
    assert.equal(p.truncated, true);
    assert.equal(p.payloadLength, 1000);
    assert.equal(p.optionsIncomplete, false);
    const inOptions = readCaptureBytes(pcapFile(LinkType.RAW, [{ timestampNs: 0n, data: frame, capturedLength: 44 }])).packets[0]!;
    assert.equal(inOptions.optionsIncomplete, true);
    assert.deepEqual(inOptions.options, []);
  });

  it('skips a frame cut before the 20 fixed TCP bytes and one with a bad data offset', () => {
    const frame = ipv4('10.0.0.1', '10.0.0.2', tcpSegment());
    const badOffset = Buffer.from(frame);
    badOffset[32] = 0x40;
    const { packets } = readCaptureBytes(pcapFile(LinkType.RAW, [
      { timestampNs: 0n, data: frame, capturedLength: 30 },
      { timestampNs: 0n, data: badOffset },
      { timestampNs: 0n, data: frame },
    ]));
    assert.deepEqual(packets.map((p) => p.frame), [3], 'frame numbers still count the skipped records');
  });
});
