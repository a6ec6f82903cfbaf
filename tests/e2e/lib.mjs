// The browser-test harness: a registry of named tests, one Chromium for all of them, a fresh
// browser context per test, console errors and uncaught exceptions collected on every page,
// and a screenshot into target/e2e/ when a test fails.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';

export { assert };
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WWW = path.join(ROOT, 'www');
export const PAGES = path.join(ROOT, 'tests/e2e/pages');
export const SHOTS = path.join(ROOT, 'target/e2e');

/** The element's events, as the docs name them. */
export const EVENTS = ['preview', 'ready', 'region-select', 'year-change', 'error'];

/** Magetan (35.20), the region docs/web-api.md and the wasm tests use. */
export const MAGETAN = { code: '35.20', name: 'Kabupaten Magetan', province: 'Jawa Timur', lon: 111.33, lat: -7.65 };

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
export const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";

const tests = [];

/** Registers a browser test. `fn(t)` gets a {@link TestContext}. */
export function test(name, fn, { timeout = 30_000 } = {}) {
  tests.push({ name, fn, timeout });
}

/** Records every element event on window (they bubble and are composed), from before any script. */
function recordEvents(types) {
  window.__pc = { events: [] };
  for (const type of types) {
    window.addEventListener(
      type,
      (event) => {
        const target = event.composedPath()[0];
        if (!target || target.localName !== 'peta-cerdas') return;
        let detail;
        try {
          detail = JSON.parse(JSON.stringify(event.detail ?? null));
        } catch {
          detail = String(event.detail);
        }
        window.__pc.events.push({ type, id: target.id || null, detail, at: performance.now() });
      },
      true,
    );
  }
}

export class TestContext {
  constructor(env, name) {
    this.env = env;
    this.name = name;
    this.server = env.server;
    this.contexts = [];
    this.pages = [];
    /** Unexpected console errors and uncaught exceptions, as lines. */
    this.problems = [];
    this.allowed = [];
  }

  /** Console errors matching `pattern` are expected in this test (uncaught exceptions never are). */
  allowConsoleError(pattern) {
    this.allowed.push(pattern);
  }

  /** A new browser context (own storage); `options` are Playwright's newContext options. */
  async context(options = {}) {
    const context = await this.env.browser.newContext({ viewport: { width: 1100, height: 800 }, ...options });
    await context.addInitScript(recordEvents, EVENTS);
    this.contexts.push(context);
    context.on('page', (page) => this.watch(page));
    return context;
  }

  /** Follows a page's console errors and uncaught exceptions (frames included). */
  watch(page) {
    if (this.pages.includes(page)) return;
    this.pages.push(page);
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      const where = message.location()?.url ?? '';
      if (this.allowed.some((pattern) => pattern.test(text))) return;
      this.problems.push(`console error: ${text}${where ? ` (${where})` : ''}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught exception: ${error.stack ?? error}`));
  }

  /** Opens `pathOrUrl` (relative to the server) in a new page of a new context. */
  async open(pathOrUrl, { context = {}, emulate, waitUntil = 'load' } = {}) {
    const page = await (await this.context(context)).newPage();
    this.watch(page);
    if (emulate) await page.emulateMedia(emulate);
    await page.goto(this.url(pathOrUrl), { waitUntil });
    return page;
  }

  url(pathOrUrl) {
    return /^https?:/.test(pathOrUrl) ? pathOrUrl : this.server.url(pathOrUrl);
  }

  async screenshots() {
    fs.mkdirSync(SHOTS, { recursive: true });
    const slug = this.name
      .replace(/[^a-z0-9]+/gi, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase();
    const saved = [];
    for (const [i, page] of this.pages.entries()) {
      if (page.isClosed()) continue;
      const file = path.join(SHOTS, `${slug}${i ? `-${i}` : ''}.png`);
      try {
        await page.screenshot({ path: file, timeout: 5000 });
        saved.push(path.relative(ROOT, file));
      } catch {
        // a crashed page has nothing to show
      }
    }
    return saved;
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => {})));
  }
}

