import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/lib/base-path';

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
