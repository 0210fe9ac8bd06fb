/**
 * A ladder diagram of one TCP connection: client on the left, server on the right, one arrow a
 * packet, with flags, TFO option, payload and the time since the SYN. Plain SVG, no scripts.
 */
import { TcpFlag, type Packet } from '../capture/packet';
import type { ConnectionFacts } from '../tfo/connectionFacts';

const WIDTH = 760;
const ROW = 34;
const LEFT = 150;
const RIGHT = WIDTH - 150;

export function connectionPackets(packets: Iterable<Packet>, facts: ConnectionFacts, limit = 40): Packet[] {
  const out: Packet[] = [];
  for (const p of packets) {
    if (p.frame < facts.synFrame) continue;
    const forward = p.src === facts.client.addr && p.srcPort === facts.client.port && p.dst === facts.server.addr && p.dstPort === facts.server.port;
    const back = p.dst === facts.client.addr && p.dstPort === facts.client.port && p.src === facts.server.addr && p.srcPort === facts.server.port;
    if (forward || back) out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

export function ladderSvg(facts: ConnectionFacts, packets: Packet[]): string {
  const start = packets[0]?.timestampNs ?? null;
  const height = 70 + packets.length * ROW + 20;
  const rows = packets.map((p, i) => {
    const y = 70 + i * ROW;
    const fromClient = p.src === facts.client.addr && p.srcPort === facts.client.port;
    const [x1, x2] = fromClient ? [LEFT, RIGHT] : [RIGHT, LEFT];
    const ms = start !== null && p.timestampNs !== null ? `${(Number(p.timestampNs - start) / 1e6).toFixed(1)} ms` : '';
    const label = escapeXml(packetLabel(p, facts));
    const highlight = p.frame === facts.thirdAckFrame ? '#c80' : (p.flags & TcpFlag.SYN) !== 0 ? '#06c' : p.payloadLength > 0 ? '#393' : '#666';
    return `<g><text x="8" y="${y + 4}" font-size="11" fill="#888">#${p.frame} ${ms}</text>`
      + `<line x1="${x1}" y1="${y - 8}" x2="${x2}" y2="${y + 8}" stroke="${highlight}" stroke-width="1.6" marker-end="url(#arrow)"/>`
      + `<text x="${(LEFT + RIGHT) / 2}" y="${y - 4}" font-size="12" text-anchor="middle" fill="${highlight}">${label}</text></g>`;
  }).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100%" style="max-width:${WIDTH}px" viewBox="0 0 ${WIDTH} ${height}" font-family="monospace">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker></defs>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${LEFT}" y="24" font-size="13" text-anchor="middle">client ${escapeXml(`${facts.client.addr}:${facts.client.port}`)}</text>
<text x="${RIGHT}" y="24" font-size="13" text-anchor="middle">server ${escapeXml(`${facts.server.addr}:${facts.server.port}`)}</text>
<line x1="${LEFT}" y1="34" x2="${LEFT}" y2="${height - 10}" stroke="#999"/>
<line x1="${RIGHT}" y1="34" x2="${RIGHT}" y2="${height - 10}" stroke="#999"/>
${rows}
</svg>`;
}

function packetLabel(p: Packet, facts: ConnectionFacts): string {
  const flags = ['SYN', 'ACK', 'PSH', 'FIN', 'RST'].filter((f) => (p.flags & TcpFlag[f as keyof typeof TcpFlag]) !== 0).join(',');
  const words = [flags];
  const tfo = p.options.find((o) => o.name === 'fastOpen');
  if (tfo && tfo.name === 'fastOpen') words.push(tfo.cookie ? `TFO cookie ${tfo.cookie.slice(0, 8)}…` : 'TFO cookie request');
  if (p.payloadLength > 0) words.push(`${p.payloadLength} B`);
  if (p.frame === facts.thirdAckFrame) words.push('(3rd ACK)');
  return words.join(' ');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
