// The npm package. `make package` packs target/npm-pack/peta-cerdas-<version>.tgz; this
// unpacks it as a site would install it (node_modules/peta-cerdas), resolves the entry through
// the package's own `exports`, and serves a plain HTML page using it from 127.0.0.1.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { ROOT, assert, frames, landPixels, test, waitReady, waitState } from './lib.mjs';
import { startServer } from './server.mjs';

const PACKED = path.join(ROOT, 'target/npm-pack');

/** The newest tarball `make package` wrote, which must be newer than the element it packs. */
function tarball() {
  const found = fs.existsSync(PACKED)
    ? fs
        .readdirSync(PACKED)
        .filter((f) => /^peta-cerdas-.*\.tgz$/.test(f))
        .map((f) => path.join(PACKED, f))
    : [];
  assert.ok(found.length, `no tarball in ${path.relative(ROOT, PACKED)}: run \`make package\``);
  const newest = found.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const sources = [
    'www/peta-cerdas.js',
    'www/dist/peta-cerdas.js',
    'www/dist/peta-cerdas-extras.js',
    ...fs.readdirSync(path.join(ROOT, 'www/element')).map((f) => `www/element/${f}`),
  ];
  const changed = sources.filter((f) => fs.statSync(path.join(ROOT, f)).mtimeMs > fs.statSync(newest).mtimeMs);
  assert.deepEqual(changed, [], `${path.basename(newest)} is older than the element: run \`make package\``);
  return newest;
}

test('npm package: installs from the tarball and a plain page using it becomes ready', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'peta-cerdas-npm-'));
  let server;
  try {
    const installed = path.join(dir, 'node_modules/peta-cerdas');
    fs.mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', tarball(), '-C', installed, '--strip-components=1']);

    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.name, 'peta-cerdas');
    assert.equal(manifest.type, 'module');
    assert.ok(fs.existsSync(path.join(installed, manifest.types)), `types file ${manifest.types} is packed`);
    const types = fs.readFileSync(path.join(installed, manifest.types), 'utf8');
    assert.match(types, /regionAt|region-select/, 'the types describe the element');
    const readme = fs.readFileSync(path.join(installed, 'README.md'), 'utf8');
    assert.match(readme, /<peta-cerdas[\s>]/, 'the README has an embed snippet');
    assert.match(readme, /<script type="module"/);
    // Resolve the entry as a bundler or node would, through `exports`.
    const entry = createRequire(path.join(dir, 'page.js')).resolve('peta-cerdas');
    assert.equal(path.dirname(entry), installed);
    const modules = fs.readdirSync(path.join(ROOT, 'www/element')).map((f) => `element/${f}`);
    for (const file of [
      'pkg/peta_cerdas_bg.wasm',
      'pkg/peta_cerdas.js',
      'data/overview.bin',
      'data/preview.json',
      'data/detail/1/35.bin',
      'data/detail/2/35.bin',
      'data/detail/3/35.bin',
      'data/programme.bin',
      'data/sources/35.20.bin',
      'dist/peta-cerdas.js',
      'dist/peta-cerdas-extras.js',
      'data/members.csv',
      ...modules,
    ]) {
      assert.ok(fs.existsSync(path.join(installed, file)), `${file} is packed`);
    }
    assert.ok(!fs.existsSync(path.join(installed, 'data/atlas.bin')), "atlas.bin (the benchmark's) is not packed");
    assert.ok(
      !fs.existsSync(path.join(installed, 'data/sources.bin')),
      'the sources come per province, not as one file',
    );

    // The modules through `exports`, as a bundler resolves them, and the one-file build a plain page loads.
    const scripts = { 'modules.html': path.relative(installed, entry), 'dist.html': 'dist/peta-cerdas.js' };
    for (const [name, script] of Object.entries(scripts)) {
      fs.writeFileSync(
        path.join(dir, name),
        `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A site using the peta-cerdas package</title>
<script type="module" src="/node_modules/peta-cerdas/${script}"></script></head>
<body><main><h1>Smart cities</h1><peta-cerdas lang="en" year="2021"></peta-cerdas></main></body>
</html>
`,
      );
    }
    server = await startServer({ mounts: [{ prefix: '/', dir }] });
    server.route('/favicon.ico', (req, res) => res.writeHead(204).end());
    for (const name of Object.keys(scripts)) {
      const page = await t.open(server.url(`/${name}`));
      await waitState(page, 'preview');
      await waitReady(page);
      await frames(page, 2);
      const land = await landPixels(page);
      assert.ok(land.land > land.total / 10, `${name}: the map is drawn: ${JSON.stringify(land)}`);
      assert.equal(await page.$eval('peta-cerdas', (el) => el.regionAt(111.33, -7.65)?.code), '35.20');
    }
    const outside = server.requests.filter(
      (p) =>
        !p.startsWith('/node_modules/peta-cerdas/') &&
        !['/favicon.ico', ...Object.keys(scripts).map((n) => `/${n}`)].includes(p),
    );
    assert.deepEqual(outside, [], 'everything the element loads comes from the package folder');
    assert.ok(server.requests.includes('/node_modules/peta-cerdas/data/overview.bin'), 'data from the package');
    assert.ok(
      server.requests.includes('/node_modules/peta-cerdas/pkg/peta_cerdas_bg.wasm'),
      'the wasm from the package',
    );
  } finally {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
