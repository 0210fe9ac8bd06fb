import { IPPROTO_TCP, IpLayer } from './ipLayer';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { networkLayerOf } from './linkLayer';
import { CaptureRecord, Packet } from './packet';
import { decodeTcp } from './tcp';

/**
 * The TCP segment in a captured frame, or undefined for anything else: other protocols, unknown
 * link types, IP fragments after the first, and frames cut by snaplen before the TCP header ends.
 */
export function decodePacket(record: CaptureRecord): Packet | undefined {
  const network = networkLayerOf(record.linkType, record.data);
  if (!network) return undefined;
  const ip: IpLayer | undefined = network.ipVersion === 4
    ? decodeIpv4(record.data, network.offset)
    : decodeIpv6(record.data, network.offset);
  if (!ip || ip.protocol !== IPPROTO_TCP || ip.laterFragment) return undefined;
  return decodeTcp(record, ip, network.ipVersion);
}
