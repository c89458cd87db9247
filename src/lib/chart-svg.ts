/**
 * What the self-check's charts share: the SVG node tree (turned into elements in the browser
 * with `createElementNS`; no markup is built from strings), the scale's projection, and the text
 * boxes the layouts keep apart. The charts: bar-chart.ts (one check's results) and
 * class-charts.ts (the class scatter and a student's timeline), re-exported by
 * self-check-charts.ts. Pure, no DOM.
 *
 * Every piece of text that must not be covered carries `data-box="x y w h"`: the generous box
 * its glyphs (and their halo) are drawn in, which the layout keeps apart and the tests check.
 */

export interface SvgNode {
	tag: 'svg' | 'g' | 'line' | 'rect' | 'circle' | 'text' | 'tspan' | 'path' | 'polyline' | 'defs' | 'marker';
	attrs: Record<string, string | number>;
	/** Text content (for text/tspan); never markup. */
	text?: string;
	children?: SvgNode[];
}

export interface Axis {
	min: number;
	max: number;
}

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

/** Maps a value on [min, max] to [from, to]. */
export function project(axis: Axis, value: number, from: number, to: number): number {
	return round(from + ((value - axis.min) / (axis.max - axis.min)) * (to - from));
}

export const round = (value: number) => Math.round(value * 10) / 10;
/** Rounds a length up to a tenth, so that a box is never smaller than what it holds. */
export const roundUp = (value: number) => Math.ceil(value * 10 - 1e-6) / 10;
export const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

export function ticks(axis: Axis): number[] {
	return Array.from({ length: axis.max - axis.min + 1 }, (_, index) => axis.min + index);
}

/** Room around glyphs for the halo that keeps text readable over lines (stroke 3px). */
export const PAD = 1.5;
/** The chart's own text size (set on `.sc-chart` by the stylesheet). */
export const FONT = 13;
export const lineHeight = (fontSize: number) => fontSize * 1.2;
/** From a box's top to the first baseline: room for capitals with accents (É). */
export const ascent = (fontSize: number) => PAD + fontSize * 0.95;

export const boxAttr = (box: Box) => `${box.x} ${box.y} ${box.w} ${box.h}`;

/** The box of one line of text written at (x, baseline) with the given anchor. */
export function textBox(text: string, x: number, baseline: number, anchor: 'start' | 'middle' | 'end', fontSize = FONT): Box {
	const w = roundUp(textWidth(text, fontSize) + 2 * PAD);
	const left = anchor === 'start' ? x - PAD : anchor === 'end' ? x + PAD - w : x - w / 2;
	return { x: round(left), y: round(baseline - ascent(fontSize)), w, h: roundUp(lineHeight(fontSize) + 2 * PAD) };
}

/** Do two boxes share any area (touching is fine)? */
export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function inside(box: Box, area: Box): boolean {
	return box.x >= area.x && box.y >= area.y && box.x + box.w <= area.x + area.w && box.y + box.h <= area.y + area.h;
}

export interface Segment {
	x1: number;
	y1: number;
	x2: number;
	y2: number;
}

/** Does a segment cross a box's inside (Liang–Barsky clipping, the box shrunk by half a unit)? */
export function crosses(segment: Segment, box: Box): boolean {
	const [x0, y0, x1, y1] = [box.x + 0.5, box.y + 0.5, box.x + box.w - 0.5, box.y + box.h - 0.5];
	const dx = segment.x2 - segment.x1;
	const dy = segment.y2 - segment.y1;
	let from = 0;
	let to = 1;
	for (const [p, q] of [
		[-dx, segment.x1 - x0],
		[dx, x1 - segment.x1],
		[-dy, segment.y1 - y0],
		[dy, y1 - segment.y1],
	] as const) {
		if (p === 0) {
			if (q < 0) return false;
			continue;
		}
		const t = q / p;
		if (p < 0) from = Math.max(from, t);
		else to = Math.min(to, t);
		if (from > to) return false;
	}
	return true;
}

/** Do two segments cross (touching ends included)? */
export function intersect(a: Segment, b: Segment): boolean {
	const side = (s: Segment, x: number, y: number) => Math.sign((s.x2 - s.x1) * (y - s.y1) - (s.y2 - s.y1) * (x - s.x1));
	return side(a, b.x1, b.y1) * side(a, b.x2, b.y2) <= 0 && side(b, a.x1, a.y1) * side(b, a.x2, a.y2) <= 0;
}

export function root(width: number, height: number, title: string, kind: string, children: SvgNode[], extra: Record<string, string> = {}): SvgNode {
	return {
		tag: 'svg',
		attrs: { class: `sc-chart ${kind}`, viewBox: `0 0 ${width} ${round(height)}`, role: 'img', 'aria-label': title, focusable: 'false', ...extra },
		children,
	};
}

export const line = (className: string, x1: number, y1: number, x2: number, y2: number, extra: Record<string, string | number> = {}): SvgNode => ({
	tag: 'line',
	attrs: { class: className, x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2), ...extra },
});

/** One line of text, with its box. */
export function label(className: string, text: string, x: number, baseline: number, anchor: 'start' | 'middle' | 'end', fontSize = FONT, extra: Record<string, string | number> = {}): SvgNode {
	const attrs: Record<string, string | number> = { class: className, x: round(x), y: round(baseline), 'text-anchor': anchor };
	if (fontSize !== FONT) attrs['font-size'] = fontSize;
	attrs['data-box'] = boxAttr(textBox(text, x, baseline, anchor, fontSize));
	return { tag: 'text', attrs: { ...attrs, ...extra }, text };
}

/** Shortens a text with an ellipsis until it fits `width`. */
export function fit(text: string, width: number, fontSize: number): string {
	const chars = [...text];
	if (textWidth(text, fontSize) <= width) return text;
	while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > width) chars.pop();
	return `${chars.join('')}…`;
}


/**
 * A generous estimate of how wide `text` is drawn at `fontSize` (the chart's 13 px), from the
 * widths of common sans-serif glyphs (DejaVu Sans, the widest of them): better too wide than
 * a label cut off at the chart's edge.
 */
export function textWidth(text: string, fontSize = FONT): number {
	let em = 0;
	for (const char of text) {
		if (/[ijlftr.,:;'’!|\- ]/.test(char)) em += 0.45;
		else if (/[mwMW]/.test(char)) em += 1;
		else if (char !== char.toLowerCase() || /\d/.test(char)) em += 0.78;
		else em += 0.65;
	}
	return em * fontSize;
}
