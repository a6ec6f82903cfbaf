// The browser benchmark and the report of `make bench`.
//
// Serves the pages of benches/browser/ with gzip (server.mjs), drives headless Chromium (CPU
// raster) with playwright-core, and measures peta-cerdas beside its peers on the same prepared
// geometry (data.mjs): bytes and time to the first paint and to an interactive map, the element
// embedded as a site embeds it, unthrottled and on a slow phone (load.mjs); frame times of the
// whole country and of Java at 1200x800 (a recolour, a one-pixel pan and a wheel-sized zoom step
// each, against Leaflet's), hit-test time per pointer position, and how load, frames and hit
// tests grow on synthetic finer layers. Then it reads criterion's native figures
// (`cargo bench --bench atlas`), prints one table and writes benches/results/latest.json.
//
// `node benches/browser/run.mjs --only load` measures only the loads (first paint, interactive,
// slow phone) and `--only frames` only the rest (frames, hit tests, geometry loads, scaling); a
// partial run writes benches/results/latest-<part>.json and leaves latest.json alone.
//
// Budgets are report lines, never failures: the exit code is 0 whenever the measurement ran.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, WWW } from './launch.mjs';
import { measureLoad, SLOW_4G, SLOW_CPU_RATE } from './load.mjs';
import { prepareBenchData, ROOT } from './data.mjs';

const SETTINGS = {
  frames: 60,
  warmup: 5,
  points: 10000,
  loads: 5,
  seed: 6,
  firstPaintRuns: 5,
  slowRuns: 3,
};
const PARTS = ['load', 'frames'];
/** The coarsest level (the preview's paths), which the element's first paint draws. */
const OVERVIEW_LEVEL = 0;
const SYNTHETIC_FRAME_BUDGET_MS = 4000;
/** Rounds of the real layer's frames, hit tests and loads, ours and the peers' in turn. */
const REAL_ROUNDS = 3;
/**
 * The map's wasm as shipped plus `loadAtlas` (feature `atlas`, target/bench-pkg): peta.html's
 * synthetic layers have only atlas.bin, and the frames and the finest-geometry load read it.
 * The bytes and loads of the element come from the shipped www/pkg/.
 */
const BENCH_PKG = '/bench-pkg/';
const BUDGET = { firstPaintKB: 150, interactiveKB: 150, frameMs: 8, hitUs: 5, peerFactor: 2 };
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
  await page.goto(`${server.url}/benches/browser/${stack}.html?${new URLSearchParams(query)}`);
  await page.waitForFunction(() => window.__firstPaint || window.__benchError, null, { timeout: 120_000 });
  const failure = await page.evaluate(() => window.__benchError);
  if (failure || errors.length) throw new Error(`${stack}.html: ${failure ?? ''} ${errors.join('; ')}`);
  return page;
}

async function runPage(context, server, stack, query, options) {
  const page = await openPage(context, server, stack, query);
  try {
    return await page.evaluate((o) => window.bench.run(o), options);
  } finally {
    await page.close();
  }
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

function agreement(a, b) {
  let same = 0;
  for (let i = 0; i < a.length; i++) same += a[i] === b[i] ? 1 : 0;
  return same / a.length;
}

/**
 * Each number of `rounds` (results of one page, measured in several rounds) as its median
 * across them; anything else (the hit-test answers, the views) as the first round has it.
 */
function medianOfRounds(rounds) {
  const [first] = rounds;
  if (typeof first === 'number') {
    const sorted = [...rounds].sort((a, b) => a - b);
    return sorted[(sorted.length - 1) >> 1];
  }
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    return Object.fromEntries(Object.keys(first).map((key) => [key, medianOfRounds(rounds.map((r) => r[key]))]));
  }
  return first;
}

/**
 * Frames, hit tests and geometry loads of every layer, each stack's page in turn. On the real
 * layer, whose ratios are the goals, ours, turf's and Leaflet's pages take turns for
 * REAL_ROUNDS rounds and each figure is its median round: a shared machine's load drifts over
 * the minutes of a run, and one stack measured only while it was high would move a ratio.
 */
