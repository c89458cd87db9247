/**
 * What the self-check keeps in the browser, and how it is read, checked, migrated, merged and
 * changed. Pure functions, no DOM: the storage itself is passed in (localStorage in the page,
 * a fake in tests). One key for the whole site, so both languages see the same data. CSV
 * export is in ./csv.
 *
 * Format history:
 *   1: `{ version: 1, students: { "<label>": [{ date, answers }] } }`, CWAI teacher only.
 *      The self-check's first prototype; migrated on read.
 *   2: students as a list, each check naming its instrument and version; unfinished answers
 *      (drafts) kept per instrument. Migrated on read (no plans, no notes).
 *   3: each student also has plans (strategies to try, with a re-check date) and dated notes;
 *      a student may have no checks (a plan made from a strategy card before any check).
 */
import { isScaleValue, type Answers } from './scoring';

export const STORAGE_KEY = 'cwam.self-check';
export const STORE_FORMAT = 'cwam-self-check';
export const STORE_VERSION = 3;

/** The longest note, in characters after trimming. */
export const NOTE_MAX = 1000;
/** The longest plan text (action, when, signs), in characters after trimming. */
export const PLAN_TEXT_MAX = 500;
/** The most strategies one plan names. */
export const PLAN_STRATEGIES_MAX = 3;

export interface Check {
	instrument: string;
	version: number;
	/** When it was completed, ISO 8601. */
	date: string;
	answers: Answers;
}
export interface Plan {
	/** Unique, never reused: made by the caller (e.g. `p-${Date.now().toString(36)}-${random}`); merge uses it. */
	id: string;
	/** When it was made, ISO 8601 date-time. */
	created: string;
	/** 1 to 3 strategy ids (the manual's strategy cards), no repeats. */
	strategies: string[];
	/** What the teacher will do. 1..PLAN_TEXT_MAX chars after trim. */
	action: string;
	/** When / how often. 0..PLAN_TEXT_MAX chars. */
	when: string;
	/** How they will know it is working. 0..PLAN_TEXT_MAX chars. */
	signs: string;
	/** Re-check date, YYYY-MM-DD (a real calendar date), or null when cleared. */
	recheck: string | null;
	/** When it was ended (replaced by a newer plan or ended by the teacher), ISO date-time; absent while active. */
	ended?: string;
}
export interface Note {
	id: string;
	/** The day the note is about, YYYY-MM-DD. */
	date: string;
	/** 1..NOTE_MAX chars after trim. */
	text: string;
	/** When it was written, ISO date-time (orders notes of the same day). */
	created: string;
}
export interface Student {
	label: string;
	checks: Check[];
	plans: Plan[];
	notes: Note[];
}
export interface Draft {
	label: string;
	answers: Answers;
}
export interface Store {
	format: typeof STORE_FORMAT;
	version: typeof STORE_VERSION;
	students: Student[];
	drafts: Record<string, Draft>;
}

/** What the store needs to know of each instrument to check answers. */
export interface InstrumentShape {
	items: string[];
	min: number;
	max: number;
}
export type KnownInstruments = Record<string, InstrumentShape>;

/**
 * Why stored or imported text cannot be read.
 * - bad-date: a plan's created, ended or recheck, or a note's date or created, is not a date of the right form.
 * - unknown-strategy: an imported plan names a strategy this site does not have.
 * - too-long: a note or a plan text is longer than NOTE_MAX or PLAN_TEXT_MAX.
 * - bad-plan: a plan or a note breaks a rule (strategies, empty text, ids, two active plans, wrong types).
 */
export type ReadProblem = 'not-json' | 'wrong-shape' | 'wrong-version' | 'out-of-range' | 'bad-date' | 'unknown-strategy' | 'too-long' | 'bad-plan';
/**
 * A failed read. `detail` is English, for developers; `label` (the student's label, when known)
 * and `value` (the unknown strategy id, the bad date, or the length as a number) let the page
 * say what is wrong in its own language.
 */