/** Starts the server and the browser that every test shares. */
export async function startEnvironment() {
  const server = await startServer({
    mounts: [
      { prefix: '/', dir: WWW },
      { prefix: '/e2e/', dir: PAGES },
      // The same pages and element under a strict CSP, and under one that forbids WebAssembly.
      { prefix: '/csp/', dir: WWW },
      { prefix: '/csp/e2e/', dir: PAGES },
      { prefix: '/nowasm/', dir: WWW },
      { prefix: '/nowasm/e2e/', dir: PAGES },
      // The real data, but for two CSVs answered by serveHostileProgramme.
      { prefix: '/hostile-data/', dir: path.join(WWW, 'data') },
    ],
  });
  server.addHeaders('/csp/', { 'Content-Security-Policy': STRICT_CSP });
  server.addHeaders('/nowasm/', { 'Content-Security-Policy': NO_WASM_CSP });
  // A sandboxed iframe has an opaque origin: its module scripts and fetches are CORS requests.
  server.addHeaders('/', { 'Access-Control-Allow-Origin': '*' });
  // Browsers ask for one on their own; the pages declare none.
  server.route('/favicon.ico', (req, res) => {
    res.writeHead(204);
    res.end();
  });
  // A data folder whose files are all garbage: the element must say so, not throw.
  const garbage = Buffer.from('PCTA\x01\x00<img src=x onerror=window.__pwned=1> not an atlas '.repeat(40), 'latin1');
  const types = { csv: 'text/csv', json: 'application/json', bin: 'application/octet-stream' };
  const files = [
    'preview.json',
    'overview.bin',
    'programme.bin',
    'sources/35.20.bin',
    'atlas.bin',
    'members.csv',
    'pillars.csv',
    'cohorts.csv',
  ];
  for (const name of files) {
    server.route(`/garbage/${name}`, (req, res) => {
      res.writeHead(200, { 'Content-Type': types[name.split('.').pop()] });
      res.end(garbage);
    });
  }
  // A developer's data folder with HTML in every free-text field of one region (Kota Pasuruan).
  serveHostileProgramme(server);
  // Playwright starts Chromium with a fresh, empty --user-data-dir of its own (a temp dir).
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    server,
    browser,
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** HTML that must only ever show as text; its handler would set window.__pwned. */
export const INJECTION = '<img src=x onerror=window.__pwned=1>';
/** Kota Pasuruan, a 2021 member with pillar citations, whose text fields carry the injection. */
export const HOSTILE_CODE = '35.75';

function serveHostileProgramme(server) {
  const url = `https://example.go.id/a?b=${INJECTION.replace(/ /g, '/')}`;
  const rewrite = (file, fields) => {
    const lines = fs.readFileSync(path.join(ROOT, 'data/programme', file), 'utf8').split('\n');
    const header = lines[0].split(',');
    const text = lines
      .map((line) => {
        if (!line.startsWith(`${HOSTILE_CODE},`)) return line;
        // The first columns (code, name, year, …) never hold commas in these rows.
        const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, ''));
        for (const [column, value] of Object.entries(fields)) cells[header.indexOf(column)] = value;
        return cells.slice(0, header.length).join(',');
      })
      .join('\n');
    server.route(`/hostile-data/${file}`, (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
      res.end(text);
    });
  };
  rewrite('members.csv', { confidence_note: INJECTION, source_url: url, source_title: INJECTION, note: INJECTION });
  rewrite('pillars.csv', { source_url: url, quote: INJECTION, label: INJECTION });
}