async function measureLayers(context, server, data) {
  const layers = {};
  for (const layer of data.layers) {
    const finest = layer.levels - 1;
    // ≥50 frames on the real layer; on the synthetic ones the slowest peers take seconds a
    // frame, so each frame measurement stops after SYNTHETIC_FRAME_BUDGET_MS (≥5 frames).
    const real = layer.name === 'real';
    const budgetMs = real ? undefined : SYNTHETIC_FRAME_BUDGET_MS;
    const common = { ...SETTINGS, finest, budgetMs };
    const rounds = { peta: [], turf: [], leaflet: [] };
    let views;
    const peers = {};
    for (let round = 1; round <= (real ? REAL_ROUNDS : 1); round++) {
      const of = real ? ` (round ${round} of ${REAL_ROUNDS})` : '';
      log(`${layer.name}: peta-cerdas${of}`);
      rounds.peta.push(await runPage(context, server, 'peta', { layer: layer.name, pkg: BENCH_PKG }, common));
      views ??= rounds.peta[0].views;
      if (round === 1) {
        log(`${layer.name}: d3-geo`);
        peers.d3 = await runPage(context, server, 'd3', { layer: layer.name }, { ...common, views });
      }
      log(`${layer.name}: turf + rbush${of}`);
      rounds.turf.push(await runPage(context, server, 'turf', { layer: layer.name }, { ...common, views }));
      if (real) {
        log(`${layer.name}: Leaflet${of}`);
        rounds.leaflet.push(await runPage(context, server, 'leaflet', { layer: layer.name }, { ...common, views }));
      }
    }
    const peta = medianOfRounds(rounds.peta);
    peers.turf = medianOfRounds(rounds.turf);
    if (real) peers.leaflet = medianOfRounds(rounds.leaflet);
    const agree = {};
    for (const [name, peer] of Object.entries(peers)) {
      if (peer.hitTest) agree[name] = agreement(peta.hitTest.answers, peer.hitTest.answers);
      if (peer.hitTest) delete peer.hitTest.answers;
    }
    delete peta.hitTest.answers;
    layers[layer.name] = { geometry: layer.perLevel, views, peta, peers, hitTestAgreement: agree };
  }
  return layers;
}

/**
 * Cold loads of every stack: peta-cerdas embedded (`peta`, element.html), its core alone through
 * MapHandle (`core`, peta.html: the measure before the element was), d3-geo and Leaflet;
 * unthrottled, then d3-geo, Leaflet and the embedded element on the slow phone. The element's
 * first paint draws the coarsest level (the preview's paths): the peers draw the same level.
 */
async function measureLoads(context, server) {
  const query = { layer: 'real', level: OVERVIEW_LEVEL };
  const fast = {};
  for (const stack of ['peta', 'core', 'd3', 'leaflet']) {
    log(`load: ${stack}`);
    fast[stack] = await measureLoad(context, server, stack, { runs: SETTINGS.firstPaintRuns, query });
  }
  const slow = {};
  for (const stack of ['peta', 'd3', 'leaflet']) {
    log(`load on Slow 4G with ${SLOW_CPU_RATE}x CPU throttling: ${stack}`);
    slow[stack] = await measureLoad(context, server, stack, { runs: SETTINGS.slowRuns, query, slow: true });
  }
  return { fast, slow };
}

/** `--only load|frames`, or null for everything. */
function onlyPart(argv) {
  const at = argv.indexOf('--only');
  if (at < 0) return null;
  const part = argv[at + 1];
  if (!PARTS.includes(part)) throw new Error(`--only takes one of ${PARTS.join(', ')}, not ${part}`);
  return part;
}

