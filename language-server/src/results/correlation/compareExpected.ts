/**
 * Where the run's TFO elements differ from the test's expected log (log/NNNN): deliveries and
 * receptions are paired in log order, per side, and only when their addresses agree.
 */
import type { MessageEventEntry, TfoElement } from '../log/logEntry';
import type { MainLogEntry } from '../log/mainLog';
import { addressMatches } from './scriptMessages';

export interface TfoDisagreement {
  side: 'client' | 'server';
  /** The address of the delivery (client) or the sender of the reception (server). */
  address: string;
  expected: TfoElement | null;
  actual: TfoElement | null;
  expectedLine: string;
  actualLine: string;
  /** The run's message id of the delivery (client side), to find its command. */
  messageId: string;
}

const isDelivery = (e: MainLogEntry): e is MainLogEntry & MessageEventEntry => e.kind === 'event' && (e.mark === '=>' || e.mark === '->');
const isReception = (e: MainLogEntry): e is MainLogEntry & MessageEventEntry => e.kind === 'event' && e.mark === '<=' && e.host !== undefined;

export function compareTfoWithExpected(run: MainLogEntry[], expected: MainLogEntry[]): TfoDisagreement[] {
  const out: TfoDisagreement[] = [];
  const pairs = (side: 'client' | 'server', pick: (e: MainLogEntry) => boolean) => {
    const a = run.filter((e) => e.side === side && pick(e)) as (MainLogEntry & MessageEventEntry)[];
    const b = expected.filter((e) => e.side === side && pick(e)) as (MainLogEntry & MessageEventEntry)[];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const address = a[i].address ?? '';
      if (!addressMatches(b[i].address ?? '', address) && !addressMatches(address, b[i].address ?? '')) continue;
      const actual = a[i].tfo ?? null;
      const wanted = b[i].tfo ?? null;
      if (actual !== wanted) out.push({ side, address, expected: wanted, actual, expectedLine: b[i].line, actualLine: a[i].line, messageId: a[i].messageId });
    }
  };
  pairs('client', isDelivery);
  pairs('server', isReception);
  return out;
}
