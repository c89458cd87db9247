import { describe, expect, it } from 'vitest';
import { apaText, apaToHtml, citationLabel, parseCiteIds, referenceSchema, sortReferences } from '../../src/lib/references';

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
		const noYear = referenceSchema.safeParse({ cite: { en: 'X', fr: 'X' }, apa: 'X, Y. (2001). Title.' });
		expect(noYear.success).toBe(false);
		expect(noYear.error?.issues[0]).toMatchObject({ path: ['year'], message: expect.stringMatching(/a work needs its year/) });
		const noApa = referenceSchema.safeParse({ cite: { en: 'X', fr: 'X' }, year: 2001 });
		expect(noApa.error?.issues[0]).toMatchObject({ path: ['apa'], message: expect.stringMatching(/the full reference \(APA\)/) });
	});

	it('cites a law by name and article, with no year, its full reference in each language', () => {
		const law = referenceSchema.parse({
			kind: 'law',
			cite: { en: 'Youth Protection Act, art. 39', fr: 'Loi sur la protection de la jeunesse, art. 39' },
			apa: { en: 'Youth Protection Act, CQLR c. P-34.1.', fr: 'Loi sur la protection de la jeunesse, RLRQ c. P-34.1.' },
		});
		expect(citationLabel(law, 'en')).toBe('Youth Protection Act, art. 39');
		expect(citationLabel(law, 'fr')).toBe('Loi sur la protection de la jeunesse, art. 39');
		expect(apaText(law, 'fr')).toBe('Loi sur la protection de la jeunesse, RLRQ c. P-34.1.');
		expect(apaText(cook, 'fr')).toBe(cook.apa);
		expect(cook.kind).toBe('work');
		expect(referenceSchema.safeParse({ kind: 'law', cite: { en: 'A', fr: 'A' }, apa: { en: 'Too short' } }).success).toBe(false);
	});
});

describe('APA rendering', () => {
	it('italicises *marked* parts and links DOIs, escaping HTML', () => {
		expect(apaToHtml(apaText(cook, 'en'))).toBe('Cook, C. R. (2018). Title. <em>Journal, 20</em>(3), 149–159.');
		expect(apaToHtml(apaText(hamre, 'en'))).toBe('Hamre, B. K., &amp; Pianta, R. C. (2001). T. <a href="https://doi.org/10.1111/x">https://doi.org/10.1111/x</a>');
		expect(apaToHtml('A <b> (2000).')).toBe('A &lt;b&gt; (2000).');
	});

	it('orders references by author', () => {
		const sorted = sortReferences(
			[
				{ id: 'cook2018', data: cook },
				{ id: 'hamre2001', data: hamre },
				{ id: 'allen', data: { ...cook, apa: 'Allen, J. P. (2011). T.' } },
			],
			'en',
		);
		expect(sorted.map((ref) => ref.id)).toEqual(['allen', 'cook2018', 'hamre2001']);
	});

	it('orders a law by its name in the reader’s language, and the same author by year', () => {
		const law = referenceSchema.parse({
			kind: 'law',
			cite: { en: 'Youth Protection Act', fr: 'Loi sur la protection de la jeunesse' },
			apa: { en: 'Youth Protection Act, CQLR c. P-34.1.', fr: 'Loi sur la protection de la jeunesse, RLRQ c. P-34.1.' },
		});
		const refs = [
			{ id: 'lpj', data: law },
			{ id: 'hamre2001', data: hamre },
			{ id: 'cook2018', data: cook },
			{ id: 'roorda2011', data: { ...cook, apa: 'Roorda, D. L. (2011). T.' } },
		];
		expect(sortReferences(refs, 'en').map((ref) => ref.id)).toEqual(['cook2018', 'hamre2001', 'roorda2011', 'lpj']);
		expect(sortReferences(refs, 'fr').map((ref) => ref.id)).toEqual(['cook2018', 'hamre2001', 'lpj', 'roorda2011']);
		const same = [
			{ id: 'b', data: { ...cook, year: 2015 } },
			{ id: 'a', data: { ...cook, year: 2010 } },
		];
		expect(sortReferences(same, 'fr').map((ref) => ref.id)).toEqual(['a', 'b']);
	});
});
