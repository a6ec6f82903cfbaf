// The toolbar's downloads: file names and types (www/element/download.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOWNLOAD_TYPES, downloadName } from '../../www/element/download.js';

test('download names carry the year and the language', () => {
  assert.equal(downloadName(2024, 'id', 'csv'), 'peta-cerdas-2024-id.csv');
  assert.equal(downloadName(2017, 'en', 'png'), 'peta-cerdas-2017-en.png');
  assert.equal(downloadName(undefined, undefined, 'svg'), 'peta-cerdas.svg');
  assert.equal(downloadName(2024, '../x', 'csv'), 'peta-cerdas-2024.csv');
});

test('every download kind has its MIME type', () => {
  assert.deepEqual(Object.keys(DOWNLOAD_TYPES).sort(), ['csv', 'png', 'svg']);
  assert.match(DOWNLOAD_TYPES.csv, /^text\/csv/);
  assert.equal(DOWNLOAD_TYPES.png, 'image/png');
  assert.match(DOWNLOAD_TYPES.svg, /^image\/svg\+xml/);
});
