/**
 * The self-check's small charts, as SVG markup: pure string building, no DOM. Shapes use
 * attributes and classes only (no style attributes: the site's CSP forbids them); colours and
 * the black-and-white print version come from the stylesheet.
 */

/** Escapes text for SVG/HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

export interface Axis {
	min: number;
	max: number;
}

/** Maps a value on [min, max] to [from, to]. */
export function project(axis: Axis, value: number, from: number, to: number): number {
	return round(from + ((value - axis.min) / (axis.max - axis.min)) * (to - from));
}

const round = (value: number) => Math.round(value * 10) / 10;

function ticks(axis: Axis): number[] {
	return Array.from({ length: axis.max - axis.min + 1 }, (_, index) => axis.min + index);
}

function svg(width: number, height: number, title: string, body: string, className: string): string {
	return `<svg class="sc-chart ${className}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(title)}" focusable="false">${body}</svg>`;
}

export interface Bar {
	label: string;
	value: number;
	/** Shown at the end of the bar, already formatted for the page's language. */
	text: string;
}

/** Horizontal bars on the scale, from its lowest point: one per main score. */
export function barChart(bars: Bar[], axis: Axis, title: string): string {
	const width = 380;
	const left = 110;
	// Room after the scale's end for the value written beside the longest bar.
	const right = width - 44;
	const rowHeight = 34;
	const top = 8;
	const axisY = top + bars.length * rowHeight + 4;
	const grid = ticks(axis)
		.map((tick) => {
			const x = project(axis, tick, left, right);
			return `<line class="sc-grid" x1="${x}" y1="${top}" x2="${x}" y2="${axisY}"/><text class="sc-tick" x="${x}" y="${axisY + 16}" text-anchor="middle">${tick}</text>`;
		})
		.join('');
	const rows = bars
		.map((bar, index) => {
			const y = top + index * rowHeight + 6;
			const end = project(axis, bar.value, left, right);
			return (
				`<text class="sc-bar-label" x="${left - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
				`<rect class="sc-bar sc-bar-${index}" x="${left}" y="${y}" width="${round(end - left)}" height="20"/>` +
				`<text class="sc-bar-value" x="${end + 6}" y="${y + 15}">${escapeHtml(bar.text)}</text>`
			);
		})
		.join('');
	return svg(width, axisY + 24, title, grid + rows, 'sc-bars');
}

export interface Point {
	label: string;
	x: number;
	y: number;
}

/** Points at the same place share one dot, their labels joined, so no label hides another. */
export function groupPoints(points: Point[]): Point[] {
	const groups = new Map<string, Point>();
	for (const point of points) {
		const key = `${point.x}|${point.y}`;
		const group = groups.get(key);
		if (group) group.label = `${group.label}, ${point.label}`;
		else groups.set(key, { ...point });
	}
	return [...groups.values()];
}

/** The class at a glance: one labelled dot per student, x and y on the scale. */
export function scatterChart(points: Point[], axis: Axis, labels: { x: string; y: string }, title: string): string {
	const size = 360;
	const left = 48;
	const bottom = size - 44;
	const top = 24; // room above the top row for a dot’s label
	const right = size - 16;
	const grid = ticks(axis)
		.map((tick) => {
			const x = project(axis, tick, left, right);
			const y = project(axis, tick, bottom, top);
			return (
				`<line class="sc-grid" x1="${x}" y1="${top}" x2="${x}" y2="${bottom}"/><text class="sc-tick" x="${x}" y="${bottom + 16}" text-anchor="middle">${tick}</text>` +
				`<line class="sc-grid" x1="${left}" y1="${y}" x2="${right}" y2="${y}"/><text class="sc-tick" x="${left - 8}" y="${y + 4}" text-anchor="end">${tick}</text>`
			);
		})
		.join('');
	const axes =
		`<text class="sc-axis-label" x="${(left + right) / 2}" y="${size - 6}" text-anchor="middle">${escapeHtml(labels.x)}</text>` +
		`<text class="sc-axis-label" x="14" y="${(top + bottom) / 2}" text-anchor="middle" transform="rotate(-90 14 ${(top + bottom) / 2})">${escapeHtml(labels.y)}</text>`;
	const dots = groupPoints(points)
		.map((point) => {
			const x = project(axis, point.x, left, right);
			const y = project(axis, point.y, bottom, top);
			// Labels go left of dots near the right edge so they stay inside the chart.
			const leftSide = x > (left + right) / 2;
			return `<circle class="sc-dot" cx="${x}" cy="${y}" r="5"/><text class="sc-dot-label" x="${leftSide ? x - 8 : x + 8}" y="${y - 7}" text-anchor="${leftSide ? 'end' : 'start'}">${escapeHtml(point.label)}</text>`;
		})
		.join('');
	return svg(size, size, title, grid + axes + dots, 'sc-scatter');
}
