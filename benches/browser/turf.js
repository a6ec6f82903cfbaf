// Peer: hit testing with @turf/boolean-point-in-polygon over an rbush index of every polygon
// part's bounding box (the same index shape as peta-cerdas's R-tree), on the finest level.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import RBush from 'rbush';
import * as B from './common.js';

function index(collection) {
  const items = [];
  collection.features.forEach((feature, region) => {
    const { geometry } = feature;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const coordinates of polygons) {
      const polygon = { type: 'Polygon', coordinates };
      items.push({ ...B.bbox(polygon), region, polygon });
    }
  });
  return new RBush().load(items);
}

/** The region at a point: where parts overlap, the first region wins, as in Atlas::locate. */
function locate(tree, lon, lat) {
  let found = -1;
  for (const item of tree.search({ minX: lon, minY: lat, maxX: lon, maxY: lat })) {
    if ((found < 0 || item.region < found) && booleanPointInPolygon([lon, lat], item.polygon)) found = item.region;
  }
  return found;
}

async function run({ loads, points, seed, views, finest }) {
  const text = await B.fetchText(B.geojsonUrl(finest));
  let tree;
  const loadMs = B.timeRuns(loads, () => {
    tree = index(JSON.parse(text));
  });
  const view = views.country;
  const hitTest = B.timeHitTests(B.pointerPositions(points, seed), (x, y) => {
    const [lon, lat] = B.lonLatAt(view, x, y);
    return locate(tree, lon, lat);
  });
  return { loadMs, bytes: { geojson: text.length }, hitTest };
}

window.__firstPaint = B.now();
window.bench = { run };
