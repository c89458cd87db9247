import { describe, expect, it } from 'vitest';
import {
	citations,
	components,
	countWords,
	findInProse,
	frenchSpacingProblems,
	frenchTypographyProblems,
	headings,
	joinProse,
	masculineGenerics,
	prose,
	proseLines,
	quotationsWithVous,
	sentences,
	splitFrontmatter,
	stylePattern,
	type ProseLine,
} from '../../src/lib/chapter-source';

const chapter = `---
title: Building the bond
description: "Small moments, every day."
---
import { Cite, Strategy, StrategyPart } from '@components';

## Everyday moments {#everyday-moments}

A warm start matters <Cite id="cook2018" />, see [the self-check](/en/self-check/).

### Greeting at the door {#greeting}

<Strategy id="greeting" factor="bond" time="A few seconds">
<StrategyPart kind="what">

Stand **at the door**.

</StrategyPart>
</Strategy>

\`\`\`md
## Not a heading
\`\`\`

## Missing id
`;

describe('splitFrontmatter', () => {
	it('reads top-level keys and unquotes values', () => {
		const { data, body } = splitFrontmatter(chapter);
		expect(data).toEqual({ title: 'Building the bond', description: 'Small moments, every day.' });
		expect(body.startsWith('import')).toBe(true);
	});

	it('treats a file without front matter as all body', () => {
		expect(splitFrontmatter('# Hi\n')).toEqual({ data: {}, body: '# Hi\n', bodyStartLine: 1 });
	});
});

describe('headings', () => {
	it('finds h2 and h3 with their ids and lines, skipping code blocks', () => {
		expect(headings(chapter)).toEqual([
			{ depth: 2, text: 'Everyday moments', id: 'everyday-moments', line: 7 },
			{ depth: 3, text: 'Greeting at the door', id: 'greeting', line: 11 },
			{ depth: 2, text: 'Missing id', id: undefined, line: 25 },
		]);
	});
});

describe('components and citations', () => {
	it('lists component uses in order, with attributes', () => {
		expect(components(chapter).map((use) => [use.name, use.attributes])).toEqual([
			['Cite', { id: 'cook2018' }],
			['Strategy', { id: 'greeting', factor: 'bond', time: 'A few seconds' }],
			['StrategyPart', { kind: 'what' }],
		]);
	});

	it('reads expression and boolean attributes', () => {
		expect(components('<WriteLines lines={4} />\n<Cite id="a b" narrative />')[1]!.attributes).toEqual({ id: 'a b', narrative: 'true' });
		expect(components('<WriteLines lines={4} />')[0]!.attributes).toEqual({ lines: '4' });
	});

	it('splits multi-key citations', () => {
		expect(citations('<Cite id="hamre2001 roorda2011" /> and <Cite id="cook2018" narrative />')).toEqual(['hamre2001', 'roorda2011', 'cook2018']);
	});
});

