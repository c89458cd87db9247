/**
 * CSV files of the self-check's data, written as the teacher's spreadsheet expects them:
 * commas and decimal points in English, semicolons and decimal commas in French (French Excel
 * in Quebec opens a comma file in one column). Pure functions; the caller adds the BOM that
 * tells Excel the file is UTF-8, names the file and downloads it. The reader is here so tests
 * can read a file back as a spreadsheet would.
 */
import type { Answers, Scores } from './scoring';
import { studentsFor, type Store } from './self-check-store';

export interface CsvStyle {
	separator: ',' | ';';
	decimal: '.' | ',';
}
export const csvStyles: Record<'en' | 'fr', CsvStyle> = { en: { separator: ',', decimal: '.' }, fr: { separator: ';', decimal: ',' } };

type Cell = string | number | null;

/**
 * One field. Numbers get at most 3 decimals and the style's decimal mark; text a spreadsheet
 * would run as a formula (starting with = + - @ tab or CR) is defused with a leading '; a field
 * holding the separator, a quote, CR or LF is quoted.
 */
export function csvField(value: Cell, style: CsvStyle): string {
	if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
	let text: string;
	if (typeof value === 'number') text = String(Math.round(value * 1000) / 1000 || 0).replace('.', style.decimal);
	else text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return text.includes(style.separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined as a file: the style's separator, CRLF after every row. No BOM. */
export function csvRows(rows: Cell[][], style: CsvStyle): string {
	return rows.map((row) => `${row.map((value) => csvField(value, style)).join(style.separator)}\r\n`).join('');
}

/**
 * Reads CSV text as RFC 4180 says: quoted fields may hold separators, doubled quotes and line
 * breaks; lines end with CRLF or LF; a leading BOM is dropped; a final line break ends the
 * last row rather than starting an empty one.
 */
export function parseCsv(text: string, separator: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let at = text.startsWith('\uFEFF') ? 1 : 0;
	let rowStart = at;
	const endRow = () => {
		row.push(field);
		rows.push(row);
		row = [];
		field = '';
		rowStart = at + 1;
	};
	while (at < text.length) {
		const char = text[at]!;
		if (quoted) {
			if (char === '"' && text[at + 1] === '"') {
				field += '"';
				at++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === separator) {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[at + 1] === '\n') at++;
			endRow();
		} else field += char;
		at++;
	}
	if (at > rowStart) endRow();
	return rows;
}

/** A number written in the style (decimal mark, optional minus), or null for anything else. */
export function parseNumber(cell: string, style: CsvStyle): number | null {
	const text = cell.trim();
	const form = style.decimal === ',' ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/;
	return form.test(text) ? Number(text.replace(',', '.')) : null;
}

/** What the checks file needs to know of the instrument, with the page's column names. */
export interface ChecksCsvSpec {
	id: string;
	items: string[];
	scores: string[];
	/** Column names; a score or item without one is headed by its id. */
	headers: { student: string; date: string; instrument: string; version: string; scores: Record<string, string>; items: Record<string, string> };
}

/**
 * One row per check of one instrument, students in store order, checks in date order:
 * student, date (as `dateText` writes the ISO date-time), instrument, version, the scores,
 * then each answer as given. Missing scores and answers are empty.
 */
export function checksCsv(store: Store, spec: ChecksCsvSpec, score: (answers: Answers) => Scores, style: CsvStyle, dateText: (iso: string) => string): string {
	const { headers } = spec;
	const header = [headers.student, headers.date, headers.instrument, headers.version, ...spec.scores.map((id) => headers.scores[id] ?? id), ...spec.items.map((id) => headers.items[id] ?? id)];
	const rows = studentsFor(store, spec.id).flatMap((student) =>
		student.checks.map((check) => {
			const scores = score(check.answers);
			return [student.label, dateText(check.date), check.instrument, check.version, ...spec.scores.map((id) => scores[id] ?? null), ...spec.items.map((item) => check.answers[item] ?? null)];
		}),
	);
	return csvRows([header, ...rows], style);
}

/** The plans-and-notes file's column names, the words for each kind of row, and strategy names. */
export interface PlansCsvSpec {
	headers: { student: string; kind: string; date: string; strategies: string; action: string; when: string; signs: string; recheck: string; ended: string; note: string };
	kinds: { plan: string; note: string };
	strategyName: (id: string) => string;
}

/**
 * One row per plan and per note, students in store order, each student's rows in date order
 * (a plan on the day it was made, a note on the day it is about; the same day by when it was
 * written). `dateText` writes every date: it is given an ISO date-time (a plan's made and ended)
 * or a day YYYY-MM-DD (a note's date, a re-check), which it must not shift by time zone.
 */
export function plansNotesCsv(store: Store, spec: PlansCsvSpec, style: CsvStyle, dateText: (iso: string) => string): string {
	const { headers } = spec;
	const header = [headers.student, headers.kind, headers.date, headers.strategies, headers.action, headers.when, headers.signs, headers.recheck, headers.ended, headers.note];
	const rows = store.students.flatMap((student) => {
		const plans = student.plans.map((plan) => ({
			day: plan.created.slice(0, 10),
			created: plan.created,
			row: [
				student.label,
				spec.kinds.plan,
				dateText(plan.created),
				plan.strategies.map(spec.strategyName).join(' / '),
				plan.action,
				plan.when,
				plan.signs,
				plan.recheck === null ? null : dateText(plan.recheck),
				plan.ended === undefined ? null : dateText(plan.ended),
				null,
			],
		}));
		const notes = student.notes.map((note) => ({
			day: note.date,
			created: note.created,
			row: [student.label, spec.kinds.note, dateText(note.date), null, null, null, null, null, null, note.text],
		}));
		return [...plans, ...notes].sort((a, b) => a.day.localeCompare(b.day) || Date.parse(a.created) - Date.parse(b.created)).map((entry) => entry.row);
	});
	return csvRows([header, ...rows], style);
}
