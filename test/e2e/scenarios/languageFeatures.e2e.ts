// Completion and document symbols from the language server.
import * as assert from 'node:assert/strict';
import { lineOf, until } from '../harness';
import { scenario, wb, workspacePath } from '../run-e2e';

const script = 'test/scripts/1090-TCP-Fast-Open/1090';

scenario('language-features', () => {
  it('offers killdaemon at the start of an empty line', async () => {
    await wb().openFile(script);
    await wb().goTo(lineOf(workspacePath(script), 'killdaemon'));
    await wb().page.keyboard.press('End');
    await wb().page.keyboard.press('Enter');
    // The server may still be starting ("No suggestions"): ask again until the list comes.
    await until('killdaemon among the completions', () => wb().completions('killd'), labels => labels.includes('killdaemon'));
    await wb().runCommand('File: Revert File');
  });

  it('lists the commands in the Outline view', async () => {
    await wb().showOutline();
    const rows = await until('exim and killdaemon in the outline', () => wb().outlineRows(),
      list => list.some(row => /\bexim\b/.test(row)) && list.some(row => /\bkilldaemon\b/.test(row)));
    assert.ok(rows.length >= 5, `only ${rows.length} outline rows: ${JSON.stringify(rows)}`);
    await wb().shot('outline-rows');
  });
});
