import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { WorkbenchEngineApi } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { decodeWire, encodeWire } from '../../shared/wire';
import { dispatchApiCall } from '../engine/dispatch';

export interface WebHostOptions {
  engine: WorkbenchEngineApi;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/**
 * The engine behind HTTP for a browser and for end-to-end tests: the built renderer plus the same API
 * as Electron IPC. It listens on 127.0.0.1 only, and every API call must carry this run's random
 * token, so other users and web pages on the machine cannot reach the workspace.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page from another site that resolves its name to 127.0.0.1 has a foreign Host.
    if (req.headers.host !== new URL(origin).host) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const given = Buffer.from(String(req.headers['x-workbench-token'] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      sendOutcome(res, 401, { ok: false, error: { code: 'unauthorized', message: 'Missing or wrong workbench token; open the URL the server printed.' } });
      return;
    }
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      sendOutcome(res, 403, { ok: false, error: { code: 'unauthorized', message: 'Cross-origin requests are refused.' } });
      return;
    }
    const body = await readBody(req);
    let request: unknown;
    try {
      request = body.byteLength ? decodeWire(body) : {};
    } catch (error) {
      sendOutcome(res, 400, { ok: false, error: { code: 'invalid_request', message: `Unreadable request body: ${String(error)}` } });
      return;
    }
    const outcome = await dispatchApiCall(options.engine, method, request);
    sendOutcome(res, 200, outcome);
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    const file = join(options.rendererDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(options.rendererDir + sep) && file !== options.rendererDir) {
      res.writeHead(403).end();
      return;
    }
    let content: Buffer;
    let type = MIME[extname(file)] ?? 'application/octet-stream';
    try {
      content = await readFile(file);
    } catch {
      // Client-side routes fall back to the app shell.
      content = await readFile(join(options.rendererDir, 'index.html'));
      type = MIME['.html']!;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(content);
  }

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}

function sendOutcome(res: ServerResponse, status: number, outcome: unknown): void {
  const bytes = encodeWire(outcome);
  res.writeHead(status, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength, 'cache-control': 'no-store' });
  res.end(bytes);
}

async function readBody(req: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
