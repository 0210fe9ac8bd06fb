import * as assert from 'node:assert/strict';
import {
  decodeLogBytes,
  readMainLog,
  readMainLogText,
  type MainLogEntry,
} from '../../../../language-server/src/results/log/mainLog';
import { listShared, readSharedText } from './sharedData';

/** One line per place a TFO element can stand: remote deliveries and remote receptions. */
function tfoSummary(entries: readonly MainLogEntry[]): string[] {
  return entries
    .filter((entry) => entry.kind === 'event' && entry.host?.ip !== undefined && ['<=', '=>', '->'].includes(entry.mark))
    .map((entry) => {
      if (entry.kind !== 'event') return '';
      const who = entry.mark === '<=' ? entry.recipients?.join(',') ?? '' : entry.address;
      return `${entry.side} ${entry.messageId.slice(0, 6)} ${entry.mark} ${who} ${entry.tfo ?? '-'}`;
    });
}

// The "Expected TFO elements" table of the reference, §7, line by line.
const expectedTfoByTest: Record<string, string[]> = {
  '1090': [
    'client 10HmaX => no_cookie@test.ex -',
    'client 10HmaZ => with_cookie@test.ex TFO',
    'server 10HmaY <= no_cookie@test.ex -',
    'server 10HmbA <= with_cookie@test.ex -',
  ],
  '1091': [
    'client 10HmaX => ncookie@test.ex -',
    'client 10HmaZ => hazcookie@test.ex TFO*',
    'server 10HmaY <=  -',
    'server 10HmbA <=  TFO*',
  ],
  '1188': [
    'client 10HmaX => CALLER@test.ex -',
    'client 10HmaY => CALLER@test.ex TFO',
    'client 10HmaY -> xyz@test.ex TFO',
    'client 10HmaY => abcd@test.ex -',
    'server 10HmaZ <= CALLER@test.ex -',
    'server 10HmbA <= CALLER@test.ex,xyz@test.ex TFO',
    'server 10HmbB <= abcd@test.ex -',
  ],
  '1189': [
    'client 10HmaX => no_cookie@test.ex -',
    'client 10HmaY => with_cookie@test.ex TFO*',
    'client 10HmaY -> xyz@test.ex TFO*',
    'client 10HmaY => ipv4@test.ex -',
    'server 10HmaZ <= no_cookie@test.ex -',
    'server 10HmbA <= with_cookie@test.ex,xyz@test.ex TFO*',
    'server 10HmbB <= ipv4@test.ex -',
  ],
  '4027': [
    'client 10HmaX => user_tfo@test.ex TFO*',
    'client 10HmaY => user_tfo@test.ex -',
    'client 10HmaZ => user_tfo@test.ex TFO*',
  ],
  '4058': [
    'client 10HmaX => nocache@test.ex -',
    'client 10HmaZ => hascache@test.ex TFO*',
    'client 10HmbB => nocache@test.ex TFO',
    'client 10HmbD => chunking@test.ex TFO*',
    'server 10HmaY <= nocache@test.ex -',
    'server 10HmbA <= hascache@test.ex TFO*',
    'server 10HmbC <= nocache@test.ex TFO',
    'server 10HmbE <= chunking@test.ex TFO*',
  ],
  '4068': [
    'client 10HmaX => a@test.ex -',
    'client 10HmaZ => b@test.ex TFO*',
    'client 10HmbB => wrongcache@test.ex TFO*',
    'client 10HmbD => chunking@test.ex TFO*',
    'server 10HmaY <= a@test.ex -',
    'server 10HmbA <= b@test.ex TFO*',
    'server 10HmbC <= wrongcache@test.ex TFO*',
    'server 10HmbE <= chunking@test.ex TFO*',
  ],
};
expectedTfoByTest['4069'] = expectedTfoByTest['4068'];

