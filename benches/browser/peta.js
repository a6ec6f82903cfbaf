// peta-cerdas through MapHandle (docs/web-api.md): first paint from overview.bin, then, when the
// runner asks, asset decoding, frames (a one-pixel pan back and forth forces a full redraw)
// and hit tests through pointerMove.
import * as B from './common.js';

// `?pkg=/wasm-size/` loads the build of benches/wasm-size.mjs instead, whose functions keep
// their names in a profile (benches/browser/profile.mjs).
const pkg = B.params.get('pkg') ?? '/www/pkg/';
const { default: init, MapHandle } = await import(`${pkg}peta_cerdas.js`);

const canvas = document.querySelector('canvas');

async function firstPaint() {
  const [, overview, members, pillars, cohorts] = await Promise.all([
    init({ module_or_path: `${pkg}peta_cerdas_bg.wasm` }),
    B.fetchBytes(B.assetUrl('overview.bin')),
    B.fetchText('/www/data/members.csv'),
    B.fetchText('/www/data/pillars.csv'),
    B.fetchText('/www/data/cohorts.csv'),
  ]);
  const map = new MapHandle(canvas);
  map.loadAtlas(overview);
  map.loadProgramme(members, pillars, cohorts);
  map.setSize(B.WIDTH, B.HEIGHT, 1);
  map.render();
  const ctx = canvas.getContext('2d');
  await B.markFirstPaint(ctx);
  return { map, ctx, overview };
}

/** The current view as a Mercator transform, for the peers: screen = world * scale + t. */
function viewOf(map) {
  const [tx, ty] = map.toScreen(0, 0);
  const [x1] = map.toScreen(180 / Math.PI, 0);
  return { scale: x1 - tx, tx, ty, level: map.levelOfDetail() };
}

async function run({ frames, warmup, budgetMs, loads, points, seed }) {
  const { map, ctx, overview } = await ready;
  const atlas = await B.fetchBytes(B.assetUrl('atlas.bin'));
  const result = { bytes: { overview: overview.length, atlas: atlas.length } };
  result.loadOverviewMs = B.timeRuns(loads, () => map.loadAtlas(overview));
  result.loadAtlasMs = B.timeRuns(loads, () => map.loadAtlas(atlas));

  const frame = (i) => {
    map.pan(i % 2 ? -1 : 1, 0);
    if (!map.render()) throw new Error('a pan did not redraw');
    B.flush(ctx);
  };
  const views = {};
  map.resetView();
  views.country = viewOf(map);
  // The first frame of a level also builds its Path2D cache.
  result.countryFirstFrameMs = B.timeRuns(1, () => frame(1));
  result.countryFrame = B.timeFrames(frames, warmup, frame, { budgetMs });
  map.resetView(); // the frames may have left the view a pixel off
  // pointerMove answers undefined at sea; the peers answer -1 there, and the agreement compares them.
  const hits = B.timeHitTests(B.pointerPositions(points, seed), (x, y) => map.pointerMove(x, y) ?? -1);
  map.pointerLeave();

  // Diagnostic: the same frames in pillar mode, which has no hatching of repeat members (a
  // pattern fill over each hatched region).
  map.setMode('pillar');
  result.countryFramePillarMode = B.timeFrames(frames, warmup, frame, { budgetMs });
  map.setMode('cohort');

  map.applyHash(`#view=${B.JAVA.lon},${B.JAVA.lat},${B.JAVA.zoom}`);
  views.java = viewOf(map);
  result.javaFirstFrameMs = B.timeRuns(1, () => frame(1));
  result.javaFrame = B.timeFrames(frames, warmup, frame, { budgetMs });
  map.resetView();
  return { ...result, views, hitTest: hits };
}

const ready = firstPaint();
B.guard(ready);
window.bench = { run };
