/**
 * My students in the browser (MyStudents.astro's markup, filled in here): the class view (due
 * re-checks, the class table and chart, export and import) and one student's view (scores over
 * time, comparison, plan, notes, timeline, printable summary). Everything stays in this browser.
 */
import type { SelfCheckPageData } from '../components/self-check-data';
import { checksCsv, csvStyles, plansNotesCsv } from '../lib/csv';
import { scatterChart, timelineChart } from '../lib/class-charts';
import { fill } from '../lib/self-check-strings';
import { computeScores, lowest, type Answers, type Scores } from '../lib/scoring';
import {
	NOTE_MAX,
	PLAN_TEXT_MAX,
	activePlan,
	addDays,
	addNote,
	addPlan,
	deleteCheck,
	deleteNote,
	deleteStudent,
	dueRechecks,
	emptyStore,
	endPlan,
	findStudent,
	mergeStores,
	previousCheck,
	readStore,
	setRecheck,
	studentsWithAnything,
	upcomingRechecks,
	validateNoteInput,
	validatePlanInput,
	type Check,
	type Plan,
	type ReadProblem,
	type Student,
} from '../lib/self-check-store';
import { $, change, changeLine, clone, cloneOne, commit, dayText, download, link, localDay, mains, newId, number, onChange, renderSvg, sheetDate, shortDay, slot, startEach, state, studentHref, today, when } from './sc-core';

export const start = () => startEach('[data-sc-students]', init);

