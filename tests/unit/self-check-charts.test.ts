import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	barChart,
	groupPoints,
	overlaps,
	placeLabels,
	project,
	scatterChart,
	textWidth,
	timelineChart,
	wrapLabel,
	type Box,
	type ScatterPoint,
	type SvgNode,
	type TimelinePoint,
} from '../../src/lib/self-check-charts';

const axis = { min: 1, max: 5 };
const names = { x: 'Collaboration', y: 'Bond' };

// --- Walking the tree -------------------------------------------------------------------------

function nodes(tree: SvgNode): SvgNode[] {
	return [tree, ...(tree.children ?? []).flatMap(nodes)];
}
const classes = (node: SvgNode) => String(node.attrs.class ?? '').split(' ');
const withClass = (tree: SvgNode, name: string) => nodes(tree).filter((node) => classes(node).includes(name));
const num = (node: SvgNode, name: string) => Number(node.attrs[name]);
const parseBox = (value: string | number): Box => {
	const [x, y, w, h] = String(value).split(' ').map(Number) as [number, number, number, number];
	return { x, y, w, h };
};
const viewBox = (tree: SvgNode): Box => parseBox(tree.attrs.viewBox!);
/** Every text that carries its box: labels, numbers, legend entries, ticks, axis names. */
const textBoxes = (tree: SvgNode) => nodes(tree).filter((node) => node.tag === 'text' && node.attrs['data-box'] !== undefined).map((node) => ({ node, box: parseBox(node.attrs['data-box']!) }));
const labelBoxes = (tree: SvgNode) => textBoxes(tree).filter(({ node }) => classes(node).includes('sc-dot-label'));
/** Every dot (and previous place) as the square around its circle. */
const dotBoxes = (tree: SvgNode) =>
	nodes(tree)
		.filter((node) => node.tag === 'circle' && (classes(node).includes('sc-dot') || classes(node).includes('sc-dot-previous')))
		.map((node) => ({ node, box: { x: num(node, 'cx') - num(node, 'r'), y: num(node, 'cy') - num(node, 'r'), w: 2 * num(node, 'r'), h: 2 * num(node, 'r') } }));
/** Overlap, with a hundredth's tolerance for rounding. */
const overlap = (a: Box, b: Box) => overlaps({ x: a.x + 0.01, y: a.y + 0.01, w: a.w - 0.02, h: a.h - 0.02 }, b);
const within = (box: Box, area: Box) => box.x >= area.x - 0.01 && box.y >= area.y - 0.01 && box.x + box.w <= area.x + area.w + 0.01 && box.y + box.h <= area.y + area.h + 0.01;

/** The lines a text node draws, from its tspans (a tspan with `dy` starts a new line). */
function textLines(node: SvgNode): string[] {
	if (node.text !== undefined) return [node.text];
	const lines: string[] = [];
	for (const span of node.children ?? []) {
		if (span.attrs.dy !== undefined && Number(span.attrs.dy) > 0) lines.push('');
		if (lines.length === 0) lines.push('');
		lines[lines.length - 1] += span.text ?? '';
	}
	return lines;
}

/**
 * The layout's promises: no text box covers another or a dot, every box is inside the picture,
 * and every box really holds its text (estimated as the chart estimates it).
 */
function expectClearLayout(tree: SvgNode) {
	const texts = textBoxes(tree);
	const dots = dotBoxes(tree);
	const area = viewBox(tree);
	for (const [index, { node, box }] of texts.entries()) {
		expect(within(box, area), `${node.text ?? node.attrs['data-label']} inside the picture`).toBe(true);
		for (const other of texts.slice(index + 1)) expect(overlap(box, other.box), `${node.attrs['data-box']} / ${other.node.attrs['data-box']}`).toBe(false);
		for (const dot of dots) expect(overlap(box, dot.box), `${node.attrs['data-label'] ?? node.text} covers dot ${dot.node.attrs['data-key']}`).toBe(false);
		if (node.attrs.transform) continue;
		// The box holds the text it claims to.
		const size = Number(node.attrs['font-size'] ?? 13);
		const lines = textLines(node);
		const widest = Math.max(...lines.map((line) => textWidth(line, size)));
		const x = num(node, 'x');
		const from = node.attrs['text-anchor'] === 'middle' ? x - widest / 2 : node.attrs['text-anchor'] === 'end' ? x - widest : x;
		expect(from).toBeGreaterThanOrEqual(box.x - 0.06);
		expect(from + widest).toBeLessThanOrEqual(box.x + box.w + 0.06);
		const baseline = num(node, 'y');
		expect(baseline - 0.93 * size).toBeGreaterThanOrEqual(box.y - 0.06);
		expect(baseline + (lines.length - 1) * size * 1.2 + 0.24 * size).toBeLessThanOrEqual(box.y + box.h + 0.06);
	}
}