describe('prose and word counts', () => {
	it('keeps what a reader reads and drops markup', () => {
		const text = prose(chapter);
		expect(text).toContain('A warm start matters');
		expect(text).toContain('the self-check');
		expect(text).toContain('A few seconds');
		expect(text).not.toMatch(/import|<Strategy|\{#|\/en\/self-check|\*\*|Not a heading/);
	});

	it('counts words, not punctuation or markers', () => {
		expect(countWords('Stand at the door — every day, 2 × 10 !')).toBe(8);
		expect(countWords('  ')).toBe(0);
	});
});

describe('frenchTypographyProblems', () => {
	it('accepts Quebec typography', () => {
		expect(frenchTypographyProblems('Pourquoi\u202f? Voici\u00a0: «\u00a0le lien\u00a0». Bravo\u202f! Et\u202f; puis 10:30.')).toEqual([]);
	});

	it('flags straight quotes, missing spaces and plain spaces', () => {
		const problems = frenchTypographyProblems('Il dit "oui". Pourquoi ? Voici: «le lien». Bravo!');
		expect(problems.filter((p) => p.startsWith('straight quote'))).toHaveLength(2);
		expect(problems.filter((p) => p.startsWith('no no-break space before "'))).toHaveLength(3);
		expect(problems.some((p) => p.startsWith('no no-break space after «'))).toBe(true);
		expect(problems.some((p) => p.startsWith('no no-break space before »'))).toBe(true);
	});
});

describe('proseLines', () => {
	it('keeps the file’s line numbers through front matter, components, links and asides', () => {
		const lines = proseLines(chapter);
		const at = (line: number) => lines.filter((entry) => entry.line === line).map((entry) => entry.text);
		expect(at(2)).toEqual(['Building the bond']);
		expect(at(3)).toEqual(['Small moments, every day.']);
		expect(at(5)).toEqual(['']); // the import
		expect(at(7)).toEqual(['Everyday moments']);
		expect(at(9)).toEqual(['A warm start matters , see the self-check.']);
		expect(at(16)).toEqual(['Stand at the door.']);
		expect(at(24)).toEqual(['']); // inside the code fence
		expect(lines.at(-1)).toEqual({ line: 13, text: 'A few seconds', start: true });
	});

	it('marks where blocks start: headings, list items, blank lines, asides, table cells', () => {
		const source = [
			':::note[An example (invented)]',
			'First line',
			'goes on.',
			':::',
			'',
			'- An item',
			'  continued.',
			'1. A step',
			'> Quoted',
			'| Minutes | Activity |',
			'| --- | :-: |',
			'| 5 | Welcome |',
			'{/* a comment',
			'over two lines */}',
			'Text <span>with</span> `code`, **bold**, _it_, snake_case and https://example.org/x.',
			'<Strategy id="x"',
			'  factor="bond" time="Two minutes">',
			'<Cite id="bordin1979" narrative /> named it.',
			'<StartLink title="Read" description="Why it matters." href="/en/" />',
		].join('\n');
		const lines = proseLines(source);
		expect(lines.map((entry) => [entry.line, entry.text, entry.start])).toEqual([
			[1, 'An example (invented)', true],
			[2, 'First line', true],
			[3, 'goes on.', false],
			[4, '', true],
			[5, '', true],
			[6, 'An item', true],
			[7, 'continued.', false],
			[8, 'A step', true],
			[9, 'Quoted', true],
			[10, 'Minutes', true],
			[10, 'Activity', true],
			[12, '5', true],
			[12, 'Welcome', true],
			[13, '', true],
			[14, '', true],
			[15, 'Text with , bold, it, snake_case and', false],
			[16, '', true],
			[17, '', true],
			[18, 'Ref named it.', false], // continues the block the tag line started
			[19, '', true],
			[16, 'Two minutes', true],
			[19, 'Read', true],
			[19, 'Why it matters.', true],
		]);
	});
});

const entries = (...texts: string[]): ProseLine[] => texts.map((text, i) => ({ line: i + 1, text, start: text === '' }));

describe('joinProse and findInProse', () => {
	it('joins the lines of a block with spaces and blocks with line breaks', () => {
		const { text, lineAt } = joinProse(entries('plus souvent', 'qu’autrement', '', 'fin'));
		expect(text).toBe('plus souvent qu’autrement\n fin');
		expect(lineAt(0).line).toBe(1);
		expect(lineAt(14).line).toBe(2);
		expect(lineAt(text.length - 1).line).toBe(4);
	});

	it('finds a phrase broken over two lines, on the line where it starts', () => {
		expect(findInProse(entries('Elle réussit plus souvent', 'qu’autrement.'), /plus souvent qu['’]autrement/i)).toEqual([
			{ line: 1, match: 'plus souvent qu’autrement', text: 'Elle réussit plus souvent' },
		]);
		expect(findInProse(entries('a b', 'a'), /a/g).map((found) => found.line)).toEqual([1, 2]);
	});
});

describe('stylePattern', () => {
	it('treats accented letters as letters at a word boundary', () => {
		expect('Vous êtes épuisé.'.match(stylePattern('\\bépuisé\\b'))).toEqual(['épuisé']);
		expect('épuisée'.match(stylePattern('\\bépuisé\\b'))).toBeNull();
		expect('les MATHS'.match(stylePattern('\\bmaths\\b'))).toEqual(['MATHS']);
		expect('\\\\b'.match(stylePattern('\\\\b'))).toEqual(['\\b']);
	});
});

describe('sentences', () => {
	const split = (...texts: string[]) => sentences(entries(...texts)).map((sentence) => [sentence.line, sentence.words, sentence.text]);

	it('ends a sentence at . ? ! … before a capital, a quotation mark or a digit, even across lines', () => {
		expect(split('Un. Deux ? « Trois » ! Quatre… 5 élèves.', 'Six', 'sept. (Huit)')).toEqual([
			[1, 1, 'Un.'],
			[1, 1, 'Deux ?'],
			[1, 1, '« Trois » !'],
			[1, 1, 'Quatre…'],
			[1, 2, '5 élèves.'],
			[2, 2, 'Six sept.'],
			[3, 1, '(Huit)'],
		]);
	});

	it('does not end a sentence after an abbreviation, an initial or inside a number', () => {
		expect(split('M. Roy et Mme Lee. Mr. Lee and Ms. Roy read it.')).toHaveLength(2);
		expect(split('Toste et al. 2015 found it. Hamre et al. (2001) too.')).toHaveLength(2);
		expect(split('Des moments, p. ex. Le matin ou E.g. Monday, i.e. Today.')).toEqual([[1, 11, 'Des moments, p. ex. Le matin ou E.g. Monday, i.e. Today.']]);
		expect(split('K.B. and J. R. Toste wrote 3.5 pages on art. 39 of the Act.')).toHaveLength(1);
		expect(split('it goes on. and on.')).toHaveLength(1);
	});

	it('never runs a sentence over a block boundary', () => {
		expect(split('A heading', '', 'Text without a period', '', 'More')).toEqual([
			[1, 2, 'A heading'],
			[3, 4, 'Text without a period'],
			[5, 1, 'More'],
		]);
		expect(sentences([{ line: 4, text: 'Table cell', start: true }, { line: 4, text: 'Other cell', start: true }]).map((s) => s.text)).toEqual(['Table cell', 'Other cell']);
	});

	it('counts the words of a long sentence', () => {
		const long = `Mot ${Array.from({ length: 49 }, () => 'mot').join(' ')}.`;
		expect(sentences(proseLines(`Court.\n${long}\n`)).map((s) => [s.line, s.words])).toEqual([
			[1, 1],
			[2, 50],
		]);
	});
});

describe('frenchSpacingProblems', () => {
	const units = ['minutes', 'élèves', '%'];
	const nb = '\u00a0';

	it('accepts no-break spaces', () => {
		expect(frenchSpacingProblems(`Les conversations 2${nb}×${nb}10, M.${nb}Roy, Mme${nb}Lee, 75${nb}minutes, 53${nb}élèves, 40${nb}%.`, units)).toEqual([]);
	});

	it('flags each plain space', () => {
		const problems = frenchSpacingProblems('2 × 10 et 2× 10 et 2 ×10. M. Roy, Mme Lee. 75 minutes, 53 élèves, 40 %.', units);
		expect(problems.filter((p) => p.startsWith('plain space beside ×'))).toHaveLength(3);
		expect(problems.filter((p) => p.startsWith('plain space after M.'))).toHaveLength(1);
		expect(problems.filter((p) => p.startsWith('plain space after Mme'))).toHaveLength(1);
		expect(problems.filter((p) => p.startsWith('plain space between a number'))).toHaveLength(3);
	});

	it('leaves other words, lower-case words after M and numbers without units alone', () => {
		expect(frenchSpacingProblems('Les 12 autres, 5 minutesque, M. le directeur, Mmes Roy, ADM. Roy, 10 h 30.', units)).toEqual([]);
		expect(frenchSpacingProblems('75 minutes')).toEqual([]);
	});
});

describe('masculineGenerics', () => {
	const pairs = { enseignants: 'enseignantes', intervenants: 'intervenantes' };
	const determiners = ['les', 'des', 'aux'];
	const find = (text: string) => masculineGenerics(text, pairs, determiners).map((found) => found.match);

	it('flags a determiner and a masculine plural, with its position', () => {
		expect(find('Les enseignants et aux intervenants, des enseignants, d’enseignants.')).toEqual(['Les enseignants', 'aux intervenants', 'des enseignants', 'd’enseignants']);
		expect(masculineGenerics('voir les intervenants', pairs, determiners)).toEqual([{ match: 'les intervenants', index: 5 }]);
	});

	it('accepts doublets, feminine first, and words that only start alike', () => {
		expect(find('les enseignantes et les enseignants, les intervenantes ou des intervenants, les enseignantes et enseignants, les enseignantes')).toEqual([]);
		expect(find('les enseignantsX')).toEqual([]);
	});

	it('flags a doublet in the wrong order', () => {
		expect(find('les enseignants et les enseignantes')).toEqual(['les enseignants']);
	});
});

describe('quotationsWithVous', () => {
	it('finds quotations that say vous, votre or vos', () => {
		const text = '« Tu es toujours sur mon dos. » Puis : « Vous êtes injuste », « votre cahier », « vos amis », « Vousvoyer ».';
		expect(quotationsWithVous(text).map((found) => found.match)).toEqual(['« Vous êtes injuste »', '« votre cahier »', '« vos amis »']);
		expect(quotationsWithVous('« Tu es là ? »')).toEqual([]);
	});
});