describe('mainLog', () => {
  it('marks entries after the SERVER separator as server side, skipping blank lines', () => {
    const entries = readMainLogText(
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 Completed\r\n\r\n******** SERVER ********\r\n' +
        '2017-07-30 18:51:05.712 10HmaY-000000005vi-0000 Completed\r\n',
    );
    assert.deepEqual(
      entries.map((entry) => [entry.side, entry.lineNumber, entry.kind]),
      [
        ['client', 1, 'event'],
        ['server', 4, 'event'],
      ],
    );
  });

  it('reads async line sources, with the side of a raw server log given', async () => {
    async function* lines(): AsyncGenerator<string> {
      yield '2026-11-24 18:59:09.111 [14926] exim 4.96 daemon started: pid=14926';
      yield '2026-11-24 18:59:09.802 [14959] 1xVvjR-0003tG-2V Completed QT=0.025s';
    }
    const entries: MainLogEntry[] = [];
    for await (const entry of readMainLog(lines(), { side: 'server' })) entries.push(entry);
    assert.deepEqual(
      entries.map((entry) => `${entry.side} ${entry.lineNumber} ${entry.kind}`),
      ['server 1 other', 'server 2 event'],
    );
  });

  it('decodes UTF-8, and falls back to latin-1 for other bytes', () => {
    assert.equal(decodeLogBytes(new Uint8Array([0x63, 0x61, 0x66, 0xc3, 0xa9])), 'café');
    assert.equal(decodeLogBytes(new Uint8Array([0x63, 0x61, 0x66, 0xe9])), 'café');
  });

  for (const [test, expected] of Object.entries(expectedTfoByTest)) {
    it(`finds the TFO elements of the reference's §7 table in log/${test}`, () => {
      assert.deepEqual(tfoSummary(readMainLogText(readSharedText(`corpus/exim-test/log/${test}`))), expected);
    });
  }

  it('finds the TFO elements in the munged logs of the real runtest runs', () => {
    const runs = listShared('runtest-real/runs');
    assert.ok(runs.length >= 4, 'runtest-real/runs holds the four runs of 1090');
    for (const run of runs) {
      const summary = tfoSummary(readMainLogText(readSharedText(`runtest-real/runs/${run}/test-mainlog-munged`)));
      // Only the HTB-delay experiment got the delay test 1090 needs; it matches log/1090.
      const expected =
        run === '1090-htb-delay-experiment'
          ? expectedTfoByTest['1090']
          : expectedTfoByTest['1090'].map((line) => line.replace(/ TFO\*?$/, ' -'));
      assert.deepEqual(summary, expected, run);
    }
  });

  it('finds the TFO elements of the lab runs on each side (runs named by their recipients)', () => {
    const client = readMainLogText(readSharedText('tfo-lab/logs/exim-client-mainlog'));
    const server = readMainLogText(readSharedText('tfo-lab/logs/exim-server-mainlog'), { side: 'server' });
    const byRun = (entries: readonly MainLogEntry[], mark: '=>' | '<='): string[] =>
      entries.flatMap((entry) =>
        entry.kind === 'event' && entry.mark === mark && entry.host
          ? [`${(mark === '=>' ? entry.address : entry.recipients?.[0])?.split('@')[0]} ${entry.tfo ?? '-'}`]
          : [],
      );
    assert.deepEqual(byRun(client, '=>'), ['run1 -', 'run2 TFO', 'run3a TFO', 'run3b -', 'run4a -', 'run4b -', 'run5a -', 'run5b -']);
    assert.deepEqual(byRun(server, '<='), [
      'run1 -',
      'run2 TFO',
      'run3a TFO',
      'run3b TFO*',
      'run4a -',
      'run4b TFO*',
      'run5a -',
      'run5b -',
    ]);
  });

  it('reads the raw client and server logs of a real run, one side each', () => {
    const dir = 'runtest-real/runs/1090-htb-delay-experiment/spool/log';
    const client = readMainLogText(readSharedText(`${dir}/mainlog`));
    const server = readMainLogText(readSharedText(`${dir}/servermainlog`), { side: 'server' });
    assert.deepEqual(tfoSummary([...client, ...server]), [
      'client 1xVwTu => no_cookie@test.ex -',
      'client 1xVwTy => with_cookie@test.ex TFO',
      'server 1xVwTv <= no_cookie@test.ex -',
      'server 1xVwTz <= with_cookie@test.ex -',
    ]);
  });
});
