// Sudo-block checks in the editor: the sample 1090 leaves `sysctl net.ipv4.tcp_fastopen=3` in
// place; the warning says so in its hover, and the restore quick fix makes it go away.
import * as assert from 'node:assert/strict';
import { lineOf, until } from '../harness';
import { scenario, wb, workspacePath } from '../run-e2e';

const script = 'test/scripts/1090-TCP-Fast-Open/1090';
const neverUndone = /nothing later in the script undoes it/;

scenario('sudo-blocks', () => {
  it('warns that a sudo block change is never undone', async () => {
    await wb().openFile(script);
    // Another scenario may have left this editor scrolled away from the sudo block.
    await wb().goTo(lineOf(workspacePath(script), 'sysctl net.ipv4.tcp_fastopen=3'));
    await wb().squiggles('warning').first().waitFor({ state: 'attached', timeout: 60_000 });
    await wb().showProblems();
    await until('the never-undone warning in the Problems panel', () => wb().problemRows(), (rows) => rows.some((r) => neverUndone.test(r)));
  });

  it('applies the restore quick fix, and the warning goes', async () => {
    await wb().goTo(lineOf(workspacePath(script), 'sysctl net.ipv4.tcp_fastopen=3') , 20);
    await wb().page.keyboard.press('Control+.');
    const fix = wb().page.locator('.action-widget .monaco-list-row', { hasText: /Save and restore/ }).first();
    await fix.waitFor();
    await wb().shot('restore-fix-menu');
    // Clicks on the action widget are intercepted by its hover; choose it from the keyboard.
    for (let i = 0; i < 10 && !/\bfocused\b/.test((await fix.getAttribute('class')) ?? ''); i++) await wb().page.keyboard.press('ArrowDown');
    await wb().page.keyboard.press('Enter');
    const rows = await until('no never-undone warning left', () => wb().problemRows(), (r) => !r.some((x) => neverUndone.test(x)), 30_000);
    assert.ok(!rows.some((x) => neverUndone.test(x)));
    await wb().shot('after-restore-fix');
    await wb().runCommand('File: Revert File');
  });
});
