// The packed npm package as developers use it (tests/bundlers/README.md):
//   node tests/bundlers/run.mjs [--engines chromium,firefox,webkit] [--keep]
// 1. hygiene: publint and attw over the tarball; a strict TypeScript consumer compiles against
//    its types (resolution bundler and nodenext) and uses every member they declare; a deliberate
//    type error fails;
// 2. a fresh Vite app and a fresh webpack app (tests/bundlers/vite, webpack), each copied to
//    target/bundlers/, `npm install` of the tarball, default production build; every data file
//    and the wasm are in the output, no build-time file:// URL;
// 3. those builds served from dist/, a plain page with the package's files copied to the server,
//    and a CMS page whose data folder lives elsewhere (`src`): ready, colours, search, hover and
//    click; a strict CSP; the fallback without WebAssembly; `vite` dev server too.
// Exits non-zero on any failure; the last line is "N passed, N failed".
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NO_WASM_CSP, STRICT_CSP } from '../e2e/lib.mjs';
import { startServer } from '../e2e/server.mjs';
import { ENGINES, startEngine } from '../engines/engines.mjs';
import { APP_CSP_FLOWS, APP_FALLBACK_FLOWS, APP_FLOWS, assertDrawn } from '../engines/flows.mjs';
import { ROOT, injectProbe, runFlows } from '../engines/harness.mjs';
import { EnginePage, assert } from '../engines/page.mjs';

const FIXTURES = path.join(ROOT, 'tests/bundlers');
const SCRATCH = path.join(ROOT, 'target/bundlers');
const PACKED = path.join(ROOT, 'target/npm-pack');
const BIN = path.join(ROOT, 'node_modules/.bin');
const ENV = { ...process.env, PATH: `${BIN}:${process.env.PATH}`, NO_UPDATE_NOTIFIER: '1' };

const args = process.argv.slice(2);
let engines = Object.keys(ENGINES);
for (let i = 0; i < args.length; i++) if (args[i] === '--engines') engines = args[++i].split(',');

let passed = 0;
const failed = [];
const started = Date.now();

