import * as assert from 'node:assert/strict';
import { untrustedRefusal } from '../../../extension/src/trust';

describe('Workspace Trust', () => {
  it('refuses runs, captures and restores in an untrusted workspace, and says why', () => {
    for (const action of ['run', 'capture', 'restore'] as const) {
      const message = untrustedRefusal(false, action);
      assert.ok(message, action);
      assert.match(message, /untrusted workspace/);
      assert.match(message, /Manage Workspace Trust/);
    }
    assert.match(untrustedRefusal(false, 'capture') ?? '', /packet capture/);
  });

  it('lets everything go ahead in a trusted workspace', () => {
    for (const action of ['run', 'capture', 'restore'] as const) assert.equal(untrustedRefusal(true, action), undefined);
  });
});
