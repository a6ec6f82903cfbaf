// MapCore over a fake MapHandle: "none" becomes null, JSON answers arrive parsed, and a panic
// stops the map once and for good while errors meant for a person pass through.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { MapCore, indexOrNull } from '../../www/element/core.js';

/** A MapHandle stand-in: answers from `answers`, records every call in `calls`. */
function fakeHandle(answers = {}) {
  const calls = [];
  return new Proxy(
    { calls },
    {
      get(target, name) {
        if (name === 'calls') return calls;
        return (...args) => {
          calls.push([name, ...args]);
          const answer = answers[name];
          return typeof answer === 'function' ? answer(...args) : answer;
        };
      },
    },
  );
}

function attached(answers, onPanic = () => assert.fail('no panic expected')) {
  const core = new MapCore(onPanic);
  const handle = fakeHandle(answers);
  core.attach(handle);
  return { core, handle };
}

test('indexOrNull maps wasm-bindgen None (undefined) to null and keeps indices, 0 included', () => {
  assert.equal(indexOrNull(undefined), null);
  assert.equal(indexOrNull(null), null);
  assert.equal(indexOrNull(0), 0);
  assert.equal(indexOrNull(513), 513);
});

test('index answers: undefined becomes null, a number stays', () => {
  const none = attached({});
  for (const method of ['selected', 'hovered', 'focused']) assert.equal(none.core[method](), null, method);
  assert.equal(none.core.pointerMove(1, 2), null);
  assert.equal(none.core.clickAt(1, 2), null);
  assert.equal(none.core.moveFocus('next'), null);

  const some = attached({ selected: 0, hovered: 7, focused: 3, pointerMove: 7, clickAt: 0, moveFocus: 12 });
  assert.equal(some.core.selected(), 0);
  assert.equal(some.core.hovered(), 7);
  assert.equal(some.core.focused(), 3);
  assert.equal(some.core.pointerMove(5, 6), 7);
  assert.equal(some.core.clickAt(5, 6), 0);
  assert.equal(some.core.moveFocus('left'), 12);
  assert.deepEqual(some.handle.calls.at(-1), ['moveFocus', 'left']);
});

test('selectIndex(null) hands the handle undefined (clears); select(null) the empty code', () => {
  const { core, handle } = attached({ select: true });
  core.selectIndex(null);
  core.selectIndex(4);
  assert.equal(core.select(null), true);
  core.select('35.20');
  assert.deepEqual(handle.calls, [
    ['selectIndex', undefined],
    ['selectIndex', 4],
    ['select', ''],
    ['select', '35.20'],
  ]);
});

test('regionInfo(null) asks nothing; JSON answers are parsed', () => {
  const info = { index: 2, code: '35.20', name: 'Kabupaten Magetan' };
  const { core, handle } = attached({
    regionInfo: (i) => (i === 2 ? JSON.stringify(info) : 'null'),
    regionAt: 'null',
    search: '[{"index":2,"code":"35.20","name":"Kabupaten Magetan","province":"Jawa Timur"}]',
    applyHash: '["year: 1999 is not a programme year"]',
    toScreen: Float64Array.of(10, 20),
  });
  assert.equal(core.regionInfo(null), null);
  assert.equal(handle.calls.length, 0);
  assert.deepEqual(core.regionInfo(2), info);
  assert.equal(core.regionInfo(9), null);
  assert.equal(core.regionAt(0, 0), null);
  assert.equal(core.search('magetn', 8)[0].code, '35.20');
  assert.deepEqual(core.applyHash('#year=1999'), ['year: 1999 is not a programme year']);
  assert.deepEqual(core.toScreen(110, -7), { x: 10, y: 20 });
});

test('changedUi answers a parsed ui only when its JSON changed', () => {
  let text = '{"year":2021,"selected":null,"hovered":4}';
  const { core } = attached({ ui: () => text });
  assert.deepEqual(core.changedUi(), { year: 2021, selected: null, hovered: 4 });
  assert.equal(core.changedUi(), null);
  text = '{"year":2022,"selected":1,"hovered":null}';
  assert.equal(core.changedUi().selected, 1);
  text = 'null';
  assert.equal(core.changedUi(), null);
});

test('before a handle is attached every call answers its nothing value', async () => {
  const core = new MapCore(() => assert.fail('no panic'));
  assert.equal(core.attached, false);
  assert.equal(core.selected(), null);
  assert.equal(core.regionAt(1, 2), null);
  assert.deepEqual(core.search('x', 8), []);
  assert.equal(core.select('35.20'), false);
  assert.equal(await core.stats(), null);
  assert.deepEqual(await core.table(), []);
  assert.equal(core.toScreen(1, 2), null);
  assert.equal(core.changedUi(), null);
  assert.equal(core.hash(), '');
  assert.doesNotThrow(() => core.pan(1, 1));
});

