import { describe, expect, it } from 'vitest';
import { buildCatalogue, headingName, resolveStrategies, strategySchema, type ChapterFile, type Strategy } from '../../src/lib/strategies';

/** A chapter with the given cards: `### Name {#id}` then `<Strategy …>` (or anything else). */
const chapter = (lang: 'en' | 'fr', slug: string, body: string): ChapterFile => ({
	lang,
	slug,
	path: `content/docs/${lang}/${slug}.mdx`,
	source: `---\ntitle: T\n---\nimport { Strategy } from '@components';\n\n## Strategies {#strategies}\n\n${body}`,
});
const cardSource = (heading: string, attributes: string) => `### ${heading}\n\n<Strategy ${attributes}>\nText.\n</Strategy>\n\n`;

const bondEn = chapter(
	'en',
	'building-the-bond',
	cardSource('Greeting at the door {#greeting}', 'id="greeting" factor="bond" evidence="study" time="A few seconds"') +
		cardSource("Learning each student's *interests* {#interests}", 'id="interests" factor="bond" evidence="practice" time="15 minutes"'),
);
const bondFr = chapter(
	'fr',
	'building-the-bond',
	cardSource('L’accueil à la porte {#greeting}', 'id="greeting" factor="bond" evidence="study" time="Quelques secondes"') +
		cardSource('Connaître les intérêts de chaque élève {#interests}', 'id="interests" factor="bond" evidence="practice" time="15 minutes"'),
);
const collabEn = chapter('en', 'building-collaboration', cardSource('Checking in on goals {#goal-check-ins}', 'id="goal-check-ins" factor="collaboration" evidence="practice" time="2 minutes"'));
const collabFr = chapter('fr', 'building-collaboration', cardSource('Faire le point sur les objectifs {#goal-check-ins}', 'id="goal-check-ins" factor="collaboration" evidence="practice" time="2 minutes"'));

/** The catalogue's error lines for the given files (the test fails if it builds). */
function problems(files: ChapterFile[]): string[] {
	try {
		buildCatalogue(files);
	} catch (error) {
		const [header, ...lines] = (error as Error).message.split('\n');
		expect(header).toBe(`Strategy cards: ${lines.length} problem${lines.length === 1 ? '' : 's'}`);
		return lines.map((line) => line.trim());
	}
	throw new Error('the catalogue should have been refused');
}

/** `files` with one file's source edited. */
const edit = (files: ChapterFile[], index: number, change: (source: string) => string) =>
	files.map((file, i) => (i === index ? { ...file, source: change(file.source) } : file));

const manual = [bondEn, collabEn, bondFr, collabFr];