export interface ReadFailure {
	ok: false;
	problem: ReadProblem;
	detail: string;
	label?: string;
	value?: string;
}
export type ReadResult = { ok: true; store: Store; migrated: boolean } | ReadFailure;
export interface ReadOptions {
	/**
	 * The strategy ids this site has. Given when importing: a plan naming another id is refused.
	 * Not given when reading what is saved: unknown ids are kept (a later edition may retire a
	 * card; saved data is never lost).
	 */
	strategies?: readonly string[];
}

export function emptyStore(): Store {
	return { format: STORE_FORMAT, version: STORE_VERSION, students: [], drafts: {} };
}

/** Labels match whatever their case and spacing: "j.t. " is the same student as "J.T.". */
export function labelKey(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** A new label as it is kept: trimmed, inner spaces collapsed, case as typed. */
const tidyLabel = (label: string) => label.trim().replace(/\s+/g, ' ');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const DAY_FORM = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_FORM = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const DAY_MS = 86_400_000;

/** The UTC time of a YYYY-MM-DD day's midnight, or NaN when it is not a real calendar date. */
function dayTime(day: string): number {
	const match = DAY_FORM.exec(day);
	if (!match) return Number.NaN;
	const [year, month, date] = match.slice(1).map(Number) as [number, number, number];
	const time = new Date(0);
	time.setUTCFullYear(year, month - 1, date);
	return time.getUTCFullYear() === year && time.getUTCMonth() === month - 1 && time.getUTCDate() === date ? time.getTime() : Number.NaN;
}

/** A real calendar date written YYYY-MM-DD: 2026-02-28 is, 2026-02-30 and 2026-1-5 are not. */
export function isIsoDay(value: string): boolean {
	return typeof value === 'string' && !Number.isNaN(dayTime(value));
}

/** An ISO 8601 date-time with its time zone, as `Date.prototype.toISOString` writes: 2026-02-03T14:05:00.000Z. */
export function isIsoDateTime(value: string): boolean {
	const match = typeof value === 'string' ? DATE_TIME_FORM.exec(value) : null;
	return match !== null && isIsoDay(match[1]!);
}

/** The day `n` days after (or before, when negative) a YYYY-MM-DD day (years 0000 to 9999). */
export function addDays(day: string, n: number): string {
	return new Date(dayTime(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from day `a` to day `b` (YYYY-MM-DD): negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
	return Math.round((dayTime(b) - dayTime(a)) / DAY_MS);
}

/** Where a fault is, for messages: "student 3 ("J.T."), plan 2", and the student's label. */
interface Place {
	text: string;
	label?: string;
}

/** A fault in what is read; also thrown (a RangeError) by the changes given a bad plan or note. */
class ReadError extends RangeError {
	constructor(
		readonly problem: ReadProblem,
		detail: string,
		readonly label?: string,
		readonly value?: string,
	) {
		super(detail);
	}
}

function fail(problem: ReadProblem, detail: string, label?: string, value?: string): never {
	throw new ReadError(problem, detail, label, value);
}

function failAt(place: Place, problem: ReadProblem, message: string, value?: string): never {
	fail(problem, `${place.text}: ${message}`, place.label, value);
}

const quote = (value: unknown) => JSON.stringify(value);

/** Version 1 → 2: the map of students becomes a list, and each check names its instrument. */
function migrateV1(data: Record<string, unknown>): Record<string, unknown> {
	if (!isObject(data.students)) fail('wrong-shape', 'students is not an object');
	return {
		format: STORE_FORMAT,
		version: 2,
		students: Object.entries(data.students).map(([label, checks]) => ({
			label,
			checks: Array.isArray(checks) ? checks.map((check: unknown) => (isObject(check) ? { instrument: 'cwai-teacher', version: 1, ...check } : check)) : checks,
		})),
		drafts: {},
	};
}

function readAnswers(value: unknown, place: Place, shape: InstrumentShape | undefined, complete: boolean): Answers {
	if (!isObject(value)) failAt(place, 'wrong-shape', 'answers is not an object');
	for (const [item, answer] of Object.entries(value)) {
		if (typeof answer !== 'number' || !Number.isInteger(answer)) failAt(place, 'wrong-shape', `answer to ${item} is not a whole number`);
		if (!shape) continue;
		if (!shape.items.includes(item)) failAt(place, 'out-of-range', `unknown item ${item}`);
		if (!isScaleValue(shape, answer)) failAt(place, 'out-of-range', `answer ${answer} to ${item} is outside ${shape.min}–${shape.max}`);
	}
	if (complete && shape) {
		const missing = shape.items.filter((item) => !(item in value));
		if (missing.length > 0) failAt(place, 'out-of-range', `no answer to ${missing.join(', ')}`);
	}
	return { ...(value as Answers) };
}

function readCheck(value: unknown, place: Place, instruments: KnownInstruments): Check {
	if (!isObject(value)) failAt(place, 'wrong-shape', 'is not an object');
	const { instrument, version, date } = value;
	if (typeof instrument !== 'string' || instrument === '') failAt(place, 'wrong-shape', 'no instrument');
	if (typeof version !== 'number' || !Number.isInteger(version)) failAt(place, 'wrong-shape', 'no instrument version');
	if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) failAt(place, 'wrong-shape', 'no valid date');
	// Checks of an instrument this page does not know are kept as they are, not judged.
	return { instrument, version, date, answers: readAnswers(value.answers, place, instruments[instrument], true) };
}

function readId(value: unknown, place: Place): string {
	if (typeof value !== 'string' || value.trim() === '') failAt(place, 'bad-plan', 'no id');
	return value;
}

function readDateTime(value: unknown, place: Place, field: string): string {
	if (typeof value !== 'string') failAt(place, 'bad-plan', `${field} is not text`);
	if (!isIsoDateTime(value)) failAt(place, 'bad-date', `${field} ${quote(value)} is not a date and time`, value);
	return value;
}

function readDay(value: unknown, place: Place, field: string): string {
	if (typeof value !== 'string') failAt(place, 'bad-plan', `${field} is not text`);
	if (!isIsoDay(value)) failAt(place, 'bad-date', `${field} ${quote(value)} is not a date`, value);
	return value;
}

function readText(value: unknown, place: Place, field: string, max: number, required: boolean): string {
	if (typeof value !== 'string') failAt(place, 'bad-plan', `${field} is not text`);
	const length = value.trim().length;
	if (required && length === 0) failAt(place, 'bad-plan', `${field} is empty`);
	if (length > max) failAt(place, 'too-long', `${field} is ${length} characters long (at most ${max})`, String(length));
	return value;
}

function readPlan(value: unknown, place: Place, strategies: readonly string[] | undefined): Plan {
	if (!isObject(value)) failAt(place, 'bad-plan', 'is not an object');
	const id = readId(value.id, place);
	const created = readDateTime(value.created, place, 'created');
	const chosen = value.strategies;
	if (!Array.isArray(chosen) || !chosen.every((strategy) => typeof strategy === 'string' && strategy !== '')) failAt(place, 'bad-plan', 'strategies is not a list of strategy ids');
	if (chosen.length === 0 || chosen.length > PLAN_STRATEGIES_MAX) failAt(place, 'bad-plan', `${chosen.length} strategies (1 to ${PLAN_STRATEGIES_MAX})`, String(chosen.length));
	const repeated = chosen.find((strategy, index) => chosen.indexOf(strategy) !== index);
	if (repeated !== undefined) failAt(place, 'bad-plan', `strategy ${quote(repeated)} is named twice`, repeated);
	const unknown = strategies && chosen.find((strategy) => !strategies.includes(strategy));
	if (unknown !== undefined) failAt(place, 'unknown-strategy', `unknown strategy ${quote(unknown)}`, unknown);
	const action = readText(value.action, place, 'action', PLAN_TEXT_MAX, true);
	const when = readText(value.when, place, 'when', PLAN_TEXT_MAX, false);
	const signs = readText(value.signs, place, 'signs', PLAN_TEXT_MAX, false);
	const recheck = value.recheck === null ? null : readDay(value.recheck, place, 'recheck');
	const plan: Plan = { id, created, strategies: [...chosen], action, when, signs, recheck };
	if (value.ended !== undefined) plan.ended = readDateTime(value.ended, place, 'ended');
	return plan;
}

function readNote(value: unknown, place: Place): Note {
	if (!isObject(value)) failAt(place, 'bad-plan', 'is not an object');
	const id = readId(value.id, place);
	const date = readDay(value.date, place, 'date');
	const text = readText(value.text, place, 'text', NOTE_MAX, true);
	const created = readDateTime(value.created, place, 'created');
	return { id, date, text, created };
}

/** A student's plans or notes: missing is none, anything but a list is wrong. */
function readList<T>(value: unknown, place: Place, field: string, read: (item: unknown, n: number) => T): T[] {
	if (value === undefined) return [];
	if (!Array.isArray(value)) failAt(place, 'wrong-shape', `${field} is not a list`);
	return value.map(read);
}

/** No id twice among a student's plans, or among their notes. */
function checkIds(items: { id: string }[], place: Place, kind: string): void {
	const ids = items.map((item) => item.id);
	const index = ids.findIndex((id, n) => ids.indexOf(id) !== n);
	if (index !== -1) failAt(place, 'bad-plan', `${kind} ${ids.indexOf(ids[index]!) + 1} and ${index + 1} have the same id ${quote(ids[index])}`, ids[index]);
}

function readStudent(value: unknown, index: number, instruments: KnownInstruments, options: ReadOptions): Student {
	if (!isObject(value) || typeof value.label !== 'string' || value.label.trim() === '') fail('wrong-shape', `student ${index + 1} has no label`);
	const { label } = value;
	const place: Place = { text: `student ${index + 1} (${quote(label)})`, label };
	const at = (what: string, n: number): Place => ({ text: `${place.text}, ${what} ${n + 1}`, label });
	if (!Array.isArray(value.checks)) failAt(place, 'wrong-shape', 'checks is not a list');
	const checks = value.checks.map((check: unknown, n) => readCheck(check, at('check', n), instruments));
	const plans = readList(value.plans, place, 'plans', (plan, n) => readPlan(plan, at('plan', n), options.strategies));
	const notes = readList(value.notes, place, 'notes', (note, n) => readNote(note, at('note', n)));
	checkIds(plans, place, 'plans');
	checkIds(notes, place, 'notes');
	const active = plans.flatMap((plan, n) => (plan.ended === undefined ? [n + 1] : []));
	if (active.length > 1) failAt(place, 'bad-plan', `plans ${active.join(' and ')} are both active`);
	return { label, checks, plans, notes };
}

function readCurrent(data: Record<string, unknown>, instruments: KnownInstruments, options: ReadOptions): Store {
	if (!Array.isArray(data.students)) fail('wrong-shape', 'students is not a list');
	const students = data.students.map((student: unknown, index) => readStudent(student, index, instruments, options));
	const keys = students.map((student) => labelKey(student.label));
	const repeated = keys.findIndex((key, index) => keys.indexOf(key) !== index);
	if (repeated !== -1) fail('wrong-shape', `two students share the label "${keys[repeated]}"`, students[repeated]!.label);
	const drafts: Record<string, Draft> = {};
	if (data.drafts !== undefined) {
		if (!isObject(data.drafts)) fail('wrong-shape', 'drafts is not an object');
		for (const [instrument, draft] of Object.entries(data.drafts)) {
			if (!isObject(draft) || typeof draft.label !== 'string') fail('wrong-shape', `draft for ${instrument} has no label`);
			drafts[instrument] = { label: draft.label, answers: readAnswers(draft.answers, { text: `draft for ${instrument}` }, instruments[instrument], false) };
		}
	}
	return { format: STORE_FORMAT, version: STORE_VERSION, students, drafts };
}

/**
 * Reads stored or imported text: checks it is our format, migrates an older version, and
 * checks every answer, plan and note. Pass `options.strategies` when importing a file (see
 * ReadOptions). Never throws on bad data.
 */
export function readStore(text: string, instruments: KnownInstruments, options: ReadOptions = {}): ReadResult {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, problem: 'not-json', detail: 'not JSON' };
	}
	try {
		if (!isObject(data)) fail('wrong-shape', 'not an object');
		if (data.format !== undefined && data.format !== STORE_FORMAT) fail('wrong-shape', `format is ${String(data.format)}`);
		const { version } = data;
		if (typeof version !== 'number') fail('wrong-shape', 'no version');
		if (version !== 1 && version !== 2 && version !== STORE_VERSION) fail('wrong-version', `version ${version} is not one this site reads (1 to ${STORE_VERSION})`);
		if (version !== 1 && data.format !== STORE_FORMAT) fail('wrong-shape', 'no format');
		const current = version === 1 ? migrateV1(data) : data;
		return { ok: true, store: readCurrent(current, instruments, options), migrated: version !== STORE_VERSION };
	} catch (error) {
		if (!(error instanceof ReadError)) throw error;
		const { problem, message, label, value } = error;
		return { ok: false, problem, detail: message, ...(label === undefined ? {} : { label }), ...(value === undefined ? {} : { value }) };
	}
}

