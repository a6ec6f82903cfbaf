// Accessibility: axe-core on both pages in both languages and themes, every region
// reachable from the keyboard, the data table following the year, reduced motion, forced colours.
import fs from 'node:fs';
import path from 'node:path';
import {
  MAGETAN,
  ROOT,
  assert,
  events,
  frames,
  part,
  test,
  text,
  until,
  waitEvent,
  waitReady,
  waitState,
} from './lib.mjs';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

/** Runs axe-core on the whole document (open shadow roots included); returns its violations. */
async function axeViolations(page) {
  // Evaluated rather than added as a <script>, so that pages under a strict CSP can be checked too.
  await page.evaluate(fs.readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const result = await window.axe.run(document);
    // A target inside a shadow root is an array of selectors (host, then inside).
    const shadowNodes = result.passes.flatMap((rule) => rule.nodes).filter((n) => Array.isArray(n.target[0])).length;
    const violations = result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
    return { violations, shadowNodes };
  });
}

for (const name of ['index.html', 'embed.html']) {
  for (const lang of ['id', 'en']) {
    for (const theme of ['light', 'dark']) {
      test(`axe: ${name} lang=${lang} theme=${theme} has no violations`, async (t) => {
        const page = await t.open(`/${name}#lang=${lang}&theme=${theme}`, {
          emulate: { colorScheme: theme },
        });
        await waitReady(page);
        await frames(page);
        assert.equal(await page.$eval('peta-cerdas', (el) => el.shadowRoot.getElementById('root').lang), lang);
        // With a selection, so the panel and its links are checked too.
        assert.equal(await page.$eval('peta-cerdas', (el) => el.select('35.20')), true);
        await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
        const { violations, shadowNodes } = await axeViolations(page);
        assert.ok(shadowNodes > 20, `axe checked inside the shadow root: ${shadowNodes} nodes`);
        assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
      });
    }
  }
}

/** The member rows of the data table: name, province and the years joined. */
function tableRows(page) {
  return page.$eval('peta-cerdas', (el) =>
    [...el.shadowRoot.querySelectorAll('#table tbody tr')].map((tr) => ({
      name: tr.cells[0].textContent,
      province: tr.cells[1].textContent,
      years: tr.cells[2].textContent,
    })),
  );
}

test('axe: the no-WebAssembly fallback (static map and table) has no violations', async (t) => {
  t.allowConsoleError(/WebAssembly|wasm-unsafe-eval|Content Security Policy/i);
  const page = await t.open('/nowasm/e2e/csp.html');
  await waitState(page, 'fallback');
  await until(() => page.locator('peta-cerdas #table tbody tr').count(), 'the table is filled');
  const { violations, shadowNodes } = await axeViolations(page);
  assert.ok(shadowNodes > 20, `axe checked inside the shadow root: ${shadowNodes} nodes`);
  assert.deepEqual(violations, [], `axe violations:\n${JSON.stringify(violations, null, 2)}`);
});

test('keyboard: Shift+arrows announce each region with its province and membership', async (t) => {
  const page = await t.open('/embed.html#lang=id');
  await waitReady(page);
  // The table is built when it is opened.
  await part(page, 'table-box').locator('summary').click();
  const members = await until(async () => {
    const rows = await tableRows(page);
    return rows.length > 100 && rows;
  }, 'the opened table lists the members');
  await part(page, 'map').focus();
  const seen = new Set();
  // Real key presses sweeping east and west across Java and its neighbours.
  const pattern = [...Array(12).fill('ArrowRight'), 'ArrowDown', ...Array(12).fill('ArrowLeft'), 'ArrowUp', 'ArrowUp'];
  for (let round = 0; round < 2; round++) {
    for (const key of pattern) {
      await page.keyboard.press(`Shift+${key}`);
      seen.add(await text(page, 'announce'));
    }
  }
  seen.delete('');
  let memberSeen = 0;
  for (const said of seen) {
    const row = members.find((r) => said.startsWith(`${r.name}, ${r.province}`));
    if (row) {
      memberSeen++;
      assert.ok(
        row.years.split(', ').some((y) => said.includes(y)),
        `"${said}" gives the year ${row.name} joined`,
      );
    } else {
      // Not a member: says so ("belum bergabung per 2024") rather than a year of joining.
      assert.match(said, /^(Kabupaten|Kota) [^,]+, [^:]+: belum bergabung per 20\d\d$/, `"${said}"`);
    }
  }
  console.log(`    ${seen.size} regions announced by real key presses, ${memberSeen} of them members`);
  assert.ok(seen.size >= 25, `many regions reached: ${seen.size}`);
  assert.ok(memberSeen >= 3, `members among them: ${memberSeen}`);
});

