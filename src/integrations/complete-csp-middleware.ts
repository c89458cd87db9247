import { defineMiddleware } from 'astro:middleware';
import { completeCsp } from '../lib/csp';

/**
 * Completes each page's Content-Security-Policy as Astro renders it (see complete-csp.ts): the
 * page is written to dist/ once, already complete, instead of read back and rewritten after the build.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
	const response = await next();
	if (!response.body || !response.headers.get('content-type')?.includes('text/html')) return response;
	const html = await response.text();
	return new Response(completeCsp(html), { status: response.status, statusText: response.statusText, headers: response.headers });
});
