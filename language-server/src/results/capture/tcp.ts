import { IpLayer } from './ipLayer';
import { CaptureRecord, Packet } from './packet';
import { readTcpOptions } from './tcpOptions';

/**
 * Decodes the TCP header the IP layer points at. Undefined when the captured bytes stop before
 * the 20 fixed bytes, or the header is impossible (data offset under 5 or beyond the IP length).
 */
export function decodeTcp(record: CaptureRecord, ip: IpLayer, ipVersion: 4 | 6): Packet | undefined {
  const b = record.data;
  const at = ip.transportOffset;
  if (b.length < at + 20) return undefined;
  const headerLength = (b[at + 12]! >> 4) * 4;
  if (headerLength < 20 || headerLength > ip.transportLength) return undefined;
  const { options, complete } = readTcpOptions(b, at + 20, at + headerLength, b.length);
  return {
    frame: record.frame,
    timestampNs: record.timestampNs,
    interfaceIndex: record.interfaceIndex,
    truncated: b.length < record.originalLength,
    ipVersion,
    src: ip.src,
    dst: ip.dst,
    srcPort: b.readUInt16BE(at),
    dstPort: b.readUInt16BE(at + 2),
    flags: b[at + 13]! | ((b[at + 12]! & 1) << 8),
    seq: b.readUInt32BE(at + 4),
    ack: b.readUInt32BE(at + 8),
    window: b.readUInt16BE(at + 14),
    payloadLength: ip.transportLength - headerLength,
    options,
    optionsIncomplete: !complete,
    comments: record.comments,
  };
}
