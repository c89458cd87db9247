// Finds the Chromium the end-to-end tests drive: $CHROMIUM_PATH, then /usr/bin/chromium.
// Fails at once, saying how to get one, rather than letting Playwright try to download its own.
// Run as a script (first step of `npm test`), it also checks for nginx (scripts/serve-nginx.mjs),
// so a missing program stops the tests before the long steps, not after them.
import { accessSync, constants } from 'node:fs';
import { findNginx, noNginxMessage } from './serve-nginx.mjs';

export function findChromium(env = process.env) {
	const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
	for (const path of candidates) {
		try {
			accessSync(path, constants.X_OK);
			return path;
		} catch {
			// try the next one
		}
	}
	return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const path = findChromium();
	if (!path) {
		console.error(
			[
				'No Chromium found for the end-to-end tests.',
				'Install one (Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium)',
				'or point CHROMIUM_PATH at a Chromium or Chrome binary, then run npm test again.',
			].join('\n'),
		);
		process.exit(1);
	}
	const nginx = findNginx();
	if (!nginx) {
		console.error(noNginxMessage);
		process.exit(1);
	}
	console.log(`Chromium: ${path}; nginx: ${nginx}`);
}
