// The browser benchmark and the report of `make bench`.
//
// Serves the pages of benches/browser/ with gzip (server.mjs), drives headless Chromium (CPU
// raster) with playwright-core, and measures peta-cerdas beside its peers on the same prepared
// geometry (data.mjs): bytes and time to the first full paint, frame times of the whole country
// and of Java at 1200x800, hit-test time per pointer position, and how load, frames and hit
// tests grow on synthetic finer layers. Then it reads criterion's native figures
// (`cargo bench --bench atlas`), prints one table and writes benches/results/latest.json.
//
// Budgets are report lines, never failures: the exit code is 0 whenever the measurement ran.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { launch } from './launch.mjs';
import { prepareBenchData, ROOT } from './data.mjs';

const SETTINGS = {
  frames: 60,
  warmup: 5,
  points: 10000,
  loads: 5,
  seed: 6,
  firstPaintRuns: 5,
};
const SYNTHETIC_FRAME_BUDGET_MS = 4000;
const BUDGET = { firstPaintKB: 150, frameMs: 8, hitUs: 5, peerFactor: 2 };
const KB = 1000;
/** Criterion figures older than the newest by more than this are from an earlier run. */
const STALE_AFTER_MS = 30 * 60 * 1000;

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

async function openPage(context, server, stack, query) {
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  const started = Date.now();
  await page.goto(`${server.url}/benches/browser/${stack}.html?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => window.__firstPaint || window.__benchError, null, { timeout: 120_000 });
  const failure = await page.evaluate(() => window.__benchError);
  if (failure || errors.length) throw new Error(`${stack}.html: ${failure ?? ''} ${errors.join('; ')}`);
  return { page, started };
}

async function runPage(context, server, stack, query, options) {
  const { page } = await openPage(context, server, stack, query);
  try {
    return await page.evaluate((o) => window.bench.run(o), options);
  } finally {
    await page.close();
  }
}

/** Cold loads: ms from navigation to the first full paint, and the gzip bytes fetched until then. */
async function firstPaint(context, server, stack, query) {
  const times = [];
  let files;
  for (let run = 0; run < SETTINGS.firstPaintRuns; run++) {
    const { page } = await openPage(context, server, stack, query);
    const { paint, resources } = await page.evaluate(() => ({
      paint: window.__firstPaint,
      resources: performance.getEntriesByType('resource').map((r) => ({ name: r.name, end: r.responseEnd })),
    }));
    await page.close();
    times.push(paint);
    // What the page needed, not the harness: files under /benches/browser/ are left out.
    const needed = resources
      .filter((r) => r.end <= paint)
      .map((r) => new URL(r.name).pathname)
      .filter((p) => !p.startsWith('/benches/browser/'));
    files = Object.fromEntries(
      needed.map((p) => {
        const sent = server.log.findLast((entry) => entry.path === p);
        return [p, { raw: sent.raw, gzip: sent.gzip }];
      }),
    );
  }
  const bytes = Object.values(files).reduce((sum, f) => sum + f.gzip, 0);
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], runs: times, bytes, files };
}

/** Criterion's medians from target/criterion (ns), with the per-element time where it has a count. */
function criterionFigures() {
  const base = path.join(ROOT, 'target/criterion');
  const figures = {};
  const walk = (folder) => {
    for (const entry of existsSync(folder) ? readdirSync(folder, { withFileTypes: true }) : []) {
      const full = path.join(folder, entry.name);
      if (!entry.isDirectory()) continue;
      if (entry.name === 'new' && existsSync(path.join(full, 'benchmark.json'))) {
        const bench = JSON.parse(readFileSync(path.join(full, 'benchmark.json'), 'utf8'));
        const estimates = JSON.parse(readFileSync(path.join(full, 'estimates.json'), 'utf8'));
        const ns = estimates.median.point_estimate;
        const elements = bench.throughput?.Elements;
        const at = statSync(path.join(full, 'estimates.json')).mtimeMs;
        figures[bench.full_id] = { medianNs: ns, ...(elements ? { elements, perElementNs: ns / elements } : {}), at };
      } else walk(full);
    }
  };
  walk(base);
  // Only the latest `cargo bench` run: benchmarks renamed or dropped since leave old folders.
  const newest = Math.max(...Object.values(figures).map((f) => f.at));
  for (const [id, f] of Object.entries(figures)) {
    if (f.at < newest - STALE_AFTER_MS) delete figures[id];
    else delete f.at;
  }
  return figures;
}

/** The gzip size of a file the page would also need (the element module, when there is one). */
function gzipSize(file) {
  return existsSync(file) ? gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }).length : null;
}

function agreement(a, b) {
  let same = 0;
  for (let i = 0; i < a.length; i++) same += a[i] === b[i] ? 1 : 0;
  return same / a.length;
}

async function main() {
  for (const needed of ['www/pkg/peta_cerdas_bg.wasm', 'www/data/overview.bin']) {
    if (!existsSync(path.join(ROOT, needed))) throw new Error(`${needed} is missing: run \`make build\` first`);
  }
  const data = prepareBenchData({ log });
  const { server, context, close } = await launch();
  const started = Date.now();
  const loadBefore = os.loadavg();
  const layers = {};
  try {
    for (const layer of data.layers) {
      const finest = layer.levels - 1;
      // ≥50 frames on the real layer; on the synthetic ones the slowest peers take seconds a
      // frame, so each frame measurement stops after SYNTHETIC_FRAME_BUDGET_MS (≥5 frames).
      const budgetMs = layer.name === 'real' ? undefined : SYNTHETIC_FRAME_BUDGET_MS;
      const common = { ...SETTINGS, finest, budgetMs };
      log(`${layer.name}: peta-cerdas`);
      const peta = await runPage(context, server, 'peta', { layer: layer.name }, common);
      const views = peta.views;
      const peers = {};
      log(`${layer.name}: d3-geo`);
      peers.d3 = await runPage(context, server, 'd3', { layer: layer.name }, { ...common, views });
      log(`${layer.name}: turf + rbush`);
      peers.turf = await runPage(context, server, 'turf', { layer: layer.name }, { ...common, views });
      if (layer.name === 'real') {
        log(`${layer.name}: Leaflet`);
        peers.leaflet = await runPage(context, server, 'leaflet', { layer: layer.name }, { ...common, views });
      }
      const agree = {};
      for (const [name, peer] of Object.entries(peers)) {
        if (peer.hitTest) agree[name] = agreement(peta.hitTest.answers, peer.hitTest.answers);
        if (peer.hitTest) delete peer.hitTest.answers;
      }
      delete peta.hitTest.answers;
      layers[layer.name] = { geometry: layer.perLevel, views, peta, peers, hitTestAgreement: agree };
    }
    const level = layers.real.views.country.level;
    const paint = {};
    for (const stack of ['peta', 'd3', 'leaflet']) {
      log(`first paint: ${stack}`);
      paint[stack] = await firstPaint(context, server, stack, { layer: 'real', level });
    }
    const element = gzipSize(path.join(ROOT, 'www/peta-cerdas.js'));
    const report = buildReport({ layers, paint, element, native: criterionFigures(), data });
    report.seconds = (Date.now() - started) / 1000;
    // Two shared cores: other work on the machine shows here and in the spread of the figures.
    report.machine.loadAverage = { before: loadBefore, after: os.loadavg() };
    mkdirSync(path.join(ROOT, 'benches/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'benches/results/latest.json'), JSON.stringify(report, null, 1));
    console.log(formatReport(report));
    log(`wrote benches/results/latest.json (${report.seconds.toFixed(0)} s in the browser)`);
  } finally {
    await close();
  }
}

/** ours / best peer (lower is better for every figure), and whether ours is twice as good. */
function compare(ours, peers) {
  const valid = Object.entries(peers).filter(([, v]) => Number.isFinite(v));
  if (!Number.isFinite(ours) || !valid.length) return { ours, best: null, bestPeer: null, ratio: null };
  const [bestPeer, best] = valid.reduce((a, b) => (b[1] < a[1] ? b : a));
  return { ours, bestPeer, best, ratio: ours / best };
}

function budget(name, comparison, limit, unit) {
  const withinLimit = comparison.ours <= limit;
  const twiceBetter = comparison.ratio !== null && comparison.ratio <= 1 / BUDGET.peerFactor;
  return { name, limit, unit, ...comparison, withinLimit, twiceBetter, met: withinLimit && twiceBetter };
}

function buildReport({ layers, paint, element, native, data }) {
  const real = layers.real;
  const peerFrames = (view) =>
    Object.fromEntries(
      Object.entries(real.peers).flatMap(([n, p]) => (p[`${view}Frame`] ? [[n, p[`${view}Frame`].median]] : [])),
    );
  const peerHits = Object.fromEntries(
    Object.entries(real.peers).flatMap(([n, p]) => (p.hitTest ? [[n, p.hitTest.medianUs]] : [])),
  );
  const comparisons = {
    firstPaintBytes: compare(paint.peta.bytes, { d3: paint.d3.bytes, leaflet: paint.leaflet.bytes }),
    firstPaintMs: compare(paint.peta.ms, { d3: paint.d3.ms, leaflet: paint.leaflet.ms }),
    countryFrameMs: compare(real.peta.countryFrame.median, peerFrames('country')),
    javaFrameMs: compare(real.peta.javaFrame.median, peerFrames('java')),
    hitTestUs: compare(real.peta.hitTest.medianUs, peerHits),
    loadMs: compare(
      real.peta.loadAtlasMs,
      Object.fromEntries(Object.entries(real.peers).flatMap(([n, p]) => (p.loadMs ? [[n, p.loadMs]] : []))),
    ),
  };
  const withElement = element === null ? null : paint.peta.bytes + element;
  const budgets = [
    budget(
      'bytes to first paint (gzip, kB)',
      { ...comparisons.firstPaintBytes, ours: paint.peta.bytes / KB, best: comparisons.firstPaintBytes.best / KB },
      BUDGET.firstPaintKB,
      'kB',
    ),
    budget('full-country frame (ms)', comparisons.countryFrameMs, BUDGET.frameMs, 'ms'),
    budget('hit test (µs per position)', comparisons.hitTestUs, BUDGET.hitUs, 'µs'),
  ];
  if (withElement !== null) {
    budgets.push(
      budget(
        'bytes to first paint with the element module (gzip, kB)',
        compare(withElement / KB, { d3: paint.d3.bytes / KB, leaflet: paint.leaflet.bytes / KB }),
        BUDGET.firstPaintKB,
        'kB',
      ),
    );
  }
  return {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      node: process.version,
      chromium: '/usr/bin/chromium (CPU raster)',
    },
    settings: { ...SETTINGS, size: '1200x800 CSS px, DPR 1', budget: BUDGET },
    firstPaint: { ...paint, elementModuleGzip: element },
    layers,
    comparisons,
    budgets,
    native,
    geometry: data.layers,
  };
}

