// The fixed start of an Exim log line: timestamp, optional timezone, optional `[pid]`,
// optional message id (log.c `log_write`: tod_stamp, "[%ld] ", message_id).

import type { LogTimestamp } from './logEntry';

export interface LinePrefix {
  timestamp?: LogTimestamp;
  pid?: string;
  pidDetail?: string;
  messageId?: string;
  /** The rest of the line after the prefix. */
  rest: string;
}

// Old ids are 6-6-2 base-62 characters (`1xVvjR-0003tG-2V`, munged `10HmaX-0005vi-00`);
// Exim 4.97 widened them to 6-11-4 (`1xVwTu-000000003F3-3xNu`, munged `10HmaX-000000005vi-0000`).
const MESSAGE_ID = '[0-9A-Za-z]{6}-(?:[0-9A-Za-z]{11}-[0-9A-Za-z]{4}|[0-9A-Za-z]{6}-[0-9A-Za-z]{2})';

const timestampPattern = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{3}))?(?: ([+-]\d{4}))?(?= |$)/;
const pidPattern = /^\[([^\]\s/]+)(?:\/([^\]\s]*))?\](?= |$)/;
const leadingMessageIdPattern = new RegExp(`^(${MESSAGE_ID})(?= |$)`);
const wholeMessageIdPattern = new RegExp(`^${MESSAGE_ID}$`);
const embeddedMessageIdPattern = new RegExp(`(?<![0-9A-Za-z-])${MESSAGE_ID}(?![0-9A-Za-z-])`);

export function isMessageId(text: string): boolean {
  return wholeMessageIdPattern.test(text);
}

/** The first message id inside a longer text, e.g. the `id=…` of an SMTP `250` reply. */
export function findMessageId(text: string): string | undefined {
  return embeddedMessageIdPattern.exec(text)?.[0];
}

export function splitLinePrefix(line: string): LinePrefix {
  const prefix: LinePrefix = { rest: line };
  let rest = line;

  const stamp = timestampPattern.exec(rest);
  if (!stamp) return prefix;
  prefix.timestamp = {
    date: stamp[1],
    time: stamp[2],
    ...(stamp[3] !== undefined ? { milliseconds: Number(stamp[3]) } : {}),
    ...(stamp[4] !== undefined ? { timezone: stamp[4] } : {}),
    text: stamp[0],
  };
  rest = rest.slice(stamp[0].length + 1);

  const pid = pidPattern.exec(rest);
  if (pid) {
    prefix.pid = pid[1];
    if (pid[2] !== undefined) prefix.pidDetail = pid[2];
    rest = rest.slice(pid[0].length + 1);
  }

  const messageId = leadingMessageIdPattern.exec(rest);
  if (messageId) {
    prefix.messageId = messageId[1];
    rest = rest.slice(messageId[0].length + 1);
  }

  prefix.rest = rest;
  return prefix;
}
