// The maths of the gestures: pinch steps and wheel zoom factors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distance, pinchState, pinchStep, wheelZoomFactor } from '../../www/element/gestures.js';

test('two fingers: spread and midpoint', () => {
  assert.equal(distance([0, 0], [3, 4]), 5);
  assert.deepEqual(pinchState([0, 0], [6, 8]), { distance: 10, mid: [3, 4] });
});

test('a pinch step pans by the midpoint move and zooms by the spread ratio', () => {
  const before = pinchState([100, 100], [200, 100]);
  const after = pinchState([60, 110], [260, 110]);
  assert.deepEqual(pinchStep(before, after), { dx: 10, dy: 10, factor: 2 });
});

test('fingers spreading apart zoom in, closing zoom out, moving together only pan', () => {
  const start = pinchState([0, 0], [100, 0]);
  assert.ok(pinchStep(start, pinchState([-10, 0], [110, 0])).factor > 1);
  assert.ok(pinchStep(start, pinchState([10, 0], [90, 0])).factor < 1);
  const moved = pinchStep(start, pinchState([30, 40], [130, 40]));
  assert.deepEqual(moved, { dx: 30, dy: 40, factor: 1 });
});

test('fingers that started on one spot pan without a zoom factor', () => {
  const step = pinchStep(pinchState([5, 5], [5, 5]), pinchState([0, 5], [20, 5]));
  assert.equal(step.factor, null);
  assert.deepEqual([step.dx, step.dy], [5, 0]);
});

test('wheel: down zooms out, up zooms in, lines count as 16 pixels', () => {
  assert.equal(wheelZoomFactor(0, 0), 1);
  assert.ok(wheelZoomFactor(100, 0) < 1);
  assert.ok(wheelZoomFactor(-100, 0) > 1);
  assert.ok(Math.abs(wheelZoomFactor(100, 0) * wheelZoomFactor(-100, 0) - 1) < 1e-12);
  assert.equal(wheelZoomFactor(3, 1), wheelZoomFactor(48, 0));
  assert.ok(Math.abs(wheelZoomFactor(-100, 0) - Math.exp(0.3)) < 1e-12);
});
