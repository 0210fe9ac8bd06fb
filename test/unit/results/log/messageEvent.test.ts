import * as assert from 'node:assert/strict';
import { parseMessageEventBody, readEventMark } from '../../../../language-server/src/results/log/messageEvent';

function propertiesOf<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

describe('messageEvent', () => {
  it('reads every event mark, and only as a whole word', () => {
    for (const mark of ['<=', '=>', '->', '>>', '*>', '**', '==']) {
      assert.equal(readEventMark(`${mark} a@b`), mark);
    }
    assert.equal(readEventMark('Completed'), 'Completed');
    assert.equal(readEventMark('Completed QT=1s'), 'Completed');
    assert.equal(readEventMark('Completedness'), undefined);
    assert.equal(readEventMark('=>x'), undefined);
    assert.equal(readEventMark('pla ip4'), undefined);
  });

  it('reads a lab delivery: host, interface, TFO after I=, pipelining, chunking, confirmation', () => {
    const event = parseMessageEventBody(
      '=>',
      'run2@tfo-lab.example F=<lab@client.tfo-lab.example> P=<lab@client.tfo-lab.example> R=to_server T=smtp_tfo S=415 ' +
        'H=198.51.100.25 [198.51.100.25]:2525 I=[198.51.100.10]:36712 TFO L K ' +
        'C="250- 415 byte chunk, total 415\\\\n250 OK id=1xVvjT-0003ts-1A" QT=0.359s DT=0.321s',
    );
    assert.deepEqual(
      propertiesOf(event, ['address', 'envelopeFrom', 'returnPath', 'protocol', 'router', 'transport', 'size']),
      {
        address: 'run2@tfo-lab.example',
        envelopeFrom: 'lab@client.tfo-lab.example',
        returnPath: 'lab@client.tfo-lab.example',
        protocol: undefined,
        router: 'to_server',
        transport: 'smtp_tfo',
        size: '415',
      },
    );
    assert.deepEqual(event.host, {
      name: '198.51.100.25',
      ip: '198.51.100.25',
      port: '2525',
      text: '198.51.100.25 [198.51.100.25]:2525',
    });
    assert.deepEqual(propertiesOf(event, ['interfaceAddress', 'tfo', 'pipelining', 'chunking', 'confirmation']), {
      interfaceAddress: { ip: '198.51.100.10', port: '36712' },
      tfo: 'TFO',
      pipelining: 'L',
      chunking: true,
      confirmation: '250- 415 byte chunk, total 415\\n250 OK id=1xVvjT-0003ts-1A',
    });
    assert.deepEqual(event.unparsed, []);
    assert.deepEqual(
      event.fields.map((field) => field.name),
      ['F', 'P', 'R', 'T', 'S', 'H', 'I', 'C', 'QT', 'DT'],
    );
  });

  it('reads a lab reception: TFO* after H=/I= and before P=, subject, header id, sender and recipients', () => {
    const event = parseMessageEventBody(
      '<=',
      'lab@client.tfo-lab.example H=(client.tfo-lab.example) [198.51.100.10]:39744 I=[198.51.100.25]:2525 TFO* P=esmtp L* K ' +
        'S=672 M8S=0 RT=0.100s id=E1xVvjW-0003v2-1J@client.tfo-lab.example T="TFO lab run3b" ' +
        'from <lab@client.tfo-lab.example> for run3b@pipe.tfo-lab.example',
    );
    assert.deepEqual(
      propertiesOf(event, ['address', 'interfaceAddress', 'tfo', 'protocol', 'pipelining', 'subject', 'transport']),
      {
        address: 'lab@client.tfo-lab.example',
        interfaceAddress: { ip: '198.51.100.25', port: '2525' },
        tfo: 'TFO*',
        protocol: 'esmtp',
        pipelining: 'L*',
        subject: 'TFO lab run3b',
        transport: undefined,
      },
    );
    assert.equal(event.host?.helo, 'client.tfo-lab.example');
    assert.equal(event.host?.port, '39744');
    assert.equal(event.headerId, 'E1xVvjW-0003v2-1J@client.tfo-lab.example');
    assert.equal(event.envelopeFrom, 'lab@client.tfo-lab.example');
    assert.deepEqual(event.recipients, ['run3b@pipe.tfo-lab.example']);
    assert.deepEqual(event.unparsed, []);
  });

  it('reads TFO* after PRX= (SOCKS) and TFO after a continued connection', () => {
    const socks = parseMessageEventBody(
      '=>',
      'user_tfo@test.ex R=my_main_router T=my_smtp H=127.0.0.1 [127.0.0.1]:25 PRX=[ip4.ip4.ip4.ip4]:PORT_D TFO* C="250 accepted OK"',
    );
    assert.deepEqual(socks.proxyAddress, { ip: 'ip4.ip4.ip4.ip4', port: 'PORT_D' });
    assert.equal(socks.tfo, 'TFO*');
    const continued = parseMessageEventBody('->', 'b@test.ex R=r T=t H=h [192.0.2.1]:25* TFO X=TLS1.3:AES:256 CV=yes');
    assert.equal(continued.host?.continuedConnection, true);
    assert.equal(continued.tfo, 'TFO');
    assert.equal(continued.tls, 'TLS1.3:AES:256');
  });

  it('reads the address part: parents and the original address', () => {
    const local = parseMessageEventBody('=>', 'userx <userx@test.ex> R=r1 T=t1');
    assert.equal(local.address, 'userx');
    assert.equal(local.originalAddress, 'userx@test.ex');
    const piped = parseMessageEventBody('=>', '|/bin/cat (a@test.ex, b@test.ex) <top@test.ex> R=r T=pipe');
    assert.deepEqual(piped.parents, ['a@test.ex', 'b@test.ex']);
    assert.equal(piped.originalAddress, 'top@test.ex');
    const blackhole = parseMessageEventBody('=>', ':blackhole: <run1@tfo-lab.example> R=discard');
    assert.equal(blackhole.address, ':blackhole:');
    assert.equal(blackhole.originalAddress, 'run1@tfo-lab.example');
    assert.equal(blackhole.errorText, undefined);
  });

  it('separates the reason of failures and deferrals', () => {
    const failed = parseMessageEventBody(
      '**',
      'n21@test.ex R=client T=send_to_server H=127.0.0.1 [127.0.0.1] : SMTP error from remote mail server after RCPT TO:<n21@test.ex>: 550 NO',
    );
    assert.equal(failed.host?.ip, '127.0.0.1');
    assert.equal(failed.errorText, 'SMTP error from remote mail server after RCPT TO:<n21@test.ex>: 550 NO');
    const timedOut = parseMessageEventBody('**', 'userx@myhost.test.ex: retry timeout exceeded');
    assert.equal(timedOut.address, 'userx@myhost.test.ex');
    assert.equal(timedOut.errorText, 'retry timeout exceeded');
    const deferred = parseMessageEventBody(
      '==',
      'CALLER@d.example R=client T=send_to_server defer (-37) H=d.example [127.0.0.1]: TLS session: failed',
    );
    assert.equal(deferred.host?.ip, '127.0.0.1');
    assert.deepEqual(deferred.unparsed, ['defer', '(-37)']);
    assert.equal(deferred.errorText, 'TLS session: failed');
  });

  it('reads DS before H= on receptions, and the pipelining variants', () => {
    const event = parseMessageEventBody('<=', 'a@b DS H=mx.example [192.0.2.9] P=esmtp L.- PRDR S=sss');
    assert.equal(event.host?.dnssec, true);
    assert.equal(event.pipelining, 'L.-');
    assert.equal(event.prdr, true);
  });

  it('does not take TFO from quoted values or the recipient list', () => {
    const event = parseMessageEventBody('<=', 'a@b H=[127.0.0.1] P=esmtp T="TFO TFO*" for TFO');
    assert.equal(event.tfo, undefined);
    assert.deepEqual(event.recipients, ['TFO']);
  });

  it('reads Completed with its fields', () => {
    const event = parseMessageEventBody('Completed', 'QT=0.445s');
    assert.equal(event.address, undefined);
    assert.deepEqual(event.fields, [{ name: 'QT', value: '0.445s', text: 'QT=0.445s' }]);
  });
});
