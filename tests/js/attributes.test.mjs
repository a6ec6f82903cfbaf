// How attribute values reach the core, the theme, and the URL hash comparison.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OBSERVED, START_ORDER, applyAttribute, resolveTheme, unusableValue } from '../../www/element/attributes.js';
import { LANGS, MODES, PILLARS, THEMES } from '../../www/element/contract.js';
import { sameHash } from '../../www/element/hash.js';

/** A MapCore stand-in recording calls; setYear refuses what is not a programme year. */
function fakeCore() {
  const calls = [];
  const record =
    (name, answer) =>
    (...args) => {
      calls.push([name, ...args]);
      return answer?.(...args);
    };
  return {
    calls,
    setYear: record('setYear', (year) => {
      if (!(year >= 2017 && year <= 2024)) throw new Error(`${year} is not a programme year`);
    }),
    latestYear: () => 2024,
    setMode: record('setMode'),
    setPillar: record('setPillar'),
    setLang: record('setLang'),
    select: record('select', (code) => code === null || code === '35.20'),
  };
}

test('year: a number to setYear; nonsense reaches the core as NaN and is refused; removed, the latest', () => {
  const core = fakeCore();
  applyAttribute(core, 'year', '2021');
  assert.throws(() => applyAttribute(core, 'year', 'soon'));
  applyAttribute(core, 'year', null);
  assert.deepEqual(core.calls, [
    ['setYear', 2021],
    ['setYear', NaN],
    ['setYear', 2024],
  ]);
});

test('mode, pillar and lang: removing the attribute restores the default', () => {
  const core = fakeCore();
  applyAttribute(core, 'mode', 'pillar');
  applyAttribute(core, 'mode', null);
  applyAttribute(core, 'pillar', null);
  applyAttribute(core, 'lang', 'en');
  applyAttribute(core, 'lang', null);
  assert.deepEqual(core.calls, [
    ['setMode', 'pillar'],
    ['setMode', 'cohort'],
    ['setPillar', 'count'],
    ['setLang', 'en'],
    ['setLang', 'id'],
  ]);
});

test('region: a known code selects, an unknown one throws, none clears', () => {
  const core = fakeCore();
  applyAttribute(core, 'region', '35.20');
  assert.throws(() => applyAttribute(core, 'region', '99.99'), /99\.99/);
  applyAttribute(core, 'region', '');
  applyAttribute(core, 'region', null);
  assert.deepEqual(core.calls, [
    ['select', '35.20'],
    ['select', '99.99'],
    ['select', null],
    ['select', null],
  ]);
});

test('theme: light, dark, auto or none; the element resolves auto with the system preference', () => {
  const core = fakeCore();
  assert.doesNotThrow(() => applyAttribute(core, 'theme', 'dark'));
  assert.throws(() => applyAttribute(core, 'theme', 'sepia'));
  assert.deepEqual(core.calls, [], 'the theme reaches the core through the element');
  assert.equal(resolveTheme('light', true), 'light');
  assert.equal(resolveTheme('dark', false), 'dark');
  assert.equal(resolveTheme('auto', true), 'dark');
  assert.equal(resolveTheme(null, false), 'light');
});

test("keyword attributes: a word outside the core's list is unknown before the map runs; others are the core's to judge", () => {
  for (const [name, words] of [
    ['mode', MODES],
    ['pillar', PILLARS],
    ['lang', LANGS],
    ['theme', THEMES],
  ]) {
    for (const value of [...words, null]) assert.ok(!unusableValue(name, value), `${name}=${value}`);
    for (const value of ['', 'x', words[0].toUpperCase()]) assert.ok(unusableValue(name, value), `${name}=${value}`);
  }
  for (const [name, value] of [
    ['year', 'soon'],
    ['region', '99.99'],
    ['as-of', 'tomorrow'],
  ]) {
    assert.ok(!unusableValue(name, value), `${name} is no keyword`);
  }
  // A folder that is not a URL: the packaged data would serve, unasked.
  const page = 'https://example.go.id/peta/';
  for (const name of ['src', 'programme']) {
    assert.ok(unusableValue(name, 'http://[x', page), `${name}="http://[x"`);
    for (const value of ['data/', '../peta-data', 'https://cdn.example/data', '', null]) {
      assert.ok(!unusableValue(name, value, page), `${name}=${value}`);
    }
  }
});

test('the attributes applied at start are observed ones, language first', () => {
  for (const name of START_ORDER) assert.ok(OBSERVED.includes(name), name);
  assert.equal(START_ORDER[0], 'lang');
});

test('a hash is the same state with or without its #', () => {
  assert.ok(sameHash('#year=2021&mode=cohort', 'year=2021&mode=cohort'));
  assert.ok(sameHash('#a=1', '#a=1'));
  assert.ok(!sameHash('#year=2021', '#year=2022'));
});
