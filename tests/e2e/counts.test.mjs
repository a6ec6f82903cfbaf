// What the map says about how many are known never claims more than there are: no "N dari M" /
// "N of M" with N above M anywhere in the element (subtitle, identified list, legend, summary,
// table caption, participation section), in either language, for every year on the slider; and
// each cohort line says confirmed of official, then how many more are doubtful.
import { assert, frames, test, waitReady } from './lib.mjs';

/** Every "N dari M" / "N of M" in the element's text, open sections included. */
async function countClaims(page) {
  return page.evaluate(() => {
    const root = document.querySelector('peta-cerdas').shadowRoot;
    for (const details of root.querySelectorAll('details')) details.open = true;
    const texts = [...root.querySelectorAll('*')].map((node) => node.textContent);
    texts.push(...[...root.querySelectorAll('[aria-label],[alt]')].map((n) => n.getAttribute('aria-label') || n.alt));
    const claims = [];
    for (const text of texts) {
      for (const match of text.matchAll(/(\d+) (?:dari|of)(?: the)? (\d+)/g))
        claims.push([+match[1], +match[2], match[0]]);
    }
    return claims;
  });
}

for (const lang of ['id', 'en']) {
  test(`${lang}: no count claims more than its whole, for every year`, async (t) => {
    const page = await t.open(`/embed.html#lang=${lang}`);
    await waitReady(page);
    const years = await page.evaluate(async () =>
      (await document.querySelector('peta-cerdas').stats()).cohorts.map((c) => c.year),
    );
    let seen = 0;
    for (const year of years) {
      await page.evaluate((y) => document.querySelector('peta-cerdas').setAttribute('year', String(y)), year);
      await frames(page, 3);
      const claims = await countClaims(page);
      seen += claims.length;
      const over = claims.filter(([n, m]) => n > m);
      assert.deepEqual(over, [], `${year}: ${over.map((c) => c[2]).join('; ')}`);
    }
    assert.ok(seen > years.length * 3, `the check read the counts (${seen})`);
    const lines = await page.evaluate(() =>
      [...document.querySelector('peta-cerdas').shadowRoot.querySelectorAll('#identified li')].map(
        (li) => li.textContent,
      ),
    );
    const line2017 = lines.find((line) => line.startsWith('2017'));
    const confirmed =
      lang === 'id'
        ? /^2017: \d+ dari 25 terkonfirmasi, \+\d+ diragukan$/
        : /^2017: \d+ of 25 confirmed, \+\d+ doubtful$/;
    assert.match(line2017, confirmed);
  });
}
