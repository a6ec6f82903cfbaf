// Runs flows (flows.mjs) in one engine session: a timeout per flow, what the page reported
// (probe.js: script errors, CSP violations) and what the server answered 404 checked after each,
// a screenshot of a failure, and the engine's differences collected as notes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EnginePage } from './page.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SHOTS = path.join(ROOT, 'target/engines');
const PROBE = fs.readFileSync(path.join(ROOT, 'tests/engines/probe.js'));
const PROBE_PATH = '/__engines/probe.js';

/**
 * Serves probe.js and answers each of `pages` (url path → HTML file) with the probe as the first
 * script of its <head>, so events and errors are recorded from before the element loads.
 */
export function injectProbe(server, pages) {
  server.route(PROBE_PATH, (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(PROBE);
  });
  for (const [urlPath, file] of Object.entries(pages)) {
    server.route(urlPath, (req, res) => {
      const html = fs.readFileSync(file, 'utf8');
      const at = html.search(/<head[^>]*>/i);
      assertFound(at, file);
      const end = html.indexOf('>', at) + 1;
      const body = `${html.slice(0, end)}\n<script src="${PROBE_PATH}"></script>${html.slice(end)}`;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(body);
    });
  }
}

function assertFound(at, file) {
  if (at < 0) throw new Error(`${file} has no <head>`);
}

function slug(text) {
  return text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
}

function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Runs `flows` on `session` against `server`, opening `pagePath` (`t.path`). `label` prefixes each
 * line and each screenshot's name. Answers {passed, failed: [names], notes: [lines], shots: [files]}.
 */
export async function runFlows({ session, server, flows, pagePath, label, timeout = 60_000 }) {
  fs.mkdirSync(SHOTS, { recursive: true });
  const page = new EnginePage(session, server);
  const result = { passed: 0, failed: [], notes: [], shots: [] };
  for (const flow of flows) {
    const notes = [];
    const allowed = [];
    const t = {
      path: pagePath,
      engine: session.name,
      note: (text) => notes.push(text),
      allow: (pattern) => allowed.push(pattern),
      shot: async (name) => {
        const file = path.join(SHOTS, `${label}-${name}.png`);
        await page.screenshot(file);
        result.shots.push(path.relative(ROOT, file));
      },
    };
    const begin = Date.now();
    const seen = server.responses.length;
    let error = null;
    try {
      await withTimeout(flow.fn(page, t), timeout, `timed out after ${timeout / 1000} s`);
      const problems = (await page.problems()) ?? { errors: [], violations: [] };
      const unexpected = [
        ...problems.errors,
        ...(flow.csp ? [] : problems.violations.map((v) => `CSP violation: ${v}`)),
      ].filter((line) => !allowed.some((pattern) => pattern.test(line)));
      const missing = server.responses
        .slice(seen)
        .filter((r) => r.status >= 400 && r.path !== '/favicon.ico')
        .map((r) => `HTTP ${r.status} for ${r.path}`);
      if (unexpected.length || missing.length) {
        throw new Error(`the page reported:\n${[...unexpected, ...missing].join('\n')}`);
      }
    } catch (e) {
      error = e;
    }
    const seconds = ((Date.now() - begin) / 1000).toFixed(1);
    const name = `[${label}] ${flow.name}`;
    if (error) {
      result.failed.push(name);
      console.log(`not ok - ${name} (${seconds} s)`);
      console.log(
        String(error.stack ?? error)
          .split('\n')
          .slice(0, 14)
          .join('\n')
          .replace(/^/gm, '    '),
      );
      const file = path.join(SHOTS, `failed-${label}-${slug(flow.name)}.png`);
      try {
        await page.screenshot(file);
        console.log(`    screenshot: ${path.relative(ROOT, file)}`);
      } catch {
        // the session may be gone
      }
    } else {
      result.passed += 1;
      console.log(`ok - ${name} (${seconds} s)`);
    }
    for (const line of notes) {
      console.log(`    # ${label}: ${line}`);
      result.notes.push(`${flow.name}: ${line}`);
    }
  }
  return result;
}
