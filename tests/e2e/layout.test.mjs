// Issues 12 and 15: what the page downloads follows the view (a province's level file only once a
// view of it draws that level, never atlas.bin), the element keeps its box from its first paint to ready (no layout shift), and
// on phones (320–412 px, touch) nothing overflows, every control is whole and big enough to tap,
// Indonesia fills the map's width and no control covers the map.
import fs from 'node:fs';
import path from 'node:path';
import { MAGETAN, ROOT, assert, call, frames, landPixels, part, test, until, waitEvent, waitReady } from './lib.mjs';

const SHOTS = path.join(ROOT, 'target/layout');

/** Records the paths of the data files `page` requests (`detail/1/35.bin`, `atlas.bin`, …). */
function recordDataRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const match = new URL(request.url()).pathname.match(/\/data\/(.+)$/);
    if (match) seen.push(match[1]);
  });
  return seen;
}

const details = (requests) => requests.filter((name) => name.startsWith('detail/'));

/** Bytes the page transferred for the resources whose URL passes `keep`. */
function transferred(page, keep = '') {
  return page.evaluate(
    (keep) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(keep))
        .reduce((sum, e) => sum + (e.transferSize || e.encodedBodySize || 0), 0),
    keep,
  );
}

/** Sets the view (`lon,lat,zoom`, zoom relative to the home view) and waits until its files are in. */
async function view(page, requests, camera) {
  const before = requests.length;
  await page.evaluate((camera) => {
    location.hash = `view=${camera}`;
  }, camera);
  await until(() => details(requests).length > 0 && requests.length > before, `${camera} requests detail`);
  await frames(page, 4);
  await page.waitForTimeout(800);
}

test(`the home view downloads no detail; a slight zoom fetches level 1 only, an island's zoom level 2 of its provinces, a kabupaten's level 3, each once`, async (t) => {
  // A map about 1200 px wide, as the benchmark's canvas: a narrower one, its home view smaller,
  // draws each level up to a deeper zoom.
  const page = await (await t.context({ viewport: { width: 1280, height: 800 } })).newPage();
  t.watch(page);
  const requests = recordDataRequests(page);
  await page.goto(t.url('/index.html'), { waitUntil: 'load' });
  await waitReady(page);
  await frames(page, 4);
  await page.waitForTimeout(800);
  assert.deepEqual(details(requests), [], 'the home view needs no detail file');
  assert.ok(!requests.includes('atlas.bin'), 'the element never fetches atlas.bin');
  const home = await transferred(page);
  console.log(`    home view: ${(home / 1024).toFixed(0)} kB transferred`);

  // 1.7 times the home view over the country's middle: level 1 of the provinces in view, no level 2.
  await view(page, requests, '118,-2.5,1.7');
  const slight = details(requests);
  assert.equal(new Set(slight).size, slight.length, `each file once: ${slight}`);
  for (const name of slight)
    assert.match(name, /^detail\/1\/\d\d\.bin$/, `a slight zoom wants level 1 only: ${slight}`);
  assert.ok(slight.length < 38, `only the provinces in view: ${slight.length}`);
  // More zooming within level 1's range asks for nothing more.
  await part(page, 'zoom-in').click();
  await part(page, 'zoom-out').click();
  await frames(page, 3);
  await page.waitForTimeout(300);
  assert.deepEqual(details(requests), slight, 'nothing more');
  const level1 = await transferred(page, '/data/detail/1/');
  console.log(`    slight zoom: ${slight.length} level-1 files, ${(level1 / 1024).toFixed(1)} kB transferred`);

  // Onto Magetan at zoom 12, Java's scale: level 2 of Java's middle, straight away.
  await view(page, requests, `${MAGETAN.lon},${MAGETAN.lat},12`);
  const deep = details(requests).slice(slight.length);
  assert.ok(deep.includes('detail/2/35.bin'), `the zoom requests Jawa Timur's level 2: ${deep}`);
  assert.equal(new Set(deep).size, deep.length, `each file once: ${deep}`);
  for (const name of deep) assert.match(name, /^detail\/2\/3[2-5]\.bin$/, `only Java's middle at level 2: ${deep}`);
  assert.ok(!requests.includes('atlas.bin'), 'the element never fetches atlas.bin');
  const level2 = await transferred(page, '/data/detail/2/');
  console.log(`    then zoom 12 on Magetan: ${deep.join(', ')}, ${(level2 / 1024).toFixed(1)} kB transferred`);

  // Zoom 24, Magetan's own scale: the finest level of the provinces around it.
  await view(page, requests, `${MAGETAN.lon},${MAGETAN.lat},24`);
  const finest = details(requests).slice(slight.length + deep.length);
  assert.ok(finest.includes('detail/3/35.bin'), `a kabupaten's zoom requests level 3 of its province: ${finest}`);
  for (const name of finest) assert.match(name, /^detail\/3\/3[2-5]\.bin$/, `only level 3 around Magetan: ${finest}`);
  const level3 = await transferred(page, '/data/detail/3/');
  console.log(`    then zoom 24: ${finest.join(', ')}, ${(level3 / 1024).toFixed(1)} kB transferred`);

  const box = await part(page, 'map').boundingBox();
  const at = await call(page, 'toScreen', [MAGETAN.lon, MAGETAN.lat]);
  await page.mouse.move(box.x + at.x - 2, box.y + at.y - 2);
  await page.mouse.move(box.x + at.x, box.y + at.y, { steps: 2 });
  await part(page, 'tooltip').waitFor({ state: 'visible', timeout: 3000 });
  assert.match(await part(page, 'tooltip').textContent(), /Magetan/);
  assert.equal((await call(page, 'regionAt', [MAGETAN.lon, MAGETAN.lat]))?.code, MAGETAN.code);
});