/** Dispatches `count` keydowns of `keys` (cycled, or picked by a seeded random walk) on #map. */
function walkKeys(page, { keys, count, shiftKey = false, random = false }) {
  return page.$eval(
    'peta-cerdas',
    (el, { keys, count, shiftKey, random }) => {
      const canvas = el.shadowRoot.getElementById('map');
      const announce = el.shadowRoot.getElementById('announce');
      let seed = 20240605;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const said = [];
      for (let i = 0; i < count; i++) {
        const key = random ? keys[Math.floor(next() * keys.length)] : keys[i % keys.length];
        canvas.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));
        said.push(announce.textContent.split(':')[0]);
      }
      return said;
    },
    { keys, count, shiftKey, random },
  );
}

/** Every region, "name, province" by code, from regionAt over a grid of the country. */
function allRegions(page) {
  return page.$eval('peta-cerdas', (el) => {
    const all = {};
    for (let lon = 95; lon < 141.1; lon += 0.05) {
      for (let lat = -11; lat < 6.1; lat += 0.05) {
        const found = el.regionAt(lon, lat);
        if (found) all[found.code] = `${found.name}, ${found.province}`;
      }
    }
    return all;
  });
}

test('keyboard: Tab to the map, Enter focuses and announces the centre region, Enter selects it', async (t) => {
  const page = await t.open('/index.html#lang=en');
  await waitReady(page);
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'map'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.querySelector('peta-cerdas').shadowRoot.activeElement?.id ?? '');
  }
  assert.equal(focused, 'map', 'Tab reaches the map');
  await page.keyboard.press('Enter');
  const announced = await until(() => text(page, 'announce'), 'the first Enter announces a region');
  assert.equal(
    (await events(page, 'region-select')).filter((e) => e.detail.code !== null).length,
    0,
    'nothing selected yet',
  );
  assert.equal(await part(page, 'panel').isVisible(), false, 'the panel stays closed after the first Enter');
  await page.keyboard.press('Enter');
  const selected = await waitEvent(page, 'region-select', (d) => d.code !== null);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await text(page, 'panel-title'), selected.detail.name);
  assert.ok(String(announced).length > 0);
});

test('keyboard: Ctrl+plus/minus/0 and Alt+arrows on the focused map are left to the browser (page zoom, Back)', async (t) => {
  const page = await t.open('/index.html#lang=en');
  await waitReady(page);
  // After the map's own listener (on the canvas), whether it claimed the key.
  await page.evaluate(() => {
    window.__claimed = [];
    window.addEventListener('keydown', (event) => window.__claimed.push([event.key, event.defaultPrevented]));
  });
  const map = part(page, 'map');
  await map.focus();
  await frames(page);
  const hashBefore = await until(async () => {
    const hash = await page.evaluate(() => location.hash);
    return /view=/.test(hash) && hash;
  }, 'the hash has the view');
  for (const key of [
    'Control+Equal',
    'Control+Minus',
    'Control+Digit0',
    'Alt+ArrowLeft',
    'Alt+ArrowRight',
    'Meta+ArrowLeft',
  ]) {
    await page.keyboard.press(key);
  }
  await frames(page, 4);
  const claimed = await page.evaluate(() =>
    window.__claimed.filter(([key]) => !['Control', 'Alt', 'Meta'].includes(key)),
  );
  assert.deepEqual(claimed, [
    ['=', false],
    ['-', false],
    ['0', false],
    ['ArrowLeft', false],
    ['ArrowRight', false],
    ['ArrowLeft', false],
  ]);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => location.hash), hashBefore, 'the map neither zoomed nor panned');
  // The map's own keys still work, Shift combinations too.
  await page.keyboard.press('Shift+ArrowRight');
  await until(() => text(page, 'announce'), 'Shift+ArrowRight announces a region');
  await page.keyboard.press('ArrowLeft');
  await until(async () => (await page.evaluate(() => location.hash)) !== hashBefore, 'ArrowLeft pans the map');
});

