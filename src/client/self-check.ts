/**
 * The self-check in the browser: progress, unanswered statements, results, "My students",
 * export and import. Everything stays in this browser (localStorage); nothing is sent.
 * Scoring, storage and charts are the unit-tested modules in src/lib; this file only wires
 * them to the HTML that SelfCheck.astro and MyStudents.astro render at build time.
 */
import type { SelfCheckPageData } from '../components/self-check-data';
import type { ClientInstrument } from '../lib/instrument';
import { barChart, escapeHtml as esc, scatterChart } from '../lib/self-check-charts';
import { fill } from '../lib/self-check-strings';
import { checkResponses, computeScores, lowest, scaleWords, type Answers, type Scores } from '../lib/scoring';
import {
	STORAGE_KEY,
	addCheck,
	deleteCheck,
	deleteStudent,
	emptyStore,
	findStudent,
	mergeStores,
	openStore,
	readStore,
	saveStore,
	setDraft,
	studentsFor,
	toCsv,
	type Check,
	type KnownInstruments,
	type ReadProblem,
	type Store,
} from '../lib/self-check-store';

let started = false;
let store: Store = emptyStore();
/** saved: in localStorage; unavailable or corrupt: in memory only, with a notice. */
let mode: 'saved' | 'unavailable' | 'corrupt' = 'saved';
let unreadable = '';
let known: KnownInstruments = {};
const renderers: (() => void)[] = [];
const getStorage = () => window.localStorage;

const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector)!;
const parsed = new WeakMap<Element, SelfCheckPageData>();
/** The build-time data each self-check element carries, read once. */
const dataOf = (root: Element) => {
	if (!parsed.has(root)) parsed.set(root, JSON.parse($(root, '[data-sc-data]').textContent!) as SelfCheckPageData);
	return parsed.get(root)!;
};
const lang = () => document.documentElement.lang || 'en';
const number = (value: number) => new Intl.NumberFormat(lang(), { maximumFractionDigits: 2 }).format(value);
const when = (iso: string) => new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
const day = () => new Date().toISOString().slice(0, 10);

export function start(): void {
	if (started) return;
	started = true;
	const checks = [...document.querySelectorAll<HTMLElement>('[data-sc-check]')];
	const lists = [...document.querySelectorAll<HTMLElement>('[data-sc-students]')];
	for (const root of [...checks, ...lists]) {
		const { instrument } = dataOf(root);
		known[instrument.id] = { items: instrument.items.map((item) => item.id), min: instrument.min, max: instrument.max };
	}
	const opened = openStore(getStorage, known);
	store = opened.store;
	mode = opened.mode;
	if (opened.mode === 'corrupt') unreadable = opened.raw;
	// What is said for readers without JavaScript.
	document.querySelectorAll<HTMLElement>('[data-sc-nojs]').forEach((note) => (note.hidden = true));
	checks.forEach((root) => initCheck(root, dataOf(root)));
	lists.forEach((root) => initStudents(root, dataOf(root)));
	showNotice();
	// Another tab saved: show its students too (the form keeps what is being typed here).
	window.addEventListener('storage', (event) => {
		if (event.key !== STORAGE_KEY || mode !== 'saved') return;
		const again = openStore(getStorage, known);
		if (again.mode === 'saved') {
			store = { ...again.store, drafts: store.drafts };
			renderers.forEach((render) => render());
		}
	});
}

/** Keeps the new state, saves it if the browser lets us, and redraws the students' lists. */
function commit(next: Store, redraw = true): void {
	store = next;
	if (mode === 'saved' && !saveStore(getStorage, store)) {
		mode = 'unavailable';
		showNotice();
	}
	if (redraw) renderers.forEach((render) => render());
}

/** The storage notice goes in the first self-check element of the page. */
function showNotice(): void {
	const box = document.querySelector<HTMLElement>('[data-sc-notice]');
	if (!box) return;
	const { strings: s } = dataOf(box.closest('[data-sc-check],[data-sc-students]')!);
	box.hidden = mode === 'saved';
	box.innerHTML =
		mode === 'corrupt'
			? `<p>${esc(s.corrupt)}</p><p><button type="button" class="sc-button" data-sc-raw>${esc(s.exportRaw)}</button> <button type="button" class="sc-button sc-danger" data-sc-over>${esc(s.startOver)}</button></p>`
			: `<p>${esc(s.unavailable)}</p>`;
	box.onclick = (event) => {
		const button = (event.target as Element).closest('button');
		if (button?.hasAttribute('data-sc-raw')) download(`cwam-self-check-unreadable-${day()}.txt`, 'text/plain', unreadable);
		if (button?.hasAttribute('data-sc-over') && confirm(s.startOverConfirm)) {
			mode = 'saved';
			unreadable = '';
			commit(store);
			showNotice();
		}
	};
}

