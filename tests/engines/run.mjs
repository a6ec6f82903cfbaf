// The core flows of <peta-cerdas> in Chromium, Firefox ESR and WebKitGTK (tests/engines/README.md).
//   node tests/engines/run.mjs [--engines chromium,firefox,webkit] [filter …]
// Serves www/ (as tests/e2e does: `/`, `/csp/` under the strict CSP, `/nowasm/` without
// 'wasm-unsafe-eval'), runs every flow whose name contains a filter in each engine, saves the
// screenshots in target/engines/, and exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { NO_WASM_CSP, STRICT_CSP } from '../e2e/lib.mjs';
import { startServer } from '../e2e/server.mjs';
import { ENGINES, startEngine } from './engines.mjs';
import { FLOWS } from './flows.mjs';
import { ROOT, SHOTS, injectProbe, runFlows } from './harness.mjs';

const WWW = path.join(ROOT, 'www');
const args = process.argv.slice(2);
let engines = Object.keys(ENGINES);
const filters = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--engines') engines = args[++i].split(',');
  else filters.push(args[i]);
}
const flows = FLOWS.filter((f) => !filters.length || filters.some((x) => f.name.includes(x)));

for (const file of ['www/pkg/peta_cerdas_bg.wasm', 'www/data/overview.bin']) {
  if (!fs.existsSync(path.join(ROOT, file))) {
    console.error(`${file} is missing: run \`make build\` first`);
    process.exit(2);
  }
}

const server = await startServer({
  mounts: [
    { prefix: '/', dir: WWW },
    { prefix: '/csp/', dir: WWW },
    { prefix: '/nowasm/', dir: WWW },
  ],
});
server.addHeaders('/csp/', { 'Content-Security-Policy': STRICT_CSP });
server.addHeaders('/nowasm/', { 'Content-Security-Policy': NO_WASM_CSP });
server.route('/favicon.ico', (req, res) => res.writeHead(204).end());
injectProbe(server, {
  '/index.html': path.join(WWW, 'index.html'),
  '/csp/index.html': path.join(WWW, 'index.html'),
  '/nowasm/index.html': path.join(WWW, 'index.html'),
});

const started = Date.now();
let passed = 0;
const failed = [];
const summary = [];
fs.mkdirSync(SHOTS, { recursive: true });
try {
  for (const name of engines) {
    const begin = Date.now();
    let session;
    try {
      session = await startEngine(name);
    } catch (error) {
      console.log(`not ok - [${name}] start: ${error.message.split('\n').slice(0, 6).join('\n    ')}`);
      failed.push(`[${name}] start`);
      summary.push({ engine: name, started: false, error: error.message.split('\n')[0] });
      continue;
    }
    console.log(
      `# ${ENGINES[name].label}: ${session.version}, ${session.bidi ? 'WebDriver BiDi' : 'W3C WebDriver (classic)'}`,
    );
    try {
      const result = await runFlows({ session, server, flows, pagePath: '/index.html', label: name });
      passed += result.passed;
      failed.push(...result.failed);
      summary.push({
        engine: name,
        browser: session.version,
        protocol: session.bidi ? 'bidi' : 'classic',
        passed: result.passed,
        failed: result.failed,
        notes: result.notes,
        shots: result.shots,
        seconds: Math.round((Date.now() - begin) / 1000),
      });
    } finally {
      await session.close();
    }
  }
} finally {
  await server.close();
}
fs.writeFileSync(path.join(SHOTS, 'report.json'), JSON.stringify(summary, null, 2) + '\n');
const total = ((Date.now() - started) / 1000).toFixed(0);
console.log(
  `\nengines: ${summary.map((s) => `${s.engine} ${s.passed ?? 0}/${flows.length} in ${s.seconds ?? 0} s`).join(', ')}; ${total} s in all`,
);
console.log(`engines: ${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
