import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { sudoHover } from '../../../language-server/src/features/sudoHover';
import { analyseSudo } from '../../../language-server/src/sudo/sudoAnalysis';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';

const SCRIPT = [
  '# T', 'sudo perl', 'system("tc qdisc add dev lo root netem delay 50ms");', 'system("sysctl net.ipv4.tcp_fastopen=3");',
  'if (/^FreeBSD/) {', 'system("sysctl net.inet.tcp.fastopen.client_enable=0"); system("sysctl net.inet.tcp.fastopen.client_enable=1");', '} else {',
  'system ("ip tcp_metrics delete 127.0.0.1");', '}', '****', 'exim -odi x', '****',
  'sudo perl', 'system("sudo tc qdisc delete dev lo root");', '****', 'sudo rm DIR/spool/db/misc*', '',
].join('\n');

function hoverText(line: number, character: number): string | undefined {
  const lines = new ScriptLines(SCRIPT);
  const ast = parseScript(lines);
  const hover = sudoHover(ast, lines, analyseSudo(ast, lines), line, character);
  return hover && (hover.contents as MarkupContent).value;
}

describe('sudoHover', () => {
  it('sums up the block on the sudo perl line', () => {
    const text = hoverText(1, 2)!;
    assert.match(text, /line 3: adds a 50 ms netem delay on lo; undone at line 14/);
    assert.match(text, /line 4: sets net\.ipv4\.tcp_fastopen to 3; \*\*never undone\*\*/);
    assert.match(text, /line 6: sets net\.inet\.tcp\.fastopen\.client_enable to 0 \(FreeBSD only\); set straight back at line 6/);
    assert.match(text, /line 8: clears the kernel's cached TCP metrics for 127\.0\.0\.1.*nothing to undo \(not on FreeBSD\)/);
  });
  it('classifies the command under the cursor inside the block', () => {
    assert.match(hoverText(13, 12)!, /^`tc qdisc delete dev lo root` — removes the root qdisc of lo.*the `sudo` inside is redundant.*undoes the change at line 3/);
    assert.match(hoverText(5, 70)!, /client_enable=1` — sets net\.inet\.tcp\.fastopen\.client_enable to 1 \(FreeBSD only\); undoes the change at line 6/);
    assert.equal(hoverText(4, 3), undefined);
  });
  it('says when the program is a file it does not read', () => {
    const lines = new ScriptLines('# T\nsudo perl DIR/aux-fixed/setrt 1\n****\n');
    const ast = parseScript(lines);
    const hover = sudoHover(ast, lines, analyseSudo(ast, lines), 1, 0)!;
    assert.match((hover.contents as MarkupContent).value, /runs the Perl program `DIR\/aux-fixed\/setrt 1` as root/);
  });
  it('says what a script-level sudo command touches', () => {
    assert.match(hoverText(15, 3)!, /^\*\*sudo rm\*\* — As root, removes DIR\/spool\/db\/misc\*/);
    assert.equal(hoverText(10, 1), undefined);
  });
});
