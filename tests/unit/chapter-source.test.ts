import { describe, expect, it } from 'vitest';
import { citations, components, countWords, frenchTypographyProblems, headings, prose, splitFrontmatter } from '../../src/lib/chapter-source';

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
