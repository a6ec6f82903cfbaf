// End to end on the pages a visitor sees (www/index.html, www/embed.html): the map
// loads, hovers, selects, follows the year, searches, answers the keyboard, keeps its state in
// the URL, reports its height from an iframe, survives bad data, and draws what toSVG() draws.
import {
  MAGETAN,
  addMap,
  agreement,
  assert,
  call,
  clearEvents,
  events,
  frames,
  hashParams,
  hashZoom,
  landPixels,
  mapCentre,
  part,
  startMaps,
  test,
  text,
  until,
  waitEvent,
  waitReady,
  waitState,
} from './lib.mjs';

const PAGES = ['index.html', 'embed.html'];
/** A view centred on Magetan, near enough that it fills the middle of the canvas. */
const MAGETAN_VIEW = `view=${MAGETAN.lon},${MAGETAN.lat},24`;

/** The paths of every file `page` fetched since it was opened (its resource timing entries). */
function fetched(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
}

/** Opens `page` centred on Magetan and waits for the map. */
async function openOnMagetan(t, name, extra = '') {
  const page = await t.open(`/${name}#${MAGETAN_VIEW}${extra}`);
  await waitReady(page);
  await frames(page);
  return page;
}

for (const name of PAGES) {
  test(`${name}: becomes ready and hovering Magetan shows its tooltip`, async (t) => {
    const page = await openOnMagetan(t, name);
    assert.equal((await events(page, 'ready')).length, 1, 'one ready event');
    const land = await landPixels(page);
    assert.ok(land.land > land.total / 10, `the canvas shows land: ${JSON.stringify(land)}`);
    assert.deepEqual(await call(page, 'regionAt', [MAGETAN.lon, MAGETAN.lat]), {
      code: MAGETAN.code,
      name: MAGETAN.name,
      province: MAGETAN.province,
    });
    const { x, y } = await mapCentre(page);
    await page.mouse.move(x - 3, y - 3);
    await page.mouse.move(x, y, { steps: 2 });
    await part(page, 'tooltip').waitFor({ state: 'visible', timeout: 3000 });
    const tip = await text(page, 'tooltip');
    assert.match(tip, /Kabupaten Magetan/);
    assert.match(tip, /Jawa Timur/);
    await page.mouse.move(2, 2);
    await part(page, 'tooltip').waitFor({ state: 'hidden', timeout: 3000 });
  });

  test(`${name}: a click selects Magetan and the panel shows name, province and a source; the table every source`, async (t) => {
    const page = await openOnMagetan(t, name);
    assert.equal(await part(page, 'panel').isHidden(), true, 'no panel before a selection');
    const sourcesFetched = async () =>
      (await fetched(page))
        .filter((path) => /\/sources(\/|\.bin)/.test(path))
        .map((path) => path.replace(/^.*\/data\//, ''));
    assert.deepEqual(await sourcesFetched(), [], 'the sources wait until a panel shows them');
    const { x, y } = await mapCentre(page);
    await page.mouse.click(x, y);
    await waitEvent(page, 'region-select', (d) => d.code === '35.20');
    await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await text(page, 'panel-title'), MAGETAN.name);
    assert.match(await text(page, 'panel-province'), /Jawa Timur/);
    // The facts first, then (Magetan's sources file) the links.
    const sources = part(page, 'panel-memberships').locator('a[href^=http]');
    await sources.first().waitFor({ timeout: 3000 });
    assert.match(await sources.first().getAttribute('href'), /^https?:\/\/[^/]+/);
    assert.deepEqual(await sourcesFetched(), ['sources/35.20.bin'], "the panel fetched its region's texts alone");
    await part(page, 'panel-close').click();
    await waitEvent(page, 'region-select', (d) => d.code === null);
    await part(page, 'panel').waitFor({ state: 'hidden', timeout: 3000 });
    // The table shows every member's sources: the one file of them all.
    await part(page, 'table-box').locator('summary').click();
    const unlinked = () =>
      part(page, 'table')
        .locator('tbody tr')
        .evaluateAll((rows) => rows.filter((row) => !row.querySelector('a[href^=http]')).length);
    await until(
      async () => (await part(page, 'table').locator('tbody tr').count()) > 100 && (await unlinked()) === 0,
      'every table row links its sources',
    );
    assert.deepEqual(await sourcesFetched(), ['sources/35.20.bin', 'sources/all.bin'], 'one request for the table');
  });

  test(`${name}: the year slider changes the year, the legend and the subtitle`, async (t) => {
    const page = await t.open(`/${name}`);
    await waitReady(page);
    const slider = part(page, 'year');
    const latest = await text(page, 'year-value');
    assert.match(latest, /^20\d\d$/, 'the year shown');
    assert.equal(await slider.getAttribute('aria-valuetext'), latest);
    const before = { subtitle: await text(page, 'subtitle'), legend: await text(page, 'legend') };
    await slider.focus();
    await page.keyboard.press('Home');
    await waitEvent(page, 'year-change', (d) => d.year === 2017);
    await until(async () => (await text(page, 'year-value')) === '2017', 'the output shows 2017');
    assert.equal(await slider.getAttribute('aria-valuetext'), '2017');
    const after = { subtitle: await text(page, 'subtitle'), legend: await text(page, 'legend') };
    assert.notEqual(after.subtitle, before.subtitle, 'the subtitle follows the year');
    assert.match(after.subtitle, /2017/);
    assert.notEqual(after.legend, before.legend, 'the legend follows the year');
    await page.keyboard.press('ArrowRight');
    await waitEvent(page, 'year-change', (d) => d.year === 2018);
    assert.equal((await events(page, 'year-change')).length, 2, 'one event per change');
  });

  test(`${name}: search finds Magetan (and "magetn", and its code); Enter flies to it and selects it`, async (t) => {
    const page = await t.open(`/${name}`);
    await waitReady(page);
    const search = part(page, 'search');
    const options = part(page, 'search-results').locator('li[role=option][data-index]');
    for (const query of ['35.20', 'Magetan', 'magetn']) {
      await search.fill(query);
      await until(async () => (await options.count()) > 0, `hits for ${query}`);
      assert.match(await options.first().textContent(), /Kabupaten Magetan/, `first hit for ${query}`);
    }
    const zoomBefore = await until(() => hashZoom(page).catch(() => null), 'the hash has a view');
    await search.press('Enter');
    await waitEvent(page, 'region-select', (d) => d.code === '35.20' && d.name === 'Kabupaten Magetan');
    await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await text(page, 'panel-title'), MAGETAN.name);
    assert.equal(await part(page, 'search-results').isHidden(), true, 'the list closes');
    await until(async () => (await hashZoom(page)) > zoomBefore * 4, 'the view flies in to Magetan');
    await until(async () => (await hashParams(page)).get('region') === '35.20', 'the hash names the region');
  });

  test(`${name}: keyboard: Shift+arrows announce, Enter selects, Escape clears, +/- zoom`, async (t) => {
    const page = await t.open(`/${name}`);
    await waitReady(page);
    const map = part(page, 'map');
    assert.equal(await map.getAttribute('tabindex'), '0');
    assert.equal(await map.getAttribute('role'), 'application');
    assert.ok(await map.getAttribute('aria-label'), 'the map has a name');
    await map.focus();
    await page.keyboard.press('Shift+ArrowRight');
    const first = await until(() => text(page, 'announce'), 'a region is announced');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    const announced = await until(async () => {
      const now = await text(page, 'announce');
      return now && now !== first && now;
    }, 'Shift+arrows move to another region');
    await page.keyboard.press('Enter');
    await waitEvent(page, 'region-select', (d) => d.code !== null);
    const [selected] = (await events(page, 'region-select')).filter((e) => e.detail.code);
    assert.ok(announced.includes(selected.detail.name), `"${announced}" names ${selected.detail.name}`);
    await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await text(page, 'panel-title'), selected.detail.name);
    await map.focus();
    await page.keyboard.press('Escape');
    await waitEvent(page, 'region-select', (d) => d.code === null);
    await part(page, 'panel').waitFor({ state: 'hidden', timeout: 3000 });

    const zoom0 = await until(() => hashZoom(page).catch(() => null), 'the hash has a view');
    await page.keyboard.press('+');
    const zoom1 = await until(async () => {
      const z = await hashZoom(page);
      return z > zoom0 * 1.2 && z;
    }, `+ zooms in from ${zoom0}`);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await until(async () => (await hashZoom(page)) < zoom1 / 1.5, `- zooms out from ${zoom1}`);
  });

  test(`${name}: Ctrl+wheel zooms; a plain wheel scrolls the page and shows the hint`, async (t) => {
    const page = await t.open(`/${name}`, { context: { viewport: { width: 1000, height: 600 } } });
    await waitReady(page);
    // Room to scroll, whatever the page's own length.
    await page.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '3000px';
      document.body.append(spacer);
    });
    await part(page, 'map').scrollIntoViewIfNeeded();
    const zoom0 = await until(() => hashZoom(page).catch(() => null), 'the hash has a view');
    const { x, y } = await mapCentre(page);
    assert.ok(y > 0 && y < 600, `the map centre is on screen (${y})`);
    const scroll0 = await page.evaluate(() => scrollY);
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, 240);
    await until(async () => (await page.evaluate(() => scrollY)) > scroll0, 'a plain wheel scrolls the page');
    await part(page, 'hint').waitFor({ state: 'visible', timeout: 3000 });
    assert.ok((await text(page, 'hint')).length > 5, 'the hint says how to zoom');
    await page.waitForTimeout(300);
    assert.equal(await hashZoom(page), zoom0, 'a plain wheel does not zoom');

    const { x: x2, y: y2 } = await mapCentre(page);
    const scroll1 = await page.evaluate(() => scrollY);
    await page.mouse.move(x2, y2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -240);
    await page.keyboard.up('Control');
    await until(async () => (await hashZoom(page)) > zoom0 * 1.3, `Ctrl+wheel zooms in from ${zoom0}`);
    assert.equal(await page.evaluate(() => scrollY), scroll1, 'Ctrl+wheel does not scroll the page');
  });

  test(`${name}: the URL hash carries year, mode and region and is restored on reload`, async (t) => {
    const page = await t.open(`/${name}`);
    await waitReady(page);
    await part(page, 'year').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight'); // 2018
    await part(page, 'mode').selectOption('pillar');
    assert.equal(await call(page, 'select', ['35.20']), true);
    await until(async () => {
      const hash = await hashParams(page);
      return hash.get('year') === '2018' && hash.get('mode') === 'pillar' && hash.get('region') === '35.20';
    }, 'the hash has year=2018, mode=pillar, region=35.20');
    const url = page.url();
    assert.match(url, /#/);
    await page.reload();
    await waitReady(page);
    await frames(page);
    assert.equal(await text(page, 'year-value'), '2018');
    assert.equal(await part(page, 'mode').inputValue(), 'pillar');
    assert.equal(await part(page, 'pillar').isHidden(), false, 'the pillar choice shows in pillar mode');
    await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
    assert.equal(await text(page, 'panel-title'), MAGETAN.name);
    // A link opened fresh (new context, no history) restores the same state.
    const fresh = await t.open(url);
    await waitReady(fresh);
    await frames(fresh);
    assert.equal(await text(fresh, 'year-value'), '2018');
    assert.equal(await part(fresh, 'mode').inputValue(), 'pillar');
    assert.equal(await text(fresh, 'panel-title'), MAGETAN.name);
  });
}

