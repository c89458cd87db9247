/**
 * The self-check questionnaire in the browser: progress, unanswered statements, results (with
 * the comparison to the student's previous check), and the way on to a plan in My students.
 * Everything stays in this browser (localStorage); nothing is sent. Scoring, storage and charts
 * are the unit-tested modules in src/lib; the markup is SelfCheck.astro's, filled in here.
 */
import type { SelfCheckPageData } from '../components/self-check-data';
import type { ClientInstrument } from '../lib/instrument';
import { barChart } from '../lib/bar-chart';
import { fill } from '../lib/self-check-strings';
import { checkResponses, computeScores, lowest, type Answers, type Scores } from '../lib/scoring';
import { activePlan, addCheck, findStudent, previousCheck, setDraft, type Check } from '../lib/self-check-store';
import { $, change, changeLine, clone, cloneOne, commit, dayText, fillInto, link, localDay, mains, number, renderSvg, scoreLine, slot, startEach, state, studentHref, when } from './sc-core';

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

export const start = () => startEach('[data-sc-check]', initCheck);

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
	const draft = state.store.drafts[instrument.id];
	if (draft) {
		student.value = draft.label;
		for (const [item, value] of Object.entries(draft.answers)) if (radios(item)) radios(item).value = String(value);
	}
	// "Re-check J.T." (My students) opens the form with the label filled in, unless answers are under way.
	const asked = new URLSearchParams(location.search).get('student')?.trim().slice(0, 40);
	if (asked && Object.keys(answers()).length === 0) student.value = asked;

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
		const list = document.createElement('ul');
		if (noLabel) list.append(item(link(`#${base}-student`, s.missingLabel)));
		if (missing.length > 0) {
			const links = missing.flatMap((id, index) => [...(index > 0 ? [', '] : []), link(`#${base}-${id}`, fill(s.itemRef, { n: instrument.itemNumbers[id]! }))]);
			const li = item();
			const fragment = document.createDocumentFragment();
			fragment.append(...links);
			fillInto(li, s.missingItems, { items: fragment });
			list.append(li);
		}
		errors.replaceChildren(...(showingErrors ? [list] : []));
		if (moveFocus && showingErrors) focusField(noLabel ? 'student' : missing[0]!);
		return !showingErrors;
	};
	const item = (...content: Node[]) => {
		const li = cloneOne(root, 'item');
		li.append(...content);
		return li;
	};
	const focusField = (field: string) => (field === 'student' ? student : $<HTMLInputElement>(form, `#${base}-${field} input`)).focus();
	errors.addEventListener('click', (event) => {
		const target = (event.target as Element).closest('a');
		if (!target) return;
		event.preventDefault();
		focusField(target.hash.slice(base.length + 2));
	});

	const saveDraft = () => commit(setDraft(state.store, instrument.id, { label: student.value, answers: answers() }), false);
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
		commit(setDraft(addCheck(state.store, label, check), instrument.id, null));
		form.reset();
		update();
		showResults(label, check);
	});

	$(form, '[data-sc-clear]').addEventListener('click', () => {
		if (!confirm(s.clearConfirm)) return;
		form.reset();
		commit(setDraft(state.store, instrument.id, null), false);
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
		const saved = findStudent(state.store, label);
		const count = saved?.checks.filter((c) => c.instrument === instrument.id).length ?? 0;
		const view = clone(root, 'results');
		const put = (name: string, text: string) => (slot(view, name).textContent = text);
		put('title', fill(s.resultsTitle, { label }));
		put('completed', fill(s.completed, { date: when(check.date) }));
		const chartTitle = fill(s.chartTitle, { scores: main.map((info) => `${info.label} ${number(scores[info.id]!)}`).join(', ') });
		slot(view, 'chart').append(renderSvg(barChart(main.map((info) => ({ label: info.label, value: scores[info.id]!, text: number(scores[info.id]!) })), instrument, chartTitle)));
		const lines = (name: string, infos: typeof main) => slot(view, name).append(...infos.map((info) => item(document.createTextNode(scoreLine(data, info.label, scores[info.id]!)))));
		lines('main', main);
		lines('detail', instrument.scoreInfo.filter((info) => info.role !== 'main'));

		// The same student's previous check of this instrument: each main score then and now.
		const previous = saved && previousCheck(saved, instrument.id, check);
		if (previous) {
			const before = computeScores(instrument, previous.answers);
			slot(view, 'compare-box').hidden = false;
			put('compare-title', fill(s.compareTitle, { date: when(previous.date) }));
			slot(view, 'compare').append(...main.map((info) => item(document.createTextNode(changeLine(data, info.label, before[info.id]!, scores[info.id]!)))));
		}

		put('focus', fill(lower ? s.lower : s.level, { lower: focus[0]!.label, label }));
		const lists = slot(view, 'strategies');
		for (const info of focus) {
			if (focus.length > 1) {
				const side = cloneOne(root, 'side');
				side.textContent = info.label;
				lists.append(side);
			}
			const list = cloneOne(root, 'list');
			list.append(...strategiesFor(instrument, info.id, scores).map((strategy) => item(link(strategy.href, strategy.label))));
			lists.append(list);
		}
		const plan = saved && activePlan(saved);
		if (plan) {
			const names = plan.strategies.map((id) => data.strategies.find((strategy) => strategy.id === id)?.name ?? id).join(', ');
			slot(view, 'plan-since').hidden = false;
			put('plan-since', fill(s.planSince, { label, date: dayText(localDay(plan.created)), strategies: names }));
		}
		const makePlan = slot<HTMLAnchorElement>(view, 'make-plan');
		makePlan.href = studentHref(data, label, '#plan');
		makePlan.textContent = fill(plan ? s.newPlan : s.makePlan, { label });
		const open = slot<HTMLAnchorElement>(view, 'open-student');
		open.href = studentHref(data, label);
		open.textContent = fill(s.openStudent, { label });
		put('saved', state.mode === 'saved' ? fill(s.saved, { label, n: count }) : s.notSaved);
		results.replaceChildren(view);
		results.hidden = false;
		root.dataset.scState = 'results';
		// Emptied first so the same words are announced again for a second student.
		announce.textContent = '';
		const changes = previous ? main.map((info) => `${info.label} ${change(scores[info.id]! - computeScores(instrument, previous.answers)[info.id]!)}`).join(', ') : '';
		setTimeout(() => (announce.textContent = fill(s.announce, { label, scores: main.map((info) => scoreLine(data, info.label, scores[info.id]!)).join('; ') }) + (changes ? ` (${changes})` : '')), 100);
	};

	update();
}
