// Where a page's benchmark spends its time: runs one stack's `bench.run` under the Chrome
// DevTools CPU profiler and prints the functions with the most self time (JS, wasm and the
// browser's canvas work, which shows as the native functions that call into it).
//
// node benches/browser/profile.mjs [peta|d3|leaflet|turf] [layer]
// For peta-cerdas, `make bench` first (peta.html's frames load atlas.bin, through the bench's
// build of the wasm, target/bench-pkg); a build of benches/wasm-size.mjs of that cdylib keeps the
// function names (`PETA_CDYLIB=target/wasm-bench/wasm32-unknown-unknown/release/peta_cerdas.wasm
// node benches/wasm-size.mjs`), and is used when it has `loadAtlas`.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch } from './launch.mjs';
import { prepareBenchData, ROOT } from './data.mjs';

const [stack = 'peta', layer = 'real'] = process.argv.slice(2);
const data = prepareBenchData();
const finest = data.layers.find((l) => l.name === layer).levels - 1;
const { server, context, close } = await launch();
try {
  const glue = path.join(ROOT, 'target/wasm-size/peta_cerdas.js');
  const named = existsSync(glue) && readFileSync(glue, 'utf8').includes('loadAtlas');
  const query = new URLSearchParams({
    layer,
    ...(stack === 'peta' ? { pkg: named ? '/wasm-size/' : '/bench-pkg/' } : {}),
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/benches/browser/${stack}.html?${query}`);
  await page.waitForFunction(() => window.__firstPaint || window.__benchError);
  const options = { frames: 60, warmup: 5, points: 10000, loads: 3, seed: 6, finest };
  if (stack !== 'peta') {
    const views = await context.newPage().then(async (p) => {
      await p.goto(`${server.url}/benches/browser/peta.html?layer=${layer}&pkg=/bench-pkg/`);
      await p.waitForFunction(() => window.__firstPaint);
      return (await p.evaluate((o) => window.bench.run(o), { ...options, frames: 5, points: 10, loads: 1 })).views;
    });
    options.views = views;
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate((o) => window.bench.run(o), options);
  const { profile: result } = await cdp.send('Profiler.stop');
  const self = new Map();
  const byId = new Map(result.nodes.map((n) => [n.id, n]));
  const interval = (result.endTime - result.startTime) / result.samples.length / 1000;
  for (const id of result.samples) {
    const { functionName, url } = byId.get(id).callFrame;
    const name = `${functionName || '(anonymous)'}${url ? ` ${path.basename(url)}` : ''}`;
    self.set(name, (self.get(name) ?? 0) + interval);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`${stack} ${layer}: ${total.toFixed(0)} ms sampled`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(
      `${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`,
    );
  }
} finally {
  await close();
}
