// The snippets the docs give to copy work as written against the element as it is: under the
// strict CSP they document (no style attribute, which `style-src 'self'` blocks: the map's height
// is a stylesheet rule), and on a default lazy map (`ready` only after a `load()`).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

const DOCS = ['README.md', 'docs/element.md', 'npm/README.md'];

/** The fenced code blocks of `file`: `{file, lang, code}`. */
function snippets(file) {
  const text = fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  return [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map(([, lang, code]) => ({ file, lang, code }));
}

const all = DOCS.flatMap(snippets);

test('no element snippet sets a style attribute (a strict CSP blocks it); the height has a stylesheet rule', () => {
  const elements = all.filter((s) => /<peta-cerdas[\s>]/.test(s.code));
  assert.ok(elements.length >= 4, `element snippets: ${elements.length}`);
  for (const { file, code } of elements) {
    assert.doesNotMatch(code, /<peta-cerdas[^>]*\sstyle=/, `${file}: ${code}`);
  }
  for (const file of ['docs/element.md', 'npm/README.md']) {
    assert.ok(
      all.some(
        (s) => s.file === file && s.lang === 'css' && /peta-cerdas \{ --peta-cerdas-map-height: \d+px; \}/.test(s.code),
      ),
      `${file} shows the height as a stylesheet rule`,
    );
  }
});

test('a script snippet that waits for the map starts it first: a lazy map is ready only after load()', () => {
  for (const { file, code } of all.filter((s) => s.lang === 'js')) {
    const waits = code.indexOf('await map.ready');
    if (waits < 0) continue;
    const starts = code.search(/\.load\(\)|loading="eager"/);
    assert.ok(starts >= 0 && starts < waits, `${file}: ${code}`);
  }
  const uses = all.filter((s) => s.lang === 'js' && /map\.(select|stats|regionAt|toScreen|toSVG)\(/.test(s.code));
  assert.ok(uses.length > 0);
  for (const { file, code } of uses) assert.match(code, /await map\.(load\(\)|ready)/, `${file}: ${code}`);
});
