// A small static server for the browser benchmark: gzips every response (so the bytes a page
// transfers are real gzip bytes), forbids caching (every page load is cold), and logs what it
// sent. Cross-origin isolation headers give pages a 5 µs performance.now() instead of 100 µs.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Serves `mounts` ({ '/url-prefix/': '/folder' }) on 127.0.0.1 at a free port.
 * Returns { url, log, close }: `log` gets { path, raw, gzip } per response sent.
 */
export async function startServer(mounts) {
  const log = [];
  // Compressing 10+ MB GeoJSON at level 9 takes a while: once per file and size.
  const compressed = new Map();
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const prefix = prefixes.find((p) => url.pathname.startsWith(p));
    const relative = prefix && decodeURIComponent(url.pathname.slice(prefix.length));
    const file = prefix && path.resolve(mounts[prefix], relative);
    if (!file || !file.startsWith(path.resolve(mounts[prefix]) + path.sep)) {
      response.writeHead(404).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    const key = `${file}:${body.length}`;
    let gzip = compressed.get(key);
    if (!gzip) {
      gzip = gzipSync(body, { level: constants.Z_BEST_COMPRESSION });
      compressed.set(key, gzip);
    }
    response.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': gzip.length,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
    });
    response.end(gzip);
    log.push({ path: url.pathname, raw: body.length, gzip: gzip.length, at: performance.now() });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
