/** One check's main scores as horizontal bars (see chart-svg.ts). Pure, no DOM. */
import { label, line, project, root, round, ticks, type Axis, type SvgNode } from './chart-svg';

export interface Bar {
	label: string;
	value: number;
	/** Shown at the end of the bar, already formatted for the page's language. */
	text: string;
}

/** Horizontal bars on the scale, from its lowest point: one per main score. */
export function barChart(bars: Bar[], axis: Axis, title: string): SvgNode {
	const width = 380;
	const left = 110;
	// Room after the scale's end for the value written beside the longest bar.
	const right = width - 44;
	const rowHeight = 34;
	const top = 8;
	const axisY = top + bars.length * rowHeight + 4;
	const children: SvgNode[] = [];
	for (const tick of ticks(axis)) {
		const x = project(axis, tick, left, right);
		children.push(line('sc-grid', x, top, x, axisY), label('sc-tick', String(tick), x, axisY + 16, 'middle'));
	}
	bars.forEach((bar, index) => {
		const y = top + index * rowHeight + 6;
		const end = project(axis, bar.value, left, right);
		children.push(
			label('sc-bar-label', bar.label, left - 8, y + 15, 'end'),
			{ tag: 'rect', attrs: { class: `sc-bar sc-bar-${index}`, x: left, y, width: round(end - left), height: 20 } },
			label('sc-bar-value', bar.text, end + 6, y + 15, 'start'),
		);
	});
	return root(width, axisY + 24, title, 'sc-bars', children);
}