export function findStudent(store: Store, label: string): Student | undefined {
	const key = labelKey(label);
	return store.students.find((student) => labelKey(student.label) === key);
}

const hasNothing = (student: Student) => student.checks.length === 0 && student.plans.length === 0 && student.notes.length === 0;

/**
 * Changes the student with this label; with `create`, a new label makes a new student (at the
 * end). A student the change leaves with no checks, plans or notes is removed.
 */
function changeStudent(store: Store, label: string, change: (student: Student) => Student, create = false): Store {
	const existing = findStudent(store, label);
	if (!existing) return create ? { ...store, students: [...store.students, change({ label: tidyLabel(label), checks: [], plans: [], notes: [] })] } : store;
	const changed = change(existing);
	return { ...store, students: hasNothing(changed) ? store.students.filter((student) => student !== existing) : store.students.map((student) => (student === existing ? changed : student)) };
}

/** Adds a completed check to the student's history (a new student if the label is new). */
export function addCheck(store: Store, label: string, check: Check): Store {
	return changeStudent(store, label, (student) => ({ ...student, checks: sortByDate([...student.checks, check]) }), true);
}

function sortByDate(checks: Check[]): Check[] {
	return [...checks].sort((a, b) => a.date.localeCompare(b.date));
}

const sameCheck = (a: Pick<Check, 'instrument' | 'date'>, b: Pick<Check, 'instrument' | 'date'>) => a.instrument === b.instrument && a.date === b.date;

