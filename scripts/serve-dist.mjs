// A small static server for dist/, used by the end-to-end tests and the benchmark.
// (`astro preview` allows one server per project, so tests could not run beside `npm start`.)
// It compresses as a real host does: Brotli or gzip, whichever the browser accepts (brotli
// first), for text types only, with `Vary: Accept-Encoding` and the compressed content-length.
// Usage: node scripts/serve-dist.mjs [port] [dir]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.pdf': 'application/pdf',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.xml', '.txt', '.wasm']);
// The levels hosts use when they compress on the fly (Brotli 5, gzip 6), not the slow maximum.
const encoders = {
	br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
	gzip: (body) => gzipSync(body, { level: 6 }),
};

/** Whether an Accept-Encoding header allows a coding (`q=0` refuses it; `*` stands for any). */
export function accepts(header, coding) {
	return header.split(',').some((part) => {
		const [name, ...params] = part.split(';').map((token) => token.trim().toLowerCase());
		const q = params.find((param) => param.startsWith('q='));
		return (name === coding || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
	});
}

export function serveDist(port, dir) {
	const root = resolve(dir);
	// Compressed bodies, by file, coding and modification time: each file is compressed once.
	const cache = new Map();
	async function send(request, response, status, file, body) {
		const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
		if (compressible.has(extname(file))) {
			headers.vary = 'Accept-Encoding';
			const coding = Object.keys(encoders).find((name) => accepts(String(request.headers['accept-encoding'] ?? ''), name));
			if (coding) {
				const key = `${coding} ${(await stat(file).catch(() => ({ mtimeMs: 0 }))).mtimeMs} ${file}`;
				if (!cache.has(key)) cache.set(key, encoders[coding](body));
				body = cache.get(key);
				headers['content-encoding'] = coding;
			}
		}
		headers['content-length'] = body.length;
		response.writeHead(status, headers).end(body);
	}
	const server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		let file = normalize(join(root, pathname));
		if (!file.startsWith(root)) return void response.writeHead(403).end();
		try {
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			await send(request, response, 200, file, body);
		} catch {
			const notFound = join(root, '404.html');
			const body = await readFile(notFound).catch(() => Buffer.from('Not found'));
			await send(request, response, 404, notFound, body);
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
