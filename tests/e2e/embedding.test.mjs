// Embeddable anywhere: a strict CSP, no WebAssembly, hostile host CSS, two maps on
// one page, a sandboxed iframe, and no HTML injection from the URL hash or the search box.
import {
  HOSTILE_CODE,
  INJECTION,
  addMap,
  assert,
  call,
  events,
  frames,
  landPixels,
  part,
  startMaps,
  test,
  text,
  until,
  waitEvent,
  waitReady,
  waitState,
} from './lib.mjs';

/** Every request the page makes that is not to the test server's own origin. */
function foreignRequests(t, page) {
  const foreign = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(t.server.origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:'))
      foreign.push(url);
  });
  return foreign;
}

/** Opens `path` in a new page, recording requests to other origins from the first one on. */
async function openCounting(t, path, options = {}) {
  const context = await t.context(options.context ?? {});
  const page = await context.newPage();
  t.watch(page);
  const foreign = foreignRequests(t, page);
  if (options.emulate) await page.emulateMedia(options.emulate);
  await page.goto(t.url(path));
  return { page, foreign };
}

for (const path of ['/csp/e2e/csp.html', '/csp/index.html', '/csp/embed.html']) {
  test(`strict CSP (${path}): the map renders with no violation and no foreign request`, async (t) => {
    const { page, foreign } = await openCounting(t, path);
    const header = (await page.request.get(page.url())).headers()['content-security-policy'];
    assert.match(
      header ?? '',
      /script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/,
      'the page is served with the CSP',
    );
    await waitReady(page);
    await page.waitForLoadState('networkidle');
    await frames(page, 3);
    const land = await landPixels(page);
    assert.ok(land.land > land.total / 10, `the map is drawn: ${JSON.stringify(land)}`);
    // Exercise what could need more than the policy allows: tooltip, panel, legend swatches, search.
    assert.equal(await call(page, 'select', ['35.20']), true);
    await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
    const box = await part(page, 'map').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await part(page, 'search').fill('magetn');
    await frames(page, 2);
    const violations = await page.evaluate(() => window.__violations ?? null);
    if (path.includes('/e2e/')) {
      assert.deepEqual(violations, [], `securitypolicyviolation events: ${JSON.stringify(violations)}`);
    }
    assert.deepEqual(foreign, [], 'no request leaves the page origin');
  });
}

test('strict CSP: a listener in an external script sees the violations it should (control)', async (t) => {
  // The same page with one inline style attribute added by the test: the listener must catch it,
  // or "zero violations" above would prove nothing.
  t.allowConsoleError(/inline style/);
  const page = await t.open('/csp/e2e/csp.html');
  await waitReady(page);
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.innerHTML = '<p style="color: red">inline</p>';
    document.body.append(div);
  });
  const violations = await until(async () => {
    const all = await page.evaluate(() => window.__violations);
    return all.length > 0 && all;
  }, 'the inline style is reported');
  assert.match(violations[0].directive, /style-src/);
});

test('without WebAssembly (CSP lacks wasm-unsafe-eval): the static fallback, the table and a reason', async (t) => {
  t.allowConsoleError(/WebAssembly|wasm-unsafe-eval|Content Security Policy/i);
  const { page, foreign } = await openCounting(t, '/nowasm/e2e/csp.html');
  await waitState(page, 'fallback');
  await part(page, 'fallback').waitFor({ state: 'visible', timeout: 5000 });
  await until(
    () => part(page, 'fallback-img').evaluate((img) => img.complete && img.naturalWidth > 100),
    'the pre-rendered map has loaded',
  );
  assert.ok(await part(page, 'fallback-img').isVisible(), 'the static map is visible');
  assert.ok((await part(page, 'fallback-img').getAttribute('alt')).length > 10, 'the static map has alt text');
  const rows = await until(async () => {
    const n = await page.locator('peta-cerdas #table tbody tr').count();
    return n > 100 && n;
  }, 'the data table is filled');
  assert.ok(rows > 100, `table rows: ${rows}`);
  assert.ok(await page.locator('peta-cerdas #table').isVisible(), 'the table is shown');
  const reasonShown = [await text(page, 'message'), await text(page, 'fallback')].join(' ');
  assert.match(reasonShown, /WebAssembly/, `the reason is given: ${reasonShown}`);
  assert.ok((await text(page, 'message')).length > 10, '#message holds the reason');
  const said = await page.$eval('peta-cerdas', (el) => {
    const message = el.shadowRoot.getElementById('message').textContent;
    return el.shadowRoot.getElementById('root').innerText.split(message).length - 1;
  });
  assert.equal(said, 1, 'the reason is said once');
  await waitEvent(page, 'error', (d) => /WebAssembly/.test(d.message));
  const ready = await page.$eval('peta-cerdas', (el) =>
    el.ready.then(
      () => 'resolved',
      () => 'rejected',
    ),
  );
  assert.equal(ready, 'rejected');
  assert.deepEqual(foreign, []);
});

