import { IpLayer } from './ipLayer';
import { ipv4String } from './ipv4';

const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTHENTICATION = 51;
const DESTINATION_OPTIONS = 60;
const MOBILITY = 135;

/** Decodes the IPv6 header at `at` and walks its extension headers to the transport header. */
export function decodeIpv6(frame: Buffer, at: number): IpLayer | undefined {
  if (frame.length < at + 40 || frame[at]! >> 4 !== 6) return undefined;
  const payloadLength = frame.readUInt16BE(at + 4);
  let next = frame[at + 6]!;
  let offset = at + 40;
  // 0 means a jumbogram or a TSO super-packet: only the captured bytes can tell the length.
  let remaining = payloadLength === 0 ? frame.length - offset : payloadLength;
  let laterFragment = false;
  for (;;) {
    let length: number;
    if (next === HOP_BY_HOP || next === ROUTING || next === DESTINATION_OPTIONS || next === MOBILITY) {
      if (offset + 2 > frame.length) return undefined;
      length = (frame[offset + 1]! + 1) * 8;
    } else if (next === AUTHENTICATION) {
      if (offset + 2 > frame.length) return undefined;
      length = (frame[offset + 1]! + 2) * 4;
    } else if (next === FRAGMENT) {
      if (offset + 8 > frame.length) return undefined;
      length = 8;
      laterFragment = frame.readUInt16BE(offset + 2) >> 3 !== 0;
    } else {
      break;
    }
    next = frame[offset]!;
    offset += length;
    remaining -= length;
    if (laterFragment) break;
  }
  if (remaining < 0) return undefined;
  return {
    src: ipv6String(frame, at + 8),
    dst: ipv6String(frame, at + 24),
    protocol: next,
    transportOffset: offset,
    transportLength: remaining,
    laterFragment,
  };
}

/**
 * An IPv6 address as tshark prints it (BSD/glibc inet_ntop): the longest run of two or more zero
 * groups becomes "::" (the first on a tie), and IPv4-mapped or -compatible addresses end in a dotted quad.
 */
export function ipv6String(b: Buffer, at: number): string {
  const words: number[] = [];
  for (let i = 0; i < 8; i++) words.push(b.readUInt16BE(at + 2 * i));
  let bestBase = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestBase = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestLength < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLength) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 && (bestLength === 6 || (bestLength === 5 && words[5] === 0xffff))) {
      return out + ipv4String(b, at + 12);
    }
    out += words[i]!.toString(16);
  }
  if (bestBase >= 0 && bestBase + bestLength === 8) out += ':';
  return out;
}