test('a RuntimeError is a panic: onPanic once, then the map is silent', async (t) => {
  const panics = [];
  const { core, handle } = attached(
    {
      render: () => {
        throw new WebAssembly.RuntimeError('unreachable');
      },
      selected: 3,
    },
    (detail) => panics.push(detail),
  );
  assert.equal(core.render(), false);
  assert.equal(core.dead, true);
  assert.equal(panics.length, 1);
  assert.match(panics[0], /unreachable/);
  const before = handle.calls.length;
  assert.equal(core.selected(), null);
  assert.equal(core.render(), false);
  assert.equal(handle.calls.length, before, 'no call reaches a dead handle');
  assert.equal(panics.length, 1);
  const realFetch = globalThis.fetch;
  t.after(() => (globalThis.fetch = realFetch));
  globalThis.fetch = siteFolder();
  await assert.rejects(core.loadIndicator('kode,nilai\n35.20,1'), /stopped/, 'a dead map reads no file');
});

test('an error for a person (a bad year) passes through and the map lives on', () => {
  const { core } = attached({
    setYear: (year) => {
      if (year < 2017) throw new Error(`${year} is not a programme year`);
    },
  });
  assert.throws(() => core.setYear(1999), /not a programme year/);
  assert.equal(core.dead, false);
  assert.doesNotThrow(() => core.setYear(2021));
});

test('sources: the files the core wants, each fetched once per programme; a failed one again when asked again', async (t) => {
  const requested = [];
  let failing = true;
  const realFetch = globalThis.fetch;
  t.after(() => (globalThis.fetch = realFetch));
  globalThis.fetch = async (url) => {
    requested.push(String(url).replace('https://example.org/', ''));
    if (failing && String(url).endsWith('/33.74.bin')) return new Response('', { status: 503 });
    return new Response(new Uint8Array([1, 2, 3]));
  };
  // What a handle answers with Magetan's panel open: its own; for a CSV export, the two left.
  const { core, handle } = attached({
    sourcesWanted: (all) => (all ? ['sources/33.74.bin', 'sources/35.20.bin'] : ['sources/35.20.bin']),
  });
  assert.deepEqual(core.sourceLoads(), [], 'no programme, no sources');
  await core.loadProgramme({ packed: new URL('https://example.org/one/') }, () => true);

  const [panel] = core.sourceLoads();
  assert.equal(core.sourceLoads()[0], panel, 'asked again while it comes: the same load');
  assert.equal(await panel, true);
  const loaded = handle.calls.filter(([name]) => name === 'loadProgrammeSources');
  assert.deepEqual(loaded, [['loadProgrammeSources', Uint8Array.of(1, 2, 3)]]);

  const [failed, same] = core.sourceLoads(true);
  assert.equal(same, panel, 'a file in is not fetched again');
  await assert.rejects(failed, /33\.74\.bin: HTTP 503/);
  await assert.rejects(core.tableCsv(), /HTTP 503/, 'the CSV waits for every file and says what failed');
  failing = false;
  // Asked again, the failed file is fetched again (no report without an overview here).
  assert.equal(await core.tableCsv(), null);
  assert.deepEqual(requested, [
    'one/programme.bin',
    'one/sources/35.20.bin',
    'one/sources/33.74.bin',
    'one/sources/33.74.bin',
    'one/sources/33.74.bin',
  ]);

  // Another programme: its own files; one from CSV files has its sources and wants none.
  await core.loadProgramme({ packed: new URL('https://example.org/two/') }, () => true);
  await Promise.all(core.sourceLoads());
  assert.equal(requested.at(-1), 'two/sources/35.20.bin');
  globalThis.fetch = siteFolder();
  await core.loadProgramme({ csv: new URL('https://example.org/csv/') }, () => true);
  const asked = handle.calls.filter(([name]) => name === 'sourcesWanted').length;
  assert.deepEqual(core.sourceLoads(true), []);
  assert.equal(handle.calls.filter(([name]) => name === 'sourcesWanted').length, asked);
});

/**
 * A fetch that serves the repository's programme CSV files as a site's folder (`cohorts` in place
 * of cohorts.csv when given) and the built wasm of `www/pkg/` (`make wasm`) from its file URL.
 */
function siteFolder(cohorts) {
  return async (url) => {
    const href = String(url);
    if (href.startsWith('file:')) {
      return new Response(await readFile(new URL(href)), { headers: { 'content-type': 'application/wasm' } });
    }
    const name = href.split('/').at(-1);
    if (name === 'cohorts.csv' && cohorts !== undefined) return new Response(cohorts);
    return new Response(await readFile(new URL(`../../data/programme/${name}`, import.meta.url)));
  };
}

test("a site's CSV folder: packed by the CSV reader's wasm into the packed files the map loads", async (t) => {
  const realFetch = globalThis.fetch;
  t.after(() => (globalThis.fetch = realFetch));
  const { core, handle } = attached({});
  globalThis.fetch = siteFolder();
  assert.equal(await core.loadProgramme({ csv: new URL('https://example.org/site/') }, () => true), true);
  const loads = handle.calls.map(([name, bytes]) => [name, String.fromCharCode(...bytes.subarray(0, 4))]);
  assert.deepEqual(loads, [
    ['loadPackedProgramme', 'PCPG'],
    ['loadProgrammeSources', 'PCPS'],
  ]);

  // A bad file is refused with file and line before anything reaches the map.
  globalThis.fetch = siteFolder('year,official\n2017,abc\n');
  await assert.rejects(
    core.loadProgramme({ csv: new URL('https://example.org/bad/') }, () => true),
    /cohorts\.csv line 1: expected the header/,
  );
  assert.equal(handle.calls.length, 2);
});

