import { describe, expect, it } from 'vitest';
import { localeOf, pageUrl } from '../../src/lib/site-paths';

describe('pageUrl', () => {
	it('builds language-prefixed paths with a trailing slash', () => {
		expect(pageUrl('en', 'building-the-bond', '/')).toBe('/en/building-the-bond/');
		expect(pageUrl('fr', 'worksheets/goal-agreement', '/')).toBe('/fr/worksheets/goal-agreement/');
	});

	it('maps the home page to the language root', () => {
		expect(pageUrl('fr', 'index', '/')).toBe('/fr/');
		expect(pageUrl('en', '', '/')).toBe('/en/');
	});

	it('honours a deployment base path, with or without its slash', () => {
		expect(pageUrl('en', 'about', '/cwam/')).toBe('/cwam/en/about/');
		expect(pageUrl('en', 'about', '/cwam')).toBe('/cwam/en/about/');
	});
});

describe('localeOf', () => {
	it('narrows Astro locales to ours, English by default', () => {
		expect(localeOf('fr')).toBe('fr');
		expect(localeOf('en')).toBe('en');
		expect(localeOf(undefined)).toBe('en');
	});
});
