// Participation at a glance (details#participation-box): the cohort chart image loads under the
// strict CSP, its table equivalent matches stats(), choosing a province zooms the map to it and
// filters the data table, "show all" clears the filter, and axe finds nothing with it open.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, SHOTS, assert, call, frames, part, test, text, until, waitEvent, waitReady } from './lib.mjs';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');
const SURABAYA = { lon: 112.75, lat: -7.25 };
const BANYUWANGI = { lon: 114.37, lat: -8.22 };

/** Opens the participation section and waits for its chart to load. */
async function openSection(page) {
  await part(page, 'participation-box').locator('summary').click();
  await until(
    () => part(page, 'participation-chart').evaluate((img) => img.complete && img.naturalWidth > 0),
    'the chart image loads',
  );
}

/** The screen distance between Surabaya and Banyuwangi: it grows as the map zooms in. */
async function span(page) {
  const a = await call(page, 'toScreen', [SURABAYA.lon, SURABAYA.lat]);
  const b = await call(page, 'toScreen', [BANYUWANGI.lon, BANYUWANGI.lat]);
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/** The province cells of the data table's rows. */
function tableProvinces(page) {
  return part(page, 'table').evaluate((table) => [...table.tBodies[0].rows].map((row) => row.cells[1].textContent));
}

for (const where of ['/index.html', '/csp/index.html']) {
  test(`participation (${where}): chart, cohort table, a province zooms and filters the table`, async (t) => {
    const page = await t.open(`${where}#lang=id`);
    await waitReady(page);
    await frames(page);
    await openSection(page);
    const alt = await part(page, 'participation-chart').getAttribute('alt');
    assert.match(alt, /^Per angkatan/);
    const src = await part(page, 'participation-chart').getAttribute('src');
    assert.match(src, /^data:image\/svg\+xml/);

    const stats = await call(page, 'stats');
    const cohorts = await part(page, 'participation-cohorts').evaluate((table) =>
      [...table.tBodies[0].rows].map((row) => [...row.cells].map((cell) => cell.textContent)),
    );
    const expected = stats.cohorts.filter((c) => c.year <= stats.year);
    assert.deepEqual(
      cohorts.map((row) => [Number(row[0]), Number(row[1])]),
      expected.map((c) => [c.year, c.official]),
      'a row per cohort year with its official count',
    );
    assert.equal(Number(cohorts.at(-1)[4]), stats.membersAsOfYear, 'the cumulative members of the last cohort');
    const headers = await part(page, 'participation-cohorts').locator('th[scope=col]').count();
    assert.equal(headers, 5);

    const before = await span(page);
    const button = part(page, 'participation-provinces').locator('button[data-province="Jawa Timur"]');
    await button.focus();
    await page.keyboard.press('Enter');
    await frames(page, 3);
    const after = await span(page);
    assert.ok(after > before * 2, `the map zoomed in to Jawa Timur: ${before} -> ${after}`);
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.equal(await part(page, 'table-box').evaluate((d) => d.open), true, 'the data table opens');
    const provinces = await until(async () => {
      const all = await tableProvinces(page);
      return all.length && all;
    }, 'the data table has rows');
    assert.ok(provinces.length > 5, `Jawa Timur has members: ${provinces.length}`);
    assert.deepEqual([...new Set(provinces)], ['Jawa Timur']);
    assert.match(await part(page, 'table').locator('caption').textContent(), /Jawa Timur/);
    if (where === '/index.html') {
      fs.mkdirSync(SHOTS, { recursive: true });
      await part(page, 'participation-box').screenshot({ path: path.join(SHOTS, 'participation.png') });
    }

    // The filter follows a year change, and "show all" clears it.
    await page.$eval('peta-cerdas', (el) => el.setAttribute('year', '2019'));
    await until(async () => (await part(page, 'participation-cohorts').locator('tbody tr').count()) === 3, '3 cohorts');
    assert.deepEqual([...new Set(await tableProvinces(page))], ['Jawa Timur']);
    await part(page, 'participation-all').click();
    await until(async () => new Set(await tableProvinces(page)).size > 5, 'every province again');
    assert.equal(await part(page, 'participation-all').isHidden(), true);
  });
}

for (const theme of ['light', 'dark']) {
  test(`participation: axe finds no violations with the section open (${theme})`, async (t) => {
    const page = await t.open(`/index.html#lang=en&theme=${theme}`, { emulate: { colorScheme: theme } });
    await waitReady(page);
    await frames(page);
    await openSection(page);
    assert.match(await part(page, 'participation-chart').getAttribute('alt'), /^Per cohort/);
    await part(page, 'participation-provinces').locator('button[data-province="Jawa Timur"]').click();
    await frames(page, 3);
    fs.mkdirSync(SHOTS, { recursive: true });
    await part(page, 'participation-box').screenshot({ path: path.join(SHOTS, `participation-${theme}.png`) });
    await page.evaluate(fs.readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document);
      return result.violations.map((v) => ({
        id: v.id,
        nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
      }));
    });
    assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
  });
}

test('extras: imported when a box first opens; a failed import says so and the next opening tries again', async (t) => {
  const page = await t.open('/index.html#lang=en');
  const extras = [];
  page.on('request', (request) => {
    if (request.url().includes('peta-cerdas-extras')) extras.push(request.url());
  });
  await waitReady(page);
  await frames(page);
  // Hover, click and search answer without them.
  const magetan = await call(page, 'toScreen', [111.35, -7.65]);
  const canvas = await part(page, 'map').boundingBox();
  await page.mouse.click(canvas.x + magetan.x, canvas.y + magetan.y);
  await waitEvent(page, 'region-select', (detail) => detail.code === '35.20');
  await part(page, 'search').fill('Magetan');
  await until(async () => /Kabupaten Magetan/.test(await text(page, 'search-results')), 'a search hit');
  assert.deepEqual(extras, [], 'nothing imports the extras before a box opens');

  t.allowConsoleError(/Failed to load resource|net::ERR_FAILED/);
  await page.route('**/peta-cerdas-extras.js', (route) => route.abort());
  await part(page, 'table-box').locator('summary').click();
  await until(
    async () =>
      /^This part could not be loaded; try again: /.test(await part(page, 'table').locator('caption').textContent()),
    'the table caption says why it is empty',
  );
  await part(page, 'table-box').locator('summary').click(); // closes it
  await part(page, 'participation-box').locator('summary').click();
  const failed = await waitEvent(page, 'error', (detail) =>
    /^This part could not be loaded; try again: /.test(detail.message),
  );
  const status = part(page, 'participation-box').locator('p.muted').first();
  assert.equal(await status.textContent(), failed.detail.message, 'the open box says why it is empty');
  assert.equal(await part(page, 'participation-chart').count(), 0);

  await page.unroute('**/peta-cerdas-extras.js');
  await part(page, 'participation-box').locator('summary').click(); // closes it
  await openSection(page);
  assert.equal(await status.isHidden(), true, 'the reason goes once the box shows its figures');
  await part(page, 'table-box').locator('summary').click();
  await until(async () => (await part(page, 'table').locator('tbody tr').count()) > 100, 'the table rows');
  assert.ok(extras.length >= 2, `the extras were asked for again after the failure: ${extras.length}`);
});
