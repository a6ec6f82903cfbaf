// `make build`: the element as one minified ES module for plain pages and CMSs,
// www/dist/peta-cerdas.js, so a page fetches one file before the map's first paint instead of a
// cascade of module imports (a round trip each on a slow link). The prerendered preview
// (www/data/preview.json, staged first) rides inside it as a `data:` URL in place of its packaged
// file, which data.js's `fetchOnce` decodes: the first paint then needs no second request. The
// other packaged files' URLs, one literal each in data.js and sources-files.js so that bundlers
// emit every file, are written here as a list of names under one template (no bundler reads this
// file again), the sources' inline in place of their module's import; the stylesheet is
// minified (lightningcss) in place of its template. What
// only an opened table or participation box, a download or a page without WebAssembly needs is
// a second file, imported the first time (EXTRAS). The wasm glue stays a separate file, imported only when the interactive map starts, as do the CSV
// reader's and the reports' glue, imported only when a page uses them; `../data/` and `../pkg/`
// resolve from dist/ as they do from element/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transform as minifyCss } from 'lightningcss';
import { build } from 'rolldown';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const preview = fs.readFileSync(path.join(ROOT, 'www/data/preview.json'), 'utf8');
const PACKAGED = /const PACKAGED = \{\n([^]*?)\n\};/;
const SOURCES = /export const SOURCES = \{\n([^]*?)\n\};/;
const SOURCES_IMPORT = "import('./sources-files.js')";
const ENTRY = /^ {2}'([^']+)': new URL\('\.\.\/data\/\1\?no-inline', import\.meta\.url\),$/;

/** The file names of an object of `'name': new URL('../data/name?no-inline', import.meta.url)` lines. */
function listedNames(body, module) {
  const names = [];
  for (const line of body.split('\n')) {
    if (line.trim().startsWith('//')) continue;
    const entry = ENTRY.exec(line);
    if (!entry) throw new Error(`${module}: a line the bundle cannot read: ${line}`);
    names.push(entry[1]);
  }
  return names;
}

/**
 * Entries `[name, URL]` for every file of `names`, written once each, grouped by folder:
 * `{"detail/1/": "11.bin 12.bin …"}` under `new URL('../data/' + folder + name)`.
 */
function namesUnderTemplate(names) {
  const folders = {};
  for (const name of names) {
    const slash = name.lastIndexOf('/') + 1;
    (folders[name.slice(0, slash)] ??= []).push(name.slice(slash));
  }
  const groups = Object.entries(folders).map(([folder, files]) => [folder, files.join(' ')]);
  return `${JSON.stringify(groups)}.flatMap(([folder, files]) =>
    files.split(' ').map((file) => [folder + file, new URL('../data/' + folder + file, import.meta.url)]),
  )`;
}

/** data.js's PACKAGED object with the preview inlined and every other file under one template. */
function packagedFiles(body) {
  const names = listedNames(body, 'data.js');
  if (!names.includes('preview.json')) throw new Error('data.js no longer packages preview.json');
  // Only `%` and `#` need escaping in a data: URL's text, so it compresses as the file does.
  const previewUrl = `data:application/json,${preview.replace(/[%#]/g, encodeURIComponent)}`;
  return `const PACKAGED = Object.fromEntries([
  ['preview.json', new URL(${JSON.stringify(previewUrl)})],
  ...${namesUnderTemplate(names.filter((n) => n !== 'preview.json'))},
]);`;
}

/**
 * sources-files.js's SOURCES, in place of its import: bundled, its names under one template are
 * 0.5 kB gzip, less than a file of their own would cost a panel in a round trip.
 */
function sourcesInline() {
  const module = fs.readFileSync(path.join(ROOT, 'www/element/sources-files.js'), 'utf8');
  const sources = SOURCES.exec(module);
  if (!sources) throw new Error('sources-files.js no longer has its SOURCES object');
  return `Promise.resolve({ SOURCES: Object.fromEntries(${namesUnderTemplate(listedNames(sources[1], 'sources-files.js'))}) })`;
}

const oneFileData = {
  name: 'one-file-data',
  transform(code, id) {
    if (!id.endsWith(`${path.sep}element${path.sep}data.js`)) return null;
    const packaged = PACKAGED.exec(code);
    if (!packaged) this.error('data.js no longer has its PACKAGED object');
    if (!code.includes(SOURCES_IMPORT)) this.error(`data.js no longer has ${SOURCES_IMPORT}`);
    return code.replace(packaged[0], () => packagedFiles(packaged[1])).replace(SOURCES_IMPORT, sourcesInline);
  },
};

/**
 * The browsers whose syntax the minified stylesheet keeps to: the element's own code needs
 * private class fields and `??=` (Chrome 84, Firefox 90, Safari 14.1) anyway.
 */
const CSS_TARGETS = { chrome: 84 << 16, firefox: 90 << 16, safari: (14 << 16) | (1 << 8) };
const CSS_TEMPLATE = /export const CSS = `[^`]*`;/;

/**
 * styles.js's stylesheet minified by lightningcss (comments, spaces and repeated longhands out:
 * 0.9 kB of the first paint's gzip), in place of its template; the minifier of the script
 * leaves a string's contents as they are.
 */
const minifiedStyles = {
  name: 'minified-styles',
  async transform(code, id) {
    if (!id.endsWith(`${path.sep}element${path.sep}styles.js`)) return null;
    if (!CSS_TEMPLATE.test(code)) this.error('styles.js no longer has its CSS template');
    const { CSS } = await import(pathToFileURL(id).href);
    const css = minifyCss({ filename: 'styles.css', code: Buffer.from(CSS), minify: true, targets: CSS_TARGETS });
    if (css.warnings.length) this.error(`styles.js: ${css.warnings.map((w) => w.message).join('; ')}`);
    return code.replace(CSS_TEMPLATE, () => `export const CSS = ${JSON.stringify(css.code.toString())};`);
  },
};

// What only an opened table or participation box, a download or a page without WebAssembly
// needs, in one second file that the element imports the first time (www/dist/peta-cerdas-extras.js).
const EXTRAS = /element[\\/](table|participation|download|fallback)\.js$/;

fs.rmSync(path.join(ROOT, 'www/dist'), { recursive: true, force: true });
const result = await build({
  input: path.join(ROOT, 'www/peta-cerdas.js'),
  external: ['../pkg/peta_cerdas.js', '../pkg/peta_cerdas_csv.js', '../pkg/peta_cerdas_reports.js'],
  makeAbsoluteExternalsRelative: false,
  // The extras import what they share with the element from it, as exports it gains.
  preserveEntrySignatures: 'allow-extension',
  platform: 'browser',
  plugins: [oneFileData, minifiedStyles],
  logLevel: 'warn',
  output: {
    dir: path.join(ROOT, 'www/dist'),
    entryFileNames: 'peta-cerdas.js',
    chunkFileNames: 'peta-cerdas-[name].js',
    codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: 'extras', test: EXTRAS }] },
    format: 'esm',
    minify: true,
  },
});
const files = result.output.map((chunk) => `${chunk.fileName} ${((chunk.code?.length ?? 0) / 1024).toFixed(0)} KiB`);
if (files.length !== 2) throw new Error(`bundle-element: expected the element and its extras, got ${files.join(', ')}`);
console.log(`bundle-element: www/dist/ ${files.join(', ')}`);
