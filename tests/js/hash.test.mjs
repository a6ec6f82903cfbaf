// sync-hash: what a link's hash could not set is reported in one readable sentence.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HashSync, linkLang } from '../../www/element/hash.js';
import { STRINGS } from '../../www/element/strings.js';

test("a link's problems are reported together, each set apart by a semicolon", () => {
  // As the core words them (src/map/error.rs, src/view/hash.rs).
  const problems = [
    'year="soon": expected a year such as 2021',
    'mode="x": expected one of: cohort, pillar, indicator',
  ];
  const core = { attached: true, hash: () => '', lang: () => 'en', applyHash: () => problems };
  const errors = [];
  const notices = [];
  const sync = new HashSync({ hasAttribute: () => true }, core, {
    strings: (lang) => STRINGS[lang],
    emitError: (message) => errors.push(message),
    notice: (message) => notices.push(message),
    applied: () => {},
    changed: () => {},
  });
  sync.apply('#year=soon&mode=x', true);
  const told =
    'Part of the link was ignored: year="soon": expected a year such as 2021; mode="x": expected one of: cohort, pillar, indicator';
  assert.deepEqual(errors, [told]);
  assert.deepEqual(notices, [told], 'the reader is told too');
  // A good link next: the notice goes.
  problems.length = 0;
  sync.apply('#year=2021', false);
  assert.deepEqual(notices, [told, null]);
});

test("a link's language is the last lang field spelled as the core writes it", () => {
  assert.equal(linkLang('#year=2021&lang=en'), 'en');
  assert.equal(linkLang('lang=en&region=35.20&lang=id'), 'id');
  assert.equal(linkLang('#lang=en&lang=fr'), 'en', 'the core keeps the last valid one');
  assert.equal(linkLang('#year=2021'), null);
  assert.equal(linkLang(''), null);
});
