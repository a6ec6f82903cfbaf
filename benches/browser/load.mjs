// The load measures of `make bench`: bytes and time from navigation to the first paint and to an
// interactive map, for peta-cerdas as an embedding page uses it (element.html: the element
// module and one `<peta-cerdas>` tag) and for the peers' pages, unthrottled and on a slow phone
// (Chrome DevTools' "Slow 4G" network and 4x CPU throttling, through the DevTools protocol).
//
// Every response a page receives is recorded through Playwright's request events; its gzip bytes
// are the encoded body bytes on the wire (server.mjs gzips every response). What a page needed for
// a moment is every response finished by then, in the page's own clock.
//
// The element (docs/element.md) may first show a prerendered static map and dispatch `preview`,
// then start the interactive map on `el.load()` (or `loading="eager"`) and dispatch `ready`. Its
// first paint is the `preview` event, or `ready` when no preview comes, plus one frame. The runner
// then calls `el.load()` where it exists, waits for `el.ready`, and drives the three things that
// make the map interactive: hover (`regionAt` answers and a pointer over Magetan shows the
// tooltip), click (selects Magetan) and search (the search box lists Magetan). The peers' pages
// draw a map without search or tooltips: their interactive point is their first paint.

/**
 * Chrome DevTools' "Slow 4G" preset (its NetworkManager's Slow4GConditions, as Lighthouse's
 * `mobileSlow4G` devtools throttling): 1.6 Mbps down and 750 kbps up at 90%, 150 ms RTT times
 * 3.75 because DevTools adds the latency per request, not per packet. Bytes per second and ms.
 */
export const SLOW_4G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9,
  uploadThroughput: ((750 * 1000) / 8) * 0.9,
};
export const SLOW_CPU_RATE = 4;

/** Kabupaten Magetan: a point inside it, what hover, click and search look for. */
const MAGETAN = { lon: 111.35, lat: -7.65, code: '35.20', name: 'Magetan' };
/** How long one load may take before the run fails (a slow load of the whole app takes ~10 s). */
const LOAD_TIMEOUT_MS = 120_000;

/**
 * The stacks' pages. `harness`: the page marks `window.__firstPaint` itself, and its own files
 * (under /benches/browser/) are the harness, left out of the bytes; the page document is always
 * left out (it is the embedding site's page).
 */
export const LOAD_PAGES = {
  peta: { page: 'element.html', harness: false },
  core: { page: 'peta.html', harness: true },
  d3: { page: 'd3.html', harness: true },
  leaflet: { page: 'leaflet.html', harness: true },
};

/**
 * Runs in the element page before any of its scripts: the times of `preview` and `ready` plus one
 * frame, the selected region and the element's error messages, in `window.__load`; calls
 * `el.load()` (where the element has it) at the first paint.
 */
function watchElement() {
  const marks = { errors: [] };
  window.__load = marks;
  const afterFrame = (name) => (event) => {
    if (name in marks) return;
    marks[name] = null;
    requestAnimationFrame(() =>
      setTimeout(() => {
        marks[name] = performance.now();
        // At the first paint a visitor reaches for the map: the interactive map starts now.
        if (!('loadCalled' in marks)) {
          marks.loadCalled = typeof event.target.load === 'function' ? performance.now() : false;
          if (marks.loadCalled) event.target.load().catch(() => {});
        }
      }, 0),
    );
  };
  document.addEventListener('preview', afterFrame('preview'));
  document.addEventListener('ready', afterFrame('ready'));
  document.addEventListener('region-select', (event) => {
    marks.selected = event.detail?.code ?? null;
  });
  document.addEventListener('error', (event) => {
    if (event.target?.localName === 'peta-cerdas') marks.errors.push(String(event.detail?.message));
  });
}

