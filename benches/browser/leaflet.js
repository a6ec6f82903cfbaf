// Peer: Leaflet with its canvas renderer (preferCanvas, L.canvas without padding so it draws the
// same 1200x800 pixels), GeoJSON layers styled per region. A pan of one pixel or a zoom step
// without animation makes Leaflet re-clip, re-simplify and redraw every path synchronously; a
// recolour is setStyle on every layer, whose redraw Leaflet defers to the next animation frame
// and the bench runs at once.
import * as B from './common.js';

const L = window.L;
const renderer = L.canvas({ padding: 0 });
const map = L.map('map', {
  preferCanvas: true,
  renderer,
  zoomSnap: 0,
  zoomControl: false,
  attributionControl: false,
  fadeAnimation: false,
  zoomAnimation: false,
  markerZoomAnimation: false,
  inertia: false,
});

function layerOf(collection, fill) {
  let region = 0;
  return L.geoJSON(collection, {
    renderer,
    style: (feature) => ({ fillColor: fill(feature.properties.code), fillOpacity: 1, color: B.STROKE, weight: 0.5 }),
    onEachFeature: (feature, layer) => {
      layer.region = region++;
    },
  });
}

/** A Mercator view `{ scale, tx, ty }` as Leaflet's centre and fractional zoom. */
function setView(view) {
  const [lon, lat] = B.lonLatAt(view, B.WIDTH / 2, B.HEIGHT / 2);
  map.setView([lat, lon], Math.log2((view.scale * 2 * Math.PI) / 256), { animate: false });
}

async function firstPaint() {
  const { collection, fill, fillUpTo } = await B.peerData(Number(B.params.get('level') ?? 0));
  const layer = layerOf(collection, fill);
  map.fitBounds(layer.getBounds(), { padding: [B.PADDING, B.PADDING], animate: false });
  layer.addTo(map);
  await B.markFirstPaint(renderer._ctx);
  return { fill, fillUpTo, layer };
}

async function run({ frames, warmup, budgetMs, points, seed, views, loads, finest }) {
  const first = await ready;
  first.layer.remove();
  const result = {};
  const fills = B.YEARS.map(first.fillUpTo);
  let current = null;
  for (const [name, view] of Object.entries(views)) {
    const text = await B.fetchText(B.geojsonUrl(view.level));
    setView(view);
    current?.remove();
    current = layerOf(JSON.parse(text), first.fill).addTo(map);
    const centre = L.point(B.WIDTH / 2, B.HEIGHT / 2);
    const step = Math.log2(B.ZOOM_STEP);
    const kinds = {
      recolour: (i) => {
        const fill = fills[i % 2 ? 0 : 1];
        current.eachLayer((layer) => layer.setStyle({ fillColor: fill(layer.feature.properties.code) }));
        L.Util.cancelAnimFrame(renderer._redrawRequest);
        renderer._redraw();
        B.flush(renderer._ctx);
      },
      pan: (i) => {
        map.panBy([i % 2 ? -1 : 1, 0], { animate: false });
        B.flush(renderer._ctx);
      },
      zoom: (i) => {
        map.setZoomAround(centre, map.getZoom() + (i % 2 ? -step : step), { animate: false });
        B.flush(renderer._ctx);
      },
    };
    result[`${name}Frames`] = {};
    for (const [kind, frame] of Object.entries(kinds)) {
      result[`${name}Frames`][kind] = B.timeFrames(frames, warmup, frame, { budgetMs });
    }
    kinds.recolour(1);
    setView(view);
    if (name === 'country') {
      // Leaflet's own hover hit test (Canvas renderer _handleMouseHover): every layer in
      // drawing order, the last one containing the point wins.
      const layers = [];
      for (let order = renderer._drawFirst; order; order = order.next) layers.push(order.layer);
      result.hitTest = B.timeHitTests(B.pointerPositions(points, seed), (x, y) => {
        const point = map.containerPointToLayerPoint([x, y]);
        let found = -1;
        for (const layer of layers) if (layer._containsPoint(point)) found = layer.region;
        return found;
      });
      // Load: the finest level parsed and turned into layers, drawn once at this view.
      const finestText = await B.fetchText(B.geojsonUrl(finest));
      current.remove();
      result.loadMs = B.timeRuns(loads, () => {
        current?.remove();
        current = layerOf(JSON.parse(finestText), first.fill).addTo(map);
      });
    }
  }
  return result;
}

const ready = firstPaint();
B.guard(ready);
window.bench = { run };
