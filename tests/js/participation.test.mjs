// The participation section's pure parts: the chart's data: URL, percentages, table cells, the
// province filter and the download name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cohortCells, chartFileName, chartUrl, percent, provinceCells } from '../../www/element/participation.js';
import { STRINGS } from '../../www/element/strings.js';
import { filterRows } from '../../www/element/table.js';

test('the chart becomes a data: URL that decodes back to the same SVG', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><title>A & B #1 "x" 100%</title></svg>';
  const url = chartUrl(svg);
  assert.match(url, /^data:image\/svg\+xml;charset=utf-8,/);
  assert.ok(!/[<>"#%\s]/.test(url.slice(url.indexOf(',') + 1).replace(/%[0-9A-F]{2}/g, '')), url);
  assert.equal(decodeURIComponent(url.slice(url.indexOf(',') + 1)), svg);
});

test('shares are written as percentages in the language', () => {
  assert.equal(percent(0.375, 'en'), '37.5%');
  assert.match(percent(0.375, 'id'), /^37,5\s?%$/);
  assert.equal(percent(1, 'en'), '100%');
  assert.equal(percent(Number.NaN, 'en'), '0%');
});

test('cohort and province cells are text in the core order', () => {
  const cohorts = [
    { year: 2017, official: 25, confirmed: 25, doubtful: 1, members: 26, fill: '#0072b2' },
    { year: 2018, official: 50, confirmed: 40, doubtful: 14, members: 79, fill: '#d55e00' },
  ];
  assert.deepEqual(cohortCells(cohorts), [
    ['2017', '25', '25', '1', '26'],
    ['2018', '50', '40', '14', '79'],
  ]);
  const provinces = [
    { province: 'Jawa Timur', regions: 38, members: 30, share: 30 / 38 },
    { province: '<b>Aceh</b>', regions: 23, members: 0, share: 0 },
  ];
  assert.deepEqual(provinceCells(provinces, 'en'), [
    { province: 'Jawa Timur', regions: '38', members: '30', share: '78.9%' },
    { province: '<b>Aceh</b>', regions: '23', members: '0', share: '0%' },
  ]);
});

test('the province filter keeps that province only, and null keeps everything', () => {
  const rows = [
    { name: 'Kota Surabaya', province: 'Jawa Timur' },
    { name: 'Kota Bandung', province: 'Jawa Barat' },
    { name: 'Kabupaten Magetan', province: 'Jawa Timur' },
  ];
  assert.deepEqual(
    filterRows(rows, 'Jawa Timur').map((r) => r.name),
    ['Kota Surabaya', 'Kabupaten Magetan'],
  );
  assert.equal(filterRows(rows, null), rows);
  assert.deepEqual(filterRows(rows, 'Bali'), []);
});

test('the chart download is named by year and language', () => {
  assert.equal(chartFileName(2024, 'id'), 'peta-cerdas-partisipasi-2024-id.svg');
  assert.equal(chartFileName(undefined, 'xx'), 'peta-cerdas-partisipasi.svg');
});

test('both languages name the section, its columns and its captions', () => {
  for (const t of Object.values(STRINGS)) {
    assert.equal(t.participationColumns.length, 5);
    assert.equal(t.provinceColumns.length, 4);
    assert.match(t.provinceCaption(2021), /2021/);
  }
  assert.notEqual(STRINGS.id.participation, STRINGS.en.participation);
});
