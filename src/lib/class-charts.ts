/**
 * My students' charts (see chart-svg.ts): the class at a glance (one dot per student, labels
 * placed so that none covers another, a highlighted student, the movement since each previous
 * check) and one student's scores over time. Pure, no DOM.
 */
import { FONT, PAD, ascent, boxAttr, clamp, crosses, fit, inside, intersect, label, line, lineHeight, overlaps, project, root, round, roundUp, textBox, textWidth, ticks, type Axis, type Box, type Segment, type SvgNode } from './chart-svg';

export interface ScatterPoint {
	/** Identifies the student (for highlighting and for the page's links); never shown. */
	key: string;
	label: string;
	x: number;
	y: number;
	/** The scores at the check before, for the movement arrows. */
	previous?: { x: number; y: number };
}

export interface PointGroup {
	keys: string[];
	/** The students' labels joined: "A.B., C.D.". */
	label: string;
	x: number;
	y: number;
	points: ScatterPoint[];
}

/** Points at the same place share one dot, their labels joined, so no label hides another. */
export function groupPoints(points: ScatterPoint[]): PointGroup[] {
	const groups = new Map<string, PointGroup>();
	for (const point of points) {
		const place = `${point.x}|${point.y}`;
		const group = groups.get(place);
		if (group) {
			group.keys.push(point.key);
			group.label = `${group.label}, ${point.label}`;
			group.points.push(point);
		} else groups.set(place, { keys: [point.key], label: point.label, x: point.x, y: point.y, points: [point] });
	}
	return [...groups.values()];
}


/**
 * Breaks a label into lines no wider than `width`: between students first ("AB, CD"), then
 * after a space or hyphen inside a long label, and only as a last resort inside a word.
 */
export function wrapLabel(label: string, width: number, fontSize = FONT): string[] {
	// Pieces that end after a hyphen or a run of spaces: "Jean-", "Philippe-", "Alexandre, ", "CD".
	const pieces = Array.from(label.matchAll(/[^\s-]*-?\s*/g), (match) => match[0]).filter((piece) => piece !== '');
	const lines: string[] = [];
	let line = '';
	const push = () => {
		if (line.trim()) lines.push(line.trim());
		line = '';
	};
	for (const piece of pieces) {
		if (textWidth((line + piece).trim(), fontSize) <= width) {
			line += piece;
			continue;
		}
		push();
		// A piece too wide on a line of its own is cut where it must be (whole characters).
		let rest = [...piece];
		while (textWidth(rest.join('').trim(), fontSize) > width && rest.length > 1) {
			let cut = rest.length - 1;
			while (cut > 1 && textWidth(rest.slice(0, cut).join(''), fontSize) > width) cut--;
			lines.push(rest.slice(0, cut).join(''));
			rest = rest.slice(cut);
		}
		line = rest.join('');
	}
	push();
	return lines.length > 0 ? lines : [label];
}

/** A label to place next to a dot of radius `r` at (x, y). */
export interface LabelRequest {
	x: number;
	y: number;
	r: number;
	w: number;
	h: number;
}

export interface Placement {
	box: Box;
	/** From the dot to the label, when the label sits away from its dot. */
	leader?: Segment;
}

/** Distances tried between a dot's box and its label, nearest first: the first sits beside the dot. */
const RINGS = [1, 5, 10, 16, 23, 31, 40, 50, 62, 76, 92, 110, 130, 152, 176, 202, 230, 260, 292, 326, 362, 400];

/** Directions (degrees, anticlockwise from the right): beside, above and below first, then diagonals, then finer. */
function angles(count: number): number[] {
	const result = [0, 180, 90, 270, 45, 135, 315, 225, 22.5, 157.5, 337.5, 202.5, 67.5, 112.5, 292.5, 247.5];
	for (let step = 360 / 16; result.length < count; step /= 2)
		for (let angle = step / 2; angle < 360; angle += step) result.push(angle);
	return result.slice(0, count);
}
const ANGLES = [8, 16, 32, 64].map(angles);
const PHASES = [
	[true, 62],
	[false, 62],
	[true, Infinity],
	[false, Infinity],
] as const;

