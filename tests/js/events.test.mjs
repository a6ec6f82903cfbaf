// The element's events as a pure sequence: what a series of refreshes dispatches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Events } from '../../www/element/events.js';
import { programmeSource } from '../../www/element/data.js';

function recorder() {
  const seen = [];
  return { seen, dispatchEvent: (event) => seen.push([event.type, event.detail, event.bubbles, event.composed]) };
}

test('events: region-select when the selection changes, year-change after the first year, error with a sentence', () => {
  const target = recorder();
  const events = new Events(target);
  const names = { 7: { code: '35.20', name: 'Kabupaten Magetan', province: 'Jawa Timur' } };
  events.refreshed({ selected: null, year: 2024 }, (i) => names[i]);
  assert.deepEqual(target.seen, [], 'nothing at the first draw');
  events.refreshed({ selected: 7, year: 2024 }, (i) => names[i]);
  events.refreshed({ selected: 7, year: 2021 }, (i) => names[i]);
  events.refreshed({ selected: null, year: 2021 }, (i) => names[i]);
  events.error('Peta tidak dapat dimuat');
  assert.deepEqual(target.seen, [
    ['region-select', { code: '35.20', name: 'Kabupaten Magetan', province: 'Jawa Timur' }, true, true],
    ['year-change', { year: 2021 }, true, true],
    ['region-select', { code: null, name: null, province: null }, true, true],
    ['error', { message: 'Peta tidak dapat dimuat' }, true, true],
  ]);
});

test('the programme: the CSV files of the folder the programme attribute names, else programme.bin of src or the package', () => {
  const element = (attrs) => ({ hasAttribute: (n) => n in attrs, getAttribute: (n) => attrs[n] ?? null });
  const page = 'https://pemda.example/peta/index.html';
  assert.equal(
    programmeSource(element({ programme: 'kota-cerdas', src: '/data' }), page).csv.href,
    'https://pemda.example/peta/kota-cerdas/',
  );
  assert.equal(programmeSource(element({ src: '/data' }), page).packed.href, 'https://pemda.example/data/');
  assert.deepEqual(programmeSource(element({}), page), { packed: null });
  assert.deepEqual(programmeSource(element({ programme: 'http://[bad' }), page), { csv: null });
});
