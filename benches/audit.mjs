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

/** A category's score out of 100 (null when Lighthouse could not score it). */
const score = (lhr, id) => {
  const value = lhr.categories[id]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};

/** The longest main-thread tasks of a run (on the throttled CPU), as `{url, ms}`: what blocks input. */
function longTasks(lhr) {
  const items = lhr.audits['long-tasks']?.details?.items ?? [];
  return items.slice(0, 5).map((task) => ({ url: task.url, ms: Math.round(task.duration) }));
}

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
    performance: score(lhr, 'performance'),
    accessibility: score(lhr, 'accessibility'),
    bestPractices: score(lhr, 'best-practices'),
    seo: score(lhr, 'seo'),
    lcpMs: value('largest-contentful-paint'),
    tbtMs: value('total-blocking-time'),
    cls: value('cumulative-layout-shift', 3),
    ttiMs: value('interactive'),
    totalBytes: value('total-byte-weight'),
    // The home view needs no finer borders: atlas.bin or a province's detail file here is a regression.
    longTasks: longTasks(lhr),
    atlasRequested: requests.some((r) => /\/(atlas|detail\/.+)\.bin$/.test(new URL(r.url).pathname)),
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
    // A run whose trace Lighthouse could not record (NO_NAVSTART now and then) is run again.
    for (let attempt = 0; runs.length < RUNS && attempt < RUNS * 2; attempt++) {
      const result = await lighthouse(`${server.url}/${page}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      });
      report.lighthouse = result.lhr.lighthouseVersion;
      if (result.lhr.runtimeError) {
        console.error(`  ${page}: ${result.lhr.runtimeError.message}; running it again`);
        continue;
      }
      runs.push(figures(result.lhr));
    }
    const med = {};
    for (const key of Object.keys(runs[0])) {
      if (key === 'longTasks') {
        med[key] = runs.flatMap((r) => r.longTasks).sort((a, b) => b.ms - a.ms)[0] ?? null;
      } else if (key === 'atlasRequested') {
        med[key] = runs.some((r) => r[key]);
      } else {
        const values = runs.map((r) => r[key]).filter((v) => v !== null);
        med[key] = values.length ? median(values) : null;
      }
    }
    report.pages[page] = { median: med, runs };
    console.log(
      `${page.padEnd(11)} performance ${med.performance}  LCP ${med.lcpMs} ms  TBT ${med.tbtMs} ms  ` +
        `CLS ${med.cls}  TTI ${med.ttiMs} ms  ${((med.totalBytes ?? 0) / 1024).toFixed(0)} kB  ` +
        `accessibility ${med.accessibility}  best practices ${med.bestPractices}  SEO ${med.seo}  ` +
        `longest task ${med.longTasks ? `${med.longTasks.ms} ms (${med.longTasks.url})` : 'none'}` +
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
