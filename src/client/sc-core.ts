/**
 * What the self-check's browser scripts share: the store (opened once per page, saved on every
 * change, refreshed when another tab saves), the storage notice, the page's build-time data,
 * and small helpers that fill the markup Astro rendered (`<template data-t>` clones, `data-s`
 * slots, SVG from the charts' node trees). No markup is built from strings here.
 */
import type { SelfCheckPageData } from '../components/self-check-data';
import type { ClientInstrument } from '../lib/instrument';
import type { SvgNode } from '../lib/chart-svg';
import { fill } from '../lib/self-check-strings';
import { scaleWords } from '../lib/scoring';
import { STORAGE_KEY, emptyStore, openStore, saveStore, type KnownInstruments, type Store } from '../lib/self-check-store';

export const state = {
	store: emptyStore() as Store,
	/** saved: in localStorage; unavailable or corrupt: in memory only, with a notice. */
	mode: 'saved' as 'saved' | 'unavailable' | 'corrupt',
	unreadable: '',
	known: {} as KnownInstruments,
};
const renderers: (() => void)[] = [];
const getStorage = () => window.localStorage;

export const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
/** The element a template or component marks `data-s="name"`. */
export const slot = <T extends Element = HTMLElement>(root: ParentNode, name: string) => $<T>(root, `[data-s="${name}"]`);

const parsed = new WeakMap<Element, SelfCheckPageData>();
/** The build-time data a self-check element carries, read once. */
export const dataOf = (root: Element) => {
	if (!parsed.has(root)) parsed.set(root, JSON.parse($(root, '[data-sc-data]').textContent!) as SelfCheckPageData);
	return parsed.get(root)!;
};