/** Deletes one check; the student goes too when they have no checks, plans or notes left. */
export function deleteCheck(store: Store, label: string, check: Pick<Check, 'instrument' | 'date'>): Store {
	return changeStudent(store, label, (student) => ({ ...student, checks: student.checks.filter((c) => !sameCheck(c, check)) }));
}

/** Deletes a student with all their checks, plans and notes. */
export function deleteStudent(store: Store, label: string): Store {
	const key = labelKey(label);
	return { ...store, students: store.students.filter((student) => labelKey(student.label) !== key) };
}

export function setDraft(store: Store, instrument: string, draft: Draft | null): Store {
	const { [instrument]: _old, ...drafts } = store.drafts;
	return { ...store, drafts: draft ? { ...drafts, [instrument]: draft } : drafts };
}

/** The plan the student is following: the one not ended (there is at most one). */
export function activePlan(student: Student): Plan | undefined {
	return student.plans.find((plan) => plan.ended === undefined);
}

const byCreated = (a: { created: string }, b: { created: string }) => Date.parse(a.created) - Date.parse(b.created);

/** Plans in `created` order, each active plan but the newest ended when the next one was made. */
function settlePlans(plans: Plan[]): Plan[] {
	const sorted = [...plans].sort(byCreated);
	const active = sorted.filter((plan) => plan.ended === undefined);
	return sorted.map((plan) => {
		const next = active[active.indexOf(plan) + 1];
		return plan.ended === undefined && next ? { ...plan, ended: next.created } : plan;
	});
}