test("a link's language and theme (the builder's iframe code) survive the hash the map writes and a reload", async (t) => {
  const page = await t.open('/embed.html#year=2021&mode=cohort&lang=en&theme=dark');
  await waitReady(page);
  const shown = () =>
    page.evaluate(() => {
      const root = document.querySelector('peta-cerdas').shadowRoot.getElementById('root');
      return { lang: root.lang, background: getComputedStyle(root).backgroundColor };
    });
  const dark = { lang: 'en', background: 'rgb(17, 21, 27)' };
  assert.deepEqual(await shown(), dark);
  await until(async () => (await hashParams(page)).has('view'), 'the map wrote its hash');
  const hash = await hashParams(page);
  assert.equal(hash.get('lang'), 'en');
  assert.equal(hash.get('theme'), 'dark');
  await page.reload();
  await waitReady(page);
  assert.deepEqual(await shown(), dark, 'a reload keeps the language and theme');
  // The reader's own language choice is what the hash then carries.
  await part(page, 'lang').selectOption('id');
  await until(async () => (await hashParams(page)).get('lang') === 'id', 'the hash follows the language');
});

/** Opens `path` and answers the notice the map shows above itself once it is ready. */
async function linkNotice(t, path) {
  const page = await t.open(path);
  await waitReady(page);
  await until(async () => (await part(page, 'message').isVisible()) === true, 'the message shows');
  return { page, notice: await text(page, 'message') };
}

