// peta-cerdas through MapHandle (docs/web-api.md): the first paint from what the element starts
// from (overview.bin and the preview's paths; the synthetic layers, which have no preview, from
// their atlas.bin), then, when the runner asks, asset decoding, frames (recolour, one-pixel pan,
// zoom step; see run.mjs) and hit tests through pointerMove.
import * as B from './common.js';

// `?pkg=/wasm-size/` loads the build of benches/wasm-size.mjs instead, whose functions keep
// their names in a profile (benches/browser/profile.mjs).
const pkg = B.params.get('pkg') ?? '/www/pkg/';
const { default: init, MapHandle } = await import(`${pkg}peta_cerdas.js`);

const canvas = document.querySelector('canvas');

async function firstPaint() {
  const real = B.layer === 'real';
  const [, boundaries, preview, programme] = await Promise.all([
    init({ module_or_path: `${pkg}peta_cerdas_bg.wasm` }),
    B.fetchBytes(B.assetUrl(real ? 'overview.bin' : 'atlas.bin')),
    real ? fetch('/www/data/preview.json').then((response) => response.json()) : null,
    B.fetchBytes('/www/data/programme.bin'),
  ]);
  const map = new MapHandle(canvas);
  if (real) map.loadOverview(boundaries, preview.paths.join('\n'), preview.bounds);
  else map.loadAtlas(boundaries);
  map.loadPackedProgramme(programme);
  map.setSize(B.WIDTH, B.HEIGHT, 1);
  map.render();
  const ctx = canvas.getContext('2d');
  await B.markFirstPaint(ctx);
  return { map, ctx };
}

/** The current view as a Mercator transform, for the peers: screen = world * scale + t. */
function viewOf(map) {
  const [tx, ty] = map.toScreen(0, 0);
  const [x1] = map.toScreen(180 / Math.PI, 0);
  return { scale: x1 - tx, tx, ty, level: map.levelOfDetail() };
}

async function run({ frames, warmup, budgetMs, loads, points, seed }) {
  const { map, ctx } = await ready;
  const atlas = await B.fetchBytes(B.assetUrl('atlas.bin'));
  const result = { bytes: { atlas: atlas.length } };
  result.loadAtlasMs = B.timeRuns(loads, () => map.loadAtlas(atlas));

  // The element's frame loop draws with renderFrame(now): a pan or zoom step that has not
  // settled shows the map bitmap shifted or scaled, a recolour draws the map afresh.
  const draw = () => {
    map.renderFrame(performance.now());
    B.flush(ctx);
  };
  const kinds = {
    recolour: (i) => {
      map.setYear(i % 2 ? B.YEARS[0] : B.YEARS[1]);
      draw();
    },
    pan: (i) => {
      map.pan(i % 2 ? -1 : 1, 0);
      draw();
    },
    zoom: (i) => {
      map.zoomAt(i % 2 ? 1 / B.ZOOM_STEP : B.ZOOM_STEP, B.WIDTH / 2, B.HEIGHT / 2);
      draw();
    },
  };
  // Diagnostic: a whole draw, as a pan that has settled asks for (the view and its margin, every
  // region in them rasterised): render() draws the exact frame of a view the bitmap does not hold.
  const wholeDraw = (i) => {
    map.pan(i % 2 ? -1 : 1, 0);
    map.render();
    B.flush(ctx);
  };
  /** Every kind of frame of the current view, recolour first (it also leaves the view settled). */
  const framesOfView = (name) => {
    for (const [kind, frame] of Object.entries(kinds)) {
      result[`${name}Frames`] ??= {};
      result[`${name}Frames`][kind] = B.timeFrames(frames, warmup, frame, { budgetMs });
    }
    map.setYear(B.YEARS[0]);
  };
  const views = {};
  map.resetView();
  map.setYear(B.YEARS[0]);
  views.country = viewOf(map);
  // The first frame of a level also builds its Path2D cache.
  result.countryFirstFrameMs = B.timeRuns(1, () => kinds.recolour(1));
  framesOfView('country');
  map.resetView(); // the frames may have left the view off by a rounding
  // pointerMove answers undefined at sea; the peers answer -1 there, and the agreement compares them.
  const hits = B.timeHitTests(B.pointerPositions(points, seed), (x, y) => map.pointerMove(x, y) ?? -1);
  map.pointerLeave();

  // Diagnostic: the recolour in pillar mode, which has no hatching of repeat members (a
  // pattern fill over each hatched region).
  map.setMode('pillar');
  result.countryRecolourPillarMode = B.timeFrames(frames, warmup, kinds.recolour, { budgetMs });
  map.setMode('cohort');
  result.countryWholeDraw = B.timeFrames(frames, warmup, wholeDraw, { budgetMs });

  map.applyHash(`#view=${B.JAVA.lon},${B.JAVA.lat},${B.JAVA.zoom}`);
  views.java = viewOf(map);
  result.javaFirstFrameMs = B.timeRuns(1, () => kinds.recolour(1));
  framesOfView('java');
  result.javaWholeDraw = B.timeFrames(frames, warmup, wholeDraw, { budgetMs });
  // A phone's map at three device pixels to the CSS pixel, the country.
  map.setSize(B.PHONE.width, B.PHONE.height, B.PHONE.ratio);
  map.resetView();
  result.phoneWholeDraw = B.timeFrames(frames, warmup, wholeDraw, { budgetMs });
  map.setSize(B.WIDTH, B.HEIGHT, 1);
  map.resetView();
  return { ...result, views, hitTest: hits };
}

const ready = firstPaint();
B.guard(ready);
window.bench = { run };
