/**
 * In-page audits for tests/e2e/layout.spec.ts, run with page.evaluate(). Each function is
 * serialised into the page, so it must be self-contained: no imports, no outer helpers.
 * Each returns every offender it finds, as readable lines, so one failure lists them all.
 */

/**
 * Reflow (WCAG 2.2 1.4.10): the document must not scroll sideways, and nothing that is seen
 * (text, images, controls) may lie past the viewport's left or right edge, where the root or
 * body would hide it. Returns a line for the page's extra width, then one per outermost element
 * holding such content (a fixed element's empty box past the edge, like Starlight's right
 * sidebar, is not reported: only what is drawn counts). Content inside a scroll container is
 * measured as far as that container shows it.
 */
export function auditReflow(): string[] {
	const describe = (element: Element): string => {
		const parts: string[] = [];
		for (let node: Element | null = element; node && node !== document.body && parts.length < 3; node = node.parentElement) {
			const classes = [...node.classList].slice(0, 2).map((name) => `.${CSS.escape(name)}`).join('');
			parts.unshift(node.id ? `${node.localName}#${CSS.escape(node.id)}` : `${node.localName}${classes}`);
			if (node.id) break;
		}
		const text = ((element as HTMLElement).innerText ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
		return `${parts.join(' > ')}${text ? ` “${text.length > 60 ? `${text.slice(0, 59)}…` : text}”` : ''}`;
	};
	const root = document.documentElement;
	const width = root.clientWidth;
	const problems: string[] = [];
	if (root.scrollWidth > width) problems.push(`the document is ${root.scrollWidth} px wide in a ${width} px viewport`);

	const styles = new Map<Element, CSSStyleDeclaration>();
	const style = (element: Element) => styles.get(element) ?? styles.set(element, getComputedStyle(element)).get(element)!;
	/** The horizontal part of a box that `clipper` and its ancestors (not the root or body) let through. */
	const shown = (clipper: Element | null, left: number, right: number): [number, number] => {
		for (let node = clipper; node && node !== document.body && node !== root; node = node.parentElement) {
			if (style(node).overflowX === 'visible') continue;
			const box = node.getBoundingClientRect();
			left = Math.max(left, box.left + node.clientLeft);
			right = Math.min(right, box.left + node.clientLeft + node.clientWidth);
		}
		return [left, right];
	};
	const beyond = (clipper: Element | null, rects: Iterable<DOMRect>) => {
		for (const rect of rects) {
			if (rect.width < 1 || rect.height < 1) continue;
			const [left, right] = shown(clipper, rect.left, rect.right);
			if (right - left >= 1 && (right > width + 1 || left < -1)) return true;
		}
		return false;
	};
	const outermost = (element: Element): Element => {
		let found = element;
		for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
			if (style(node).position === 'fixed') break;
			const box = node.getBoundingClientRect();
			if (box.right > width + 1 || box.left < -1) found = node;
		}
		return found;
	};
	const offenders = new Set<Element>();
	const range = document.createRange();
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement!;
		if (!node.textContent!.trim() || !parent.checkVisibility({ visibilityProperty: true })) continue;
		range.selectNodeContents(node);
		if (beyond(parent, range.getClientRects())) offenders.add(outermost(parent));
	}
	for (const element of document.body.querySelectorAll('img, svg, video, canvas, iframe, input, button, select, textarea')) {
		if (element.parentElement!.closest('svg') || !element.checkVisibility({ visibilityProperty: true })) continue;
		if (beyond(element.parentElement, [element.getBoundingClientRect()])) offenders.add(outermost(element));
	}
	for (const element of offenders) {
		const box = element.getBoundingClientRect();
		problems.push(`${describe(element)} spans ${Math.round(box.left)}–${Math.round(box.right)} px`);
	}
	return problems;
}