test('keyboard: Escape with the focus in the panel closes it and gives the focus back to the map', async (t) => {
  const page = await t.open('/index.html#lang=en');
  await waitReady(page);
  assert.equal(await page.$eval('peta-cerdas', (el) => el.select('35.20')), true);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  // A source link inside the panel, as a reader tabbing through it reaches it.
  const link = part(page, 'panel-memberships').locator('a').first();
  await link.waitFor({ state: 'attached', timeout: 5000 });
  await link.focus();
  await page.keyboard.press('Escape');
  await waitEvent(page, 'region-select', (d) => d.code === null);
  await part(page, 'panel').waitFor({ state: 'hidden', timeout: 3000 });
  const focused = await page.evaluate(() => document.querySelector('peta-cerdas').shadowRoot.activeElement?.id);
  assert.equal(focused, 'map', 'the focus is back on the map');
});

test('keyboard: every region can be reached (Page Down walks them all, Page Up walks back)', async (t) => {
  const page = await t.open('/embed.html#lang=id');
  await waitReady(page);
  const regions = (await page.$eval('peta-cerdas', (el) => el.stats())).regions;
  await part(page, 'map').focus();
  // Real key presses first: the keys are bound, and Page Up undoes Page Down.
  await page.keyboard.press('PageDown');
  const first = await until(() => text(page, 'announce'), 'Page Down announces a region');
  await page.keyboard.press('PageDown');
  await until(async () => (await text(page, 'announce')) !== first, 'a second Page Down moves on');
  await page.keyboard.press('PageUp');
  await until(async () => (await text(page, 'announce')) === first, 'Page Up goes back');
  // Then the whole walk, dispatched in the page for speed.
  const said = await walkKeys(page, { keys: ['PageDown'], count: regions + 5 });
  const distinct = new Set(said);
  const all = await allRegions(page);
  const missing = Object.entries(all)
    .filter(([, name]) => !distinct.has(name))
    .map(([code, name]) => `${code} ${name}`);
  console.log(`    Page Down: ${distinct.size} of ${regions} regions in ${regions + 5} presses`);
  assert.ok(missing.length === 0, `${missing.length} regions never reached, e.g. ${missing.slice(0, 12).join('; ')}`);
  assert.equal(distinct.size, regions);
});

test('keyboard: Shift+arrows (nearest region that way) reach most regions', async (t) => {
  const page = await t.open('/embed.html#lang=id');
  await waitReady(page);
  const regions = (await page.$eval('peta-cerdas', (el) => el.stats())).regions;
  const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
  const said = await walkKeys(page, { keys, count: 30_000, shiftKey: true, random: true });
  const distinct = new Set(said);
  console.log(`    Shift+arrows: ${distinct.size} of ${regions} regions in a 30,000-move random walk`);
  assert.ok(distinct.size >= regions * 0.8, `most regions reached: ${distinct.size}`);
});

/** The year slider to its first year, by keyboard, as a reader would (Home). */
async function toFirstYear(page) {
  await part(page, 'year').focus();
  await page.keyboard.press('Home');
  await waitEvent(page, 'year-change', (d) => d.year === 2017);
}

