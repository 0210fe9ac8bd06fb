// The host elements: `H=name (helo) [ip]:port` on receptions (host.c `host_build_sender_fullhost`),
// `H=name DS [ip]:port*` on deliveries (deliver.c `d_hostlog`), and `I=[ip]:port` / `PRX=[ip]:port`.

import type { IpAndPort, LoggedHost } from './logEntry';
import type { LineToken } from './lineTokens';

const bracketedAddressPattern = /^\[([^\]\s]*)\](?::([^\s*:\]]+))?(\*)?$/;

export interface BracketedAddress extends IpAndPort {
  /** A `*` followed the address: the delivery reused a connection. */
  continued: boolean;
}

/** `[198.51.100.25]:2525` → ip and port; `[ip4.ip4.ip4.ip4]:PORT_D` keeps the munged text. */
export function parseBracketedAddress(text: string): BracketedAddress | undefined {
  const match = bracketedAddressPattern.exec(text);
  if (!match) return undefined;
  return {
    ip: match[1],
    ...(match[2] !== undefined ? { port: match[2] } : {}),
    continued: match[3] !== undefined,
  };
}

export function toIpAndPort(address: BracketedAddress): IpAndPort {
  return address.port !== undefined ? { ip: address.ip, port: address.port } : { ip: address.ip };
}

export interface HostParse {
  host: LoggedHost;
  /** How many tokens, starting at the `H=` token, belong to the element. */
  tokenCount: number;
}

/**
 * Reads `H=` starting at `tokens[first]` (whose text begins with `H=`): a name, then an optional
 * `(helo)`, an optional `DS`, and an optional `[ip]:port*`. It stops at the bracketed address,
 * because after it come other elements.
 */
export function parseHostElement(tokens: readonly LineToken[], first: number, line: string): HostParse {
  const host: Partial<LoggedHost> = {};
  let index = first;
  let piece = tokens[index].text.slice(2);

  const takeAddress = (text: string): boolean => {
    const address = parseBracketedAddress(text);
    if (!address) return false;
    host.ip = address.ip;
    if (address.port !== undefined) host.port = address.port;
    if (address.continued) host.continuedConnection = true;
    return true;
  };

  let done = takeAddress(piece);
  if (!done && !piece.startsWith('(')) {
    if (piece !== '') host.name = piece;
    piece = tokens[++index]?.text ?? '';
  }
  if (!done && piece.startsWith('(')) {
    const helo = readParenthesised(tokens, index, piece);
    host.helo = helo.text;
    index = helo.last;
    piece = tokens[++index]?.text ?? '';
  }
  if (!done && piece === 'DS') {
    host.dnssec = true;
    piece = tokens[++index]?.text ?? '';
  }
  if (!done) {
    done = takeAddress(piece);
    if (!done) index--;
  }

  const last = Math.max(first, index);
  const end = tokens[last].start + tokens[last].text.length;
  const text = line.slice(tokens[first].start + 2, end);
  return { host: { ...host, text }, tokenCount: last - first + 1 };
}

/**
 * `(a b c)` spread over tokens; returns the text inside and the index of the last token.
 * `firstText` replaces the first token's text (for `H=(helo)`, the part after `H=`).
 */
export function readParenthesised(
  tokens: readonly LineToken[],
  first: number,
  firstText = tokens[first].text,
): { text: string; last: number } {
  const textAt = (index: number): string => (index === first ? firstText : tokens[index].text);
  let last = first;
  while (last < tokens.length - 1 && !textAt(last).endsWith(')')) last++;
  // An unclosed parenthesis must not swallow the rest of the line.
  if (!textAt(last).endsWith(')')) last = first;
  const joined = tokens.slice(first, last + 1).map((_, offset) => textAt(first + offset)).join(' ');
  const inner = joined.endsWith(')') ? joined.slice(1, -1) : joined.slice(1);
  return { text: inner, last };
}