describe('the strategies catalogue, built from the cards', () => {
	it('takes id, page, factor, evidence and time from the card, the name from its heading, in both languages', () => {
		const catalogue = buildCatalogue(manual);
		expect(catalogue.map((entry) => entry.id)).toEqual(['greeting', 'interests', 'goal-check-ins']);
		expect(catalogue[0]).toEqual({
			id: 'greeting',
			page: 'building-the-bond',
			factor: 'bond',
			evidence: 'study',
			name: { en: 'Greeting at the door', fr: 'L’accueil à la porte' },
			time: { en: 'A few seconds', fr: 'Quelques secondes' },
		});
		// As the reader sees the heading: emphasis dropped, apostrophe curled.
		expect(catalogue[1]!.name).toEqual({ en: 'Learning each student’s interests', fr: 'Connaître les intérêts de chaque élève' });
		expect(catalogue[2]).toMatchObject({ page: 'building-collaboration', factor: 'collaboration', name: { fr: 'Faire le point sur les objectifs' } });
		for (const entry of catalogue) expect(strategySchema.parse(entry)).toEqual(entry);
	});

	it('ignores other components and chapters without cards', () => {
		const other = chapter('en', 'about', '## About {#about}\n\n<Cite id="cook2018" />\n');
		expect(buildCatalogue([...manual, other, { ...other, lang: 'fr', path: 'content/docs/fr/about.mdx' }])).toHaveLength(3);
		expect(buildCatalogue([])).toEqual([]);
	});

	it('names the file, line and id of a card missing in the other language', () => {
		expect(problems([bondEn, collabEn, bondFr])).toEqual([
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: no card with this id in French (content/docs/fr/building-collaboration.mdx)',
		]);
		expect(problems([bondEn, bondFr, collabFr])).toEqual([
			'content/docs/fr/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: no card with this id in English (content/docs/en/building-collaboration.mdx)',
		]);
	});

	it('refuses a factor, evidence or page that differs between the languages', () => {
		const files = edit(manual, 2, (source) => source.replace('id="greeting" factor="bond" evidence="study"', 'id="greeting" factor="collaboration" evidence="practice"'));
		expect(problems(files)).toEqual([
			'content/docs/fr/building-the-bond.mdx:10 <Strategy id="greeting">: factor "collaboration" in French but "bond" in English (content/docs/en/building-the-bond.mdx:10)',
			'content/docs/fr/building-the-bond.mdx:10 <Strategy id="greeting">: evidence "practice" in French but "study" in English (content/docs/en/building-the-bond.mdx:10)',
		]);
		const moved = [bondEn, collabEn, { ...bondFr, slug: 'other', path: 'content/docs/fr/other.mdx' }, collabFr];
		expect(problems(moved)).toEqual([
			'content/docs/fr/other.mdx:10 <Strategy id="greeting">: on page "other" in French but "building-the-bond" in English (content/docs/en/building-the-bond.mdx:10)',
			'content/docs/fr/other.mdx:16 <Strategy id="interests">: on page "other" in French but "building-the-bond" in English (content/docs/en/building-the-bond.mdx:16)',
		]);
	});

	it('refuses an id used twice in the manual', () => {
		const twice = { ...collabEn, source: collabEn.source + cardSource('Greeting again {#greeting}', 'id="greeting" factor="bond" evidence="study" time="x"') };
		expect(problems([bondEn, twice, bondFr, collabFr])).toEqual([
			'content/docs/en/building-collaboration.mdx:16 <Strategy id="greeting">: id used twice in the manual (also at content/docs/en/building-the-bond.mdx:10)',
		]);
	});

	it('refuses a card whose heading has another id, no id, or that has no heading', () => {
		expect(problems(edit(manual, 0, (source) => source.replace('{#greeting}', '{#greetings}')))).toEqual([
			'content/docs/en/building-the-bond.mdx:10 <Strategy id="greeting">: the heading above it (line 8, "Greeting at the door") has id "greetings"; it must end with {#greeting}',
		]);
		expect(problems(edit(manual, 0, (source) => source.replace(' {#greeting}', '')))).toEqual([
			'content/docs/en/building-the-bond.mdx:10 <Strategy id="greeting">: the heading above it (line 8, "Greeting at the door") has no {#id}; it must end with {#greeting}',
		]);
		const headless = { ...collabEn, source: '<Strategy id="goal-check-ins" factor="collaboration" evidence="practice" time="2 minutes">\n</Strategy>\n' };
		expect(problems([bondEn, headless, bondFr, collabFr])).toEqual([
			'content/docs/en/building-collaboration.mdx:1 <Strategy id="goal-check-ins">: no heading above the card (put it right under "### Name {#goal-check-ins}")',
		]);
		expect(problems(edit(manual, 1, (source) => source.replace('### Checking in on goals {#goal-check-ins}', '### {#goal-check-ins}')))).toEqual([
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: the heading above it has no text',
		]);
	});

	it('refuses a card without id, or with a missing or unknown factor, evidence or time', () => {
		expect(problems(edit(manual, 1, (source) => source.replace('id="goal-check-ins" ', '')))).toEqual([
			'content/docs/en/building-collaboration.mdx:10 <Strategy>: no id (it must be the {#id} of the heading above the card)',
			'content/docs/fr/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: no card with this id in English (content/docs/en/building-collaboration.mdx)',
		]);
		expect(problems(edit(manual, 1, (source) => source.replace('factor="collaboration" evidence="practice" time="2 minutes"', 'time=" "')))).toEqual([
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: no factor (factor="bond" or "collaboration")',
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: no evidence (evidence="study" or "practice")',
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: no time (time="…": how long it takes, in words)',
		]);
		const unknown = (source: string) => source.replace('factor="collaboration" evidence="practice"', 'factor="trust" evidence="research"');
		expect(problems(edit(edit(manual, 1, unknown), 3, unknown))).toEqual([
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: unknown factor "trust" (one of "bond", "collaboration")',
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: unknown evidence "research" (one of "study", "practice")',
			'content/docs/fr/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: unknown factor "trust" (one of "bond", "collaboration")',
			'content/docs/fr/building-collaboration.mdx:10 <Strategy id="goal-check-ins">: unknown evidence "research" (one of "study", "practice")',
		]);
	});

	it('refuses an id that is not lowercase words joined by hyphens', () => {
		const upper = (source: string) => source.replaceAll('goal-check-ins', 'Goal_Check');
		expect(problems(edit(edit(manual, 1, upper), 3, upper))).toEqual([
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="Goal_Check">: ids are lowercase letters and digits joined by hyphens',
			'content/docs/en/building-collaboration.mdx:10 <Strategy id="Goal_Check">: the heading above it (line 8, "Checking in on goals {#Goal_Check}") has no {#id}; it must end with {#Goal_Check}',
			'content/docs/fr/building-collaboration.mdx:10 <Strategy id="Goal_Check">: ids are lowercase letters and digits joined by hyphens',
			'content/docs/fr/building-collaboration.mdx:10 <Strategy id="Goal_Check">: the heading above it (line 8, "Faire le point sur les objectifs {#Goal_Check}") has no {#id}; it must end with {#Goal_Check}',
		]);
	});
});