test('without WebAssembly, year="2021" lang="en": the text says what the static map and table show; what needs the map is hidden', async (t) => {
  t.allowConsoleError(/WebAssembly|wasm-unsafe-eval|Content Security Policy/i);
  const page = await t.open('/nowasm/e2e/blank.html');
  await addMap(page, { year: '2021', lang: 'en' });
  // The lazy map's preview first shows 2021, as the attributes ask.
  await waitState(page, 'preview');
  assert.match(await text(page, 'subtitle'), /2021/);
  await waitState(page, 'fallback');
  await part(page, 'fallback').waitFor({ state: 'visible', timeout: 5000 });
  const caption = await until(async () => {
    const now = await page.locator('peta-cerdas #table caption').textContent();
    return /20\d\d/.test(now) && now;
  }, 'the table is captioned with its year');
  const svgYear = await page.$eval('peta-cerdas', async (el) => {
    const src = el.shadowRoot.getElementById('fallback-img').src;
    const svg = await (await fetch(src)).text();
    return svg.match(/<desc[^>]*>[^<]*?\b(20\d\d)\b/)[1];
  });
  assert.ok(caption.includes(svgYear), `the table (${caption}) and the static map (${svgYear}) show one year`);
  const subtitle = await text(page, 'subtitle');
  assert.doesNotMatch(subtitle, /2021/, 'no word of the year the static map does not show');
  assert.match(subtitle, /latest year/, `the subtitle says which year shows: ${subtitle}`);
  assert.equal(await text(page, 'summary'), '', 'no summary of a view that is not shown');
  for (const id of ['legend', 'identified', 'participation-box', 'year', 'mode', 'search', 'panel', 'map', 'help']) {
    assert.equal(await part(page, id).isVisible(), false, `#${id} needs the interactive map: hidden`);
  }
  const hiddenForReaders = await page.$eval('peta-cerdas', (el) =>
    ['legend', 'identified', 'participation-box', 'help', 'summary'].filter(
      (id) => el.shadowRoot.getElementById(id).closest('[hidden]') || !el.shadowRoot.getElementById(id).textContent,
    ),
  );
  assert.deepEqual(
    hiddenForReaders,
    ['legend', 'identified', 'participation-box', 'help', 'summary'],
    'hidden from screen readers too',
  );
});

test('hostile host CSS: the map is still drawn and visible', async (t) => {
  const page = await t.open('/e2e/hostile.html');
  await waitReady(page);
  await frames(page, 3);
  const canvas = part(page, 'map');
  assert.equal(await canvas.isVisible(), true, 'the canvas is visible');
  const box = await canvas.boundingBox();
  assert.ok(box.width >= 300 && box.height >= 200, `the canvas has a real size: ${JSON.stringify(box)}`);
  const style = await canvas.evaluate((c) => {
    const s = getComputedStyle(c);
    return { display: s.display, visibility: s.visibility, backing: [c.width, c.height] };
  });
  assert.notEqual(style.display, 'none');
  assert.equal(style.visibility, 'visible');
  const land = await landPixels(page);
  assert.ok(land.land > land.total / 10, `the map is drawn: ${JSON.stringify(land)}`);
  // The pixels really reach the screen: a screenshot of the canvas is not one flat colour.
  const shot = await page.screenshot({
    clip: { x: box.x, y: box.y, width: Math.min(box.width, 400), height: Math.min(box.height, 300) },
  });
  assert.ok(shot.length > 5000, `the screenshot has detail: ${shot.length} bytes`);
  for (const id of ['year', 'search', 'zoom-in']) {
    const b = await part(page, id).boundingBox();
    assert.ok(b && b.width > 10 && b.height > 10, `#${id} keeps a usable size: ${JSON.stringify(b)}`);
  }
  assert.equal(await part(page, 'panel').isHidden(), true, 'hidden parts stay hidden');
  assert.equal(await part(page, 'fallback').isHidden(), true);
});

