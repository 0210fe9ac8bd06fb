/** Link-layer header types (tcpdump.org/linktypes.html) that we can look through to IP. */
export const LinkType = {
  NULL: 0,
  ETHERNET: 1,
  RAW_DLT12: 12,
  RAW_DLT14: 14,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;

export interface NetworkLayer {
  ipVersion: 4 | 6;
  /** Where the IP header starts in the frame. */
  offset: number;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const VLAN_TAGS = new Set([0x8100, 0x88a8, 0x9100]);
const AF_INET = 2;
// AF_INET6 differs between the BSDs and macOS; all three appear in DLT_NULL captures.
const AF_INET6 = new Set([24, 28, 30]);

/** Finds the IP header inside a frame of the given link type; undefined when it carries no IP. */
export function networkLayerOf(linkType: number, frame: Buffer): NetworkLayer | undefined {
  switch (linkType) {
    case LinkType.ETHERNET: {
      let offset = 12;
      while (offset + 2 <= frame.length && VLAN_TAGS.has(frame.readUInt16BE(offset))) offset += 4;
      return offset + 2 <= frame.length ? byEtherType(frame.readUInt16BE(offset), offset + 2) : undefined;
    }
    case LinkType.LINUX_SLL:
      return frame.length >= 16 ? byEtherType(frame.readUInt16BE(14), 16) : undefined;
    case LinkType.LINUX_SLL2:
      return frame.length >= 20 ? byEtherType(frame.readUInt16BE(0), 20) : undefined;
    case LinkType.NULL: {
      if (frame.length < 4) return undefined;
      // The family is in the byte order of the capturing host, which the file does not record.
      const little = frame.readUInt32LE(0);
      return byAddressFamily(little > 0xffff ? frame.readUInt32BE(0) : little);
    }
    case LinkType.LOOP:
      return frame.length >= 4 ? byAddressFamily(frame.readUInt32BE(0)) : undefined;
    case LinkType.RAW:
    case LinkType.RAW_DLT12:
    case LinkType.RAW_DLT14: {
      const version = frame.length > 0 ? frame[0]! >> 4 : 0;
      return version === 4 || version === 6 ? { ipVersion: version, offset: 0 } : undefined;
    }
    case LinkType.IPV4:
      return { ipVersion: 4, offset: 0 };
    case LinkType.IPV6:
      return { ipVersion: 6, offset: 0 };
    default:
      return undefined;
  }
}

function byEtherType(etherType: number, offset: number): NetworkLayer | undefined {
  if (etherType === ETHERTYPE_IPV4) return { ipVersion: 4, offset };
  if (etherType === ETHERTYPE_IPV6) return { ipVersion: 6, offset };
  return undefined;
}

function byAddressFamily(family: number): NetworkLayer | undefined {
  if (family === AF_INET) return { ipVersion: 4, offset: 4 };
  if (AF_INET6.has(family)) return { ipVersion: 6, offset: 4 };
  return undefined;
}
