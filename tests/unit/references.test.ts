import { describe, expect, it } from 'vitest';
import { apaToHtml, citationLabel, parseCiteIds, referenceSchema, sortReferences } from '../../src/lib/references';

const cook = referenceSchema.parse({ cite: { en: 'Cook et al.', fr: 'Cook et al.' }, year: 2018, apa: 'Cook, C. R. (2018). Title. *Journal, 20*(3), 149–159.' });
const hamre = referenceSchema.parse({ cite: { en: 'Hamre & Pianta', fr: 'Hamre et Pianta' }, year: 2001, apa: 'Hamre, B. K., & Pianta, R. C. (2001). T. https://doi.org/10.1111/x' });

describe('citations', () => {
	it('labels a citation in the reader’s language', () => {
		expect(citationLabel(hamre, 'en')).toBe('Hamre & Pianta, 2001');
		expect(citationLabel(hamre, 'fr')).toBe('Hamre et Pianta, 2001');
	});

	it('splits several ids and refuses none', () => {
		expect(parseCiteIds('hamre2001  roorda2011,toste2015')).toEqual(['hamre2001', 'roorda2011', 'toste2015']);
		expect(() => parseCiteIds('  ')).toThrow(/at least one reference id/);
	});

	it('rejects a reference without its French citation or year', () => {
		expect(referenceSchema.safeParse({ cite: { en: 'X' }, year: 2001, apa: 'X, Y. (2001). Title.' }).success).toBe(false);
		expect(referenceSchema.safeParse({ cite: { en: 'X', fr: 'X' }, apa: 'X, Y. (2001). Title.' }).success).toBe(false);
	});
});

describe('APA rendering', () => {
	it('italicises *marked* parts and links DOIs, escaping HTML', () => {
		expect(apaToHtml(cook.apa)).toBe('Cook, C. R. (2018). Title. <em>Journal, 20</em>(3), 149–159.');
		expect(apaToHtml(hamre.apa)).toBe('Hamre, B. K., &amp; Pianta, R. C. (2001). T. <a href="https://doi.org/10.1111/x">https://doi.org/10.1111/x</a>');
		expect(apaToHtml('A <b> (2000).')).toBe('A &lt;b&gt; (2000).');
	});

	it('orders references by author', () => {
		const sorted = sortReferences([
			{ id: 'cook2018', data: cook },
			{ id: 'hamre2001', data: hamre },
			{ id: 'allen', data: { ...cook, apa: 'Allen, J. P. (2011). T.' } },
		]);
		expect(sorted.map((ref) => ref.id)).toEqual(['allen', 'cook2018', 'hamre2001']);
	});
});
