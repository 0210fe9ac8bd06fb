// The body of a message line after its event mark: the address part (deliver.c
// `string_log_address`), then elements in any order, then, on failures and deferrals, free text
// after `: `.

import type { EventMark, LogField, MessageEventEntry, PipeliningElement } from './logEntry';
import { findColonOutsideQuotes, splitLogTokens, unquoteLogValue, type LineToken } from './lineTokens';
import { parseBracketedAddress, parseHostElement, readParenthesised, toIpAndPort } from './hostFields';

export type MessageEventBody = Omit<MessageEventEntry, 'kind' | 'line' | 'timestamp' | 'pid' | 'pidDetail' | 'messageId' | 'mark'>;

const eventMarks: readonly EventMark[] = ['<=', '=>', '->', '>>', '*>', '**', '==', 'Completed'];

/** The event mark at the start of `text` (followed by a space or the end), if any. */
export function readEventMark(text: string): EventMark | undefined {
  return eventMarks.find((mark) => text.startsWith(mark) && (text.length === mark.length || text[mark.length] === ' '));
}

const fieldPattern = /^([A-Za-z][A-Za-z0-9_-]*\*?)=(.*)$/;

export function parseMessageEventBody(mark: EventMark, body: string): MessageEventBody {
  const event: MessageEventBody = { fields: [], unparsed: [] };
  const reception = mark === '<=';
  const { structured, errorText } = splitErrorText(mark, body);
  if (errorText !== undefined) event.errorText = errorText;

  const tokens = splitLogTokens(structured);
  let index = mark === 'Completed' ? 0 : readAddressPart(tokens, reception, event);
  let dnssecBeforeHost = false;

  for (; index < tokens.length; index++) {
    const text = tokens[index].text;
    if (reception && text === 'for') {
      event.recipients = tokens.slice(index + 1).map((token) => token.text);
      break;
    }
    if (reception && text === 'from' && tokens[index + 1]?.text.startsWith('<')) {
      event.envelopeFrom = stripAngles(tokens[++index].text);
      continue;
    }
    if (text.startsWith('H=')) {
      const { host, tokenCount } = parseHostElement(tokens, index, structured);
      if (dnssecBeforeHost) host.dnssec = true;
      event.host ??= host;
      event.fields.push({ name: 'H', value: host.text, text: `H=${host.text}` });
      index += tokenCount - 1;
      continue;
    }
    if (readFlag(text, event)) {
      if (text === 'DS') dnssecBeforeHost = true;
      continue;
    }
    const field = fieldPattern.exec(text);
    if (field) {
      const parsed: LogField = { name: field[1], value: unquoteLogValue(field[2]), text };
      event.fields.push(parsed);
      applyField(parsed, reception, event);
      continue;
    }
    event.unparsed.push(text);
  }
  return event;
}

// `==`/`**` lines end in `: reason`; so do some `=>` lines (`=> blackhole (… ACL …): text`).
// The search starts after the address, which may itself be `:blackhole:` or `user@host:`.
function splitErrorText(mark: EventMark, body: string): { structured: string; errorText?: string } {
  if (mark === '<=' || mark === 'Completed') return { structured: body };
  const firstToken = splitLogTokens(body)[0];
  if (!firstToken) return { structured: body };
  const tokenEnd = firstToken.start + firstToken.text.length;
  const addressEndsInColon = firstToken.text.endsWith(':') && !firstToken.text.startsWith(':');
  const colon = findColonOutsideQuotes(body, addressEndsInColon ? tokenEnd - 1 : tokenEnd);
  if (colon < 0) return { structured: body };
  return { structured: body.slice(0, colon), errorText: body.slice(colon + 1).trim() };
}

function readAddressPart(tokens: readonly LineToken[], reception: boolean, event: MessageEventBody): number {
  if (tokens.length === 0) return 0;
  event.address = tokens[0].text;
  let index = 1;
  if (!reception && tokens[index]?.text.startsWith('(')) {
    const parents = readParenthesised(tokens, index);
    event.parents = parents.text.split(', ');
    index = parents.last + 1;
  }
  const next = tokens[index]?.text;
  if (!reception && next !== undefined && next.length >= 2 && next.startsWith('<') && next.endsWith('>')) {
    event.originalAddress = stripAngles(next);
    index++;
  }
  return index;
}

function readFlag(text: string, event: MessageEventBody): boolean {
  if (text === 'TFO' || text === 'TFO*') {
    event.tfo ??= text;
    return true;
  }
  if (isPipeliningElement(text)) {
    event.pipelining = text;
    return true;
  }
  if (text === 'K') {
    event.chunking = true;
    return true;
  }
  if (text === 'PRDR') {
    event.prdr = true;
    return true;
  }
  return text === 'DS';
}

const pipeliningElements: readonly string[] = ['L', 'L.', 'L*', 'L-', 'L.-', 'L*-'];

function isPipeliningElement(text: string): text is PipeliningElement {
  return pipeliningElements.includes(text);
}

function applyField(field: LogField, reception: boolean, event: MessageEventBody): void {
  const value = field.value;
  switch (field.name) {
    case 'I':
    case 'PRX': {
      const address = parseBracketedAddress(value);
      if (!address) break;
      if (field.name === 'I') event.interfaceAddress = toIpAndPort(address);
      else event.proxyAddress = toIpAndPort(address);
      break;
    }
    case 'P':
      if (reception) event.protocol = value;
      else event.returnPath = stripAngles(value);
      break;
    case 'R':
      if (reception) event.bounceOf = value;
      else event.router = value;
      break;
    case 'T':
      if (reception) event.subject = value;
      else event.transport = value;
      break;
    case 'F':
      event.envelopeFrom = stripAngles(value);
      break;
    case 'S':
      event.size = value;
      break;
    case 'id':
    case 'id*':
      event.headerId = value;
      break;
    case 'U':
      event.user = value;
      break;
    case 'X':
      event.tls = value;
      break;
    case 'C':
      event.confirmation = value;
      break;
  }
}

function stripAngles(text: string): string {
  return text.length >= 2 && text.startsWith('<') && text.endsWith('>') ? text.slice(1, -1) : text;
}
