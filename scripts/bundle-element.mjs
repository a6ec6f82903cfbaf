// `make build`: the element as one minified ES module for plain pages and CMSs,
// www/dist/peta-cerdas.js, so a page fetches one file before the map's first paint instead of a
// cascade of module imports (a round trip each on a slow link). The prerendered preview
// (www/data/preview.json, staged first) rides inside it as a `data:` URL in place of its packaged
// file, which data.js's `fetchOnce` decodes: the first paint then needs no second request. The
// wasm glue stays a separate file, imported only when the interactive map starts, as do the CSV
// reader's and the reports' glue, imported only when a page uses them; `../data/` and `../pkg/`
// resolve from dist/ as they do from element/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGED_PREVIEW = "new URL('../data/preview.json?no-inline', import.meta.url)";
const preview = fs.readFileSync(path.join(ROOT, 'www/data/preview.json'), 'utf8');

const inlinePreview = {
  name: 'inline-preview',
  transform(code, id) {
    if (!id.endsWith(`${path.sep}element${path.sep}data.js`)) return null;
    if (!code.includes(PACKAGED_PREVIEW)) this.error(`data.js no longer names the preview as ${PACKAGED_PREVIEW}`);
    // Only `%` and `#` need escaping in a data: URL's text, so it compresses as the file does.
    const url = `data:application/json,${preview.replace(/[%#]/g, encodeURIComponent)}`;
    return code.replace(PACKAGED_PREVIEW, `new URL(${JSON.stringify(url)})`);
  },
};

const result = await build({
  input: path.join(ROOT, 'www/peta-cerdas.js'),
  external: ['../pkg/peta_cerdas.js', '../pkg/peta_cerdas_csv.js', '../pkg/peta_cerdas_reports.js'],
  makeAbsoluteExternalsRelative: false,
  platform: 'browser',
  plugins: [inlinePreview],
  logLevel: 'warn',
  output: { file: path.join(ROOT, 'www/dist/peta-cerdas.js'), format: 'esm', minify: true },
});
const size = result.output.reduce((sum, chunk) => sum + (chunk.code?.length ?? 0), 0);
console.log(`bundle-element: www/dist/peta-cerdas.js, ${(size / 1024).toFixed(0)} KiB`);