function expectNoStyle(tree: SvgNode) {
	for (const node of nodes(tree)) {
		expect(Object.keys(node.attrs).map((name) => name.toLowerCase())).not.toContain('style');
		for (const value of Object.values(node.attrs)) expect(['string', 'number']).toContain(typeof value);
	}
}

// --- Classes ------------------------------------------------------------------------------------

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const first = ['Éloïse', 'Jean-Philippe', 'Ma.', 'Noah', 'Zoé', 'Liam', 'Amélie', 'Kwame', 'Yuki', 'Mohammed', 'Inès', 'Xavier', 'Océane', 'Wei', 'Björn'];
const letters = 'ABCDEGHJKLMNOPRSTVWXYZÉ';

/**
 * A realistic class: Bond (a mean of 4 items: quarter steps) mostly 2.5–4.75, Collaboration
 * (8 items: eighth steps) mostly 2.5–4.5, a few hard-to-reach students at 1.5–2.5; labels are
 * initials, first names with an initial, nicknames, a single letter.
 */
function realisticClass(size: number, seed: number): ScatterPoint[] {
	const next = random(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
	const step = (from: number, to: number, by: number) => from + Math.floor(next() * ((to - from) / by + 1)) * by;
	return Array.from({ length: size }, (_, index) => {
		const hard = index < 3;
		const kind = next();
		const label =
			kind < 0.4
				? `${pick([...letters])}.${pick([...letters])}.`
				: kind < 0.75
					? `${pick(first)} ${pick([...letters])}.`
					: kind < 0.85
						? pick(['Ma.', 'Jo', 'Tom', 'Bea'])
						: kind < 0.93
							? pick([...letters])
							: 'Jean-Philippe';
		const x = hard ? step(1.5, 2.5, 0.125) : step(2.5, 4.5, 0.125);
		const y = hard ? step(1.5, 2.5, 0.25) : step(2.5, 4.75, 0.25);
		const moved = next() < 0.7;
		return { key: `s${index}`, label, x, y, previous: moved ? { x: step(1.5, 5, 0.125), y: step(1.5, 5, 0.25) } : { x, y } };
	});
}

const scatter = (points: ScatterPoint[], options = {}) => scatterChart(points, axis, names, 'Students', options);

// --- Tests --------------------------------------------------------------------------------------

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
	const tree = barChart(
		[
			{ label: 'Bond', value: 3.75, text: '3.75' },
			{ label: 'Collaboration', value: 1, text: '1' },
		],
		axis,
		'Scores: Bond 3.75, Collaboration 1',
	);

	it('is an image with a text alternative, and no style attribute (CSP)', () => {
		expect(tree.tag).toBe('svg');
		expect(tree.attrs).toMatchObject({ class: 'sc-chart sc-bars', role: 'img', 'aria-label': 'Scores: Bond 3.75, Collaboration 1', focusable: 'false' });
		expect(tree.attrs.viewBox).toMatch(/^0 0 380 \d+$/);
		expectNoStyle(tree);
	});

	it('draws bars from the bottom of the scale, as long as their value', () => {
		const rects = nodes(tree).filter((node) => node.tag === 'rect');
		expect(rects.map((rect) => rect.attrs.class)).toEqual(['sc-bar sc-bar-0', 'sc-bar sc-bar-1']);
		expect(rects.map((rect) => rect.attrs.x)).toEqual([110, 110]);
		// The scale's 4 steps span 110 → 336: 3.75 is 2.75 steps.
		expect(rects.map((rect) => rect.attrs.width)).toEqual([155.4, 0]);
		expect(withClass(tree, 'sc-bar-value').map((node) => node.text)).toEqual(['3.75', '1']);
		expect(withClass(tree, 'sc-bar-label').map((node) => node.text)).toEqual(['Bond', 'Collaboration']);
		expect(withClass(tree, 'sc-grid')).toHaveLength(5);
		expect(withClass(tree, 'sc-tick').map((node) => node.text)).toEqual(['1', '2', '3', '4', '5']);
		expectClearLayout(tree);
	});
});

