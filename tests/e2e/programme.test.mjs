// Issue 13 items 2 and 8: a site's own official list (`programme`, `as-of`), and the selection
// panel that must not hide the selection (it pans the region out from under it; a sheet below
// the map on phones).
import fs from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  addMap,
  assert,
  call,
  clearEvents,
  frames,
  part,
  test,
  text,
  until,
  waitEvent,
  waitReady,
} from './lib.mjs';

const PROGRAMME = path.join(ROOT, 'data/programme');
const read = (file) => fs.readFileSync(path.join(PROGRAMME, file), 'utf8');

/** members.csv without the row of a region listed once and cited in no pillar row. */
function membersWithoutOne() {
  const lines = read('members.csv').split('\n');
  const codes = lines.slice(1).map((line) => line.split(',')[0]);
  const pillars = read('pillars.csv');
  const drop = lines.findIndex(
    (line, i) =>
      i > 0 && line && codes.filter((c) => c === codes[i - 1]).length === 1 && !pillars.includes(`\n${codes[i - 1]},`),
  );
  assert.ok(drop > 0, 'a member row to drop');
  return lines.filter((_, i) => i !== drop).join('\n');
}

/** Serves `/own-programme/` (one member fewer) and `/broken-programme/` (a bad members.csv line 3). */
function serveProgrammes(server) {
  const csv = (body) => (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
    res.end(body);
  };
  const broken = read('members.csv').split('\n');
  broken[2] = broken[2].replace(/,confirmed,/, ',perhaps,');
  for (const file of ['pillars.csv', 'cohorts.csv']) {
    server.route(`/own-programme/${file}`, csv(read(file)));
    server.route(`/broken-programme/${file}`, csv(read(file)));
  }
  server.route('/own-programme/members.csv', csv(membersWithoutOne()));
  server.route('/broken-programme/members.csv', csv(broken.join('\n')));
}

test('programme: the site’s own list replaces the packaged one; a broken file keeps the last good map', async (t) => {
  serveProgrammes(t.server);
  t.allowConsoleError(/Failed to load resource/);
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { programme: '/own-programme/' });
  await waitReady(page);
  await addMap(page, {}, 'packaged');
  await waitReady(page, { host: '#packaged' });
  const own = await call(page, 'stats', [], '#map-under-test');
  const packaged = await call(page, 'stats', [], '#packaged');
  assert.equal(own.membersAsOfYear, packaged.membersAsOfYear - 1, `one member fewer: ${own.membersAsOfYear}`);

  // A broken members.csv: an error naming file and line; the figures stay.
  await clearEvents(page);
  await page.$eval('#map-under-test', (el) => el.setAttribute('programme', '/broken-programme/'));
  const error = await waitEvent(page, 'error', (d) => /members\.csv line 3/.test(d.message));
  assert.match(error.detail.message, /members\.csv line 3/);
  assert.match(
    error.detail.message,
    /^Data program tidak dapat dipakai; data sebelumnya dipertahankan: /,
    'the map itself still runs',
  );
  await frames(page);
  assert.equal((await call(page, 'stats', [], '#map-under-test')).membersAsOfYear, own.membersAsOfYear);

  // Back to the packaged list.
  await page.$eval('#map-under-test', (el) => el.removeAttribute('programme'));
  await until(
    async () => (await call(page, 'stats', [], '#map-under-test')).membersAsOfYear === packaged.membersAsOfYear,
    'removing the attribute loads the packaged list again',
  );

  // At start-up a broken list is the failed load it always was.
  await clearEvents(page);
  await addMap(page, { programme: '/broken-programme/' }, 'broken');
  await waitEvent(page, 'error', (d) => /members\.csv line 3/.test(d.message));
  await until(async () => /members\.csv line 3/.test(await text(page, 'message', '#broken')), 'the message shows');
});

