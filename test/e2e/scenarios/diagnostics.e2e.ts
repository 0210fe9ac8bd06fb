// Diagnostics from the language server: squiggle, hover text, Problems panel.
import * as assert from 'node:assert/strict';
import { lineOf, until } from '../harness';
import { scenario, wb, workspacePath } from '../run-e2e';

const fatal = /runtest stops the whole run/;

scenario('diagnostics', () => {
  it('underlines what would abort runtest', async () => {
    await wb().openFile('test/scripts/0100-Faulty/0100');
    await wb().squiggles('error').first().waitFor({ state: 'attached', timeout: 60_000 });
  });

  it('says in the hover that runtest stops the whole run', async () => {
    const squiggles = wb().squiggles('error');
    const seen: string[] = [];
    for (let i = 0; i < await squiggles.count(); i++) {
      seen.push(await wb().hover(squiggles.nth(i)));
      if (fatal.test(seen[i])) return;
    }
    assert.fail(`no hover matches ${fatal}:\n${seen.join('\n---\n')}`);
  });

  it('lists the problem in the Problems panel', async () => {
    await wb().showProblems();
    await until(`a Problems row matching ${fatal}`, () => wb().problemRows(), rows => rows.some(row => fatal.test(row)));
  });

  it('removes the error with a quick fix', async () => {
    const script = 'test/scripts/0100-Faulty/0100';
    const errors = () => wb().squiggles('error').count();
    const before = await errors();
    await wb().openFile(script);
    await wb().goTo(lineOf(workspacePath(script), '###'));
    await wb().page.keyboard.press('Control+.');
    const fix = wb().page.locator('.action-widget .monaco-list-row', { hasText: 'Make it a plain `#` comment' }).or(wb().page.locator('.action-widget .monaco-list-row', { hasText: 'Make it a plain # comment' })).first();
    await fix.waitFor();
    await wb().shot('quick-fix-menu');
    // Clicks on the action widget are intercepted by its hover; choose it from the keyboard.
    await until('the fix selected', () => fix.getAttribute('class'), (c) => /\bfocused\b/.test(c ?? ''));
    await wb().page.keyboard.press('Enter');
    await until('one error squiggle fewer', errors, (n) => n === before - 1, 30_000);
    await wb().shot('after-quick-fix');
    await wb().runCommand('File: Revert File');
  });
});
