// The tcpdump command line for a run's capture, as argv. tcpdump joins the words after its
// options into one filter expression, so each word is its own element and nothing is quoted.
import { defaultPorts } from '../../../language-server/src/catalogue/catalogue';

/** PORT_N … PORT_D4: the default block 1223–1228, or `-PORTBASE N` … N+5 (reference §4). */
export function testPorts(portbase?: number): number[] {
  const base = Math.min(...Object.values(defaultPorts));
  return Object.values(defaultPorts)
    .sort((a, b) => a - b)
    .map((port) => port - base + (portbase ?? base));
}

/** `tcp and ( port 1223 or port 1224 … )`, and the user's extra filter when there is one. */
export function captureFilter(ports: readonly number[], extraFilter = ''): string[] {
  const portWords = ports.flatMap((port, i) => (i === 0 ? ['port', String(port)] : ['or', 'port', String(port)]));
  const words = ['tcp', 'and', '(', ...portWords, ')'];
  return extraFilter.trim() === '' ? words : [...words, 'and', '(', extraFilter.trim(), ')'];
}

export interface TcpdumpRequest {
  iface: string;
  file: string;
  filter: readonly string[];
  /** tcpdump drops root privileges to this user before it opens the file (-Z). */
  user: string;
}

/**
 * tcpdump 4.99 writes pcap only (there is no pcapng option): nanosecond pcap via
 * --time-stamp-precision=nano, whole packets (-s 0), no name lookups (-n). A stop must lose
 * nothing: --immediate-mode hands each packet over as it comes (without it, TPACKET_V3 holds
 * packets in blocks, and those still waiting at SIGINT are "received by filter" but never
 * written), and -U writes each one out at once.
 */
export function tcpdumpArgs(request: TcpdumpRequest): string[] {
  return ['-i', request.iface, '-n', '--immediate-mode', '-U', '-s', '0', '--time-stamp-precision=nano', '-Z', request.user, '-w', request.file, ...request.filter];
}
