// The view models that turn the core's answers into text: table rows, the panel, the tooltip and
// the legend. Links are only ever http(s).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yearIndex } from '../../www/element/controls.js';
import { legendItems } from '../../www/element/legend.js';
import { panelModel } from '../../www/element/panel.js';
import { STRINGS } from '../../www/element/strings.js';
import { latestYear, sourceLinks, tableRow } from '../../www/element/table.js';
import { tooltipModel, tooltipPosition } from '../../www/element/tooltip.js';

const { id, en } = STRINGS;

const MAGETAN = {
  index: 311,
  code: '35.20',
  name: 'Kabupaten Magetan',
  province: 'Jawa Timur',
  description: 'Kabupaten Magetan, Jawa Timur: bergabung 2021',
  value: null,
  memberships: [
    {
      year: 2021,
      confidence: 'confirmed',
      confidenceNote: '',
      sourceUrl: 'https://example.go.id/berita',
      sourceTitle: 'Berita Kominfo',
      note: '',
    },
    {
      year: 2022,
      confidence: 'inferred',
      confidenceNote: 'named in a regional report',
      sourceUrl: 'javascript:alert(1)',
      sourceTitle: 'Laporan',
      note: '',
    },
  ],
  pillars: [
    { key: 'governance', label: 'Tata kelola' },
    { key: 'living', label: 'Kehidupan' },
  ],
  citations: [
    { pillars: ['Tata kelola', 'Kehidupan'], kind: 'stated', sourceUrl: 'https://example.go.id/rpjmd', quote: 'Smart' },
    { pillars: ['Kehidupan'], kind: 'stated', sourceUrl: 'data:text/html,x', quote: '' },
  ],
};

test('table rows: years and pillars as lists, sources numbered by position, unsafe ones left out', () => {
  const row = {
    index: 311,
    code: '35.20',
    name: 'Kabupaten Magetan',
    province: 'Jawa Timur',
    years: [2017, 2021],
    confidences: ['confirmed', 'conflicting'],
    flagged: true,
    pillars: ['Tata kelola', 'Kehidupan'],
    sources: ['https://a.example/1', 'javascript:alert(1)', 'http://b.example/3'],
  };
  assert.deepEqual(tableRow(row, id), {
    name: 'Kabupaten Magetan',
    province: 'Jawa Timur',
    years: '2017, 2021 (sumber bertentangan)',
    pillars: 'Tata kelola, Kehidupan',
    sources: [
      { href: 'https://a.example/1', text: 'sumber 1' },
      { href: 'http://b.example/3', text: 'sumber 3' },
    ],
  });
  assert.equal(
    tableRow({ ...row, confidences: undefined }, en).years,
    '2017, 2021',
    'an older table without confidences',
  );
  assert.deepEqual(sourceLinks(['not a url', 'ftp://x.example/'], en), []);
  assert.equal(sourceLinks(['https://a.example/x y'], en)[0].href, 'https://a.example/x%20y');
});

test('the fallback table is captioned with the latest year any row joined in', () => {
  assert.equal(latestYear([{ years: [2017, 2021] }, { years: [2024] }, { years: [] }]), 2024);
  assert.equal(latestYear([]), '');
});

test('panel: province and description, memberships with confidence and a safe source link', () => {
  const model = panelModel(MAGETAN, id);
  assert.equal(model.title, 'Kabupaten Magetan');
  assert.equal(model.province, 'Provinsi: Jawa Timur');
  assert.equal(model.description, 'Kabupaten Magetan, Jawa Timur: bergabung 2021');
  assert.deepEqual(model.memberships, [
    {
      year: '2021',
      note: 'terkonfirmasi',
      link: { href: 'https://example.go.id/berita', text: 'Berita Kominfo' },
      sourceTitle: 'Berita Kominfo',
    },
    { year: '2022', note: 'dugaan: named in a regional report', link: null, sourceTitle: 'Laporan' },
  ]);
  assert.deepEqual(model.pillars, ['Tata kelola', 'Kehidupan']);
  assert.deepEqual(model.citations, [
    { pillars: 'Tata kelola, Kehidupan', quote: 'Smart', href: 'https://example.go.id/rpjmd', pending: '' },
    { pillars: 'Kehidupan', quote: '', href: null, pending: '' },
  ]);
});

