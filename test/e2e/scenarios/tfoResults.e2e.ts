// TFO results inline: "Show Results from Folder…" on the sample results made from the TFO lab's
// real logs and capture; hints on the exim lines, the hover with log lines and packet facts, the ladder.
import * as assert from 'node:assert/strict';
import { lineOf, until } from '../harness';
import { scenario, wb, workspacePath } from '../run-e2e';

const script = 'test/scripts/1090-TCP-Fast-Open/1090';
const lineWith = (text: string) => wb().editor.locator('.view-line', { hasText: text }).first();
// The editor renders spaces as U+00A0.
const lineText = async (text: string) => (await lineWith(text).innerText()).replace(/\u00a0/g, ' ');

scenario('tfo-results', () => {
  it('attaches the sample results folder to the script', async () => {
    await wb().openFile(script);
    await wb().runCommand('Exim Test: Show Results from Folder…');
    const input = wb().quickInput.locator('input');
    await input.waitFor();
    // code-server's own folder picker: go into the folder, wait until it lists it, then accept
    // with the button that carries the command's openLabel.
    await input.fill(workspacePath('results/tfo-lab-run2') + '/');
    // Only folders are listed, so inside the results folder the list holds just `..`.
    await until('the picker inside the results folder', () => wb().quickInput.locator('.monaco-list-row').allInnerTexts(), (rows) => rows.length === 1 && rows[0].trim() === '..');
    await wb().shot('picker-in-results-folder');
    await wb().quickInput.locator('.monaco-button', { hasText: 'Show results' }).click();
    await wb().quickInput.waitFor({ state: 'hidden' });
    const toast = await until('the results message', () => wb().page.locator('.notification-toast').allInnerTexts().then((t) => t.join('\n')), (t) => /Exim Test/.test(t), 60_000);
    assert.match(toast, /Exim Test results: 2 exim command\(s\) matched/);
    await wb().shot('results-attached');
  });

  it('shows the TFO hint next to each exim line', async () => {
    await wb().goTo(lineOf(workspacePath(script), 'exim -odi run2@tfo-lab.example'));
    const run2 = await until('a TFO hint on the run2 line', () => lineText('run2@tfo-lab.example'), (t) => /client TFO · server TFO · cookie f69fc05b… · banner 100.5 ms before 3rd ACK/.test(t));
    assert.match(run2, /client TFO/);
    assert.match(await lineText('run1@tfo-lab.example'), /no TFO/);
    await wb().shot('tfo-hints');
  });

  it('shows the log lines and packet facts in the hover', async () => {
    const text = await wb().hover(lineWith('run2@tfo-lab.example').locator('span').first());
    assert.match(text, /=> run2@tfo-lab.example .* TFO /);
    assert.match(text, /cookie f69fc05bc14ebf26/);
    assert.match(text, /server bytes before the 3rd ACK: 76/);
  });

  it('opens the ladder diagram from the CodeLens', async () => {
    await wb().page.mouse.move(0, 0);
    const lens = wb().editor.locator('.codelens-decoration a', { hasText: 'Show TCP ladder' }).first();
    await lens.waitFor({ timeout: 30_000 });
    await lens.click();
    await wb().page.locator('.tabs-container .tab', { hasText: 'TCP ladder' }).waitFor({ timeout: 30_000 });
    // The SVG lives in the webview's nested frame.
    const ladderText = () => Promise.all(wb().page.frames().map((f) => f.locator('svg').first().textContent({ timeout: 500 }).catch(() => ''))).then((t) => t.join('\n'));
    const svg = await until('the ladder SVG with the SYN and the 3rd ACK', ladderText, (t) => /client 198\.51\.100\.10:36712/.test(t) && /SYN TFO cookie f69fc05b/.test(t) && /\(3rd ACK\)/.test(t), 30_000);
    assert.match(svg, /SYN,ACK/);
    await wb().shot('ladder');
  });
});
