// Deploying under a sub-path must work: build with BASE_PATH=/cwam/ into a temporary folder and
// fail if any page links or loads a root-relative URL outside /cwam/ (a link that would 404 there).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const base = '/cwam/';
const outDir = mkdtempSync(join(tmpdir(), 'cwam-base-'));
try {
	execFileSync(join('node_modules', '.bin', 'astro'), ['build', '--outDir', outDir], {
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: base, SITE_URL: 'https://example.org' },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const pages = readdirSync(outDir, { recursive: true }).filter((file) => String(file).endsWith('.html'));
	const problems = [];
	for (const page of pages) {
		const html = readFileSync(join(outDir, String(page)), 'utf8');
		for (const [, attr, url] of html.matchAll(/\s(href|src|action)="(\/[^"]*)"/g)) {
			if (!url.startsWith('//') && !url.startsWith(base)) problems.push(`${page}: ${attr}="${url}"`);
		}
	}
	if (pages.length < 3) problems.push(`only ${pages.length} pages were built`);
	if (problems.length > 0) {
		console.error(`Links outside the base path ${base}:\n  ${problems.slice(0, 40).join('\n  ')}`);
		process.exit(1);
	}
	console.log(`Base path ${base}: ${pages.length} pages, every root-relative link stays under it.`);
} finally {
	rmSync(outDir, { recursive: true, force: true });
}
