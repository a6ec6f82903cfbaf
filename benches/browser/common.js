// Shared by the benchmark pages: the views, the pointer positions, timing and colours.
// Every stack draws the same view of the same prepared geometry at 1200x800 CSS px, DPR 1.

export const WIDTH = 1200;
export const HEIGHT = 800;
/** Pixels kept free around the fitted country (MapState's FIT_PADDING). */
export const PADDING = 16;
/** Java at a zoom where peta-cerdas draws a finer level (benches/atlas.rs uses the same). */
export const JAVA = { lon: 110.0, lat: -7.3, zoom: 8 };
/** A phone's map (CSS px) and its device pixel ratio, for the whole-draw diagnostic. */
export const PHONE = { width: 390, height: 300, ratio: 3 };
/** A recolour frame switches between these two years (the map's latest year first). */
export const YEARS = [2024, 2023];
/** A zoom step: one mouse-wheel notch (deltaY 100, gestures.js's wheelZoomFactor), in and out. */
export const ZOOM_STEP = Math.exp(100 * 0.003);

export const params = new URLSearchParams(location.search);
export const layer = params.get('layer') ?? 'real';

/** A prepared asset of the layer (real: the staged www/data; synthetic: target/bench-data). */
export const assetUrl = (name) => (layer === 'real' ? `/www/data/${name}` : `/bench-data/${layer}/${name}`);
/** A level of the layer exported as GeoJSON for the peers. */
export const geojsonUrl = (level) => `/bench-data/geojson/${layer}-level${level}.geojson`;

export const now = () => performance.now();

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Forces the canvas to rasterise what was drawn (CPU raster), so a frame's time is all of it. */
export function flush(ctx) {
  ctx.getImageData(0, 0, 1, 1);
}

/** Resolves after the next frame was presented. */
export function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Marks the first full paint for the runner: ms since navigation start. */
export async function markFirstPaint(ctx) {
  flush(ctx);
  await afterPaint();
  window.__firstPaint = now();
}

/**
 * Times `frame(i)` `count` times after `warmup` untimed calls; returns ms per frame. With a
 * `budgetMs`, stops once that much time went by and at least `minimum` frames were timed (the
 * slowest peers on the synthetic layers take seconds a frame); `frames` says how many were.
 */
export function timeFrames(count, warmup, frame, { budgetMs = Infinity, minimum = 5 } = {}) {
  const begin = now();
  for (let i = 0; i < warmup && now() - begin < budgetMs / 4; i++) frame(i);
  const times = [];
  for (let i = 0; i < count; i++) {
    const start = now();
    frame(warmup + i);
    times.push(now() - start);
    if (times.length >= minimum && now() - begin > budgetMs) break;
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), frames: times.length };
}

/** Milliseconds of `work()` over `runs` runs: median. */
export function timeRuns(runs, work) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    work();
    times.push(now() - start);
  }
  return median(times);
}

/** A small deterministic generator (mulberry32): every stack gets the same points. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` pointer positions spread over the canvas, as x0, y0, x1, y1, ... */
export function pointerPositions(count, seed) {
  const next = random(seed);
  const points = new Float64Array(count * 2);
  for (let i = 0; i < points.length; i += 2) {
    points[i] = next() * WIDTH;
    points[i + 1] = next() * HEIGHT;
  }
  return points;
}

/**
 * Hit-tests every position with `hit(x, y)` (region index or -1): the positions are timed in
 * batches of `batch` (performance.now() has 5 µs resolution under cross-origin isolation), the
 * whole set `rounds` times. Returns µs per position (median over batches) and the answers.
 */
export function timeHitTests(points, hit, { batch = 1000, rounds = 5 } = {}) {
  const count = points.length / 2;
  const answers = new Int32Array(count);
  for (let i = 0; i < count; i++) answers[i] = hit(points[2 * i], points[2 * i + 1]);
  const perBatch = [];
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    const start = now();
    for (let first = 0; first < count; first += batch) {
      const end = Math.min(count, first + batch);
      const t = now();
      for (let i = first; i < end; i++) hit(points[2 * i], points[2 * i + 1]);
      perBatch.push(((now() - t) * 1000) / (end - first));
    }
    total += now() - start;
  }
  return {
    medianUs: median(perBatch),
    meanUs: (total * 1000) / (count * rounds),
    points: count,
    answers: [...answers],
  };
}

/** Screen (CSS px) to lon/lat for a Mercator view `{ scale, tx, ty }` (screen = world * scale + t). */
export function lonLatAt(view, x, y) {
  const wx = (x - view.tx) / view.scale;
  const wy = (y - view.ty) / view.scale;
  return [(wx * 180) / Math.PI, ((2 * Math.atan(Math.exp(-wy)) - Math.PI / 2) * 180) / Math.PI];
}

/** Reads a CSV (RFC 4180: quoted fields may hold commas, quotes and newlines) into rows. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * The peers' choropleth: the first year each region joined (members.csv), one colour a year;
 * regions that joined after `upTo` are drawn as not members.
 */
const COHORT_COLOURS = ['#440154', '#443983', '#31688e', '#21918c', '#35b779', '#90d743', '#fde725'];
export const BACKGROUND = '#f7f9fb';
export const STROKE = '#ffffff';
export const NOT_MEMBER = '#cdd2d8';

export function fillsByCode(membersCsv, upTo = Infinity) {
  const [header, ...rows] = parseCsv(membersCsv);
  const code = header.indexOf('code');
  const year = header.indexOf('year');
  const first = new Map();
  for (const row of rows) {
    const y = Number(row[year]);
    if (row[code] && !(first.get(row[code]) <= y)) first.set(row[code], y);
  }
  const years = [...new Set(first.values())].sort();
  return (regionCode) => {
    const y = first.get(regionCode);
    return y === undefined || y > upTo ? NOT_MEMBER : COHORT_COLOURS[years.indexOf(y) % COHORT_COLOURS.length];
  };
}

/**
 * What a peer's first paint needs: a level's GeoJSON and the fill of each region code; `fillUpTo`
 * gives the fills of a year, for the recolour frames.
 */
export async function peerData(level) {
  const [collection, members] = await Promise.all([
    fetchText(geojsonUrl(level)).then(JSON.parse),
    fetchText('/www/data/members.csv'),
  ]);
  return { collection, fill: fillsByCode(members), fillUpTo: (year) => fillsByCode(members, year) };
}

/** Planar lon/lat bounding box of a GeoJSON geometry's coordinates. */
export function bbox(geometry) {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0]) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return { minX, minY, maxX, maxY };
}

export async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Reports an error to the runner instead of hanging it. */
export function guard(promise) {
  promise.catch((error) => {
    window.__benchError = String(error?.stack ?? error);
  });
}
