// One Exim main-log line → LogEntry. Never throws: a line it cannot read becomes an `other` entry.

import type { LogEntry, TfoElement } from './logEntry';
import { splitLinePrefix } from './linePrefix';
import { parseMessageEventBody, readEventMark } from './messageEvent';

export function parseLogLine(line: string): LogEntry {
  const prefix = splitLinePrefix(line);
  const common = {
    line,
    ...(prefix.timestamp ? { timestamp: prefix.timestamp } : {}),
    ...(prefix.pid !== undefined ? { pid: prefix.pid } : {}),
    ...(prefix.pidDetail !== undefined ? { pidDetail: prefix.pidDetail } : {}),
  };

  const mark = prefix.messageId !== undefined ? readEventMark(prefix.rest) : undefined;
  if (prefix.messageId !== undefined && mark !== undefined) {
    const body = prefix.rest.slice(mark.length + 1);
    return { kind: 'event', ...common, messageId: prefix.messageId, mark, ...parseMessageEventBody(mark, body) };
  }

  const tfo = connectionLineTfo(prefix.rest);
  return {
    kind: 'other',
    ...common,
    ...(prefix.messageId !== undefined ? { messageId: prefix.messageId } : {}),
    text: prefix.rest,
    ...(tfo ? { tfo } : {}),
  };
}

// smtp_in.c puts the element inside three connection lines:
//   "no MAIL in %sSMTP connection from …"                      (smtp_log_no_mail)
//   "unexpected disconnection while reading SMTP command from %s…"
//   "SMTP connection from … %slost…"                           (only ever "TFO ")
const connectionTfoPatterns: readonly RegExp[] = [
  /^no MAIL in (TFO\*?) SMTP connection from /,
  /^unexpected (?:disconnection|EOF) while reading SMTP command from (TFO\*?) /,
  /^SMTP connection from .*? (TFO\*?) lost(?=[ :(]|$)/,
];

function connectionLineTfo(text: string): TfoElement | undefined {
  for (const pattern of connectionTfoPatterns) {
    const match = pattern.exec(text);
    if (match && (match[1] === 'TFO' || match[1] === 'TFO*')) return match[1];
  }
  return undefined;
}
