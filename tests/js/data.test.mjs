// The data folder and the packaged files, and the provinces' level files fetched only when a view draws their level.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DetailLoader, dataBase, dataUrl, fetchOnce } from '../../www/element/data.js';

test('dataBase: the src folder relative to the document, else none (the packaged files)', () => {
  const doc = 'https://example.go.id/peta/index.html';
  assert.equal(dataBase('assets/peta', doc).href, 'https://example.go.id/peta/assets/peta/');
  assert.equal(dataBase('/data/', doc).href, 'https://example.go.id/data/');
  assert.equal(dataBase(null, doc), null);
  assert.equal(dataBase('http://[bad', doc), null);
});

test('dataUrl: a file in the src folder, else the packaged file beside peta-cerdas.js', () => {
  const base = new URL('https://example.go.id/peta/data/');
  assert.equal(dataUrl(base, 'detail/1/35.bin'), 'https://example.go.id/peta/data/detail/1/35.bin');
  for (const name of [
    'overview.bin',
    'detail/1/35.bin',
    'detail/2/96.bin',
    'members.csv',
    'pillars.csv',
    'cohorts.csv',
    'fallback-en.svg',
    'table-id.json',
  ]) {
    assert.ok(dataUrl(null, name).endsWith(`/www/data/${name}`), dataUrl(null, name));
  }
  assert.throws(() => dataUrl(null, 'elsewhere.csv'), /not one of the packaged data files/);
});

/** A MapCore stand-in for DetailLoader: `detailWanted` as set, loadDetail counted and resolved. */
function fakeCore({ wanted = [], fails = [] } = {}) {
  return {
    detailWanted: () => wanted,
    dead: false,
    requests: [],
    set wants(value) {
      wanted = value;
    },
    loadDetail(base, name, current) {
      this.requests.push(`${base}${name}`);
      return fails.includes(name) ? Promise.reject(new Error(`${name}: HTTP 404`)) : Promise.resolve(current());
    },
  };
}

test('each wanted level file is fetched once, only after a draw whose view wants it', async () => {
  const core = fakeCore();
  let loaded = 0;
  const loader = new DetailLoader(core, { loaded: () => loaded++, failed: () => assert.fail('no failure') });
  loader.drawn();
  assert.deepEqual(core.requests, [], 'nothing before a start');
  loader.reset('base/', () => true);
  loader.drawn();
  assert.deepEqual(core.requests, [], 'the home view wants none');
  core.wants = ['detail/1/33.bin', 'detail/1/35.bin'];
  loader.drawn();
  loader.drawn();
  await Promise.resolve();
  assert.deepEqual(core.requests, ['base/detail/1/33.bin', 'base/detail/1/35.bin'], 'each fetched once');
  assert.equal(loaded, 2, 'a redraw per file');
  core.wants = ['detail/1/35.bin', 'detail/1/34.bin'];
  loader.drawn();
  assert.deepEqual(core.requests.slice(2), ['base/detail/1/34.bin'], 'only the new province');
  core.wants = ['detail/2/35.bin'];
  loader.drawn();
  assert.deepEqual(core.requests.slice(3), ['base/detail/2/35.bin'], "a deeper zoom: the province's level 2");
  core.wants = ['detail/1/35.bin', 'detail/1/34.bin'];
  loader.reset('other/', () => true);
  loader.drawn();
  assert.deepEqual(
    core.requests.slice(4),
    ['other/detail/1/35.bin', 'other/detail/1/34.bin'],
    'a new data folder fetches again',
  );
});

test('a start that was superseded fetches nothing; a failed file is reported once', async () => {
  const stale = fakeCore({ wanted: ['detail/1/35.bin'] });
  const loader = new DetailLoader(stale, { loaded: () => assert.fail(), failed: () => assert.fail() });
  loader.reset('base/', () => false);
  loader.drawn();
  assert.deepEqual(stale.requests, []);

  const failing = fakeCore({ wanted: ['detail/1/33.bin', 'detail/1/35.bin'], fails: ['detail/1/35.bin'] });
  const failures = [];
  let loaded = 0;
  const reporting = new DetailLoader(failing, { loaded: () => loaded++, failed: (e) => failures.push(e.message) });
  reporting.reset('base/', () => true);
  reporting.drawn();
  reporting.drawn();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(failures, ['detail/1/35.bin: HTTP 404']);
  assert.equal(loaded, 1, 'the other province still arrives');
});

test('fetchOnce: a file the server says is not there is asked for once; one that failed otherwise, again', async () => {
  const asked = [];
  const statuses = { 'https://example.go.id/gone/preview.json': 404, 'https://example.go.id/busy/preview.json': 503 };
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url) => {
    asked.push(url);
    return new Response('{}', { status: statuses[url] ?? 200 });
  };
  try {
    for (const folder of ['gone', 'busy']) {
      const url = `https://example.go.id/${folder}/preview.json`;
      for (let i = 0; i < 2; i++) await assert.rejects(fetchOnce(url, 'json'), new RegExp(`HTTP ${statuses[url]}`));
    }
  } finally {
    globalThis.fetch = realFetch;
  }
  assert.deepEqual(asked, [
    'https://example.go.id/gone/preview.json',
    'https://example.go.id/busy/preview.json',
    'https://example.go.id/busy/preview.json',
  ]);
});