/** Records every finished response of `page`: `{ path, start, end, gzip }`. */
function recordResponses(page) {
  const pending = [];
  const failed = [];
  page.on('requestfailed', (request) => {
    // A request the page itself aborted (e.g. one a newer view made moot) is not a failure.
    const error = request.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') failed.push(`${request.url()}: ${error}`);
  });
  page.on('requestfinished', (request) => {
    pending.push(
      request.sizes().then((sizes) => {
        const timing = request.timing();
        return {
          url: request.url(),
          // Epoch ms; turned into the page's clock with performance.timeOrigin below.
          startEpoch: timing.startTime,
          endEpoch: timing.startTime + timing.responseEnd,
          gzip: sizes.responseBodySize,
        };
      }),
    );
  });
  return {
    failed,
    /**
     * Every response finished so far, its start and end in ms since the page's time origin: the page's
     * own Resource Timing where it has the entry (Playwright's end comes a few ms later, from
     * the browser process), else Playwright's timing.
     */
    async all(page) {
      // Responses that finished just before the page's last mark may still be on their way here.
      await new Promise((resolve) => setTimeout(resolve, 250));
      const done = await Promise.all(pending);
      const { origin, entries } = await page.evaluate(() => ({
        origin: performance.timeOrigin,
        entries: performance
          .getEntriesByType('resource')
          .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
      }));
      return done.map(({ url, startEpoch, endEpoch, gzip }) => {
        const index = entries.findIndex((e) => e.url === url);
        const { start, end } =
          index < 0 ? { start: startEpoch - origin, end: endEpoch - origin } : entries.splice(index, 1)[0];
        return { path: new URL(url).pathname, start, end, gzip };
      });
    },
  };
}

/** Network and CPU throttling, and no HTTP cache, through the DevTools protocol. */
async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU_RATE });
}

/** ms since navigation start of the element's first paint (preview, else ready, plus a frame). */
async function elementFirstPaint(page) {
  const handle = await page.waitForFunction(
    () => {
      const m = window.__load;
      const seen = [m.preview, m.ready].filter((t) => t > 0);
      return seen.length ? { ms: Math.min(...seen), preview: m.preview > 0 } : m.errors.length && { errors: m.errors };
    },
    null,
    { timeout: LOAD_TIMEOUT_MS, polling: 20 },
  );
  const mark = await handle.jsonValue();
  if (mark.errors) throw new Error(`element.html: ${mark.errors.join('; ')}`);
  return mark;
}

/**
 * Makes the element interactive as a visitor would, right after its first paint: `el.load()`
 * where it exists, then `el.ready`, then hover, click and search over Magetan. Returns the page
 * times (ms) of the interactive map's first frame (`ready`), of the click and of the last check
 * answered, and whether `el.load()` was there to call.
 */
async function elementInteractive(page) {
  // watchElement called `el.load()` at the first paint; a second call only answers the promise.
  const { ready, loadCalled } = await page.evaluate(async () => {
    const el = document.querySelector('peta-cerdas');
    await (typeof el.load === 'function' ? el.load() : el.ready);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ready: window.__load.ready ?? performance.now(), loadCalled: Boolean(window.__load.loadCalled) };
  });
  // Hover: regionAt answers, and the pointer over Magetan shows its tooltip.
  const at = await page.evaluate(({ lon, lat }) => {
    const el = document.querySelector('peta-cerdas');
    const canvas = el.shadowRoot.getElementById('map');
    const point = el.toScreen(lon, lat);
    const top = canvas.getBoundingClientRect().top;
    window.scrollBy(0, top + point.y - innerHeight / 2);
    const box = canvas.getBoundingClientRect();
    return { region: el.regionAt(lon, lat), x: box.left + point.x, y: box.top + point.y };
  }, MAGETAN);
  if (at.region?.code !== MAGETAN.code) throw new Error(`regionAt over Magetan answered ${JSON.stringify(at.region)}`);
  await page.mouse.move(at.x - 3, at.y - 3);
  await page.mouse.move(at.x, at.y, { steps: 2 });
  await page.waitForFunction((name) => {
    const tip = document.querySelector('peta-cerdas').shadowRoot.getElementById('tooltip');
    return !tip.hidden && tip.textContent.includes(name);
  }, MAGETAN.name);
  // Click: selects Magetan (what the click itself fetches, such as the panel's sources, starts after this).
  const clicked = await page.evaluate(() => performance.now());
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction((code) => window.__load.selected === code, MAGETAN.code);
  // Search: the box lists Magetan.
  await page.locator('peta-cerdas #search').fill(MAGETAN.name);
  const answered = await page.waitForFunction((name) => {
    const hit = document.querySelector('peta-cerdas').shadowRoot.querySelector('#search-results li[data-index]');
    return hit?.textContent.includes(name) && performance.now();
  }, MAGETAN.name);
  return { ready, clicked, answered: await answered.jsonValue(), loadCalled };
}