test("a link's problems are told in the link's language, and the rest of the link applies", async (t) => {
  t.allowConsoleError(/link/);
  const { page, notice } = await linkNotice(t, '/embed.html#year=2030&mode=pillar&region=99.99&lang=id');
  assert.equal(
    notice,
    'Sebagian alamat tautan diabaikan: tahun 2030 di luar program (2017-2024); tidak ada wilayah dengan kode 99.99',
  );
  assert.equal(await part(page, 'mode').inputValue(), 'pillar');
  // A link in English is told in English, the prefix included, though the page's map began in Indonesian.
  const english = await linkNotice(t, '/embed.html#year=2016&lang=en');
  assert.equal(english.notice, 'Part of the link was ignored: year="2016": the programme began in 2017');
});

test("before the map runs, the chrome speaks a link's language: the preview's link and one it cannot show", async (t) => {
  // A link the preview shows: the box below the map speaks it too.
  const previewed = await t.open('/embed.html?height=300#year=2021&lang=en');
  await waitState(previewed, 'preview');
  assert.equal(await part(previewed, 'participation-box').locator('summary').textContent(), 'Participation');
  // A link the preview cannot show (a region) starts the map at once; until the wasm arrives
  // (held back here) the toolbar and the loading line are in the link's language.
  const page = await (await t.context()).newPage();
  t.watch(page);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(t.url('/embed.html#lang=en&region=35.20'));
  await waitState(page, 'loading');
  assert.equal(await page.locator('peta-cerdas label[for=year]').textContent(), 'Year');
  assert.equal(await page.locator('peta-cerdas .loading').textContent(), 'Loading the map…');
  release();
  await waitReady(page);
  assert.equal(await page.locator('peta-cerdas label[for=year]').textContent(), 'Year');
});