test('a deep zoom straight from the home view fetches level 1 of its provinces first, then their level 2', async (t) => {
  const page = await (await t.context({ viewport: { width: 1280, height: 800 } })).newPage();
  t.watch(page);
  const requests = recordDataRequests(page);
  await page.goto(t.url('/index.html'), { waitUntil: 'load' });
  await waitReady(page);
  await view(page, requests, `${MAGETAN.lon},${MAGETAN.lat},12`);
  await until(() => details(requests).includes('detail/2/35.bin'), 'then level 2 of Jawa Timur');
  await frames(page, 3);
  await page.waitForTimeout(500);
  const fetched = details(requests);
  assert.equal(new Set(fetched).size, fetched.length, `each file once: ${fetched}`);
  for (const name of fetched) assert.match(name, /^detail\/[12]\/3[2-5]\.bin$/, `only Java's middle: ${fetched}`);
  const bytes = await transferred(page, '/data/detail/');
  console.log(`    zoom 12 on Magetan from home: ${fetched.join(', ')}, ${(bytes / 1024).toFixed(1)} kB transferred`);
});

test('a detail file that cannot be had is reported, and the map keeps drawing the overview', async (t) => {
  t.allowConsoleError(/404|Failed to load resource/);
  const page = await (await t.context()).newPage();
  t.watch(page);
  await page.route('**/data/detail/1/35.bin', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(t.url('/index.html'), { waitUntil: 'load' });
  await waitReady(page);
  const land = await landPixels(page);
  await page.evaluate(() => {
    location.hash = 'view=111.33,-7.65,8';
  });
  const error = await waitEvent(page, 'error', (detail) => /detail\/1\/35\.bin/.test(detail.message));
  assert.match(error.detail.message, /404/);
  await frames(page, 3);
  assert.equal(await page.locator('peta-cerdas #root').getAttribute('data-state'), 'ready');
  assert.ok((await landPixels(page)).land > land.land / 10, 'the map is still drawn');
  assert.equal((await call(page, 'regionAt', [MAGETAN.lon, MAGETAN.lat]))?.code, MAGETAN.code, 'and answers');
});

/** Records the element's height as soon as it is defined (its shadow DOM built, nothing loaded). */
function recordFirstHeight() {
  customElements.whenDefined('peta-cerdas').then(() => {
    const el = document.querySelector('peta-cerdas');
    window.__firstHeight = el ? el.getBoundingClientRect().height : null;
    window.__firstState = el?.shadowRoot?.getElementById('root')?.dataset.state ?? null;
  });
}

// The rows below the map keep their room from the element's definition (styles.js): at desktop,
// tablet and phone widths, in cohort mode (the preview's) and in pillar mode (the map's own first
// paint, asked for by the tag's attributes), whose legend is shorter, and shorter still for one
// pillar.
for (const width of [1200, 768, 414, 360]) {
  for (const [name, mode, pillar] of [
    ['index.html', null, null],
    ['embed.html', null, null],
    ['embed.html', 'pillar', 'count'],
    ['embed.html', 'pillar', 'economy'],
  ]) {
    test(`${name}${mode ? ` in ${mode} mode (${pillar})` : ''} at ${width} px: the element's height at definition is its height when ready`, async (t) => {
      const context = await t.context({ viewport: { width, height: 800 } });
      await context.addInitScript(recordFirstHeight);
      const page = await context.newPage();
      t.watch(page);
      if (mode) {
        await page.route(`**/${name}`, async (route) => {
          const response = await route.fetch();
          const tag = `<peta-cerdas mode="${mode}" pillar="${pillar}" `;
          const body = (await response.text()).replace('<peta-cerdas ', tag);
          await route.fulfill({ response, body });
        });
      }
      await page.goto(t.url(`/${name}`), { waitUntil: 'load' });
      await waitReady(page);
      await frames(page, 3);
      const first = await until(() => page.evaluate(() => window.__firstHeight), 'the first height was recorded');
      assert.equal(await page.evaluate(() => window.__firstState), 'loading', 'measured before ready');
      const ready = await page.$eval('peta-cerdas', (el) => el.getBoundingClientRect().height);
      if (mode) {
        const root = page.locator('peta-cerdas #root');
        assert.equal(await root.getAttribute('data-mode'), mode, 'the map drew that mode');
        assert.equal(await root.getAttribute('data-pillar'), pillar, 'and that pillar');
      }
      console.log(`    ${name} at ${width} px: ${first.toFixed(1)} px at definition, ${ready.toFixed(1)} px ready`);
      assert.ok(Math.abs(first - ready) <= 2, `no jump: ${first} px before, ${ready} px after`);
      const empty = await page.$eval('peta-cerdas', (el) => {
        const box = el.shadowRoot.querySelector('.legend-box');
        const kept = box.getBoundingClientRect().height;
        box.style.minHeight = '0';
        const own = box.getBoundingClientRect().height;
        box.style.minHeight = '';
        return kept - own;
      });
      // The widest bucket of a kind leaves most room for a shorter language or narrower text.
      const most = pillar === 'economy' ? 20 : 60;
      assert.ok(empty <= most, `the legend's kept room leaves ${empty} px empty`);
    });
  }
}

/** Every visible control of the element, with its box and the element's, the stage's and the zoom row's. */
function layoutOf() {
  const host = document.querySelector('peta-cerdas');
  const root = host.shadowRoot;
  const rect = (node) => {
    const r = node.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  };
  const controls = [...root.querySelectorAll('button, select, input, summary')]
    .filter((node) => node.getClientRects().length && getComputedStyle(node).visibility !== 'hidden')
    .map((node) => ({ name: node.id || node.textContent.trim().slice(0, 24) || node.localName, ...rect(node) }));
  return {
    element: rect(host),
    stage: rect(root.querySelector('.stage')),
    canvas: rect(root.getElementById('map')),
    zoom: rect(root.querySelector('.zoom')),
    controls,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  };
}

for (const width of [320, 360, 390, 412]) {
  for (const name of ['index.html', 'embed.html'])
    test(`${name} on a phone at ${width} px: no overflow, whole controls of 44×44 px, Indonesia fills the map's width`, async (t) => {
      const page = await t.open(`/${name}`, {
        context: { viewport: { width, height: 800 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
      });
      await waitReady(page);
      await frames(page, 3);
      const layout = await page.evaluate(layoutOf);
      const { element, stage, zoom, controls } = layout;
      // On a phone the layout viewport grows to fit what overflows: compare with the device's width.
      assert.ok(
        layout.scrollWidth <= width && layout.innerWidth <= width,
        `the page does not scroll sideways: ${layout.scrollWidth} > ${width}`,
      );
      assert.ok(controls.length >= 8, `controls found: ${controls.map((c) => c.name)}`);
      const small = [];
      const outside = [];
      for (const c of controls) {
        if (c.width < 44 - 0.5 || c.height < 44 - 0.5)
          small.push(`${c.name} ${c.width.toFixed(0)}×${c.height.toFixed(0)}`);
        if (c.left < element.left - 0.5 || c.right > element.right + 0.5 || c.right > width + 0.5 || c.left < -0.5) {
          outside.push(`${c.name} ${c.left.toFixed(0)}–${c.right.toFixed(0)}`);
        }
      }
      assert.deepEqual(outside, [], `controls inside the element (0–${element.right.toFixed(0)} px)`);
      assert.deepEqual(small, [], 'every control is at least 44×44 CSS px');
      // No control over the map: the zoom row is outside the stage's box.
      const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      assert.ok(!overlaps(zoom, stage), `the zoom buttons are off the map: ${JSON.stringify({ zoom, stage })}`);
      for (const c of controls) assert.ok(!overlaps(c, stage), `${c.name} does not cover the map`);
      // Indonesia (about 95–141° E) spans the map's width at the home view.
      const west = await call(page, 'toScreen', [95.3, 5.5]);
      const east = await call(page, 'toScreen', [141, -2.6]);
      const span = (east.x - west.x) / layout.canvas.width;
      const ratio = stage.width / stage.height;
      console.log(
        `    ${name} ${width} px: scrollWidth ${layout.scrollWidth}, stage ${stage.width.toFixed(0)}×${stage.height.toFixed(0)} (${ratio.toFixed(2)}:1), ` +
          `Indonesia spans ${(span * 100).toFixed(0)}% of the width, ${controls.length} controls ≥ 44 px`,
      );
      // The home view leaves 16 px on each side (FIT_PADDING in src/map/mod.rs): the rest is the country.
      const spanPx = east.x - west.x;
      assert.ok(spanPx >= layout.canvas.width - 2 * 16 - 8, `Indonesia fills the map's width: ${spanPx} px`);
      assert.ok(ratio > 1.9 && ratio < 3, `the stage follows the country's shape: ${ratio.toFixed(2)}:1`);
      if (width === 360) {
        fs.mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `${name.replace('.html', '')}-360.png`), fullPage: true });
      }
    });
}

