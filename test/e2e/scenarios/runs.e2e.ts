// One-click runs with the stand-in runtest (test/fixtures/runtest, installed into the sample tree
// by scripts/sample-results.mjs): the Run CodeLens opens a terminal, the prompt is answered by
// typing into it, the results of the run appear as TFO hints, and the Test Explorer shows
// passed and failed items from what the run wrote.
import * as assert from 'node:assert/strict';
import { lineOf, until } from '../harness';
import { scenario, wb, workspacePath } from '../run-e2e';

const script = 'test/scripts/1090-TCP-Fast-Open/1090';
const terminal = () => wb().terminalText().then((t) => t.replace(/\u00a0/g, ' '));

scenario('runs', () => {
  it('runs the test from the CodeLens in a terminal, where the prompt is answered', async () => {
    await wb().openFile(script);
    await wb().goTo(1);
    const lens = wb().editor.locator('.codelens-decoration a', { hasText: /^Run Test$/ }).first();
    await lens.waitFor({ timeout: 60_000 });
    await lens.click();
    await until('runtest asking to press RETURN', terminal, (t) => t.includes('Press RETURN to run the tests:'), 60_000);
    await wb().shot('runtest-prompt');
    await wb().page.locator('.terminal-wrapper .xterm').first().click();
    await wb().page.keyboard.press('Enter');
    await until('the test to complete', terminal, (t) => /TCP-Fast-Open\/1090[\s\S]*Script completed/.test(t), 60_000);
    await wb().shot('runtest-completed');
  });

  it('shows the TFO hints of that run on the script without any other step', async () => {
    await wb().openFile(script);
    await wb().goTo(lineOf(workspacePath(script), 'exim -odi run2@tfo-lab.example'));
    const line = wb().editor.locator('.view-line', { hasText: 'run2@tfo-lab.example' }).first();
    const text = await until('the TFO hint after the run', () => line.innerText().then((t) => t.replace(/\u00a0/g, ' ')), (t) => /client TFO · server TFO/.test(t), 60_000);
    assert.match(text, /client TFO · server TFO/);
    await wb().shot('hints-after-run');
  });

  it('marks Test Explorer items passed and failed from what the run wrote', async () => {
    await wb().runCommand('Test: Run All Tests');
    await wb().runCommand('Testing: Focus on Test Explorer View');
    const rows = () => wb().page.locator('.test-explorer .monaco-list-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label')} ${(e as unknown as { innerText: string }).innerText}`));
    const expand = async () => {
      const collapsed = wb().page.locator('.test-explorer .monaco-list-row[aria-expanded="false"]');
      for (let i = await collapsed.count(); i > 0; i--) await collapsed.first().click().catch(() => undefined);
    };
    const seen = await until('1090 passed and 1091 failed in the Test Explorer', async () => { await expand(); return rows(); },
      (r) => r.some((x) => /1090/.test(x) && /Passed/i.test(x)) && r.some((x) => /1091/.test(x) && /Failed/i.test(x)), 120_000);
    assert.ok(seen.length >= 2);
    await wb().shot('test-explorer');
  });
});