/**
 * Clipped text, in the elements matching `scope` and inside them: an element that clips its
 * overflow (overflow hidden or clip, which text-overflow: ellipsis needs) while some of its
 * visible text lies outside its box; and text of an SVG image (the self-check's charts) that
 * runs past the image's edge.
 * Visually hidden 1 px elements (sr-only) are ignored; scroll containers (overflow auto or
 * scroll: code blocks, tables) are not clipping and are not looked at.
 */
export function auditClippedText(scope = 'body'): string[] {
	const describe = (element: Element): string => {
		const parts: string[] = [];
		for (let node: Element | null = element; node && node !== document.body && parts.length < 3; node = node.parentElement) {
			const classes = [...node.classList].slice(0, 2).map((name) => `.${CSS.escape(name)}`).join('');
			parts.unshift(node.id ? `${node.localName}#${CSS.escape(node.id)}` : `${node.localName}${classes}`);
			if (node.id) break;
		}
		return parts.join(' > ');
	};
	const problems: string[] = [];
	const inScope = [...document.querySelectorAll(scope)].flatMap((root) => [root, ...root.querySelectorAll('*')]);
	for (const element of new Set(inScope)) {
		if (element.closest('svg') || !element.checkVisibility({ visibilityProperty: true })) continue;
		const style = getComputedStyle(element);
		const clipX = ['hidden', 'clip'].includes(style.overflowX);
		const clipY = ['hidden', 'clip'].includes(style.overflowY);
		if (!clipX && !clipY) continue;
		const box = element.getBoundingClientRect();
		if (box.width <= 1 || box.height <= 1) continue; // sr-only
		if (!(clipX && element.scrollWidth > element.clientWidth + 1) && !(clipY && element.scrollHeight > element.clientHeight + 1)) continue;
		// The padding box, which is what overflow clips to.
		const left = box.left + element.clientLeft;
		const top = box.top + element.clientTop;
		const right = left + element.clientWidth;
		const bottom = top + element.clientHeight;
		const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
		const cut: string[] = [];
		const range = document.createRange();
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent!.trim();
			if (!text || !node.parentElement!.checkVisibility({ visibilityProperty: true }) || node.parentElement!.closest('svg')) continue;
			range.selectNodeContents(node);
			const outside = [...range.getClientRects()].some(
				(rect) => rect.width > 0 && ((clipX && (rect.right > right + 1 || rect.left < left - 1)) || (clipY && (rect.bottom > bottom + 1 || rect.top < top - 1))),
			);
			if (outside) cut.push(text);
		}
		if (cut.length === 0) continue;
		const words = cut.join(' ').replace(/\s+/g, ' ');
		const how = style.textOverflow === 'ellipsis' ? 'cut off with an ellipsis' : `clipped (overflow ${style.overflowX} ${style.overflowY})`;
		problems.push(
			`${describe(element)} “${words.length > 80 ? `${words.slice(0, 79)}…` : words}” is ${how}: content ${element.scrollWidth}×${element.scrollHeight} px in a ${element.clientWidth}×${element.clientHeight} px box`,
		);
	}
	// SVG (the self-check's charts): text past the edge of a clipping <svg> is cut off too.
	for (const svg of new Set([...document.querySelectorAll(scope)].flatMap((root) => [...root.querySelectorAll('svg')]))) {
		if (svg.parentElement!.closest('svg') || !svg.checkVisibility({ visibilityProperty: true })) continue;
		const style = getComputedStyle(svg);
		if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
		const box = svg.getBoundingClientRect();
		if (box.width <= 1 || box.height <= 1) continue;
		for (const text of svg.querySelectorAll('text')) {
			const rect = text.getBoundingClientRect();
			if (rect.width === 0 || !text.textContent!.trim()) continue;
			if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) {
				problems.push(
					`${describe(svg)} “${text.textContent!.trim()}” is clipped by the edge of its SVG: text ${Math.round(rect.left - box.left)}–${Math.round(rect.right - box.left)} × ${Math.round(rect.top - box.top)}–${Math.round(rect.bottom - box.top)} px in a ${Math.round(box.width)}×${Math.round(box.height)} px image`,
				);
			}
		}
	}
	return problems;
}

