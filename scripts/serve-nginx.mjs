// Serves dist/ with a real nginx and the server block of deploy/nginx.conf, as the README
// documents it, for tests/e2e/host.spec.ts (second webServer of tests/playwright.config.ts).
// Only `listen` and `root` are changed. nginx runs in the foreground as the current user; its
// top-level config, pid, logs and temp files go to a temporary folder, removed when it stops.
// Usage: node scripts/serve-nginx.mjs <port> [dir]
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const serverBlockFile = fileURLToPath(new URL('../deploy/nginx.conf', import.meta.url));
export const documentedListen = 'listen 80;';
export const documentedRoot = 'root /var/www/cwam;';

/** nginx: $NGINX_PATH, then Debian's /usr/sbin/nginx. */
export function findNginx(env = process.env) {
	for (const path of [env.NGINX_PATH, '/usr/sbin/nginx'].filter(Boolean)) {
		try {
			accessSync(path, constants.X_OK);
			return path;
		} catch {
			// try the next one
		}
	}
	return undefined;
}

export const noNginxMessage = [
	'No nginx found: the hosting tests (tests/e2e/host.spec.ts) serve dist/ with the documented nginx configuration.',
	'Install it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y nginx)',
	'or point NGINX_PATH at an nginx binary, then run the tests again.',
].join('\n');

/** The documented server block with only its listen port and root changed; fails if either is not found exactly once. */
export function localServerBlock(block, port, root) {
	for (const directive of [documentedListen, documentedRoot]) {
		const count = block.split(directive).length - 1;
		if (count !== 1) throw new Error(`${serverBlockFile} should hold "${directive}" exactly once (found ${count}): the nginx test rewrites it.`);
	}
	return block.replace(documentedListen, `listen 127.0.0.1:${port};`).replace(documentedRoot, `root ${root};`);
}

/** Where this nginx keeps mime.types: the folder of its compiled-in nginx.conf. */
function confDir(nginx) {
	const version = execFileSync(nginx, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	return dirname(/--conf-path=(\S+)/.exec(version)?.[1] ?? '/etc/nginx/nginx.conf');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const port = Number(process.argv[2]);
	const root = resolve(process.argv[3] ?? 'dist');
	if (!Number.isInteger(port) || port <= 0) {
		console.error('Usage: node scripts/serve-nginx.mjs <port> [dir]');
		process.exit(2);
	}
	const nginx = findNginx();
	if (!nginx) {
		console.error(noNginxMessage);
		process.exit(1);
	}
	// nginx -V writes to stderr.
	let conf;
	try {
		conf = confDir(nginx);
	} catch {
		conf = '/etc/nginx';
	}
	const temp = mkdtempSync(join(tmpdir(), 'cwam-nginx-'));
	const quoted = (path) => `"${path}"`;
	writeFileSync(join(temp, 'cwam.conf'), localServerBlock(readFileSync(serverBlockFile, 'utf8'), port, quoted(root)));
	writeFileSync(
		join(temp, 'nginx.conf'),
		[
			// Workers run as the current user (nginx would switch to "nobody" under root).
			process.getuid?.() === 0 ? `user ${userInfo().username};` : '',
			'daemon off;',
			'worker_processes 1;',
			`pid ${quoted(join(temp, 'nginx.pid'))};`,
			'error_log stderr warn;',
			'events { worker_connections 256; }',
			'http {',
			`    include ${quoted(join(conf, 'mime.types'))};`,
			'    default_type application/octet-stream;',
			'    access_log off;',
			...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `    ${kind}_temp_path ${quoted(join(temp, kind))};`),
			`    include ${quoted(join(temp, 'cwam.conf'))};`,
			'}',
			'',
		].join('\n'),
	);
	const cleanUp = () => rmSync(temp, { recursive: true, force: true });
	// -e: its start-up errors go to stderr too, not to the compiled-in log file.
	const server = spawn(nginx, ['-e', 'stderr', '-p', temp, '-c', join(temp, 'nginx.conf')], { stdio: 'inherit' });
	server.on('error', (error) => {
		cleanUp();
		console.error(`Could not start ${nginx}: ${error.message}`);
		process.exit(1);
	});
	server.on('exit', (code, signal) => {
		cleanUp();
		process.exit(code ?? (signal === 'SIGTERM' || signal === 'SIGQUIT' ? 0 : 1));
	});
	// Playwright stops its web servers with SIGTERM (gracefulShutdown); nginx stops at once on it.
	for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => server.kill('SIGTERM'));
	console.log(`nginx (${nginx}) serving ${root}/ with deploy/nginx.conf at http://127.0.0.1:${port}/`);
}
