import * as assert from 'node:assert/strict';
import { commandCatalogue, dispatchForms } from '../../../language-server/src/catalogue/catalogue';
import { dispatch } from '../../../language-server/src/syntax/parser';

describe('commandCatalogue', () => {
  it('has one entry per kind, each in a known dispatcher form', () => {
    const names = commandCatalogue.map((k) => k.name);
    assert.equal(new Set(names).size, names.length);
    const forms = new Set(dispatchForms.map((f) => f.id));
    for (const kind of commandCatalogue) assert.ok(forms.has(kind.form), `${kind.name}: form ${kind.form}`);
    assert.equal(dispatchForms.length, 23, '22 forms, with 16 split into its plain and sudo halves');
  });

  it('every kind written with plausible arguments dispatches to itself', () => {
    for (const kind of commandCatalogue) {
      const line = kind.name === '###' ? '### note' : kind.name === 'background' || kind.name === 'gnutls' || kind.name === 'killdaemon' ? kind.name : `${kind.name} a b`;
      assert.equal(dispatch(line)?.kind, kind.name, line);
    }
  });
});
