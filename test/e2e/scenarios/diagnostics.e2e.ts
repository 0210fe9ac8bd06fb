// Diagnostics from the language server: squiggle, hover text, Problems panel.
import * as assert from 'node:assert/strict';
import { until } from '../harness';
import { scenario, wb } from '../run-e2e';

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
});
