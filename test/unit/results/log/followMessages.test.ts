import * as assert from 'node:assert/strict';
import {
  confirmedMessageIds,
  followMessages,
  type FollowedMessage,
} from '../../../../language-server/src/results/log/followMessages';
import type { LogEntry } from '../../../../language-server/src/results/log/logEntry';
import { readMainLogText } from '../../../../language-server/src/results/log/mainLog';
import { readSharedText } from './sharedData';

function labLogs(): { client: LogEntry[]; server: LogEntry[] } {
  return {
    client: readMainLogText(readSharedText('tfo-lab/logs/exim-client-mainlog')),
    server: readMainLogText(readSharedText('tfo-lab/logs/exim-server-mainlog'), { side: 'server' }),
  };
}

/** `run2: TFO → TFO (confirmation-id)`, one line per delivery, named by the lab's run recipient. */
function describeFollowed(messages: readonly FollowedMessage[]): string[] {
  return messages.flatMap((message) =>
    message.deliveries.map((followed) => {
      const run = followed.delivery.address?.split('@')[0] ?? '?';
      const server = followed.reception ? followed.reception.tfo ?? '-' : 'not matched';
      return `${run}: ${followed.clientTfo ?? '-'} → ${server} (${followed.matchedBy ?? 'none'})`;
    }),
  );
}

describe('followMessages', () => {
  it('follows every lab delivery to its reception by the id in the 250 reply', () => {
    const { client, server } = labLogs();
    const messages = followMessages(client, server);
    assert.deepEqual(describeFollowed(messages), [
      'run1: - → - (confirmation-id)',
      'run2: TFO → TFO (confirmation-id)',
      'run3a: TFO → TFO (confirmation-id)',
      'run3b: - → TFO* (confirmation-id)',
      'run4a: - → - (confirmation-id)',
      'run4b: - → TFO* (confirmation-id)',
      'run5a: - → - (confirmation-id)',
      'run5b: - → - (confirmation-id)',
    ]);
    for (const message of messages) {
      assert.equal(message.submission?.mark, '<=');
      assert.equal(message.submission?.messageId, message.messageId);
      const [followed] = message.deliveries;
      assert.deepEqual(followed.reception?.recipients, [followed.delivery.address]);
      assert.equal(followed.reception?.headerId, message.submission?.headerId);
    }
  });

  it('follows lab deliveries by ports when the reply carries no id', () => {
    const { client, server } = labLogs();
    const withoutReplies = client.map((entry) =>
      entry.kind === 'event' ? { ...entry, confirmation: undefined } : entry,
    );
    const byId = followMessages(client, server);
    const byPorts = followMessages(withoutReplies, server);
    assert.deepEqual(
      describeFollowed(byPorts),
      describeFollowed(byId).map((line) => line.replace('confirmation-id', 'ports')),
    );
    byPorts.forEach((message, index) =>
      assert.equal(message.deliveries[0].reception, byId[index].deliveries[0].reception),
    );
  });

  it('says "not matched" when neither the id nor a unique port pair links the two logs', () => {
    const { client, server } = labLogs();
    // Without the receptions of run2 the 250 id of run2 names nothing on the server side.
    const serverWithoutRun2 = server.filter((entry) => entry.kind !== 'event' || entry.messageId !== '1xVvjT-0003ts-1A');
    const run2 = followMessages(client, serverWithoutRun2).find((message) => message.messageId === '1xVvjT-0003to-0D');
    assert.equal(run2?.deliveries[0].reception, null);
    assert.equal(run2?.deliveries[0].matchedBy, null);
    assert.equal(run2?.deliveries[0].clientTfo, 'TFO');
    assert.equal(run2?.deliveries[0].serverTfo, null);
  });

  it('follows munged logs by id, and never by the munged PORT_D', () => {
    const entries = readMainLogText(readSharedText('corpus/exim-test/log/1188'));
    const messages = followMessages(
      entries.filter((entry) => entry.side === 'client'),
      entries.filter((entry) => entry.side === 'server'),
    );
    assert.deepEqual(
      messages.flatMap((message) =>
        message.deliveries.map(
          (followed) =>
            `${message.messageId.slice(0, 6)} ${followed.delivery.mark} ${followed.delivery.address} → ` +
            `${followed.reception?.messageId.slice(0, 6) ?? 'null'} ${followed.clientTfo ?? '-'}/${followed.serverTfo ?? '-'}`,
        ),
      ),
      [
        '10HmaX => CALLER@test.ex → 10HmaZ -/-',
        '10HmaY => CALLER@test.ex → 10HmbA TFO/TFO',
        '10HmaY -> xyz@test.ex → 10HmbA TFO/TFO',
        '10HmaY => abcd@test.ex → 10HmbB -/-',
      ],
    );

    const socks = readMainLogText(readSharedText('corpus/exim-test/log/4027'));
    const unmatched = followMessages(socks, []).flatMap((message) => message.deliveries);
    assert.equal(unmatched.length, 3);
    assert.ok(unmatched.every((followed) => followed.reception === null && followed.matchedBy === null));
  });

  it('follows the raw logs of a real runtest run', () => {
    const dir = 'runtest-real/runs/1090-htb-delay-experiment/spool/log';
    const messages = followMessages(
      readMainLogText(readSharedText(`${dir}/mainlog`)),
      readMainLogText(readSharedText(`${dir}/servermainlog`), { side: 'server' }),
    );
    assert.deepEqual(
      messages.map((message) => `${message.messageId} → ${message.deliveries[0].reception?.messageId} ${message.deliveries[0].clientTfo}/${message.deliveries[0].serverTfo}`),
      ['1xVwTu-000000003F3-3xNu → 1xVwTv-000000003F6-2Fps null/null', '1xVwTy-000000003FW-0HBR → 1xVwTz-000000003FZ-0uvq TFO/null'],
    );
  });

  it('reads the ids that 250 replies name', () => {
    assert.deepEqual(confirmedMessageIds('250 OK id=1xVvjR-0003tG-2V'), ['1xVvjR-0003tG-2V']);
    assert.deepEqual(confirmedMessageIds('250- 415 byte chunk, total 415\\n250 OK id=1xVvjT-0003ts-1A'), ['1xVvjT-0003ts-1A']);
    assert.deepEqual(
      confirmedMessageIds('250 PRDR R=<ok@test.ex> acceptance\\n250 id=10HmaY-000000005vi-0000 message accepted'),
      ['10HmaY-000000005vi-0000'],
    );
    assert.deepEqual(confirmedMessageIds('250 accepted OK'), []);
    assert.deepEqual(confirmedMessageIds('250 messageid=1xVvjR-0003tG-2V'), []);
  });
});
