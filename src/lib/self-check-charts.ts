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

/**
 * A generous estimate of how wide `text` is drawn at `fontSize` (the chart's 13 px), from the
 * widths of common sans-serif glyphs (DejaVu Sans, the widest of them): better too wide than
 * a label cut off at the chart's edge.
 */
export function textWidth(text: string, fontSize = 13): number {
	let em = 0;
	for (const char of text) {
		if (/[ijlftr.,:;'’!|\- ]/.test(char)) em += 0.45;
		else if (/[mwMW]/.test(char)) em += 1;
		else if (char !== char.toLowerCase() || /\d/.test(char)) em += 0.78;
		else em += 0.65;
	}
	return em * fontSize;
}

/**
 * Breaks a label into lines no wider than `width`: between students first ("AB, CD"), then
 * after a space or hyphen inside a long label, and only as a last resort inside a word.
 */
export function wrapLabel(label: string, width: number): string[] {
	// Pieces that end after a hyphen or a run of spaces: "Jean-", "Philippe-", "Alexandre, ", "CD".
	const pieces = (label.match(/[^\s-]*-?\s*/g) ?? []).filter((piece) => piece !== '');
	const lines: string[] = [];
	let line = '';
	const push = () => {
		if (line.trim()) lines.push(line.trim());
		line = '';
	};
	for (const piece of pieces) {
		if (textWidth((line + piece).trim()) <= width) {
			line += piece;
			continue;
		}
		push();
		// A piece too wide on a line of its own is cut where it must be (whole characters).
		let rest = [...piece];
		while (textWidth(rest.join('').trim()) > width && rest.length > 1) {
			let cut = rest.length - 1;
			while (cut > 1 && textWidth(rest.slice(0, cut).join('')) > width) cut--;
			lines.push(rest.slice(0, cut).join(''));
			rest = rest.slice(cut);
		}
		line = rest.join('');
	}
	push();
	return lines.length > 0 ? lines : [label];
}

/** The class at a glance: one labelled dot per student, x and y on the scale. */
export function scatterChart(points: Point[], axis: Axis, labels: { x: string; y: string }, title: string): string {
	const size = 360;
	const left = 48;
	const bottom = size - 44;
	const top = 24; // room above the top row for a dot’s label
	const right = size - 16;
	const lineHeight = 15;
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
			// Labels go left of dots in the right half so they stay inside the chart, and wrap onto
			// more lines when they are longer than the room on that side. The lines go up from the dot,
			// or down from it when going up would leave the chart.
			const leftSide = x > (left + right) / 2;
			const labelX = leftSide ? x - 8 : x + 8;
			const lines = wrapLabel(point.label, leftSide ? labelX - 2 : size - labelX - 2);
			const up = y - 7 - (lines.length - 1) * lineHeight >= 14;
			const firstY = up ? y - 7 - (lines.length - 1) * lineHeight : y + 18;
			const text =
				lines.length === 1
					? escapeHtml(point.label)
					: lines.map((line, index) => `<tspan x="${labelX}" dy="${index === 0 ? 0 : lineHeight}">${escapeHtml(line)}</tspan>`).join('');
			return `<circle class="sc-dot" cx="${x}" cy="${y}" r="5"/><text class="sc-dot-label" x="${labelX}" y="${round(firstY)}" text-anchor="${leftSide ? 'end' : 'start'}">${text}</text>`;
		})
		.join('');
	return svg(size, size, title, grid + axes + dots, 'sc-scatter');
}
