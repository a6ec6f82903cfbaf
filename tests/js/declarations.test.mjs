// npm/peta-cerdas.d.ts says what the element does: a TypeScript user reads the doc comments in the
// editor, so what the queries do before the map has loaded is spelled out there, with the message
// www/peta-cerdas.js throws.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const read = (file) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const declarations = read('npm/peta-cerdas.d.ts');
const element = read('www/peta-cerdas.js');

/** The doc comment right above method `name`'s declaration, on one line. */
function docOf(name) {
  const match = declarations.match(new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*${name}\\(`));
  assert.ok(match, `${name} has a doc comment`);
  return match[1].replace(/\s*\*\s*/g, ' ').trim();
}

test('the queries say they throw, and the promises that they reject, the message the element gives before it has loaded', () => {
  const message = element.match(/throw new Error\('(peta-cerdas: the map is not loaded yet)'\)/)?.[1];
  assert.ok(message, 'www/peta-cerdas.js throws the message');
  for (const name of ['regionAt', 'toScreen', 'toSVG']) {
    assert.match(docOf(name), new RegExp(`Throws \`${message}\` before the map has loaded`), name);
  }
  assert.match(docOf('loadIndicator'), new RegExp(`with \`${message}\` before the map has loaded`));
  for (const name of ['toCSV', 'toPNG']) assert.match(docOf(name), /Rejects before the map has loaded/, name);
});
