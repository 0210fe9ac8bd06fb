/**
 * Real runtest outputs (../shared/runtest-real/runs) against Exim's real script 1090 and its
 * expected log/1090: the hints on the exim lines and the comparison with the expected log.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../../../language-server/src/service';
import { NodeWorkspace } from '../../../../language-server/src/workspace';
import { sharedDir } from '../../../support/paths';

async function attach(run: string) {
  const script = path.join(sharedDir('corpus', 'exim-test', 'scripts'), '1090-TCP-Fast-Open', '1090');
  const service = new LanguageService(new NodeWorkspace());
  const uri = pathToFileURL(script).toString();
  const doc = service.analyse(uri, 1, readFileSync(script, 'latin1'));
  const result = await service.runs.attach(doc, sharedDir('runtest-real', 'runs', run));
  assert.ok(result.ok, result.message);
  const lineOf = (text: string) => doc.lines.lines.findIndex((l) => l === text);
  const hints = new Map(service.inlayHints(doc).map((h) => [h.position.line, String(h.label).trim()]));
  return { service, doc, hints, withCookie: lineOf('exim with_cookie@test.ex'), noCookie: lineOf('exim no_cookie@test.ex') };
}

describe('run results on Exim script 1090', () => {
  it('1090-htb-delay-experiment: client TFO on with_cookie, no TFO on no_cookie, nothing differs from log/1090', async () => {
    const { service, doc, hints, withCookie, noCookie } = await attach('1090-htb-delay-experiment');
    assert.match(hints.get(withCookie)!, /^client TFO/);
    assert.match(hints.get(noCookie)!, /^no TFO/);
    assert.deepEqual(service.runs.diagnostics(doc), []);
  });

  it('1090-keep-continue: no TFO on both lines, and exactly the with_cookie delivery differs from log/1090', async () => {
    const { service, doc, hints, withCookie, noCookie } = await attach('1090-keep-continue');
    assert.match(hints.get(withCookie)!, /^no TFO/);
    assert.match(hints.get(noCookie)!, /^no TFO/);
    const diagnostics = service.runs.diagnostics(doc);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.severity]), [[withCookie, 3]]);
    assert.match(diagnostics[0].message, /logged no TFO element, but log\/1090 expects TFO/);
  });

  it('hover shows the exact log lines of the delivery', async () => {
    const { service, doc, withCookie } = await attach('1090-htb-delay-experiment');
    const hover = service.hover(doc, { line: withCookie, character: 1 });
    const text = JSON.stringify(hover?.contents);
    assert.match(text, /=> with_cookie@test.ex R=client T=send_to_server H=198.51.100.2 \[198.51.100.2\] TFO C=/);
  });
});
