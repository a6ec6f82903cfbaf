// The core flows of <peta-cerdas>, written once and run in every engine (run.mjs) and on every
// bundled app (tests/bundlers/run.mjs). Each flow is `{name, fn(page, t)}`: `page` is an
// EnginePage, `t` carries the run's options (`t.path`: the page to open, `t.shot(name)`: saves a
// screenshot, `t.note(text)`: records what differs in this engine, `t.allow(pattern)`: a problem
// the page may report in this flow).
import { KEY, assert } from './page.mjs';

/** Magetan (35.20), the region docs/web-api.md, the wasm tests and the e2e suite use. */
export const MAGETAN = { code: '35.20', name: 'Kabupaten Magetan', province: 'Jawa Timur', lon: 111.33, lat: -7.65 };
/** A view centred on Magetan, near enough that it fills the middle of the map. */
export const MAGETAN_VIEW = `view=${MAGETAN.lon},${MAGETAN.lat},24`;

/** Opens `path`, waits for the map, two frames drawn. */
async function open(page, path) {
  await page.goto(path);
  await page.waitReady();
  await page.frames(2);
}

/** The map is drawn: land covers a tenth of the canvas and the choropleth shows several fills. */
export async function assertDrawn(page) {
  const land = await page.until(async () => {
    const now = await page.landPixels();
    return now.land > now.total / 10 && now.fills >= 3 && now;
  }, 'the canvas shows land in several colours');
  return land;
}

/** Hovers Magetan and checks the tooltip; moves away and checks it hides. */
export async function hoverMagetan(page) {
  const point = await page.pointOf(MAGETAN.lon, MAGETAN.lat);
  await page.hover(point.x, point.y);
  await page.waitVisible('tooltip');
  const tip = await page.text('tooltip');
  assert.match(tip, /Kabupaten Magetan/, `${page.engine}: the tooltip names Magetan: ${tip}`);
  assert.match(tip, /Jawa Timur/);
  // Off the map (the page's top-left corner): the tooltip goes.
  await page.hover(2, 2, 0);
  await page.waitVisible('tooltip', false);
}