function init(root: HTMLElement, data: SelfCheckPageData): void {
	const { instrument, strings: s } = data;
	const main = mains(instrument);
	const score = (answers: Answers) => computeScores(instrument, answers);
	const status = $(root, '[data-sc-status]');
	const say = (message: string) => {
		// Emptied first so the same words are announced again.
		status.textContent = '';
		setTimeout(() => (status.textContent = message), 50);
	};
	const params = new URLSearchParams(location.search);
	const asked = params.get('student')?.trim().replace(/\s+/g, ' ').slice(0, 40) ?? '';
	const strategy = data.strategies.find((entry) => entry.id === params.get('strategy'));
	const strategyName = (id: string) => data.strategies.find((entry) => entry.id === id)?.name ?? id;
	const item = (...content: (Node | string)[]) => {
		const li = cloneOne(root, 'item');
		li.append(...content);
		return li;
	};
	const checksOf = (student: Student | undefined) => student?.checks.filter((check) => check.instrument === instrument.id) ?? [];
	const classView = $(root, '[data-sc-view="class"]');
	const studentView = $(root, '[data-sc-view="student"]');
	const pick = $(root, '[data-sc-pick]');

	// A strategy card sent the reader here with no student: ask which student first.
	const picking = strategy !== undefined && asked === '';
	if (picking) initPick();
	classView.hidden = asked !== '';
	studentView.hidden = asked === '';
	if (asked === '') initClass();
	else initStudent(asked);

	function initPick(): void {
		pick.hidden = false;
		slot(pick, 'pick-title').textContent = fill(s.pickTitle, { strategy: strategy!.name });
		const cancel = slot<HTMLAnchorElement>(pick, 'pick-cancel');
		cancel.href = strategy!.href;
		const render = () => {
			const list = slot(pick, 'pick-list');
			list.replaceChildren(...studentsWithAnything(state.store, instrument.id).map((student) => item(link(studentHref(data, student.label, `&strategy=${strategy!.id}#plan`), student.label))));
			list.hidden = list.childElementCount === 0;
		};
		onChange(render);
		render();
		$(pick, 'form').addEventListener('submit', (event) => {
			event.preventDefault();
			const input = $<HTMLInputElement>(pick, 'input');
			const label = input.value.trim();
			if (label === '') {
				input.setAttribute('aria-invalid', 'true');
				input.focus();
				return;
			}
			location.assign(`${data.myStudents}?${new URLSearchParams({ student: label, strategy: strategy!.id })}#plan`);
		});
		requestAnimationFrame(() => slot(pick, 'pick-title').focus());
	}

	/* ---------- The class ---------- */

	function initClass(): void {
		const highlight = $<HTMLSelectElement>(classView, '[data-sc-highlight]');
		const movement = $<HTMLInputElement>(classView, '[data-sc-movement]');
		const render = () => {
			const day = today();
			const due = dueRechecks(state.store, instrument.id, day);
			const upcoming = upcomingRechecks(state.store, instrument.id, day);
			const dueRow = (entry: (typeof due)[number], text: string) => {
				const row = clone(root, 'due');
				const name = slot<HTMLAnchorElement>(row, 'student');
				name.href = studentHref(data, entry.student.label);
				name.textContent = entry.student.label;
				slot(row, 'when').textContent = text;
				const recheck = slot<HTMLAnchorElement>(row, 'recheck');
				recheck.href = `${data.selfCheck}?${new URLSearchParams({ student: entry.student.label })}#take-the-check`;
				recheck.textContent = fill(s.recheckNow, { label: entry.student.label });
				return row;
			};
			slot(classView, 'due-none').hidden = due.length > 0;
			slot(classView, 'due-box').hidden = due.length === 0;
			slot(classView, 'due-list').replaceChildren(...due.map((entry) => dueRow(entry, entry.since === 0 ? s.dueToday : fill(s.dueSince, { date: dayText(entry.plan.recheck!) }))));
			slot(classView, 'upcoming-box').hidden = upcoming.length === 0;
			slot(classView, 'upcoming-list').replaceChildren(...upcoming.map((entry) => dueRow(entry, fill(s.upcomingOn, { date: dayText(entry.plan.recheck!) }))));

			const students = studentsWithAnything(state.store, instrument.id);
			$(classView, '[data-sc-data-actions]')
				.querySelectorAll('button')
				.forEach((button) => (button.disabled = students.length === 0));
			slot(classView, 'class-empty').hidden = students.length > 0;
			slot(classView, 'class-body').hidden = students.length === 0;
			// Each student's latest scores and those of the check before, once, for the table and the chart.
			const summaries = students.map((student) => {
				const latest = student.checks.at(-1);
				const previous = latest && previousCheck(student, instrument.id, latest);
				return { student, latest, now: latest && score(latest.answers), before: previous && score(previous.answers) };
			});
			const rows = summaries.map(({ student, latest, now, before }) => {
				const row = clone(root, 'class-row');
				const name = slot<HTMLAnchorElement>(row, 'student');
				name.href = studentHref(data, student.label);
				name.textContent = student.label;
				slot(row, 'latest').textContent = latest ? when(latest.date) : s.notChecked;
				for (const info of main) slot(row, `score-${info.id}`).textContent = now ? number(now[info.id]!) : '';
				slot(row, 'change').textContent = !now ? '' : before ? main.map((info) => `${info.label} ${change(now[info.id]! - before[info.id]!)}`).join(', ') : s.noPrevious;
				const plan = activePlan(student);
				slot(row, 'plan').textContent = !plan ? s.noPlan : plan.recheck ? fill(s.planRecheckOn, { date: dayText(plan.recheck) }) : s.planNoDate;
				return row;
			});
			slot(classView, 'class-rows').replaceChildren(...rows);

			// The highlight list keeps its choice while the class changes.
			const chosen = highlight.value;
			checked = summaries.filter((entry): entry is Checked => entry.now !== undefined);
			highlight.replaceChildren(
				highlight.options[0]!,
				...checked.map(({ student }) => {
					const option = cloneOne<HTMLOptionElement>(root, 'option');
					option.value = student.label;
					option.textContent = student.label;
					return option;
				}),
			);
			highlight.value = checked.some(({ student }) => student.label === chosen) ? chosen : '';
			drawScatter();
		};
		type Checked = { student: Student; latest: Check | undefined; now: Scores; before: Scores | undefined };
		let checked: Checked[] = [];
		/** The class chart alone: what the highlight and movement controls redraw. */
		const drawScatter = () => {
			const [y, x] = main;
			const box = slot(classView, 'scatter');
			if (!x || !y) return;
			let moved = false;
			const points = checked.map(({ student, now, before }) => {
				if (before && (before[x.id] !== now[x.id] || before[y.id] !== now[y.id])) moved = true;
				return { key: student.label, label: student.label, x: now[x.id]!, y: now[y.id]!, ...(before ? { previous: { x: before[x.id]!, y: before[y.id]! } } : {}) };
			});
			const title = fill(s.scatterTitle, { x: x.label, y: y.label }) + (movement.checked && moved ? ` ${s.scatterMoved}` : '');
			box.replaceChildren(renderSvg(scatterChart(points, instrument, { x: x.label, y: y.label }, title, { highlight: highlight.value || undefined, movement: movement.checked, idPrefix: 'sc-class' })));
			slot(classView, 'moved-note').hidden = !(movement.checked && moved);
		};
		highlight.addEventListener('change', drawScatter);
		movement.addEventListener('change', drawScatter);
		onChange(render);
		render();
		initData();
	}

	function initData(): void {
		const actions = $(classView, '[data-sc-data-actions]');
		const style = csvStyles[data.lang];
		actions.addEventListener('click', (event) => {
			const button = (event.target as Element).closest('button');
			const kind = button?.dataset.scExport;
			// The byte-order mark lets spreadsheet programs read accented labels correctly.
			if (kind === 'csv') {
				const csv = checksCsv(
					state.store,
					{
						id: instrument.id,
						items: instrument.items.map((entry) => entry.id),
						scores: instrument.scoreInfo.map((info) => info.id),
						headers: {
							student: s.csvStudent,
							date: s.csvDate,
							instrument: s.csvInstrument,
							version: s.csvVersion,
							scores: Object.fromEntries(instrument.scoreInfo.map((info) => [info.id, info.label])),
							items: Object.fromEntries(instrument.items.map((entry) => [entry.id, fill(s.csvItem, { n: instrument.itemNumbers[entry.id]!, id: entry.id })])),
						},
					},
					score,
					style,
					sheetDate,
				);
				download(`cwam-self-check-${today()}.csv`, 'text/csv;charset=utf-8', `\ufeff${csv}`);
			} else if (kind === 'plans-csv') {
				const csv = plansNotesCsv(
					state.store,
					{
						headers: { student: s.csvStudent, kind: s.csvKind, date: s.csvDate, strategies: s.planStrategies, action: s.planAction, when: s.planWhen, signs: s.planSigns, recheck: s.planRecheck, ended: s.csvEnded, note: s.noteText },
						kinds: { plan: s.csvKindPlan, note: s.csvKindNote },
						strategyName,
					},
					style,
					sheetDate,
				);
				download(`cwam-plans-notes-${today()}.csv`, 'text/csv;charset=utf-8', `\ufeff${csv}`);
			} else if (kind === 'json') download(`cwam-self-check-${today()}.json`, 'application/json', JSON.stringify({ ...state.store, drafts: {} }, null, 2));
			else if (button?.hasAttribute('data-sc-delete-all') && confirm(s.confirmAll)) {
				commit({ ...emptyStore(), drafts: state.store.drafts });
				say(s.deletedAll);
				$(classView, 'h2[tabindex]').focus();
			}
		});
		const problems: Record<ReadProblem, string> = {
			'not-json': s.importNotJson,
			'wrong-shape': s.importWrongShape,
			'wrong-version': s.importWrongVersion,
			'out-of-range': s.importOutOfRange,
			'bad-date': s.importBadDate,
			'unknown-strategy': s.importUnknownStrategy,
			'too-long': s.importTooLong,
			'bad-plan': s.importBadPlan,
		};
		const input = $<HTMLInputElement>(actions, '[data-sc-import]');
		input.addEventListener('change', async () => {
			const file = input.files?.[0];
			if (!file) return;
			const read = readStore(await file.text(), state.known, { strategies: data.strategies.map((entry) => entry.id) });
			input.value = '';
			if (!read.ok) return say(fill(problems[read.problem], { label: read.label ?? '?', value: read.value ?? '?' }));
			const merged = mergeStores(state.store, read.store);
			commit(merged.store);
			const { checks, plans, notes } = merged.added;
			say(checks + plans + notes > 0 ? fill(s.imported, { checks, plans, notes }) : s.importNothing);
		});
	}

	/* ---------- One student ---------- */

	function initStudent(label: string): void {
		const view = studentView;
		const back = slot<HTMLAnchorElement>(view, 'back');
		back.href = data.myStudents;
		const planForm = $<HTMLFormElement>(view, '[data-sc-plan-form]');
		const noteForm = $<HTMLFormElement>(view, '[data-sc-note-form]');
		const recheckForm = $<HTMLFormElement>(view, '[data-sc-recheck-form]');
		const included = new Set<string>();
		let shownLabel = label;
		const current = () => findStudent(state.store, label);
		document.title = `${label} · ${document.title}`;

		const render = () => {
			const student = current();
			shownLabel = student?.label ?? label;
			slot(view, 'label').textContent = shownLabel;
			slot(view, 'printed').textContent = fill(s.printedOn, { date: dayText(today()) });
			// A label typed from a strategy card is a new student until the plan is saved.
			const known = student !== undefined || strategy !== undefined;
			slot(view, 'unknown').hidden = known;
			slot(view, 'unknown').textContent = fill(s.studentUnknown, { label });
			slot(view, 'known').hidden = !known;
			const checks = checksOf(student);

			slot(view, 'no-checks').hidden = checks.length > 0;
			slot(view, 'no-checks').textContent = fill(s.noChecks, { label: shownLabel });
			slot(view, 'with-checks').hidden = checks.length === 0;
			const recheck = slot<HTMLAnchorElement>(view, 'recheck-link');
			recheck.href = `${data.selfCheck}?${new URLSearchParams({ student: shownLabel })}#take-the-check`;
			recheck.textContent = fill(checks.length > 0 ? s.recheckNow : s.takeCheck, { label: shownLabel });
			if (checks.length > 0) drawScores(student!, checks);
			drawPlan(student);
			drawNotes(student);
			drawEvents(student);
			const remove = $(view, '[data-sc-delete-student]');
			remove.textContent = fill(s.deleteStudent, { label: shownLabel });
			remove.hidden = student === undefined;
		};

		const drawScores = (student: Student, checks: Check[]) => {
			const plans = student.plans;
			const lines = main.map((info) => ({ id: info.id, label: info.label }));
			const title = fill(s.timelineTitle, { label: student.label, n: checks.length, first: dayText(localDay(checks[0]!.date)), last: dayText(localDay(checks.at(-1)!.date)) });
			slot(view, 'timeline-chart').replaceChildren(
				renderSvg(
					timelineChart(
						checks.map((check) => ({ date: check.date, values: score(check.answers) })),
						lines,
						plans.map((plan, index) => ({ date: plan.created, label: fill(s.planMark, { n: index + 1 }) })),
						instrument,
						title,
						shortDay,
					),
				),
			);
			slot(view, 'check-rows').replaceChildren(
				...checks.map((check) => {
					const row = clone(root, 'check-row');
					slot(row, 'date').textContent = when(check.date);
					const values = score(check.answers);
					for (const info of instrument.scoreInfo) slot(row, `score-${info.id}`).textContent = values[info.id] == null ? '' : number(values[info.id]!);
					$<HTMLElement>(row, '[data-sc-delete-check]').dataset.date = check.date;
					return row;
				}),
			);
			const latest = checks.at(-1)!;
			const previous = previousCheck(student, instrument.id, latest);
			slot(view, 'compare-box').hidden = !previous;
			if (previous) {
				const before = score(previous.answers);
				const now = score(latest.answers);
				slot(view, 'compare-title').textContent = fill(s.compareTitle, { date: when(previous.date) });
				slot(view, 'compare').replaceChildren(...main.map((info) => item(changeLine(data, info.label, before[info.id]!, now[info.id]!))));
			}
		};

		const drawPlan = (student: Student | undefined) => {
			const plan = student && activePlan(student);
			slot(view, 'no-plan').hidden = plan !== undefined;
			slot(view, 'plan').hidden = plan === undefined;
			$<HTMLButtonElement>(view, '[data-sc-new-plan]').textContent = plan ? s.newPlan : fill(s.makePlan, { label: shownLabel });
			if (!plan) return;
			const number_ = student!.plans.indexOf(plan) + 1;
			slot(view, 'plan-started').textContent = `${fill(s.planMark, { n: number_ })}. ${fill(s.planStarted, { date: dayText(localDay(plan.created)) })}`;
			slot(view, 'plan-strategies').replaceChildren(
				...plan.strategies.map((id) => {
					const known = data.strategies.find((entry) => entry.id === id);
					return item(known ? link(known.href, known.name) : id);
				}),
			);
			slot(view, 'plan-action').textContent = plan.action;
			for (const field of ['when', 'signs'] as const) {
				slot(view, `plan-${field}`).textContent = plan[field];
				slot(view, `plan-${field}`).hidden = slot(view, `plan-${field}-term`).hidden = plan[field] === '';
			}
			slot(view, 'plan-recheck').textContent = plan.recheck ? dayText(plan.recheck) : s.planRecheckNone;
			const due = dueRechecks(state.store, instrument.id, today()).some((entry) => entry.student === student);
			slot(view, 'plan-due').hidden = !due;
			slot(view, 'plan-due').textContent = due ? fill(s.planDue, { date: dayText(plan.recheck!) }) : '';
			const date = $<HTMLInputElement>(recheckForm, 'input');
			if (document.activeElement !== date) date.value = plan.recheck ?? '';
			$<HTMLButtonElement>(recheckForm, '[data-sc-clear-recheck]').disabled = plan.recheck === null;
		};

		const drawNotes = (student: Student | undefined) => {
			const notes = [...(student?.notes ?? [])].sort((a, b) => a.date.localeCompare(b.date) || a.created.localeCompare(b.created));
			slot(view, 'notes-none').hidden = notes.length > 0;
			slot(view, 'notes').replaceChildren(
				...notes.map((note) => {
					const entry = cloneOne(root, 'note');
					const date = slot<HTMLTimeElement>(entry, 'date');
					date.dateTime = note.date;
					date.textContent = dayText(note.date);
					slot(entry, 'text').textContent = note.text;
					entry.dataset.note = note.id;
					const include = $<HTMLInputElement>(entry, '[data-sc-include]');
					include.checked = included.has(note.id);
					entry.classList.toggle('sc-not-printed', !include.checked);
					$(entry, '[data-sc-delete-note]').setAttribute('aria-label', `${s.noteDelete} (${dayText(note.date)})`);
					return entry;
				}),
			);
			// Nothing chosen for print: the notes' heading is left off the sheet too.
			slot(view, 'notes-section').classList.toggle('sc-no-print-notes', ![...included].some((id) => notes.some((note) => note.id === id)));
		};

		const drawEvents = (student: Student | undefined) => {
			type Event = { date: string; kind: string; detail: string };
			const events: Event[] = [];
			for (const check of checksOf(student)) {
				const values = score(check.answers);
				events.push({ date: check.date, kind: s.eventCheck, detail: main.map((info) => `${info.label} ${number(values[info.id]!)}`).join(', ') });
			}
			student?.plans.forEach((plan, index) => {
				events.push({ date: plan.created, kind: fill(s.eventPlan, { n: index + 1 }), detail: `${plan.strategies.map(strategyName).join(', ')}. ${plan.action}` });
				if (plan.ended) events.push({ date: plan.ended, kind: fill(s.eventPlanEnded, { n: index + 1 }), detail: '' });
			});
			for (const note of student?.notes ?? []) events.push({ date: `${note.date}T12:00:00`, kind: s.eventNote, detail: note.text });
			// A note has a day, not a time: it sorts at noon of its day.
			events.sort((a, b) => new Date(a.date).getTime() - new Date(b.date).getTime());
			slot(view, 'events').replaceChildren(
				...events.map((event) => {
					const entry = cloneOne(root, 'event');
					const date = slot<HTMLTimeElement>(entry, 'date');
					date.dateTime = localDay(event.date);
					date.textContent = dayText(localDay(event.date));
					slot(entry, 'kind').textContent = event.kind;
					slot(entry, 'detail').textContent = event.detail;
					return entry;
				}),
			);
		};

		/* The plan form: the lower side's strategies first, 1 to 3 of them, a re-check date four weeks away. */
		const openPlanForm = (preselect: string[]) => {
			const student = current();
			const latest = checksOf(student).at(-1);
			const scores = latest && score(latest.answers);
			const lower = scores ? lowest(scores, main.map((info) => info.id)) : null;
			// The scores are named after the factors (bond, collaboration), as the cards are.
			const factors = (['bond', 'collaboration'] as const).slice().sort((a, b) => (a === lower ? -1 : b === lower ? 1 : 0));
			slot(planForm, 'plan-form-title').textContent = fill(s.planFormTitle, { label: shownLabel });
			slot(planForm, 'plan-replaces').hidden = !(student && activePlan(student));
			slot(planForm, 'lower-first').hidden = lower === null;
			slot(planForm, 'lower-first').textContent = lower ? fill(s.planLowerFirst, { side: data.factors[lower as 'bond'] ?? lower }) : '';
			slot(planForm, 'strategy-groups').replaceChildren(
				...factors.map((factor) => {
					const group = cloneOne(root, 'strategy-group');
					slot(group, 'legend').textContent = fill(s.planGroup, { side: data.factors[factor] });
					slot(group, 'options').append(
						...data.strategies
							.filter((entry) => entry.factor === factor)
							.map((entry) => {
								const option = cloneOne(root, 'strategy-option');
								const box = $<HTMLInputElement>(option, 'input');
								box.value = entry.id;
								box.checked = preselect.includes(entry.id);
								slot(option, 'name').textContent = entry.name;
								return option;
							}),
					);
					return group;
				}),
			);
			planForm.reset();
			for (const box of planForm.querySelectorAll<HTMLInputElement>('input[name="strategy"]')) box.checked = preselect.includes(box.value);
			$<HTMLInputElement>(planForm, '[name="recheck"]').value = addDays(today(), 28);
			slot(planForm, 'plan-errors').replaceChildren();
			planForm.hidden = false;
			slot(view, 'new-plan-box').hidden = true;
			// (After the browser has scrolled to #plan, when the form opens on arrival.)
			requestAnimationFrame(() => slot(planForm, 'plan-form-title').focus());
		};
		const closePlanForm = () => {
			planForm.hidden = true;
			slot(view, 'new-plan-box').hidden = false;
		};
		$(view, '[data-sc-new-plan]').addEventListener('click', () => openPlanForm([]));
		$(planForm, '[data-sc-plan-cancel]').addEventListener('click', () => {
			closePlanForm();
			$<HTMLElement>(view, '[data-sc-new-plan]').focus();
		});
		const errorMessages = {
			'strategies-none': [s.errStrategiesNone, 'input[name="strategy"]'],
			'strategies-too-many': [s.errStrategiesTooMany, 'input[name="strategy"]'],
			'strategy-unknown': [s.errStrategiesNone, 'input[name="strategy"]'],
			'action-empty': [s.errActionEmpty, '[name="action"]'],
			'too-long': [fill(s.errTooLong, { max: PLAN_TEXT_MAX }), '[name="action"]'],
			'recheck-invalid': [s.errRecheck, '[name="recheck"]'],
			'text-empty': [s.errNoteEmpty, '[name="text"]'],
			'text-too-long': [fill(s.errNoteTooLong, { max: NOTE_MAX }), '[name="text"]'],
			'date-invalid': [s.errNoteDate, '[name="date"]'],
		} as const;
		/** Lists a form's problems as links to their fields and focuses the first field; true when none. */
		const showErrors = (form: HTMLFormElement, box: HTMLElement, problems: (keyof typeof errorMessages)[]) => {
			form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
			const list = cloneOne(root, 'errors');
			for (const problem of problems) {
				const [message, selector] = errorMessages[problem];
				const field = $<HTMLInputElement>(form, selector);
				if (field.type !== 'checkbox') field.setAttribute('aria-invalid', 'true');
				const target = field.id ? `#${field.id}` : `#${form.querySelector('fieldset')?.id}`;
				list.append(item(link(target, message)));
			}
			box.replaceChildren(...(problems.length > 0 ? [list] : []));
			if (problems.length > 0) $<HTMLInputElement>(form, errorMessages[problems[0]!][1]).focus();
			return problems.length === 0;
		};
		for (const form of [planForm, noteForm])
			form.addEventListener('click', (event) => {
				const target = (event.target as Element).closest('.sc-errors a');
				if (!target) return;
				event.preventDefault();
				const field = $<HTMLElement>(form, (target as HTMLAnchorElement).hash);
				(field.matches('fieldset') ? $<HTMLElement>(field, 'input') : field).focus();
			});

		planForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const value = (name: string) => ($<HTMLInputElement>(planForm, `[name="${name}"]`).value ?? '').trim();
			const input = {
				strategies: [...planForm.querySelectorAll<HTMLInputElement>('input[name="strategy"]:checked')].map((box) => box.value),
				action: value('action'),
				when: value('when'),
				signs: value('signs'),
				recheck: value('recheck') || null,
			};
			if (!showErrors(planForm, slot(planForm, 'plan-errors'), validatePlanInput(input, data.strategies.map((entry) => entry.id)))) return;
			const plan: Plan = { id: newId('p'), created: new Date().toISOString(), ...input };
			commit(addPlan(state.store, shownLabel, plan));
			closePlanForm();
			say(fill(s.planSaved, { label: shownLabel }));
			$<HTMLElement>(view, '#plan h3').focus();
			// From a strategy card: the way back to it.
			if (strategy) {
				const way = slot(view, 'back-to-strategy');
				way.hidden = false;
				const a = $<HTMLAnchorElement>(way, 'a');
				a.href = strategy.href;
				a.textContent = fill(s.backToStrategy, { strategy: strategy.name });
			}
		});

		recheckForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const plan = activePlan(current()!)!;
			const input = $<HTMLInputElement>(recheckForm, 'input');
			if (!input.value) {
				input.setAttribute('aria-invalid', 'true');
				return say(s.errRecheck);
			}
			input.removeAttribute('aria-invalid');
			commit(setRecheck(state.store, shownLabel, plan.id, input.value));
			say(fill(s.recheckSaved, { date: dayText(input.value) }));
		});
		recheckForm.addEventListener('click', (event) => {
			const button = (event.target as Element).closest('button');
			const plan = current() && activePlan(current()!);
			if (!button || !plan) return;
			if (button.hasAttribute('data-sc-clear-recheck')) {
				commit(setRecheck(state.store, shownLabel, plan.id, null));
				say(s.recheckCleared);
				$<HTMLElement>(recheckForm, 'input').focus();
			} else if (button.hasAttribute('data-sc-end-plan') && confirm(s.endPlanConfirm)) {
				commit(endPlan(state.store, shownLabel, plan.id, new Date().toISOString()));
				say(s.planEnded);
				$<HTMLElement>(view, '[data-sc-new-plan]').focus();
			}
		});

		const noteText = $<HTMLTextAreaElement>(noteForm, 'textarea');
		const count = () => (slot(noteForm, 'note-count').textContent = fill(s.noteCount, { n: noteText.value.length, max: NOTE_MAX }));
		noteText.addEventListener('input', count);
		const noteDate = $<HTMLInputElement>(noteForm, '[name="date"]');
		noteDate.value = today();
		count();
		noteForm.addEventListener('submit', (event) => {
			event.preventDefault();
			const input = { date: noteDate.value, text: noteText.value.trim() };
			if (!showErrors(noteForm, slot(noteForm, 'note-errors'), validateNoteInput(input))) return;
			commit(addNote(state.store, shownLabel, { id: newId('n'), date: input.date, text: input.text, created: new Date().toISOString() }));
			noteText.value = '';
			count();
			say(s.noteAdded);
			noteText.focus();
		});

		view.addEventListener('change', (event) => {
			const box = (event.target as Element).closest<HTMLInputElement>('[data-sc-include]');
			if (!box) return;
			const id = box.closest<HTMLElement>('[data-note]')!.dataset.note!;
			if (box.checked) included.add(id);
			else included.delete(id);
			drawNotes(current());
			$<HTMLElement>(view, `[data-note="${id}"] [data-sc-include]`).focus();
		});
		view.addEventListener('click', (event) => {
			const button = (event.target as Element).closest('button');
			if (!button) return;
			const note = button.closest<HTMLElement>('[data-note]');
			if (button.hasAttribute('data-sc-delete-note') && note) {
				const entry = current()!.notes.find((candidate) => candidate.id === note.dataset.note)!;
				if (!confirm(fill(s.noteDeleteConfirm, { date: dayText(entry.date) }))) return;
				commit(deleteNote(state.store, shownLabel, entry.id));
				say(s.noteDeleted);
				noteText.focus();
			} else if (button.hasAttribute('data-sc-delete-check')) {
				const date = button.dataset.date!;
				if (!confirm(fill(s.confirmCheck, { date: when(date), label: shownLabel }))) return;
				commit(deleteCheck(state.store, shownLabel, { instrument: instrument.id, date }));
				say(s.deletedCheck);
				$<HTMLElement>(view, 'h2').focus();
			} else if (button.hasAttribute('data-sc-delete-student')) {
				if (!confirm(fill(s.confirmStudent, { label: shownLabel }))) return;
				commit(deleteStudent(state.store, shownLabel));
				location.assign(data.myStudents);
			} else if (button.hasAttribute('data-sc-print')) window.print();
		});

		onChange(render);
		render();
		// Arriving to make a plan (from the results, or from a strategy card): open the form.
		if (location.hash === '#plan') openPlanForm(strategy ? [strategy.id] : []);
		else requestAnimationFrame(() => $<HTMLElement>(view, 'h2').focus());
	}
}