/**
 * Target size (WCAG 2.2 2.5.8, minimum): each pointer target inside `scope` is at least
 * 24×24 CSS px, or passes an exception:
 * - inline: a target laid out inline in a line of text that is not itself a target (a link
 *   in a sentence);
 * - spacing: a 24 px circle centred on its bounding box intersects no other target and no
 *   other undersized target's circle (every target on the page counts, in scope or not).
 * A radio button or checkbox wrapped in its <label> is one target with the label: clicking the
 * label's words sets it, and the label's box is what is measured. A <label> whose control is
 * visually hidden (a file input styled as a button) is the target in its control's place.
 * Native confirm() dialogs belong to the browser (the user-agent exception) and are not in the DOM.
 */
export function auditTargets(scope: string): string[] {
	const MIN = 24;
	const describe = (element: Element): string => {
		const parts: string[] = [];
		for (let node: Element | null = element; node && node !== document.body && parts.length < 2; node = node.parentElement) {
			const classes = [...node.classList].slice(0, 2).map((name) => `.${CSS.escape(name)}`).join('');
			const attrs = node.localName === 'input' ? `[type=${(node as HTMLInputElement).type}]` : '';
			parts.unshift(node.id ? `${node.localName}#${CSS.escape(node.id)}` : `${node.localName}${classes}${attrs}`);
			if (node.id) break;
		}
		const text = ((element as HTMLElement).innerText || element.getAttribute('aria-label') || (element as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim();
		return `${parts.join(' > ')}${text ? ` “${text.length > 50 ? `${text.slice(0, 49)}…` : text}”` : ''}`;
	};
	const selector =
		'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="checkbox"], [role="radio"], [role="tab"], [tabindex]:not([tabindex^="-"]), label';
	// A control at opacity 0 still takes clicks (Starlight's heading anchors show on hover), so it counts.
	const hidden = (element: Element) => {
		const rect = element.getBoundingClientRect();
		return rect.width <= 1 || rect.height <= 1 || !element.checkVisibility({ visibilityProperty: true });
	};
	/** The element that is clicked for this control, or null when it is not a target of its own. */
	const targetOf = (element: Element): Element | null => {
		if (element instanceof HTMLLabelElement) {
			const control = element.control;
			if (!control) return null;
			if (element.contains(control) && control instanceof HTMLInputElement && ['radio', 'checkbox'].includes(control.type)) return element;
			return hidden(control) ? element : null;
		}
		if (element instanceof HTMLInputElement && ['radio', 'checkbox'].includes(element.type)) {
			const wrapping = element.closest('label');
			if (wrapping) return null; // measured as its label
		}
		// Scroll containers made focusable for keyboard users are not pointer targets.
		if (element.getAttribute('tabindex') !== null && !element.matches('a[href], button, input, select, textarea, summary, [role]')) return null;
		return element;
	};
	const targets = [...new Set([...document.querySelectorAll(selector)].map(targetOf))].filter((element): element is Element => element !== null && !hidden(element));
	const rectsOf = (element: Element) => [...element.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
	const box = (element: Element) => element.getBoundingClientRect();
	const undersized = (element: Element) => box(element).width < MIN - 0.01 || box(element).height < MIN - 0.01;

	/** A target laid out inline in a line that has text of its own outside any target. */
	const inline = (element: Element): boolean => {
		if (getComputedStyle(element).display !== 'inline') return false;
		let block = element.parentElement!;
		while (getComputedStyle(block).display.startsWith('inline') || getComputedStyle(block).display === 'contents') block = block.parentElement!;
		const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			if (!/[\p{L}\p{N}]/u.test(node.textContent!)) continue;
			const owner = node.parentElement!;
			if (!targets.some((target) => target.contains(owner)) && owner.checkVisibility()) return true;
		}
		return false;
	};
	const centre = (element: Element) => {
		const rect = box(element);
		return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
	};
	const circleHitsRect = (c: { x: number; y: number }, rect: DOMRect) => {
		const dx = Math.max(rect.left - c.x, 0, c.x - rect.right);
		const dy = Math.max(rect.top - c.y, 0, c.y - rect.bottom);
		return dx * dx + dy * dy < (MIN / 2) ** 2;
	};
	// Targets in a fixed or sticky box (the header, the presentation controls) only meet the page's
	// targets where the page happens to be scrolled: each is compared with its own layer only.
	const layerOf = (element: Element) => {
		for (let node: Element | null = element; node; node = node.parentElement) if (['fixed', 'sticky'].includes(getComputedStyle(node).position)) return node;
		return null;
	};
	const layers = new Map(targets.map((target) => [target, layerOf(target)]));
	const small = targets.filter((target) => undersized(target) && !inline(target));
	const problems: string[] = [];
	for (const target of document.querySelectorAll(scope)) {
		for (const element of small) {
			if (!target.contains(element)) continue;
			const c = centre(element);
			const near = targets.filter(
				(other) =>
					other !== element &&
					layers.get(other) === layers.get(element) &&
					!other.contains(element) &&
					!element.contains(other) &&
					(rectsOf(other).some((rect) => circleHitsRect(c, rect)) ||
						(small.includes(other) && Math.hypot(centre(other).x - c.x, centre(other).y - c.y) < MIN)),
			);
			if (near.length === 0) continue;
			const rect = box(element);
			problems.push(`${describe(element)} is ${Math.round(rect.width * 10) / 10}×${Math.round(rect.height * 10) / 10} px, too close to ${near.map(describe).slice(0, 3).join('; ')}`);
		}
	}
	return [...new Set(problems)];
}

/**
 * Forced colours (Windows high contrast): the self-check's radio buttons, progress text,
 * buttons and chart marks must stand out from what is behind them (contrast of at least 4.5:1
 * for text, 3:1 for shapes, WCAG 1.4.3 and 1.4.11), and the results chart's bars must differ by
 * more than colour (in this mode there is hardly any colour left). Returns every problem found.
 */
export function auditForcedColours(): string[] {
	const describe = (element: Element): string => {
		const classes = [...element.classList].slice(0, 2).map((name) => `.${CSS.escape(name)}`).join('');
		const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim();
		return `${element.localName}${classes}${text ? ` “${text.length > 40 ? `${text.slice(0, 39)}…` : text}”` : ''}`;
	};
	type RGBA = [number, number, number, number];
	const parse = (color: string): RGBA | null => {
		const match = color.match(/rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/);
		return match ? [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])] : null;
	};
	const over = (top: RGBA, bottom: RGBA): RGBA => [0, 1, 2].map((i) => top[i]! * top[3] + bottom[i]! * (1 - top[3])).concat(1) as RGBA;
	const luminance = ([r, g, b]: RGBA) =>
		[r, g, b].map((value) => ((value /= 255) <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4)).reduce((sum, value, i) => sum + value * [0.2126, 0.7152, 0.0722][i]!, 0);
	const contrast = (a: RGBA, b: RGBA) => {
		const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
		return (high + 0.05) / (low + 0.05);
	};
	/** The opaque colour behind an element: its nearest ancestor's (or its own) background. */
	const backgroundOf = (element: Element | null): RGBA => {
		const layers: RGBA[] = [];
		for (let node = element; node; node = node.parentElement) {
			const colour = parse(getComputedStyle(node).backgroundColor);
			if (colour && colour[3] > 0) layers.push(colour);
			if (colour && colour[3] === 1) break;
		}
		return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1] as RGBA);
	};
	const problems: string[] = [];
	const need = (element: Element, what: string, colour: string, behind: RGBA, minimum: number) => {
		const parsed = parse(colour);
		const ratio = parsed ? contrast(over(parsed, behind), behind) : 0;
		if (ratio < minimum) problems.push(`${describe(element)}: ${what} ${colour} on rgb(${behind.slice(0, 3).join(', ')}) has contrast ${ratio.toFixed(2)}:1, under ${minimum}:1`);
	};
	const shown = (element: Element) => element.checkVisibility({ visibilityProperty: true });
	const scope = '[data-sc-check], [data-sc-students]';

	for (const radio of document.querySelectorAll(`:is(${scope}) input[type="radio"]`)) {
		if (!shown(radio)) continue;
		const style = getComputedStyle(radio);
		// Drawn by the system in its own colours, unless the page takes that away.
		if (style.forcedColorAdjust === 'none' || style.appearance === 'none') problems.push(`${describe(radio.closest('label') ?? radio)}: the radio button is not drawn in system colours`);
		need(radio, 'colour', style.color, backgroundOf(radio.parentElement), 3);
	}
	for (const progress of document.querySelectorAll(`:is(${scope}) [data-sc-progress]`)) {
		if (shown(progress)) need(progress, 'text', getComputedStyle(progress).color, backgroundOf(progress), 4.5);
	}
	for (const button of document.querySelectorAll(`:is(${scope}) :is(button, .sc-button)`)) {
		if (!shown(button)) continue;
		const style = getComputedStyle(button);
		need(button, 'text', style.color, backgroundOf(button), (button as HTMLButtonElement).disabled ? 3 : 4.5);
		if (parseFloat(style.borderTopWidth) > 0) need(button, 'border', style.borderTopColor, backgroundOf(button.parentElement), 3);
		else problems.push(`${describe(button)}: no border, so its shape is not seen in forced colours`);
	}
	for (const chart of document.querySelectorAll(`:is(${scope}) svg.sc-chart`)) {
		if (!shown(chart)) continue;
		const behind = backgroundOf(chart.parentElement);
		for (const text of chart.querySelectorAll('text')) need(text, 'text fill', getComputedStyle(text).fill, behind, 4.5);
		for (const line of chart.querySelectorAll('line')) need(line, 'line', getComputedStyle(line).stroke, behind, 3);
		for (const mark of chart.querySelectorAll('rect, circle')) {
			const style = getComputedStyle(mark);
			const fill = parse(style.fill);
			const stroke = parse(style.stroke);
			const fillContrast = fill ? contrast(over(fill, behind), behind) : 0;
			const strokeContrast = stroke && parseFloat(style.strokeWidth) >= 1 ? contrast(over(stroke, behind), behind) : 0;
			if (Math.max(fillContrast, strokeContrast) < 3)
				problems.push(`${describe(mark)}: fill ${style.fill} and stroke ${style.stroke} on rgb(${behind.slice(0, 3).join(', ')}): contrast ${Math.max(fillContrast, strokeContrast).toFixed(2)}:1, under 3:1`);
		}
		// The bars (Bond, Collaboration…) are told apart by their drawing, not by colour alone.
		const bars = [...chart.querySelectorAll('rect.sc-bar')];
		const looks = bars.map((bar) => {
			const style = getComputedStyle(bar);
			const filled = contrast(over(parse(style.fill) ?? [0, 0, 0, 0], behind), behind) >= 3;
			const stroke = parse(style.stroke);
			const outlined = stroke !== null && parseFloat(style.strokeWidth) >= 1 && contrast(over(stroke, behind), behind) >= 3;
			return `${filled ? 'solid' : 'hollow'}, ${outlined ? `outlined ${style.strokeWidth} ${style.strokeDasharray}` : 'no outline'}`;
		});
		if (new Set(looks).size < bars.length) problems.push(`${describe(chart)}: its ${bars.length} bars look alike (${looks.join('; ')}): they differ only by colour`);
		const labels = chart.querySelectorAll('text.sc-bar-label');
		if (labels.length !== bars.length) problems.push(`${describe(chart)}: ${bars.length} bars but ${labels.length} labels`);
	}
	return problems;
}