test('the data table follows the year', async (t) => {
  const page = await t.open('/index.html');
  await waitReady(page);
  const rows = () =>
    page.$eval('peta-cerdas', (el) =>
      [...el.shadowRoot.querySelectorAll('#table tbody tr')].map((tr) =>
        tr.cells[2].textContent.split(', ').map((year) => parseInt(year, 10)),
      ),
    );
  // The table is built when a reader opens it, as a person would.
  assert.equal((await rows()).length, 0, 'no table rows before the table is opened');
  await part(page, 'table-box').locator('summary').click();
  const latest = Number(await text(page, 'year-value'));
  const atLatest = await until(async () => {
    const r = await rows();
    return r.length > 100 && r;
  }, 'the opened table lists the members');
  await toFirstYear(page);
  await until(async () => (await rows()).length < atLatest.length, 'the table shrinks for 2017');
  const at2017 = await rows();
  assert.ok(at2017.length >= 20 && at2017.length <= 30, `about 25 members in 2017: ${at2017.length}`);
  for (const years of at2017) assert.equal(Math.min(...years), 2017, `a 2017 row joined in 2017: ${years}`);
  assert.match(await text(page, 'table'), /2017/, 'the caption names the year');
  let previous = at2017.length;
  for (let i = 0; i < 10 && Number(await text(page, 'year-value')) < latest; i++) {
    const before = Number(await text(page, 'year-value'));
    await page.keyboard.press('ArrowRight');
    await until(async () => Number(await text(page, 'year-value')) > before, 'the year advances');
    const year = Number(await text(page, 'year-value'));
    const now = await until(async () => {
      const r = await rows();
      return r.length > previous && r;
    }, `more members by ${year} than ${previous}`);
    for (const years of now) assert.ok(Math.min(...years) <= year, `a row of ${year} joined by then: ${years}`);
    previous = now.length;
  }
  assert.equal(previous, atLatest.length, 'back at the latest year, the same table');
});

test('prefers-reduced-motion: play jumps to the last year at once', async (t) => {
  const page = await t.open('/index.html', { emulate: { reducedMotion: 'reduce' } });
  await waitReady(page);
  const latest = await text(page, 'year-value');
  await toFirstYear(page);
  const clicked = Date.now();
  await part(page, 'play').click();
  await until(async () => (await text(page, 'year-value')) === latest, `play reaches ${latest}`, 1000);
  const elapsed = Date.now() - clicked;
  assert.ok(elapsed < 1000, `no 1.2 s steps: ${elapsed} ms`);
  const changes = (await events(page, 'year-change')).map((e) => e.detail.year);
  assert.deepEqual(changes, [2017, Number(latest)], 'straight to the last year, no steps between');
  assert.equal(await text(page, 'play'), 'Putar', 'nothing keeps playing');
});

test('without reduced motion, play steps through the years', async (t) => {
  const page = await t.open('/index.html');
  await waitReady(page);
  await toFirstYear(page);
  const play = part(page, 'play');
  // A toggle that changes its label is not also a pressed button ("Jeda, pressed").
  assert.equal(await play.getAttribute('aria-pressed'), null);
  await play.click();
  assert.equal(await text(page, 'play'), 'Jeda', 'playing, it offers to pause');
  assert.equal(await play.getAttribute('aria-pressed'), null);
  await waitEvent(page, 'year-change', (d) => d.year === 2018, 3000);
  await play.click();
  assert.equal(await text(page, 'play'), 'Putar');
  assert.equal(await play.getAttribute('aria-pressed'), null);
});