/** The tooltip's text, or null while it is hidden. */
async function tooltipShown(page) {
  return (await part(page, 'tooltip').isVisible()) ? text(page, 'tooltip') : null;
}

for (const [how, move] of [
  [
    'keys on the map',
    async (page) => {
      await part(page, 'map').focus();
      for (const key of ['+', '+', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
    },
  ],
  [
    'a search',
    async (page) => {
      await part(page, 'search').fill('kota bandung');
      await part(page, 'search').press('Enter');
      await waitEvent(page, 'region-select', (d) => d.name === 'Kota Bandung');
    },
  ],
  [
    'the zoom and reset buttons',
    async (page) => {
      for (const button of ['zoom-in', 'zoom-in', 'zoom-in', 'reset', 'zoom-out']) {
        await part(page, button).focus();
        await page.keyboard.press('Enter');
      }
    },
  ],
]) {
  test(`a still mouse's tooltip follows the map moved by ${how}`, async (t) => {
    const page = await t.open('/index.html');
    await waitReady(page);
    await frames(page);
    const box = await part(page, 'map').boundingBox();
    const at = await call(page, 'toScreen', [MAGETAN.lon, MAGETAN.lat]);
    const mouse = { x: box.x + at.x, y: box.y + at.y };
    await page.mouse.move(mouse.x - 3, mouse.y);
    await page.mouse.move(mouse.x, mouse.y, { steps: 2 });
    await until(async () => /Kabupaten Magetan/.test(await tooltipShown(page)), 'hovering Magetan shows its tooltip');
    await move(page);
    await page.waitForTimeout(300);
    await frames(page, 3);
    const after = await tooltipShown(page);
    assert.doesNotMatch(String(after), /Magetan/, 'Magetan has moved away from under the mouse');
    // What a pointer move to the same place shows.
    await page.mouse.move(mouse.x + 1, mouse.y);
    await page.mouse.move(mouse.x, mouse.y);
    await frames(page, 2);
    assert.equal(after, await tooltipShown(page), 'the tooltip shows what lies under the mouse now');
  });
}

test('embed.html posts its height to the parent page', async (t) => {
  const page = await t.open('/e2e/embed-parent.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('peta-cerdas').waitFor({ state: 'attached', timeout: 15_000 });
  await startMaps(page.frames()[1]);
  await frame.locator('peta-cerdas #root[data-state=ready]').waitFor({ state: 'attached', timeout: 15_000 });
  const message = await until(async () => {
    const all = await page.evaluate(() => window.__messages);
    return all.find((m) => m.fromFrame && Number.isFinite(m.data?.height));
  }, 'a height message from the iframe');
  assert.equal(message.data.type, 'peta-cerdas:height');
  const real = await frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  const last = await until(async () => {
    const all = (await page.evaluate(() => window.__messages)).filter((m) => m.fromFrame);
    return all.at(-1);
  }, 'messages');
  assert.ok(last.data.height > 300, `the map is taller than the 300 px frame: ${last.data.height}`);
  assert.ok(Math.abs(last.data.height - real) <= 2, `posted ${last.data.height}, document is ${real} px`);
});

test('year="2020", between two cohorts: the thumb sits at 2019, the label says 2020, and ArrowRight goes to 2021', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: '2020' });
  await waitReady(page);
  await frames(page);
  const slider = part(page, 'year');
  assert.equal(await text(page, 'year-value'), '2020');
  assert.equal(await slider.getAttribute('aria-valuetext'), '2020');
  // The cohorts are 2017, 2018, 2019, 2021, …: the map as of 2020 shows the 2019 cohort's members.
  assert.equal(await slider.inputValue(), '2', "the thumb at 2019's place");
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await waitEvent(page, 'year-change', (d) => d.year === 2021);
  assert.equal(await text(page, 'year-value'), '2021');
});

test('year="2020": ArrowLeft goes to 2019, the cohort the thumb sits at, and then to 2018', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: '2020' });
  await waitReady(page);
  await frames(page);
  const slider = part(page, 'year');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await waitEvent(page, 'year-change', (d) => d.year === 2019);
  assert.equal(await text(page, 'year-value'), '2019');
  assert.equal(await slider.inputValue(), '2');
  await page.keyboard.press('ArrowLeft');
  await waitEvent(page, 'year-change', (d) => d.year === 2018);
  assert.equal(await slider.inputValue(), '1');
});

test('a src that 404s shows a message and dispatches error, with no uncaught exception, asking for preview.json once', async (t) => {
  t.allowConsoleError(/Failed to load resource.*404/);
  const page = await t.open('/e2e/blank.html');
  const previews = [];
  page.on('request', (request) => request.url().endsWith('/preview.json') && previews.push(request.url()));
  await addMap(page, { src: '/no-such-folder/' });
  await waitState(page, 'error');
  await waitEvent(page, 'error', (d) => typeof d.message === 'string' && d.message.length > 10);
  assert.equal(await part(page, 'message').isVisible(), true);
  assert.match(await text(page, 'message'), /404|overview|members/);
  // The preview and then the interactive map want it: the server's answer stands for both.
  assert.equal(previews.length, 1, `preview.json is asked for once: ${previews}`);
  const rejected = await page.$eval('peta-cerdas', (el) =>
    el.ready.then(
      () => 'resolved',
      (e) => `rejected: ${e.message}`,
    ),
  );
  assert.match(rejected, /^rejected/);
});

