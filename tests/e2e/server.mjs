// A small static server for the browser tests: node:http on 127.0.0.1 at a random port.
// Mounts map URL prefixes to folders (www/ at `/`, the test pages at `/e2e/`, …); extra
// headers (a CSP, say) can be added per path prefix, and single paths can be answered by a
// handler (a 404, garbage bytes). Every request is counted, so a test can see what a page asked.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.bin': 'application/octet-stream',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/**
 * @param {{mounts: {prefix: string, dir: string}[]}} options  longest prefix wins
 */
export async function startServer({ mounts }) {
  const byLength = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);
  /** @type {{prefix: string, headers: Record<string, string>}[]} */
  const headerRules = [];
  /** @type {Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>} */
  const handlers = new Map();
  const requests = [];
  /** Every answer sent, as {path, status}: a test can look for 404s the browser only logs. */
  const responses = [];

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    requests.push(pathname);
    res.on('finish', () => responses.push({ path: pathname, status: res.statusCode }));
    for (const rule of headerRules) {
      if (pathname.startsWith(rule.prefix)) {
        for (const [name, value] of Object.entries(rule.headers)) res.setHeader(name, value);
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    const handler = handlers.get(pathname);
    if (handler) return handler(req, res);
    const file = resolve(byLength, pathname);
    if (!file) return notFound(res);
    fs.stat(file, (err, stat) => {
      if (err) return notFound(res);
      if (stat.isDirectory()) {
        if (!pathname.endsWith('/')) {
          res.writeHead(301, { Location: pathname + '/' });
          return res.end();
        }
        return serveFile(path.join(file, 'index.html'), res);
      }
      serveFile(file, res);
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (p) => origin + p,
    requests,
    responses,
    /** Adds headers to every answer whose path starts with `prefix`. */
    addHeaders(prefix, headers) {
      headerRules.push({ prefix, headers });
    },
    /** Answers exactly `pathname` with `handler(req, res)`. */
    route(pathname, handler) {
      handlers.set(pathname, handler);
    },
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(ok);
      }),
  };
}

function resolve(mounts, pathname) {
  for (const { prefix, dir } of mounts) {
    if (!pathname.startsWith(prefix)) continue;
    const rest = pathname.slice(prefix.length);
    const file = path.resolve(dir, '.' + path.posix.normalize('/' + rest));
    if (file !== path.resolve(dir) && !file.startsWith(path.resolve(dir) + path.sep)) return null;
    return file;
  }
  return null;
}

function serveFile(file, res) {
  fs.readFile(file, (err, body) => {
    if (err) return notFound(res);
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(body);
  });
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('not found\n');
}
