import { describe, expect, it } from 'vitest';
import { printUrl, withBase } from '../../src/lib/base-path';

describe('withBase', () => {
	it('prefixes root-relative links with the base path', () => {
		expect(withBase('/en/building-the-bond/#greeting', '/cwam/')).toBe('/cwam/en/building-the-bond/#greeting');
		expect(withBase('/fr/', '/cwam')).toBe('/cwam/fr/');
	});

	it('leaves links alone at the root, and links already based', () => {
		expect(withBase('/en/about/', '/')).toBe('/en/about/');
		expect(withBase('/cwam/en/about/', '/cwam/')).toBe('/cwam/en/about/');
	});

	it('leaves external, protocol-relative, relative and hash links alone', () => {
		for (const url of ['https://doi.org/10.1037/h0085885', '//example.org/x', '../about/', '#greeting', 'mailto:a@b.c']) {
			expect(withBase(url, '/cwam/')).toBe(url);
		}
	});
});

describe('printUrl', () => {
	it('gives the full address of site and external links', () => {
		expect(printUrl('/cwam/en/about/', 'https://example.org')).toBe('https://example.org/cwam/en/about/');
		expect(printUrl('https://doi.org/10.1037/h0085885', 'https://example.org')).toBe('https://doi.org/10.1037/h0085885');
	});

	it('gives none for links within the page', () => {
		expect(printUrl('#greeting', 'https://example.org')).toBeUndefined();
		expect(printUrl('', 'https://example.org')).toBeUndefined();
	});
});