const fmt = (value, digits = 2) =>
  value === undefined || value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function formatReport(report) {
  const real = report.layers.real;
  const { d3, turf, leaflet } = real.peers;
  const c = report.comparisons;
  const ratio = (cmp) => (cmp.ratio === null ? '–' : `${fmt(cmp.ratio)} (vs ${cmp.bestPeer})`);
  const paint = report.firstPaint;
  const out = [];
  out.push('peta-cerdas benchmark: 1200x800 CSS px, DPR 1, headless Chromium with CPU raster; medians');
  out.push(
    `load average (1 min) before/after: ${report.machine.loadAverage.before[0].toFixed(1)} / ${report.machine.loadAverage.after[0].toFixed(1)} on ${report.machine.cpus} cores`,
  );
  out.push('');
  out.push(
    table(
      ['measure', 'peta-cerdas', 'd3-geo', 'Leaflet', 'turf+rbush', 'ours / best peer'],
      [
        [
          'bytes to first paint, gzip kB',
          fmt(paint.peta.bytes / KB, 1),
          fmt(paint.d3.bytes / KB, 1),
          fmt(paint.leaflet.bytes / KB, 1),
          '',
          ratio(c.firstPaintBytes),
        ],
        [
          'navigation to first full paint, ms',
          fmt(paint.peta.ms, 0),
          fmt(paint.d3.ms, 0),
          fmt(paint.leaflet.ms, 0),
          '',
          ratio(c.firstPaintMs),
        ],
        [
          `country frame, ms (level ${real.views.country.level})`,
          fmt(real.peta.countryFrame.median),
          fmt(d3.countryFrame.median),
          fmt(leaflet.countryFrame.median),
          '',
          ratio(c.countryFrameMs),
        ],
        ['  same, pillar mode (no hatching), ms', fmt(real.peta.countryFramePillarMode.median), '', '', '', ''],
        [
          `Java frame, ms (level ${real.views.java.level})`,
          fmt(real.peta.javaFrame.median),
          fmt(d3.javaFrame.median),
          fmt(leaflet.javaFrame.median),
          '',
          ratio(c.javaFrameMs),
        ],
        [
          'hit test, µs per position',
          fmt(real.peta.hitTest.medianUs, 3),
          '',
          fmt(leaflet.hitTest.medianUs, 3),
          fmt(turf.hitTest.medianUs, 3),
          ratio(c.hitTestUs),
        ],
        [
          'load finest geometry, ms',
          fmt(real.peta.loadAtlasMs, 1),
          '',
          fmt(leaflet.loadMs, 1),
          fmt(turf.loadMs, 1),
          ratio(c.loadMs),
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    'first-paint files (gzip bytes): ' +
      Object.entries(paint.peta.files)
        .map(([p, f]) => `${path.basename(p)} ${f.gzip}`)
        .join(', '),
  );
  if (paint.elementModuleGzip !== null)
    out.push(`element module www/peta-cerdas.js (not loaded by the bench page): ${paint.elementModuleGzip} gzip bytes`);
  out.push(
    'hit-test agreement with peta-cerdas: ' +
      Object.entries(real.hitTestAgreement)
        .map(([n, a]) => `${n} ${(a * 100).toFixed(2)}%`)
        .join(', ') +
      ' (Leaflet tests its pixel-simplified drawn paths, peta-cerdas and turf the finest level)',
  );
  out.push('');
  out.push('Budgets (report only):');
  for (const b of report.budgets) {
    const verdict = b.met
      ? 'met'
      : `MISSED (${[!b.withinLimit && `over ${b.limit} ${b.unit}`, !b.twiceBetter && 'not 2x better than the best peer'].filter(Boolean).join(', ')})`;
    out.push(
      `  ${b.name}: ${fmt(b.ours)} ${b.unit}, limit ${b.limit} ${b.unit}; best peer ${b.bestPeer ?? '–'} ${fmt(b.best)} ${b.unit}; ratio ${fmt(b.ratio)}: ${verdict}`,
    );
  }
  out.push('');
  out.push('Scaling (synthetic layers: every region cut into about N parts):');
  const rows = Object.entries(report.layers).map(([name, layer]) => {
    const finest = layer.geometry[layer.geometry.length - 1];
    return [
      name,
      finest.polygons,
      finest.vertices,
      fmt(layer.peta.loadAtlasMs, 1),
      fmt(layer.peers.turf.loadMs, 1),
      fmt(layer.peta.countryFrame.median),
      fmt(layer.peers.d3.countryFrame.median),
      fmt(layer.peta.javaFrame.median),
      fmt(layer.peers.d3.javaFrame.median),
      fmt(layer.peta.hitTest.medianUs, 3),
      fmt(layer.peers.turf.hitTest.medianUs, 3),
    ];
  });
  out.push(
    table(
      [
        'layer',
        'polygons',
        'vertices',
        'load ours ms',
        'load turf ms',
        'country ours',
        'country d3',
        'Java ours',
        'Java d3',
        'hit ours µs',
        'hit turf µs',
      ],
      rows,
    ),
  );
  out.push('');
  out.push('Native (criterion, bench profile):');
  const native = Object.entries(report.native).sort(([a], [b]) => a.localeCompare(b));
  out.push(
    table(
      ['benchmark', 'median', 'per point'],
      native.map(([id, f]) => [
        id,
        f.medianNs >= 1e6 ? `${fmt(f.medianNs / 1e6, 2)} ms` : `${fmt(f.medianNs / 1e3, 1)} µs`,
        f.perElementNs ? `${fmt(f.perElementNs, 0)} ns` : '',
      ]),
    ),
  );
  return out.join('\n');
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
