// `make wasm`: wasm-bindgen's glue (www/pkg/*.js) minified in place. A page fetches the map's
// glue as a file of its own once the interactive map starts (the one-file element leaves it
// external, scripts/bundle-element.mjs), and the doc comments and long names are half of its
// gzipped bytes. The exports stay as they are; minifying the minified changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const PKG = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'www/pkg');

for (const name of fs.readdirSync(PKG).filter((file) => file.endsWith('.js'))) {
  const file = path.join(PKG, name);
  const before = fs.statSync(file).size;
  const result = await build({
    input: file,
    platform: 'browser',
    logLevel: 'warn',
    write: false,
    output: { format: 'esm', minify: true },
  });
  const [chunk] = result.output;
  fs.writeFileSync(file, chunk.code);
  console.log(
    `minify-glue: www/pkg/${name}, ${before} -> ${chunk.code.length} bytes (exports ${chunk.exports.join(', ')})`,
  );
}