/** Runs one named check; prints ok / not ok with the time. */
async function check(name, fn) {
  const begin = Date.now();
  try {
    const note = await fn();
    passed += 1;
    console.log(`ok - ${name} (${((Date.now() - begin) / 1000).toFixed(1)} s)${note ? `\n    # ${note}` : ''}`);
  } catch (error) {
    failed.push(name);
    console.log(`not ok - ${name} (${((Date.now() - begin) / 1000).toFixed(1)} s)`);
    console.log(
      String(error.stack ?? error)
        .split('\n')
        .slice(0, 20)
        .join('\n')
        .replace(/^/gm, '    '),
    );
  }
}

function run(command, argv, cwd) {
  try {
    return execFileSync(command, argv, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${command} ${argv.join(' ')} failed (${error.status}):\n${error.stdout}${error.stderr}`, {
      cause: error,
    });
  }
}

/** The newest tarball `make package` wrote; it must be newer than the element it packs. */
function tarball() {
  const found = fs.existsSync(PACKED) ? fs.readdirSync(PACKED).filter((f) => /^peta-cerdas-.*\.tgz$/.test(f)) : [];
  assert.ok(found.length, 'no tarball in target/npm-pack: run `make package`');
  const newest = found
    .map((f) => path.join(PACKED, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  const sources = [
    'www/peta-cerdas.js',
    ...fs.readdirSync(path.join(ROOT, 'www/element')).map((f) => `www/element/${f}`),
  ];
  const stale = sources.filter((f) => fs.statSync(path.join(ROOT, f)).mtimeMs > fs.statSync(newest).mtimeMs);
  assert.deepEqual(stale, [], `${path.basename(newest)} is older than the element: run \`make package\``);
  return newest;
}

/** A fresh copy of the fixture `name` in target/bundlers/, with the tarball installed as npm does. */
function freshApp(name, tgz) {
  const dir = path.join(SCRATCH, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  // Without its own package.json npm would install into the repository's root.
  assert.ok(fs.existsSync(path.join(dir, 'package.json')), `${name} has a package.json`);
  run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error', tgz], dir);
  return dir;
}

const sha = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

function filesUnder(dir) {
  return fs.readdirSync(dir, { recursive: true }).filter((f) => fs.statSync(path.join(dir, f)).isFile());
}

/**
 * Every data file and the three wasm of the installed package are in `dist` as a file with the same
 * bytes, none inlined into a script (every reader would download it up front: data.js marks them
 * `?no-inline`). No script keeps a build machine's file:// URL.
 */
function assertEmitted(appDir, dist) {
  const pkg = path.join(appDir, 'node_modules/peta-cerdas');
  const wasm = ['pkg/peta_cerdas_bg.wasm', 'pkg/peta_cerdas_csv_bg.wasm', 'pkg/peta_cerdas_reports_bg.wasm'];
  const wanted = [...filesUnder(path.join(pkg, 'data')).map((f) => `data/${f}`), ...wasm];
  const output = filesUnder(dist);
  const hashes = new Map(output.map((f) => [sha(fs.readFileSync(path.join(dist, f))), f]));
  const scripts = output.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(dist, f), 'utf8'));
  const missing = wanted.filter((file) => !hashes.has(sha(fs.readFileSync(path.join(pkg, file)))));
  assert.deepEqual(missing, [], `package files not emitted as files into ${path.relative(ROOT, dist)}`);
  for (const [i, js] of scripts.entries()) {
    assert.ok(!/file:\/\/\//.test(js), `a script in dist keeps a build-time file:// URL (${i})`);
  }
  return `${wanted.length} files emitted`;
}

// ---- 1. hygiene -------------------------------------------------------------------------------

const tgz = await (async () => {
  try {
    return tarball();
  } catch (error) {
    console.log(`not ok - tarball\n    ${error.message}`);
    console.log(`\n0 passed, 1 failed`);
    process.exit(1);
  }
})();
fs.mkdirSync(SCRATCH, { recursive: true });
console.log(`# ${path.relative(ROOT, tgz)}`);

await check('publint: nothing to report', () => {
  const out = run('publint', ['run', '--strict', tgz], ROOT);
  assert.match(out, /All good!/, out);
});

await check('attw (profile esm-only: an ES module package): no problem', () => {
  // node10 and CommonJS require() are outside an ES-module-only element's audience; everything a
  // browser bundle or node16+ ESM resolves must carry types.
  const out = run('attw', ['--profile', 'esm-only', '--format', 'json', tgz], ROOT);
  const report = JSON.parse(out);
  const problems = (report.analysis?.problems ?? []).filter(
    (p) => !['node10', 'node16-cjs'].includes(p.resolutionKind),
  );
  assert.deepEqual(problems, [], JSON.stringify(problems, null, 2));
  const entries = Object.keys(report.analysis?.entrypoints ?? {});
  return `entry points: ${entries.join(', ')}`;
});

const tsDir = freshApp('typescript', tgz);
await check('tsc --strict: the consumer of every attribute, event and method compiles (bundler, nodenext)', () => {
  run('tsc', ['-p', 'tsconfig.json'], tsDir);
  run('tsc', ['-p', 'tsconfig.json', '--module', 'nodenext', '--moduleResolution', 'nodenext'], tsDir);
  return `TypeScript ${run('tsc', ['--version'], tsDir)
    .trim()
    .replace(/^Version /, '')}`;
});

await check('tsc --strict: a deliberate type error (select(3520)) fails', () => {
  let out = '';
  try {
    run('tsc', ['-p', 'tsconfig.error.json'], tsDir);
  } catch (error) {
    out = error.message;
  }
  assert.match(out, /error\.ts\(\d+,\d+\): error TS2345/, `tsc accepted error.ts or failed otherwise:\n${out}`);
});

await check('the consumer uses every member, event and attribute the package declares', () => {
  const pkg = path.join(tsDir, 'node_modules/peta-cerdas');
  const types = fs.readFileSync(path.join(pkg, 'peta-cerdas.d.ts'), 'utf8');
  const consumer = fs.readFileSync(path.join(tsDir, 'consumer.ts'), 'utf8');
  const body = types.slice(types.indexOf('export declare class PetaCerdasElement'));
  const classBody = body.slice(body.indexOf('{') + 1, body.indexOf('\n}'));
  const members = [...classBody.matchAll(/^ {2}(?:static\s+)?(?:readonly\s+)?([A-Za-z]\w*)\s*[(:<]/gm)].map(
    (m) => m[1],
  );
  const mapBody = types.slice(types.indexOf('interface PetaCerdasEventMap'));
  const events = [...mapBody.slice(0, mapBody.indexOf('\n}')).matchAll(/^ {2}'?([\w-]+)'?:/gm)].map((m) => m[1]);
  const readme = fs.readFileSync(path.join(pkg, 'README.md'), 'utf8');
  const attributes = [...readme.matchAll(/^\| `([\w-]+)` \|/gm)].map((m) => m[1]);
  assert.ok(members.length >= 10 && events.length >= 4 && attributes.length >= 8, { members, events, attributes });
  const unused = [
    ...members.filter((m) => !new RegExp(`\\.${m}\\b`).test(consumer)).map((m) => `method/property ${m}`),
    ...events.filter((e) => !consumer.includes(`'${e}'`)).map((e) => `event ${e}`),
    ...attributes.filter((a) => !consumer.includes(`'${a}'`)).map((a) => `attribute ${a}`),
  ];
  assert.deepEqual(unused, [], 'tests/bundlers/typescript/consumer.ts must use each');
  return `${members.length} members, ${events.length} events, ${attributes.length} attributes`;
});

// ---- 2. builds --------------------------------------------------------------------------------

const apps = [];

const viteDir = freshApp('vite', tgz);
await check('Vite: npm install of the tarball, vite build, every data file and the wasm emitted', () => {
  const out = run('npm', ['run', 'build', '--silent'], viteDir);
  const version = /vite v([\d.]+)/.exec(out)?.[1];
  const note = assertEmitted(viteDir, path.join(viteDir, 'dist'));
  apps.push({ name: 'vite', root: path.join(viteDir, 'dist') });
  return `Vite ${version}: ${note}`;
});

const webpackDir = freshApp('webpack', tgz);
await check(
  'webpack: npm install of the tarball, webpack --mode production, every data file and the wasm emitted',
  () => {
    const out = run('npm', ['run', 'build', '--silent'], webpackDir);
    assert.doesNotMatch(out, /ERROR in/, out);
    const version = /webpack ([\d.]+) compiled/.exec(out)?.[1];
    const note = assertEmitted(webpackDir, path.join(webpackDir, 'dist'));
    apps.push({ name: 'webpack', root: path.join(webpackDir, 'dist') });
    return `webpack ${version}: ${note}`;
  },
);

// The package's files copied to a server, as npm/README.md's "Embed" says; and a CMS that keeps
// the module files in one place and the data folder in another, named by `src`.
const plainDir = freshApp('plain', tgz);
const cmsDir = freshApp('cms', tgz);
await check('plain page and CMS page: the package files copied as the README says', () => {
  const pkg = (dir) => path.join(dir, 'node_modules/peta-cerdas');
  const copy = (from, to, parts) => {
    for (const part of parts) fs.cpSync(path.join(from, part), path.join(to, part), { recursive: true });
  };
  const site = path.join(plainDir, 'site');
  fs.mkdirSync(site, { recursive: true });
  fs.copyFileSync(path.join(plainDir, 'index.html'), path.join(site, 'index.html'));
  copy(pkg(plainDir), path.join(site, 'peta-cerdas'), ['dist', 'pkg', 'data']);
  apps.push({ name: 'plain', root: site });

  const cms = path.join(cmsDir, 'site');
  fs.mkdirSync(cms, { recursive: true });
  fs.copyFileSync(path.join(cmsDir, 'index.html'), path.join(cms, 'index.html'));
  copy(pkg(cmsDir), path.join(cms, 'assets/peta-cerdas'), ['dist', 'pkg']);
  fs.cpSync(path.join(pkg(cmsDir), 'data'), path.join(cms, 'files/peta-data'), { recursive: true });
  apps.push({
    name: 'cms-src',
    root: cms,
    // Every data request goes to the src folder; nothing to a data/ beside the module.
    after(server) {
      const data = server.requests.filter((p) => /\.(bin|csv|json|svg)$/.test(p));
      assert.ok(data.length >= 4, `data was fetched: ${data}`);
      const elsewhere = data.filter((p) => !p.startsWith('/files/peta-data/'));
      assert.deepEqual(elsewhere, [], 'every data request goes to the src folder');
    },
  });
});

// ---- 3. in the browsers -----------------------------------------------------------------------

/** Serves `root` under `csp` (or none) with the probe injected into /index.html. */
async function serve(root, csp) {
  const server = await startServer({ mounts: [{ prefix: '/', dir: root }] });
  if (csp) server.addHeaders('/', { 'Content-Security-Policy': csp });
  server.route('/favicon.ico', (req, res) => res.writeHead(204).end());
  injectProbe(server, { '/index.html': path.join(root, 'index.html') });
  return server;
}

/** `vite` (the dev server) on a free port; answers {url, stop()}. */
async function viteDev() {
  const child = spawn(path.join(BIN, 'vite'), ['--port', '0', '--host', '127.0.0.1', '--strictPort'], {
    cwd: viteDir,
    env: ENV,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`vite did not start:\n${output}`)), 30_000);
    const read = (chunk) => {
      output += chunk;
      // eslint-disable-next-line no-control-regex
      const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`vite exited (${code}):\n${output}`)));
  });
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // gone
      }
    },
  };
}