test('panel: before the sources are in, the years and pillars show and each source says it is loading', () => {
  // What regionInfo answers before its province's sources file: the facts, with empty texts.
  const facts = {
    ...MAGETAN,
    memberships: MAGETAN.memberships.map((m) => ({
      ...m,
      confidenceNote: '',
      sourceUrl: '',
      sourceTitle: '',
      note: '',
    })),
    citations: MAGETAN.citations.map((c) => ({ ...c, sourceUrl: '', quote: '' })),
  };
  const model = panelModel(facts, id, false);
  assert.deepEqual(
    model.memberships.map((m) => [m.year, m.note, m.link, m.sourceTitle]),
    [
      ['2021', 'terkonfirmasi', null, id.loadingSources],
      ['2022', 'dugaan', null, id.loadingSources],
    ],
  );
  assert.deepEqual(model.pillars, ['Tata kelola', 'Kehidupan']);
  assert.deepEqual(
    model.citations.map((c) => [c.pillars, c.quote, c.href, c.pending]),
    [
      ['Tata kelola, Kehidupan', '', null, id.loadingSources],
      ['Kehidupan', '', null, id.loadingSources],
    ],
  );
});

test('panel: an indicator value joins the description; a non-member says so', () => {
  const model = panelModel(
    {
      ...MAGETAN,
      value: { label: 'Jumlah layanan', value: 10, text: '10' },
      memberships: [],
      pillars: [],
      citations: [],
    },
    en,
  );
  assert.equal(model.description, 'Kabupaten Magetan, Jawa Timur: bergabung 2021 · Jumlah layanan: 10');
  assert.equal(model.memberships, null);
  assert.deepEqual(model.pillars, [en.noPillars]);
  assert.deepEqual(model.citations, []);
});

test('panel: an unknown confidence is shown as it came; a link without a title shows its URL', () => {
  const model = panelModel(
    {
      ...MAGETAN,
      memberships: [{ year: 2019, confidence: 'disputed', confidenceNote: '', sourceUrl: 'https://x.example/' }],
    },
    en,
  );
  assert.equal(model.memberships[0].note, 'disputed');
  assert.deepEqual(model.memberships[0].link, { href: 'https://x.example/', text: 'https://x.example/' });
});

test('tooltip: name and province, then value, years and pillars when there are any', () => {
  assert.deepEqual(tooltipModel(MAGETAN), {
    name: 'Kabupaten Magetan',
    province: 'Jawa Timur',
    lines: ['2021, 2022', 'Tata kelola, Kehidupan'],
  });
  const bare = { ...MAGETAN, memberships: [], pillars: [], value: { label: 'Skor', text: '3,5' } };
  assert.deepEqual(tooltipModel(bare).lines, ['Skor: 3,5']);
});

test('tooltip: beside the pointer, kept 4 px inside the stage', () => {
  const stage = { width: 400, height: 300 };
  const box = { width: 100, height: 50 };
  assert.deepEqual(tooltipPosition(10, 20, stage, box), { left: 24, top: 34 });
  assert.deepEqual(tooltipPosition(390, 290, stage, box), { left: 296, top: 246 });
  assert.deepEqual(tooltipPosition(0, 0, { width: 50, height: 30 }, box), { left: 4, top: 4 });
});

test('legend: counts in brackets, shown classes pressed, the overlays (hatching, dashed outline) not toggles', () => {
  const items = legendItems([
    { key: 'joined-2017', label: '2017', count: 26, fill: '#0072b2', hatched: false, dashed: false, hidden: false },
    { key: 'joined-2018', label: '2018', count: 50, fill: '#d55e00', hatched: false, dashed: false, hidden: true },
    { key: null, label: 'Bergabung lagi', count: 3, fill: '#ffffff', hatched: true, dashed: false, hidden: false },
    { key: null, label: 'Diragukan', count: 9, fill: '#f7f9fb', hatched: false, dashed: true, hidden: false },
  ]);
  assert.deepEqual(items, [
    { key: 'joined-2017', label: '2017', count: '(26)', fill: '#0072b2', hatched: false, dashed: false, pressed: true },
    {
      key: 'joined-2018',
      label: '2018',
      count: '(50)',
      fill: '#d55e00',
      hatched: false,
      dashed: false,
      pressed: false,
    },
    { key: null, label: 'Bergabung lagi', count: '(3)', fill: '#ffffff', hatched: true, dashed: false, pressed: true },
    { key: null, label: 'Diragukan', count: '(9)', fill: '#f7f9fb', hatched: false, dashed: true, pressed: true },
  ]);
});

test('year slider: a cohort year at its place; a year between cohorts at the cohort before it', () => {
  const years = [2017, 2018, 2019, 2021, 2022];
  assert.equal(yearIndex(years, 2017), 0);
  assert.equal(yearIndex(years, 2021), 3);
  assert.equal(yearIndex(years, 2020), 2, 'the map as of 2020 shows the 2019 cohort; the next step is 2021');
  assert.equal(yearIndex(years, 2030), 4);
  assert.equal(yearIndex(years, 2016), 0);
});