/** Clicks Magetan: region-select, the panel with name, province and a source; closes it again. */
export async function clickMagetan(page) {
  const point = await page.pointOf(MAGETAN.lon, MAGETAN.lat);
  await page.click(point.x, point.y);
  await page.waitEvent('region-select', (d) => d && d.code === MAGETAN.code && d.name === MAGETAN.name);
  await page.waitVisible('panel');
  assert.equal(await page.text('panel-title'), MAGETAN.name);
  assert.match(await page.text('panel-province'), /Jawa Timur/);
  // The facts first, then (sources/35.20.bin, Magetan's texts, fetched for the panel) the links.
  const links = () =>
    page.eval(() =>
      [...document.querySelector('peta-cerdas').shadowRoot.querySelectorAll('#panel-memberships a[href]')].map((a) =>
        a.getAttribute('href'),
      ),
    );
  const sources = await page.until(async () => {
    const hrefs = await links();
    return hrefs.length ? hrefs : null;
  }, 'the panel links a source');
  assert.ok(
    sources.every((href) => /^https?:\/\//.test(href)),
    `sources: ${sources}`,
  );
  const close = await page.centreOf('panel-close');
  await page.click(close.x, close.y);
  await page.waitEvent('region-select', (d) => d && d.code === null);
  await page.waitVisible('panel', false);
}

/** Types "Magetan" into the search box, picks the first hit with Enter: selected and flown to. */
export async function searchMagetan(page, { hash = false } = {}) {
  assert.ok(await page.focus('search'), 'the search box takes focus');
  await page.type('Magetan');
  await page.until(async () => /Kabupaten Magetan/.test(await page.text('search-results')), 'a hit for Magetan');
  // The hash is written once the view settles: wait for its view before flying.
  const zoomBefore = hash
    ? await page.until(async () => Number((await page.hash()).get('view')?.split(',')[2]), 'the hash has a view')
    : null;
  await page.press(KEY.Enter);
  await page.waitEvent('region-select', (d) => d && d.code === MAGETAN.code);
  await page.waitVisible('panel');
  assert.equal(await page.text('panel-title'), MAGETAN.name);
  await page.waitVisible('search-results', false);
  if (hash) {
    await page.until(async () => {
      const params = await page.hash();
      return params.get('region') === MAGETAN.code && Number(params.get('view')?.split(',')[2]) > zoomBefore * 4;
    }, 'the view flies in to Magetan and the hash names it');
  }
}

/**
 * Opens `t.path` (no shared view): the prerendered preview is the first paint, a choropleth, with
 * no WebAssembly fetched; the pointer coming over the map starts the interactive map.
 */
async function previewThenPointer(page, t) {
  await page.goto(t.path);
  await page.waitState('preview');
  const preview = await page.eval(() => {
    const root = document.querySelector('peta-cerdas').shadowRoot;
    const fills = new Set([...root.querySelectorAll('svg.preview path[fill]')].map((p) => p.getAttribute('fill')));
    const wasm = performance.getEntriesByType('resource').filter((e) => /\.wasm|overview\.bin/.test(e.name));
    return { paths: root.querySelectorAll('svg.preview path').length, fills: fills.size, wasm: wasm.length };
  });
  assert.ok(preview.paths >= 5 && preview.fills >= 5, `the preview is a choropleth: ${JSON.stringify(preview)}`);
  assert.equal(preview.wasm, 0, 'no WebAssembly nor overview before a reader reaches for the map');
  await t.shot('preview');
  const centre = await page.centreOf('map');
  await page.hover(centre.x, centre.y);
  await page.until(() => page.events('ready').then((e) => e.length === 1), 'the pointer over the map starts it');
  await page.frames(2);
}

export const FLOWS = [
  {
    name: 'preview: the first paint without WebAssembly; the pointer over it starts the map',
    async fn(page, t) {
      await previewThenPointer(page, t);
      await assertDrawn(page);
    },
  },
  {
    name: 'load: ready once, the choropleth drawn, the legend counts',
    async fn(page, t) {
      await open(page, `${t.path}#${MAGETAN_VIEW}`);
      assert.equal((await page.events('ready')).length, 1, 'one ready event');
      const land = await assertDrawn(page);
      t.note(`canvas: ${land.fills} fill colours, ${Math.round((100 * land.land) / land.total)}% land`);
      assert.deepEqual(await page.call('regionAt', [MAGETAN.lon, MAGETAN.lat]), {
        code: MAGETAN.code,
        name: MAGETAN.name,
        province: MAGETAN.province,
      });
      const legend = await page.eval(
        () => document.querySelector('peta-cerdas').shadowRoot.querySelectorAll('#legend button[data-key]').length,
      );
      assert.ok(legend >= 2, `the legend has classes: ${legend}`);
      // The country view, for the screenshot a person looks at.
      await open(page, t.path);
      await assertDrawn(page);
      await t.shot('map');
    },
  },
  {
    name: 'hover: the tooltip names Magetan and hides off the map',
    async fn(page, t) {
      await open(page, `${t.path}#${MAGETAN_VIEW}`);
      await hoverMagetan(page);
    },
  },
  {
    name: 'click: selects Magetan, the panel shows name, province and sources, close clears',
    async fn(page, t) {
      await open(page, `${t.path}#${MAGETAN_VIEW}`);
      await clickMagetan(page);
      // Selected again, for the screenshot with the panel open (the pointer off the map, no tooltip).
      await page.hover(2, 2, 0);
      await page.waitVisible('tooltip', false);
      await page.call('select', [MAGETAN.code]);
      await page.waitVisible('panel');
      await page.frames(2);
      await t.shot('selected');
    },
  },
  {
    name: 'keyboard: Page Down walks regions (announced), Shift+arrow moves, Enter selects, Escape clears',
    async fn(page, t) {
      await open(page, t.path);
      assert.equal(await page.attr('map', 'tabindex'), '0');
      assert.equal(await page.attr('map', 'role'), 'application');
      assert.ok(await page.focus('map'), 'the map takes focus');
      await page.press(KEY.PageDown);
      const first = await page.until(() => page.text('announce'), 'Page Down announces a region');
      await page.press(KEY.PageDown);
      const second = await page.until(async () => {
        const now = await page.text('announce');
        return now && now !== first && now;
      }, 'a second Page Down announces the next region');
      await page.press(KEY.ArrowRight, [KEY.Shift]);
      const third = await page.until(async () => {
        const now = await page.text('announce');
        return now && now !== second && now;
      }, 'Shift+ArrowRight moves the focus to a neighbour');
      await page.press(KEY.Enter);
      const selected = await page.waitEvent('region-select', (d) => d && d.code);
      assert.ok(third.includes(selected.detail.name), `"${third}" names ${selected.detail.name}`);
      await page.waitVisible('panel');
      assert.equal(await page.text('panel-title'), selected.detail.name);
      await page.focus('map');
      await page.press(KEY.Escape);
      await page.waitEvent('region-select', (d) => d && d.code === null);
      await page.waitVisible('panel', false);
    },
  },
  {
    name: 'search: typing "Magetan" lists it, Enter flies there and selects it',
    async fn(page, t) {
      await open(page, t.path);
      await searchMagetan(page, { hash: true });
    },
  },
  {
    name: 'year slider: Home goes to 2017, ArrowRight to 2018; subtitle and legend follow',
    async fn(page, t) {
      await open(page, t.path);
      const latest = await page.text('year-value');
      assert.match(latest, /^20\d\d$/);
      assert.equal(await page.attr('year', 'aria-valuetext'), latest);
      const before = { subtitle: await page.text('subtitle'), legend: await page.text('legend') };
      assert.ok(await page.focus('year'), 'the slider takes focus');
      await page.press(KEY.Home);
      await page.waitEvent('year-change', (d) => d && d.year === 2017);
      await page.until(async () => (await page.text('year-value')) === '2017', 'the output shows 2017');
      assert.equal(await page.attr('year', 'aria-valuetext'), '2017');
      const subtitle = await page.text('subtitle');
      assert.notEqual(subtitle, before.subtitle, 'the subtitle follows the year');
      assert.match(subtitle, /2017/);
      assert.notEqual(await page.text('legend'), before.legend, 'the legend follows the year');
      await page.press(KEY.ArrowRight);
      await page.waitEvent('year-change', (d) => d && d.year === 2018);
      assert.equal((await page.events('year-change')).length, 2, 'one event per change');
    },
  },
  {
    name: 'themes: the native selects follow the light and the dark theme (colour and text)',
    async fn(page, t) {
      await open(page, t.path);
      for (const theme of ['light', 'dark']) {
        await page.eval((theme) => {
          const map = document.querySelector('peta-cerdas');
          map.setAttribute('theme', theme);
          map.shadowRoot.getElementById('mode').scrollIntoView({ block: 'center' });
        }, theme);
        await page.frames(2);
        for (const id of ['mode', 'lang']) {
          const seen = await page.luminanceOf(id);
          const where = `${page.engine}, ${theme} theme, #${id}: ${JSON.stringify(seen)}`;
          if (theme === 'dark') {
            assert.ok(seen.median < 0.35, `a dark background: ${where}`);
            assert.ok(seen.max > 0.6, `light text on it: ${where}`);
          } else {
            assert.ok(seen.median > 0.75, `a light background: ${where}`);
            assert.ok(seen.min < 0.4, `dark text on it: ${where}`);
          }
        }
        await t.shot(`${theme}-controls`);
      }
    },
  },
  {
    name: 'hash: year, mode and region go into the URL and a fresh load restores them',
    async fn(page, t) {
      await open(page, t.path);
      await page.focus('year');
      await page.press([KEY.Home, KEY.ArrowRight]); // 2018
      await page.eval(() => {
        const mode = document.querySelector('peta-cerdas').shadowRoot.getElementById('mode');
        mode.value = 'pillar';
        mode.dispatchEvent(new Event('change', { bubbles: true }));
      });
      assert.equal(await page.call('select', [MAGETAN.code]), true);
      const hash = await page.until(async () => {
        const params = await page.hash();
        return (
          params.get('year') === '2018' &&
          params.get('mode') === 'pillar' &&
          params.get('region') === MAGETAN.code &&
          params.toString()
        );
      }, 'the hash has year=2018, mode=pillar, region=35.20');
      await open(page, `${t.path}#${hash}`);
      assert.equal(await page.text('year-value'), '2018');
      assert.equal(
        await page.eval(() => document.querySelector('peta-cerdas').shadowRoot.getElementById('mode').value),
        'pillar',
      );
      assert.equal(await page.visible('pillar'), true, 'the pillar choice shows in pillar mode');
      await page.waitVisible('panel');
      assert.equal(await page.text('panel-title'), MAGETAN.name);
    },
  },
  {
    name: 'wheel: a plain wheel scrolls the page and shows the hint; Ctrl+wheel zooms',
    async fn(page, t) {
      await open(page, t.path);
      await page.eval(() => {
        const spacer = document.createElement('div');
        spacer.style.height = '3000px';
        document.body.append(spacer);
      });
      const centre = await page.eval(() => {
        const canvas = document.querySelector('peta-cerdas').shadowRoot.getElementById('map');
        canvas.scrollIntoView({ block: 'center' });
        const box = canvas.getBoundingClientRect();
        return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
      });
      const zoomOf = async () => Number((await page.hash()).get('view')?.split(',')[2]);
      const zoom0 = await page.until(zoomOf, 'the hash has a view');
      const scroll0 = await page.eval(() => scrollY);
      try {
        await page.wheel(centre.x, centre.y, 240);
      } catch (error) {
        // The W3C "wheel" input source is newer than the rest; an engine without it is noted, and
        // the element's wheel handling is still exercised with a synthetic WheelEvent.
        t.note(`no W3C wheel actions (${error.message.split('\n')[0].slice(0, 120)}); a synthetic WheelEvent instead`);
        await syntheticWheel(page, centre, 240, false);
      }
      await page.until(
        async () => (await page.eval(() => scrollY)) > scroll0 || (await page.visible('hint')),
        'a plain wheel scrolls the page or shows the hint',
      );
      const scrolled = (await page.eval(() => scrollY)) > scroll0;
      if (!scrolled)
        t.note("the driver's wheel did not scroll the page (it sends +delta then -delta); the hint showed");
      await page.waitVisible('hint');
      assert.equal(await zoomOf(), zoom0, 'a plain wheel does not zoom');
      const again = await page.eval(() => {
        const box = document.querySelector('peta-cerdas').shadowRoot.getElementById('map').getBoundingClientRect();
        return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
      });
      let zoomed = false;
      try {
        await page.wheel(again.x, again.y, -240, [KEY.Control]);
        zoomed = await page
          .until(async () => (await zoomOf()) > zoom0 * 1.3, 'Ctrl+wheel zooms', 3000)
          .catch(() => false);
        if (!zoomed) t.note('Ctrl held over a driver wheel action did not reach the WheelEvent (ctrlKey false)');
      } catch (error) {
        t.note(`Ctrl+wheel: no W3C wheel actions (${error.message.split('\n')[0].slice(0, 80)})`);
      }
      if (!zoomed) {
        await syntheticWheel(page, again, -240, true);
        await page.until(async () => (await zoomOf()) > zoom0 * 1.3, 'a Ctrl+wheel WheelEvent zooms');
      }
    },
  },
  {
    name: 'strict CSP: the map is drawn with no violation',
    csp: true,
    async fn(page, t) {
      await open(page, `/csp${t.path}`);
      await assertDrawn(page);
      const problems = await page.problems();
      assert.deepEqual(problems.violations, [], 'no CSP violation');
      const csp = await page.eval(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
      assert.match(csp ?? '', /wasm-unsafe-eval/, 'the page is served with the strict CSP');
    },
  },
  {
    name: 'no WebAssembly (CSP without wasm-unsafe-eval): the static map, the table and a reason',
    csp: true,
    async fn(page, t) {
      t.allow(/wasm|WebAssembly|script-src|unsafe-eval/i);
      await page.goto(`/nowasm${t.path}`);
      await page.waitState('fallback');
      await page.waitEvent('error', (d) => d && /WebAssembly/.test(d.message));
      // Laid out once its image has a size (Firefox sizes it a moment after the state changes).
      await page.waitVisible('fallback');
      assert.match(await page.text('message'), /WebAssembly/);
      const img = await page.until(
        () =>
          page.eval(() => {
            const img = document.querySelector('peta-cerdas').shadowRoot.getElementById('fallback-img');
            return img.complete && img.naturalWidth > 0 && { width: img.naturalWidth, src: img.getAttribute('src') };
          }),
        'the static map image loads',
      );
      assert.ok(img.width > 100, `static map ${JSON.stringify(img)}`);
      const rows = await page.until(
        () =>
          page.eval(() => document.querySelector('peta-cerdas').shadowRoot.querySelectorAll('#table tbody tr').length),
        'the table has rows',
      );
      assert.ok(rows >= 10, `${rows} rows`);
      const { violations } = await page.problems();
      t.note(
        `the CSP refusal is reported as ${violations.length ? violations.join(', ') : 'no securitypolicyviolation event'}`,
      );
      await t.shot('fallback');
    },
  },
];

/** A WheelEvent dispatched on the canvas, where the driver cannot turn a wheel. */
function syntheticWheel(page, at, deltaY, ctrlKey) {
  return page.eval(
    (at, deltaY, ctrlKey) => {
      const canvas = document.querySelector('peta-cerdas').shadowRoot.getElementById('map');
      const event = new WheelEvent('wheel', {
        deltaY,
        ctrlKey,
        clientX: at.x,
        clientY: at.y,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      const handled = !canvas.dispatchEvent(event);
      // Nothing scrolls the page for a synthetic event: do what the browser would.
      if (!handled) return false;
      window.scrollBy(0, deltaY);
      return true;
    },
    at,
    deltaY,
    ctrlKey,
  );
}

/**
 * The app under a strict CSP (`default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; …`): the
 * map is drawn with no violation (a bundler may inline a small data file as a data: URL, which the
 * element decodes itself rather than fetch).
 */
export const APP_CSP_FLOWS = [
  {
    name: 'strict CSP: ready and drawn, no violation',
    csp: true,
    async fn(page, t) {
      await open(page, t.path);
      await assertDrawn(page);
      assert.deepEqual((await page.problems()).violations, [], 'no CSP violation');
    },
  },
];

/** The app under a CSP without 'wasm-unsafe-eval': the static map and the table from the app's files. */
export const APP_FALLBACK_FLOWS = [
  {
    name: 'no WebAssembly: the static map and the table',
    csp: true,
    async fn(page, t) {
      t.allow(/wasm|WebAssembly|script-src|unsafe-eval/i);
      await page.goto(t.path);
      await page.waitState('fallback');
      await page.until(
        () =>
          page.eval(() => {
            const img = document.querySelector('peta-cerdas').shadowRoot.getElementById('fallback-img');
            return img.complete && img.naturalWidth > 100;
          }),
        'the static map image loads',
      );
      await page.until(
        async () =>
          (await page.eval(
            () => document.querySelector('peta-cerdas').shadowRoot.querySelectorAll('#table tbody tr').length,
          )) >= 10,
        'the table has rows',
      );
    },
  },
];

/**
 * The flows a developer's app needs (bundlers, a plain page, the `src` attribute): the map loads
 * and draws, hovers, selects by click and finds by search. The page has no `sync-hash`, so the
 * map starts on the whole country.
 */
export const APP_FLOWS = [
  {
    name: 'preview first; the pointer over it starts the map: ready, colours, hover, click, search',
    async fn(page, t) {
      await previewThenPointer(page, t);
      await assertDrawn(page);
      await t.shot('map');
      // Magetan is a few pixels wide in the country view: the search flies in to it first.
      await searchMagetan(page);
      await page.focus('map');
      await page.press(KEY.Escape);
      await page.waitEvent('region-select', (d) => d && d.code === null);
      await page.waitVisible('panel', false);
      await hoverMagetan(page);
      await clickMagetan(page);
    },
  },
  {
    name: "the reports' and the CSV reader's wasm: the data table, stats() and an indicator",
    async fn(page, t) {
      await open(page, t.path);
      await page.eval(() => {
        document.querySelector('peta-cerdas').shadowRoot.getElementById('table-box').open = true;
      });
      const rows = await page.until(
        () =>
          page.eval(() => document.querySelector('peta-cerdas').shadowRoot.querySelectorAll('#table tbody tr').length),
        'the table has rows',
      );
      assert.ok(rows >= 10, `${rows} rows`);
      const stats = await page.eval(() => document.querySelector('peta-cerdas').stats());
      assert.equal(stats.regions, 514);
      assert.equal(stats.membersAsOfYear, rows, 'a table row per member');
      const report = await page.eval(() =>
        document.querySelector('peta-cerdas').loadIndicator('kode;nama;nilai\n35.20;;12,5\n;Kota Bukittinggi;7\n'),
      );
      assert.equal(report.matched, 2, JSON.stringify(report));
    },
  },
];
