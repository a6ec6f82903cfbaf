// The chrome's strings: both languages say the same things, and every mode has a name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONFIDENCES, LANGS, MODES } from '../../www/element/contract.js';
import { modeOptions } from '../../www/element/controls.js';
import { LANGUAGE_NAMES, STRINGS, stringsFor } from '../../www/element/strings.js';

/** Every key path of a strings table, with the kind of value (and a function's arity). */
function shape(value, prefix = '') {
  if (typeof value === 'function') return [`${prefix}()${value.length}`];
  if (Array.isArray(value)) return [`${prefix}[${value.length}]`];
  if (value && typeof value === 'object') {
    return Object.keys(value)
      .sort()
      .flatMap((key) => shape(value[key], prefix ? `${prefix}.${key}` : key));
  }
  return [`${prefix}:${typeof value}`];
}

test('the chrome speaks every language the core does, each named in itself', () => {
  assert.deepEqual(Object.keys(STRINGS).sort(), [...LANGS].sort());
  assert.deepEqual(Object.keys(LANGUAGE_NAMES).sort(), [...LANGS].sort());
});

test('every confidence the core reports has words in both languages', () => {
  for (const t of Object.values(STRINGS)) assert.deepEqual(Object.keys(t.confidence).sort(), [...CONFIDENCES].sort());
});

test('both languages have the same keys, kinds and function arities', () => {
  assert.deepEqual(shape(STRINGS.en), shape(STRINGS.id));
});

test('no string is empty and the two languages differ where a person reads them', () => {
  for (const [lang, t] of Object.entries(STRINGS)) {
    for (const [key, value] of Object.entries(t)) {
      if (typeof value === 'string') assert.ok(value.trim(), `${lang}.${key} is empty`);
    }
  }
  assert.notEqual(STRINGS.id.help, STRINGS.en.help);
  assert.equal(STRINGS.id.tableCaption(2021, 5), 'Anggota per 2021: 5 kabupaten/kota');
  assert.equal(STRINGS.en.badValue('year', '1999'), 'Unknown value year="1999"; the previous view is kept.');
});

test('stringsFor falls back to Bahasa Indonesia for anything but en', () => {
  assert.equal(stringsFor('en'), STRINGS.en);
  assert.equal(stringsFor('id'), STRINGS.id);
  assert.equal(stringsFor(null), STRINGS.id);
  assert.equal(stringsFor('fr'), STRINGS.id);
});

test('every mode has a name in both languages; indicator only while one is loaded', () => {
  for (const t of Object.values(STRINGS)) {
    const without = modeOptions(t, null);
    assert.deepEqual(
      without.map((o) => o.value),
      MODES.filter((mode) => mode !== 'indicator'),
    );
    for (const option of without) assert.equal(typeof option.text, 'string');
    const withIndicator = modeOptions(t, 'Jumlah layanan');
    assert.equal(withIndicator.at(-1).value, 'indicator');
    assert.equal(withIndicator.at(-1).text, `${t.indicator}: Jumlah layanan`);
  }
});
