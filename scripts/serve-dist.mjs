// A small static server for dist/, used by the end-to-end tests and the benchmark.
// (`astro preview` allows one server per project, so tests could not run beside `npm start`.)
// Usage: node scripts/serve-dist.mjs [port] [dir]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
};

export function serveDist(port, dir) {
	const root = resolve(dir);
	const server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(root, pathname));
		if (!file.startsWith(root)) return void response.writeHead(403).end();
		try {
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
		} catch {
			const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('Not found'));
			response.writeHead(404, { 'content-type': types['.html'] }).end(notFound);
		}
	});
	return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const port = Number(process.argv[2] ?? 4321);
	const dir = process.argv[3] ?? 'dist';
	await serveDist(port, dir);
	console.log(`Serving ${dir}/ at http://127.0.0.1:${port}/`);
}
