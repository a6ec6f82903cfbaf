// The search combobox: options from the core's hits and ↓/↑ through them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextOption, optionId, searchOptions } from '../../www/element/search.js';

test('options name the region and its province; the first is selected', () => {
  const options = searchOptions([
    { index: 311, code: '35.20', name: 'Kabupaten Magetan', province: 'Jawa Timur' },
    { index: 40, code: '12.71', name: 'Kota Medan', province: 'Sumatera Utara' },
  ]);
  assert.deepEqual(options, [
    { id: 'opt-311', index: 311, text: 'Kabupaten Magetan, Jawa Timur', selected: true },
    { id: 'opt-40', index: 40, text: 'Kota Medan, Sumatera Utara', selected: false },
  ]);
  assert.deepEqual(searchOptions([]), []);
  assert.equal(optionId(0), 'opt-0');
});

test('↓ and ↑ move through the options and wrap at both ends', () => {
  assert.equal(nextOption(0, 3, 'ArrowDown'), 1);
  assert.equal(nextOption(2, 3, 'ArrowDown'), 0);
  assert.equal(nextOption(0, 3, 'ArrowUp'), 2);
  assert.equal(nextOption(1, 3, 'ArrowUp'), 0);
  assert.equal(nextOption(0, 1, 'ArrowDown'), 0);
  assert.equal(nextOption(0, 1, 'ArrowUp'), 0);
});

test('with no option active, ↓ goes to the first', () => {
  assert.equal(nextOption(-1, 4, 'ArrowDown'), 0);
});
