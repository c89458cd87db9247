import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pageToolsPath, pageToolsUrl } from '../../src/lib/page-tools';

describe('pageToolsUrl', () => {
	it('is the language’s page tools under the base path, with or without its trailing slash', () => {
		expect(pageToolsUrl('/', 'fr')).toBe('/fr/page-tools/');
		expect(pageToolsUrl('/cwam', 'en')).toBe('/cwam/en/page-tools/');
		expect(pageToolsUrl('/cwam/', 'en')).toBe('/cwam/en/page-tools/');
	});

	it('names the page that exists', () => {
		expect(readFileSync(`src/pages/[lang]/${pageToolsPath}.astro`, 'utf8')).toContain('template data-present-controls');
	});
});
