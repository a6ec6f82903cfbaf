// Downloads from the toolbar: the data table as CSV, the view as PNG and SVG, under a strict CSP.
import fs from 'node:fs';
import { assert, call, part, test, waitReady } from './lib.mjs';

/** The rows of CSV text (RFC 4180 quoting). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(cell), (cell = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** Clicks the toolbar button `id` and returns the download's name and bytes. */
async function download(page, id) {
  const [file] = await Promise.all([page.waitForEvent('download'), part(page, id).click()]);
  const bytes = fs.readFileSync(await file.path());
  return { name: file.suggestedFilename(), bytes };
}

test('downloads: CSV (BOM, header in the map language, a row per member with sources), PNG and SVG', async (t) => {
  const page = await t.open('/csp/e2e/csp.html', { context: { acceptDownloads: true } });
  await waitReady(page);
  for (const [lang, header] of [
    ['id', 'Kabupaten/kota'],
    ['en', 'Regency/city'],
  ]) {
    await page.$eval('peta-cerdas', (el, lang) => el.setAttribute('lang', lang), lang);
    await page.waitForFunction(
      (lang) => document.querySelector('peta-cerdas').shadowRoot.getElementById('root').lang === lang,
      lang,
    );
    const label = await part(page, 'download-csv').getAttribute('aria-label');
    assert.match(label, lang === 'en' ? /Download/ : /Unduh/);
    const { name, bytes } = await download(page, 'download-csv');
    const stats = await call(page, 'stats');
    assert.equal(name, `peta-cerdas-${stats.year}-${lang}.csv`);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with a UTF-8 BOM');
    const text = bytes.toString('utf8').slice(1);
    assert.equal(text, (await call(page, 'toCSV')).slice(1), 'the file is toCSV()');
    const rows = parseCsv(text).filter((r) => r.some((c) => c !== ''));
    assert.equal(rows[0][0], header, `header row: ${rows[0]}`);
    const body = rows.slice(1);
    assert.equal(body.length, stats.membersAsOfYear, 'one row per member of the year');
    const sources = rows[0].length - 1;
    // Every row has a source URL; a few sources exist only over plain http (Kabupaten Blora's, 2018).
    for (const row of body) assert.match(row[sources], /https?:\/\/\S+/, `a source for ${row[0]}`);
    const https = body.filter((row) => /https:\/\//.test(row[sources])).length;
    assert.ok(https > body.length * 0.9, `${https} of ${body.length} rows have an https source`);
  }
  const png = await download(page, 'download-png');
  assert.match(png.name, /^peta-cerdas-\d{4}-en\.png$/);
  assert.ok(png.bytes.length > 1000, `PNG of ${png.bytes.length} bytes`);
  assert.deepEqual([...png.bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG signature');
  const svg = await download(page, 'download-svg');
  assert.match(svg.name, /^peta-cerdas-\d{4}-en\.svg$/);
  assert.match(svg.bytes.toString('utf8', 0, 400), /<svg[\s>]/, 'an SVG document');
  assert.ok(svg.bytes.length > 1000, `SVG of ${svg.bytes.length} bytes`);
  const violations = await page.evaluate(() => window.__violations ?? null);
  assert.deepEqual(violations, [], `securitypolicyviolation events: ${JSON.stringify(violations)}`);
});

test('downloads: the buttons are at least 44 px tall on a touch screen', async (t) => {
  const page = await t.open('/index.html', {
    context: { hasTouch: true, isMobile: true, viewport: { width: 400, height: 800 } },
  });
  await waitReady(page);
  for (const id of ['download-csv', 'download-png', 'download-svg']) {
    const box = await part(page, id).boundingBox();
    assert.ok(box && box.height >= 44, `${id}: ${JSON.stringify(box)}`);
  }
});
