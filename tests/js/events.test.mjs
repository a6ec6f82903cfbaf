// The element's events as a pure sequence: what a series of refreshes dispatches.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Events } from '../../www/element/events.js';
import { programmeBase } from '../../www/element/data.js';

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

test('the programme folder: the programme attribute, else src, else the packaged files', () => {
  const element = (attrs) => ({ hasAttribute: (n) => n in attrs, getAttribute: (n) => attrs[n] ?? null });
  const page = 'https://pemda.example/peta/index.html';
  assert.equal(
    programmeBase(element({ programme: 'kota-cerdas' }), page).href,
    'https://pemda.example/peta/kota-cerdas/',
  );
  assert.equal(programmeBase(element({ src: '/data' }), page).href, 'https://pemda.example/data/');
  assert.equal(programmeBase(element({}), page), null);
});
