import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeCsp } from '../lib/csp';

/** After the build, lets each page's own inline scripts and style attributes through its CSP, by hash (see src/lib/csp.ts). */
export function completeCspIntegration(): AstroIntegration {
	return {
		name: 'cwam:complete-csp',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const root = fileURLToPath(dir);
				const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.html'));
				await Promise.all(
					files.map(async (file) => {
						const path = join(root, file);
						const html = await readFile(path, 'utf8');
						const completed = completeCsp(html);
						if (completed !== html) await writeFile(path, completed);
					}),
				);
				logger.info(`Content-Security-Policy completed in ${files.length} pages`);
			},
		},
	};
}