/** The box `w`×`h` whose side or corner nearest the dot lies `ring` beyond the dot's box, in direction `angle`. */
function candidate(request: LabelRequest, ring: number, angle: number): Box {
	const radians = (angle * Math.PI) / 180;
	const [cos, sin] = [Math.cos(radians), Math.sin(radians)];
	const most = Math.max(Math.abs(cos), Math.abs(sin));
	const [c, s] = [cos / most, sin / most];
	const reach = request.r + 1 + ring;
	const x = request.x + reach * c - (request.w * (1 - c)) / 2;
	const y = request.y - reach * s - (request.h * (1 + s)) / 2;
	return { x: round(x), y: round(y), w: request.w, h: request.h };
}

/** A thin line from the dot's edge to the nearest point of its label's box. */
function leaderFor(request: LabelRequest, box: Box): Segment {
	const x = clamp(request.x, box.x, box.x + box.w);
	const y = clamp(request.y, box.y, box.y + box.h);
	const length = Math.hypot(x - request.x, y - request.y);
	return {
		x1: round(request.x + ((x - request.x) / length) * (request.r + 1)),
		y1: round(request.y + ((y - request.y) / length) * (request.r + 1)),
		x2: round(x),
		y2: round(y),
	};
}

/**
 * Places labels, in the order given, each at the first free spot around its dot: beside it
 * (right, left, above, below, then the diagonals), then further away with a leader line, at
 * increasing distances. A spot is free when the box is inside `area` and overlaps no obstacle
 * (every dot, and anything else not to be covered) and no label already placed. Spots whose
 * leader would cross another label or dot, or that an earlier leader would cross, are taken
 * only when there is no other. `undefined` when no spot is free.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Box[], area: Box): (Placement | undefined)[] {
	const placed: Box[] = [];
	const leaders: Segment[] = [];
	return requests.map((request) => {
		// Obstacles under the dot itself (its own box, a dot drawn over it) cannot be avoided by its leader.
		const others = obstacles.filter((box) => !(request.x >= box.x && request.x <= box.x + box.w && request.y >= box.y && request.y <= box.y + box.h));
		// Near spots first, away from other dots and labels if possible; then further.
		for (const [strict, reach] of PHASES) {
			for (const [ringIndex, ring] of RINGS.entries()) {
				if (ring > reach) break;
				for (const angle of ANGLES[ring < 20 ? 0 : ring < 60 ? 1 : ring < 140 ? 2 : 3]!) {
					const box = candidate(request, ring, angle);
					if (!inside(box, area) || obstacles.some((other) => overlaps(box, other)) || placed.some((other) => overlaps(box, other))) continue;
					const leader = ringIndex > 0 ? leaderFor(request, box) : undefined;
					if (
						strict &&
						(leaders.some((other) => crosses(other, box)) ||
							(leader && ([...placed, ...others].some((other) => crosses(leader, other)) || leaders.some((other) => intersect(leader, other)))))
					)
						continue;
					placed.push(box);
					if (leader) leaders.push(leader);
					return leader ? { box, leader } : { box };
				}
			}
		}
		return undefined;
	});
}

export interface ScatterOptions {
	/** A point's key: its dot and label stand out, the others are dimmed. */
	highlight?: string;
	/** Draw an arrow from each point's previous place to its place now. */
	movement?: boolean;
	/** Makes the arrow marker's id unique on the page (default `sc`). */
	idPrefix?: string;
}

const LABEL_FONT = 12;
const NUMBER_FONT = 11;
/** Dot labels wrap at this width, onto at most this many lines; longer ones go to the legend. */
const LABEL_WIDTH = 130;
const LABEL_LINES = 3;