test('programme: as-of ends the attribution with the date; a date not on the calendar is refused', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { 'as-of': '2025-06-30' });
  await waitReady(page);
  await until(async () => /Data per 30 Juni 2025/.test(await text(page, 'attribution')), 'the Indonesian date shows');
  await page.$eval('peta-cerdas', (el) => el.setAttribute('lang', 'en'));
  await until(async () => /Data as of 30 June 2025/.test(await text(page, 'attribution')), 'the English date shows');

  await addMap(page, { 'as-of': '2025-02-30' }, 'bad');
  await waitReady(page, { host: '#bad' });
  await waitEvent(page, 'error', (d) => /as-of/.test(d.message));
  await frames(page);
  const attribution = await text(page, 'attribution', '#bad');
  assert.ok(attribution.length > 0, 'an attribution');
  assert.doesNotMatch(attribution, /Data per|Data as of/);
});

/** Kota Padang, on Sumatra's west coast: under the panel at the home view of a wide map. */
const PADANG = { lon: 100.42, lat: -0.9, code: '13.71' };

for (const width of [1200, 360]) {
  test(`panel at ${width} px: a click on Kota Padang leaves it in view, not under the panel`, async (t) => {
    const page = await t.open('/index.html', { context: { viewport: { width, height: 900 } } });
    await waitReady(page);
    await frames(page);
    assert.equal((await call(page, 'regionAt', [PADANG.lon, PADANG.lat]))?.code, PADANG.code, 'the point is in Padang');
    await part(page, 'map').scrollIntoViewIfNeeded();
    const canvas = await part(page, 'map').boundingBox();
    const at = await call(page, 'toScreen', [PADANG.lon, PADANG.lat]);
    await page.mouse.click(canvas.x + at.x, canvas.y + at.y);
    const selected = await waitEvent(page, 'region-select', (d) => d.code !== null);
    assert.match(selected.detail.name, /Padang/);
    await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
    await frames(page, 4);
    // A click on a narrow map scrolls the panel below it into sight: the boxes measured at once.
    const { panel, stage, point } = await page.$eval(
      'peta-cerdas',
      (el, [lon, lat]) => {
        const box = (node) => node.getBoundingClientRect().toJSON();
        const canvas = box(el.shadowRoot.getElementById('map'));
        const at = el.toScreen(lon, lat);
        return {
          panel: box(el.shadowRoot.getElementById('panel')),
          stage: box(el.shadowRoot.querySelector('.stage')),
          point: { x: canvas.x + at.x, y: canvas.y + at.y },
        };
      },
      [PADANG.lon, PADANG.lat],
    );
    const inside =
      point.x >= panel.x && point.x <= panel.x + panel.width && point.y >= panel.y && point.y <= panel.y + panel.height;
    assert.ok(!inside, `Padang ${JSON.stringify(point)} is not under the panel ${JSON.stringify(panel)}`);
    assert.ok(
      point.x >= stage.x && point.x <= stage.x + stage.width && point.y >= stage.y && point.y <= stage.y + stage.height,
      `Padang stays on the map ${JSON.stringify(point)} ${JSON.stringify(stage)}`,
    );
    if (width < 640) {
      assert.ok(
        panel.y >= stage.y + stage.height - 1,
        `the panel is below the map: ${JSON.stringify({ panel, stage })}`,
      );
    } else {
      assert.ok(panel.y < stage.y + stage.height, 'the panel lies over the map on a wide one');
    }
  });
}

test('panel: select() of a region under the panel pans it out; one already free stays put', async (t) => {
  const page = await t.open('/e2e/blank.html', { context: { viewport: { width: 1200, height: 900 } } });
  await addMap(page);
  await waitReady(page);
  await frames(page);
  assert.equal(await call(page, 'select', [PADANG.code]), true);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  await frames(page, 4);
  const panel = await part(page, 'panel').boundingBox();
  const canvas = await part(page, 'map').boundingBox();
  const now = await call(page, 'toScreen', [PADANG.lon, PADANG.lat]);
  assert.ok(
    canvas.x + now.x > panel.x + panel.width,
    `Padang right of the panel: ${now.x} vs ${JSON.stringify(panel)}`,
  );
  // Magetan (east Java) lies right of the panel: selecting it moves nothing.
  const before = await call(page, 'toScreen', [111.33, -7.65]);
  await call(page, 'select', ['35.20']);
  await frames(page, 4);
  const after = await call(page, 'toScreen', [111.33, -7.65]);
  assert.ok(
    Math.hypot(after.x - before.x, after.y - before.y) < 0.5,
    `Magetan stays: ${JSON.stringify({ before, after })}`,
  );
});