test('desktop at 1200 px: the zoom buttons float over sea, not land', async (t) => {
  const page = await t.open('/index.html', { context: { viewport: { width: 1200, height: 900 } } });
  await waitReady(page);
  await frames(page, 3);
  const layout = await page.evaluate(layoutOf);
  assert.ok(layout.scrollWidth <= 1200, 'no sideways scroll');
  // The canvas's pixels under the zoom column: the sea colour (the canvas's commonest) nearly everywhere.
  const land = await page.$eval(
    'peta-cerdas',
    (el, { zoom, canvas: box }) => {
      const canvas = el.shadowRoot.getElementById('map');
      const scale = canvas.width / box.width;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      const key = (i) => (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      const counts = new Map();
      for (let i = 0; i < data.length; i += 16) counts.set(key(i), (counts.get(key(i)) ?? 0) + 1);
      const sea = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      let under = 0;
      let other = 0;
      for (let y = Math.floor((zoom.top - box.top) * scale); y < (zoom.bottom - box.top) * scale; y++) {
        for (let x = Math.floor((zoom.left - box.left) * scale); x < (zoom.right - box.left) * scale; x++) {
          under += 1;
          if (key((y * canvas.width + x) * 4) !== sea) other += 1;
        }
      }
      return { under, other };
    },
    layout,
  );
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'index-1200.png') });
  console.log(`    1200 px: ${land.other} of ${land.under} pixels under the zoom buttons are not sea`);
  assert.ok(land.under > 1000 && land.other / land.under < 0.02, `sea under the zoom buttons: ${JSON.stringify(land)}`);
});