test("an indicator: read and matched by the CSV reader's wasm, shown by the handle; the last call wins", async (t) => {
  const realFetch = globalThis.fetch;
  t.after(() => (globalThis.fetch = realFetch));
  globalThis.fetch = siteFolder();
  const core = new MapCore(() => assert.fail('no panic'));
  const handle = fakeHandle({});
  core.attach(handle, new Uint8Array(await readFile(new URL('../../data/build/overview.bin', import.meta.url))));
  const report = await core.loadIndicator('kode;nama;nilai\n35.20;;12,5\n;Kota Bukittinggi;7\n;Magetn Raya;1\n');
  assert.deepEqual([report.label, report.rows, report.matched, report.problems.length], ['nilai', 3, 2, 1]);
  // The shipped wasm has no Debug formatting (-Zfmt-debug=none): the row's own text is still quoted.
  assert.match(report.problems[0], /"Magetn Raya" matches no kabupaten\/kota/);
  const [[name, layer]] = handle.calls;
  assert.equal(name, 'loadIndicator');
  assert.equal(String.fromCharCode(...layer.subarray(0, 4)), 'PCIL', 'the matched layer, not the text');

  // A file the reader cannot use is refused before anything reaches the map.
  await assert.rejects(core.loadIndicator('foo,bar\n1,2'), /no column of codes/);
  await assert.rejects(core.loadIndicator('kode,nilai\n99.99,1'), /no row matched/);
  assert.equal(handle.calls.length, 1);

  // A clear (or another file) before the reader answers: the earlier file never shows.
  const earlier = core.loadIndicator('kode,nilai\n35.20,2');
  core.clearIndicator();
  await assert.rejects(earlier, { name: 'AbortError' });
  assert.deepEqual(
    handle.calls.map(([call]) => call),
    ['loadIndicator', 'clearIndicator'],
  );
});

test("an indicator's names match as docs/element.md says: exactly, but for case, accents, spaces, prefix and aliases", async (t) => {
  const realFetch = globalThis.fetch;
  t.after(() => (globalThis.fetch = realFetch));
  globalThis.fetch = siteFolder();
  const core = new MapCore(() => assert.fail('no panic'));
  core.attach(
    fakeHandle({}),
    new Uint8Array(await readFile(new URL('../../data/build/overview.bin', import.meta.url))),
  );
  const rows = ['MAGETAN', 'Kab. Batang Hari', 'Bukit Tinggi', 'Solo', 'Magetn', 'Blitar'];
  const csv = `nama;nilai\n${rows.map((name, i) => `${name};${i}`).join('\n')}\n`;
  const report = await core.loadIndicator(csv);
  assert.equal(report.matched, 4, JSON.stringify(report));
  assert.deepEqual(report.problems, [
    'line 6: "Magetn" matches no kabupaten/kota; closest: Kabupaten Magetan, Kabupaten Magelang, Kota Magelang',
    'line 7: "Blitar" matches no kabupaten/kota; closest: Kabupaten Blitar, Kota Blitar',
  ]);
});

test("the reports: the reports' wasm fed the handle's bytes, following the map's year and language", async (t) => {
  const realFetch = globalThis.fetch;
  t.after(() => (globalThis.fetch = realFetch));
  globalThis.fetch = siteFolder();
  const overview = await readFile(new URL('../../data/build/overview.bin', import.meta.url));
  let ui = { year: 2017, lang: 'en', theme: 'light' };
  const core = new MapCore(() => assert.fail('no panic'));
  core.attach(fakeHandle({ ui: () => JSON.stringify(ui) }), new Uint8Array(overview));
  await core.loadProgramme({ csv: new URL('https://example.org/site/') }, () => true);

  const stats2017 = await core.stats();
  assert.deepEqual([stats2017.year, stats2017.regions], [2017, 514]);
  const rows2017 = await core.table();
  assert.ok(rows2017.length > 0 && rows2017.every((row) => row.years[0] === 2017), 'the 2017 cohort');
  ui = { year: 2024, lang: 'id', theme: 'dark' };
  const [rows2024, stats2024] = await Promise.all([core.table(), core.stats()]);
  assert.ok(rows2024.length > rows2017.length, 'the reports follow the year');
  assert.equal(stats2024.membersAsOfYear, rows2024.length);
  assert.match(await core.tableCsv(), /^\uFEFFKabupaten\/kota/, 'and the language');
  assert.equal((await core.participation()).year, 2024);
  assert.match(await core.cohortChartSvg(), /^<svg/);
});
