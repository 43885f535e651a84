import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

interface StaticFile { body: Buffer; gzip: Buffer | null; type: string; etag: string; immutable: boolean }

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

// The built web app is a few hundred kilobytes: it is read (and gzipped) once at start, then served from memory.
export function loadStaticFiles(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(root)) return files;
  for (const full of walk(root)) {
    const urlPath = `/${relative(root, full).split(sep).join('/')}`;
    const body = readFileSync(full);
    const type = TYPES[extname(full)] ?? 'application/octet-stream';
    const compressible = /text|javascript|json|svg/.test(type) && body.length > 1024;
    files.set(urlPath, {
      body,
      gzip: compressible ? gzipSync(body, { level: 9 }) : null,
      type,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
      // Vite names assets by content hash, so they never change under the same URL.
      immutable: urlPath.startsWith('/assets/'),
    });
  }
  return files;
}

// Serves the files, and index.html for any other page address so the app's own router takes over.
export function staticFiles(files: Map<string, StaticFile>): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    let file = files.get(path === '/' ? '/index.html' : path);
    if (!file && !extname(path) && (c.req.header('accept') ?? '').includes('text/html')) file = files.get('/index.html');
    if (!file) return next();
    c.header('Content-Type', file.type);
    c.header('ETag', file.etag);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
    const gzip = file.gzip && /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    if (gzip) c.header('Content-Encoding', 'gzip');
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(new Uint8Array(gzip ? file.gzip! : file.body));
  };
}
