import * as assert from 'node:assert/strict';
import { checkRequires } from '../../../language-server/src/checks/requiresChecks';
import { parseRequires } from '../../../language-server/src/syntax/requiresParser';

const lint = (text: string) => checkRequires(parseRequires(text)).map((f) => `${f.line + 1}:${f.code}`);

describe('checkRequires', () => {
  it('accepts every directive runtest knows', () => {
    assert.deepEqual(lint('support TCP_Fast_Open\nrunning IPv6\nlookup dbm\nauthenticator plaintext\nauthenticators cram_md5\nrouter iplookup\ntransport appendfile/maildir\nmalware clamd\nfile DIR/aux-fixed/x\nfeature _HAVE_TLS\nnot feature _HAVE_X\nipv6-non-linklocal\n\n   \n'), []);
  });
  it('reports an unknown line (there are no comments) as an error', () => {
    assert.deepEqual(lint('support X\n# comment\nsupports X\n'), ['2:unknown-requires-line', '3:unknown-requires-line']);
  });
  it('warns about directives that can never be met', () => {
    assert.deepEqual(lint('running socks\nsupport  X\n'), ['1:requires-never-met', '2:requires-spacing']);
  });
});