/** Notes by the day they are about, then by when they were written. */
function sortNotes(notes: Note[]): Note[] {
	return [...notes].sort((a, b) => a.date.localeCompare(b.date) || byCreated(a, b));
}

const putPlan = (store: Store, label: string, plan: Plan) => changeStudent(store, label, (student) => ({ ...student, plans: settlePlans([...student.plans, plan]) }), true);
const putNote = (store: Store, label: string, note: Note) => changeStudent(store, label, (student) => ({ ...student, notes: sortNotes([...student.notes, note]) }), true);

/** Throws a RangeError when the student already has a plan or note with this id. */
function checkNewId(store: Store, label: string, kind: 'plans' | 'notes', id: string): void {
	if (findStudent(store, label)?.[kind].some((item) => item.id === id)) throw new RangeError(`${quote(label)} already has ${kind === 'plans' ? 'a plan' : 'a note'} with the id ${quote(id)}`);
}

/**
 * Adds a plan (a new student if the label is new). It becomes the active plan: the one it
 * replaces is ended at its `created`. Throws a RangeError when the plan breaks a rule of
 * the format or its id is taken: check the form with validatePlanInput first.
 */
export function addPlan(store: Store, label: string, plan: Plan): Store {
	readPlan(plan, { text: `plan ${quote(plan.id)}`, label }, undefined);
	checkNewId(store, label, 'plans', plan.id);
	return putPlan(store, label, plan);
}

