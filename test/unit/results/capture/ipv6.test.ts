import * as assert from 'node:assert/strict';
import { decodePacket } from '../../../../language-server/src/results/capture/decodePacket';
import { ipv6String } from '../../../../language-server/src/results/capture/ipv6';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { ipv6, ipv6Bytes, tcpSegment } from './captureBuilder';

const record = (data: Buffer) => ({ frame: 1, timestampNs: 0n, interfaceIndex: 0, linkType: LinkType.RAW, data, originalLength: data.length, comments: [] });
const hopByHop = { type: 0, body: Buffer.from([1, 4, 0, 0, 0, 0]) };
const routing = { type: 43, body: Buffer.concat([Buffer.from([0, 1, 0, 0, 0, 0]), ipv6Bytes('2001:db8::99')]) };
const destination = { type: 60, body: Buffer.from([1, 12, ...new Array(12).fill(0)]) };
const authentication = { type: 51, body: Buffer.concat([Buffer.alloc(10), Buffer.alloc(12, 0xab)]) };
const fragment = (offsetUnits: number, more: boolean) => ({ type: 44, body: Buffer.from([(offsetUnits >> 5) & 0xff, ((offsetUnits << 3) & 0xf8) | (more ? 1 : 0), 0, 0, 0, 42]) });

describe('ipv6', () => {
  it('walks hop-by-hop, routing, destination options and AH headers to TCP', () => {
    const frame = ipv6('2001:db8::1', '2001:db8::2', tcpSegment({ srcPort: 7, payload: 11 }), [hopByHop, routing, destination, authentication]);
    const p = decodePacket(record(frame))!;
    assert.equal(p.srcPort, 7);
    assert.equal(p.payloadLength, 11, 'payload length excludes the extension headers');
  });

  it('gives TCP for the first fragment only', () => {
    const segment = tcpSegment({ payload: 40 });
    const first = ipv6('2001:db8::1', '2001:db8::2', segment.subarray(0, 32), [destination, fragment(0, true)]);
    const later = ipv6('2001:db8::1', '2001:db8::2', segment.subarray(32), [fragment(4, false)]);
    assert.equal(decodePacket(record(first))!.payloadLength, 12);
    assert.equal(decodePacket(record(later)), undefined);
  });

  it('stops at a header it cannot see past', () => {
    const esp = ipv6('2001:db8::1', '2001:db8::2', Buffer.alloc(24), [], 50);
    assert.equal(decodePacket(record(esp)), undefined);
    const cut = ipv6('2001:db8::1', '2001:db8::2', tcpSegment(), [hopByHop]).subarray(0, 41);
    assert.equal(decodePacket(record(cut)), undefined);
  });

  it('prints addresses as tshark does (inet_ntop)', () => {
    const cases: Array<[string, string]> = [
      ['0:0:0:0:0:0:0:0', '::'],
      ['0:0:0:0:0:0:0:1', '::1'],
      ['2001:db8:0:0:0:0:0:1', '2001:db8::1'],
      ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
      ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
      ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
      ['fe80:0:0:0:2:ff:fe00:1', 'fe80::2:ff:fe00:1'],
      ['2001:db8:0:0:0:0:0:0', '2001:db8::'],
      ['0:0:0:0:0:ffff:c000:201', '::ffff:192.0.2.1'],
      ['0:0:0:0:0:0:c000:201', '::192.0.2.1'],
      ['ABCD:0:0:0:0:0:0:EF01', 'abcd::ef01'],
    ];
    for (const [full, printed] of cases) assert.equal(ipv6String(ipv6Bytes(full), 0), printed, full);
  });
});
