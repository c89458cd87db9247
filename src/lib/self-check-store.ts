/**
 * What the self-check keeps in the browser, and how it is read, checked, migrated, merged and
 * exported. Pure functions, no DOM: the storage itself is passed in (localStorage in the page,
 * a fake in tests). One key for the whole site, so both languages see the same data.
 *
 * Format history:
 *   1: `{ version: 1, students: { "<label>": [{ date, answers }] } }`, CWAI teacher only.
 *      The self-check's first prototype; migrated on read.
 *   2: students as a list, each check naming its instrument and version; unfinished answers
 *      (drafts) kept per instrument.
 */
import { isScaleValue, type Answers, type Scores } from './scoring';

export const STORAGE_KEY = 'cwam.self-check';
export const STORE_FORMAT = 'cwam-self-check';
export const STORE_VERSION = 2;

export interface Check {
	instrument: string;
	version: number;
	/** When it was completed, ISO 8601. */
	date: string;
	answers: Answers;
}
export interface Student {
	label: string;
	checks: Check[];
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

export type ReadProblem = 'not-json' | 'wrong-shape' | 'wrong-version' | 'out-of-range';
export type ReadResult = { ok: true; store: Store; migrated: boolean } | { ok: false; problem: ReadProblem; detail: string };

export function emptyStore(): Store {
	return { format: STORE_FORMAT, version: STORE_VERSION, students: [], drafts: {} };
}

/** Labels match whatever their case and spacing: "j.t. " is the same student as "J.T.". */
export function labelKey(label: string): string {
	return label.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

class ReadError extends Error {
	constructor(
		readonly problem: ReadProblem,
		detail: string,
	) {
		super(detail);
	}
}

function fail(problem: ReadProblem, detail: string): never {
	throw new ReadError(problem, detail);
}

/** Version 1 → 2: the map of students becomes a list, and each check names its instrument. */
function migrateV1(data: Record<string, unknown>): unknown {
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

function readAnswers(value: unknown, where: string, shape: InstrumentShape | undefined, complete: boolean): Answers {
	if (!isObject(value)) fail('wrong-shape', `${where}: answers is not an object`);
	for (const [item, answer] of Object.entries(value)) {
		if (typeof answer !== 'number' || !Number.isInteger(answer)) fail('wrong-shape', `${where}: answer to ${item} is not a whole number`);
		if (!shape) continue;
		if (!shape.items.includes(item)) fail('out-of-range', `${where}: unknown item ${item}`);
		if (!isScaleValue(shape, answer)) fail('out-of-range', `${where}: answer ${answer} to ${item} is outside ${shape.min}–${shape.max}`);
	}
	if (complete && shape) {
		const missing = shape.items.filter((item) => !(item in value));
		if (missing.length > 0) fail('out-of-range', `${where}: no answer to ${missing.join(', ')}`);
	}
	return { ...(value as Answers) };
}

function readCheck(value: unknown, where: string, instruments: KnownInstruments): Check {
	if (!isObject(value)) fail('wrong-shape', `${where} is not an object`);
	const { instrument, version, date } = value;
	if (typeof instrument !== 'string' || instrument === '') fail('wrong-shape', `${where}: no instrument`);
	if (typeof version !== 'number' || !Number.isInteger(version)) fail('wrong-shape', `${where}: no instrument version`);
	if (typeof date !== 'string' || Number.isNaN(Date.parse(date))) fail('wrong-shape', `${where}: no valid date`);
	// Checks of an instrument this page does not know are kept as they are, not judged.
	return { instrument, version, date, answers: readAnswers(value.answers, where, instruments[instrument], true) };
}

function readV2(data: Record<string, unknown>, instruments: KnownInstruments): Store {
	if (!Array.isArray(data.students)) fail('wrong-shape', 'students is not a list');
	const students = data.students.map((student: unknown, index): Student => {
		const where = `student ${index + 1}`;
		if (!isObject(student) || typeof student.label !== 'string' || student.label.trim() === '') fail('wrong-shape', `${where} has no label`);
		if (!Array.isArray(student.checks)) fail('wrong-shape', `${where}: checks is not a list`);
		return { label: student.label, checks: student.checks.map((check: unknown, n) => readCheck(check, `${where}, check ${n + 1}`, instruments)) };
	});
	const keys = students.map((student) => labelKey(student.label));
	const repeated = keys.find((key, index) => keys.indexOf(key) !== index);
	if (repeated !== undefined) fail('wrong-shape', `two students share the label "${repeated}"`);
	const drafts: Record<string, Draft> = {};
	if (data.drafts !== undefined) {
		if (!isObject(data.drafts)) fail('wrong-shape', 'drafts is not an object');
		for (const [instrument, draft] of Object.entries(data.drafts)) {
			if (!isObject(draft) || typeof draft.label !== 'string') fail('wrong-shape', `draft for ${instrument} has no label`);
			drafts[instrument] = { label: draft.label, answers: readAnswers(draft.answers, `draft for ${instrument}`, instruments[instrument], false) };
		}
	}
	return { format: STORE_FORMAT, version: STORE_VERSION, students, drafts };
}

/**
 * Reads stored or imported text: checks it is our format, migrates an older version, and
 * checks every answer against the instruments it knows. Never throws.
 */
export function readStore(text: string, instruments: KnownInstruments): ReadResult {
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
		if (version !== 1 && version !== STORE_VERSION) fail('wrong-version', `version ${version} is not one this site reads (1 to ${STORE_VERSION})`);
		if (version === 2 && data.format !== STORE_FORMAT) fail('wrong-shape', 'no format');
		const current = version === 1 ? migrateV1(data) : data;
		return { ok: true, store: readV2(current as Record<string, unknown>, instruments), migrated: version !== STORE_VERSION };
	} catch (error) {
		if (error instanceof ReadError) return { ok: false, problem: error.problem, detail: error.message };
		throw error;
	}
}

export function findStudent(store: Store, label: string): Student | undefined {
	const key = labelKey(label);
	return store.students.find((student) => labelKey(student.label) === key);
}

/** Adds a completed check to the student's history (a new student if the label is new). */
export function addCheck(store: Store, label: string, check: Check): Store {
	const existing = findStudent(store, label);
	const students = existing
		? store.students.map((student) => (student === existing ? { ...student, checks: sortByDate([...student.checks, check]) } : student))
		: [...store.students, { label: label.trim().replace(/\s+/g, ' '), checks: [check] }];
	return { ...store, students };
}

function sortByDate(checks: Check[]): Check[] {
	return [...checks].sort((a, b) => a.date.localeCompare(b.date));
}

const sameCheck = (a: Pick<Check, 'instrument' | 'date'>, b: Pick<Check, 'instrument' | 'date'>) => a.instrument === b.instrument && a.date === b.date;

export function deleteCheck(store: Store, label: string, check: Pick<Check, 'instrument' | 'date'>): Store {
	const key = labelKey(label);
	const students = store.students
		.map((student) => (labelKey(student.label) === key ? { ...student, checks: student.checks.filter((c) => !sameCheck(c, check)) } : student))
		.filter((student) => student.checks.length > 0);
	return { ...store, students };
}

export function deleteStudent(store: Store, label: string): Store {
	const key = labelKey(label);
	return { ...store, students: store.students.filter((student) => labelKey(student.label) !== key) };
}

export function setDraft(store: Store, instrument: string, draft: Draft | null): Store {
	const { [instrument]: _old, ...drafts } = store.drafts;
	return { ...store, drafts: draft ? { ...drafts, [instrument]: draft } : drafts };
}

/** Adds the incoming checks that are not already there (same student, instrument and date). */
export function mergeStores(current: Store, incoming: Store): { store: Store; added: number } {
	let store = current;
	let added = 0;
	for (const student of incoming.students) {
		for (const check of student.checks) {
			if (findStudent(store, student.label)?.checks.some((existing) => sameCheck(existing, check))) continue;
			store = addCheck(store, student.label, check);
			added++;
		}
	}
	return { store, added };
}

/** The students with at least one check of this instrument, each with those checks only. */
export function studentsFor(store: Store, instrument: string): Student[] {
	return store.students
		.map((student) => ({ ...student, checks: student.checks.filter((check) => check.instrument === instrument) }))
		.filter((student) => student.checks.length > 0);
}

/** A CSV field, quoted when needed; text a spreadsheet would run as a formula is defused. */
export function csvField(value: string | number | null): string {
	if (value === null) return '';
	let text = String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per check of one instrument: student, date, scores, then each answer as given.
 * Scores are written with a dot and at most 3 decimals, whatever the page's language.
 */
export function toCsv(store: Store, instrument: { id: string; items: string[]; scores: string[] }, score: (answers: Answers) => Scores): string {
	const header = ['student', 'date', 'instrument', 'version', ...instrument.scores, ...instrument.items];
	const rows = studentsFor(store, instrument.id).flatMap((student) =>
		student.checks.map((check) => {
			const scores = score(check.answers);
			return [
				student.label,
				check.date,
				check.instrument,
				check.version,
				...instrument.scores.map((id) => (scores[id] == null ? null : Math.round(scores[id] * 1000) / 1000)),
				...instrument.items.map((item) => check.answers[item] ?? null),
			];
		}),
	);
	return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
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
	/** What is stored cannot be read: keep it untouched, offer it raw, work in memory. */
	| { mode: 'corrupt'; store: Store; raw: string; problem: ReadProblem; detail: string };

/** Opens the saved store. `getStorage` may throw (a blocked localStorage throws on access). */
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
	return { mode: 'corrupt', store: emptyStore(), raw, problem: read.problem, detail: read.detail };
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
