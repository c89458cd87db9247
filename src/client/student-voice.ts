/**
 * Student voice in the browser (markup: src/components/StudentVoice.astro). The child's session
 * runs in a modal dialog: the page behind is inert, Escape does not close it, and it ends only
 * when the teacher presses and holds the finish button (a courtesy screen, not a lock). Answers
 * are saved as a check of the student instrument, under the student's label, in the
 * self-check's store; an unfinished session is kept as a draft to finish later.
 */
import type { SelfCheckPageData } from '../components/self-check-data';
import { bothSides, gapText, gaps, pairChart, pairViews } from '../lib/student-voice';
import { fill } from '../lib/self-check-strings';
import { addCheck, deleteCheck, findStudent, setDraft, studentsWithAnything, type Check } from '../lib/self-check-store';
import { $, commit, cloneOne, dayText, link, number, onChange, renderSvg, scoreWords, slot, startEach, state } from './sc-core';

const HOLD_MS = 2000;

function init(root: HTMLElement, data: SelfCheckPageData): void {
	const voice = data.voice!;
	const w = voice.strings;
	const teacher = data.instrument;
	const setup = $(root, '[data-sv-setup]');
	const startForm = $<HTMLFormElement>(root, '[data-sv-start]');
	const labelInput = $<HTMLInputElement>(root, '[data-sv-label]');
	const labelError = $(root, '[data-sv-label-error]');
	const dialog = $<HTMLDialogElement>(root, '[data-sv-child]');
	const intro = $(dialog, '[data-sv-intro]');
	const question = $<HTMLFieldSetElement>(dialog, '[data-sv-question]');
	const thanks = $(dialog, '[data-sv-thanks]');
	const read = $<HTMLButtonElement>(dialog, '[data-sv-read]');
	const choose = $(dialog, '[data-sv-choose]');
	const hold = $<HTMLButtonElement>(dialog, '[data-sv-hold]');
	const paper = $(root, '[data-sv-paper]');
	const paperForm = $<HTMLFormElement>(root, '[data-sv-paper-form]');
	const result = $(root, '[data-sv-result]');
	const lang = data.lang;
	const total = voice.items.length;

	let session: { label: string; answers: Record<string, number>; index: number } | null = null;
	let ending = false;

	const show = (view: 'setup' | 'paper' | 'result') => {
		setup.hidden = view !== 'setup';
		paper.hidden = view !== 'paper';
		result.hidden = view !== 'result';
	};
	const voiceChecks = (label: string) => findStudent(state.store, label)?.checks.filter((check) => check.instrument === voice.id) ?? [];

	// ---- The teacher's setup --------------------------------------------------------------
	const renderSetup = () => {
		const labels = new Set(studentsWithAnything(state.store, teacher.id).map((student) => student.label));
		for (const student of state.store.students) if (student.checks.some((check) => check.instrument === voice.id)) labels.add(student.label);
		$(root, '[data-sv-students]').replaceChildren(...[...labels].map((label) => Object.assign(document.createElement('option'), { value: label })));
		const draft = state.store.drafts[voice.id];
		const resume = $(root, '[data-sv-resume]');
		resume.hidden = !draft;
		if (draft) {
			slot(resume, 'unfinished').textContent = fill(w.unfinished, { answered: Object.keys(draft.answers).length, total, student: draft.label });
			$(resume, 'button').textContent = fill(w.resume, { student: draft.label });
		}
	};
	/** The label typed, or nothing: then the field says why, and has the focus. */
	const label = () => {
		const value = labelInput.value.trim();
		labelError.hidden = value !== '';
		if (value) labelInput.removeAttribute('aria-invalid');
		else labelInput.setAttribute('aria-invalid', 'true');
		labelInput.setAttribute('aria-describedby', value ? `${labelInput.id}-hint` : `${labelInput.id}-hint ${labelError.id}`);
		if (!value) labelInput.focus();
		return value;
	};
	startForm.addEventListener('submit', (event) => {
		event.preventDefault();
		const who = label();
		if (who) begin(who, {});
	});
	$(root, '[data-sv-paper-open]').addEventListener('click', () => {
		const who = label();
		if (!who) return;
		paperForm.reset();
		paperForm.dataset.label = who;
		slot(paper, 'paper-title').textContent = fill(w.paperTitle, { student: who });
		$(paper, '[data-sv-paper-error]').hidden = true;
		show('paper');
		slot(paper, 'paper-title').focus();
	});
	$(root, '[data-sv-resume] button').addEventListener('click', () => {
		const draft = state.store.drafts[voice.id];
		if (draft) begin(draft.label, draft.answers);
	});

	// ---- The child's screens ----------------------------------------------------------------
	const speakable = () => 'speechSynthesis' in window && speechSynthesis.getVoices().some((one) => one.lang.toLowerCase().startsWith(lang));
	const updateRead = () => (read.hidden = !speakable());
	if ('speechSynthesis' in window) speechSynthesis.addEventListener?.('voiceschanged', updateRead);

	function begin(who: string, answers: Record<string, number>) {
		session = { label: who, answers: { ...answers }, index: -1 };
		show('setup');
		setup.hidden = true;
		ending = false;
		dialog.showModal();
		screen();
	}
	const radios = () => [...question.querySelectorAll<HTMLInputElement>('input[type=radio]')];
	function screen() {
		if (!session) return;
		const { index } = session;
		intro.hidden = index !== -1;
		question.hidden = index < 0 || index >= total;
		thanks.hidden = index < total;
		choose.hidden = true;
		updateRead();
		if (index === -1) $(intro, '[data-sv-focus]').focus();
		else if (index >= total) $(thanks, '[tabindex]').focus();
		else {
			const item = voice.items[index]!;
			const legend = $(question, '[data-sv-text]');
			legend.textContent = item.text;
			slot(question, 'progress').textContent = fill(w.progress, { n: index + 1, total });
			[...slot(question, 'dots').children].forEach((dot, n) => dot.classList.toggle('sv-dot--done', n <= index));
			for (const radio of radios()) radio.checked = Number(radio.value) === session.answers[item.id];
			$(question, '[data-sv-next]').textContent = index === total - 1 ? w.finish : w.next;
			legend.focus();
		}
	}
	question.addEventListener('change', () => {
		if (!session) return;
		const picked = radios().find((radio) => radio.checked);
		if (!picked) return;
		session.answers[voice.items[session.index]!.id] = Number(picked.value);
		choose.hidden = true;
		commit(setDraft(state.store, voice.id, { label: session.label, answers: session.answers }), false);
	});
	$(dialog, '[data-sv-begin]').addEventListener('click', () => {
		session!.index = 0;
		screen();
	});
	$(dialog, '[data-sv-back]').addEventListener('click', () => {
		session!.index--;
		screen();
	});
	$(dialog, '[data-sv-next]').addEventListener('click', () => {
		const current = session!;
		if (current.answers[voice.items[current.index]!.id] === undefined) {
			choose.hidden = false;
			radios()[0]!.focus();
			return;
		}
		current.index++;
		if (current.index === total) save(current.label, current.answers);
		screen();
	});
	read.addEventListener('click', () => {
		const item = voice.items[session?.index ?? -1];
		if (!item) return;
		speechSynthesis.cancel();
		const words = new SpeechSynthesisUtterance(`${item.text} ${voice.scale.map((point) => point.label).join(', ')}.`);
		words.lang = `${lang}-CA`;
		speechSynthesis.speak(words);
	});
	// Escape must not show the teacher's page: the dialog stays open until the teacher's action.
	dialog.addEventListener('cancel', (event) => event.preventDefault());
	dialog.addEventListener('close', () => {
		if (!ending && session) dialog.showModal();
	});

	// Press and hold (pointer, or Enter / Space held down) for two seconds.
	let timer = 0;
	const holdText = slot(hold, 'hold-text');
	const startHold = () => {
		if (timer) return;
		hold.classList.add('sv-hold--holding');
		holdText.textContent = w.holding;
		timer = window.setTimeout(finishSession, HOLD_MS);
	};
	const stopHold = () => {
		window.clearTimeout(timer);
		timer = 0;
		hold.classList.remove('sv-hold--holding');
		holdText.textContent = w.hold;
	};
	hold.addEventListener('pointerdown', (event) => {
		hold.setPointerCapture?.(event.pointerId);
		startHold();
	});
	for (const type of ['pointerup', 'pointercancel', 'lostpointercapture'] as const) hold.addEventListener(type, stopHold);
	hold.addEventListener('contextmenu', (event) => event.preventDefault());
	hold.addEventListener('keydown', (event) => {
		if (event.key !== 'Enter' && event.key !== ' ') return;
		event.preventDefault();
		if (!event.repeat) startHold();
	});
	hold.addEventListener('keyup', (event) => {
		if (event.key === 'Enter' || event.key === ' ') stopHold();
	});
	hold.addEventListener('blur', stopHold);

	function finishSession() {
		stopHold();
		const ended = session!;
		session = null;
		ending = true;
		if ('speechSynthesis' in window) speechSynthesis.cancel();
		dialog.close();
		if (ended.index >= total) showResult(ended.label, true);
		else {
			renderSetup();
			show('setup');
			labelInput.value = ended.label;
			$(root, '[data-sv-resume] button').focus();
		}
	}

	function save(who: string, answers: Record<string, number>) {
		const check: Check = { instrument: voice.id, version: voice.version, date: new Date().toISOString(), answers };
		commit(setDraft(addCheck(state.store, who, check), voice.id, null), false);
	}

	// ---- Typing a paper form in -----------------------------------------------------------------
	paperForm.addEventListener('submit', (event) => {
		event.preventDefault();
		const answers: Record<string, number> = {};
		const missing: HTMLInputElement[] = [];
		for (const item of voice.items) {
			const picked = paperForm.querySelector<HTMLInputElement>(`input[name$="paper-${item.id}"]:checked`);
			if (picked) answers[item.id] = Number(picked.value);
			else missing.push(paperForm.querySelector<HTMLInputElement>(`input[name$="paper-${item.id}"]`)!);
		}
		const error = $(paper, '[data-sv-paper-error]');
		error.hidden = missing.length === 0;
		if (missing.length) {
			error.textContent = fill(w.paperMissing, { n: missing.length });
			missing[0]!.focus();
			return;
		}
		save(paperForm.dataset.label!, answers);
		showResult(paperForm.dataset.label!, true);
	});
	$(root, '[data-sv-paper-cancel]').addEventListener('click', () => {
		show('setup');
		labelInput.focus();
	});

	// ---- Both views ---------------------------------------------------------------------------
	function showResult(who: string, justSaved: boolean) {
		show('result');
		result.dataset.label = who;
		slot(result, 'result-title').textContent = fill(w.resultsTitle, { student: who });
		slot(result, 'saved').hidden = !justSaved;
		slot(result, 'saved').textContent = fill(w.saved, { student: who });
		const student = findStudent(state.store, who);
		const teacherChecks = student?.checks.filter((check) => check.instrument === teacher.id) ?? [];
		const pair = pairViews(teacherChecks, voiceChecks(who));
		const views = slot(result, 'views');
		const noPair = slot(result, 'no-pair');
		views.hidden = !pair;
		noPair.hidden = !!pair;
		slot(result, 'compared').hidden = !pair;
		if (!pair) {
			noPair.replaceChildren(fill(w.noPair, { student: who }), ' ', link(`${data.selfCheck}?${new URLSearchParams({ student: who })}`, fill(data.strings.takeCheck, { label: who })));
		} else {
			slot(result, 'compared').textContent = fill(w.compared, { teacherDate: dayText(pair.teacher.date), studentDate: dayText(pair.student.date), student: who });
			const mainIds = teacher.scoreInfo.filter((info) => info.role === 'main').map((info) => info.id);
			const sides = bothSides(mainIds, teacher, voice.model, pair.teacher.answers, pair.student.answers);
			const named = (id: string) => teacher.scoreInfo.find((info) => info.id === id)!.label;
			const rows = sides.filter((side) => side.teacher !== null && side.student !== null);
			const chartTitle = fill(w.chartTitle, { student: who });
			const axis = { min: voice.model.min, max: voice.model.max };
			slot(result, 'chart').replaceChildren(
				renderSvg(
					pairChart(
						rows.map((side) => ({
							label: named(side.id),
							teacher: { label: w.you, value: side.teacher!, text: number(side.teacher!) },
							student: { label: who, value: side.student!, text: number(side.student!) },
						})),
						axis,
						chartTitle,
					),
				),
			);
			slot(result, 'caption').textContent = chartTitle;
			slot(result, 'student-head').textContent = who;
			slot(result, 'rows').replaceChildren(
				...rows.map((side) => {
					const row = cloneOne(root, 'row');
					slot(row, 'side').textContent = named(side.id);
					slot(row, 'teacher').textContent = `${number(side.teacher!)} (${scoreWords(data, side.teacher!)})`;
					slot(row, 'student').textContent = `${number(side.student!)} (${scoreWords(data, side.student!)})`;
					return row;
				}),
			);
			const found = gaps(voice.items, pair.teacher.answers, pair.student.answers);
			const lower = (labels: string[]) => labels.map((word) => word.toLocaleLowerCase(lang));
			const words = { teacher: lower(teacher.scaleLabels), student: lower(voice.scale.map((point) => point.label)) };
			slot(result, 'gaps').replaceChildren(
				...found.map((gap) => {
					const item = cloneOne(root, 'item');
					item.textContent = gapText(gap, w.gap, words, who);
					return item;
				}),
			);
			slot(result, 'no-gaps').hidden = found.length > 0;
			slot(result, 'no-gaps').textContent = fill(w.noGaps, { student: who });
		}
		slot(result, 'result-title').focus();
	}
	$(root, '[data-sv-delete]').addEventListener('click', () => {
		const who = result.dataset.label!;
		const latest = voiceChecks(who).at(-1);
		if (!latest || !confirm(fill(w.deleteConfirm, { student: who, date: dayText(latest.date) }))) return;
		commit(deleteCheck(state.store, who, latest), false);
		if (voiceChecks(who).length) showResult(who, false);
		else {
			renderSetup();
			show('setup');
			labelInput.focus();
		}
		$(root, '[data-sc-status]').textContent = fill(w.deleted, { student: who });
	});
	$(root, '[data-sv-again]').addEventListener('click', () => {
		history.replaceState(null, '', location.pathname);
		labelInput.value = '';
		renderSetup();
		show('setup');
		labelInput.focus();
	});

	onChange(() => {
		if (!setup.hidden) renderSetup();
	});
	renderSetup();
	const asked = new URLSearchParams(location.search).get('student');
	if (asked && voiceChecks(asked).length) showResult(asked, false);
	else {
		if (asked) labelInput.value = asked;
		show('setup');
	}
}

startEach('[data-sv-root]', init);
