import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	STORAGE_KEY,
	addCheck,
	csvField,
	deleteCheck,
	deleteStudent,
	emptyStore,
	findStudent,
	labelKey,
	mergeStores,
	openStore,
	readStore,
	saveStore,
	setDraft,
	studentsFor,
	toCsv,
	type Check,
	type KeyValueStorage,
	type KnownInstruments,
	type Store,
} from '../../src/lib/self-check-store';
import { computeScores, type ScoringModel } from '../../src/lib/scoring';

const items = ['b1', 't1', 'g1', 'b2'];
const known: KnownInstruments = { 'cwai-teacher': { items, min: 1, max: 5 } };
const answers = { b1: 4, t1: 3, g1: 5, b2: 2 };
const check = (date: string, given: Record<string, number> = answers): Check => ({ instrument: 'cwai-teacher', version: 1, date, answers: given });
const d1 = '2025-01-10T14:00:00.000Z';
const d2 = '2025-02-10T14:00:00.000Z';
const d3 = '2025-03-10T14:00:00.000Z';

const withTwo = () => addCheck(addCheck(addCheck(emptyStore(), 'AB', check(d2)), 'CD', check(d1)), 'ab', check(d1, { b1: 1, t1: 1, g1: 1, b2: 1 }));
const read = (value: unknown) => readStore(typeof value === 'string' ? value : JSON.stringify(value), known);

describe('students and their checks', () => {
	it('adds a later check for the same label to that student’s history, in date order', () => {
		const store = withTwo();
		expect(store.students.map((student) => student.label)).toEqual(['AB', 'CD']);
		expect(findStudent(store, ' ab ')!.checks.map((c) => c.date)).toEqual([d1, d2]);
	});

	it('matches labels whatever their case and spacing, and keeps a new label tidy', () => {
		expect(labelKey('  J.  T. ')).toBe('j. t.');
		expect(addCheck(emptyStore(), '  J.  T. ', check(d1)).students[0]!.label).toBe('J. T.');
		expect(findStudent(emptyStore(), 'x')).toBeUndefined();
	});

	it('deletes one check, and the student with their last check', () => {
		let store = deleteCheck(withTwo(), 'AB', { instrument: 'cwai-teacher', date: d1 });
		expect(findStudent(store, 'AB')!.checks.map((c) => c.date)).toEqual([d2]);
		expect(findStudent(store, 'CD')!.checks).toHaveLength(1);
		store = deleteCheck(store, 'ab', { instrument: 'cwai-teacher', date: d2 });
		expect(store.students.map((student) => student.label)).toEqual(['CD']);
	});

	it('deletes a student and all their checks', () => {
		expect(deleteStudent(withTwo(), 'cd').students.map((student) => student.label)).toEqual(['AB']);
	});

	it('keeps one draft per instrument, and removes it', () => {
		const store = setDraft(setDraft(emptyStore(), 'cwai-teacher', { label: 'A', answers: { b1: 2 } }), 'other', { label: 'B', answers: {} });
		expect(Object.keys(store.drafts)).toEqual(['cwai-teacher', 'other']);
		expect(setDraft(store, 'cwai-teacher', null).drafts).toEqual({ other: { label: 'B', answers: {} } });
	});

	it('lists only the students and checks of one instrument', () => {
		const store = addCheck(withTwo(), 'EF', { ...check(d3), instrument: 'other' });
		expect(studentsFor(store, 'cwai-teacher').map((student) => student.label)).toEqual(['AB', 'CD']);
		expect(studentsFor(store, 'other')).toEqual([{ label: 'EF', checks: [{ ...check(d3), instrument: 'other' }] }]);
	});

	it('does not change the store it is given', () => {
		const store = withTwo();
		const copy = structuredClone(store);
		addCheck(store, 'AB', check(d3));
		deleteCheck(store, 'AB', { instrument: 'cwai-teacher', date: d1 });
		deleteStudent(store, 'AB');
		setDraft(store, 'cwai-teacher', { label: 'x', answers: {} });
		mergeStores(store, withTwo());
		expect(store).toEqual(copy);
	});
});

describe('merging an import', () => {
	it('adds only the checks that are not already there', () => {
		const incoming = addCheck(addCheck(emptyStore(), 'ab', check(d2)), 'GH', check(d3));
		const { store, added } = mergeStores(withTwo(), incoming);
		expect(added).toBe(1);
		expect(store.students.map((student) => student.label)).toEqual(['AB', 'CD', 'GH']);
		expect(mergeStores(store, incoming).added).toBe(0);
	});

	it('merging a store into an empty one gives the same students and checks', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.constantFrom('AB', 'CD', 'EF'), fc.integer({ min: 0, max: 1e11 }), fc.integer({ min: 1, max: 5 }))), (entries) => {
				let source = emptyStore();
				for (const [label, time, value] of entries) {
					const date = new Date(time).toISOString();
					if (findStudent(source, label)?.checks.some((c) => c.date === date)) continue;
					source = addCheck(source, label, check(date, { b1: value, t1: value, g1: value, b2: value }));
				}
				const { store, added } = mergeStores(emptyStore(), source);
				expect(added).toBe(source.students.reduce((sum, student) => sum + student.checks.length, 0));
				expect(store.students.map((student) => student.label).sort()).toEqual(source.students.map((student) => student.label).sort());
				for (const student of source.students) expect(findStudent(store, student.label)!.checks).toEqual(student.checks);
			}),
		);
	});
});

