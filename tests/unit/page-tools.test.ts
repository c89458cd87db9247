import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageToolsPath, pageToolsUrl } from '../../src/lib/page-tools';

describe('pageToolsUrl', () => {
	it('is the language’s page tools under the base path, with or without its trailing slash', () => {
		expect(pageToolsUrl('/', 'fr')).toBe('/fr/page-tools/');
		expect(pageToolsUrl('/cwam', 'en')).toBe('/cwam/en/page-tools/');
		expect(pageToolsUrl('/cwam/', 'en')).toBe('/cwam/en/page-tools/');
	});

	it('is the address the browser code builds for itself (offline notice, presentation view)', () => {
		// Both build `${base}${lang}/page-tools/` from the page's <html lang> and the base path.
		for (const file of ['src/client/offline.ts', 'src/client/chapter-tools.ts']) {
			const source = readFileSync(file, 'utf8');
			expect(source, file).toContain(`}\${document.documentElement.lang}/${pageToolsPath}/\``);
			expect(source, file).toMatch(/import\.meta\.env\.BASE_URL\.replace\(\/\\\/\?\$\/, '\/'\)/);
		}
	});

	it('names the page that exists', () => {
		expect(readFileSync(`src/pages/[lang]/${pageToolsPath}.astro`, 'utf8')).toContain('template data-present-controls');
	});
});
