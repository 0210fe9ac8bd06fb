/**
 * The words shown next to an exim line after a run: what each side logged and what the wire
 * showed, e.g. `client TFO · server TFO · cookie f69fc05b… · banner 100.5 ms before 3rd ACK`.
 */
import type { CommandResult, DeliveryResult } from '../correlation/correlateRun';
import { TFO_VERDICT_LABELS, type ConnectionFacts } from '../tfo/connectionFacts';

export function tfoHint(result: CommandResult): string | undefined {
  if (result.messages.length === 0) return 'not matched to a logged message';
  const parts = result.messages.flatMap((m) => m.deliveries).map(deliveryHint);
  if (parts.length === 0) return 'message logged, no delivery';
  return parts.join(' | ');
}

function deliveryHint(d: DeliveryResult): string {
  const client = d.followed.clientTfo;
  const server = d.followed.reception ? d.followed.serverTfo : undefined;
  const words: string[] = [];
  if (client === null && (server === null || server === undefined)) words.push('no TFO');
  else {
    words.push(`client ${client ?? 'no TFO'}`);
    if (server !== undefined) words.push(`server ${server ?? 'no TFO'}`);
  }
  if (client !== null && server === undefined) words.push('server not matched');
  if (d.connection) words.push(...wireWords(d.connection));
  return words.join(' · ');
}

export function wireWords(c: ConnectionFacts): string[] {
  const words: string[] = [];
  if (c.synTfoCookie) words.push(`cookie ${c.synTfoCookie.slice(0, 8)}…`);
  else if (c.synTfoCookieRequest) words.push('cookie requested');
  if (c.synDataBytes > 0) words.push(`${c.synDataBytes} B on SYN${c.synackAckedSynData ? ' (acked)' : c.synackAckedSynData === false ? ' (not acked)' : ''}`);
  if (c.serverPayloadBeforeThirdAck && c.firstServerPayloadToThirdAckMs != null) words.push(`banner ${c.firstServerPayloadToThirdAckMs} ms before 3rd ACK`);
  if (c.synRetransmittedWithoutTfo) words.push(TFO_VERDICT_LABELS['syn-retransmitted-without-tfo']);
  return words;
}
