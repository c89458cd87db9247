import { describe, expect, it } from 'vitest';
import { fileSize, pdfFactsText } from '../../../src/lib/pdf/facts';

describe('a PDF’s size and pages, as readers write them', () => {
	it('writes sizes in each language', () => {
		expect(fileSize(22_882, 'en')).toBe('23\u00a0KB');
		expect(fileSize(300, 'en')).toBe('1\u00a0KB');
		expect(fileSize(1_232_026, 'en')).toBe('1.2\u00a0MB');
		expect(fileSize(1_328_899, 'fr')).toBe('1,3\u00a0Mo');
		expect(fileSize(999_400, 'fr')).toBe('999\u00a0ko');
	});

	it('says one page or many', () => {
		const templates = { one: '{size}, 1 page', many: '{size}, {pages} pages' };
		expect(pdfFactsText({ bytes: 21_000, pages: 1 }, 'en', templates)).toBe('21\u00a0KB, 1 page');
		expect(pdfFactsText({ bytes: 1_232_026, pages: 1078 }, 'en', templates)).toBe('1.2\u00a0MB, 1,078 pages');
	});
});