/**
 * One cold load of `stack`: first paint and interactive times (ms since navigation start), and
 * the files finished by each (gzip bytes).
 */
async function loadOnce(context, server, stack, { query, slow }) {
  const { page: file, harness } = LOAD_PAGES[stack];
  const page = await context.newPage();
  page.setDefaultTimeout(LOAD_TIMEOUT_MS);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const responses = recordResponses(page);
  if (!harness) await page.addInitScript(watchElement);
  if (slow) await throttle(context, page);
  const url = `${server.url}/benches/browser/${file}?${new URLSearchParams(query)}`;
  try {
    await page.goto(url, { waitUntil: 'commit' });
    let paint;
    let interactive;
    if (harness) {
      const handle = await page.waitForFunction(() => window.__firstPaint || window.__benchError, null, {
        timeout: LOAD_TIMEOUT_MS,
        polling: 20,
      });
      const failure = await page.evaluate(() => window.__benchError);
      if (failure) throw new Error(failure);
      paint = { ms: await handle.jsonValue(), preview: false };
      interactive = { ready: paint.ms, clicked: null, answered: paint.ms, loadCalled: false };
    } else {
      paint = await elementFirstPaint(page);
      interactive = await elementInteractive(page);
    }
    if (errors.length || responses.failed.length) throw new Error([...errors, ...responses.failed].join('; '));
    const document = new URL(url).pathname;
    const needed = (await responses.all(page)).filter(
      (r) => r.path !== document && !(harness && r.path.startsWith('/benches/browser/')),
    );
    const until = (ms) => needed.filter((r) => r.end <= ms);
    return { paint, interactive, firstPaintFiles: until(paint.ms), interactiveFiles: until(interactive.answered) };
  } catch (error) {
    throw new Error(`${file}${slow ? ' (Slow 4G, 4x CPU)' : ''}: ${error.message}`, { cause: error });
  } finally {
    await page.close();
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Responses as files `{ path: { raw, gzip, requests, start, end } }` (raw from what the server
 * sent; a file fetched twice counts twice; start and end in ms after navigation, the waterfall)
 * and their gzip sum.
 */
function files(list, server) {
  const named = {};
  for (const { path, gzip, start, end } of list) {
    const file = (named[path] ??= {
      raw: server.log.findLast((entry) => entry.path === path)?.raw ?? null,
      gzip: 0,
      requests: 0,
    });
    file.gzip += gzip;
    file.requests += 1;
    file.start ??= Math.round(start);
    file.end = Math.round(end);
  }
  return { bytes: list.reduce((sum, r) => sum + r.gzip, 0), files: named };
}

/**
 * `runs` cold loads of `stack`; medians of the first-paint and interactive times, and the files of
 * the median first-paint run (the files are the same from run to run).
 */
export async function measureLoad(context, server, stack, { runs, query = {}, slow = false }) {
  const loads = [];
  for (let run = 0; run < runs; run++) loads.push(await loadOnce(context, server, stack, { query, slow }));
  const paint = loads.map((l) => l.paint.ms);
  const middle = loads.find((l) => l.paint.ms === median(paint));
  const firstPaint = files(middle.firstPaintFiles, server);
  const interactive = files(middle.interactiveFiles, server);
  return {
    page: LOAD_PAGES[stack].page,
    throttling: slow ? { network: SLOW_4G, cpuRate: SLOW_CPU_RATE, cache: 'disabled' } : null,
    previewed: loads.every((l) => l.paint.preview),
    ms: median(paint),
    runs: paint,
    bytes: firstPaint.bytes,
    files: firstPaint.files,
    interactive: {
      ms: median(loads.map((l) => l.interactive.answered)),
      readyMs: median(loads.map((l) => l.interactive.ready)),
      // In the run the files come from: files that started after it came in answer to the click.
      clickedMs: middle.interactive.clicked,
      loadCalled: loads.every((l) => l.interactive.loadCalled),
      runs: loads.map((l) => l.interactive.answered),
      bytes: interactive.bytes,
      files: interactive.files,
    },
  };
}