test('a src serving garbage shows a message and dispatches error, with no uncaught exception', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { src: '/garbage/' });
  await waitState(page, 'error');
  await waitEvent(page, 'error', (d) => typeof d.message === 'string' && d.message.length > 10);
  assert.equal(await part(page, 'message').isVisible(), true);
  assert.ok((await text(page, 'message')).length > 10, 'the message says what went wrong');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('nonsense attributes dispatch error and keep the last good state', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: 'soon', mode: 'sideways', pillar: 'x', lang: 'fr', theme: 'neon', region: '99.99' });
  await waitReady(page);
  const errors = (await events(page, 'error')).map((e) => e.detail.message);
  for (const value of ['soon', 'sideways', 'fr', 'neon', '99.99']) {
    assert.ok(
      errors.some((m) => m.includes(value)),
      `an error names ${value}: ${JSON.stringify(errors)}`,
    );
  }
  const latest = await text(page, 'year-value');
  assert.match(latest, /^20\d\d$/, 'the default year stands');
  await clearEvents(page);
  for (const [name, value] of [
    ['year', '1999'],
    ['year', '2017.5'],
    ['mode', '<b>x</b>'],
    ['region', 'abc'],
    ['lang', ''],
  ]) {
    await page.$eval('peta-cerdas', (el, [name, value]) => el.setAttribute(name, value), [name, value]);
  }
  await frames(page, 3);
  assert.ok(
    (await events(page, 'error')).length >= 4,
    `each bad value is reported: ${JSON.stringify(await events(page))}`,
  );
  assert.equal(await text(page, 'year-value'), latest, 'the year is kept');
  assert.equal(await part(page, 'mode').inputValue(), 'cohort');
  await page.$eval('peta-cerdas', (el) => el.setAttribute('year', '2019'));
  await waitEvent(page, 'year-change', (d) => d.year === 2019);
  assert.equal(await call(page, 'select', ['nonsense']), false);
  assert.equal(await call(page, 'regionAt', [0, 0]), null);
  assert.equal(
    await page.$eval('#map-under-test', (el) => el.shadowRoot.getElementById('root').dataset.state),
    'ready',
  );
});

test('removing the year, mode or theme attribute shows its default, as a fresh map does', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { lang: 'en' }, 'fresh');
  await addMap(page, { lang: 'en', year: '2019', mode: 'pillar', theme: 'dark' });
  await startMaps(page);
  await waitReady(page, { host: '#fresh' });
  await waitReady(page, { host: '#map-under-test' });
  await frames(page);
  const latest = await text(page, 'year-value', '#fresh');
  assert.equal(await text(page, 'year-value', '#map-under-test'), '2019');
  for (const name of ['year', 'mode', 'theme']) {
    await page.$eval('#map-under-test', (el, name) => el.removeAttribute(name), name);
  }
  await waitEvent(page, 'year-change', (d, e) => e.id === 'map-under-test' && String(d.year) === latest);
  await frames(page);
  for (const id of ['year-value', 'subtitle', 'legend']) {
    assert.equal(await text(page, id, '#map-under-test'), await text(page, id, '#fresh'), `#${id} as on a fresh map`);
  }
  assert.equal(await part(page, 'mode', '#map-under-test').inputValue(), 'cohort');
});

test('the canvas draws what toSVG() draws for the same view (≥97% of pixels agree)', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: '2021', theme: 'light', lang: 'id' });
  await waitReady(page);
  // Let the detailed atlas arrive and the last frame draw, with no hover or focus ring.
  await page.waitForLoadState('networkidle');
  await page.mouse.move(0, 0);
  await frames(page, 4);
  const images = await page.$eval('peta-cerdas', async (el) => {
    const canvas = el.shadowRoot.getElementById('map');
    const { width, height } = canvas;
    // Before anything below lets a frame redraw it.
    const drawn = canvas.toDataURL();
    // The SVG document also carries a title, a legend and the attribution over the map; the
    // canvas has those as DOM around it, so they are taken out before comparing.
    async function rasterise(svg) {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      doc.querySelectorAll('#pc-legend, text').forEach((node) => node.remove());
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(doc)], { type: 'image/svg+xml' }));
      await img.decode();
      const raster = new OffscreenCanvas(width, height);
      raster.getContext('2d').drawImage(img, 0, 0, width, height);
      const blob = await raster.convertToBlob();
      return new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result);
        reader.readAsDataURL(blob);
      });
    }
    const same = await rasterise(el.toSVG());
    // Control: the SVG of another year must not pass, or the comparison proves nothing.
    el.setAttribute('year', '2017');
    const other = await rasterise(el.toSVG());
    el.setAttribute('year', '2021');
    return { canvas: drawn, same, other };
  });
  const result = {
    same: await agreement(page, images.canvas, images.same),
    other: await agreement(page, images.canvas, images.other),
  };
  result.colours = result.same.colours;
  console.log(`    canvas vs SVG: ${JSON.stringify(result)}`);
  assert.ok(result.colours >= 5, `the canvas shows a choropleth, not a blank: ${result.colours} colours`);
  assert.ok(result.same.colouredShare > 0.002, `members are drawn: ${result.same.colouredShare}`);
  assert.ok(result.same.interior > 0.8, `edges are a small part: ${result.same.interior}`);
  assert.ok(result.same.all >= 0.97, `${(result.same.all * 100).toFixed(2)}% of pixels agree`);
  assert.ok(result.same.coloured >= 0.97, `${(result.same.coloured * 100).toFixed(2)}% of member pixels agree`);
  assert.ok(
    result.other.coloured < 0.9,
    `control: another year's SVG differs (${(result.other.coloured * 100).toFixed(2)}%)`,
  );
});

