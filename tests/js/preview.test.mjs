// Which view the prerendered preview can show for the element's attributes, and its `ui` answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveTheme } from '../../www/element/attributes.js';
import { previewUi, previewView } from '../../www/element/preview.js';

const attributes = (values) => (name) => values[name] ?? null;

test('previewView: cohort mode at the home view, in the asked language and theme', () => {
  assert.deepEqual(previewView(attributes({}), '', false, resolveTheme), { year: null, lang: 'id', theme: 'light' });
  assert.deepEqual(previewView(attributes({ year: '2019', lang: 'en', mode: 'cohort' }), '', true, resolveTheme), {
    year: 2019,
    lang: 'en',
    theme: 'dark',
  });
  assert.equal(previewView(attributes({ theme: 'light' }), '', true, resolveTheme).theme, 'light');
  assert.equal(
    previewView(attributes({ lang: 'fr' }), '', false, resolveTheme).lang,
    'id',
    'an unknown language is the default',
  );
  // A hash without sync-hash is not the map's.
  assert.notEqual(previewView(attributes({}), '#view=110,-7,24', false, resolveTheme), null);
});

test('previewView: nothing the preview cannot show', () => {
  for (const values of [
    { mode: 'pillar' },
    { mode: 'indicator' },
    { indicator: 'x.csv' },
    { programme: 'own/' },
    { region: '35.20' },
  ]) {
    assert.equal(previewView(attributes(values), '', false, resolveTheme), null, JSON.stringify(values));
  }
  assert.notEqual(previewView(attributes({ 'sync-hash': '' }), '#', false, resolveTheme), null);
});

test("previewView: a sync-hash link the preview can show wins over the attributes; any other link is the map's", () => {
  const synced = attributes({ 'sync-hash': '', year: '2018', lang: 'id', theme: 'light' });
  // The demo's iframe code.
  assert.deepEqual(previewView(synced, '#year=2021&mode=cohort&lang=en&theme=dark', false, resolveTheme), {
    year: 2021,
    lang: 'en',
    theme: 'dark',
  });
  assert.deepEqual(previewView(synced, '#theme=auto&year=2019&year=2022', true, resolveTheme), {
    year: 2022,
    lang: 'id',
    theme: 'dark',
  });
  assert.deepEqual(previewView(attributes({ 'sync-hash': '', mode: 'pillar' }), '#mode=cohort', false, resolveTheme), {
    year: null,
    lang: 'id',
    theme: 'light',
  });
  for (const hash of [
    '#year=2021&view=110,-7,4',
    '#region=35.20',
    '#mode=pillar',
    '#year=21',
    '#lang=EN',
    '#lang=e%6E',
    '#theme=purple',
    '#zzz=1',
    '#year',
  ]) {
    assert.equal(previewView(synced, hash, false, resolveTheme), null, hash);
  }
});

test('previewUi: the year asked for (the latest by default) in that language and theme; none for a year without a cohort', () => {
  const ui = (year, lang, theme) => ({ year, lang, theme });
  const data = {
    years: [2017, 2018].map((year) => ({
      year,
      ui: ['id', 'en'].flatMap((lang) => ['light', 'dark'].map((theme) => ui(year, lang, theme))),
    })),
  };
  assert.deepEqual(previewUi(data, { year: null, lang: 'en', theme: 'dark' }), ui(2018, 'en', 'dark'));
  assert.deepEqual(previewUi(data, { year: 2017, lang: 'id', theme: 'light' }), ui(2017, 'id', 'light'));
  assert.equal(previewUi(data, { year: 2020, lang: 'id', theme: 'light' }), null);
  assert.equal(previewUi(data, { year: NaN, lang: 'id', theme: 'light' }), null);
});
