// The data folder and the packaged files, and the detailed atlas fetched only when a view wants it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DetailLoader, dataBase, dataUrl } from '../../www/element/data.js';

test('dataBase: the src folder relative to the document, else none (the packaged files)', () => {
  const doc = 'https://example.go.id/peta/index.html';
  assert.equal(dataBase('assets/peta', doc).href, 'https://example.go.id/peta/assets/peta/');
  assert.equal(dataBase('/data/', doc).href, 'https://example.go.id/data/');
  assert.equal(dataBase(null, doc), null);
  assert.equal(dataBase('http://[bad', doc), null);
});

test('dataUrl: a file in the src folder, else the packaged file beside peta-cerdas.js', () => {
  const base = new URL('https://example.go.id/peta/data/');
  assert.equal(dataUrl(base, 'atlas.bin'), 'https://example.go.id/peta/data/atlas.bin');
  for (const name of [
    'overview.bin',
    'atlas.bin',
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

/** A MapCore stand-in for DetailLoader: `needsDetail` as set, loadDetail counted and resolved. */
function fakeCore({ needsDetail = false, fails = false } = {}) {
  return {
    needsDetail: () => needsDetail,
    dead: false,
    requests: [],
    set wants(value) {
      needsDetail = value;
    },
    loadDetail(base, current) {
      this.requests.push(base);
      return fails ? Promise.reject(new Error('HTTP 404')) : Promise.resolve(current());
    },
  };
}

test('the detailed atlas is fetched once, only after a draw whose view wants it', async () => {
  const core = fakeCore();
  let loaded = 0;
  const loader = new DetailLoader(core, { loaded: () => loaded++, failed: () => assert.fail('no failure') });
  loader.drawn();
  assert.deepEqual(core.requests, [], 'nothing before a start');
  loader.reset('base/', () => true);
  loader.drawn();
  assert.deepEqual(core.requests, [], 'the home view does not want it');
  core.wants = true;
  loader.drawn();
  loader.drawn();
  await Promise.resolve();
  assert.deepEqual(core.requests, ['base/'], 'fetched once');
  assert.equal(loaded, 1);
  loader.reset('other/', () => true);
  loader.drawn();
  assert.deepEqual(core.requests, ['base/', 'other/'], 'a new data folder fetches again');
});

test('a start that was superseded fetches nothing; a failed fetch is reported', async () => {
  const stale = fakeCore({ needsDetail: true });
  const loader = new DetailLoader(stale, { loaded: () => assert.fail(), failed: () => assert.fail() });
  loader.reset('base/', () => false);
  loader.drawn();
  assert.deepEqual(stale.requests, []);

  const failing = fakeCore({ needsDetail: true, fails: true });
  const failures = [];
  const reporting = new DetailLoader(failing, { loaded: () => assert.fail(), failed: (e) => failures.push(e.message) });
  reporting.reset('base/', () => true);
  reporting.drawn();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(failures, ['HTTP 404']);
});