/** Runs the registered tests whose name contains one of `filters`; prints TAP-like lines. */
export async function runTests(filters = []) {
  const selected = tests.filter((t) => !filters.length || filters.some((f) => t.name.includes(f)));
  const env = await startEnvironment();
  let passed = 0;
  const failed = [];
  const started = Date.now();
  try {
    for (const { name, fn, timeout } of selected) {
      const t = new TestContext(env, name);
      const begin = Date.now();
      let error = null;
      try {
        await withTimeout(fn(t), timeout, `timed out after ${timeout / 1000} s`);
        if (t.problems.length) throw new Error(`unexpected errors on the page:\n${t.problems.join('\n')}`);
      } catch (e) {
        error = e;
      }
      const seconds = ((Date.now() - begin) / 1000).toFixed(1);
      if (error) {
        const shots = await t.screenshots();
        failed.push(name);
        console.log(`not ok - ${name} (${seconds} s)`);
        const text = String(error.stack ?? error)
          .split('\n')
          .slice(0, 12)
          .join('\n');
        console.log(text.replace(/^/gm, '    '));
        if (t.problems.length && !String(error.message).startsWith('unexpected errors')) {
          console.log(`    also on the page:\n${t.problems.map((p) => `      ${p}`).join('\n')}`);
        }
        if (shots.length) console.log(`    screenshot: ${shots.join(', ')}`);
      } else {
        passed += 1;
        console.log(`ok - ${name} (${seconds} s)`);
      }
      await t.close();
    }
  } finally {
    await env.close();
  }
  const total = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\ne2e: ${passed} passed, ${failed.length} failed in ${total} s`);
  console.log(`${passed} passed, ${failed.length} failed`);
  return failed.length === 0;
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

// ---- helpers on pages --------------------------------------------------------------------

/** A locator inside the (first, or `host`) element's open shadow root; CSS pierces it. */
export function part(page, id, host = 'peta-cerdas') {
  return page.locator(`${host} #${id}`);
}

/**
 * Waits until the element's `#root` has `data-state=state`. A map shows its prerendered preview
 * until a reader reaches for it, so waiting for `ready` (or for the fallback, which only a start
 * of the interactive map can find it needs) first starts the interactive map with `load()`.
 */
export async function waitState(page, state, { host = 'peta-cerdas', timeout = 15_000 } = {}) {
  if (state === 'ready' || state === 'fallback') await startMaps(page, host);
  try {
    await page.locator(`${host} #root[data-state="${state}"]`).first().waitFor({ state: 'attached', timeout });
  } catch (error) {
    const now = await page
      .evaluate((host) => {
        const el = document.querySelector(host);
        const root = el?.shadowRoot?.getElementById('root');
        const message = el?.shadowRoot?.getElementById('message')?.textContent;
        return `element ${el ? 'present' : 'missing'}, data-state=${root?.dataset.state}, message=${JSON.stringify(message)}`;
      }, host)
      .catch(() => 'page gone');
    throw new Error(`${host} never reached data-state=${state} (${now})`, { cause: error });
  }
}

export const waitReady = (page, options) => waitState(page, 'ready', options);

/** Starts the interactive map of every element `host` in `page` (a Page or a Frame), as a reader's intent would. */
export async function startMaps(page, host = 'peta-cerdas') {
  await page.waitForFunction((host) => document.querySelector(host)?.load, host, { timeout: 15_000 });
  await page.evaluate((host) => document.querySelectorAll(host).forEach((el) => el.load().catch(() => {})), host);
}

/** The events recorded so far, optionally of one type. */
export async function events(page, type) {
  const all = await page.evaluate(() => window.__pc?.events ?? []);
  return type ? all.filter((e) => e.type === type) : all;
}

export async function clearEvents(page) {
  await page.evaluate(() => {
    window.__pc.events.length = 0;
  });
}

