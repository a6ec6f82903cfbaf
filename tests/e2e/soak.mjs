// The soak: 100,000 pointer moves, 1,000 year changes, 100 resizes and 200
// select/deselect cycles on one map, with no console error or uncaught exception, and neither
// the WebAssembly memory nor the JS heap growing by 1 MB or more after a warm-up.
// Part of `node tests/e2e/run.mjs`; alone: `node tests/e2e/soak.mjs`.
import { pathToFileURL } from 'node:url';
import { addMap, assert, events, frames, runTests, test, waitReady } from './lib.mjs';

const MB = 1024 * 1024;

/** Wasm memory (the element's memoryBytes) and the JS heap after a full garbage collection. */
async function memory(page, cdp) {
  await page.evaluate(() => {
    window.__pc.events.length = 0;
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.$eval('peta-cerdas', (el) => el.memoryBytes);
  assert.ok(Number.isFinite(wasm) && wasm > 0, `memoryBytes is a number of bytes: ${wasm}`);
  return { wasm, heap: usedSize };
}

/**
 * `count` pointermove events over the canvas, dispatched in the page in batches with a frame
 * between; returns how many regions' tooltips were seen.
 */
async function pointerMoves(page, count, batch = 5000) {
  const tooltips = new Set();
  for (let done = 0; done < count; done += batch) {
    const seen = await page.$eval(
      'peta-cerdas',
      async (el, [start, n]) => {
        const canvas = el.shadowRoot.getElementById('map');
        const tooltip = el.shadowRoot.getElementById('tooltip');
        const box = canvas.getBoundingClientRect();
        const seen = [];
        for (let i = start; i < start + n; i++) {
          // A deterministic scribble over the whole canvas.
          const x = box.left + (((i * 7919) % 1009) / 1009) * box.width;
          const y = box.top + (((i * 104729) % 997) / 997) * box.height;
          canvas.dispatchEvent(
            new PointerEvent('pointermove', {
              clientX: x,
              clientY: y,
              pointerId: 1,
              pointerType: 'mouse',
              bubbles: true,
            }),
          );
          if (i % 101 === 0 && !tooltip.hidden) seen.push(tooltip.firstChild?.textContent);
        }
        await new Promise(requestAnimationFrame);
        return seen;
      },
      [done, Math.min(batch, count - done)],
    );
    for (const name of seen) tooltips.add(name);
  }
  return tooltips.size;
}

/** `count` year changes, alternating the slider and the attribute, each drawn; returns the events. */
async function yearChanges(page, count) {
  return page.$eval(
    'peta-cerdas',
    async (el, count) => {
      const slider = el.shadowRoot.getElementById('year');
      const years = (await el.stats()).cohorts.map((c) => c.year);
      const reported = () => window.__pc.events.filter((e) => e.type === 'year-change').length;
      const start = reported();
      for (let i = 0; i < count; i++) {
        const current = Number(slider.value);
        const next = (current + 1 + (i % (years.length - 1))) % years.length; // never the current year
        if (i % 2) {
          slider.value = String(next);
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          el.removeAttribute('year');
          el.setAttribute('year', String(years[next]));
        }
        await new Promise(requestAnimationFrame);
      }
      return reported() - start;
    },
    count,
  );
}

/** `count` resizes of the element, each observed and drawn. */
async function resizes(page, count) {
  await page.$eval(
    'peta-cerdas',
    async (el, count) => {
      for (let i = 0; i < count; i++) {
        el.style.width = `${520 + (i % 7) * 60}px`;
        await new Promise(requestAnimationFrame);
        await new Promise(requestAnimationFrame);
      }
      el.style.width = '';
    },
    count,
  );
}

/** `count` select/deselect cycles over regions spread across the country. */
async function selectCycles(page, count) {
  return page.$eval(
    'peta-cerdas',
    async (el, count) => {
      const codes = new Set();
      for (let lon = 96; lon < 141; lon += 1.5)
        for (let lat = -10; lat < 5; lat += 1.5) {
          const found = el.regionAt(lon, lat);
          if (found) codes.add(found.code);
        }
      const list = [...codes];
      let selected = 0;
      for (let i = 0; i < count; i++) {
        if (el.select(list[i % list.length])) selected++;
        await new Promise(requestAnimationFrame);
        el.select(null);
        await new Promise(requestAnimationFrame);
      }
      return { selected, codes: list.length };
    },
    count,
  );
}

test(
  'soak: 100,000 pointer moves, 1,000 years, 100 resizes, 200 selections; memory stays flat',
  async (t) => {
    const page = await t.open('/e2e/blank.html');
    await addMap(page, { year: '2021' });
    await waitReady(page);
    await page.waitForLoadState('networkidle');
    await frames(page, 2);
    const cdp = await page.context().newCDPSession(page);

    // Warm-up: every path once, so caches (paths, tooltips, table rows) exist before measuring.
    await pointerMoves(page, 5000);
    await yearChanges(page, 20);
    await resizes(page, 7);
    await selectCycles(page, 20);
    const before = await memory(page, cdp);

    const started = Date.now();
    const hovered = await pointerMoves(page, 100_000);
    const years = await yearChanges(page, 1000);
    await resizes(page, 100);
    const cycles = await selectCycles(page, 200);
    const seconds = (Date.now() - started) / 1000;

    const selects = (await events(page, 'region-select')).length;
    assert.ok(hovered >= 10, `the moves hover many regions: ${hovered} tooltips seen`);
    assert.equal(years, 1000, 'each year change is reported');
    assert.equal(cycles.selected, 200, `every select succeeds (${cycles.codes} regions)`);
    assert.ok(selects >= 400, `select and deselect are reported: ${selects}`);
    assert.equal(await page.$eval('peta-cerdas', (el) => el.shadowRoot.getElementById('root').dataset.state), 'ready');
    assert.equal(await page.$eval('peta-cerdas', (el) => el.regionAt(111.33, -7.65)?.code), '35.20', 'still answers');

    const after = await memory(page, cdp);
    const growth = { wasm: after.wasm - before.wasm, heap: after.heap - before.heap };
    const fmt = (bytes) => `${(bytes / MB).toFixed(2)} MB`;
    console.log(
      `    soak ${seconds.toFixed(1)} s: wasm memory ${fmt(before.wasm)} -> ${fmt(after.wasm)} (${growth.wasm >= 0 ? '+' : ''}${fmt(growth.wasm)}), ` +
        `JS heap ${fmt(before.heap)} -> ${fmt(after.heap)} (${growth.heap >= 0 ? '+' : ''}${fmt(growth.heap)})`,
    );
    assert.ok(growth.wasm < MB, `wasm memory grew by ${fmt(growth.wasm)}`);
    assert.ok(growth.heap < MB, `JS heap grew by ${fmt(growth.heap)}`);
  },
  { timeout: 150_000 },
);

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit((await runTests(['soak:'])) ? 0 : 1);
}
