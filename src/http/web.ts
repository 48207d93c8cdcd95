/**
 * The web app, served by the API's own server: hashed assets from dist/web/assets (cached for a year), the
 * patient pages (/p/:slug/…, /diary/:token) and the clinic (/clinic/…) as their HTML entry. Pages get a strict
 * Content-Security-Policy and no referrer (a diary link's token must never leak through a Referer header).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { homePracticeSlug } from '../app/public/home-practice.js';
import type { Services } from '../app/services.js';

/** dist/web from both src/http (tests) and dist/http (the built server): each is two levels below the root. */
export const WEB_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

export const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cache-control': 'no-cache',
};

export interface WebOptions {
  /** The folder with patient.html, clinic.html and assets/ (default: dist/web). */
  dir?: string;
  /** The practice whose patient site / opens (default: the only practice, if there is one). */
  homePractice?: string;
}

const NOT_BUILT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Facetpath</title>' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>' +
  '<h1>Facetpath</h1><p>The server is running, but the web app is not built: run <code>npm run build</code>.</p>' +
  '<p><a href="/api/docs">API documentation (OpenAPI)</a> · <a href="/api/v1/health">health</a></p>' +
  '</body></html>';

export async function webRoutes(app: FastifyInstance, svc: Services, opts: WebOptions = {}): Promise<void> {
  const dir = opts.dir ?? WEB_DIR;
  const read = (name: string) => (existsSync(`${dir}${name}`) ? readFileSync(`${dir}${name}`, 'utf8') : null);
  const patient = read('patient.html');
  const clinic = read('clinic.html');
  const page = (html: string | null) => (_req: unknown, reply: FastifyReply) =>
    reply
      .headers(PAGE_HEADERS)
      .type('text/html; charset=utf-8')
      .send(html ?? NOT_BUILT);

  if (existsSync(`${dir}assets`)) {
    await app.register(fastifyStatic, {
      root: `${dir}assets`,
      prefix: '/assets/',
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: (res) => res.setHeader('x-content-type-options', 'nosniff'),
    });
  }

  app.get('/', { config: { auth: 'public' } }, async (_req, reply) => {
    if (!patient) return page(null)(_req, reply);
    const slug = await homePracticeSlug(svc, opts.homePractice);
    return reply.redirect(slug ? `/p/${encodeURIComponent(slug)}` : '/clinic');
  });
  for (const url of ['/p/:slug', '/p/:slug/*', '/diary/:token'])
    app.get(url, { config: { auth: 'public' } }, page(patient));
  for (const url of ['/clinic', '/clinic/*']) app.get(url, { config: { auth: 'public' } }, page(clinic));
}