describe('a heading as the reader sees it', () => {
	it('drops Markdown markers and curls quotation marks', () => {
		expect(headingName('Learning each student\'s **interests**')).toBe('Learning each student’s interests');
		expect(headingName('The [`2 × 10`](/en/x/) idea, "in short"')).toBe('The 2 × 10 idea, “in short”');
		expect(headingName('  _Small_   rituals ')).toBe('Small rituals');
		expect(headingName('Les conversations 2\u00a0×\u00a010')).toBe('Les conversations 2\u00a0×\u00a010');
	});
});

describe('resolving strategy ids', () => {
	const catalogue: Strategy[] = buildCatalogue(manual);

	it('returns the entries in the order asked', () => {
		expect(resolveStrategies(['goal-check-ins', 'greeting'], catalogue, 'x').map((entry) => entry.name.en)).toEqual(['Checking in on goals', 'Greeting at the door']);
		expect(resolveStrategies([], catalogue, 'x')).toEqual([]);
	});

	it('names who asked, and the unknown ids, with the known ones', () => {
		expect(() => resolveStrategies(['greeting', 'greetings'], catalogue, 'content/instruments/cwai-teacher.yaml scores.0.strategies')).toThrow(
			'content/instruments/cwai-teacher.yaml scores.0.strategies: unknown strategy id "greetings" (known: greeting, interests, goal-check-ins)',
		);
		expect(() => resolveStrategies(['a', 'b'], [], 'plan')).toThrow('plan: unknown strategy ids "a", "b" (known: none)');
	});

	it('refuses an id listed twice', () => {
		expect(() => resolveStrategies(['greeting', 'interests', 'greeting'], catalogue, 'plan')).toThrow('plan: strategy id "greeting" listed twice');
	});
});
