/** What the TCP decoder needs from an IPv4 or IPv6 header. */
export interface IpLayer {
  src: string;
  dst: string;
  /** Transport protocol number, after any IPv6 extension headers. */
  protocol: number;
  /** Where the transport header starts in the frame. */
  transportOffset: number;
  /** Transport header + payload bytes on the wire, from the IP length field(s). */
  transportLength: number;
  /** A fragment other than the first: it holds no transport header. */
  laterFragment: boolean;
}

export const IPPROTO_TCP = 6;