for (const name of engines) {
  let session;
  try {
    session = await startEngine(name);
  } catch (error) {
    failed.push(`[${name}] start`);
    console.log(`not ok - [${name}] start\n    ${error.message.split('\n').slice(0, 6).join('\n    ')}`);
    continue;
  }
  console.log(`# ${ENGINES[name].label}: ${session.version}`);
  try {
    for (const app of apps) {
      for (const [variant, csp, flows] of [
        ['', null, APP_FLOWS],
        ['-csp', STRICT_CSP, APP_CSP_FLOWS],
        ['-nowasm', NO_WASM_CSP, APP_FALLBACK_FLOWS],
      ]) {
        const server = await serve(app.root, csp);
        try {
          const result = await runFlows({
            session,
            server,
            flows,
            pagePath: '/index.html',
            label: `${name}-${app.name}${variant}`,
          });
          if (app.after && !variant && result.failed.length === 0) {
            await check(`[${name}-${app.name}] data from the src folder only`, () => app.after(server));
          }
          passed += result.passed;
          failed.push(...result.failed);
        } finally {
          await server.close();
        }
      }
    }
    if (name === engines[0]) {
      await check(`[${name}-vite-dev] the dev server (npm run dev) serves a working map`, async () => {
        const dev = await viteDev();
        try {
          const page = new EnginePage(session, { url: (p) => new URL(p, dev.url).href });
          await page.goto(dev.url);
          await page.waitReady();
          await assertDrawn(page);
          return dev.url;
        } finally {
          dev.stop();
        }
      });
    }
  } finally {
    await session.close();
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`\nbundlers: ${passed} passed, ${failed.length} failed in ${seconds} s`);
if (failed.length) console.log(`failed:\n${failed.map((f) => `  ${f}`).join('\n')}`);
console.log(`${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
