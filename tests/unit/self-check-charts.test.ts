import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barChart, escapeHtml, groupPoints, project, scatterChart } from '../../src/lib/self-check-charts';

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

	it('escapes labels typed by the teacher', () => {
		const svg = scatterChart([{ label: '<img src=x onerror=alert(1)>"&', x: 3, y: 3 }], axis, { x: 'x', y: 'y' }, 'A "title"');
		expect(svg).not.toContain('<img');
		expect(svg).toContain('&#60;img src=x onerror=alert(1)&#62;&#34;&#38;');
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

describe('escaping', () => {
	it('leaves no markup character unescaped', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				expect(escapeHtml(text)).not.toMatch(/[<>"']|&(?!#\d+;)/);
			}),
		);
	});
});