// The country at level 0, whose borders are drawn whole, Java at level 2, where the borders
// around the changed regions are cut to the rects they are drawn again in, and a phone's
// three device pixels to the CSS pixel.
for (const [name, open] of [
  [
    'country',
    async (t) => {
      const page = await t.open('/e2e/blank.html');
      await addMap(page, { year: '2023', theme: 'light', lang: 'id' });
      return page;
    },
  ],
  ['Java', (t) => t.open('/index.html#year=2023&view=110,-7.3,8')],
  [
    'phone (360 px, DPR 3)',
    async (t) => {
      const context = { viewport: { width: 360, height: 800 }, deviceScaleFactor: 3 };
      const page = await t.open('/e2e/blank.html', { context });
      await addMap(page, { year: '2023', theme: 'light', lang: 'id' });
      return page;
    },
  ],
]) {
  test(`${name}: a recolour of a few regions redraws only around them, to what a whole draw gives`, async (t) => {
    const page = await open(t);
    await waitReady(page);
    await page.waitForLoadState('networkidle');
    await page.mouse.move(0, 0);
    await frames(page, 4);
    // The canvas's pixels, kept in the page (they are millions of numbers).
    const keep = (name) =>
      page.$eval(
        'peta-cerdas',
        (el, name) => {
          const canvas = el.shadowRoot.getElementById('map');
          window[name] = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        },
        name,
      );
    // A mark in the sea's top-left corner, far from any region: a redraw of the whole canvas
    // paints over it, one of a few regions' surroundings leaves it.
    const MARK = 8;
    await page.$eval(
      'peta-cerdas',
      (el, side) => {
        const ctx = el.shadowRoot.getElementById('map').getContext('2d');
        ctx.fillStyle = '#ff00ff';
        ctx.fillRect(0, 0, side, side);
      },
      MARK,
    );
    await keep('before');
    await page.$eval('peta-cerdas', (el) => el.setAttribute('year', '2024'));
    await waitEvent(page, 'year-change', (d) => d.year === 2024);
    await frames(page, 2);
    await keep('recoloured');
    // A change of theme and back draws the whole map, as the element's first frame does.
    await page.$eval('peta-cerdas', (el) => el.setAttribute('theme', 'dark'));
    await frames(page, 2);
    await page.$eval('peta-cerdas', (el) => el.setAttribute('theme', 'light'));
    await frames(page, 2);
    await keep('whole');
    const result = await page.$eval(
      'peta-cerdas',
      (el, side) => {
        const { before, recoloured, whole } = window;
        const width = el.shadowRoot.getElementById('map').width;
        const marked = (i) => (i / 4) % width < side && Math.floor(i / 4 / width) < side;
        const height = whole.length / 4 / width;
        const same = (a, b, i) =>
          a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3];
        const colour = (x, y) => {
          const i = 4 * (y * width + x);
          return (whole[i] << 16) | (whole[i + 1] << 8) | whole[i + 2];
        };
        // Away from any edge: the pixel and its eight neighbours are one colour.
        const flat = (x, y) =>
          x > 0 &&
          y > 0 &&
          x < width - 1 &&
          y < height - 1 &&
          [-1, 0, 1].every((dy) => [-1, 0, 1].every((dx) => colour(x + dx, y + dy) === colour(x, y)));
        let changed = 0;
        let differing = 0;
        let furthest = 0;
        let inside = 0;
        for (let i = 0; i < whole.length; i += 4) {
          if (marked(i)) continue;
          if (!same(before, recoloured, i)) changed += 1;
          if (same(recoloured, whole, i)) continue;
          differing += 1;
          let apart = 0;
          for (let c = 0; c < 4; c += 1) apart = Math.max(apart, Math.abs(recoloured[i + c] - whole[i + c]));
          furthest = Math.max(furthest, apart);
          if (flat((i / 4) % width, Math.floor(i / 4 / width))) inside += 1;
        }
        return {
          furthest,
          inside,
          changed,
          differing,
          corner: Array.from(recoloured.slice(0, 4)),
          wholeCorner: Array.from(whole.slice(0, 4)),
        };
      },
      MARK,
    );
    console.log(
      `    recolour 2023 -> 2024: ${result.changed} px changed; ${result.differing} px differ from a whole draw, by at most ${result.furthest} levels, ${result.inside} away from edges`,
    );
    assert.deepEqual(result.corner, [255, 0, 255, 255], 'the sea corner was not drawn again');
    assert.notDeepEqual(result.wholeCorner, [255, 0, 255, 255], 'control: a whole draw paints the corner');
    assert.ok(result.changed > 100, `the 2024 members were coloured: ${result.changed} px`);
    // Skia anti-aliases an edge cut by a clip a little apart from the same edge uncut (Leaflet's
    // redraw of its dirty bounds has the same), and the overlapping outlines of a city a few
    // pixels wide add that up; every fill, hatch and dash is as a whole draw has it.
    assert.equal(result.inside, 0, 'away from edges the recoloured canvas is the whole draw');
    assert.ok(result.furthest <= 48, `edges are at most ${result.furthest} levels apart`);
    assert.ok(result.differing < result.changed, `few edge pixels differ: ${result.differing}`);
  });
}

