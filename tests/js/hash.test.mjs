// sync-hash: what a link's hash could not set is reported in one readable sentence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HashSync } from '../../www/element/hash.js';
import { STRINGS } from '../../www/element/strings.js';

test("a link's problems are reported together, each set apart by a semicolon", () => {
  // As the core words them (src/map/error.rs, src/view/hash.rs).
  const problems = [
    'URL hash: year="soon": expected a year such as 2021',
    'URL hash: mode="x": expected one of: cohort, pillar, indicator',
  ];
  const core = { attached: true, hash: () => '', applyHash: () => problems };
  const errors = [];
  const sync = new HashSync({ hasAttribute: () => true }, core, {
    strings: () => STRINGS.en,
    emitError: (message) => errors.push(message),
    applied: () => {},
    changed: () => {},
  });
  sync.apply('#year=soon&mode=x', true);
  assert.deepEqual(errors, [
    'Part of the link was ignored: URL hash: year="soon": expected a year such as 2021; URL hash: mode="x": expected one of: cohort, pillar, indicator',
  ]);
});