async function main() {
  const only = onlyPart(process.argv.slice(2));
  for (const needed of ['pkg/peta_cerdas_bg.wasm', 'data/overview.bin', 'peta-cerdas.js']) {
    if (!existsSync(path.join(WWW, needed))) throw new Error(`${WWW}/${needed} is missing: run \`make build\` first`);
  }
  const data = prepareBenchData({ log });
  const { server, context, close } = await launch();
  const started = Date.now();
  const loadBefore = os.loadavg();
  try {
    const layers = only === 'load' ? null : await measureLayers(context, server, data);
    const loads = only === 'frames' ? null : await measureLoads(context, server);
    const native = only ? null : criterionFigures();
    const report = buildReport({ layers, loads, native, data });
    report.only = only;
    report.seconds = (Date.now() - started) / 1000;
    // Two shared cores: other work on the machine shows here and in the spread of the figures.
    report.machine.loadAverage = { before: loadBefore, after: os.loadavg() };
    const file = `benches/results/latest${only ? `-${only}` : ''}.json`;
    mkdirSync(path.join(ROOT, 'benches/results'), { recursive: true });
    writeFileSync(path.join(ROOT, file), JSON.stringify(report, null, 1));
    console.log(formatReport(report));
    log(`wrote ${file} (${report.seconds.toFixed(0)} s in the browser)`);
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

/**
 * A budget line: `limit` (null: none) on our figure, and, unless `peerGoal` is false, our figure
 * at most 1/peerFactor of the peer's in `comparison`.
 */
function budget(name, comparison, limit, unit, { peerGoal = true } = {}) {
  const withinLimit = limit === null || comparison.ours <= limit;
  const twiceBetter = !peerGoal || (comparison.ratio !== null && comparison.ratio <= 1 / BUDGET.peerFactor);
  return { name, limit, unit, peerGoal, ...comparison, withinLimit, twiceBetter, met: withinLimit && twiceBetter };
}

/** A comparison with every figure divided by `by` (bytes to kB). */
function scaled(comparison, by) {
  return { ...comparison, ours: comparison.ours / by, best: comparison.best === null ? null : comparison.best / by };
}

function loadComparisons({ fast, slow }) {
  const ready = (load) => load.interactive.readyMs;
  return {
    // Issue 12 sets the byte and slow-phone goals against d3-geo.
    firstPaintBytes: compare(fast.peta.bytes, { d3: fast.d3.bytes }),
    interactiveBytes: compare(fast.peta.interactive.bytes, { d3: fast.d3.interactive.bytes }),
    firstPaintMs: compare(fast.peta.ms, { d3: fast.d3.ms, leaflet: fast.leaflet.ms }),
    interactiveMs: compare(ready(fast.peta), { d3: ready(fast.d3), leaflet: ready(fast.leaflet) }),
    slowFirstPaintMs: compare(slow.peta.ms, { d3: slow.d3.ms }),
    slowInteractiveMs: compare(ready(slow.peta), { d3: ready(slow.d3) }),
  };
}

/** The kinds of frame measured of each view, ours and Leaflet's (benches/browser/peta.js). */
const FRAME_KINDS = ['recolour', 'pan', 'zoom'];
const FRAME_VIEWS = ['country', 'java'];
const frameKey = (view, kind) => `${view}${kind[0].toUpperCase()}${kind.slice(1)}Ms`;

function layerComparisons(real) {
  // Issue 12 sets the frame goals against Leaflet, the one peer measured on every kind.
  const frames = Object.fromEntries(
    FRAME_VIEWS.flatMap((view) =>
      FRAME_KINDS.map((kind) => [
        frameKey(view, kind),
        compare(real.peta[`${view}Frames`][kind].median, {
          leaflet: real.peers.leaflet[`${view}Frames`][kind].median,
        }),
      ]),
    ),
  );
  const peerHits = Object.fromEntries(
    Object.entries(real.peers).flatMap(([n, p]) => (p.hitTest ? [[n, p.hitTest.medianUs]] : [])),
  );
  return {
    ...frames,
    hitTestUs: compare(real.peta.hitTest.medianUs, peerHits),
    loadMs: compare(
      real.peta.loadAtlasMs,
      Object.fromEntries(Object.entries(real.peers).flatMap(([n, p]) => (p.loadMs ? [[n, p.loadMs]] : []))),
    ),
  };
}

function buildReport({ layers, loads, native, data }) {
  const comparisons = {
    ...(loads ? loadComparisons(loads) : {}),
    ...(layers ? layerComparisons(layers.real) : {}),
  };
  const budgets = [];
  if (loads) {
    budgets.push(
      budget(
        'bytes to first paint, the element embedded (gzip, kB)',
        scaled(comparisons.firstPaintBytes, KB),
        BUDGET.firstPaintKB,
        'kB',
      ),
      budget('bytes to interactive (gzip, kB)', scaled(comparisons.interactiveBytes, KB), BUDGET.interactiveKB, 'kB', {
        peerGoal: false,
      }),
      budget(`first paint on Slow 4G with ${SLOW_CPU_RATE}x CPU (ms)`, comparisons.slowFirstPaintMs, null, 'ms'),
    );
  }
  if (layers) {
    budgets.push(
      ...FRAME_VIEWS.flatMap((view) =>
        FRAME_KINDS.map((kind) =>
          budget(
            `${view === 'country' ? 'full-country' : 'Java'} ${kind} frame (ms)`,
            comparisons[frameKey(view, kind)],
            BUDGET.frameMs,
            'ms',
          ),
        ),
      ),
      budget('hit test (µs per position)', comparisons.hitTestUs, BUDGET.hitUs, 'µs'),
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
    settings: {
      ...SETTINGS,
      size: '1200x800 CSS px, DPR 1',
      slowPhone: { network: SLOW_4G, cpuRate: SLOW_CPU_RATE, cache: 'disabled' },
      budget: BUDGET,
    },
    loads,
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

const ratio = (cmp) => (cmp.ratio === null ? '–' : `${fmt(cmp.ratio)} (vs ${cmp.bestPeer})`);

/** The table rows of the loads. */
function loadRows({ fast, slow }, c) {
  const kB = (bytes) => fmt(bytes / KB, 1);
  const ms = (value) => fmt(value, 0);
  /** A row of one figure (`pick`) of each stack's loads (`of`: fast or slow), shown by `show`. */
  const row = (name, pick, show, cmp, of = fast) => [
    name,
    ...[of.peta, of.d3, of.leaflet].map((load) => show(pick(load))),
    '',
    ratio(cmp),
  ];
  return [
    row('bytes to first paint, gzip kB', (l) => l.bytes, kB, c.firstPaintBytes),
    row('bytes to interactive, gzip kB', (l) => l.interactive.bytes, kB, c.interactiveBytes),
    row('navigation to first full paint, ms', (l) => l.ms, ms, c.firstPaintMs),
    row('navigation to interactive, ms', (l) => l.interactive.readyMs, ms, c.interactiveMs),
    row(`Slow 4G, ${SLOW_CPU_RATE}x CPU: first paint, ms`, (l) => l.ms, ms, c.slowFirstPaintMs, slow),
    row(`Slow 4G, ${SLOW_CPU_RATE}x CPU: interactive, ms`, (l) => l.interactive.readyMs, ms, c.slowInteractiveMs, slow),
  ];
}

function layerRows(real, c) {
  const { d3, turf, leaflet } = real.peers;
  // d3-geo redraws everything every frame: its one figure, a pan, stands in the pan row.
  const frameRow = (view, kind) => [
    `${view === 'country' ? 'country' : 'Java'} ${kind} frame, ms (level ${real.views[view].level})`,
    fmt(real.peta[`${view}Frames`][kind].median),
    kind === 'pan' ? fmt(d3[`${view}Frame`].median) : '',
    fmt(leaflet[`${view}Frames`][kind].median),
    '',
    ratio(c[frameKey(view, kind)]),
  ];
  return [
    ...FRAME_KINDS.map((kind) => frameRow('country', kind)),
    ['  recolour in pillar mode (no hatching), ms', fmt(real.peta.countryRecolourPillarMode.median), '', '', '', ''],
    ['  whole draw (a settled pan), ms', fmt(real.peta.countryWholeDraw.median), '', '', '', ''],
    ['  whole draw, 390x300 at DPR 3, ms', fmt(real.peta.phoneWholeDraw.median), '', '', '', ''],
    ...FRAME_KINDS.map((kind) => frameRow('java', kind)),
    ['  whole draw (a settled pan), ms', fmt(real.peta.javaWholeDraw.median), '', '', '', ''],
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
  ];
}

/**
 * `files` ({ path: { gzip } }) as one line: the element's own modules summed, the rest by name,
 * a data file by its path in the data folder (`sources/35.20.bin`, not a bare `35.20.bin`).
 */
function fileList(files) {
  const entries = Object.entries(files);
  const element = entries.filter(([p]) => p === '/www/peta-cerdas.js' || p.startsWith('/www/element/'));
  const rest = entries.filter((entry) => !element.includes(entry));
  return [
    ...(element.length
      ? [`element modules (${element.length} files) ${element.reduce((sum, [, f]) => sum + f.gzip, 0)}`]
      : []),
    ...rest.map(
      ([p, f]) => `${p.includes('/data/') ? p.slice(p.lastIndexOf('/data/') + 6) : path.basename(p)} ${f.gzip}`,
    ),
  ].join(', ');
}

/** What the loads fetched, and when the interactive checks answered. */
function loadNotes({ fast, slow }) {
  const later = Object.fromEntries(
    Object.entries(fast.peta.interactive.files).filter(([p]) => !(p in fast.peta.files)),
  );
  const answered = (load) => fmt(load.interactive.ms, 0);
  const clicked = fast.peta.interactive.clickedMs;
  const onClick = Object.fromEntries(Object.entries(later).filter(([, f]) => clicked !== null && f.start >= clicked));
  return [
    `first-paint files of the embedded element (gzip bytes): ${fileList(fast.peta.files)}`,
    `fetched after its first paint until interactive: ${fileList(later) || 'nothing'}`,
    `of which requested in answer to the click (the panel's region's sources): ${fileList(onClick) || 'nothing'}`,
    `first paint of the embedded element: ${fast.peta.previewed ? 'the `preview` event (prerendered map)' : 'the `ready` event (no `preview` came)'}` +
      `; the bench then calls el.load() (${fast.peta.interactive.loadCalled ? 'present' : 'absent'}) and waits for el.ready`,
    `hover, click and search answered (ms after navigation, including the bench driving them): ${answered(fast.peta)}, on Slow 4G ${answered(slow.peta)}`,
    `the core alone through MapHandle (peta.html, the measure before the element): ${fmt(fast.core.bytes / KB, 1)} kB gzip, first full paint ${fmt(fast.core.ms, 0)} ms`,
    // Each request waits for the one that named it: on Slow 4G every link of that chain costs a
    // 562.5 ms round trip before any bytes flow.
    `Slow 4G: the last first-paint request started at (ms) ${['peta', 'd3', 'leaflet']
      .map((stack) => `${stack} ${fmt(Math.max(...Object.values(slow[stack].files).map((f) => f.start)), 0)}`)
      .join(', ')}`,
    'the peers: interactive = first paint (Leaflet hit-tests its drawn layers at once, d3-geo has no hit testing, neither has search)',
  ];
}

function budgetLine(b) {
  const misses = [
    !b.withinLimit && `over ${b.limit} ${b.unit}`,
    !b.twiceBetter && `not 2x better than ${b.bestPeer ?? 'the peer'}`,
  ].filter(Boolean);
  const limit = b.limit === null ? 'no absolute limit' : `limit ${b.limit} ${b.unit}`;
  const peer = b.peerGoal
    ? `goal ≤ ${1 / BUDGET.peerFactor}x ${b.bestPeer ?? '–'} ${fmt(b.best)} ${b.unit}; ratio ${fmt(b.ratio)}`
    : 'no peer goal';
  return `  ${b.name}: ${fmt(b.ours)} ${b.unit}, ${limit}; ${peer}: ${b.met ? 'met' : `MISSED (${misses.join(', ')})`}`;
}

function formatReport(report) {
  const real = report.layers?.real;
  const c = report.comparisons;
  const out = [];
  out.push(
    `peta-cerdas benchmark${report.only ? ` (only ${report.only})` : ''}: 1200x800 CSS px, DPR 1, headless Chromium with CPU raster; medians`,
  );
  out.push(
    `load average (1 min) before/after: ${report.machine.loadAverage.before[0].toFixed(1)} / ${report.machine.loadAverage.after[0].toFixed(1)} on ${report.machine.cpus} cores`,
  );
  out.push('');
  out.push(
    table(
      ['measure', 'peta-cerdas', 'd3-geo', 'Leaflet', 'turf+rbush', 'ours / best peer'],
      [...(report.loads ? loadRows(report.loads, c) : []), ...(real ? layerRows(real, c) : [])],
    ),
  );
  out.push('');
  if (report.loads) out.push(...loadNotes(report.loads));
  if (real) {
    out.push(
      'hit-test agreement with peta-cerdas: ' +
        Object.entries(real.hitTestAgreement)
          .map(([n, a]) => `${n} ${(a * 100).toFixed(2)}%`)
          .join(', ') +
        ' (Leaflet tests its pixel-simplified drawn paths, peta-cerdas and turf the finest level)',
    );
  }
  out.push('');
  out.push('Budgets (report only):');
  out.push(...report.budgets.map(budgetLine));
  if (real) out.push('', ...scalingLines(report.layers));
  if (report.native) out.push('', ...nativeLines(report.native));
  return out.join('\n');
}

function scalingLines(layers) {
  const rows = Object.entries(layers).map(([name, layer]) => {
    const finest = layer.geometry[layer.geometry.length - 1];
    return [
      name,
      finest.polygons,
      finest.vertices,
      fmt(layer.peta.loadAtlasMs, 1),
      fmt(layer.peers.turf.loadMs, 1),
      fmt(layer.peta.countryFrames.recolour.median),
      fmt(layer.peers.d3.countryFrame.median),
      fmt(layer.peta.javaFrames.recolour.median),
      fmt(layer.peers.d3.javaFrame.median),
      fmt(layer.peta.hitTest.medianUs, 3),
      fmt(layer.peers.turf.hitTest.medianUs, 3),
    ];
  });
  return [
    "Scaling (synthetic layers: every region cut into about N parts; our frames are recolours, full draws as d3-geo's are):",
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
  ];
}

function nativeLines(native) {
  const sorted = Object.entries(native).sort(([a], [b]) => a.localeCompare(b));
  return [
    'Native (criterion, bench profile):',
    table(
      ['benchmark', 'median', 'per point'],
      sorted.map(([id, f]) => [
        id,
        f.medianNs >= 1e6 ? `${fmt(f.medianNs / 1e6, 2)} ms` : `${fmt(f.medianNs / 1e3, 1)} µs`,
        f.perElementNs ? `${fmt(f.perElementNs, 0)} ns` : '',
      ]),
    ),
  ];
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exit(1);
});
