// A plain static server for the built files (never the dev server: it serves Lit in dev mode and
// inline source maps), with the demo backend mounted at /api/omni/v1 and pages given as strings.
// Used by the size check, the benchmark and the real-page checks (scripts/check-pages.mjs).
//
//   const server = await serveDist({ pages: { '/x.html': '<!doctype html>...' } });
//   server.origin; await server.setFaults({ latencyMs: 300 }); await server.close();
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { createServer as createViteServer } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Starts the server on a free port of 127.0.0.1. `pages` maps paths to HTML (or, for a path ending
 * in `.js` or `.css`, to a script or stylesheet, served with that type); `headers(path)` adds
 * response headers (a CSP, say); files are served from the repository root (`/dist/...`,
 * `/demo/...`), gzipped when the browser accepts it.
 */
export async function serveDist({
  pages = {},
  headers = () => ({}),
  backend: backendOptions = {},
} = {}) {
  // The demo backend is TypeScript: let Vite load it (in Node; nothing is served by Vite).
  const vite = await createViteServer({
    root,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  const { omniDemoBackend } = await vite.ssrLoadModule('/src/mocks/vite-plugin.ts');
  const backend = [];
  omniDemoBackend(backendOptions).configureServer({
    middlewares: { use: (fn) => backend.push(fn) },
  });

  const gzipCache = new Map();
  const send = (req, res, status, type, body, extra = {}) => {
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const out = { 'Content-Type': type, 'Cache-Control': 'no-cache', ...extra };
    if (accepts && body.length > 512) {
      out['Content-Encoding'] = 'gzip';
      out.Vary = 'Accept-Encoding';
      body = gzipSync(body);
    }
    res.writeHead(status, out);
    res.end(body);
  };

  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    const extra = headers(path) ?? {};
    const next = (i) => () => {
      if (i < backend.length) return backend[i](req, res, next(i + 1));
      // Not the backend: a page or a file.
      if (pages[path] !== undefined) {
        const type = TYPES[extname(path)] ?? TYPES['.html'];
        return send(req, res, 200, type, Buffer.from(pages[path]), extra);
      }
      const file = normalize(join(root, path));
      const allowed =
        file.startsWith(join(root, 'dist') + sep) || file.startsWith(join(root, 'demo') + sep);
      if (!allowed || !existsSync(file) || !statSync(file).isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        return res.end('not found');
      }
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      if (/^text\/|javascript|json|svg/.test(type)) {
        let body = gzipCache.get(file);
        if (!body) gzipCache.set(file, (body = readFileSync(file)));
        return send(req, res, 200, type, body, extra);
      }
      res.writeHead(200, { 'Content-Type': type, ...extra });
      createReadStream(file).pipe(res);
    };
    next(0)();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    async setFaults(faults) {
      const response = await fetch(`${origin}/__omni/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify(faults),
      });
      if (!response.ok) throw new Error(`faults: HTTP ${response.status}`);
    },
    async reset() {
      await fetch(`${origin}/__omni/reset`, { method: 'POST', headers: { Origin: origin } });
    },
    async close() {
      server.closeAllConnections?.();
      await new Promise((resolve) => server.close(resolve));
      await vite.close();
    },
  };
}