describe('reading stored or imported data', () => {
	it('reads back what it saves', () => {
		const store = setDraft(withTwo(), 'cwai-teacher', { label: 'Z', answers: { b1: 3 } });
		expect(read(store)).toEqual({ ok: true, store, migrated: false });
	});

	it('migrates version 1 (students by label, CWAI only) to version 2', () => {
		const v1 = { version: 1, students: { AB: [{ date: d1, answers }], CD: [{ date: d2, answers }, { date: d3, answers }] } };
		const result = read(v1);
		expect(result).toEqual({
			ok: true,
			migrated: true,
			store: {
				format: 'cwam-self-check',
				version: 2,
				students: [
					{ label: 'AB', checks: [check(d1)] },
					{ label: 'CD', checks: [check(d2), check(d3)] },
				],
				drafts: {},
			},
		});
	});

	it('reports text that is not JSON', () => {
		expect(read('{"format": "cwam-self-check", "version": 2, "students": [')).toMatchObject({ ok: false, problem: 'not-json' });
	});

	it.each([
		['an array', []],
		['another format', { format: 'other', version: 2, students: [] }],
		['no version', { format: 'cwam-self-check', students: [] }],
		['version 2 without the format', { version: 2, students: [] }],
		['students not a list', { ...emptyStore(), students: {} }],
		['a student without a label', { ...emptyStore(), students: [{ checks: [] }] }],
		['a student with a blank label', { ...emptyStore(), students: [{ label: ' ', checks: [] }] }],
		['checks not a list', { ...emptyStore(), students: [{ label: 'A', checks: {} }] }],
		['a check that is not an object', { ...emptyStore(), students: [{ label: 'A', checks: [3] }] }],
		['a check with no instrument', { ...emptyStore(), students: [{ label: 'A', checks: [{ ...check(d1), instrument: '' }] }] }],
		['a check with no version', { ...emptyStore(), students: [{ label: 'A', checks: [{ ...check(d1), version: '1' }] }] }],
		['a check with a bad date', { ...emptyStore(), students: [{ label: 'A', checks: [{ ...check(d1), date: 'yesterday' }] }] }],
		['answers not an object', { ...emptyStore(), students: [{ label: 'A', checks: [{ ...check(d1), answers: [4, 3] }] }] }],
		['an answer that is not a whole number', { ...emptyStore(), students: [{ label: 'A', checks: [check(d1, { ...answers, b1: 2.5 })] }] }],
		['two students with the same label', { ...emptyStore(), students: [{ label: 'A', checks: [] }, { label: 'a', checks: [] }] }],
		['drafts not an object', { ...emptyStore(), drafts: [] }],
		['a draft without a label', { ...emptyStore(), drafts: { 'cwai-teacher': { answers: {} } } }],
		['version 1 without students', { version: 1 }],
	])('reports the wrong shape: %s', (_, value) => {
		expect(read(value)).toMatchObject({ ok: false, problem: 'wrong-shape' });
	});

	it('reports a version it cannot read', () => {
		expect(read({ ...emptyStore(), version: 3 })).toMatchObject({ ok: false, problem: 'wrong-version', detail: expect.stringContaining('version 3') });
		expect(read({ ...emptyStore(), version: 0 })).toMatchObject({ ok: false, problem: 'wrong-version' });
	});

	it('reports answers out of range, to unknown items, or missing from a completed check', () => {
		const store = (given: Record<string, number>) => ({ ...emptyStore(), students: [{ label: 'A', checks: [check(d1, given)] }] });
		expect(read(store({ ...answers, b1: 6 }))).toMatchObject({ ok: false, problem: 'out-of-range', detail: expect.stringContaining('answer 6 to b1') });
		expect(read(store({ ...answers, b1: 0 }))).toMatchObject({ ok: false, problem: 'out-of-range' });
		expect(read(store({ ...answers, zz: 3 }))).toMatchObject({ ok: false, problem: 'out-of-range', detail: expect.stringContaining('unknown item zz') });
		const { g1: _dropped, ...missing } = answers;
		expect(read(store(missing))).toMatchObject({ ok: false, problem: 'out-of-range', detail: expect.stringContaining('no answer to g1') });
		expect(read({ ...emptyStore(), drafts: { 'cwai-teacher': { label: 'A', answers: { b1: 9 } } } })).toMatchObject({ ok: false, problem: 'out-of-range' });
	});

	it('accepts a partial draft, and keeps checks of instruments it does not know as they are', () => {
		const other = { instrument: 'mood-check', version: 3, date: d1, answers: { x: 7 } };
		const value = { ...emptyStore(), students: [{ label: 'A', checks: [other] }], drafts: { 'cwai-teacher': { label: '', answers: { b1: 2 } } } };
		expect(read(value)).toMatchObject({ ok: true, store: value });
	});

	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((value) => JSON.stringify({ ...emptyStore(), students: [value] }))), (text) => {
				const result = readStore(text, known);
				expect(typeof result.ok).toBe('boolean');
			}),
		);
	});
});