const lang = () => document.documentElement.lang || 'en';
export const number = (value: number) => new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 }).format(value);
/** A signed change: "+0.5", "−0.25", "0". */
export const change = (value: number) => new Intl.NumberFormat(lang(), { maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value);
export const when = (iso: string) => new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
/** A calendar day (YYYY-MM-DD), in words, read as that day wherever the reader is. */
export const dayText = (day: string) => new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 10)}T12:00:00Z`));
export const shortDay = (iso: string) => new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'short' }).format(new Date(iso));
/** Today in the reader's time zone, YYYY-MM-DD. */
export const today = () => {
	const now = new Date();
	return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
/** A check's local day, YYYY-MM-DD. */
export const localDay = (iso: string) => {
	const date = new Date(iso);
	return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};
/** Local date and time for a spreadsheet: "2026-11-24 09:05"; a day (a note's, a re-check's) as it is. */
export const sheetDate = (iso: string) => {
	if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
	const date = new Date(iso);
	return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16).replace('T', ' ');
};
export const mains = (instrument: ClientInstrument) => instrument.scoreInfo.filter((info) => info.role === 'main');
/** My students' address for one student: `?student=J.T.`, then `extra` (`&strategy=…`, `#plan`). */
export const studentHref = (data: SelfCheckPageData, label: string, extra = '') => `${data.myStudents}?${new URLSearchParams({ student: label })}${extra}`;
export const newId = (kind: string) => `${kind}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** A score in numbers and in the scale's words: "Bond: 4.25 on the 1 to 5 scale, between often and always". */
export function scoreWords(data: SelfCheckPageData, value: number): string {
	const labels = data.instrument.scaleLabels.map((word) => word.toLocaleLowerCase(data.lang));
	const words = scaleWords(data.instrument, labels, value);
	return 'at' in words ? words.at : fill(data.strings.between, { low: words.between[0], high: words.between[1] });
}
export const scoreLine = (data: SelfCheckPageData, label: string, value: number) => fill(data.strings.scoreLine, { score: label, value: number(value), words: scoreWords(data, value) });

/** "Collaboration rose from 2.25, between rarely and sometimes, to 3, sometimes." */
export function changeLine(data: SelfCheckPageData, label: string, before: number, after: number): string {
	const s = data.strings;
	const template = after > before ? s.compareRose : after < before ? s.compareFell : s.compareSame;
	return fill(template, { score: label, before: number(before), beforeWords: scoreWords(data, before), after: number(after), afterWords: scoreWords(data, after) });
}

/** A clone of the component's `<template data-t="name">`. */
export function clone(root: ParentNode, name: string): DocumentFragment {
	return $<HTMLTemplateElement>(root, `template[data-t="${name}"]`).content.cloneNode(true) as DocumentFragment;
}
/** The first element of a template's clone. */
export const cloneOne = <T extends Element = HTMLElement>(root: ParentNode, name: string) => clone(root, name).firstElementChild as T;

/** Writes a string's {placeholders} into an element: text as text, nodes (links) as they are. */
export function fillInto(element: Element, template: string, values: Record<string, string | number | Node>): void {
	element.replaceChildren(
		...template.split(/(\{\w+\})/).map((part) => {
			const name = /^\{(\w+)\}$/.exec(part)?.[1];
			const value = name === undefined ? undefined : values[name];
			if (value === undefined) return part;
			return value instanceof Node ? value : String(value);
		}),
	);
}

/** A link with its text. */
export function link(href: string, text: string): HTMLAnchorElement {
	const a = document.createElement('a');
	a.href = href;
	a.textContent = text;
	return a;
}

const SVG = 'http://www.w3.org/2000/svg';
/** The element for one of the charts' node trees (src/lib/self-check-charts.ts). */
export function renderSvg(node: SvgNode): SVGElement {
	const element = document.createElementNS(SVG, node.tag);
	for (const [name, value] of Object.entries(node.attrs)) element.setAttribute(name, String(value));
	if (node.text !== undefined) element.textContent = node.text;
	for (const child of node.children ?? []) element.append(renderSvg(child));
	return element;
}

export function download(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), 5000);
}

let opened = false;
/** Starts every element of the page that `selector` finds: opens the store (once), then `init`s each with its data. */
export function startEach(selector: string, init: (root: HTMLElement, data: SelfCheckPageData) => void): void {
	const roots = [...document.querySelectorAll<HTMLElement>(selector)];
	openOnce(roots);
	roots.forEach((root) => init(root, dataOf(root)));
}

/** Opens the store once for the page, for every self-check element on it. */
function openOnce(roots: Element[]): void {
	if (opened) return;
	opened = true;
	for (const root of roots) {
		const { instrument, voice } = dataOf(root);
		state.known[instrument.id] = { items: instrument.items.map((item) => item.id), min: instrument.min, max: instrument.max };
		if (voice) state.known[voice.id] = { items: voice.model.items.map((item) => item.id), min: voice.model.min, max: voice.model.max };
	}
	const result = openStore(getStorage, state.known);
	state.store = result.store;
	state.mode = result.mode;
	if (result.mode === 'corrupt') state.unreadable = result.raw;
	// What is said for readers without JavaScript.
	document.querySelectorAll<HTMLElement>('[data-sc-nojs]').forEach((note) => (note.hidden = true));
	showNotice();
	// Another tab saved: show what it saved too (forms keep what is being typed here).
	window.addEventListener('storage', (event) => {
		if (event.key !== STORAGE_KEY || state.mode !== 'saved') return;
		const again = openStore(getStorage, state.known);
		if (again.mode === 'saved') {
			state.store = { ...again.store, drafts: state.store.drafts };
			renderers.forEach((render) => render());
		}
	});
}

export const onChange = (render: () => void) => renderers.push(render);

/** Keeps the new state, saves it if the browser lets us, and redraws. */
export function commit(next: Store, redraw = true): void {
	state.store = next;
	if (state.mode === 'saved' && !saveStore(getStorage, next)) {
		state.mode = 'unavailable';
		showNotice();
	}
	if (redraw) renderers.forEach((render) => render());
}

/** The storage notice: the component renders both messages; the one that applies is shown. */
function showNotice(): void {
	const box = document.querySelector<HTMLElement>('[data-sc-notice]');
	if (!box) return;
	const { strings: s } = dataOf(box.closest('[data-sc-root]')!);
	box.hidden = state.mode === 'saved';
	slot(box, 'unavailable').hidden = state.mode !== 'unavailable';
	slot(box, 'corrupt').hidden = state.mode !== 'corrupt';
	box.onclick = (event) => {
		const button = (event.target as Element).closest('button');
		if (button?.hasAttribute('data-sc-raw')) download(`cwam-self-check-unreadable-${today()}.txt`, 'text/plain', state.unreadable);
		if (button?.hasAttribute('data-sc-over') && confirm(s.startOverConfirm)) {
			state.mode = 'saved';
			state.unreadable = '';
			commit(state.store);
			showNotice();
		}
	};
}
