import { describe, expect, it } from 'vitest';
import { pageOfPath, parseQuerySet, scoreQuery, summarise, type SearchQuery } from '../../src/lib/search-quality';

const query = (q: string, page: string, section?: string): SearchQuery => ({ q, page, section, who: 'teacher' });
const valid = { floor: { top3: 0.95, mrr5: 0.85 }, en: [{ q: 'norms', page: 'using-results', who: 'teacher' }], fr: [{ q: 'normes', page: 'using-results', section: 'what-scores-are-not', who: 'trainer' }] };

describe('the query file', () => {
	it('reads queries in both languages and the floor', () => {
		const set = parseQuerySet(valid);
		expect(set.floor).toEqual({ top3: 0.95, mrr5: 0.85 });
		expect(set.fr[0]).toEqual({ q: 'normes', page: 'using-results', section: 'what-scores-are-not', who: 'trainer', note: undefined });
	});

	it('names the entry and the field at fault', () => {
		const bad = (change: object) => () => parseQuerySet({ ...valid, ...change }, 'q.json');
		expect(() => parseQuerySet(null, 'q.json')).toThrow('q.json: (root): expected an object');
		expect(bad({ floor: { top3: 0.8, mrr5: 0.9 } })).toThrow('q.json: floor.top3: a share between 0.9 and 1');
		expect(bad({ floor: { top3: 0.95 } })).toThrow('q.json: floor.mrr5: a share between 0.5 and 1');
		expect(bad({ en: [] })).toThrow('q.json: en: a list of queries');
		expect(bad({ en: [{ q: ' ', page: 'x', who: 'teacher' }] })).toThrow('q.json: en[0].q: the words a reader types');
		expect(bad({ en: [{ q: 'a', page: 'x', who: 'teacher' }, { q: 'A ', page: 'y', who: 'teacher' }] })).toThrow('q.json: en[1].q: "A" is listed twice');
		expect(bad({ fr: [{ q: 'a', page: '/fr/x/', who: 'teacher' }] })).toThrow('q.json: fr[0].page: a page slug');
		expect(bad({ fr: [{ q: 'a', page: 'x', section: '#top', who: 'teacher' }] })).toThrow('q.json: fr[0].section: a section id');
		expect(bad({ fr: [{ q: 'a', page: 'x', who: 'parent' }] })).toThrow('q.json: fr[0].who: one of teacher, trainer, administrator, support-staff');
		expect(bad({ fr: [null] })).toThrow('q.json: fr[0].q');
	});
});

describe('result addresses', () => {
	it('turns an address into the page slug of its language', () => {
		expect(pageOfPath('/en/building-the-bond/', 'en')).toBe('building-the-bond');
		expect(pageOfPath('/cwam/fr/training/session-repair/', 'fr')).toBe('training/session-repair');
		expect(pageOfPath('/fr/', 'fr')).toBe('index');
		expect(pageOfPath('/en/about/index.html', 'en')).toBe('about');
	});

	it('never matches a page of the other language', () => {
		expect(pageOfPath('/fr/about/', 'en')).toBe('/fr/about/');
		expect(pageOfPath('/elsewhere', 'en')).toBe('/elsewhere');
	});
});

describe('scoring', () => {
	it('finds the expected page’s rank and section', () => {
		const shown = { pages: ['glossary', 'using-results', 'about'], sections: { 'using-results': ['comparing-students', 'what-scores-are-not'] } };
		expect(scoreQuery(query('norms', 'using-results', 'what-scores-are-not'), shown)).toMatchObject({ rank: 2, section: true, top: ['glossary', 'using-results', 'about'] });
		expect(scoreQuery(query('norms', 'using-results', 'next-steps'), shown)).toMatchObject({ rank: 2, section: false });
		expect(scoreQuery(query('norms', 'using-results'), shown)).toMatchObject({ rank: 2, section: null });
		expect(scoreQuery(query('x', 'school-wide', 'a'), shown)).toMatchObject({ rank: null, section: false });
	});

	it('summarises top 1, top 3, MRR at 5, sections, and lists the misses', () => {
		const pages = ['a', 'b', 'c', 'd', 'e', 'f'];
		const outcomes = ['a', 'c', 'e', 'f', 'z'].map((page) => scoreQuery(query(page, page, page === 'a' ? 's' : undefined), { pages, sections: { a: ['s'] } }));
		const summary = summarise(outcomes);
		expect(summary).toMatchObject({ queries: 5, top1: 0.2, top3: 0.4, sectionQueries: 1, sectionsFound: 1 });
		expect(summary.mrr5).toBeCloseTo((1 + 1 / 3 + 1 / 5) / 5);
		expect(summary.misses.map((o) => o.query.q)).toEqual(['e', 'f', 'z']);
		expect(summarise([])).toMatchObject({ queries: 0, top3: 0, mrr5: 0 });
	});
});