test('forced colours: the map stays usable and the keyboard focus is visible', async (t) => {
  const page = await t.open('/index.html', { emulate: { forcedColors: 'active' } });
  await waitReady(page);
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  // Tab into the widget until the canvas has the focus, as a keyboard user would.
  let focused = '';
  for (let i = 0; i < 40 && focused !== 'map'; i++) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.querySelector('peta-cerdas').shadowRoot.activeElement?.id ?? '');
  }
  assert.equal(focused, 'map', 'Tab reaches the map');
  const outline = await part(page, 'map').evaluate((canvas) => {
    const style = getComputedStyle(canvas);
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      visible: canvas.matches(':focus-visible'),
    };
  });
  assert.ok(
    outline.visible && outline.style !== 'none' && outline.width >= 2,
    `a visible focus outline: ${JSON.stringify(outline)}`,
  );
  await page.keyboard.press('Shift+ArrowRight');
  await until(() => text(page, 'announce'), 'a region is announced');
  await page.keyboard.press('Enter');
  await waitEvent(page, 'region-select', (d) => d.code !== null);
  await part(page, 'panel').waitFor({ state: 'visible', timeout: 3000 });
  const legend = part(page, 'legend').locator('button[data-key]');
  assert.ok((await legend.count()) > 0, 'the legend has toggles');
  await legend.first().click();
  await until(async () => (await legend.first().getAttribute('aria-pressed')) === 'false', 'a legend toggle works');
});

/** The colours (`[r, g, b]`) at `points` (`[x, y]`, CSS px) of a PNG screenshot taken at a device pixel ratio of 1. */
function coloursAt(page, png, points) {
  return page.evaluate(
    async ([src, points]) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const ctx = new OffscreenCanvas(img.naturalWidth, img.naturalHeight).getContext('2d');
      ctx.drawImage(img, 0, 0);
      return points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)]);
    },
    [`data:image/png;base64,${png.toString('base64')}`, points],
  );
}

for (const [theme, emulate] of [
  ['light', { colorScheme: 'light' }],
  ['dark', { colorScheme: 'dark' }],
  ['forced colours', { forcedColors: 'active' }],
]) {
  test(`focus: the map canvas shows its focus ring inside the stage, without moving (${theme})`, async (t) => {
    const page = await t.open('/index.html', { emulate });
    await waitReady(page);
    await frames(page);
    const canvas = part(page, 'map');
    /** The canvas's box in the stage (Tab may scroll the page). */
    const place = () =>
      canvas.evaluate((node) => {
        const [box, stage] = [node.getBoundingClientRect(), node.parentElement.getBoundingClientRect()];
        return { x: box.x - stage.x, y: box.y - stage.y, width: box.width, height: box.height };
      });
    const before = await place();
    const unfocused = await canvas.screenshot();
    let focused = '';
    for (let i = 0; i < 40 && focused !== 'map'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.querySelector('peta-cerdas').shadowRoot.activeElement?.id ?? '');
    }
    assert.equal(focused, 'map', 'Tab reaches the map');
    await frames(page);
    assert.deepEqual(await place(), before, 'the focus moves nothing');
    const ring = await canvas.evaluate((node) =>
      getComputedStyle(node).outlineColor.match(/\d+/g).slice(0, 3).map(Number),
    );
    // The middle of each edge but the top (the zoom buttons float there), 1 px in.
    const { width, height } = before;
    const edges = [
      [1, Math.round(height / 2)],
      [Math.round(width - 2), Math.round(height / 2)],
      [Math.round(width / 2), Math.round(height - 2)],
    ];
    const distance = (a, b) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0);
    const without = await coloursAt(page, unfocused, edges);
    const seen = await coloursAt(page, await canvas.screenshot(), edges);
    // Forced colours paint the ring a little translucent: it counts when it is nearer the ring's
    // colour than what was there, and far from that.
    assert.ok(
      seen.every(
        (colour, i) => distance(colour, ring) < distance(colour, without[i]) && distance(colour, without[i]) > 150,
      ),
      `the ring (${ring}) shows on every edge: ${JSON.stringify({ seen, without })}`,
    );
  });
}

/** The live-region politeness Chromium's accessibility tree gives a shadow part (`off` when none). */
async function liveness(page, id) {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `document.querySelector('peta-cerdas').shadowRoot.getElementById(${JSON.stringify(id)})`,
  });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', {
    objectId: result.objectId,
    fetchRelatives: false,
  });
  const live = nodes[0].properties?.find((property) => property.name === 'live');
  return live?.value.value ?? 'off';
}