/**
 * The class at a glance: one dot per place, x and y on the scale, each with its students'
 * labels, none covering another label, a dot or the axes. When a label finds no free spot the
 * dot gets a number instead, and the label is listed under the plot with its number.
 */
export function scatterChart(points: ScatterPoint[], axis: Axis, labels: { x: string; y: string }, title: string, options: ScatterOptions = {}): SvgNode {
	const size = 400;
	const left = 48;
	// Room under the bottom row for the scale's numbers (clear of the largest dot) and its name.
	const bottom = size - 50;
	const top = 24; // room above the top row for a dot’s label
	const right = size - 16;
	const prefix = options.idPrefix ?? 'sc';
	const children: SvgNode[] = [];

	for (const tick of ticks(axis)) {
		const x = project(axis, tick, left, right);
		const y = project(axis, tick, bottom, top);
		children.push(
			line('sc-grid', x, top, x, bottom),
			label('sc-tick', String(tick), x, bottom + 22, 'middle'),
			line('sc-grid', left, y, right, y),
			label('sc-tick', String(tick), left - 9, y + 4, 'end'),
		);
	}
	const middle = (top + bottom) / 2;
	const yLabel = textBox(labels.y, middle, 18, 'middle');
	children.push(label('sc-axis-label', labels.x, (left + right) / 2, size - 6, 'middle'), {
		tag: 'text',
		attrs: {
			class: 'sc-axis-label',
			x: 14,
			y: middle,
			'text-anchor': 'middle',
			transform: `rotate(-90 14 ${middle})`,
			// Turned a quarter: its width runs down the chart.
			'data-box': boxAttr({ x: round(14 - ascent(FONT)), y: yLabel.x, w: yLabel.h, h: yLabel.w }),
		},
		text: labels.y,
	});

	const groups = groupPoints(points);
	const highlighted = options.highlight === undefined ? undefined : groups.find((group) => group.keys.includes(options.highlight!));
	// "sc-dot sc-dot-highlight" for the highlighted student's things, "sc-dot sc-dim" for the others'.
	const classes = (base: string, group: PointGroup) => (!highlighted ? base : group === highlighted ? `${base} ${base}-highlight` : `${base} sc-dim`);
	const dots = groups.map((group) => ({
		group,
		x: project(axis, group.x, left, right),
		y: project(axis, group.y, bottom, top),
		r: group === highlighted ? 7 : 5,
		lines: wrapLabel(group.label, LABEL_WIDTH, LABEL_FONT),
	}));
	const obstacles: Box[] = dots.map((dot) => ({ x: dot.x - dot.r - 1, y: dot.y - dot.r - 1, w: 2 * dot.r + 2, h: 2 * dot.r + 2 }));

	if (options.movement) {
		const arrow = `${prefix}-arrow`;
		const moves: SvgNode[] = [];
		for (const dot of dots)
			for (const point of dot.group.points) {
				if (!point.previous || (point.previous.x === point.x && point.previous.y === point.y)) continue;
				const x = project(axis, point.previous.x, left, right);
				const y = project(axis, point.previous.y, bottom, top);
				const distance = Math.hypot(dot.x - x, dot.y - y);
				// From the old place's edge to just before the dot, where the arrowhead ends.
				const end = Math.max(distance - dot.r - 2, 0);
				const start = Math.min(3, end);
				const [ux, uy] = [(dot.x - x) / distance, (dot.y - y) / distance];
				obstacles.push({ x: x - 4, y: y - 4, w: 8, h: 8 });
				moves.push(
					{ tag: 'circle', attrs: { class: classes('sc-dot-previous', dot.group), cx: x, cy: y, r: 3, fill: 'none', 'data-key': point.key } },
					line(classes('sc-move', dot.group), x + ux * start, y + uy * start, x + ux * end, y + uy * end, { 'marker-end': `url(#${arrow})`, 'data-key': point.key }),
				);
			}
		children.unshift({
			tag: 'defs',
			attrs: {},
			children: [
				{
					tag: 'marker',
					attrs: { id: arrow, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto' },
					children: [{ tag: 'path', attrs: { class: 'sc-arrow', d: 'M 0 0 L 10 5 L 0 10 z' } }],
				},
			],
		});
		children.push(...moves);
	}

	// The highlighted dot first, then the most crowded: they need the nearest spots most.
	const crowding = (dot: (typeof dots)[number]) => dots.filter((other) => Math.hypot(other.x - dot.x, other.y - dot.y) < 40).length;
	const order = dots
		.map((dot, index) => ({ dot, index, crowd: crowding(dot) }))
		.sort((a, b) => Number(b.dot.group === highlighted) - Number(a.dot.group === highlighted) || b.crowd - a.crowd || a.index - b.index)
		.map(({ dot }) => dot);
	// Clear of the ticks' numbers, left and below.
	const area: Box = { x: left - 6, y: 2, w: size - 2 - (left - 6), h: bottom + 2 - 2 };
	const labelSize = (lines: string[]) => ({
		w: roundUp(Math.max(...lines.map((text) => textWidth(text, LABEL_FONT))) + 2 * PAD),
		h: roundUp(lines.length * lineHeight(LABEL_FONT) + 2 * PAD),
	});
	const numberSize = { w: roundUp(textWidth('8'.repeat(String(dots.length).length), NUMBER_FONT) + 2 * PAD + 2), h: roundUp(lineHeight(NUMBER_FONT) + 2 * PAD) };

	// Labels too long for beside a dot are numbered from the start; so are those that find no
	// spot, and the placement starts again until every label or number has one.
	const numbered = new Set(dots.filter((dot) => dot.lines.length > LABEL_LINES));
	let placements: (Placement | undefined)[];
	for (;;) {
		placements = placeLabels(
			order.map((dot) => ({ x: dot.x, y: dot.y, r: dot.r, ...(numbered.has(dot) ? numberSize : labelSize(dot.lines)) })),
			obstacles,
			area,
		);
		const failed = order.filter((_, index) => !placements[index]);
		const fresh = failed.filter((dot) => !numbered.has(dot));
		if (fresh.length > 0) fresh.forEach((dot) => numbered.add(dot));
		// Numbers that find no spot beside full labels: everything is numbered.
		else if (failed.length > 0 && numbered.size < order.length) order.forEach((dot) => numbered.add(dot));
		// Still no spot (only with far more points than a class has): the label is in the legend only.
		else break;
	}
	const numbers = new Map(
		[...numbered]
			.sort((a, b) => a.group.label.localeCompare(b.group.label) || a.x - b.x || a.y - b.y)
			.map((dot, index) => [dot, index + 1]),
	);

	const leaders: SvgNode[] = [];
	const dotNodes: SvgNode[] = [];
	const labelNodes: SvgNode[] = [];
	order.forEach((dot, index) => {
		const placement = placements[index];
		const key = dot.group.keys.join(' ');
		const isHighlight = dot.group === highlighted;
		const circle: SvgNode = { tag: 'circle', attrs: { class: classes('sc-dot', dot.group), cx: dot.x, cy: dot.y, r: dot.r, 'data-key': key } };
		if (isHighlight) dotNodes.push(circle);
		else dotNodes.unshift(circle);
		if (!placement) return;
		const { box, leader } = placement;
		if (leader) leaders.push(line(classes('sc-leader', dot.group), leader.x1, leader.y1, leader.x2, leader.y2, { 'data-key': key }));
		const number = numbers.get(dot);
		let node: SvgNode;
		if (number !== undefined) {
			node = {
				tag: 'text',
				attrs: {
					class: `${classes('sc-dot-label', dot.group)} sc-dot-number`,
					x: round(box.x + box.w / 2),
					y: round(box.y + ascent(NUMBER_FONT)),
					'text-anchor': 'middle',
					'font-size': NUMBER_FONT,
				},
				text: String(number),
			};
		} else {
			const x = round(box.x + PAD);
			node = {
				tag: 'text',
				attrs: { class: classes('sc-dot-label', dot.group), x, y: round(box.y + ascent(LABEL_FONT)), 'text-anchor': 'start', 'font-size': LABEL_FONT },
			};
			if (dot.lines.length === 1) node.text = dot.lines[0]!;
			else node.children = dot.lines.map((text, line) => ({ tag: 'tspan', attrs: { x, dy: line === 0 ? 0 : lineHeight(LABEL_FONT) }, text }));
		}
		Object.assign(node.attrs, { 'data-key': key, 'data-label': dot.group.label, 'data-box': boxAttr(box) });
		if (isHighlight) labelNodes.push(node);
		else labelNodes.unshift(node);
	});
	// (Dots and labels were collected highlight-last; the others keep their crowding order.)
	children.push(...leaders, ...dotNodes, ...labelNodes);

	let height = size;
	if (numbers.size > 0) {
		// The legend: "1. A.B.", "2. Jean-Philippe", in rows under the plot, a long one wrapped.
		const lineGap = lineHeight(LABEL_FONT);
		const edge = 8;
		let x = edge;
		let y = size + 4;
		let rowHeight = 0;
		for (const [dot, number] of [...numbers].sort((a, b) => a[1] - b[1])) {
			const mark = `${number}.`;
			const markWidth = textWidth(mark, LABEL_FONT) + 4;
			const lines = wrapLabel(dot.group.label, size - 2 * edge - 2 * PAD - markWidth, LABEL_FONT);
			const w = roundUp(markWidth + Math.max(...lines.map((text) => textWidth(text, LABEL_FONT))) + 2 * PAD);
			const h = roundUp(lines.length * lineGap + 2 * PAD);
			if (x > edge && x + w > size - edge) {
				x = edge;
				y = round(y + rowHeight);
				rowHeight = 0;
			}
			const box = { x, y, w, h };
			const textX = round(x + PAD + markWidth);
			children.push({
				tag: 'text',
				attrs: {
					class: classes('sc-legend-item', dot.group),
					x: round(x + PAD),
					y: round(y + ascent(LABEL_FONT)),
					'font-size': LABEL_FONT,
					'data-key': dot.group.keys.join(' '),
					'data-label': dot.group.label,
					'data-box': boxAttr(box),
				},
				children: [
					{ tag: 'tspan', attrs: { class: 'sc-legend-number' }, text: mark },
					...lines.map((text, line): SvgNode => ({ tag: 'tspan', attrs: line === 0 ? { x: textX } : { x: textX, dy: lineGap }, text })),
				],
			});
			x = round(x + w + 10);
			rowHeight = Math.max(rowHeight, h + 2);
		}
		height = y + rowHeight + 4;
	}
	return root(size, height, title, 'sc-scatter', children, highlighted ? { 'data-highlight': options.highlight! } : {});
}

export interface TimelinePoint {
	/** ISO date-time of the check. */
	date: string;
	values: Record<string, number | null>;
}

/** A line's point marker: a different shape per line, so that colour is not the only cue. */
function shape(index: number, x: number, y: number, attrs: Record<string, string | number> = {}): SvgNode {
	const className = `sc-point sc-point-${index}`;
	if (index === 0) return { tag: 'circle', attrs: { class: className, cx: round(x), cy: round(y), r: 4, ...attrs } };
	if (index === 1) return { tag: 'rect', attrs: { class: className, x: round(x - 3.5), y: round(y - 3.5), width: 7, height: 7, ...attrs } };
	const [cx, cy] = [round(x), round(y)];
	return { tag: 'path', attrs: { class: className, d: `M ${cx} ${round(cy - 5)} L ${round(cx + 5)} ${cy} L ${cx} ${round(cy + 5)} L ${round(cx - 5)} ${cy} Z`, ...attrs } };
}

/**
 * One student's scores over all their checks: a line per score (with its own point shape),
 * the dates across, the scale up, and a dashed line where each plan started.
 */
export function timelineChart(
	points: TimelinePoint[],
	lines: { id: string; label: string }[],
	marks: { date: string; label: string }[],
	axis: Axis,
	title: string,
	formatDate: (iso: string) => string,
): SvgNode {
	const width = 400;
	const left = 40;
	const right = width - 16;
	const edge = 4;
	const children: SvgNode[] = [];

	// The legend, along the top: a piece of each line with its shape, and its name.
	const legendFont = 12;
	const legendRow = 18;
	let legendX = edge;
	let legendY = edge;
	lines.forEach((entry, index) => {
		const text = fit(entry.label, width - 2 * edge - 26 - 2 * PAD, legendFont);
		const itemWidth = 26 + textWidth(text, legendFont) + 2 * PAD;
		if (legendX > edge && legendX + itemWidth > width - edge) {
			legendX = edge;
			legendY += legendRow;
		}
		const y = legendY + legendRow / 2;
		children.push(
			line(`sc-line sc-line-${index} sc-legend-sample`, legendX + 1, y, legendX + 21, y),
			shape(index, legendX + 11, y),
			label('sc-legend-label', text, legendX + 26 + PAD, y + 4.5, 'start', legendFont, { 'data-line': entry.id }),
		);
		legendX += itemWidth + 12;
	});
	const legendBottom = lines.length > 0 ? legendY + legendRow : edge;

	// Time across: from the earliest to the latest date, a little room on both sides.
	const time = (iso: string) => Date.parse(iso);
	const sorted = [...points].sort((a, b) => time(a.date) - time(b.date));
	const sortedMarks = [...marks].sort((a, b) => time(a.date) - time(b.date));
	const times = [...sorted, ...sortedMarks].map((item) => time(item.date)).filter(Number.isFinite);
	let [first, last] = times.length > 0 ? [Math.min(...times), Math.max(...times)] : [0, 0];
	const pad = (last - first) * 0.05 || 86_400_000;
	[first, last] = [first - pad, last + pad];
	const inner = [left + 6, right - 6];
	const xOf = (iso: string) => round(inner[0]! + ((time(iso) - first) / (last - first)) * (inner[1]! - inner[0]!));

	// Plan starts: dashed lines, their labels beside them in rows above the plot. A label takes
	// the first row where it covers no other label and no other plan's line passes through it.
	const markFont = 11;
	const rowHeight = roundUp(lineHeight(markFont) + 2 * PAD);
	const rowTop = (row: number) => round(legendBottom + 2 + row * rowHeight);
	const placedMarks: { x: number; row: number; box: Box; mark: (typeof marks)[number] }[] = [];
	for (const mark of sortedMarks) {
		const x = xOf(mark.date);
		const text = fit(mark.label, 120, markFont);
		const w = roundUp(textWidth(text, markFont) + 2 * PAD);
		// Right of its line if it fits (in a lower row if need be), left of it otherwise.
		const rowsToTry = Array.from({ length: placedMarks.length + 1 }, (_, row) => row);
		const options = [x + 2, x - 2 - w].flatMap((boxX) => rowsToTry.map((row) => ({ row, box: { x: round(boxX), y: rowTop(row), w, h: rowHeight } })));
		const chosen =
			options.find(
				({ row, box }) =>
					box.x >= edge &&
					box.x + w <= width - edge &&
					// A plan's line runs down from the top of its own row.
					placedMarks.every(
						(other) =>
							!(other.row === row && overlaps(box, other.box)) &&
							!(other.row <= row && other.x > box.x && other.x < box.x + w) &&
							!(other.row >= row && x > other.box.x && x < other.box.x + other.box.w),
					),
			) ??
			// No row keeps every line off every label (a crowd of plans at the right edge): a new row.
			{ row: placedMarks.length, box: { x: round(clamp(x + 2, edge, width - edge - w)), y: rowTop(placedMarks.length), w, h: rowHeight } };
		placedMarks.push({ x, ...chosen, mark: { ...mark, label: text } });
	}
	const rows = placedMarks.length > 0 ? Math.max(...placedMarks.map((mark) => mark.row)) + 1 : 0;
	const top = round(rowTop(rows) + 12);
	const bottom = top + 160;

	for (const tick of ticks(axis)) {
		const y = project(axis, tick, bottom, top);
		children.push(line('sc-grid', left, y, right, y), label('sc-tick', String(tick), left - 6, y + 4, 'end'));
	}

	// Dates across: the checks' dates, first and last first, then evenly between, at most 5, none covering another.
	const dateFont = 11;
	const candidates: { x: number; text: string; box: Box }[] = [];
	for (const point of sorted) {
		const text = formatDate(point.date);
		if (candidates.at(-1)?.text === text) continue;
		const x = xOf(point.date);
		const w = textWidth(text, dateFont) + 2 * PAD;
		const center = clamp(x, left - 4 + w / 2, width - edge - w / 2);
		candidates.push({ x, text, box: textBox(text, center, bottom + 16, 'middle', dateFont) });
	}
	const chosenTicks: typeof candidates = [];
	const addTick = (tick: (typeof candidates)[number] | undefined) => {
		if (tick && chosenTicks.length < 5 && !chosenTicks.includes(tick) && chosenTicks.every((other) => !overlaps({ ...tick.box, x: tick.box.x - 4, w: tick.box.w + 8 }, other.box)))
			chosenTicks.push(tick);
	};
	addTick(candidates[0]);
	addTick(candidates.at(-1));
	if (candidates.length > 2) {
		const [from, to] = [candidates[0]!.x, candidates.at(-1)!.x];
		for (const part of [2, 1, 3]) {
			const target = from + ((to - from) * part) / 4;
			addTick(candidates.reduce((best, tick) => (Math.abs(tick.x - target) < Math.abs(best.x - target) ? tick : best)));
		}
	}
	for (const tick of chosenTicks.sort((a, b) => a.x - b.x)) {
		children.push(line('sc-grid', tick.x, top, tick.x, bottom), {
			tag: 'text',
			attrs: { class: 'sc-tick', x: round(tick.box.x + tick.box.w / 2), y: bottom + 16, 'text-anchor': 'middle', 'font-size': dateFont, 'data-box': boxAttr(tick.box) },
			text: tick.text,
		});
	}

	for (const mark of placedMarks) {
		children.push(
			line('sc-mark', mark.x, mark.box.y, mark.x, bottom, { 'stroke-dasharray': '4 3', 'data-date': mark.mark.date }),
			{
				tag: 'text',
				attrs: {
					class: 'sc-mark-label',
					x: round(mark.box.x + PAD),
					y: round(mark.box.y + ascent(markFont)),
					'font-size': markFont,
					'data-date': mark.mark.date,
					'data-box': boxAttr(mark.box),
				},
				text: mark.mark.label,
			},
		);
	}

	// The lines, then their points on top.
	const markers: SvgNode[] = [];
	lines.forEach((entry, index) => {
		const coords: string[] = [];
		for (const point of sorted) {
			const value = point.values[entry.id];
			if (value === null || value === undefined) continue;
			const x = xOf(point.date);
			const y = project(axis, clamp(value, axis.min, axis.max), bottom, top);
			coords.push(`${x},${y}`);
			markers.push(shape(index, x, y, { 'data-line': entry.id, 'data-date': point.date }));
		}
		children.push({ tag: 'polyline', attrs: { class: `sc-line sc-line-${index}`, points: coords.join(' '), fill: 'none', 'data-line': entry.id } });
	});
	children.push(...markers);

	return root(width, bottom + 24, title, 'sc-timeline', children);
}
