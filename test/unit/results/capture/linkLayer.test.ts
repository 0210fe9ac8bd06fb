import * as assert from 'node:assert/strict';
import { LinkType, networkLayerOf } from '../../../../language-server/src/results/capture/linkLayer';
import { readCaptureBytes } from '../../../../language-server/src/results/capture/readCapture';
import { ethernet, ipv4, ipv6, linuxSll, linuxSll2, loopback, pcapFile, tcpSegment } from './captureBuilder';

const v4 = ipv4('192.0.2.1', '192.0.2.2', tcpSegment({ srcPort: 1111, dstPort: 25 }));
const v6 = ipv6('2001:db8::1', '2001:db8::2', tcpSegment({ srcPort: 2222, dstPort: 25 }));

function onlyPacket(linkType: number, frame: Buffer) {
  const { packets, error } = readCaptureBytes(pcapFile(linkType, [{ timestampNs: 1n, data: frame }]));
  assert.equal(error, null);
  assert.equal(packets.length, 1, `one TCP packet through link type ${linkType}`);
  return packets[0]!;
}

describe('linkLayer', () => {
  const cases: Array<[string, number, Buffer, Buffer]> = [
    ['Ethernet', LinkType.ETHERNET, ethernet(v4), ethernet(v6)],
    ['Ethernet with an 802.1Q tag', LinkType.ETHERNET, ethernet(v4, [100]), ethernet(v6, [100])],
    ['Ethernet with stacked 802.1ad + 802.1Q tags', LinkType.ETHERNET, ethernet(v4, [10, 20]), ethernet(v6, [10, 20])],
    ['Linux cooked SLL', LinkType.LINUX_SLL, linuxSll(v4), linuxSll(v6)],
    ['Linux cooked SLL2', LinkType.LINUX_SLL2, linuxSll2(v4), linuxSll2(v6)],
    ['BSD null, little-endian family', LinkType.NULL, loopback(v4, 2, false), loopback(v6, 24, false)],
    ['BSD null, big-endian family', LinkType.NULL, loopback(v4, 2, true), loopback(v6, 30, true)],
    ['OpenBSD loop', LinkType.LOOP, loopback(v4, 2, true), loopback(v6, 24, true)],
    ['raw IP (101)', LinkType.RAW, v4, v6],
    ['raw IP (DLT 12)', LinkType.RAW_DLT12, v4, v6],
    ['raw IP (DLT 14)', LinkType.RAW_DLT14, v4, v6],
  ];
  for (const [name, linkType, frame4, frame6] of cases) {
    it(`finds IPv4 and IPv6 through ${name}`, () => {
      const p4 = onlyPacket(linkType, frame4);
      assert.deepEqual([p4.ipVersion, p4.src, p4.dst, p4.srcPort], [4, '192.0.2.1', '192.0.2.2', 1111]);
      const p6 = onlyPacket(linkType, frame6);
      assert.deepEqual([p6.ipVersion, p6.src, p6.dst, p6.srcPort], [6, '2001:db8::1', '2001:db8::2', 2222]);
    });
  }

  it('reads LINKTYPE_IPV4 (228) and LINKTYPE_IPV6 (229)', () => {
    assert.equal(onlyPacket(LinkType.IPV4, v4).src, '192.0.2.1');
    assert.equal(onlyPacket(LinkType.IPV6, v6).src, '2001:db8::1');
  });

  it('says there is no IP for other ethertypes, families and link types', () => {
    const arp = Buffer.concat([Buffer.alloc(12), Buffer.from([0x08, 0x06]), Buffer.alloc(28)]);
    assert.equal(networkLayerOf(LinkType.ETHERNET, arp), undefined);
    assert.equal(networkLayerOf(LinkType.NULL, loopback(v4, 7, false)), undefined);
    assert.equal(networkLayerOf(LinkType.RAW, Buffer.from([0x50, 0, 0])), undefined);
    assert.equal(networkLayerOf(105 /* 802.11 */, ethernet(v4)), undefined);
    assert.equal(networkLayerOf(LinkType.LINUX_SLL, Buffer.alloc(10)), undefined);
  });
});