test('a year change is announced once: by the summary, not by the year output as well', async (t) => {
  const page = await t.open('/index.html#lang=en');
  await waitReady(page);
  await toFirstYear(page);
  await until(async () => (await text(page, 'summary')).includes('2017'), 'the summary names the year');
  assert.equal(await liveness(page, 'summary'), 'polite', 'the summary is the live region');
  assert.equal(await liveness(page, 'year-value'), 'off', 'the year output is not one');
});

/** The `data-<name>` of what has the focus inside the element, or null. */
function focusedData(page, name) {
  return page.evaluate(
    (name) => document.querySelector('peta-cerdas').shadowRoot.activeElement?.dataset[name] ?? null,
    name,
  );
}

test('a legend toggle by keyboard keeps the focus on its button, though the legend is redrawn', async (t) => {
  const page = await t.open('/index.html#lang=id');
  await waitReady(page);
  await frames(page);
  const first = part(page, 'legend').locator('button[data-key]').first();
  const key = await first.getAttribute('data-key');
  const pressed = () => part(page, 'legend').locator(`button[data-key="${key}"]`).getAttribute('aria-pressed');
  await first.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await pressed()) === 'false', 'the class is hidden');
  assert.equal(await focusedData(page, 'key'), key);
  await page.keyboard.press('Space');
  await until(async () => (await pressed()) === 'true', 'the class is shown again');
  assert.equal(await focusedData(page, 'key'), key);
});

test('participation by keyboard: a province keeps the focus through a year change, and "show all" hands it back', async (t) => {
  const page = await t.open('/index.html#lang=id');
  await waitReady(page);
  await frames(page);
  await part(page, 'participation-box').locator('summary').click();
  const province = part(page, 'participation-provinces').locator('button[data-province="Jawa Timur"]');
  await province.waitFor();
  await province.focus();
  await page.keyboard.press('Enter');
  await until(async () => (await province.getAttribute('aria-pressed')) === 'true', 'Jawa Timur is chosen');
  await page.$eval('peta-cerdas', (el) => el.setAttribute('year', '2019'));
  await until(async () => (await part(page, 'participation-cohorts').locator('tbody tr').count()) === 3, '3 cohorts');
  assert.equal(await focusedData(page, 'province'), 'Jawa Timur', 'the redrawn row keeps the focus');
  await part(page, 'participation-all').focus();
  await page.keyboard.press('Enter');
  await until(() => part(page, 'participation-all').isHidden(), '"show all" hides');
  assert.equal(await focusedData(page, 'province'), 'Jawa Timur', 'the focus goes back to the province it undid');
});

test('search: the number of hits, or that there are none, is said politely in the map language', async (t) => {
  const page = await t.open('/index.html#lang=id');
  await waitReady(page);
  const search = part(page, 'search');
  const said = async (query, expected) => {
    await search.fill(query);
    await until(async () => (await text(page, 'search-status')) === expected, `"${query}" says "${expected}"`);
  };
  assert.equal(await liveness(page, 'search-status'), 'polite', 'the status is a polite live region');
  await said('xqzzv', 'Tidak ditemukan');
  const hits = await part(page, 'search-results').locator('li[data-index]').count();
  assert.equal(hits, 0);
  await search.fill('Magetan');
  const count = await part(page, 'search-results').locator('li[data-index]').count();
  await said('Magetan', `${count} hasil ditemukan`);
  await search.press('Escape');
  assert.equal(await text(page, 'search-status'), '', 'a closed list says nothing');
  await part(page, 'lang').selectOption('en');
  await until(
    async () => (await page.$eval('peta-cerdas', (el) => el.shadowRoot.getElementById('root').lang)) === 'en',
    'English',
  );
  await said('xqzzv', 'No match');
});