test('methods: ready resolves, stats() follows the year, toPNG() and toSVG() export the view', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: '2021', lang: 'en' });
  const result = await page.$eval('peta-cerdas', async (el) => {
    await el.load();
    const stats2021 = await el.stats();
    el.setAttribute('year', '2017');
    await new Promise(requestAnimationFrame);
    const stats2017 = await el.stats();
    const png = await el.toPNG();
    const bytes = new Uint8Array(await png.arrayBuffer());
    const svg = el.toSVG();
    return {
      stats2021: { year: stats2021.year, regions: stats2021.regions, members: stats2021.membersAsOfYear },
      stats2017: { year: stats2017.year, members: stats2017.membersAsOfYear },
      png: {
        type: png.type,
        size: png.size,
        magic: [...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join(''),
      },
      svg: { start: svg.slice(0, 200), paths: (svg.match(/<path/g) ?? []).length, lang: /Members by 2017/.test(svg) },
    };
  });
  assert.deepEqual(result.stats2021.year, 2021);
  assert.equal(result.stats2021.regions, 514);
  assert.equal(result.stats2017.year, 2017);
  assert.ok(result.stats2017.members < result.stats2021.members, `fewer members by 2017: ${JSON.stringify(result)}`);
  assert.equal(result.png.type, 'image/png');
  assert.equal(result.png.magic, 'PNG');
  assert.ok(result.png.size > 5000, `the PNG has the map: ${result.png.size} bytes`);
  assert.match(result.svg.start, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.ok(result.svg.paths >= 500, `one path a region at least: ${result.svg.paths}`);
  assert.ok(result.svg.lang, "the SVG speaks the map's language and year");
});

test('the panel follows an indicator loaded, replaced and cleared while its region stays selected', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { lang: 'en' });
  await waitReady(page);
  assert.equal(await call(page, 'select', [MAGETAN.code]), true);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  const plain = await text(page, 'panel-description');
  assert.match(plain, /Magetan/);
  const description = (pattern, message) =>
    until(async () => {
      const now = await text(page, 'panel-description');
      return pattern.test(now) && now;
    }, message);
  await page.$eval('peta-cerdas', (el) => el.loadIndicator('kode,nilai\n35.20,12.5'));
  await description(/nilai: 12\.5$/, 'the panel shows the indicator value 12.5');
  await page.$eval('peta-cerdas', (el) => el.loadIndicator('kode,nilai\n35.20,99'));
  await description(/nilai: 99$/, 'the panel shows the new indicator value 99');
  await call(page, 'clearIndicator');
  const cleared = await description(/^(?!.*nilai)/, 'the panel drops the value once the indicator is cleared');
  assert.equal(cleared, plain);
});

test('before the map has loaded: select() is remembered, starts the map and selects once it draws; the queries throw', async (t) => {
  const page = await t.open('/e2e/blank.html');
  const before = await page.evaluate(async () => {
    const map = document.createElement('peta-cerdas');
    document.querySelector('main').append(map);
    const refusal = async (fn) => {
      try {
        await fn();
        return 'answered';
      } catch (error) {
        return error.message;
      }
    };
    return {
      regionAt: await refusal(() => map.regionAt(111.33, -7.65)),
      toScreen: await refusal(() => map.toScreen(111.33, -7.65)),
      toSVG: await refusal(() => map.toSVG()),
      toPNG: await refusal(() => map.toPNG()),
      select: map.select('35.20'),
    };
  });
  const refused = 'peta-cerdas: the map is not loaded yet';
  assert.deepEqual(before, { regionAt: refused, toScreen: refused, toSVG: refused, toPNG: refused, select: true });
  // No load(): the call started the map, as a selection is nothing the preview can show.
  await page.locator('peta-cerdas #root[data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
  await waitEvent(page, 'region-select', (d) => d.code === MAGETAN.code);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await text(page, 'panel-title'), MAGETAN.name);

  // An unknown code is reported once the map can tell, as a bad region attribute is.
  await page.evaluate(() => {
    const map = document.createElement('peta-cerdas');
    map.id = 'second';
    document.querySelector('main').append(map);
    map.select('99.99');
  });
  await waitEvent(page, 'error', (d, e) => e.id === 'second' && d.message.includes('99.99'), 15_000);
  assert.equal(await page.locator('#second #root').getAttribute('data-state'), 'ready');
});