function download(name: string, type: string, text: string): void {
	const url = URL.createObjectURL(new Blob([text], { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 5000);
}

/** A score in numbers and in the scale's words: "4.25 … between often and always". */
function scoreLine(data: SelfCheckPageData, label: string, value: number): string {
	const labels = data.instrument.scaleLabels.map((word) => word.toLocaleLowerCase(data.lang));
	const words = scaleWords(data.instrument, labels, value);
	const phrase = 'at' in words ? words.at : fill(data.strings.between, { low: words.between[0], high: words.between[1] });
	return fill(data.strings.scoreLine, { score: label, value: number(value), words: phrase });
}

const mains = (instrument: ClientInstrument) => instrument.scoreInfo.filter((info) => info.role === 'main');

/** A main score's strategies: its own, or those of the detail scores inside it, weakest first. */
function strategiesFor(instrument: ClientInstrument, id: string, scores: Scores) {
	const info = instrument.scoreInfo.find((entry) => entry.id === id)!;
	if (info.strategies.length > 0) return info.strategies;
	const items = instrument.scores.find((entry) => entry.id === id)!.items;
	return instrument.scoreInfo
		.filter((entry) => entry.role === 'detail' && instrument.scores.find((score) => score.id === entry.id)!.items.every((item) => items.includes(item)))
		.sort((a, b) => scores[a.id]! - scores[b.id]!)
		.flatMap((entry) => entry.strategies);
}

function initCheck(root: HTMLElement, data: SelfCheckPageData): void {
	const { instrument, strings: s } = data;
	const form = $<HTMLFormElement>(root, 'form');
	const student = $<HTMLInputElement>(form, '[data-sc-student]');
	const errors = $(root, '[data-sc-errors]');
	const progress = $(root, '[data-sc-progress]');
	const results = $(root, '[data-sc-results]');
	const announce = $(root, '[data-sc-announce]');
	const base = `sc-${instrument.id}`;
	const radios = (item: string) => form.elements.namedItem(`${base}-${item}`) as RadioNodeList;
	const answers = (): Answers => {
		const given: Answers = {};
		for (const { id } of instrument.items) if (radios(id).value) given[id] = Number(radios(id).value);
		return given;
	};
	let showingErrors = false;

	$(root, '[data-sc-actions]').hidden = false;
	const draft = store.drafts[instrument.id];
	if (draft) {
		student.value = draft.label;
		for (const [item, value] of Object.entries(draft.answers)) if (radios(item)) radios(item).value = String(value);
	}

	const update = () => {
		const { missing } = checkResponses(instrument, answers());
		progress.textContent = fill(s.progress, { n: instrument.items.length - missing.length, total: instrument.items.length });
		if (showingErrors) listErrors(false);
	};

	/** Lists what is missing, as links; true when nothing is. */
	const listErrors = (moveFocus: boolean): boolean => {
		const { missing } = checkResponses(instrument, answers());
		const noLabel = student.value.trim() === '';
		form.querySelectorAll('.sc-missing').forEach((element) => element.classList.remove('sc-missing'));
		missing.forEach((item) => $(form, `#${base}-${item}`).classList.add('sc-missing'));
		student.toggleAttribute('aria-invalid', noLabel);
		showingErrors = noLabel || missing.length > 0;
		const links = missing.map((item) => `<a href="#${base}-${item}">${esc(fill(s.itemRef, { n: instrument.itemNumbers[item]! }))}</a>`).join(', ');
		errors.innerHTML = showingErrors
			? `<ul>${noLabel ? `<li><a href="#${base}-student">${esc(s.missingLabel)}</a></li>` : ''}${missing.length ? `<li>${fill(esc(s.missingItems), { items: links })}</li>` : ''}</ul>`
			: '';
		if (moveFocus && showingErrors) focusField(noLabel ? 'student' : missing[0]!);
		return !showingErrors;
	};
	const focusField = (field: string) => (field === 'student' ? student : $<HTMLInputElement>(form, `#${base}-${field} input`)).focus();
	errors.addEventListener('click', (event) => {
		const link = (event.target as Element).closest('a');
		if (!link) return;
		event.preventDefault();
		focusField(link.hash.slice(base.length + 2));
	});

	const saveDraft = () => commit(setDraft(store, instrument.id, { label: student.value, answers: answers() }), false);
	form.addEventListener('change', () => {
		saveDraft();
		update();
	});
	student.addEventListener('input', saveDraft);

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		if (!listErrors(true)) return;
		const label = student.value.trim().replace(/\s+/g, ' ');
		const check: Check = { instrument: instrument.id, version: instrument.version, date: new Date().toISOString(), answers: answers() };
		commit(setDraft(addCheck(store, label, check), instrument.id, null));
		form.reset();
		update();
		showResults(label, check);
	});

	$(form, '[data-sc-clear]').addEventListener('click', () => {
		if (!confirm(s.clearConfirm)) return;
		form.reset();
		commit(setDraft(store, instrument.id, null), false);
		if (showingErrors) listErrors(false);
		update();
		student.focus();
	});

	results.addEventListener('click', (event) => {
		if (!(event.target as Element).closest('[data-sc-new]')) return;
		results.hidden = true;
		delete root.dataset.scState;
		student.focus();
	});

	const showResults = (label: string, check: Check) => {
		const scores = computeScores(instrument, check.answers);
		const main = mains(instrument);
		const lower = lowest(scores, main.map((info) => info.id));
		const focus = lower ? main.filter((info) => info.id === lower) : main;
		const count = findStudent(store, label)?.checks.filter((c) => c.instrument === instrument.id).length ?? 0;
		const line = (info: { id: string; label: string }) => `<li>${esc(scoreLine(data, info.label, scores[info.id]!))}</li>`;
		const chartTitle = fill(s.chartTitle, { scores: main.map((info) => `${info.label} ${number(scores[info.id]!)}`).join(', ') });
		results.setAttribute('aria-labelledby', `${base}-results-title`);
		results.innerHTML =
			`<h3 id="${base}-results-title">${esc(fill(s.resultsTitle, { label }))}</h3>` +
			`<p>${esc(fill(s.completed, { date: when(check.date) }))}</p>` +
			`<p class="sc-reflection">${esc(s.reflection)}</p>` +
			barChart(
				main.map((info) => ({ label: info.label, value: scores[info.id]!, text: number(scores[info.id]!) })),
				instrument,
				chartTitle,
			) +
			`<ul class="sc-scores">${main.map(line).join('')}</ul>` +
			`<p class="sc-subtitle">${esc(s.detail)}</p><ul class="sc-scores">${instrument.scoreInfo.filter((info) => info.role !== 'main').map(line).join('')}</ul>` +
			`<p>${esc(fill(lower ? s.lower : s.level, { lower: focus[0]!.label, label }))}</p>` +
			focus
				.map(
					(info) =>
						`${focus.length > 1 ? `<p class="sc-subtitle">${esc(info.label)}</p>` : ''}<ul class="sc-strategies">${strategiesFor(instrument, info.id, scores)
							.map((link) => `<li><a href="${esc(link.href)}">${esc(link.label)}</a></li>`)
							.join('')}</ul>`,
				)
				.join('') +
			`<p><a href="${esc(data.usingResults)}">${esc(s.usingResults)}</a></p>` +
			`<p class="sc-saved">${esc(mode === 'saved' ? fill(s.saved, { label, n: count }) : s.notSaved)}</p>` +
			`<p><button type="button" class="sc-button" data-sc-new>${esc(s.newCheck)}</button></p>`;
		results.hidden = false;
		root.dataset.scState = 'results';
		// Emptied first so the same words are announced again for a second student.
		announce.textContent = '';
		setTimeout(() => (announce.textContent = fill(s.announce, { label, scores: main.map((info) => scoreLine(data, info.label, scores[info.id]!)).join('; ') })), 100);
	};

	update();
}