test('the legend at 1280 px: the labels of the chips in a row (toggles and overlays) share one centre line', async (t) => {
  const context = await t.context({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  t.watch(page);
  await page.goto(t.url('/index.html'));
  await waitReady(page);
  await frames(page, 2);
  // Each chip's label (the text after the swatch): its box's vertical centre, and its row's.
  const labels = await part(page, 'legend').evaluate((legend) =>
    [...legend.querySelectorAll('li')].map((li) => {
      const label = li.querySelector('.swatch + span');
      const box = label.getBoundingClientRect();
      const item = li.getBoundingClientRect();
      return {
        text: label.textContent,
        row: Math.round(item.top + item.height / 2),
        centre: box.top + box.height / 2,
      };
    }),
  );
  const rows = new Map();
  for (const label of labels) rows.set(label.row, [...(rows.get(label.row) ?? []), label]);
  assert.ok(
    [...rows.values()].some((row) => row.length > 1),
    'some row holds several chips',
  );
  for (const row of rows.values()) {
    const centres = row.map((label) => label.centre);
    assert.ok(
      Math.max(...centres) - Math.min(...centres) <= 1,
      `one centre line: ${JSON.stringify(row.map(({ text, centre }) => [text, centre]))}`,
    );
  }
});

for (const ratio of [1, 3]) {
  test(`at ${ratio} device pixels per CSS pixel the canvas's bitmap is its CSS box × the ratio (shown unscaled), and a click lands on the region under it`, async (t) => {
    const page = await t.open('/e2e/blank.html', { context: { deviceScaleFactor: ratio } });
    await page.evaluate(
      ({ lon, lat }) => {
        location.hash = `view=${lon},${lat},24`;
        const map = document.createElement('peta-cerdas');
        map.setAttribute('sync-hash', '');
        // A width between whole pixels: the bitmap follows the layout's fractional box.
        map.style.width = '901.4px';
        document.querySelector('main').append(map);
      },
      { lon: MAGETAN.lon, lat: MAGETAN.lat },
    );
    await waitReady(page);
    await frames(page);
    const sizes = await page.$eval('peta-cerdas', (el) => {
      const canvas = el.shadowRoot.getElementById('map');
      const box = canvas.getBoundingClientRect();
      return { box: [box.width, box.height], bitmap: [canvas.width, canvas.height], ratio: devicePixelRatio };
    });
    assert.equal(sizes.ratio, ratio);
    assert.deepEqual(
      sizes.bitmap,
      sizes.box.map((length) => Math.round(length * ratio)),
      `bitmap ${sizes.bitmap} for a CSS box of ${sizes.box}`,
    );
    const at = await call(page, 'toScreen', [MAGETAN.lon, MAGETAN.lat]);
    const box = await part(page, 'map').boundingBox();
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await until(
      async () => /Kabupaten Magetan/.test(await part(page, 'tooltip').textContent()),
      'the tooltip names Magetan',
    );
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await waitEvent(page, 'region-select', (d) => d.code === MAGETAN.code);
  });
}

test("on a touch screen the search's hits are 44 px tall, as the other controls are", async (t) => {
  const page = await t.open('/index.html', {
    context: { hasTouch: true, isMobile: true, viewport: { width: 400, height: 800 } },
  });
  await waitReady(page);
  await part(page, 'search').fill('Kota');
  const options = part(page, 'search-results').locator('li[role=option]');
  await until(async () => (await options.count()) > 1, 'hits for "Kota"');
  const heights = await options.evaluateAll((nodes) => nodes.map((li) => li.getBoundingClientRect().height));
  assert.ok(
    heights.every((height) => height >= 44 - 0.5),
    `every hit at least 44 px tall: ${heights}`,
  );
});
