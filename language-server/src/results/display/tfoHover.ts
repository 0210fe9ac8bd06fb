/** The hover on an exim line after a run: the exact log lines and the packet facts. */
import type { CommandResult } from '../correlation/correlateRun';
import type { TfoDisagreement } from '../correlation/compareExpected';
import { TFO_VERDICT_LABELS } from '../tfo/connectionFacts';

export function tfoHoverMarkdown(result: CommandResult, disagreements: TfoDisagreement[]): string {
  const out: string[] = ['**Run results**', ''];
  for (const message of result.messages) {
    out.push(`Message \`${message.messageId}\` (matched by ${message.matchedBy}):`, '', '```text', message.submission.line);
    for (const d of message.deliveries) {
      out.push(d.followed.delivery.line);
      if (d.followed.reception) out.push(`server: ${d.followed.reception.line}`);
    }
    out.push('```');
    for (const d of message.deliveries) {
      if (!d.followed.reception) out.push('- server reception: not matched (no `id=` in the reply and no ports logged)');
      const c = d.connection;
      if (!c) { out.push('- capture: not matched'); continue; }
      out.push(`- connection ${c.client.addr}:${c.client.port} → ${c.server.addr}:${c.server.port} (matched by ${d.connectionMatchedBy}): **${c.verdict ? TFO_VERDICT_LABELS[c.verdict] : 'unsettled'}**`,
        `  - SYN #${c.synFrame}: ${c.synTfoCookie ? `cookie \`${c.synTfoCookie}\`` : c.synTfoCookieRequest ? 'cookie request' : 'no TFO option'}, ${c.synDataBytes} data bytes`,
        `  - SYN-ACK #${c.synackFrame ?? '–'}: ${c.synackTfoCookie ? `cookie \`${c.synackTfoCookie}\`` : 'no cookie'}${c.synackAckedSynData === true ? ', acknowledged the SYN data' : c.synackAckedSynData === false ? ', did NOT acknowledge the SYN data' : ''}`,
        `  - server bytes before the 3rd ACK: ${c.serverPayloadBytesBeforeThirdAck ?? '?'}${c.firstServerPayloadToThirdAckMs != null ? ` (first payload ${c.firstServerPayloadToThirdAckMs} ms before the 3rd ACK)` : ''}`);
    }
  }
  for (const d of disagreements) {
    out.push(`- **differs from the expected log** (${d.side}): expected ${d.expected ?? 'no TFO'}, this run ${d.actual ?? 'no TFO'}`, '', '```text', `expected: ${d.expectedLine}`, `run:      ${d.actualLine}`, '```');
  }
  return out.join('\n');
}
