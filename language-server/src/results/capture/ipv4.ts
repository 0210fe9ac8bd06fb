import { IpLayer } from './ipLayer';

/** Decodes the IPv4 header at `at`; undefined when it is not a well-formed IPv4 header. */
export function decodeIpv4(frame: Buffer, at: number): IpLayer | undefined {
  if (frame.length < at + 20 || frame[at]! >> 4 !== 4) return undefined;
  const headerLength = (frame[at]! & 0x0f) * 4;
  if (headerLength < 20 || frame.length < at + headerLength) return undefined;
  const totalLength = frame.readUInt16BE(at + 2);
  // Linux writes 0 as the total length of TSO super-packets captured before segmentation.
  const ipLength = totalLength === 0 ? frame.length - at : totalLength;
  if (ipLength < headerLength) return undefined;
  return {
    src: ipv4String(frame, at + 12),
    dst: ipv4String(frame, at + 16),
    protocol: frame[at + 9]!,
    transportOffset: at + headerLength,
    transportLength: ipLength - headerLength,
    laterFragment: (frame.readUInt16BE(at + 6) & 0x1fff) !== 0,
  };
}

export function ipv4String(b: Buffer, at: number): string {
  return `${b[at]}.${b[at + 1]}.${b[at + 2]}.${b[at + 3]}`;
}
