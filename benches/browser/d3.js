// Peer: d3-geo drawing GeoJSON to a canvas, the usual way (geoPath with a canvas context, one
// fill and stroke per feature), with features outside the view skipped by their bounding box.
import { geoMercator, geoPath } from 'd3-geo';
import * as B from './common.js';

const canvas = document.querySelector('canvas');
const ctx = canvas.getContext('2d');

/** Features with their fill and lon/lat bounding box, in atlas order. */
function prepare(collection, fill) {
  return collection.features.map((feature) => ({
    feature,
    fill: fill(feature.properties.code),
    box: B.bbox(feature.geometry),
  }));
}

function draw(projection, features) {
  ctx.fillStyle = B.BACKGROUND;
  ctx.fillRect(0, 0, B.WIDTH, B.HEIGHT);
  const [west, north] = projection.invert([0, 0]);
  const [east, south] = projection.invert([B.WIDTH, B.HEIGHT]);
  const path = geoPath(projection, ctx);
  ctx.lineWidth = 0.5;
  ctx.lineJoin = 'round';
  ctx.strokeStyle = B.STROKE;
  for (const { feature, fill, box } of features) {
    if (box.maxX < west || box.minX > east || box.maxY < south || box.minY > north) continue;
    ctx.beginPath();
    path(feature);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.stroke();
  }
}

async function firstPaint() {
  const { collection, fill } = await B.peerData(Number(B.params.get('level') ?? 0));
  const projection = geoMercator().fitExtent(
    [
      [B.PADDING, B.PADDING],
      [B.WIDTH - B.PADDING, B.HEIGHT - B.PADDING],
    ],
    collection,
  );
  draw(projection, prepare(collection, fill));
  await B.markFirstPaint(ctx);
  return { fill };
}

async function run({ frames, warmup, budgetMs, views }) {
  const { fill } = await ready;
  const result = {};
  for (const [name, view] of Object.entries(views)) {
    const text = await B.fetchText(B.geojsonUrl(view.level));
    const features = prepare(JSON.parse(text), fill);
    const projection = geoMercator().scale(view.scale);
    result[`${name}Frame`] = B.timeFrames(
      frames,
      warmup,
      (i) => {
        projection.translate([view.tx + (i % 2 ? 0 : 1), view.ty]);
        draw(projection, features);
        B.flush(ctx);
      },
      { budgetMs },
    );
  }
  return result;
}

const ready = firstPaint();
B.guard(ready);
window.bench = { run };
