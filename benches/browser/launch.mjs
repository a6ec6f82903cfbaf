// The benchmark's browser and server, shared by run.mjs and profile.mjs: the pages, the wasm,
// the peers' packages and the prepared geometry served with gzip (server.mjs), and headless
// Chromium (CPU raster) with an empty profile of its own.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { ROOT } from './data.mjs';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/**
 * The pages, the element and the build they serve: `www/`, or the folder `PETA_BENCH_WWW` names
 * (a copy of `www/` with its `pkg/` and `data/`, to measure a build while `www/` is being edited).
 */
export const WWW = process.env.PETA_BENCH_WWW ? path.resolve(process.env.PETA_BENCH_WWW) : path.join(ROOT, 'www');

/** Starts both; `close()` ends them and removes the profile. */
export async function launch() {
  const server = await startServer({
    '/benches/browser/': path.join(ROOT, 'benches/browser'),
    '/www/': WWW,
    '/node_modules/': path.join(ROOT, 'node_modules'),
    '/bench-data/': path.join(ROOT, 'target/bench-data'),
    // The build of benches/wasm-size.mjs, whose wasm keeps its function names (profile.mjs).
    '/wasm-size/': path.join(ROOT, 'target/wasm-size'),
    // The map's wasm with `loadAtlas` (`make bench` builds it), which peta.html's frames load.
    '/bench-pkg/': path.join(ROOT, 'target/bench-pkg'),
  });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'peta-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    server,
    context,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