test('two maps on one page work independently', async (t) => {
  const page = await t.open('/e2e/two.html');
  await waitReady(page, { host: '#a' });
  await waitReady(page, { host: '#b' });
  assert.equal(await text(page, 'year-value', '#a'), '2017');
  assert.equal(await text(page, 'year-value', '#b'), '2022');
  assert.equal(await part(page, 'mode', '#b').inputValue(), 'pillar');
  assert.equal(await part(page, 'mode', '#a').inputValue(), 'cohort');
  assert.notEqual(await text(page, 'title', '#a'), await text(page, 'title', '#b'), 'each map has its own language');
  assert.equal(await call(page, 'select', ['35.20'], '#a'), true);
  await waitEvent(page, 'region-select', (d, e) => e.id === 'a' && d.code === '35.20');
  await part(page, 'panel', '#a').waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await part(page, 'panel', '#b').isHidden(), true, 'selecting in a leaves b alone');
  await part(page, 'year', '#b').focus();
  await page.keyboard.press('End');
  await waitEvent(page, 'year-change', (d, e) => e.id === 'b');
  await frames(page, 2);
  assert.equal(await text(page, 'year-value', '#a'), '2017', 'a keeps its year');
  const ids = (await events(page))
    .filter((e) => !['preview', 'ready'].includes(e.type))
    .map((e) => `${e.type}@${e.id}`);
  assert.deepEqual(ids, ['region-select@a', 'year-change@b'], 'each event comes from the map that changed');
  // Two canvases, each drawn.
  assert.ok((await landPixels(page, '#a')).land > 0 && (await landPixels(page, '#b')).land > 0);
});

test('inside an iframe with sandbox="allow-scripts" the map becomes ready', async (t) => {
  const page = await t.open('/e2e/sandboxed.html');
  const frame = page.frameLocator('#frame');
  await frame.locator('peta-cerdas').waitFor({ state: 'attached', timeout: 15_000 });
  await startMaps(page.frames()[1]);
  await frame.locator('peta-cerdas #root[data-state=ready]').waitFor({ state: 'attached', timeout: 15_000 });
  const origin = await page.frames()[1].evaluate(() => origin);
  assert.equal(origin, 'null', 'the frame has an opaque origin');
  const canvas = await frame.locator('peta-cerdas #map').boundingBox();
  assert.ok(canvas.width > 300 && canvas.height > 200, `the map has a size: ${JSON.stringify(canvas)}`);
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await frame.locator('peta-cerdas #panel').waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await frame.locator('peta-cerdas #panel-title').textContent(), 'Kabupaten Magetan');
});

/** Asserts that no img from the injection exists anywhere and its handler never ran. */
async function assertNotInjected(page) {
  await page.waitForTimeout(200);
  const found = await page.evaluate(() => {
    const images = [...document.querySelectorAll('img')];
    for (const host of document.querySelectorAll('peta-cerdas'))
      images.push(...host.shadowRoot.querySelectorAll('img'));
    return {
      pwned: window.__pwned ?? null,
      injected: images
        .filter((img) => !['fallback-img', 'participation-chart'].includes(img.id))
        .map((img) => img.outerHTML),
    };
  });
  assert.deepEqual(found, { pwned: null, injected: [] });
}

for (const name of ['index.html', 'embed.html']) {
  test(`${name}: HTML in the URL hash is never inserted as HTML`, async (t) => {
    const bad = encodeURIComponent(INJECTION);
    const page = await t.open(`/${name}#region=${bad}&mode=${bad}&search=${bad}&year=2021`);
    await waitReady(page);
    await frames(page, 2);
    await assertNotInjected(page);
    const errors = await events(page, 'error');
    assert.ok(errors.length >= 1, 'the ignored parts of the link are reported');
    assert.equal(await text(page, 'year-value'), '2021', 'the valid part of the hash applies');
    // Shown as text if at all: the message holds the characters, not an element.
    const message = await part(page, 'message').evaluate((m) => m.children.length);
    assert.equal(message, 0);
  });
}

