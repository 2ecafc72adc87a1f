/**
 * Vite plugin: the demo backend over real HTTP on the dev and preview servers, so two browsers on
 * two devices share one backend (and one cart). Same MSW handlers as the service worker, run by
 * @mswjs/http-middleware. For development only: it has no authentication and keeps everything in
 * memory. On the dev server only (never under `vite preview`), and only for same-origin requests,
 * it also mounts:
 *
 * - `GET  /__omni/faults`  current faults as JSON
 * - `POST /__omni/faults`  JSON partial of `Faults` to set; `{"reset": true}` resets them
 * - `POST /__omni/reset`   back to the seeded data (carts, reservations, codes cleared)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { gzipSync } from 'node:zlib';
import { createMiddleware } from '@mswjs/http-middleware';
import type { Connect, Plugin } from 'vite';
import { createDemoDb } from './db.js';
import { createFaultState, type Faults } from './faults.js';
import { createHandlers, DEFAULT_BASE_URL } from './handlers.js';

export interface OmniDemoBackendOptions {
  /** Default "/api/omni/v1". An absolute URL is served at its path. */
  baseUrl?: string;
  /** Seed of the demo data. */
  seed?: number;
  /** More skus with generated stock (benchmarks). */
  extraSkus?: readonly string[];
}

const CONTROL_PREFIX = '/__omni/';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

/**
 * Gzips what a handler writes when the client accepts it (as a production API would), buffering
 * the body: the answers are small JSON documents.
 */
function gzipWhenAccepted(req: IncomingMessage, res: ServerResponse): void {
  if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return;
  const chunks: Buffer[] = [];
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((chunk: unknown) => {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    return true;
  }) as typeof res.write;
  res.end = ((chunk?: unknown) => {
    if (chunk && typeof chunk !== 'function') {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    }
    const body = Buffer.concat(chunks);
    if (body.length > 0 && !res.headersSent) {
      const zipped = gzipSync(body);
      res.setHeader('Content-Encoding', 'gzip');
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Content-Length', String(zipped.length));
      write(zipped);
    } else if (body.length > 0) {
      write(body);
    }
    return end();
  }) as typeof res.end;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text ? JSON.parse(text) : {};
}

export function omniDemoBackend(options: OmniDemoBackendOptions = {}): Plugin {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  const basePath = (
    /^[a-z][a-z\d+.-]*:\/\//i.test(baseUrl) ? new URL(baseUrl).pathname : baseUrl
  ).replace(/\/+$/, '');
  const db = createDemoDb(options.seed, { extraSkus: options.extraSkus });
  const faults = createFaultState();
  // Handlers match the path on any origin, which is what a server behind any host name needs.
  const mswMiddleware = createMiddleware(...createHandlers({ baseUrl: basePath, db, faults }));

  const control = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (path === 'faults' && req.method === 'GET') return sendJson(res, 200, faults.getFaults());
    if (path === 'faults' && req.method === 'POST') {
      let body: unknown;
      try {
        body = await readBody(req);
      } catch {
        return sendJson(res, 400, {
          error: { code: 'invalid_request', message: 'Body must be JSON.' },
        });
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return sendJson(res, 400, {
          error: { code: 'invalid_request', message: 'Body must be an object.' },
        });
      }
      const partial = body as Partial<Faults> & { reset?: boolean };
      if (partial.reset === true) faults.resetFaults();
      return sendJson(res, 200, faults.setFaults(partial));
    }
    if (path === 'reset' && req.method === 'POST') {
      db.reset();
      return sendJson(res, 200, { ok: true });
    }
    return sendJson(res, 404, {
      error: { code: 'not_found', message: `No control ${req.method} ${path}.` },
    });
  };

  /** A request from a page of this server (or a tool without a browser), not another site. */
  const sameOrigin = (req: IncomingMessage): boolean => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
    const origin = req.headers.origin;
    if (origin === undefined) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  };

  const middleware =
    (controls: boolean): Connect.NextHandleFunction =>
    (req, res, next) => {
      const url = req.url ?? '/';
      const pathname = url.split('?')[0] ?? '/';
      if (pathname.startsWith(CONTROL_PREFIX)) {
        if (!controls) {
          next();
          return;
        }
        if (!sameOrigin(req)) {
          sendJson(res, 403, {
            error: {
              code: 'forbidden',
              message: 'Demo controls answer same-origin requests only.',
            },
          });
          return;
        }
        control(req, res, pathname.slice(CONTROL_PREFIX.length)).catch(next);
        return;
      }
      if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) {
        next();
        return;
      }
      const current = faults.getFaults();
      if (current.offline) {
        // A network error over real HTTP: drop the connection (after the latency, if any).
        setTimeout(() => req.socket.destroy(), current.latencyMs);
        return;
      }
      // @mswjs/http-middleware is written for Express; give Connect's request the three members it
      // reads (`protocol`, `get`, `header`).
      const shim = req as IncomingMessage & {
        protocol?: string;
        get?: (name: string) => string | undefined;
        header?: (name: string) => string | undefined;
      };
      shim.protocol ??= (req.socket as TLSSocket).encrypted ? 'https' : 'http';
      const header = (name: string) => {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      };
      shim.get ??= header;
      shim.header ??= header;
      gzipWhenAccepted(req, res);
      (mswMiddleware as unknown as Connect.NextHandleFunction)(shim, res, next);
    };

  return {
    name: 'omni-demo-backend',
    configureServer(server) {
      server.middlewares.use(middleware(true));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(false));
    },
  };
}