/** A storage double: `refuse` makes writes fail as a full or blocked storage does. */
function memoryStorage(initial?: string, refuse = false): KeyValueStorage & { data: Map<string, string> } {
	const data = new Map<string, string>(initial === undefined ? [] : [[STORAGE_KEY, initial]]);
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => {
			if (refuse) throw new DOMException('full', 'QuotaExceededError');
			data.set(key, value);
		},
	};
}

describe('opening and saving', () => {
	it('starts empty when nothing is saved, and saves under one key for both languages', () => {
		const storage = memoryStorage();
		const opened = openStore(() => storage, known);
		expect(opened).toEqual({ mode: 'saved', store: emptyStore(), migrated: false });
		expect(saveStore(() => storage, withTwo())).toBe(true);
		expect(openStore(() => storage, known)).toEqual({ mode: 'saved', store: withTwo(), migrated: false });
		expect([...storage.data.keys()]).toEqual(['cwam.self-check']);
	});

	it('works in memory when storage is missing or blocked', () => {
		const blocked = () => {
			throw new DOMException('denied', 'SecurityError');
		};
		expect(openStore(blocked, known)).toEqual({ mode: 'unavailable', store: emptyStore() });
		expect(openStore(() => null, known)).toEqual({ mode: 'unavailable', store: emptyStore() });
		expect(saveStore(blocked, withTwo())).toBe(false);
		expect(saveStore(() => undefined, withTwo())).toBe(false);
	});

	it('reports a refused write (storage full)', () => {
		const storage = memoryStorage(undefined, true);
		expect(saveStore(() => storage, withTwo())).toBe(false);
		expect(storage.data.size).toBe(0);
	});

	it('reports corrupt data with its raw text and leaves it in place', () => {
		const raw = '{"format":"cwam-self-check","version":2,"students":[{"label"';
		const storage = memoryStorage(raw);
		expect(openStore(() => storage, known)).toEqual({ mode: 'corrupt', store: emptyStore(), raw, problem: 'not-json', detail: 'not JSON' });
		expect(storage.data.get(STORAGE_KEY)).toBe(raw);
	});

	it('says when it migrated what was saved', () => {
		const storage = memoryStorage(JSON.stringify({ version: 1, students: { AB: [{ date: d1, answers }] } }));
		expect(openStore(() => storage, known)).toMatchObject({ mode: 'saved', migrated: true });
	});
});

describe('CSV export', () => {
	const model: ScoringModel = {
		min: 1,
		max: 5,
		items: items.map((id) => ({ id, reverse: false })),
		scores: [
			{ id: 'bond', items: ['b1', 'b2'] },
			{ id: 'overall', items },
		],
	};

	it('writes one row per check with scores and answers', () => {
		const store: Store = addCheck(withTwo(), 'Zoé, "Z"', check(d3, { b1: 5, t1: 4, g1: 4, b2: 4 }));
		const csv = toCsv(store, { id: 'cwai-teacher', items, scores: ['bond', 'overall'] }, (given) => computeScores(model, given));
		expect(csv.split('\r\n')).toEqual([
			'student,date,instrument,version,bond,overall,b1,t1,g1,b2',
			`AB,${d1},cwai-teacher,1,1,1,1,1,1,1`,
			`AB,${d2},cwai-teacher,1,3,3.5,4,3,5,2`,
			`CD,${d1},cwai-teacher,1,3,3.5,4,3,5,2`,
			`"Zoé, ""Z""",${d3},cwai-teacher,1,4.5,4.25,5,4,4,4`,
			'',
		]);
	});

	it('rounds scores to 3 decimals and leaves missing values empty', () => {
		const store = addCheck(emptyStore(), 'A', check(d1, { b1: 1, t1: 2, g1: 2, b2: 2 }));
		const csv = toCsv(store, { id: 'cwai-teacher', items: [...items, 'x9'], scores: ['third', 'none'] }, () => ({ third: 1 / 3, none: null }));
		expect(csv.split('\r\n')[1]).toBe(`A,${d1},cwai-teacher,1,0.333,,1,2,2,2,`);
	});

	it('quotes what needs quoting and defuses spreadsheet formulas', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('line\nbreak')).toBe('"line\nbreak"');
		expect(csvField('=1+2')).toBe("'=1+2");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('-3')).toBe("'-3");
		expect(csvField(-3)).toBe('-3');
		expect(csvField(null)).toBe('');
	});
});