test('a panic inside wasm stops the map with a visible message and one error event', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: '2021' });
  await waitReady(page);
  // The same module instance the element uses; its next pointerMove panics as Rust would.
  await page.evaluate(async () => {
    const { MapHandle } = await import('/pkg/peta_cerdas.js');
    MapHandle.prototype.pointerMove = function panics() {
      throw new WebAssembly.RuntimeError('unreachable at test');
    };
  });
  const { x, y } = await mapCentre(page);
  await page.mouse.move(x, y);
  await page.mouse.move(x + 10, y + 5);
  await waitState(page, 'error');
  await part(page, 'message').waitFor({ state: 'visible', timeout: 3000 });
  assert.match(await text(page, 'message'), /unreachable at test/);
  await waitEvent(page, 'error', (d) => /unreachable at test/.test(d.message));
  // Everything after is ignored: no more events, no exception, the state stays.
  await page.mouse.click(x, y);
  await page.mouse.move(x - 40, y - 20);
  await page.$eval('peta-cerdas', (el) => el.setAttribute('year', '2017'));
  await part(page, 'map').focus();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('+');
  await frames(page, 3);
  const after = (await events(page)).filter((e) => !['preview', 'ready'].includes(e.type)).map((e) => e.type);
  assert.deepEqual(after, ['error'], 'exactly one error event, nothing after it');
  assert.equal(await page.$eval('peta-cerdas', (el) => el.shadowRoot.getElementById('root').dataset.state), 'error');
});

/** Touch points for CDP Input.dispatchTouchEvent. */
const touch = (points) => points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 }));

test('touch: a two-finger pinch zooms; one finger shows the hint and does not pan', async (t) => {
  const page = await t.open(`/embed.html#${MAGETAN_VIEW}`, { context: { hasTouch: true, isMobile: false } });
  await waitReady(page);
  const cdp = await page.context().newCDPSession(page);
  const view0 = await until(async () => (await hashParams(page)).get('view'), 'the hash has a view');
  const zoom0 = Number(view0.split(',')[2]);
  const { x, y } = await mapCentre(page);

  // One finger drags across the map: the page may scroll, the map neither pans nor zooms.
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch([[x, y]]) });
  for (let i = 1; i <= 6; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch([[x + i * 12, y + i * 4]]) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await part(page, 'hint').waitFor({ state: 'visible', timeout: 3000 });
  await page.waitForTimeout(300);
  assert.equal((await hashParams(page)).get('view'), view0, 'one finger does not move the map');

  // Two fingers spread apart: the map zooms in.
  const { x: cx, y: cy } = await mapCentre(page);
  await cdp.send('Input.dispatchTouchEvent', {
    type: 'touchStart',
    touchPoints: touch([
      [cx - 30, cy],
      [cx + 30, cy],
    ]),
  });
  for (let i = 1; i <= 8; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: touch([
        [cx - 30 - i * 15, cy],
        [cx + 30 + i * 15, cy],
      ]),
    });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await until(async () => (await hashZoom(page)) > zoom0 * 2, `the pinch zooms in from ${zoom0}`);
});

test("a link's region is selected after ready: a listener added on ready, or after awaiting it, hears region-select", async (t) => {
  const page = await t.open('/e2e/blank.html#region=35.20');
  await page.evaluate(() => {
    window.heard = { onEvent: [], afterAwait: [] };
    const map = document.createElement('peta-cerdas');
    map.setAttribute('sync-hash', '');
    map.addEventListener('ready', () =>
      map.addEventListener('region-select', (event) => window.heard.onEvent.push(event.detail.code)),
    );
    (async () => {
      await map.ready;
      map.addEventListener('region-select', (event) => window.heard.afterAwait.push(event.detail.code));
    })();
    document.querySelector('main').append(map);
  });
  await waitEvent(page, 'region-select', (d) => d.code === MAGETAN.code, 15_000);
  assert.deepEqual(
    (await events(page)).filter((e) => e.type === 'ready' || e.type === 'region-select').map((e) => e.type),
    ['ready', 'region-select'],
  );
  assert.deepEqual(await page.evaluate(() => window.heard), { onEvent: ['35.20'], afterAwait: ['35.20'] });
});