test('a region too small to see at the country view is ringed when selected, in the highlight colour', async (t) => {
  const page = await t.open('/index.html#lang=id');
  await waitReady(page);
  await frames(page);
  const canvas = part(page, 'map');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  // Kota Mataram (52.71), a few km across: a dot at the country view, clear of the panel.
  const at = await page.locator('peta-cerdas').evaluate((map) => map.toScreen(116.12, -8.58));
  // Sixteen directions, each sampled at 9, 10 and 11 px out (the ring is 2.5 px wide at 10 px).
  const directions = Array.from({ length: 16 }, (_, i) => (i * Math.PI) / 8);
  const around = directions.flatMap((angle) =>
    [9, 10, 11].map((r) => [
      Math.round(box.x + at.x + r * Math.cos(angle)),
      Math.round(box.y + at.y + r * Math.sin(angle)),
    ]),
  );
  const darkness = ([r, g, b]) => 255 - (r + g + b) / 3;
  // How many directions cross something near black (the light theme's highlight).
  const dark = async () => {
    const colours = await coloursAt(page, await page.screenshot(), around);
    return directions.filter((_, i) => colours.slice(3 * i, 3 * i + 3).some((c) => darkness(c) > 200)).length;
  };
  const plain = await dark();
  await page.locator('peta-cerdas').evaluate((map) => map.select('52.71'));
  await frames(page, 3);
  assert.equal(
    await page.locator('peta-cerdas').evaluate((map) => JSON.stringify(map.toScreen(116.12, -8.58))),
    JSON.stringify(at),
    'the map did not move',
  );
  const ringed = await dark();
  assert.ok(ringed >= 14 && plain <= 4, `directions crossing near black: ${plain} without the ring, ${ringed} with it`);
});

test('a selection by keyboard or search is announced in words of its own: selected, the panel open', async (t) => {
  const page = await t.open('/index.html#lang=id');
  await waitReady(page);
  await part(page, 'map').focus();
  await page.keyboard.press('Shift+ArrowRight');
  const focused = await until(() => text(page, 'announce'), 'the focused region is announced');
  await page.keyboard.press('Enter');
  const { detail } = await waitEvent(page, 'region-select', (d) => d.code !== null);
  assert.ok(focused.startsWith(detail.name), `"${focused}" named ${detail.name} first`);
  await until(
    async () => (await text(page, 'announce')) === `${detail.name} dipilih; panel terbuka`,
    'Enter says that the region was selected and the panel opened',
  );
  await part(page, 'search').fill('Magetan');
  await part(page, 'search').press('Enter');
  await waitEvent(page, 'region-select', (d) => d.code === MAGETAN.code);
  await until(
    async () => (await text(page, 'announce')) === `${MAGETAN.name} dipilih; panel terbuka`,
    'a choice in the search says so too',
  );
});

test("the panel's lists have headings (h4 under the panel's h3), in the map's language", async (t) => {
  const page = await t.open('/index.html#lang=id');
  await waitReady(page);
  // Kota Pasuruan: memberships, pillars and quoted evidence.
  assert.equal(await page.$eval('peta-cerdas', (el) => el.select('35.75')), true);
  const panel = part(page, 'panel');
  await panel.waitFor({ state: 'visible', timeout: 3000 });
  const headings = () => panel.getByRole('heading', { level: 4 }).allTextContents();
  assert.deepEqual(await headings(), ['Keanggotaan', 'Pilar', 'Bukti pilar']);
  const listed = await panel.evaluate((section) =>
    [...section.querySelectorAll('h4')].map((h) => h.nextElementSibling.id),
  );
  assert.deepEqual(listed, ['panel-memberships', 'panel-pillars', 'panel-citations'], 'each heads its list');
  await part(page, 'lang').selectOption('en');
  await until(
    async () => JSON.stringify(await headings()) === JSON.stringify(['Membership', 'Pillars', 'Pillar evidence']),
    'the headings follow the language',
  );
});
