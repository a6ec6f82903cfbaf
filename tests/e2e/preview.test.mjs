// The first paint: a map shows its prerendered preview (preview.json) before any WebAssembly,
// fetches the interactive map only when a reader reaches for it, and the interactive map then
// draws the same picture, so the switch does not jump.
import {
  MAGETAN,
  agreement,
  assert,
  call,
  events,
  frames,
  part,
  startMaps,
  test,
  text,
  until,
  waitEvent,
  waitReady,
  waitState,
} from './lib.mjs';

/** The data and code files `page` requests, by path from the site's root. */
function recordRequests(page) {
  const seen = [];
  page.on('request', (request) => seen.push(new URL(request.url()).pathname.replace(/^\//, '')));
  return seen;
}

/** The requests that belong to the interactive map: the wasm, its glue and the data it loads. */
const interactive = (requests) =>
  requests.filter((name) => /pkg\/|overview\.bin|\.csv$|atlas\.bin|detail\//.test(name));

/**
 * The stage with the preview, then with the interactive map started over it and drawn (the
 * pointer away, so no hover outline): two screenshots to compare.
 */
async function previewThenMap(page) {
  const stage = page.locator('peta-cerdas .stage');
  const before = await stage.screenshot();
  await startMaps(page);
  await waitReady(page);
  await page.mouse.move(0, 0);
  await frames(page, 3);
  return { before, after: await stage.screenshot() };
}

/**
 * Opens `path` in a fresh page of `contextOptions`, recording its requests, and waits for its
 * preview and a quiet network: nothing of the interactive map may have been fetched by then.
 */
async function openPreview(t, path, contextOptions) {
  const context = await t.context(contextOptions);
  const page = await context.newPage();
  t.watch(page);
  const requests = recordRequests(page);
  await page.goto(t.url(path), { waitUntil: 'load' });
  await waitState(page, 'preview');
  await page.waitForLoadState('networkidle');
  assert.deepEqual(
    interactive(requests),
    [],
    `nothing of the interactive map before a reader reaches for it (${path})`,
  );
  return { page, requests };
}

for (const width of [1200, 360]) {
  test(`index.html at ${width} px: the preview is the first paint, and the interactive map draws the same picture`, async (t) => {
    const { page, requests } = await openPreview(t, '/index.html', {
      viewport: { width, height: 900 },
      deviceScaleFactor: width < 500 ? 3 : 1,
    });
    // index.html loads the one-file build, which carries the preview inside.
    assert.deepEqual(
      requests.filter((name) => name.startsWith('data/') || name.startsWith('element/')),
      [],
      'the first paint takes one module and no data file',
    );
    assert.equal((await events(page, 'preview')).length, 1, 'one preview event');
    assert.equal((await events(page, 'ready')).length, 0, 'not ready yet');
    // The controls already say what the map shows.
    assert.match(await text(page, 'subtitle'), /2024/);
    assert.ok((await part(page, 'legend').locator('li').count()) >= 8, 'the legend is drawn');

    // The doubtful members' dashed outline in CSS px, as the preview draws it.
    const previewOutline = await page.evaluate(() => {
      const svg = document.querySelector('peta-cerdas').shadowRoot.querySelector('svg.preview');
      const group = [...svg.querySelectorAll('g')].find((g) => g.getAttribute('fill') === 'none' && g.children.length);
      return Number(group.getAttribute('stroke-width')) * group.getScreenCTM().a;
    });

    const { before, after } = await previewThenMap(page);
    // The interactive map thins it by the same rule (src/scene: doubtful_width); its SVG export
    // writes what the canvas draws, in tenths of a px.
    const mapOutline = await page.evaluate(() => {
      const svg = document.querySelector('peta-cerdas').toSVG();
      return Number(/<g fill="none" stroke="[^"]+" stroke-width="([\d.]+)" stroke-dasharray/.exec(svg)[1]);
    });
    assert.ok(
      Math.abs(previewOutline - mapOutline) <= 0.05,
      `dashed outline: preview ${previewOutline}, map ${mapOutline}`,
    );
    if (width < 500) assert.ok(mapOutline < 0.7, `a phone's map thins the dashed outline: ${mapOutline} px`);
    else assert.equal(mapOutline, 1, "a desktop page's map draws it whole");
    assert.ok(requests.includes('data/programme.bin'), 'the packaged programme comes compiled');
    assert.deepEqual(
      requests.filter((name) => name.endsWith('.csv')),
      [],
      'no CSV file is fetched and parsed',
    );
    assert.equal(await page.locator('peta-cerdas svg.preview').count(), 0, 'the preview is gone once the map draws');
    const result = await agreement(page, before, after);
    // Control: another year's preview must not pass, or the comparison proves nothing.
    await page.evaluate(() => {
      const other = document.createElement('peta-cerdas');
      other.id = 'other';
      other.setAttribute('year', '2018');
      document.querySelector('peta-cerdas').after(other);
    });
    await waitState(page, 'preview', { host: '#other' });
    await frames(page, 2);
    const control = await agreement(page, before, await page.locator('#other .stage').screenshot());
    console.log(`    preview vs interactive map at ${width} px: ${JSON.stringify({ result, control })}`);
    assert.ok(result.colours >= 5, `the preview is a choropleth: ${result.colours} colours`);
    // The same borders (the map reads the preview's paths) in the same colours: what may differ is
    // how SVG and the canvas anti-alias an edge. The control (another year, about 99%) must not pass.
    assert.ok(result.all >= 0.998, `${(result.all * 100).toFixed(3)}% of pixels agree`);
    assert.ok(result.coloured >= 0.98, `${(result.coloured * 100).toFixed(2)}% of member pixels agree`);
    assert.ok(control.all < 0.998, `control: 2018's preview differs (${(control.all * 100).toFixed(3)}%)`);
    assert.ok(control.coloured < 0.9, `control: 2018's preview differs (${(control.coloured * 100).toFixed(2)}%)`);
  });
}

test('a lazy map starts when the pointer comes over it, and a tap on a phone starts it and selects what it touched', async (t) => {
  const page = await t.open('/embed.html');
  await waitState(page, 'preview');
  const box = await page.locator('peta-cerdas .stage').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await waitState(page, 'ready');
  assert.equal((await events(page, 'ready')).length, 1);

  const phone = await (
    await t.context({ viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true })
  ).newPage();
  t.watch(phone);
  await phone.goto(t.url('/embed.html'));
  await waitState(phone, 'preview');
  // A point on screen well inside a region of the preview (4 px of it all round), so that the
  // finer borders of the interactive map cannot put it in another.
  const land = await phone.locator('peta-cerdas').evaluate((el) => {
    const svg = el.shadowRoot.querySelector('svg.preview');
    const size = (path) => path.getBBox().width * path.getBBox().height;
    const paths = [...svg.querySelectorAll('path')].sort((a, b) => size(b) - size(a));
    for (const path of paths) {
      const box = path.getBBox();
      const margin = 4 / path.getScreenCTM().a;
      const inside = (x, y) => {
        const point = svg.createSVGPoint();
        [point.x, point.y] = [x, y];
        return path.isPointInFill(point);
      };
      for (let i = 1; i < 10; i++) {
        for (let j = 1; j < 10; j++) {
          const [x, y] = [box.x + (box.width * i) / 10, box.y + (box.height * j) / 10];
          const around = [
            [0, 0],
            [margin, 0],
            [-margin, 0],
            [0, margin],
            [0, -margin],
          ];
          if (around.every(([dx, dy]) => inside(x + dx, y + dy))) {
            const point = svg.createSVGPoint();
            [point.x, point.y] = [x, y];
            const screen = point.matrixTransform(path.getScreenCTM());
            return { x: screen.x, y: screen.y };
          }
        }
      }
    }
    return null;
  });
  assert.ok(land, 'some region is 8 px wide somewhere');
  await phone.touchscreen.tap(land.x, land.y);
  await phone.locator('peta-cerdas #root[data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
  // The tap that started the map is answered once it runs: the region there is selected.
  const { detail: selected } = await waitEvent(phone, 'region-select', (d) => d.code !== null);
  await part(phone, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  assert.match(selected.code, /^\d\d\.\d\d$/);
  assert.equal(await text(phone, 'panel-title'), selected.name);
});

test("a tap on a phone scrolls the panel, a sheet below the map, into sight; a link's selection does not scroll", async (t) => {
  const context = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, hasTouch: true, isMobile: true };
  const phone = await (await t.context(context)).newPage();
  t.watch(phone);
  // The demo page, whose introduction puts the map low enough for the panel to start below the fold.
  await phone.goto(t.url('/index.html#lang=id'));
  await phone.locator('peta-cerdas').evaluate((map) => map.load());
  await waitReady(phone);
  const canvas = part(phone, 'map');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  const at = await call(phone, 'toScreen', [MAGETAN.lon, MAGETAN.lat]);
  await phone.touchscreen.tap(box.x + at.x, box.y + at.y);
  await waitEvent(phone, 'region-select', (d) => d.code !== null);
  await part(phone, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  const titleInSight = () =>
    part(phone, 'panel-title').evaluate((title) => {
      const { top, bottom } = title.getBoundingClientRect();
      return top >= 0 && bottom <= window.innerHeight;
    });
  await until(titleInSight, "the panel's title is in sight");

  const linked = await (await t.context(context)).newPage();
  t.watch(linked);
  await linked.goto(t.url('/index.html#region=35.20'));
  await waitReady(linked);
  await part(linked, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  await frames(linked, 3);
  assert.equal(await linked.evaluate(() => window.scrollY), 0, 'the page stays at its top');
});

test('the preview follows the attributes and the year slider; the interactive map keeps what the reader chose', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await page.evaluate(() => {
    const map = document.createElement('peta-cerdas');
    map.setAttribute('year', '2019');
    map.setAttribute('lang', 'en');
    map.setAttribute('theme', 'dark');
    document.querySelector('main').append(map);
  });
  await waitState(page, 'preview');
  assert.match(await text(page, 'subtitle'), /2019/);
  assert.match(await text(page, 'subtitle'), /confirmed/, 'in English');
  assert.equal(
    await page.$eval('peta-cerdas', (el) => el.shadowRoot.getElementById('root').classList.contains('dark')),
    true,
  );

  await page.$eval('peta-cerdas', (el) => el.setAttribute('year', '2021'));
  assert.match(await text(page, 'subtitle'), /2021/, 'an attribute repaints the preview');

  // The slider, before the map has loaded: the preview follows, and so does the map once ready.
  await page.$eval('peta-cerdas', (el) => {
    const slider = el.shadowRoot.getElementById('year');
    slider.value = '0';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await text(page, 'subtitle'), /2017/, 'the slider repaints the preview');
  assert.equal(await page.$eval('peta-cerdas', (el) => el.shadowRoot.getElementById('root').dataset.state), 'preview');
  await waitState(page, 'ready');
  assert.equal((await call(page, 'stats')).year, 2017, 'the map keeps the year chosen before it loaded');
  await part(page, 'year').focus();
  await page.keyboard.press('ArrowRight');
  await waitEvent(page, 'year-change', (d) => d.year === 2018);
});

test("a link the preview can show (the demo's iframe code) is its first paint, without WebAssembly until a reader reaches for the map", async (t) => {
  const { page, requests } = await openPreview(t, '/embed.html#year=2021&mode=cohort&lang=en&theme=dark', {
    viewport: { width: 1000, height: 900 },
  });
  const shown = () =>
    page.evaluate(() => {
      const root = document.querySelector('peta-cerdas').shadowRoot.getElementById('root');
      return { lang: root.lang, background: getComputedStyle(root).backgroundColor };
    });
  assert.deepEqual(await shown(), { lang: 'en', background: 'rgb(17, 21, 27)' }, "the link's language and theme");
  assert.match(await text(page, 'subtitle'), /^Members by 2021/);
  // Before the map runs, the preview follows a new link, and gives way to the map for one it cannot show.
  await page.evaluate(() => (location.hash = '#year=2019&lang=en&theme=dark'));
  await page.waitForFunction(() =>
    /2019/.test(document.querySelector('peta-cerdas').shadowRoot.getElementById('subtitle').textContent),
  );
  assert.deepEqual(interactive(requests), [], 'still no WebAssembly');
  const { before, after } = await previewThenMap(page);
  const result = await agreement(page, before, after);
  assert.ok(result.all >= 0.998, `the map draws what the preview showed: ${(result.all * 100).toFixed(3)}% agree`);
  assert.deepEqual(await shown(), { lang: 'en', background: 'rgb(17, 21, 27)' });
  const other = await t.open('/embed.html#lang=en&view=111.35,-7.65,24');
  await other.locator('peta-cerdas #root[data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
  assert.equal((await events(other, 'preview')).length, 0, "a link with a view is the interactive map's");
});

test('what a preview cannot show is drawn by the interactive map at once: pillar mode, a selected region, a shared view', async (t) => {
  for (const [path, attrs] of [
    ['/e2e/blank.html', { mode: 'pillar' }],
    ['/e2e/blank.html', { region: MAGETAN.code }],
  ]) {
    const page = await t.open(path);
    await page.evaluate((attrs) => {
      const map = document.createElement('peta-cerdas');
      for (const [name, value] of Object.entries(attrs)) map.setAttribute(name, value);
      document.querySelector('main').append(map);
    }, attrs);
    await page.locator('peta-cerdas #root[data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
    assert.equal((await events(page, 'preview')).length, 0, `no preview for ${JSON.stringify(attrs)}`);
  }
  const shared = await t.open(`/embed.html#year=2019&view=${MAGETAN.lon},${MAGETAN.lat},24`);
  await shared.locator('peta-cerdas #root[data-state="ready"]').waitFor({ state: 'attached', timeout: 15_000 });
  assert.equal((await events(shared, 'preview')).length, 0, 'no preview for a shared view');
});

test('a tap on the year slider before the map has loaded: the map starts at that year, thumb and label agreeing', async (t) => {
  const context = await t.context({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    hasTouch: true,
    isMobile: true,
  });
  const phone = await context.newPage();
  t.watch(phone);
  await phone.goto(t.url('/embed.html'));
  await waitState(phone, 'preview');
  const latest = await text(phone, 'year-value');
  const slider = part(phone, 'year');
  const box = await slider.boundingBox();
  // A tap fires `input`, then `change`; it also starts the lazy map.
  await phone.touchscreen.tap(box.x + box.width * 0.25, box.y + box.height / 2);
  // The tap's events reach the page after the tap returns.
  const chosen = await until(async () => {
    const year = await text(phone, 'year-value');
    return year !== latest && year;
  }, 'the preview follows the tap');
  const thumb = await slider.inputValue();
  await waitState(phone, 'ready');
  await frames(phone, 3);
  assert.equal(String((await call(phone, 'stats')).year), chosen, 'the map starts at the year the reader chose');
  assert.equal(await text(phone, 'year-value'), chosen, 'the label says that year');
  assert.equal(await slider.getAttribute('aria-valuetext'), chosen, 'the slider says that year');
  assert.equal(await slider.inputValue(), thumb, 'the thumb stays where the reader put it');
});

test('a data folder that is not a URL is reported, before and after the map runs, and the packaged data serve', async (t) => {
  const page = await t.open('/e2e/blank.html');
  await page.evaluate(() => {
    const map = document.createElement('peta-cerdas');
    map.setAttribute('src', 'http://[x');
    document.querySelector('main').append(map);
  });
  await waitEvent(page, 'error', (d) => d.message.includes('src="http://[x"'));
  await page.locator('peta-cerdas').evaluate((map) => map.load());
  await waitReady(page);
  await page.$eval('peta-cerdas', (el) => el.setAttribute('programme', 'http://[y'));
  await waitEvent(page, 'error', (d) => d.message.includes('programme="http://[y"'));
});

test('a lazy map reports unknown keyword values at connection, under its preview, and not again when it loads', async (t) => {
  const page = await t.open('/e2e/blank.html');
  const bad = { theme: 'purple', lang: 'fr', pillar: 'x' };
  await page.evaluate((bad) => {
    const map = document.createElement('peta-cerdas');
    for (const [name, value] of Object.entries(bad)) map.setAttribute(name, value);
    document.querySelector('main').append(map);
  }, bad);
  await waitState(page, 'preview');
  const named = async (value) =>
    (await events(page, 'error')).filter((e) => e.detail.message.includes(`"${value}"`)).length;
  for (const value of Object.values(bad)) assert.equal(await named(value), 1, `${value} is reported at once`);
  // The message the loaded map gives (strings.js badValue).
  assert.ok(
    (await events(page, 'error')).some(
      (e) => e.detail.message === 'Nilai atribut theme="purple" tidak dikenal; tampilan sebelumnya dipertahankan.',
    ),
  );
  assert.equal((await events(page, 'ready')).length, 0, 'before the interactive map runs');
  // Set again while the preview shows: reported again.
  await page.$eval('peta-cerdas', (el) => {
    el.setAttribute('lang', 'en');
    el.setAttribute('lang', 'fr');
  });
  assert.equal(await named('fr'), 2, 'a value set again is reported again');
  await waitReady(page);
  await frames(page, 2);
  for (const value of Object.values(bad)) {
    assert.equal(await named(value), value === 'fr' ? 2 : 1, `${value} is not reported again when the map loads`);
  }
  // No preview shows another mode, so such a map starts at once: its bad word is reported once too.
  await page.evaluate(() => {
    const map = document.createElement('peta-cerdas');
    map.id = 'sideways';
    map.setAttribute('mode', 'sideways');
    document.querySelector('main').append(map);
  });
  await waitReady(page, { host: '#sideways' });
  await frames(page, 2);
  const sideways = (await events(page, 'error')).filter((e) => e.id === 'sideways');
  assert.deepEqual(
    sideways.map((e) => e.detail.message),
    ['Nilai atribut mode="sideways" tidak dikenal; tampilan sebelumnya dipertahankan.'],
  );
});

/** The loading line's text when it shows (null when it does not), and the stage's aria-busy. */
function loadingShown(page) {
  return page.$eval('peta-cerdas', (el) => {
    const line = el.shadowRoot.querySelector('.loading');
    const box = line.getBoundingClientRect();
    return {
      line: box.width > 0 && box.height > 0 ? line.textContent : null,
      busy: el.shadowRoot.querySelector('.stage').getAttribute('aria-busy'),
    };
  });
}

test('a reader who reaches for a lazy map sees it load over the preview (aria-busy) until it is ready, or fails', async (t) => {
  t.allowConsoleError(/Failed to load resource/);
  for (const outcome of ['ready', 'error']) {
    const page = await t.open('/e2e/blank.html');
    // The map's wasm held back, as on a slow phone; then given, or refused.
    let answer;
    const answered = new Promise((resolve) => (answer = resolve));
    await page.route('**/pkg/peta_cerdas_bg.wasm', async (route) => {
      await answered;
      await (outcome === 'ready' ? route.continue() : route.fulfill({ status: 404, body: '' }));
    });
    await page.evaluate(() => document.querySelector('main').append(document.createElement('peta-cerdas')));
    await waitState(page, 'preview');
    await frames(page, 2);
    assert.deepEqual(await loadingShown(page), { line: null, busy: null }, 'a preview nobody reached for');
    const box = await page.locator('peta-cerdas .stage').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await until(async () => (await loadingShown(page)).line, 'the loading line shows after the pointer came');
    assert.deepEqual(await loadingShown(page), { line: 'Memuat peta…', busy: 'true' });
    assert.equal(await page.locator('peta-cerdas svg.preview').count(), 1, 'over the preview');
    answer();
    await waitState(page, outcome);
    assert.deepEqual(await loadingShown(page), { line: null, busy: null }, `${outcome}: the line goes`);
  }
});
