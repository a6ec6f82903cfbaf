// The map's key bindings, as the doc comment of www/element/keyboard.js lists them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FOCUS_MOVES } from '../../www/element/contract.js';
import { KEY_PAN_PX, KEY_ZOOM, actionForKey, enterStep, focusDirection } from '../../www/element/keyboard.js';

test('arrows pan the map the other way (more of the west shows on ArrowLeft)', () => {
  assert.deepEqual(actionForKey({ key: 'ArrowLeft' }), { type: 'pan', dx: KEY_PAN_PX, dy: 0 });
  assert.deepEqual(actionForKey({ key: 'ArrowRight' }), { type: 'pan', dx: -KEY_PAN_PX, dy: 0 });
  assert.deepEqual(actionForKey({ key: 'ArrowUp' }), { type: 'pan', dx: 0, dy: KEY_PAN_PX });
  assert.deepEqual(actionForKey({ key: 'ArrowDown', shiftKey: false }), { type: 'pan', dx: 0, dy: -KEY_PAN_PX });
});

test('Shift+arrows move the focus ring that way; Page Down/Up step through the table order', () => {
  for (const [key, direction] of [
    ['ArrowLeft', 'left'],
    ['ArrowRight', 'right'],
    ['ArrowUp', 'up'],
    ['ArrowDown', 'down'],
  ]) {
    assert.deepEqual(actionForKey({ key, shiftKey: true }), { type: 'focus', direction, spatial: true });
  }
  assert.deepEqual(actionForKey({ key: 'PageDown' }), { type: 'focus', direction: 'next', spatial: false });
  assert.deepEqual(actionForKey({ key: 'PageUp', shiftKey: true }), {
    type: 'focus',
    direction: 'previous',
    spatial: false,
  });
});

test('a compass move with nothing focused starts at the first region; a step never does', () => {
  const left = actionForKey({ key: 'ArrowLeft', shiftKey: true });
  assert.equal(focusDirection(left, null), 'first');
  assert.equal(focusDirection(left, 0), 'left');
  const next = actionForKey({ key: 'PageDown' });
  assert.equal(focusDirection(next, null), 'next');
  assert.equal(focusDirection(next, 17), 'next');
});

test('Enter and Space select, Escape clears, +/= and -/_ zoom, 0 resets', () => {
  assert.deepEqual(actionForKey({ key: 'Enter' }), { type: 'select-focused' });
  assert.deepEqual(actionForKey({ key: ' ' }), { type: 'select-focused' });
  assert.deepEqual(actionForKey({ key: 'Escape' }), { type: 'clear' });
  for (const key of ['+', '=']) assert.deepEqual(actionForKey({ key }), { type: 'zoom', factor: KEY_ZOOM });
  for (const key of ['-', '_']) assert.deepEqual(actionForKey({ key }), { type: 'zoom', factor: 1 / KEY_ZOOM });
  assert.deepEqual(actionForKey({ key: '0' }), { type: 'reset' });
});

test("keys held with Ctrl, Alt or Meta are the browser's (Back, page zoom); Shift ones stay the map's", () => {
  for (const modifier of ['ctrlKey', 'altKey', 'metaKey']) {
    for (const key of ['ArrowLeft', 'ArrowRight', '+', '=', '-', '_', '0', 'Enter', 'Escape', 'PageDown']) {
      assert.equal(actionForKey({ key, [modifier]: true }), null, `${modifier} + ${key}`);
      assert.equal(actionForKey({ key, shiftKey: true, [modifier]: true }), null, `Shift + ${modifier} + ${key}`);
    }
  }
  assert.equal(actionForKey({ key: 'ArrowLeft', shiftKey: true }).type, 'focus');
  assert.equal(actionForKey({ key: '+', shiftKey: true }).type, 'zoom');
});

test('other keys are left to the page', () => {
  for (const key of ['Tab', 'a', '1', 'Home', 'End', 'F5', 'Shift', 'Control']) {
    assert.equal(actionForKey({ key }), null, key);
    assert.equal(actionForKey({ key, shiftKey: true }), null, key);
  }
});

test('every direction the keyboard asks for is one the core knows', () => {
  const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageDown', 'PageUp'];
  for (const key of keys) {
    const action = actionForKey({ key, shiftKey: true });
    if (action.type !== 'focus') continue;
    assert.ok(FOCUS_MOVES.includes(action.direction), action.direction);
    assert.ok(FOCUS_MOVES.includes(focusDirection(action, null)));
  }
});

test('Enter with nothing focused starts the walk (focus + announce); the next Enter selects', () => {
  assert.equal(enterStep(null), 'focus-first');
  assert.equal(enterStep(0), 'select');
  assert.equal(enterStep(42), 'select');
});
