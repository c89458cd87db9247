import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barChart, escapeHtml, groupPoints, project, scatterChart, textWidth, wrapLabel } from '../../src/lib/self-check-charts';

const axis = { min: 1, max: 5 };
const attr = (svg: string, tag: string, name: string) => [...svg.matchAll(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`, 'g'))].map((match) => Number(match[1]));

describe('projection', () => {
	it('maps the scale onto a length, either way round', () => {
		expect(project(axis, 1, 100, 300)).toBe(100);
		expect(project(axis, 5, 100, 300)).toBe(300);
		expect(project(axis, 3.75, 100, 300)).toBe(237.5);
		expect(project(axis, 5, 300, 10)).toBe(10);
	});

	it('keeps every value of the scale inside the range', () => {
		fc.assert(
			fc.property(fc.double({ min: 1, max: 5, noNaN: true }), (value) => {
				const x = project(axis, value, 48, 344);
				expect(x).toBeGreaterThanOrEqual(48);
				expect(x).toBeLessThanOrEqual(344);
			}),
		);
	});
});

describe('bar chart', () => {
	const svg = barChart(
		[
			{ label: 'Bond', value: 3.75, text: '3.75' },
			{ label: 'Collaboration', value: 1, text: '1' },
		],
		axis,
		'Scores: Bond 3.75, Collaboration 1',
	);

	it('is an image with a text alternative, and no style attribute (CSP)', () => {
		expect(svg).toMatch(/^<svg class="sc-chart sc-bars" viewBox="0 0 380 \d+" role="img" aria-label="Scores: Bond 3.75, Collaboration 1"/);
		expect(svg).not.toMatch(/style=/);
	});

	it('draws bars from the bottom of the scale, as long as their value', () => {
		expect(attr(svg, 'rect', 'x')).toEqual([110, 110]);
		// The scale's 4 steps span 110 → 336: 3.75 is 2.75 steps.
		expect(attr(svg, 'rect', 'width')).toEqual([155.4, 0]);
		expect(svg).toContain('>3.75</text>');
		expect(svg.match(/<line class="sc-grid"/g)).toHaveLength(5);
	});
});

describe('scatter chart', () => {
	it('puts one labelled dot per place, Bond up and Collaboration across', () => {
		const svg = scatterChart(
			[
				{ label: 'AB', x: 1, y: 5 },
				{ label: 'CD', x: 5, y: 1 },
				{ label: 'EF', x: 5, y: 1 },
			],
			axis,
			{ x: 'Collaboration', y: 'Bond' },
			'Students',
		);
		expect(attr(svg, 'circle', 'cx')).toEqual([48, 344]);
		expect(attr(svg, 'circle', 'cy')).toEqual([24, 316]);
		expect(svg).toContain('>CD, EF</text>');
		// A label on the top row stays inside the chart (its baseline leaves room for the glyphs).
		expect(Math.min(...attr(svg, 'text', 'y'))).toBeGreaterThanOrEqual(14);
		// A label near the right edge is written to the left of its dot.
		expect(svg).toMatch(/<text class="sc-dot-label" x="336" y="309" text-anchor="end">CD, EF<\/text>/);
		expect(svg).toMatch(/<text class="sc-dot-label" x="56" y="17" text-anchor="start">AB<\/text>/);
		expect(svg).toContain('>Collaboration</text>');
		expect(svg).toContain('transform="rotate(-90 14 170)">Bond</text>');
	});

	it('wraps a long label onto lines that fit beside its dot, inside the chart', () => {
		// 40 characters is the longest label the form takes; four students at one place make a longer one.
		const long = 'Jean-Philippe-Alexandre, Yuki, Dev, Quinn';
		for (const [x, y] of [
			[1, 1],
			[3, 3],
			[3.1, 5],
			[5, 5],
			[5, 1],
		] as const) {
			const svg = scatterChart([{ label: long, x, y }], axis, { x: 'Collaboration', y: 'Bond' }, 'Students');
			const label = svg.match(/<text class="sc-dot-label" x="([\d.]+)" y="([\d.]+)" text-anchor="(start|end)">(.*?)<\/text>/)!;
			const [labelX, firstY, anchor] = [Number(label[1]), Number(label[2]), label[3]];
			const tspans = [...label[4]!.matchAll(/<tspan x="([\d.]+)" dy="(\d+)">([^<]*)<\/tspan>/g)];
			tspans.forEach(([, lineX]) => expect(Number(lineX)).toBe(labelX));
			const lines = tspans.length > 0 ? tspans.map((tspan) => tspan[3]!) : [label[4]!];
			// In the middle there is no room for it on one line; at the right edge, to the left of the dot, there is.
			if (x === 3) expect(lines.length).toBeGreaterThan(1);
			expect(lines.join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
			for (const text of lines) {
				const [from, to] = anchor === 'end' ? [labelX - textWidth(text), labelX] : [labelX, labelX + textWidth(text)];
				expect(from).toBeGreaterThanOrEqual(0);
				expect(to).toBeLessThanOrEqual(360);
			}
			// The first line's glyphs stay below the top edge, the last above the axis labels.
			expect(firstY).toBeGreaterThanOrEqual(14);
			expect(firstY + (lines.length - 1) * 15).toBeLessThanOrEqual(360 - 30);
		}
	});

	it('escapes labels typed by the teacher', () => {
		const svg = scatterChart([{ label: '<img src=x onerror=alert(1)>"&', x: 3, y: 3 }], axis, { x: 'x', y: 'y' }, 'A "title"');
		expect(svg).not.toContain('<img');
		// (Wrapped onto two lines, each escaped.)
		expect(svg).toContain('>&#60;img src=x</tspan>');
		expect(svg).toContain('>onerror=alert(1)&#62;&#34;&#38;</tspan>');
		expect(svg).toContain('aria-label="A &#34;title&#34;"');
	});

	it('groups points at the same place without changing the input', () => {
		const points = [
			{ label: 'A', x: 2, y: 3 },
			{ label: 'B', x: 2, y: 3 },
			{ label: 'C', x: 3, y: 2 },
		];
		expect(groupPoints(points)).toEqual([
			{ label: 'A, B', x: 2, y: 3 },
			{ label: 'C', x: 3, y: 2 },
		]);
		expect(points[0]!.label).toBe('A');
	});
});

describe('label wrapping', () => {
	it('breaks between students, then after hyphens and spaces, then inside a word only when it must', () => {
		expect(wrapLabel('AB, CD', 200)).toEqual(['AB, CD']);
		expect(wrapLabel('AB, CD, EF', textWidth('AB, CD,'))).toEqual(['AB, CD,', 'EF']);
		expect(wrapLabel('Jean-Philippe', textWidth('Philippe'))).toEqual(['Jean-', 'Philippe']);
		expect(wrapLabel('Anne Marie', textWidth('Marie'))).toEqual(['Anne', 'Marie']);
		expect(wrapLabel('WWWWWWWW', textWidth('WWW'))).toEqual(['WWW', 'WWW', 'WW']);
		expect(wrapLabel('😀😀😀', textWidth('😀'))).toEqual(['😀', '😀', '😀']);
	});

	it('keeps every character, and every line within the width when a character fits', () => {
		fc.assert(
			fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.integer({ min: 20, max: 300 }), (label, width) => {
				const lines = wrapLabel(label, width);
				expect(lines.join('').replace(/\s/g, '')).toBe(label.replace(/\s/g, ''));
				for (const line of lines) if ([...line].length > 1) expect(textWidth(line)).toBeLessThanOrEqual(width);
			}),
		);
	});

	it('estimates wide letters wider than narrow ones', () => {
		expect(textWidth('W')).toBeGreaterThan(textWidth('a'));
		expect(textWidth('a')).toBeGreaterThan(textWidth('i'));
		expect(textWidth('ab', 26)).toBe(2 * textWidth('ab'));
	});
});

describe('escaping', () => {
	it('leaves no markup character unescaped', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(escapeHtml(text)).not.toMatch(/[<>"']|&(?!#\d+;)/);
			}),
		);
	});
});
