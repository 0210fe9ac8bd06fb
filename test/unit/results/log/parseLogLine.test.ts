import * as assert from 'node:assert/strict';
import { parseLogLine } from '../../../../language-server/src/results/log/parseLogLine';
import { splitLogLines } from '../../../../language-server/src/results/log/mainLog';
import { listShared, readSharedText } from './sharedData';

describe('parseLogLine', () => {
  it('reads a munged delivery line', () => {
    const entry = parseLogLine(
      '2017-07-30 18:51:05.712 10HmaZ-000000005vi-0000 => with_cookie@test.ex R=client T=send_to_server ' +
        'H=ip4.ip4.ip4.ip4 [ip4.ip4.ip4.ip4] TFO C="250 OK id=10HmbA-000000005vi-0000"',
    );
    assert.equal(entry.kind, 'event');
    if (entry.kind !== 'event') return;
    assert.equal(entry.messageId, '10HmaZ-000000005vi-0000');
    assert.equal(entry.mark, '=>');
    assert.equal(entry.timestamp?.milliseconds, 712);
    assert.equal(entry.tfo, 'TFO');
    assert.equal(entry.host?.ip, 'ip4.ip4.ip4.ip4');
  });

  it('keeps lines without an event mark as "other" with their text', () => {
    const cases: Array<[string, string, string | undefined]> = [
      [
        '2026-11-24 18:59:09.568 [14926] SMTP connection from [198.51.100.10]:36706 I=[198.51.100.25]:2525 (TCP/IP connection count = 1)',
        'SMTP connection from [198.51.100.10]:36706 I=[198.51.100.25]:2525 (TCP/IP connection count = 1)',
        undefined,
      ],
      [
        '2026-11-24 18:59:09.389 [14954] cwd=$LAB/artefacts 8 args: /usr/sbin/exim4 -odi',
        'cwd=$LAB/artefacts 8 args: /usr/sbin/exim4 -odi',
        undefined,
      ],
      ['2017-07-30 18:51:05.712 Start queue run: pid=p1234 -qf', 'Start queue run: pid=p1234 -qf', undefined],
      [
        '2017-07-30 18:51:05.712 exim x.yz daemon started: pid=p1234, no queue runs, listening for SMTP on port PORT_D',
        'exim x.yz daemon started: pid=p1234, no queue runs, listening for SMTP on port PORT_D',
        undefined,
      ],
      [
        '1999-03-02 09:44:33 10HmaX-000000005vi-0000 pla ip4.ip4.ip4.ip4 plp PORT_D',
        'pla ip4.ip4.ip4.ip4 plp PORT_D',
        '10HmaX-000000005vi-0000',
      ],
      ['  Suggested action: either install a certificate', '  Suggested action: either install a certificate', undefined],
    ];
    for (const [line, text, messageId] of cases) {
      const entry = parseLogLine(line);
      assert.equal(entry.kind, 'other', line);
      if (entry.kind !== 'other') continue;
      assert.equal(entry.text, text);
      assert.equal(entry.messageId, messageId);
      assert.equal(entry.tfo, undefined);
    }
  });

  it('recognises TFO / TFO* on "no MAIL", "unexpected disconnection" and "lost" lines', () => {
    const cases: Array<[string, string | undefined]> = [
      ['2026-11-24 18:59:09.568 no MAIL in TFO* SMTP connection from [198.51.100.10]:1 D=0.1s C=QUIT', 'TFO*'],
      ['2026-11-24 18:59:09.568 no MAIL in TFO SMTP connection from (helo) [198.51.100.10] D=0.1s', 'TFO'],
      ['1999-03-02 09:44:33 no MAIL in SMTP connection from [127.0.0.1] D=qqs C=QUIT', undefined],
      ['2026-11-24 18:59:09.568 unexpected disconnection while reading SMTP command from TFO [192.0.2.1]:5 D=1s', 'TFO'],
      ['2026-11-24 18:59:09.568 SMTP connection from [192.0.2.1]:5 I=[192.0.2.2]:25 TFO lost D=1s', 'TFO'],
      ['2026-11-24 18:59:09.568 SMTP connection from [192.0.2.1]:5 lost D=1s', undefined],
    ];
    for (const [line, tfo] of cases) {
      const entry = parseLogLine(line);
      assert.equal(entry.kind, 'other', line);
      assert.equal(entry.tfo, tfo, line);
    }
  });

  it('never throws: garbage, control bytes, latin-1, lone marks, very long lines', () => {
    const long = `2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 => a@b ${'H=x [1.2.3.4] C="'.repeat(20_000)}`;
    const lines = [
      '',
      ' ',
      '\u0000\u0001\u00ff\u00e9t\u00e9',
      '2017-07-30 18:51:05.712',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 =>',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 <= ',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 ** :',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 => a H=',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 => a H=( ((( [',
      '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 <= a H=x (y [z] for',
      '2017-07-30 18:51:05.712 [',
      '2017-07-30 18:51:05.712 []',
      '2017-07-30 18:51:05.712 [/] 10HmaX-000000005vi-0000 Completed',
      `2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 <= caf\u00e9@exampl\u00e9 T="\u00e9\\"" for x`,
      long,
      'x'.repeat(1_000_000),
    ];
    for (const line of lines) {
      const entry = parseLogLine(line);
      assert.equal(entry.line, line);
    }
  });

  it('never throws on random lines built from log-like pieces', () => {
    const pieces = ['=>', '<=', 'H=', '(', ')', '[', ']', ':', ': ', '"', '\\', 'TFO', 'TFO*', 'I=[1.2.3.4]:5', 'for', ' ', 'C="', 'L*', '<', '>'];
    let seed = 12345;
    const random = (limit: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % limit;
    };
    for (let round = 0; round < 2000; round++) {
      let line = '2017-07-30 18:51:05.712 10HmaX-000000005vi-0000 ';
      const count = random(30);
      for (let index = 0; index < count; index++) line += pieces[random(pieces.length)];
      const entry = parseLogLine(line);
      assert.equal(entry.line, line);
    }
  });
});

// Every expected log of Exim's test suite, line by line: nothing throws, every TFO element
// written as an element (outside quoted values) is recognised, and none is invented.

function withoutQuotedValues(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

/** The `TFO`/`TFO*` element written on the line, found the simple way, for comparison. */
function tfoWrittenOn(line: string): string | undefined {
  return / (TFO\*?)(?= |$)/.exec(withoutQuotedValues(line))?.[1];
}

describe('every line of the corpus logs', () => {
  it('parses without throwing, and TFO elements are recognised exactly where written', () => {
    const files = listShared('corpus/exim-test/log');
    assert.ok(files.length > 800, `expected the whole corpus, found ${files.length} files`);
    let lines = 0;
    const tfoLines: string[] = [];
    for (const file of files) {
      for (const line of splitLogLines(readSharedText(`corpus/exim-test/log/${file}`))) {
        lines++;
        const entry = parseLogLine(line);
        const written = tfoWrittenOn(line);
        assert.equal(entry.tfo, written, `log/${file}: ${line}`);
        if (written) tfoLines.push(`${file} ${written}`);
      }
    }
    assert.ok(lines > 17_000, `read ${lines} lines`);
    // 6 `TFO` and 23 `TFO*` elements, all in the eight TFO tests.
    assert.equal(tfoLines.length, 29);
    assert.equal(tfoLines.filter((line) => line.endsWith(' TFO')).length, 6);
    assert.deepEqual(
      [...new Set(tfoLines.map((line) => line.split(' ')[0]))],
      ['1090', '1091', '1188', '1189', '4027', '4058', '4068', '4069'],
    );
  });
});