describe('scatter chart', () => {
	it('puts one labelled dot per place, Bond up and Collaboration across', () => {
		const tree = scatter([
			{ key: 'a', label: 'AB', x: 1, y: 5 },
			{ key: 'c', label: 'CD', x: 5, y: 1 },
			{ key: 'e', label: 'EF', x: 5, y: 1 },
		]);
		expect(tree.attrs).toMatchObject({ class: 'sc-chart sc-scatter', viewBox: '0 0 400 400', role: 'img', 'aria-label': 'Students', focusable: 'false' });
		expect(tree.attrs['data-highlight']).toBeUndefined();
		const dots = withClass(tree, 'sc-dot');
		expect(dots.map((dot) => [dot.attrs.cx, dot.attrs.cy, dot.attrs['data-key']]).sort()).toEqual([
			[384, 350, 'c e'],
			[48, 24, 'a'],
		]);
		const labels = labelBoxes(tree);
		expect(labels.map(({ node }) => node.text).sort()).toEqual(['AB', 'CD, EF']);
		// Beside their dots, inside the chart: no leader needed.
		expect(withClass(tree, 'sc-leader')).toHaveLength(0);
		const ab = labels.find(({ node }) => node.text === 'AB')!.box;
		expect(ab.x).toBeGreaterThan(48);
		const cd = labels.find(({ node }) => node.text === 'CD, EF')!.box;
		expect(cd.x + cd.w).toBeLessThan(384);
		expect(withClass(tree, 'sc-axis-label').map((node) => node.text)).toEqual(['Collaboration', 'Bond']);
		expect(withClass(tree, 'sc-axis-label')[1]!.attrs.transform).toBe('rotate(-90 14 187)');
		expectClearLayout(tree);
	});

	it('wraps a long label onto lines, keeps all of it, and stays inside the chart', () => {
		// 40 characters is the longest label the form takes.
		const long = 'Jean-Philippe-Alexandre de la Fontaine';
		for (const [x, y] of [
			[1, 1],
			[3, 3],
			[3.125, 5],
			[5, 5],
			[5, 1],
		] as const) {
			const tree = scatter([{ key: 'k', label: long, x, y }]);
			const { node } = labelBoxes(tree)[0]!;
			expect(node.attrs['data-label']).toBe(long);
			expect(node.children!.length).toBeGreaterThan(1);
			expect(node.children!.every((span) => span.attrs.x === node.attrs.x)).toBe(true);
			expect(textLines(node).join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
			expectClearLayout(tree);
		}
	});

	it('keeps labels as plain text: nothing typed by the teacher becomes markup', () => {
		const label = '<img src=x onerror=alert(1)>';
		const tree = scatterChart([{ key: '"k"', label, x: 3, y: 3 }], axis, names, 'A "title"');
		expect(tree.attrs['aria-label']).toBe('A "title"');
		expect(labelBoxes(tree)[0]!.node.attrs['data-label']).toBe(label);
		expect(nodes(tree).map((node) => node.tag)).not.toContain('img');
	});

	it('groups points at the same place without changing the input', () => {
		const points = [
			{ key: 'a', label: 'A', x: 2, y: 3 },
			{ key: 'b', label: 'B', x: 2, y: 3 },
			{ key: 'c', label: 'C', x: 3, y: 2 },
		];
		expect(groupPoints(points)).toEqual([
			{ keys: ['a', 'b'], label: 'A, B', x: 2, y: 3, points: [points[0], points[1]] },
			{ keys: ['c'], label: 'C', x: 3, y: 2, points: [points[2]] },
		]);
		expect(points[0]!.label).toBe('A');
	});

	it('draws an empty class as a plain grid', () => {
		const tree = scatter([]);
		expect(withClass(tree, 'sc-dot')).toHaveLength(0);
		expect(withClass(tree, 'sc-grid')).toHaveLength(10);
		expectClearLayout(tree);
	});
});

describe('label placement', () => {
	const area = { x: 0, y: 0, w: 200, h: 200 };
	const request = { x: 100, y: 100, r: 5, w: 30, h: 15 };

	it('puts a label beside its dot, on the right when it is free', () => {
		const [placement] = placeLabels([request], [], area);
		expect(placement).toEqual({ box: { x: 107, y: 92.5, w: 30, h: 15 } });
	});

	it('goes left, then around, then away with a leader, as the dot is hemmed in', () => {
		const right = { x: 106, y: 80, w: 60, h: 40 };
		expect(placeLabels([request], [right], area)[0]!.box.x).toBe(63);
		const around = { x: 40, y: 70, w: 126, h: 60 };
		const [placement] = placeLabels([request], [around], area);
		expect(placement!.leader).toBeDefined();
		expect(overlaps(placement!.box, around)).toBe(false);
		const { x2, y2 } = placement!.leader!;
		// The leader ends on the label's box.
		expect(x2 >= placement!.box.x && x2 <= placement!.box.x + 30 && y2 >= placement!.box.y && y2 <= placement!.box.y + 15).toBe(true);
	});

	it('keeps labels apart and leaves out one that has no room', () => {
		const placements = placeLabels([request, request, { ...request, w: 300 }], [], area);
		expect(overlaps(placements[0]!.box, placements[1]!.box)).toBe(false);
		expect(placements[2]).toBeUndefined();
	});

	it('prefers a spot whose leader crosses no other dot, and takes one that does when it must', () => {
		// A dot boxed in on every side but one, through a wall of other dots.
		const walls = [
			{ x: 20, y: 20, w: 160, h: 70 },
			{ x: 20, y: 110, w: 160, h: 70 },
			{ x: 20, y: 90, w: 74, h: 20 },
			{ x: 106, y: 90, w: 74, h: 20 },
		];
		const [placement] = placeLabels([request], walls, area);
		expect(placement!.leader).toBeDefined();
		for (const wall of walls) expect(overlaps(placement!.box, wall)).toBe(false);
	});
});

describe('scatter labels never overlap', () => {
	it.each([25, 30])('in realistic classes of %i', (size) => {
		let numbered = 0;
		for (let seed = 1; seed <= 12; seed++) {
			for (const options of [{}, { movement: true }, { highlight: 's5', movement: true }]) {
				const points = realisticClass(size, seed * 97 + size);
				const tree = scatter(points, options);
				expectClearLayout(tree);
				// Every student is named, beside their dot or in the legend.
				const named = [...labelBoxes(tree), ...textBoxes(tree).filter(({ node }) => classes(node).includes('sc-legend-item'))]
					.filter(({ node }) => !classes(node).includes('sc-dot-number'))
					.map(({ node }) => String(node.attrs['data-label']));
				expect(named.join(', ').split(', ').sort()).toEqual(points.map((point) => point.label).sort());
				numbered += withClass(tree, 'sc-dot-number').length;
			}
		}
		// Real classes almost always have room for every name beside its dot.
		expect(numbered).toBeLessThanOrEqual(size === 25 ? 2 : 6);
	});

	it('when 30 students are within a quarter point of each other', () => {
		const points = Array.from({ length: 30 }, (_, index) => ({
			key: `k${index}`,
			label: ['J.T.', 'Éloïse B.', 'Ma.', 'X', 'Jean-Philippe'][index % 5]! + (index > 4 ? index : ''),
			x: 3.5 + (index % 3) * 0.125,
			y: 3.75 + (Math.floor(index / 3) % 2) * 0.25,
			previous: { x: 1 + (index % 9) * 0.5, y: 1 + (index % 5) },
		}));
		for (const options of [{}, { movement: true, highlight: 'k7' }]) expectClearLayout(scatter(points, options));
		// Spread over the little square's places (not grouped): still clear.
		const spread = points.map((point, index) => ({ ...point, x: 3.5 + (index % 3) * 0.125, y: 3.5 + (index % 2) * 0.25 }));
		expectClearLayout(scatter(spread, { movement: true }));
	});

	it('when 30 students are at one place: one dot, the names in the legend', () => {
		const points = Array.from({ length: 30 }, (_, index) => ({ key: `k${index}`, label: `Student ${index + 1}`, x: 4, y: 4 }));
		const tree = scatter(points, { highlight: 'k3' });
		expect(withClass(tree, 'sc-dot')).toHaveLength(1);
		expect(withClass(tree, 'sc-dot')[0]!.attrs['data-key']).toBe(points.map((point) => point.key).join(' '));
		const [number] = withClass(tree, 'sc-dot-number');
		expect(number!.text).toBe('1');
		const [legend] = withClass(tree, 'sc-legend-item');
		expect(legend!.children![0]).toEqual({ tag: 'tspan', attrs: { class: 'sc-legend-number' }, text: '1.' });
		expect(textLines(legend!).join(' ')).toContain('Student 30');
		expect(legend!.attrs.class).toBe('sc-legend-item sc-legend-item-highlight');
		expect(viewBox(tree).h).toBeGreaterThan(400);
		expectClearLayout(tree);
	});

	it('with students crowded into the corners', () => {
		const points: ScatterPoint[] = [];
		for (const [cx, cy] of [
			[1, 1],
			[5, 5],
			[1, 5],
			[5, 1],
		] as const)
			for (let index = 0; index < 7; index++) {
				const x = cx + (cx === 1 ? 1 : -1) * (index % 3) * 0.125;
				const y = cy + (cy === 1 ? 1 : -1) * Math.floor(index / 3) * 0.25;
				points.push({ key: `${cx}${cy}${index}`, label: ['J.T.', 'Éloïse B.', 'Ma.', 'X', 'Jean-Philippe', 'WWWW', 'Zoé'][index]!, x, y, previous: { x: 3, y: 3 } });
			}
		for (const options of [{}, { movement: true }]) expectClearLayout(scatter(points.slice(0, 28), options));
		expectClearLayout(scatter([...points, { key: 'last', label: 'Océane', x: 3, y: 3 }, { key: 'last2', label: 'Mohammed', x: 5, y: 5 }], { movement: true }));
	});

	it('with names of 40 characters: numbered, listed in full under the plot', () => {
		const points = realisticClass(30, 7).map((point, index) => ({ ...point, label: index % 3 === 0 ? `${point.label} Alexandrine-Marguerite de la Tour` : point.label }));
		const tree = scatter(points, { movement: true });
		expect(withClass(tree, 'sc-dot-number').length).toBeGreaterThanOrEqual(5);
		expectClearLayout(tree);
		const legend = withClass(tree, 'sc-legend-item');
		// Numbers match their legend entries.
		for (const number of withClass(tree, 'sc-dot-number')) {
			const entry = legend.find((item) => item.attrs['data-key'] === number.attrs['data-key'])!;
			expect(entry.children![0]!.text).toBe(`${number.text}.`);
			expect(textLines(entry).join('').replace(/\s/g, '')).toBe(`${number.text}.${entry.attrs['data-label']}`.replace(/\s/g, ''));
		}
	});

	it('even far beyond a class (every place taken): still clear, every name in the legend', () => {
		const points: ScatterPoint[] = [];
		for (let x = 0; x <= 32; x += 3) for (let y = 0; y <= 16; y++) points.push({ key: `${x}-${y}`, label: `${x}/${y}`, x: 1 + x / 8, y: 1 + y / 4 });
		const tree = scatter(points);
		expectClearLayout(tree);
		expect(withClass(tree, 'sc-legend-item')).toHaveLength(points.length);
		expect(withClass(tree, 'sc-dot-number').length).toBeLessThan(points.length);
		// A long legend entry wraps onto lines of its own.
		const group = Array.from({ length: 30 }, (_, index) => ({ key: `g${index}`, label: `Jean-Philippe ${index}`, x: 3, y: 3 }));
		const grouped = scatter(group);
		expect(textLines(withClass(grouped, 'sc-legend-item')[0]!).length).toBeGreaterThan(2);
		expectClearLayout(grouped);
	});

	it('numbers every dot when numbers find no room among full labels', () => {
		const points: ScatterPoint[] = [];
		for (let x = 0; x <= 32; x += 4) for (let y = 0; y <= 16; y += 2) points.push({ key: `${x}-${y}`, label: `Jean-Philippe ${x}/${y}`, x: 1 + x / 8, y: 1 + y / 4 });
		points.push({ key: 'long', label: 'W'.repeat(60), x: 1.0625, y: 1.125 });
		const tree = scatter(points);
		expect(withClass(tree, 'sc-legend-item')).toHaveLength(points.length);
		expect(labelBoxes(tree).every(({ node }) => classes(node).includes('sc-dot-number'))).toBe(true);
		expectClearLayout(tree);
	});

	it('numbers students by name, then left to right and top down', () => {
		const long = 'Jean-Philippe-Alexandre de la Fontaine-Dupont, Marie-Ève Tremblay-Gagnon';
		const tree = scatter([
			{ key: 'c', label: long, x: 3, y: 2 },
			{ key: 'b', label: long, x: 2, y: 2 },
			{ key: 'a', label: long, x: 2, y: 4 },
			{ key: 'd', label: 'A', x: 4, y: 4 },
		]);
		expect(withClass(tree, 'sc-dot-number').map((node) => [node.attrs['data-key'], node.text]).sort()).toEqual([
			['a', '1'],
			['b', '2'],
			['c', '3'],
		]);
		expect(withClass(tree, 'sc-legend-item').map((node) => node.attrs['data-key'])).toEqual(['a', 'b', 'c']);
		expectClearLayout(tree);
	});

	it('for any class of up to 30 on the scale’s steps, with labels up to 12 characters', () => {
		const point = fc.record({
			x: fc.integer({ min: 0, max: 32 }).map((step) => 1 + step / 8),
			y: fc.integer({ min: 0, max: 16 }).map((step) => 1 + step / 4),
			label: fc.string({ minLength: 1, maxLength: 12 }),
			previous: fc.option(fc.record({ x: fc.integer({ min: 0, max: 32 }).map((step) => 1 + step / 8), y: fc.integer({ min: 0, max: 16 }).map((step) => 1 + step / 4) }), { nil: undefined }),
		});
		fc.assert(
			fc.property(fc.array(point, { maxLength: 30 }), fc.boolean(), fc.nat(), (raw, movement, pick) => {
				const points = raw.map((entry, index) => ({ ...entry, key: `k${index}` }));
				const tree = scatter(points, { movement, highlight: points.length ? `k${pick % points.length}` : undefined });
				expectClearLayout(tree);
				expectNoStyle(tree);
			}),
			{ numRuns: 150 },
		);
	});
});

describe('highlight and movement', () => {
	const points: ScatterPoint[] = [
		{ key: 'a', label: 'A.A.', x: 3, y: 3, previous: { x: 2, y: 2.5 } },
		{ key: 'b', label: 'B.B.', x: 3.5, y: 4, previous: { x: 3.5, y: 4 } },
		{ key: 'c', label: 'C.C.', x: 4, y: 2 },
		{ key: 'd', label: 'D.D.', x: 2, y: 4.5, previous: { x: 4.5, y: 4.5 } },
	];

	it('brings the highlighted student forward and dims the others', () => {
		const tree = scatter(points, { highlight: 'c' });
		expect(tree.attrs['data-highlight']).toBe('c');
		const dots = nodes(tree).filter((node) => node.tag === 'circle' && classes(node).includes('sc-dot'));
		// Drawn last of the dots: on top.
		expect(dots.at(-1)!.attrs).toMatchObject({ class: 'sc-dot sc-dot-highlight', 'data-key': 'c', r: 7 });
		expect(dots.slice(0, -1).every((dot) => dot.attrs.class === 'sc-dot sc-dim' && dot.attrs.r === 5)).toBe(true);
		const labels = withClass(tree, 'sc-dot-label');
		expect(labels.at(-1)!.attrs).toMatchObject({ class: 'sc-dot-label sc-dot-label-highlight', 'data-key': 'c' });
		expect(labels.slice(0, -1).every((label) => label.attrs.class === 'sc-dot-label sc-dim')).toBe(true);
		expectClearLayout(tree);
	});

	it('ignores a highlight that is no one’s', () => {
		const tree = scatter(points, { highlight: 'nobody' });
		expect(tree.attrs['data-highlight']).toBeUndefined();
		expect(withClass(tree, 'sc-dim')).toHaveLength(0);
	});

	it('highlights a student sharing a dot: the whole dot', () => {
		const tree = scatter([...points, { key: 'e', label: 'E.E.', x: 4, y: 2 }], { highlight: 'e' });
		expect(withClass(tree, 'sc-dot-highlight')[0]!.attrs['data-key']).toBe('c e');
		expect(withClass(tree, 'sc-dot-label-highlight')[0]!.text).toBe('C.C., E.E.');
	});

	it('draws an arrow for each student who moved, from where they were', () => {
		const tree = scatter(points, { movement: true, idPrefix: 'class-3' });
		const moves = withClass(tree, 'sc-move');
		expect(moves.map((move) => move.attrs['data-key'])).toEqual(['a', 'd']);
		expect(moves.every((move) => move.attrs['marker-end'] === 'url(#class-3-arrow)')).toBe(true);
		const [defs] = nodes(tree).filter((node) => node.tag === 'defs');
		expect(defs!.children![0]!).toMatchObject({ tag: 'marker', attrs: { id: 'class-3-arrow' } });
		expect(defs!.children![0]!.children![0]).toMatchObject({ tag: 'path', attrs: { class: 'sc-arrow' } });
		const previous = withClass(tree, 'sc-dot-previous');
		expect(previous.map((circle) => [circle.attrs.cx, circle.attrs.cy])).toEqual([
			[project(axis, 2, 48, 384), project(axis, 2.5, 350, 24)],
			[project(axis, 4.5, 48, 384), project(axis, 4.5, 350, 24)],
		]);
		// A's arrow goes from its old place towards its dot, stopping short of it.
		const [a] = moves;
		const [x, y] = [project(axis, 3, 48, 384), project(axis, 3, 350, 24)];
		expect(num(a!, 'x2')).toBeGreaterThan(num(a!, 'x1'));
		expect(Math.hypot(num(a!, 'x2') - x, num(a!, 'y2') - y)).toBeCloseTo(7, 0);
		expectClearLayout(tree);
	});

	it('uses the default marker id, and draws no arrows unless asked', () => {
		const tree = scatter(points, { movement: true, highlight: 'a' });
		expect(withClass(tree, 'sc-move')[0]!.attrs).toMatchObject({ class: 'sc-move sc-move-highlight', 'marker-end': 'url(#sc-arrow)' });
		expect(withClass(tree, 'sc-move')[1]!.attrs.class).toBe('sc-move sc-dim');
		expect(nodes(scatter(points)).filter((node) => node.tag === 'defs' || classes(node).includes('sc-move'))).toHaveLength(0);
	});

	it('draws a short move as a bare arrowhead', () => {
		const tree = scatter([{ key: 'a', label: 'A', x: 3, y: 3, previous: { x: 3.01, y: 3 } }], { movement: true });
		const [move] = withClass(tree, 'sc-move');
		expect(move!.attrs.x1).toBe(move!.attrs.x2);
	});
});

describe('timeline', () => {
	const lines = [
		{ id: 'bond', label: 'Bond' },
		{ id: 'collab', label: 'Collaboration' },
		{ id: 'tasks', label: 'Tasks' },
	];
	const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
	const formatDate = (iso: string) => {
		const date = new Date(iso);
		return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
	};
	const points: TimelinePoint[] = [
		{ date: '2025-03-10T09:00:00Z', values: { bond: 3, collab: 2.5, tasks: 4 } },
		{ date: '2025-01-15T09:00:00Z', values: { bond: 2.5, collab: null, tasks: 3 } },
		{ date: '2025-05-20T09:00:00Z', values: { bond: 4, collab: 3.125, tasks: null } },
		{ date: '2025-06-30T09:00:00Z', values: { bond: 4.25, collab: 3.5, tasks: 4.5 } },
	];
	const marks = [
		{ date: '2025-04-01', label: 'Plan 2' },
		{ date: '2025-02-01', label: 'Plan 1' },
	];
	const chart = (p = points, m = marks, l = lines) => timelineChart(p, l, m, axis, 'Scores over time', formatDate);
	const tree = chart();

	it('is an image inside a small viewBox, with no style attribute', () => {
		expect(tree.attrs).toMatchObject({ class: 'sc-chart sc-timeline', role: 'img', 'aria-label': 'Scores over time', focusable: 'false' });
		const box = viewBox(tree);
		expect(box.w).toBeGreaterThanOrEqual(360);
		expect(box.w).toBeLessThanOrEqual(420);
		expect(box.h).toBeGreaterThan(200);
		expect(box.h).toBeLessThan(260);
		expectNoStyle(tree);
		expectClearLayout(tree);
		// Everything drawn is inside the picture.
		for (const node of nodes(tree)) for (const name of ['x', 'x1', 'x2', 'cx']) if (node.attrs[name] !== undefined) expect(num(node, name)).toBeLessThanOrEqual(box.w);
	});

	it('draws one line per score in date order, skipping missing values', () => {
		const polylines = nodes(tree).filter((node) => node.tag === 'polyline');
		expect(polylines.map((node) => node.attrs.class)).toEqual(['sc-line sc-line-0', 'sc-line sc-line-1', 'sc-line sc-line-2']);
		const coords = polylines.map((node) => String(node.attrs.points).split(' ').map((pair) => pair.split(',').map(Number) as [number, number]));
		expect(coords.map((list) => list.length)).toEqual([4, 3, 3]);
		for (const list of coords) for (let index = 1; index < list.length; index++) expect(list[index]![0]).toBeGreaterThan(list[index - 1]![0]);
		// Higher scores are higher up.
		expect(coords[0]![3]![1]).toBeLessThan(coords[0]![0]![1]);
	});

	it('marks points with a different shape per line', () => {
		const marker = (index: number) => withClass(tree, `sc-point-${index}`).filter((node) => node.attrs['data-date'] !== undefined);
		expect(marker(0).map((node) => node.tag)).toEqual(['circle', 'circle', 'circle', 'circle']);
		expect(marker(1).map((node) => node.tag)).toEqual(['rect', 'rect', 'rect']);
		expect(marker(2).map((node) => node.tag)).toEqual(['path', 'path', 'path']);
		expect(marker(1).every((node) => node.attrs.width === node.attrs.height)).toBe(true);
		// The legend shows each line with its shape and name.
		expect(withClass(tree, 'sc-legend-label').map((node) => node.text)).toEqual(['Bond', 'Collaboration', 'Tasks']);
		expect(withClass(tree, 'sc-legend-sample')).toHaveLength(3);
		// The legend is at the top, above the plot.
		const legendBottom = Math.max(...withClass(tree, 'sc-legend-label').map((node) => parseBox(node.attrs['data-box']!)).map((box) => box.y + box.h));
		expect(legendBottom).toBeLessThan(Math.min(...withClass(tree, 'sc-mark').map((node) => num(node, 'y1'))));
	});

	it('draws plan starts where they fall between the checks, in date order', () => {
		const lines = withClass(tree, 'sc-mark');
		expect(lines.map((node) => node.attrs['data-date'])).toEqual(['2025-02-01', '2025-04-01']);
		expect(lines.every((node) => node.attrs.x1 === node.attrs.x2 && node.attrs['stroke-dasharray'] === '4 3')).toBe(true);
		const xs = withClass(tree, 'sc-point-0').filter((node) => node.attrs['data-date']).map((node) => num(node, 'cx'));
		expect(num(lines[0]!, 'x1')).toBeGreaterThan(xs[0]!);
		expect(num(lines[0]!, 'x1')).toBeLessThan(xs[1]!);
		expect(num(lines[1]!, 'x1')).toBeGreaterThan(xs[1]!);
		expect(num(lines[1]!, 'x1')).toBeLessThan(xs[2]!);
		// Proportional to time: 1 Feb is 17 days after 15 Jan, out of 54 to 10 Mar.
		expect((num(lines[0]!, 'x1') - xs[0]!) / (xs[1]! - xs[0]!)).toBeCloseTo(16.6 / 54, 1);
		expect(withClass(tree, 'sc-mark-label').map((node) => node.text)).toEqual(['Plan 1', 'Plan 2']);
	});

	it('writes at most 5 dates, never overlapping, the first and last always', () => {
		const many = Array.from({ length: 14 }, (_, index) => ({
			date: new Date(Date.UTC(2024, 8, 1 + index * 23, 10)).toISOString(),
			values: { bond: 1 + (index % 5), collab: 5 - (index % 5), tasks: 3 },
		}));
		const big = chart(many, [{ date: '2024-10-01', label: 'Plan 1' }]);
		const ticks = withClass(big, 'sc-tick').filter((node) => /\d{4}$/.test(node.text ?? ''));
		expect(ticks.length).toBeGreaterThanOrEqual(3);
		expect(ticks.length).toBeLessThanOrEqual(5);
		expect(ticks[0]!.text).toBe(formatDate(many[0]!.date));
		expect(ticks.at(-1)!.text).toBe(formatDate(many.at(-1)!.date));
		expectClearLayout(big);
		// The last two checks a day apart: there is no room for both dates, the last is kept.
		const close = chart([points[1]!, points[0]!, { ...points[0]!, date: '2025-03-11T09:00:00Z' }], []);
		expect(withClass(close, 'sc-tick').filter((node) => /\d{4}$/.test(node.text ?? '')).map((node) => node.text)).toEqual(['15 Jan 2025', '11 Mar 2025']);
		// Two checks the same day: their date once.
		const sameDay = chart([points[0]!, { ...points[0]!, date: '2025-03-10T15:00:00Z' }], []);
		expect(withClass(sameDay, 'sc-tick').filter((node) => /\d{4}$/.test(node.text ?? ''))).toHaveLength(1);
		expectClearLayout(close);
	});

	it('puts a single check in the middle', () => {
		const single = chart([points[0]!], []);
		const [point] = withClass(single, 'sc-point-0').filter((node) => node.attrs['data-date']);
		expect(num(point!, 'cx')).toBeCloseTo((40 + 6 + 400 - 16 - 6) / 2, 0);
		expect(withClass(single, 'sc-tick').map((node) => node.text)).toContain('10 Mar 2025');
		expect(withClass(single, 'sc-mark')).toHaveLength(0);
		expectClearLayout(single);
	});

	it('takes in a plan started before the first check', () => {
		const early = chart(points, [{ date: '2024-12-01', label: 'Plan 1' }]);
		const [mark] = withClass(early, 'sc-mark');
		const xs = withClass(early, 'sc-point-0').filter((node) => node.attrs['data-date']).map((node) => num(node, 'cx'));
		expect(num(mark!, 'x1')).toBeLessThan(Math.min(...xs));
		expect(num(mark!, 'x1')).toBeGreaterThan(40);
		expectClearLayout(early);
	});

	it('staggers the labels of plans started close together, and keeps lines off them', () => {
		const close = [
			{ date: '2025-03-01', label: 'Plan 1' },
			{ date: '2025-03-03', label: 'Plan 2' },
			{ date: '2025-03-05', label: 'Plan 3' },
			{ date: '2025-06-30', label: 'Plan 4' },
			{ date: '2025-07-01', label: 'A plan with a very long name indeed, cut short' },
		];
		const staggered = chart(points, close);
		expectClearLayout(staggered);
		const labels = withClass(staggered, 'sc-mark-label');
		expect(new Set(labels.slice(0, 3).map((node) => node.attrs.y)).size).toBe(3);
		expect(labels.at(-1)!.text).toMatch(/…$/);
		const markLines = withClass(staggered, 'sc-mark');
		for (const line of markLines)
			for (const label of labels) {
				if (label.attrs['data-date'] === line.attrs['data-date']) continue;
				const box = parseBox(label.attrs['data-box']!);
				const through = num(line, 'x1') > box.x && num(line, 'x1') < box.x + box.w && num(line, 'y1') < box.y + box.h - 0.01;
				expect(through, `${line.attrs['data-date']} through ${label.text}`).toBe(false);
			}
		// Many plans in a crowd at the right edge: still no label on another.
		const crowd = Array.from({ length: 6 }, (_, index) => ({ date: `2025-07-0${index + 1}`, label: `Plan ${index + 1}` }));
		const crowded = chart(points, crowd);
		expectClearLayout(crowded);
	});

	it('draws with no checks at all, and wraps a long legend', () => {
		const empty = chart([], [], []);
		expect(nodes(empty).filter((node) => node.tag === 'polyline')).toHaveLength(0);
		expectClearLayout(empty);
		const many = Array.from({ length: 6 }, (_, index) => ({ id: `s${index}`, label: `Score number ${index + 1}` }));
		const wide = chart(points, marks, many);
		const rows = new Set(withClass(wide, 'sc-legend-label').map((node) => node.attrs.y));
		expect(rows.size).toBeGreaterThan(1);
		expect(withClass(wide, 'sc-point-5').every((node) => node.tag === 'path')).toBe(true);
		expectClearLayout(wide);
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
		expect(wrapLabel('Anne Marie', textWidth('Marie', 12), 12)).toEqual(['Anne', 'Marie']);
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
