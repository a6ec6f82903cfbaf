// The pan that moves a selected region out from under the panel, and reading a view hash.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { revealPan, viewCentre } from '../../www/element/reveal.js';

const stage = { left: 0, top: 0, right: 1200, bottom: 600 };
const panel = { left: 8, top: 8, right: 360, bottom: 592 };

test('revealPan moves a point under the panel to the middle of the free part of the stage', () => {
  assert.deepEqual(revealPan({ x: 100, y: 200 }, panel, stage), [680, 100]);
});

test('revealPan leaves a point clear of the panel alone', () => {
  assert.equal(revealPan({ x: 700, y: 200 }, panel, stage), null);
  assert.equal(revealPan(null, panel, stage), null);
});

test('revealPan does nothing when the panel is a sheet below the stage', () => {
  const sheet = { left: 0, top: 610, right: 360, bottom: 900 };
  assert.equal(revealPan({ x: 100, y: 650 }, sheet, stage), null);
});

test('viewCentre reads lon and lat from a hash', () => {
  assert.deepEqual(viewCentre('#year=2024&view=100.35,-0.95,6.5'), [100.35, -0.95]);
  assert.equal(viewCentre('#year=2024'), null);
});