function initStudents(root: HTMLElement, data: SelfCheckPageData): void {
	const { instrument, strings: s } = data;
	const body = $(root, '[data-sc-students-body]');
	const status = $(root, '[data-sc-students-status]');
	const actions = $(root, '[data-sc-data-actions]');
	const main = mains(instrument);
	const score = (answers: Answers) => computeScores(instrument, answers);
	const headingId = (index: number) => `sc-${instrument.id}-student-${index}`;
	actions.hidden = false;

	const render = () => {
		const students = studentsFor(store, instrument.id);
		actions.querySelectorAll('button').forEach((button) => (button.disabled = students.length === 0));
		if (students.length === 0) {
			body.innerHTML = `<p>${esc(s.studentsEmpty)}</p>`;
			return;
		}
		const latest = students.map((student) => ({ student, check: student.checks.at(-1)!, scores: score(student.checks.at(-1)!.answers) }));
		const cells = (scores: Scores, infos = main) => infos.map((info) => `<td>${scores[info.id] == null ? '' : number(scores[info.id]!)}</td>`).join('');
		const heads = (infos = main) => infos.map((info) => `<th scope="col">${esc(info.label)}</th>`).join('');
		const table =
			`<div class="sc-table-wrap"><table class="sc-table"><thead><tr><th scope="col">${esc(s.colStudent)}</th><th scope="col">${esc(s.colLatest)}</th>${heads()}<th scope="col">${esc(s.colChecks)}</th></tr></thead><tbody>` +
			latest.map(({ student, check, scores }) => `<tr><th scope="row">${esc(student.label)}</th><td>${esc(when(check.date))}</td>${cells(scores)}<td>${student.checks.length}</td></tr>`).join('') +
			`</tbody></table></div>`;
		// Bond up, Collaboration across: the first main score on the vertical axis.
		const [y, x] = main;
		const chart =
			x && y
				? scatterChart(
						latest.map(({ student, scores }) => ({ label: student.label, x: scores[x.id]!, y: scores[y.id]! })),
						instrument,
						{ x: x.label, y: y.label },
						fill(s.scatterTitle, { x: x.label, y: y.label }),
					)
				: '';
		const history = students
			.map(
				(student, index) =>
					`<section class="sc-history" aria-labelledby="${headingId(index)}"><h3 id="${headingId(index)}" tabindex="-1">${esc(student.label)}</h3>` +
					`<div class="sc-table-wrap"><table class="sc-table"><caption>${esc(s.historyTitle)}</caption><thead><tr><th scope="col">${esc(s.colDate)}</th>${heads(instrument.scoreInfo)}<th scope="col" class="sc-print-hide">${esc(s.colActions)}</th></tr></thead><tbody>` +
					student.checks
						.map(
							(check) =>
								`<tr><th scope="row">${esc(when(check.date))}</th>${cells(score(check.answers), instrument.scoreInfo)}<td class="sc-print-hide"><button type="button" class="sc-button sc-small" data-sc-delete-check="${esc(check.date)}" data-sc-label="${esc(student.label)}">${esc(s.deleteCheck)}</button></td></tr>`,
						)
						.join('') +
					`</tbody></table></div><p><button type="button" class="sc-button sc-danger" data-sc-delete-student="${esc(student.label)}">${esc(fill(s.deleteStudent, { label: student.label }))}</button></p></section>`,
			)
			.join('');
		body.innerHTML = `<p class="sc-reflection">${esc(s.reflection)}</p>` + table + chart + history;
	};
	renderers.push(render);
	render();

	const say = (message: string) => (status.textContent = message);
	body.addEventListener('click', (event) => {
		const button = (event.target as Element).closest('button');
		if (!button) return;
		const label = button.dataset.scLabel ?? button.dataset.scDeleteStudent!;
		const date = button.dataset.scDeleteCheck;
		if (date !== undefined) {
			if (!confirm(fill(s.confirmCheck, { date: when(date), label }))) return;
			commit(deleteCheck(store, label, { instrument: instrument.id, date }));
			say(s.deletedCheck);
		} else {
			if (!confirm(fill(s.confirmStudent, { label }))) return;
			commit(deleteStudent(store, label));
			say(fill(s.deletedStudent, { label }));
		}
		// The button is gone: keep focus near where it was.
		const index = studentsFor(store, instrument.id).findIndex((student) => student.label === label);
		(index >= 0 ? $(body, `#${headingId(index)}`) : body).focus();
	});

	actions.addEventListener('click', (event) => {
		const button = (event.target as Element).closest('button');
		const kind = button?.dataset.scExport;
		if (kind === 'csv') {
			const csv = toCsv(store, { id: instrument.id, items: instrument.items.map((item) => item.id), scores: instrument.scoreInfo.map((info) => info.id) }, score);
			// The byte-order mark lets spreadsheet programs read accented labels correctly.
			download(`cwam-self-check-${day()}.csv`, 'text/csv;charset=utf-8', `\ufeff${csv}`);
		} else if (kind === 'json') download(`cwam-self-check-${day()}.json`, 'application/json', JSON.stringify({ ...store, drafts: {} }, null, 2));
		else if (button?.hasAttribute('data-sc-delete-all') && confirm(s.confirmAll)) {
			commit({ ...emptyStore(), drafts: store.drafts });
			say(s.deletedAll);
			body.focus();
		}
	});

	const problems: Record<ReadProblem, string> = {
		'not-json': s.importNotJson,
		'wrong-shape': s.importWrongShape,
		'wrong-version': s.importWrongVersion,
		'out-of-range': s.importOutOfRange,
	};
	const input = $<HTMLInputElement>(actions, '[data-sc-import]');
	input.addEventListener('change', async () => {
		const file = input.files?.[0];
		if (!file) return;
		const read = readStore(await file.text(), known);
		input.value = '';
		if (!read.ok) return say(problems[read.problem]);
		const merged = mergeStores(store, read.store);
		commit(merged.store);
		say(merged.added > 0 ? fill(s.imported, { n: merged.added }) : s.importNothing);
	});
}
