import { describe, expect, it } from 'vitest';
import { chapterAnchor, chapterKey, sectionAnchor, shareChapterHtml, sharedTarget } from '../../src/lib/chapter-anchors';

const chapters = new Set(['building-the-bond', 'training/handouts', 'self-check', 'index']);

describe('anchors in a shared document', () => {
	it('names a chapter and its sections after the chapter', () => {
		expect(chapterKey('/training/handouts/')).toBe('training-handouts');
		expect(chapterAnchor('training/handouts')).toBe('chapter-training-handouts');
		expect(sectionAnchor('training/handouts', 'handout-session-1')).toBe('training-handouts--handout-session-1');
	});

	it('keeps links to gathered chapters in the document, and others out', () => {
		const options = { lang: 'en' as const, slug: 'self-check', chapters };
		expect(sharedTarget('/en/building-the-bond/#greeting', options)).toBe('building-the-bond--greeting');
		expect(sharedTarget('/en/training/handouts/', options)).toBe('chapter-training-handouts');
		expect(sharedTarget('/en/', options)).toBe('chapter-index');
		expect(sharedTarget('#take-the-check', options)).toBe('self-check--take-the-check');
		expect(sharedTarget('#', options)).toBeUndefined();
		expect(sharedTarget('/fr/building-the-bond/', options)).toBeUndefined();
		expect(sharedTarget('/en/glossary/', options)).toBeUndefined();
		expect(sharedTarget('/en/my-students/?strategy=greeting#plan', options)).toBeUndefined();
		expect(sharedTarget('https://example.org/en/building-the-bond/', options)).toBeUndefined();
		expect(sharedTarget('#take-the-check', { ...options, chapters: new Set() })).toBeUndefined();
	});

	it('reads links written with the base path', () => {
		expect(sharedTarget('/cwam/en/building-the-bond/#greeting', { lang: 'en', slug: 'x', chapters, base: '/cwam' })).toBe('building-the-bond--greeting');
	});

	it('prefixes ids and the attributes naming them, and points links into the page', () => {
		const html =
			'<h2 id="what"><a href="#what">What</a></h2><label for="name">N</label><div aria-labelledby="what name">' +
			'<a href="/en/building-the-bond/#greeting">G</a><a href="/en/glossary/">Gl</a><a href="/en/my-students/?strategy=x&amp;y=1#plan">P</a></div>';
		expect(shareChapterHtml(html, { lang: 'en', slug: 'self-check', chapters })).toBe(
			'<h2 id="self-check--what"><a href="#self-check--what">What</a></h2><label for="self-check--name">N</label><div aria-labelledby="self-check--what self-check--name">' +
				'<a href="#building-the-bond--greeting">G</a><a href="/en/glossary/">Gl</a><a href="/en/my-students/?strategy=x&amp;y=1#plan">P</a></div>',
		);
	});

	it('leaves the self-check widgets’ own ids alone', () => {
		const html = '<fieldset id="sc-cwai-teacher-b1" aria-describedby="sc-cwai-teacher-hint note"></fieldset><a href="#sc-cwai-teacher-b1">x</a>';
		expect(shareChapterHtml(html, { lang: 'en', slug: 'self-check', chapters })).toBe(
			'<fieldset id="sc-cwai-teacher-b1" aria-describedby="sc-cwai-teacher-hint self-check--note"></fieldset><a href="#sc-cwai-teacher-b1">x</a>',
		);
	});
});