function changePlan(store: Store, label: string, planId: string, change: (plan: Plan) => Plan): Store {
	return changeStudent(store, label, (student) => ({ ...student, plans: student.plans.map((plan) => (plan.id === planId ? change(plan) : plan)) }));
}

/** Moves a plan's re-check date (YYYY-MM-DD), or clears it (null). Throws a RangeError on a bad date. */
export function setRecheck(store: Store, label: string, planId: string, date: string | null): Store {
	if (date !== null && !isIsoDay(date)) throw new RangeError(`re-check ${quote(date)} is not a date`);
	return changePlan(store, label, planId, (plan) => ({ ...plan, recheck: date }));
}

/** Ends a plan at `when` (ISO date-time). Throws a RangeError on a bad date-time. */
export function endPlan(store: Store, label: string, planId: string, when: string): Store {
	if (!isIsoDateTime(when)) throw new RangeError(`end ${quote(when)} is not a date and time`);
	return changePlan(store, label, planId, (plan) => ({ ...plan, ended: when }));
}

/** Deletes a plan; the student goes too when they have nothing else left. */
export function deletePlan(store: Store, label: string, planId: string): Store {
	return changeStudent(store, label, (student) => ({ ...student, plans: student.plans.filter((plan) => plan.id !== planId) }));
}

/**
 * Adds a note (a new student if the label is new). Throws a RangeError when the note breaks a
 * rule of the format or its id is taken: check the form with validateNoteInput first.
 */
