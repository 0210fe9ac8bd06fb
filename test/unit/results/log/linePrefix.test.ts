import * as assert from 'node:assert/strict';
import { findMessageId, isMessageId, splitLinePrefix } from '../../../../language-server/src/results/log/linePrefix';

describe('linePrefix', () => {
  it('reads timestamp, milliseconds, pid and message id of a raw line', () => {
    const prefix = splitLinePrefix('2026-11-24 18:59:11.425 [14994] 1xVvjT-0003to-0D => run2@tfo-lab.example');
    assert.deepEqual(prefix, {
      timestamp: { date: '2026-11-24', time: '18:59:11', milliseconds: 425, text: '2026-11-24 18:59:11.425' },
      pid: '14994',
      messageId: '1xVvjT-0003to-0D',
      rest: '=> run2@tfo-lab.example',
    });
  });

  it('reads a timezone and the [pid/…] form', () => {
    const prefix = splitLinePrefix('2017-07-30 18:51:05 +0100 [p1234/conn-7] SMTP connection from [127.0.0.1]');
    assert.equal(prefix.timestamp?.timezone, '+0100');
    assert.equal(prefix.timestamp?.milliseconds, undefined);
    assert.equal(prefix.pid, 'p1234');
    assert.equal(prefix.pidDetail, 'conn-7');
    assert.equal(prefix.messageId, undefined);
    assert.equal(prefix.rest, 'SMTP connection from [127.0.0.1]');
  });

  it('knows old, new and munged message ids', () => {
    for (const id of ['1xVvjR-0003tG-2V', '1xVwTu-000000003F3-3xNu', '10HmaX-000000005vi-0000', '10HmaX-0005vi-00']) {
      assert.ok(isMessageId(id), id);
      assert.equal(splitLinePrefix(`1999-03-02 09:44:33 ${id} Completed`).messageId, id);
    }
    for (const notId of ['10HmaX-0005vi-000', 'E10HmaX-000000005vi-0000@host', 'abc', '']) {
      assert.ok(!isMessageId(notId), notId);
    }
  });

  it('finds a message id inside a reply, but not inside a longer word', () => {
    assert.equal(findMessageId('250 OK id=10HmaY-000000005vi-0000'), '10HmaY-000000005vi-0000');
    assert.equal(findMessageId('id=E10HmaX-000000005vi-0000@x'), undefined);
  });

  it('leaves lines without a timestamp alone', () => {
    assert.deepEqual(splitLinePrefix('  Suggested action: install a certificate'), {
      rest: '  Suggested action: install a certificate',
    });
    assert.deepEqual(splitLinePrefix(''), { rest: '' });
  });

  it('does not take a word that only starts like an id', () => {
    const prefix = splitLinePrefix('1999-03-02 09:44:33 10HmaX-000000005vi-0000x stuff');
    assert.equal(prefix.messageId, undefined);
    assert.equal(prefix.rest, '10HmaX-000000005vi-0000x stuff');
  });
});
