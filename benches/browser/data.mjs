// Prepares the benchmark geometry under target/bench-data/ (git-ignored; derived from the
// boundary data, so never commit it):
//   geojson/real-level{N}.geojson          every level of data/build/atlas.bin, for the peers
//   split-{P}/atlas.bin, overview.bin      synthetic finer layers: every region cut into about
//                                          P parts (examples/split_regions.rs), then prepared
//   geojson/split-{P}-level{N}.geojson     their levels, for the peers
//   layers.json                            what was made from which asset, with polygon counts
// Everything is made again only when data/build/atlas.bin or overview.bin changed.
//
// `node benches/browser/data.mjs` on its own, or imported by run.mjs.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = path.join(ROOT, 'target/bench-data');
/** Parts per region of the synthetic layers: about 7k and 80k polygons country-wide. */
export const SPLITS = [15, 150];

const CLI = path.join(ROOT, 'target/release/peta-cerdas');

function run(command, args) {
  const started = Date.now();
  const output = execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { output, seconds: (Date.now() - started) / 1000 };
}

/** Exports every level of an asset; returns the number of levels. */
function exportLevels(asset, name) {
  const geojson = path.join(OUT, 'geojson');
  mkdirSync(geojson, { recursive: true });
  for (let level = 0; ; level++) {
    const file = path.join(geojson, `${name}-level${level}.geojson`);
    try {
      execFileSync(CLI, ['export-geojson', '--asset', asset, '--level', String(level), '-o', file], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      if (level > 0 && /does not exist/.test(String(error.stderr))) return level;
      throw new Error(`export-geojson ${name} level ${level}: ${error.stderr ?? error}`, { cause: error });
    }
  }
}

/** Polygons and vertices of an exported level. */
function count(name, level) {
  const collection = JSON.parse(readFileSync(path.join(OUT, 'geojson', `${name}-level${level}.geojson`), 'utf8'));
  let polygons = 0;
  let vertices = 0;
  for (const { geometry } of collection.features) {
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    polygons += parts.length;
    for (const rings of parts) for (const ring of rings) vertices += ring.length;
  }
  return { features: collection.features.length, polygons, vertices };
}

function describe(name, folder, levels) {
  return {
    name,
    folder,
    levels,
    perLevel: Array.from({ length: levels }, (_, level) => count(name, level)),
  };
}

export function prepareBenchData({ log = console.error } = {}) {
  const asset = path.join(ROOT, 'data/build/atlas.bin');
  if (!existsSync(asset) || !existsSync(CLI)) {
    throw new Error('data/build/atlas.bin or target/release/peta-cerdas is missing: run `make build` first');
  }
  // The overview too: a change of its format (the split layers' are prepared alike) makes them again.
  const checksum = createHash('sha256')
    .update(readFileSync(asset))
    .update(readFileSync(path.join(ROOT, 'data/build/overview.bin')))
    .digest('hex');
  const stampFile = path.join(OUT, 'layers.json');
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    const complete = stamp.layers.every((layer) =>
      Array.from({ length: layer.levels }, (_, n) =>
        path.join(OUT, 'geojson', `${layer.name}-level${n}.geojson`),
      ).every(existsSync),
    );
    if (stamp.asset === checksum && complete && stamp.splits.join() === SPLITS.join()) return stamp;
  }
  mkdirSync(OUT, { recursive: true });
  const layers = [describe('real', 'data/build', exportLevels(asset, 'real'))];
  log(`bench-data: exported ${layers[0].levels} levels of data/build/atlas.bin`);
  run('cargo', ['build', '--quiet', '--profile', 'bench', '--example', 'split_regions']);
  // The bench profile builds into target/release/.
  const splitter = path.join(ROOT, 'target/release/examples/split_regions');
  for (const parts of SPLITS) {
    const name = `split-${parts}`;
    const source = path.join(OUT, 'geojson', `${name}-source.geojson`);
    const cut = run(splitter, ['--parts', String(parts), '-o', source]);
    const folder = path.join(OUT, name);
    const prepared = run(CLI, ['prepare', '--boundaries', source, '--out', folder]);
    const layer = describe(name, path.relative(ROOT, folder), exportLevels(path.join(folder, 'atlas.bin'), name));
    layer.splitSeconds = cut.seconds;
    layer.prepareSeconds = prepared.seconds;
    layers.push(layer);
    const finest = layer.perLevel[layer.levels - 1];
    log(
      `bench-data: ${name}: ${finest.polygons} polygons, ${finest.vertices} vertices at the finest level (split ${cut.seconds} s, prepare ${prepared.seconds} s)`,
    );
  }
  const stamp = { asset: checksum, splits: SPLITS, layers };
  writeFileSync(stampFile, JSON.stringify(stamp, null, 1));
  return stamp;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  prepareBenchData();
}
