import * as assert from 'node:assert/strict';
import { INNER_COMMAND, runtestEnvironment } from '../../../extension/src/run/runWrapper';

describe('the run wrapper', () => {
  it('gives script(1) one fixed command text that names no file and no setting', () => {
    assert.equal(INNER_COMMAND, 'exec "$VSCODE_EXIM_NODE" "$VSCODE_EXIM_WRAPPER" --inner');
  });

  it('hands runtest the terminal\'s environment without its own variables, the user\'s SHELL back', () => {
    const env = runtestEnvironment(
      { PATH: '/bin', SHELL: '/bin/sh', VSCODE_EXIM_USER_SHELL: '/bin/zsh', VSCODE_EXIM_RUN_SPEC: 'x', VSCODE_EXIM_NODE: 'n', VSCODE_EXIM_WRAPPER: 'w', ELECTRON_RUN_AS_NODE: '1' },
      { program: 'runtest', args: [], cwd: '/', env: { EXTRA: 'y' } },
    );
    assert.deepEqual(env, { PATH: '/bin', SHELL: '/bin/zsh', EXTRA: 'y' });
  });
});