test('HTML typed into the search box is never inserted as HTML', async (t) => {
  const page = await t.open('/index.html');
  await waitReady(page);
  const search = part(page, 'search');
  await search.fill(INJECTION);
  await frames(page, 2);
  await search.press('Enter');
  await search.pressSequentially(' kota', { delay: 5 });
  await frames(page, 2);
  await assertNotInjected(page);
  assert.equal(await search.inputValue(), `${INJECTION} kota`);
  const optionsWithElements = await page.$$eval(
    'peta-cerdas',
    (els) =>
      [...els[0].shadowRoot.querySelectorAll('#search-results li')].filter((li) => li.querySelector('img,script'))
        .length,
  );
  assert.equal(optionsWithElements, 0);
});

test("HTML in a developer's CSV (titles, notes, quotes, URLs) shows as text only", async (t) => {
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { src: '/hostile-data/', programme: '/hostile-data/', year: '2021', lang: 'id' });
  await waitReady(page);
  // Find it by search (the list shows it), Enter flies there and selects it.
  await part(page, 'search').fill('Kota Pasuruan');
  await until(async () => /Kota Pasuruan/.test(await text(page, 'search-results')), 'a hit');
  await part(page, 'search').press('Enter');
  await waitEvent(page, 'region-select', (d) => d.code === HOSTILE_CODE);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  const panel = await text(page, 'panel');
  assert.ok(panel.includes(INJECTION), `the panel shows the markup as text: ${panel.slice(0, 300)}`);
  // Hover it: the tooltip lists its pillars, one of which is labelled with the markup.
  await part(page, 'panel-close').click();
  await frames(page, 2);
  const { x, y } = await call(page, 'toScreen', [112.91, -7.645]);
  const box = await part(page, 'map').boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  await part(page, 'tooltip').waitFor({ state: 'visible', timeout: 3000 });
  assert.match(await text(page, 'tooltip'), /Kota Pasuruan/);
  await part(page, 'table-box').evaluate((details) => {
    details.open = true;
  });
  await until(() => part(page, 'table').locator('tbody tr').count(), 'the opened table is filled');
  await assertNotInjected(page);
  const hrefs = await page.$eval('peta-cerdas', (el) =>
    [...el.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href')),
  );
  assert.ok(hrefs.length > 10, 'the sources are links');
  for (const href of hrefs) assert.match(href, /^https?:\/\/[^\s"<>]+$/, `a safe href: ${href}`);
});

test("a developer's indicator label with HTML shows as text only (loadIndicator and the attribute)", async (t) => {
  const label = '<img src=x onerror="window.__pwned=1">';
  const csv = `kode,${label}\n35.20,1\n13.75,2\n`;
  const page = await t.open('/e2e/blank.html');
  await addMap(page, { year: '2021', lang: 'id' });
  await waitReady(page);
  const report = await call(page, 'loadIndicator', [csv]);
  assert.equal(report.label, label);
  assert.equal(report.matched, 2, `both rows match: ${JSON.stringify(report)}`);
  await frames(page, 2);
  assert.ok((await text(page, 'legend-title')).includes(label), 'the legend title shows the label as text');
  assert.ok((await text(page, 'subtitle')).includes(label), 'the subtitle shows the label as text');
  const options = await part(page, 'mode').locator('option').allTextContents();
  assert.ok(
    options.some((o) => o.includes(label)),
    `the mode choice names it: ${JSON.stringify(options)}`,
  );
  // The tooltip and the panel of Magetan, which has a value.
  const { x, y } = await call(page, 'toScreen', [111.33, -7.65]);
  const box = await part(page, 'map').boundingBox();
  await page.mouse.move(box.x + x, box.y + y);
  await part(page, 'tooltip').waitFor({ state: 'visible', timeout: 3000 });
  assert.ok((await text(page, 'tooltip')).includes(label), `the tooltip: ${await text(page, 'tooltip')}`);
  assert.equal(await call(page, 'select', ['35.20']), true);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  assert.ok((await text(page, 'panel')).includes(label), 'the panel shows the label as text');
  await assertNotInjected(page);

  // The same file named by the indicator attribute, fetched by the element.
  t.server.route('/hostile-data/indicator.csv', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
    res.end(csv);
  });
  await addMap(page, { indicator: '/hostile-data/indicator.csv' }, 'second');
  await waitReady(page, { host: '#second' });
  await until(async () => (await text(page, 'legend-title', '#second')).includes(label), 'the attribute loads it');
  await assertNotInjected(page);
});
