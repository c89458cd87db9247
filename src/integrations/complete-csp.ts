import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeCsp } from '../lib/csp';

/**
 * Lets each page's own inline scripts and style attributes through its CSP, by hash (see src/lib/csp.ts).
 * Pages Astro renders are completed as they are rendered, by a middleware (complete-csp-middleware.ts),
 * so each is written once; HTML copied as is from public/ is completed after the build.
 */
export function completeCspIntegration(): AstroIntegration {
	let publicDir = '';
	return {
		name: 'cwam:complete-csp',
		hooks: {
			'astro:config:setup': ({ addMiddleware, command, config }) => {
				publicDir = fileURLToPath(config.publicDir);
				// `astro build` only, as before: `astro dev` serves pages as Astro renders them.
				if (command === 'build') addMiddleware({ entrypoint: new URL('./complete-csp-middleware.ts', import.meta.url), order: 'pre' });
			},
			'astro:build:done': async ({ dir, logger, pages }) => {
				const root = fileURLToPath(dir);
				const copied = (await readdir(publicDir, { recursive: true }).catch(() => [] as string[])).filter((file) => file.endsWith('.html'));
				for (const file of copied) {
					const path = join(root, file);
					const html = await readFile(path, 'utf8');
					const completed = completeCsp(html);
					if (completed !== html) await writeFile(path, completed);
				}
				logger.info(`Content-Security-Policy completed in ${pages.length + copied.length} pages`);
			},
		},
	};
}
