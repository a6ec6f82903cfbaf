// `make audit`: Lighthouse (mobile preset: simulated Slow 4G and a 4× slower CPU) on the demo
// page and the embed page, served gzipped by benches/browser/server.mjs. Three runs per page; the
// median of each figure is printed and written to target/audit/latest.json with every run.
// Not part of `make test`: a run takes about a minute.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from './browser/server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'target/audit');
const PAGES = ['index.html', 'embed.html'];
const RUNS = 3;
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** The figures of one Lighthouse result. */
function figures(lhr) {
  const a = lhr.audits;
  const requests = a['network-requests']?.details?.items ?? [];
  // An audit Lighthouse could not compute has no numericValue: that run counts as null.
  const value = (id, digits = 0) => {
    const v = a[id]?.numericValue;
    if (typeof v !== 'number') {
      console.error(`  ${id}: ${a[id]?.errorMessage ?? 'no value'}`);
      return null;
    }
    return Number(v.toFixed(digits));
  };
  return {
    performance: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift', 3),
    ttiMs: value('interactive'),
    totalBytes: value('total-byte-weight'),
    // The home view needs no finer borders: atlas.bin or a province's detail file here is a regression.
    atlasRequested: requests.some((r) => /\/(atlas|detail\/\d+)\.bin$/.test(new URL(r.url).pathname)),
  };
}

const server = await startServer({ '/': path.join(ROOT, 'www') });
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: CHROME_FLAGS,
});
const report = { date: new Date().toISOString(), lighthouse: null, preset: 'mobile', runs: RUNS, pages: {} };
try {
  for (const page of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${server.url}/${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      report.lighthouse = result.lhr.lighthouseVersion;
      if (result.lhr.runtimeError) console.error(`  ${page}: ${result.lhr.runtimeError.message}`);
      runs.push(figures(result.lhr));
    }
    const med = {};
    for (const key of Object.keys(runs[0])) {
      if (key === 'atlasRequested') {
        med[key] = runs.some((r) => r[key]);
      } else {
        const values = runs.map((r) => r[key]).filter((v) => v !== null);
        med[key] = values.length ? median(values) : null;
      }
    }
    report.pages[page] = { median: med, runs };
    console.log(
      `${page.padEnd(11)} performance ${med.performance}  LCP ${med.lcpMs} ms  TBT ${med.tbtMs} ms  ` +
        `CLS ${med.cls}  TTI ${med.ttiMs} ms  ${((med.totalBytes ?? 0) / 1024).toFixed(0)} kB` +
        `${med.atlasRequested ? '  (finer borders fetched)' : ''}`,
    );
  }
} finally {
  await chrome.kill();
  await server.close();
}
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`written ${path.relative(ROOT, path.join(OUT, 'latest.json'))}`);
