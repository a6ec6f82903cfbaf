// The embed builder on the demo page: choices → a live preview and copy-ready snippets.
import path from 'node:path';
import { ROOT, assert, frames, landPixels, test, until, waitReady, waitState } from './lib.mjs';

test('builder: year and language choices reach the snippets and the preview', async (t) => {
  const page = await t.open('/index.html', { context: { viewport: { width: 1200, height: 1700 } } });
  await waitReady(page);
  assert.equal(await page.locator('#builder-preview').count(), 0, 'no preview map before the builder opens');
  await page.locator('#builder > summary').click();
  await waitState(page, 'ready', { host: '#builder-preview' });
  await page.selectOption('#builder-year', '2019');
  await page.selectOption('#builder-lang', 'en');
  await page.selectOption('#builder-mode', 'pillar');
  await page.selectOption('#builder-pillar', 'economy');
  await page.fill('#builder-height', '480');
  const element = await page.inputValue('#snippet-element');
  const iframe = await page.inputValue('#snippet-iframe');
  for (const part of [
    'year="2019"',
    'lang="en"',
    'mode="pillar"',
    'pillar="economy"',
    'peta-cerdas { --peta-cerdas-map-height: 480px; }',
  ]) {
    assert.ok(element.includes(part), `element snippet has ${part}: ${element}`);
  }
  assert.doesNotMatch(element, /style=/, 'no style attribute, which a strict CSP blocks');
  assert.match(element, /<script type="module" src="http:\/\/[^"]+\/peta-cerdas\.js"><\/script>/);
  assert.match(iframe, /embed\.html\?height=480#year=2019&mode=pillar&pillar=economy&lang=en"/);
  const attrs = await page.$eval('#builder-preview', (el) => ({
    year: el.getAttribute('year'),
    lang: el.getAttribute('lang'),
    mode: el.getAttribute('mode'),
    pillar: el.getAttribute('pillar'),
    height: el.style.getPropertyValue('--peta-cerdas-map-height'),
  }));
  assert.deepEqual(attrs, { year: '2019', lang: 'en', mode: 'pillar', pillar: 'economy', height: '480px' });
  // The preview follows: its year and language are the chosen ones.
  await until(
    () =>
      page.$eval(
        '#builder-preview',
        async (el) => (await el.stats())?.year === 2019 && el.shadowRoot.getElementById('root').lang === 'en',
      ),
    'the preview shows 2019 in English',
  );
  // The page's own map is untouched.
  assert.equal(await page.$eval('peta-cerdas', (el) => el.getAttribute('lang')), null);
  await page.locator('#builder-preview').scrollIntoViewIfNeeded();
  await frames(page, 3);
  const land = await landPixels(page, '#builder-preview');
  assert.ok(land.land > land.total / 10, `the preview is drawn: ${JSON.stringify(land)}`);
  await page.locator('#builder').screenshot({ path: path.join(ROOT, 'target/builder.png') });
});

test("builder: the element snippet, pasted into a page under the strict CSP with its rule in the site's stylesheet, works", async (t) => {
  const builder = await t.open('/index.html');
  await builder.locator('#builder > summary').click();
  await builder.fill('#builder-height', '480');
  const snippet = await builder.inputValue('#snippet-element');
  const rule = snippet.match(/peta-cerdas \{[^}]*\}/)[0];
  t.server.route('/csp/e2e/pasted-snippet.css', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/css' });
    res.end(rule);
  });
  t.server.route('/csp/e2e/pasted-snippet.html', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>A site's page</title>
<script src="csp-listen.js"></script><link rel="stylesheet" href="pasted-snippet.css"></head>
<body><main>${snippet}</main></body></html>`);
  });
  const page = await t.open('/csp/e2e/pasted-snippet.html');
  await waitReady(page);
  const height = await page.$eval(
    'peta-cerdas',
    (el) => el.shadowRoot.querySelector('.stage').getBoundingClientRect().height,
  );
  assert.equal(height, 480, 'the stylesheet sets the map height');
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
});

test("builder: the iframe snippet, without its script, under the strict CSP in a 700 px column, shows all of the map's page", async (t) => {
  const builder = await t.open('/index.html');
  await builder.locator('#builder > summary').click();
  await builder.fill('#builder-height', '480');
  const snippet = await builder.inputValue('#snippet-iframe');
  const withoutScript = snippet.replace(/<script[^>]*><\/script>/, '');
  const rule = snippet.match(/iframe\.peta-cerdas \{[^}]*\}/)[0];
  t.server.route('/csp/e2e/pasted-iframe.css', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/css' });
    res.end(`${rule} main { width: 700px; }`);
  });
  t.server.route('/csp/e2e/pasted-iframe.html', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>A site's page</title>
<script src="csp-listen.js"></script><link rel="stylesheet" href="pasted-iframe.css"></head>
<body><main>${withoutScript}</main></body></html>`);
  });
  const page = await t.open('/csp/e2e/pasted-iframe.html', { context: { viewport: { width: 900, height: 1400 } } });
  const frameBox = await page.locator('iframe.peta-cerdas').boundingBox();
  assert.equal(Math.round(frameBox.width), 700, 'the stylesheet rule sets the width');
  const frame = page.frameLocator('iframe.peta-cerdas');
  await frame.locator('peta-cerdas').waitFor();
  const content = await frame.locator('html').evaluate((html) => html.scrollHeight);
  assert.ok(content <= frameBox.height, `embed.html is ${content} px tall, the frame ${frameBox.height} px`);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
});

test('builder: Copy puts the snippet on the clipboard (or selects it)', async (t) => {
  const page = await t.open('/index.html', { context: { permissions: ['clipboard-read', 'clipboard-write'] } });
  await page.locator('#builder > summary').click();
  await page.selectOption('#builder-year', '2021');
  await page.locator('button[data-copy="snippet-element"]').click();
  await until(() => page.textContent('#copy-status'), 'the copy is reported');
  const copied = await page.evaluate(() => navigator.clipboard.readText().catch(() => null));
  if (copied !== null) assert.ok(copied.includes('year="2021"'), copied);
  else assert.equal(await page.evaluate(() => document.activeElement.id), 'snippet-element');
});

test("the builder's iframe address sizes the map inside it: embed.html?height=", async (t) => {
  const stageHeight = async (page) => {
    await page.locator('peta-cerdas .stage').waitFor({ state: 'attached', timeout: 15_000 });
    return page.$eval('peta-cerdas', (el) => el.shadowRoot.querySelector('.stage').getBoundingClientRect().height);
  };
  const standard = await stageHeight(await t.open('/embed.html#year=2021'));
  const asked = await stageHeight(await t.open('/embed.html?height=300#year=2021'));
  assert.ok(Math.abs(asked - 300) <= 1, `the map is 300 px high: ${asked}`);
  assert.ok(Math.abs(standard - 300) > 20, `the control is not 300 px already: ${standard}`);
  // An address is anyone's to write: a height out of range keeps the default, with a warning.
  const page = await t.open('/embed.html?height=99999#year=2021');
  assert.ok(Math.abs((await stageHeight(page)) - standard) <= 1, 'the default height is kept');
});