/** Waits until an event of `type` whose detail passes `predicate` (run here, in node) is recorded. */
export async function waitEvent(page, type, predicate = () => true, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const all = await events(page);
    const found = all.find((e) => e.type === type && predicate(e.detail, e));
    if (found) return found;
    if (Date.now() > end) throw new Error(`no ${type} event matching ${predicate}; events: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 40));
  }
}

/** Lets the element draw: two animation frames. */
export async function frames(page, count = 2) {
  await page.evaluate(
    (count) =>
      new Promise((done) => {
        const step = (left) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
        step(count);
      }),
    count,
  );
}

/** The visible text of a shadow part (textContent, whitespace collapsed). */
export async function text(page, id, host = 'peta-cerdas') {
  const value = await part(page, id, host).first().textContent();
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** location.hash as a Map. */
export async function hashParams(page) {
  const hash = await page.evaluate(() => location.hash);
  return new URLSearchParams(hash.replace(/^#/, ''));
}

/** The view's zoom from the synced hash (`view=lon,lat,zoom`). */
export async function hashZoom(page) {
  const view = (await hashParams(page)).get('view');
  assert.ok(view, `the hash carries the view: ${await page.evaluate(() => location.hash)}`);
  return Number(view.split(',')[2]);
}

/** The centre of the map canvas in page coordinates. */
export async function mapCentre(page, host = 'peta-cerdas') {
  const box = await part(page, 'map', host).first().boundingBox();
  assert.ok(box && box.width > 0 && box.height > 0, `the map canvas has a size: ${JSON.stringify(box)}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

/** Polls `fn` (node side) until it returns truthy; fails with `message`. */
export async function until(fn, message, timeout = 5000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end)
      throw new Error(`${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Counts pixels of the element's canvas that are not the most common colour (the sea). */
export async function landPixels(page, host = 'peta-cerdas') {
  return page.evaluate((host) => {
    const canvas = document.querySelector(host).shadowRoot.getElementById('map');
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 16) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const sea = Math.max(...counts.values());
    return { total: data.length / 16, land: data.length / 16 - sea, colours: counts.size };
  }, host);
}

/** Appends a `<peta-cerdas>` with `attrs` to the page's <main> (blank.html); returns its selector. */
export async function addMap(page, attrs = {}, id = 'map-under-test') {
  await page.evaluate(
    ([attrs, id]) => {
      const map = document.createElement('peta-cerdas');
      map.id = id;
      for (const [name, value] of Object.entries(attrs)) map.setAttribute(name, value);
      document.querySelector('main').append(map);
    },
    [attrs, id],
  );
  return `#${id}`;
}

/**
 * How far two pictures of one size agree, `first` and `second` as PNG Buffers or data URLs. A
 * pixel of `first` whose 3x3 neighbourhood is one colour (anti-aliased edges are left out)
 * agrees when a pixel of `second` within 1 px is within a colour distance of 24. Answers
 * `{all, coloured, colouredShare, interior, colours}`: `coloured` over the pixels that are not
 * one of `first`'s two commonest colours (the sea and land that is not a member) in either
 * picture, where a wrong year shows; `colours` counts `first`'s colours.
 */
export async function agreement(page, first, second) {
  const url = (image) => (typeof image === 'string' ? image : `data:image/png;base64,${image.toString('base64')}`);
  return page.evaluate(
    async ([first, second]) => {
      async function pixels(src) {
        const img = new Image();
        img.src = src;
        await img.decode();
        const ctx = new OffscreenCanvas(img.naturalWidth, img.naturalHeight).getContext('2d');
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight);
      }
      const { data: drawn, width, height } = await pixels(first);
      const reference = (await pixels(second)).data;
      const key = (d, i) => (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      const counts = new Map();
      for (let i = 0; i < drawn.length; i += 4) counts.set(key(drawn, i), (counts.get(key(drawn, i)) ?? 0) + 1);
      const plain = new Set(
        [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 2)
          .map(([k]) => k),
      );
      const near = (i, j) =>
        Math.abs(drawn[i] - reference[j]) +
          Math.abs(drawn[i + 1] - reference[j + 1]) +
          Math.abs(drawn[i + 2] - reference[j + 2]) <=
        24;
      const interior = (x, y) => {
        if (x < 1 || y < 1 || x >= width - 1 || y >= height - 1) return false;
        const k = key(drawn, (y * width + x) * 4);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) if (key(drawn, ((y + dy) * width + x + dx) * 4) !== k) return false;
        }
        return true;
      };
      let interiorCount = 0;
      let agree = 0;
      let coloured = 0;
      let colouredAgree = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          if (!interior(x, y)) continue;
          interiorCount++;
          let found = false;
          for (let dy = -1; dy <= 1 && !found; dy++) {
            for (let dx = -1; dx <= 1 && !found; dx++) {
              const xx = x + dx;
              const yy = y + dy;
              if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
              found = near(i, (yy * width + xx) * 4);
            }
          }
          if (found) agree++;
          if (!plain.has(key(drawn, i)) || !plain.has(key(reference, i))) {
            coloured++;
            if (found) colouredAgree++;
          }
        }
      }
      return {
        all: agree / interiorCount,
        coloured: colouredAgree / Math.max(1, coloured),
        colouredShare: coloured / interiorCount,
        interior: interiorCount / (width * height),
        colours: counts.size,
      };
    },
    [url(first), url(second)],
  );
}

/** Calls a method of the element (`host`) in the page and returns its result. */
export function call(page, method, args = [], host = 'peta-cerdas') {
  return page.$eval(host, (el, [method, args]) => el[method](...args), [method, args]);
}