export function addNote(store: Store, label: string, note: Note): Store {
	readNote(note, { text: `note ${quote(note.id)}`, label });
	checkNewId(store, label, 'notes', note.id);
	return putNote(store, label, note);
}

/** Deletes a note; the student goes too when they have nothing else left. */
export function deleteNote(store: Store, label: string, noteId: string): Store {
	return changeStudent(store, label, (student) => ({ ...student, notes: student.notes.filter((note) => note.id !== noteId) }));
}

export type PlanInputProblem = 'strategies-none' | 'strategies-too-many' | 'strategy-unknown' | 'action-empty' | 'too-long' | 'recheck-invalid';
export interface PlanInput {
	strategies: string[];
	action: string;
	when: string;
	signs: string;
	recheck: string | null;
}

/** What is wrong with a plan form, in form order; empty when it can be saved. A repeated strategy counts as unknown. */
export function validatePlanInput(input: PlanInput, knownStrategies: readonly string[]): PlanInputProblem[] {
	const problems: PlanInputProblem[] = [];
	const { strategies } = input;
	if (strategies.length === 0) problems.push('strategies-none');
	if (strategies.length > PLAN_STRATEGIES_MAX) problems.push('strategies-too-many');
	if (strategies.some((strategy, index) => !knownStrategies.includes(strategy) || strategies.indexOf(strategy) !== index)) problems.push('strategy-unknown');
	if (input.action.trim() === '') problems.push('action-empty');
	if ([input.action, input.when, input.signs].some((text) => text.trim().length > PLAN_TEXT_MAX)) problems.push('too-long');
	if (input.recheck !== null && !isIsoDay(input.recheck)) problems.push('recheck-invalid');
	return problems;
}

export type NoteInputProblem = 'text-empty' | 'text-too-long' | 'date-invalid';

/** What is wrong with a note form; empty when it can be saved. */
export function validateNoteInput(input: { date: string; text: string }): NoteInputProblem[] {
	const problems: NoteInputProblem[] = [];
	const length = input.text.trim().length;
	if (length === 0) problems.push('text-empty');
	if (length > NOTE_MAX) problems.push('text-too-long');
	if (!isIsoDay(input.date)) problems.push('date-invalid');
	return problems;
}

export interface Added {
	checks: number;
	plans: number;
	notes: number;
}

/**
 * Adds what an import has that is not already there: checks (same student, instrument and
 * date), plans and notes (same student and id). Merging the same file twice adds nothing.
 * When a student then has two active plans, the older one is ended when the newer was made.
 */
export function mergeStores(current: Store, incoming: Store): { store: Store; added: Added } {
	let store = current;
	const added: Added = { checks: 0, plans: 0, notes: 0 };
	for (const { label, checks, plans, notes } of incoming.students) {
		for (const check of checks) {
			if (findStudent(store, label)?.checks.some((existing) => sameCheck(existing, check))) continue;
			store = addCheck(store, label, check);
			added.checks++;
		}
		for (const plan of plans) {
			if (findStudent(store, label)?.plans.some((existing) => existing.id === plan.id)) continue;
			store = putPlan(store, label, plan);
			added.plans++;
		}
		for (const note of notes) {
			if (findStudent(store, label)?.notes.some((existing) => existing.id === note.id)) continue;
			store = putNote(store, label, note);
			added.notes++;
		}
	}
	return { store, added };
}

const withChecksOf = (student: Student, instrument: string): Student => ({ ...student, checks: student.checks.filter((check) => check.instrument === instrument) });

/** The students with at least one check of this instrument, each with those checks only (and all their plans and notes). */
export function studentsFor(store: Store, instrument: string): Student[] {
	return store.students.map((student) => withChecksOf(student, instrument)).filter((student) => student.checks.length > 0);
}

/** The students with a check of this instrument or any plan or note, in store order, each with that instrument's checks only. */
export function studentsWithAnything(store: Store, instrument: string): Student[] {
	return store.students.map((student) => withChecksOf(student, instrument)).filter((student) => !hasNothing(student));
}

