import * as assert from 'node:assert/strict';
import { parseBracketedAddress, parseHostElement } from '../../../../language-server/src/results/log/hostFields';
import { splitLogTokens } from '../../../../language-server/src/results/log/lineTokens';

function hostOf(text: string) {
  const tokens = splitLogTokens(text);
  return parseHostElement(tokens, 0, text);
}

describe('hostFields', () => {
  it('reads [ip]:port with a continuation star and munged forms', () => {
    assert.deepEqual(parseBracketedAddress('[198.51.100.25]:2525'), { ip: '198.51.100.25', port: '2525', continued: false });
    assert.deepEqual(parseBracketedAddress('[ip4.ip4.ip4.ip4]:PORT_D*'), { ip: 'ip4.ip4.ip4.ip4', port: 'PORT_D', continued: true });
    assert.deepEqual(parseBracketedAddress('[::1]'), { ip: '::1', continued: false });
    assert.equal(parseBracketedAddress('198.51.100.25'), undefined);
  });

  it('reads a reception host: name, helo, address and port', () => {
    const { host, tokenCount } = hostOf('H=the.local.host.name (myhost.test.ex) [ip4.ip4.ip4.ip4]:1111 P=esmtp');
    assert.equal(tokenCount, 3);
    assert.deepEqual(host, {
      name: 'the.local.host.name',
      helo: 'myhost.test.ex',
      ip: 'ip4.ip4.ip4.ip4',
      port: '1111',
      text: 'the.local.host.name (myhost.test.ex) [ip4.ip4.ip4.ip4]:1111',
    });
  });

  it('reads a host with only a helo, or only an address', () => {
    assert.deepEqual(hostOf('H=(client.tfo-lab.example) [198.51.100.10]:36712 I=x').host, {
      helo: 'client.tfo-lab.example',
      ip: '198.51.100.10',
      port: '36712',
      text: '(client.tfo-lab.example) [198.51.100.10]:36712',
    });
    assert.deepEqual(hostOf('H=[127.0.0.1] TFO').host, { ip: '127.0.0.1', text: '[127.0.0.1]' });
  });

  it('reads a delivery host with DS and a continued connection', () => {
    const { host, tokenCount } = hostOf('H=mx.example DS [192.0.2.1]:25* TFO C="250 OK"');
    assert.equal(tokenCount, 3);
    assert.equal(host.dnssec, true);
    assert.equal(host.continuedConnection, true);
    assert.equal(host.port, '25');
  });

  it('stops after the name of a local delivery host', () => {
    const { host, tokenCount } = hostOf('H=localhost C="ok"');
    assert.equal(tokenCount, 1);
    assert.deepEqual(host, { name: 'localhost', text: 'localhost' });
  });

  it('does not let an unclosed helo swallow the line', () => {
    const { host, tokenCount } = hostOf('H=(bad helo [127.0.0.1] P=esmtp');
    assert.equal(tokenCount, 1);
    assert.equal(host.helo, 'bad');
  });
});
