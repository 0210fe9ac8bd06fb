import * as assert from 'node:assert/strict';
import { decodePacket } from '../../../../language-server/src/results/capture/decodePacket';
import { decodeIpv4 } from '../../../../language-server/src/results/capture/ipv4';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { ipv4, tcpSegment } from './captureBuilder';

const record = (data: Buffer) => ({ frame: 1, timestampNs: 0n, interfaceIndex: 0, linkType: LinkType.RAW, data, originalLength: data.length, comments: [] });

describe('ipv4', () => {
  it('skips header options to reach TCP', () => {
    const routerAlert = [0x94, 0x04, 0x00, 0x00];
    const frame = ipv4('10.0.0.1', '10.0.0.2', tcpSegment({ srcPort: 5, payload: 7 }), { options: routerAlert });
    assert.equal(decodeIpv4(frame, 0)!.transportOffset, 24);
    const p = decodePacket(record(frame))!;
    assert.equal(p.srcPort, 5);
    assert.equal(p.payloadLength, 7);
  });

  it('gives TCP for the first fragment only', () => {
    const segment = tcpSegment({ payload: 100 });
    const first = ipv4('10.0.0.1', '10.0.0.2', segment.subarray(0, 48), { fragment: 0x2000 });
    const later = ipv4('10.0.0.1', '10.0.0.2', segment.subarray(48), { fragment: 6 });
    assert.equal(decodePacket(record(first))!.payloadLength, 28, 'the first fragment carries 28 of the payload bytes');
    assert.equal(decodePacket(record(later)), undefined);
  });

  it('takes the payload length from the IP total length, not from Ethernet padding', () => {
    const frame = Buffer.concat([ipv4('10.0.0.1', '10.0.0.2', tcpSegment({ flags: 0x10 })), Buffer.alloc(6)]);
    assert.equal(decodePacket(record(frame))!.payloadLength, 0);
  });

  it('treats a zero total length (TSO) as "all that was captured"', () => {
    const frame = ipv4('10.0.0.1', '10.0.0.2', tcpSegment({ payload: 3000 }));
    frame.writeUInt16BE(0, 2);
    assert.equal(decodePacket(record(frame))!.payloadLength, 3000);
  });

  it('rejects impossible headers and other protocols', () => {
    const udp = ipv4('10.0.0.1', '10.0.0.2', Buffer.alloc(8), { protocol: 17 });
    assert.equal(decodePacket(record(udp)), undefined);
    const shortIhl = ipv4('10.0.0.1', '10.0.0.2', tcpSegment());
    shortIhl[0] = 0x44;
    assert.equal(decodeIpv4(shortIhl, 0), undefined);
    assert.equal(decodeIpv4(Buffer.alloc(10), 0), undefined);
  });
});