/** A student whose active plan has a re-check date; `since` is days past it (0: today; negative: days left). */
export interface Recheck {
	student: Student;
	plan: Plan;
	since: number;
}

/**
 * The active plans with a re-check date that no check of this instrument has answered yet (no
 * check on or after that day), with the days since that date; most overdue (or soonest) first,
 * then by label. Students are returned as in the store.
 */
function rechecks(store: Store, instrument: string, today: string, keep: (since: number) => boolean): Recheck[] {
	const found: Recheck[] = [];
	for (const student of store.students) {
		const plan = activePlan(student);
		const day = plan?.recheck;
		if (!plan || !day) continue;
		if (student.checks.some((check) => check.instrument === instrument && check.date.slice(0, 10) >= day)) continue;
		const since = daysBetween(day, today);
		if (keep(since)) found.push({ student, plan, since });
	}
	return found.sort((a, b) => b.since - a.since || a.student.label.localeCompare(b.student.label));
}

/** Re-checks due today (`since` 0) or overdue (`since` days), most overdue first. `today` is YYYY-MM-DD. */
export function dueRechecks(store: Store, instrument: string, today: string): Recheck[] {
	return rechecks(store, instrument, today, (since) => since >= 0);
}

/** Re-checks due after today and within `days`, soonest first; `since` is minus the days left. */
export function upcomingRechecks(store: Store, instrument: string, today: string, days = 7): Recheck[] {
	return rechecks(store, instrument, today, (since) => since < 0 && -since <= days);
}

/**
 * The student's check of this instrument before `before` (one of their checks, or any check:
 * then the last one made earlier), or without `before` the second-to-last; undefined when none.
 */
export function previousCheck(student: Student, instrument: string, before?: Pick<Check, 'instrument' | 'date'>): Check | undefined {
	const checks = student.checks.filter((check) => check.instrument === instrument);
	if (!before) return checks.at(-2);
	const index = checks.findIndex((check) => sameCheck(check, before));
	if (index !== -1) return checks[index - 1];
	return checks.filter((check) => Date.parse(check.date) < Date.parse(before.date)).at(-1);
}

/** The part of the Web Storage API the store uses. */
export interface KeyValueStorage {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

export type Opened =
	| { mode: 'saved'; store: Store; migrated: boolean }
	/** Storage is blocked or missing: work in memory. */
	| { mode: 'unavailable'; store: Store }
	/** What is stored cannot be read: keep it untouched, offer it raw, work in memory. `label` and `value` as in ReadFailure. */
	| { mode: 'corrupt'; store: Store; raw: string; problem: ReadProblem; detail: string; label?: string; value?: string };

/** Opens the saved store (unknown strategy ids kept). `getStorage` may throw (a blocked localStorage throws on access). */
export function openStore(getStorage: () => KeyValueStorage | null | undefined, instruments: KnownInstruments): Opened {
	let raw: string | null;
	try {
		const storage = getStorage();
		if (!storage) return { mode: 'unavailable', store: emptyStore() };
		raw = storage.getItem(STORAGE_KEY);
	} catch {
		return { mode: 'unavailable', store: emptyStore() };
	}
	if (raw === null) return { mode: 'saved', store: emptyStore(), migrated: false };
	const read = readStore(raw, instruments);
	if (read.ok) return { mode: 'saved', store: read.store, migrated: read.migrated };
	const { ok: _ok, ...failure } = read;
	return { mode: 'corrupt', store: emptyStore(), raw, ...failure };
}

/** Saves; false when storage refuses (blocked, or full). */
export function saveStore(getStorage: () => KeyValueStorage | null | undefined, store: Store): boolean {
	try {
		const storage = getStorage();
		if (!storage) return false;
		storage.setItem(STORAGE_KEY, JSON.stringify(store));
		return true;
	} catch {
		return false;
	}
}
