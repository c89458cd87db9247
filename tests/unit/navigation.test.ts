import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { allChapters, buildSidebar, findChapter, parseNavigation } from '../../src/lib/navigation';

const realNavigation = JSON.parse(readFileSync('content/navigation.json', 'utf8'));

describe('parseNavigation', () => {
	it('accepts the project navigation, groups labelled in both languages', () => {
		const nav = parseNavigation(realNavigation);
		expect(nav.groups.length).toBeGreaterThan(3);
		expect(findChapter(nav, 'building-the-bond')).toMatchObject({ type: 'strategy', minWords: 2000 });
	});

	it('names the file and field of a missing translation', () => {
		const bad = { groups: [{ label: { en: 'Start' }, chapters: [{ slug: 'index', type: 'resource' }] }] };
		expect(() => parseNavigation(bad, 'nav.json')).toThrow(/nav\.json: groups\.0\.label\.fr/);
	});

	it('rejects an unknown chapter type and a malformed slug', () => {
		const bad = { groups: [{ label: { en: 'A', fr: 'B' }, chapters: [{ slug: 'Bad Slug', type: 'novel' }] }] };
		const error = (() => {
			try {
				parseNavigation(bad);
			} catch (e) {
				return String(e);
			}
		})();
		expect(error).toMatch(/groups\.0\.chapters\.0\.slug/);
		expect(error).toMatch(/groups\.0\.chapters\.0\.type/);
	});

	it('rejects a chapter listed twice', () => {
		const chapter = { slug: 'about', type: 'resource' };
		const bad = { groups: [{ label: { en: 'A', fr: 'B' }, chapters: [chapter, chapter] }] };
		expect(() => parseNavigation(bad)).toThrow(/groups\.0\.chapters\.1\.slug: "about" is listed twice/);
	});
});

describe('buildSidebar', () => {
	const nav = parseNavigation({
		groups: [
			{ label: { en: 'Start', fr: 'Départ' }, chapters: [{ slug: 'index', type: 'resource' }, { slug: 'about', type: 'resource' }] },
			{ label: { en: 'Later', fr: 'Plus tard' }, chapters: [{ slug: 'unwritten', type: 'strategy' }] },
		],
	});

	it('translates group labels and keeps the chapter order', () => {
		expect(buildSidebar(nav, () => true)).toEqual([
			{ label: 'Start', translations: { fr: 'Départ' }, items: ['index', 'about'] },
			{ label: 'Later', translations: { fr: 'Plus tard' }, items: ['unwritten'] },
		]);
	});

	it('leaves out chapters not yet written, and groups left empty', () => {
		expect(buildSidebar(nav, (slug) => slug !== 'unwritten' && slug !== 'about')).toEqual([
			{ label: 'Start', translations: { fr: 'Départ' }, items: ['index'] },
		]);
	});

	it('lists every chapter once', () => {
		expect(allChapters(nav).map((chapter) => chapter.slug)).toEqual(['index', 'about', 'unwritten']);
	});
});
