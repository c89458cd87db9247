import { fit, label, line, project, root, round, ticks, type Axis, type SvgNode } from './chart-svg';
import type { Instrument } from './instrument';
import type { Lang } from './references';
import { computeScores, type ScoringModel } from './scoring';
import type { StudentInstrument } from './student-instrument';

export type { StudentInstrument };

/**
 * Student voice: the student's side of the alliance, as questions that mirror the teacher's
 * self-check (content/instruments/student/<id>.yaml; its schema: student-instrument.ts). The questions are the site's own, written
 * for 8–12-year-olds, one per teacher statement; they are a conversation starter, not the
 * published CWAI student form, and have no norms. A question names the teacher item it mirrors,
 * and takes that item's component and factor from it, so the two sides are scored alike.
 */

/** The picture as a small SVG document (for the PDF edition). */
export function pictureSvg(picture: Picture): string {
	const path = picturePath(picture);
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="10" fill="none" stroke="#333" stroke-width="1.6"/>${path ? `<path d="${path}" fill="#333"/>` : ''}</svg>`;
}

/** The page's words for student voice (`cwam.voice.<name>` in content/i18n). */
export const voiceStringNames = ['handOver', 'paperEntry', 'labelMissing', 'start', 'read', 'back', 'next', 'finish', 'progress', 'chooseOne', 'hold', 'holdHint', 'holding', 'saved', 'unfinished', 'resume', 'paperTitle', 'paperSave', 'paperCancel', 'paperMissing', 'resultsTitle', 'you', 'side', 'chartTitle', 'compared', 'noPair', 'gapsTitle', 'gapsIntro', 'gap', 'noGaps', 'help', 'again', 'dataNote', 'paperName', 'paperDate', 'paperHow', 'question', 'noScript', 'delete', 'deleteConfirm', 'deleted'] as const;
export type VoiceStrings = Record<(typeof voiceStringNames)[number], string>;

/** The picture beside each answer: a circle filled as often as the answer says. */
export const pictures = ['none', 'quarter', 'half', 'three-quarters', 'full'] as const;
export type Picture = (typeof pictures)[number];

/**
 * The picture as an SVG path in a 24 × 24 box: the part of a circle (radius 10, centre 12 12)
 * the answer stands for, filled from the top, clockwise. Empty for `none`, whole for `full`
 * (the circle's outline is drawn apart).
 */
export function picturePath(picture: Picture): string {
	const share = pictures.indexOf(picture) / 4;
	if (share === 0) return '';
	if (share === 1) return 'M12 2a10 10 0 1 1 0 20a10 10 0 1 1 0-20z';
	const angle = share * 2 * Math.PI;
	const x = Math.round((12 + 10 * Math.sin(angle)) * 100) / 100;
	const y = Math.round((12 - 10 * Math.cos(angle)) * 100) / 100;
	return `M12 12V2A10 10 0 ${share > 0.5 ? 1 : 0} 1 ${x} ${y}z`;
}



/** A question with the side it belongs to, from the teacher item it mirrors. */
export interface MirroredItem {
	id: string;
	mirrors: string;
	component: string;
	factor: string;
	topic: Record<Lang, string>;
	text: Record<Lang, string>;
}

/** The student questions joined to the teacher instrument: each question's side, and scoring like the teacher's. */
export interface Mirrored {
	student: StudentInstrument;
	teacher: Instrument;
	items: MirroredItem[];
	/** Scores of the student's answers: the teacher's main and detail scores, over the mirrored questions. */
	model: ScoringModel;
}

/**
 * Joins the student questions to the teacher instrument they mirror. Every teacher item must be
 * mirrored by exactly one question: otherwise it throws naming `source` (the file) and the field.
 */
export function mirrorInstrument(student: StudentInstrument, teacher: Instrument, source = `content/instruments/student/${student.id}.yaml`): Mirrored {
	const problems: string[] = [];
	if (student.mirrorOf !== teacher.id) problems.push(`mirrorOf: "${student.mirrorOf}" is not the instrument "${teacher.id}"`);
	const byId = new Map(teacher.items.map((item) => [item.id, item]));
	const mirrored = new Map<string, number>();
	const items: MirroredItem[] = [];
	student.items.forEach((item, index) => {
		const original = byId.get(item.mirrors);
		if (!original) problems.push(`items.${index}.mirrors: "${item.mirrors}" is not an item of ${teacher.id} (${[...byId.keys()].join(', ')})`);
		else if (mirrored.has(item.mirrors)) problems.push(`items.${index}.mirrors: "${item.mirrors}" is already mirrored by items.${mirrored.get(item.mirrors)}`);
		else {
			mirrored.set(item.mirrors, index);
			items.push({ id: item.id, mirrors: item.mirrors, component: original.component, factor: original.factor, topic: item.topic, text: item.text });
		}
	});
	for (const original of teacher.items) if (!mirrored.has(original.id)) problems.push(`items: no question mirrors ${teacher.id} item "${original.id}"`);
	if (problems.length) throw new Error(`${source}: ${problems.join('; ')}`);
	const scores = teacher.scores
		.filter((score) => score.role !== 'overall')
		.map((score) => ({
			id: score.id,
			items: items
				.filter((item) => score.items === 'all' || ('factor' in score.items ? item.factor === score.items.factor : item.component === score.items.component))
				.map((item) => item.id),
		}));
	return { student, teacher, items, model: { min: 1, max: student.scale.length, items: items.map((item) => ({ id: item.id, reverse: false })), scores } };
}

/** A saved set of answers (a check in the store). */
export interface Answered {
	date: string;
	answers: Record<string, number>;
}

const day = (date: string) => Date.parse(date.slice(0, 10));

/**
 * The teacher check to set beside the latest student answers: the one closest in time, within
 * `maxDays` (before or after). Undefined when there are no student answers or no check that close.
 */
export function pairViews<T extends Answered, S extends Answered>(teacherChecks: readonly T[], studentChecks: readonly S[], maxDays = 30): { teacher: T; student: S; days: number } | undefined {
	const student = studentChecks.at(-1);
	if (!student) return undefined;
	let best: { teacher: T; days: number } | undefined;
	for (const teacher of teacherChecks) {
		const days = Math.round(Math.abs(day(teacher.date) - day(student.date)) / 86_400_000);
		if (days <= maxDays && (!best || days < best.days || (days === best.days && teacher.date > best.teacher.date))) best = { teacher, days };
	}
	return best && { teacher: best.teacher, student, days: best.days };
}

/** One pair of questions where the two views differ. */
export interface Gap<T> {
	item: T;
	teacher: number;
	student: number;
	/** Student minus teacher: negative when the student chose a lower answer. */
	difference: number;
}

/** The pairs (a question and the teacher item it mirrors) whose answers differ by `threshold` points or more, largest first, then in question order. */
export function gaps<T extends { id: string; mirrors: string }>(items: readonly T[], teacherAnswers: Record<string, number>, studentAnswers: Record<string, number>, threshold = 2): Gap<T>[] {
	return items
		.flatMap((item, index) => {
			const teacher = teacherAnswers[item.mirrors];
			const student = studentAnswers[item.id];
			if (typeof teacher !== 'number' || typeof student !== 'number') return [];
			const difference = student - teacher;
			return Math.abs(difference) >= threshold ? [{ gap: { item, teacher, student, difference }, index }] : [];
		})
		.sort((a, b) => Math.abs(b.gap.difference) - Math.abs(a.gap.difference) || a.index - b.index)
		.map(({ gap }) => gap);
}

/** The given scores from each side: the teacher's from their check, the student's from the mirrored questions (null when incomplete). */
export function bothSides(scoreIds: readonly string[], teacherModel: ScoringModel, studentModel: ScoringModel, teacherAnswers: Record<string, number>, studentAnswers: Record<string, number>) {
	const teacher = computeScores(teacherModel, teacherAnswers);
	const student = computeScores(studentModel, studentAnswers);
	return scoreIds.map((id) => ({ id, teacher: teacher[id] ?? null, student: student[id] ?? null }));
}

/**
 * "Trust between you: you answered always; J.T. chose never." from the page's template, each
 * answer in the words of the scale it was given on (the self-check's, the student's).
 */
export function gapText(gap: Gap<{ topic: string }>, template: string, words: { teacher: readonly string[]; student: readonly string[] }, student: string): string {
	const text = template
		.replace('{topic}', gap.item.topic)
		.replace('{teacher}', words.teacher[gap.teacher - 1] ?? String(gap.teacher))
		.replace('{student}', student)
		.replace('{answer}', words.student[gap.student - 1] ?? String(gap.student));
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One side of the alliance, as each person sees it. */
export interface PairRow {
	/** "Bond" */
	label: string;
	teacher: { label: string; value: number; text: string };
	student: { label: string; value: number; text: string };
}

/**
 * The two views side by side: for each side of the alliance, its name on a line, then a bar for
 * the teacher's view and one for the student's, on the answer scale. Pure data (chart-svg.ts).
 */
export function pairChart(rows: readonly PairRow[], axis: Axis, title: string): SvgNode {
	const width = 380;
	const left = 96;
	const right = width - 44;
	const rowHeight = 86;
	const top = 4;
	const axisY = top + rows.length * rowHeight;
	const children: SvgNode[] = [];
	for (const tick of ticks(axis)) {
		const x = project(axis, tick, left, right);
		children.push(line('sc-grid', x, top + 22, x, axisY), label('sc-tick', String(tick), x, axisY + 16, 'middle'));
	}
	rows.forEach((row, index) => {
		const y = top + index * rowHeight;
		children.push(label('sv-pair-label', row.label, 0, y + 16, 'start'));
		(['teacher', 'student'] as const).forEach((who, n) => {
			const bar = row[who];
			const barY = y + 24 + n * 28;
			const end = project(axis, bar.value, left, right);
			children.push(
				label('sc-bar-label', fit(bar.label, left - 8, 13), left - 8, barY + 15, 'end'),
				{ tag: 'rect', attrs: { class: `sc-bar sv-bar-${who}`, x: left, y: barY, width: round(end - left), height: 20 } },
				label('sc-bar-value', bar.text, end + 6, barY + 15, 'start'),
			);
		});
	});
	return root(width, axisY + 24, title, 'sv-pairs', children);
}
