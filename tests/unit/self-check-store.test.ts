import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	NOTE_MAX,
	PLAN_STRATEGIES_MAX,
	PLAN_TEXT_MAX,
	STORAGE_KEY,
	STORE_VERSION,
	activePlan,
	addCheck,
	addDays,
	addNote,
	addPlan,
	daysBetween,
	deleteCheck,
	deleteNote,
	deletePlan,
	deleteStudent,
	dueRechecks,
	emptyStore,
	endPlan,
	findStudent,
	isIsoDateTime,
	isIsoDay,
	labelKey,
	mergeStores,
	openStore,
	previousCheck,
	readStore,
	saveStore,
	setDraft,
	setRecheck,
	studentsFor,
	studentsWithAnything,
	upcomingRechecks,
	validateNoteInput,
	validatePlanInput,
	type Check,
	type KeyValueStorage,
	type KnownInstruments,
	type Note,
	type Plan,
	type Store,
	type Student,
} from '../../src/lib/self-check-store';

const items = ['b1', 't1', 'g1', 'b2'];
const known: KnownInstruments = { 'cwai-teacher': { items, min: 1, max: 5 } };
const answers = { b1: 4, t1: 3, g1: 5, b2: 2 };
const check = (date: string, given: Record<string, number> = answers): Check => ({ instrument: 'cwai-teacher', version: 1, date, answers: given });
const d1 = '2025-01-10T14:00:00.000Z';
const d2 = '2025-02-10T14:00:00.000Z';
const d3 = '2025-03-10T14:00:00.000Z';
const strategyIds = ['greeting', 'two-by-ten', 'banking-time', 'shared-goals', 'goal-check-ins', 'self-monitoring'];

const plan = (id: string, created: string, more: Partial<Plan> = {}): Plan => ({
	id,
	created,
	strategies: ['greeting'],
	action: 'Greet at the door',
	when: 'Mornings',
	signs: 'Smiles back',
	recheck: null,
	...more,
});
const note = (id: string, date: string, created: string, text = 'A note'): Note => ({ id, date, text, created });

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
		expect(addCheck(emptyStore(), '  J.  T. ', check(d1)).students[0]).toEqual({ label: 'J. T.', checks: [check(d1)], plans: [], notes: [] });
		expect(findStudent(emptyStore(), 'x')).toBeUndefined();
	});

	it('deletes one check, and the student with their last check', () => {
		let store = deleteCheck(withTwo(), 'AB', { instrument: 'cwai-teacher', date: d1 });
		expect(findStudent(store, 'AB')!.checks.map((c) => c.date)).toEqual([d2]);
		expect(findStudent(store, 'CD')!.checks).toHaveLength(1);
		store = deleteCheck(store, 'ab', { instrument: 'cwai-teacher', date: d2 });
		expect(store.students.map((student) => student.label)).toEqual(['CD']);
		expect(deleteCheck(store, 'nobody', { instrument: 'cwai-teacher', date: d1 })).toEqual(store);
	});

	it('keeps a student whose last check is deleted while they have a plan or a note', () => {
		const withPlan = addPlan(withTwo(), 'CD', plan('p1', d2));
		expect(findStudent(deleteCheck(withPlan, 'CD', { instrument: 'cwai-teacher', date: d1 }), 'CD')).toMatchObject({ checks: [], plans: [plan('p1', d2)] });
		const withNote = addNote(withTwo(), 'CD', note('n1', '2025-01-11', d2));
		expect(findStudent(deleteCheck(withNote, 'CD', { instrument: 'cwai-teacher', date: d1 }), 'CD')).toMatchObject({ checks: [], notes: [note('n1', '2025-01-11', d2)] });
	});

	it('deletes a student with all their checks, plans and notes', () => {
		const store = addNote(addPlan(withTwo(), 'cd', plan('p1', d2)), 'CD', note('n1', '2025-01-11', d2));
		expect(deleteStudent(store, 'cd').students.map((student) => student.label)).toEqual(['AB']);
	});

	it('keeps one draft per instrument, and removes it', () => {
		const store = setDraft(setDraft(emptyStore(), 'cwai-teacher', { label: 'A', answers: { b1: 2 } }), 'other', { label: 'B', answers: {} });
		expect(Object.keys(store.drafts)).toEqual(['cwai-teacher', 'other']);
		expect(setDraft(store, 'cwai-teacher', null).drafts).toEqual({ other: { label: 'B', answers: {} } });
	});

	it('lists only the students and checks of one instrument, with all their plans and notes', () => {
		const store = addPlan(addCheck(withTwo(), 'EF', { ...check(d3), instrument: 'other' }), 'EF', plan('p1', d3));
		expect(studentsFor(store, 'cwai-teacher').map((student) => student.label)).toEqual(['AB', 'CD']);
		expect(studentsFor(store, 'other')).toEqual([{ label: 'EF', checks: [{ ...check(d3), instrument: 'other' }], plans: [plan('p1', d3)], notes: [] }]);
	});

	it('lists the students with a check of one instrument or any plan or note, in store order', () => {
		let store = addCheck(withTwo(), 'EF', { ...check(d3), instrument: 'other' });
		store = addPlan(store, 'GH', plan('p1', d3));
		store = addCheck(store, 'IJ', { ...check(d3), instrument: 'other' });
		store = addNote(store, 'IJ', note('n1', '2025-03-10', d3));
		expect(studentsWithAnything(store, 'cwai-teacher').map((student) => [student.label, student.checks.length])).toEqual([
			['AB', 2],
			['CD', 1],
			['GH', 0],
			['IJ', 0],
		]);
	});

	it('does not change the store it is given', () => {
		const store = addNote(addPlan(withTwo(), 'AB', plan('p1', d1)), 'AB', note('n1', '2025-01-10', d1));
		const copy = structuredClone(store);
		addCheck(store, 'AB', check(d3));
		deleteCheck(store, 'AB', { instrument: 'cwai-teacher', date: d1 });
		deleteStudent(store, 'AB');
		setDraft(store, 'cwai-teacher', { label: 'x', answers: {} });
		addPlan(store, 'AB', plan('p2', d2));
		setRecheck(store, 'AB', 'p1', '2025-02-01');
		endPlan(store, 'AB', 'p1', d2);
		deletePlan(store, 'AB', 'p1');
		addNote(store, 'AB', note('n2', '2025-01-09', d1));
		deleteNote(store, 'AB', 'n1');
		mergeStores(store, addPlan(withTwo(), 'AB', plan('p3', d3)));
		expect(store).toEqual(copy);
	});
});

describe('plans', () => {
	it('makes the new plan the active one, ending the one it replaces when it was made', () => {
		let store = addPlan(emptyStore(), '  Éloïse   B. ', plan('p1', d1, { recheck: '2025-02-01' }));
		expect(store.students).toEqual([{ label: 'Éloïse B.', checks: [], plans: [plan('p1', d1, { recheck: '2025-02-01' })], notes: [] }]);
		expect(activePlan(store.students[0]!)?.id).toBe('p1');
		store = addPlan(store, 'éloïse b.', plan('p2', d2));
		const student = findStudent(store, 'Éloïse B.')!;
		expect(student.plans).toEqual([plan('p1', d1, { recheck: '2025-02-01', ended: d2 }), plan('p2', d2)]);
		expect(activePlan(student)?.id).toBe('p2');
	});

	it('keeps plans in the order they were made; an older plan added later is ended by the newer one', () => {
		const store = addPlan(addPlan(emptyStore(), 'A', plan('p2', d2)), 'A', plan('p1', d1));
		expect(findStudent(store, 'A')!.plans).toEqual([plan('p1', d1, { ended: d2 }), plan('p2', d2)]);
	});

	it('adds an ended plan as history without ending the active one', () => {
		const store = addPlan(addPlan(emptyStore(), 'A', plan('p2', d2)), 'A', plan('p1', d1, { ended: d2 }));
		expect(findStudent(store, 'A')!.plans.map((p) => [p.id, p.ended])).toEqual([
			['p1', d2],
			['p2', undefined],
		]);
		expect(activePlan({ label: 'A', checks: [], plans: [plan('p1', d1, { ended: d2 })], notes: [] })).toBeUndefined();
	});

	it('refuses a plan that breaks a rule, or whose id the student already has', () => {
		const store = addPlan(emptyStore(), 'A', plan('p1', d1));
		expect(() => addPlan(store, 'A', plan('p2', d2, { strategies: [] }))).toThrow(RangeError);
		expect(() => addPlan(store, 'A', plan('p2', d2, { recheck: '2025-02-30' }))).toThrow(/plan "p2": recheck "2025-02-30" is not a date/);
		expect(() => addPlan(store, 'a', plan('p1', d2))).toThrow(/already has a plan with the id "p1"/);
		expect(addPlan(store, 'B', plan('p1', d2)).students).toHaveLength(2);
	});

	it('moves, clears and ends a plan’s re-check, and refuses bad dates', () => {
		let store = addPlan(emptyStore(), 'A', plan('p1', d1, { recheck: '2025-02-01' }));
		store = setRecheck(store, 'a', 'p1', '2025-02-15');
		expect(activePlan(store.students[0]!)?.recheck).toBe('2025-02-15');
		store = setRecheck(store, 'A', 'p1', null);
		expect(activePlan(store.students[0]!)?.recheck).toBeNull();
		expect(setRecheck(store, 'A', 'other', '2025-03-01')).toEqual(store);
		expect(setRecheck(store, 'nobody', 'p1', '2025-03-01')).toEqual(store);
		expect(() => setRecheck(store, 'A', 'p1', '2025-2-5')).toThrow(RangeError);
		store = endPlan(store, 'A', 'p1', d2);
		expect(store.students[0]!.plans).toEqual([plan('p1', d1, { ended: d2 })]);
		expect(activePlan(store.students[0]!)).toBeUndefined();
		expect(() => endPlan(store, 'A', 'p1', '2025-02-10')).toThrow(RangeError);
	});

	it('deletes a plan, and the student with it when nothing else is left', () => {
		let store = addPlan(addPlan(addCheck(emptyStore(), 'A', check(d1)), 'A', plan('p1', d1)), 'B', plan('p2', d2));
		store = deletePlan(store, 'A', 'p1');
		expect(findStudent(store, 'A')).toEqual({ label: 'A', checks: [check(d1)], plans: [], notes: [] });
		expect(deletePlan(store, 'b', 'other').students).toHaveLength(2);
		expect(deletePlan(store, 'b', 'p2').students.map((student) => student.label)).toEqual(['A']);
	});
});

describe('notes', () => {
	it('adds notes by the day they are about, then by when they were written', () => {
		let store = addNote(emptyStore(), ' Noé ', note('n1', '2025-02-01', '2025-02-01T20:00:00.000Z'));
		store = addNote(store, 'noé', note('n2', '2025-01-15', '2025-02-01T21:00:00.000Z'));
		store = addNote(store, 'Noé', note('n3', '2025-02-01', '2025-02-01T19:00:00.000Z'));
		expect(store.students).toHaveLength(1);
		expect(store.students[0]!.label).toBe('Noé');
		expect(store.students[0]!.notes.map((n) => n.id)).toEqual(['n2', 'n3', 'n1']);
	});

	it('refuses a note that breaks a rule, or whose id the student already has', () => {
		const store = addNote(emptyStore(), 'A', note('n1', '2025-02-01', d1));
		expect(() => addNote(store, 'A', note('n2', '2025-02-30', d1))).toThrow(/note "n2": date "2025-02-30" is not a date/);
		expect(() => addNote(store, 'A', note('n2', '2025-02-01', d1, ' '))).toThrow(RangeError);
		expect(() => addNote(store, 'A', note('n1', '2025-02-02', d1))).toThrow(/already has a note with the id "n1"/);
	});

	it('deletes a note, and the student with it when nothing else is left', () => {
		let store = addNote(addNote(emptyStore(), 'A', note('n1', '2025-02-01', d1)), 'A', note('n2', '2025-02-02', d1));
		store = deleteNote(store, 'A', 'n1');
		expect(store.students[0]!.notes.map((n) => n.id)).toEqual(['n2']);
		expect(deleteNote(store, 'A', 'n2').students).toEqual([]);
	});
});

describe('checking forms', () => {
	const input = { strategies: ['greeting'], action: 'Greet', when: '', signs: '', recheck: null };

	it('accepts a complete plan', () => {
		expect(validatePlanInput(input, strategyIds)).toEqual([]);
		expect(validatePlanInput({ ...input, strategies: strategyIds.slice(0, PLAN_STRATEGIES_MAX), recheck: '2028-02-29', action: ` ${'x'.repeat(PLAN_TEXT_MAX)} ` }, strategyIds)).toEqual([]);
	});

	it.each([
		['no strategy', { strategies: [] }, ['strategies-none']],
		['4 strategies', { strategies: strategyIds.slice(0, 4) }, ['strategies-too-many']],
		['an unknown strategy', { strategies: ['retired'] }, ['strategy-unknown']],
		['a strategy twice', { strategies: ['greeting', 'greeting'] }, ['strategy-unknown']],
		['no action', { action: '  \n ' }, ['action-empty']],
		['a long action', { action: 'x'.repeat(PLAN_TEXT_MAX + 1) }, ['too-long']],
		['a long "when"', { when: 'x'.repeat(PLAN_TEXT_MAX + 1) }, ['too-long']],
		['long "signs"', { signs: 'x'.repeat(PLAN_TEXT_MAX + 1) }, ['too-long']],
		['a re-check that is not a date', { recheck: '2026-02-30' }, ['recheck-invalid']],
		['everything wrong', { strategies: [], action: '', signs: 'x'.repeat(PLAN_TEXT_MAX + 1), recheck: 'tomorrow' }, ['strategies-none', 'action-empty', 'too-long', 'recheck-invalid']],
	])('reports a plan with %s', (_, change, problems) => {
		expect(validatePlanInput({ ...input, ...change }, strategyIds)).toEqual(problems);
	});

	it('reports what is wrong with a note', () => {
		expect(validateNoteInput({ date: '2026-02-28', text: ` ${'é'.repeat(NOTE_MAX)} ` })).toEqual([]);
		expect(validateNoteInput({ date: '2026-02-28', text: ' ' })).toEqual(['text-empty']);
		expect(validateNoteInput({ date: '2026-02-28', text: 'x'.repeat(NOTE_MAX + 1) })).toEqual(['text-too-long']);
		expect(validateNoteInput({ date: '2026-1-5', text: 'ok' })).toEqual(['date-invalid']);
	});
});

describe('dates', () => {
	it.each(['2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])('takes %s as a day', (day) => {
		expect(isIsoDay(day)).toBe(true);
	});

	it.each(['2026-02-30', '2026-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-01-00', '2026-04-31', 'tomorrow', '2026-1-5', '2026-01-05T00:00:00Z', ' 2026-01-05', ''])(
		'does not take %j as a day',
		(day) => {
			expect(isIsoDay(day)).toBe(false);
		},
	);

	it('takes ISO date-times with a time zone, and nothing else', () => {
		for (const value of [d1, '2026-02-03T14:05Z', '2026-02-03T14:05:09-05:00', '2026-02-28T23:59:59.999999+14:00']) expect(isIsoDateTime(value)).toBe(true);
		for (const value of ['2026-02-03', '2026-02-30T10:00:00Z', '2026-02-03T24:00:00Z', '2026-02-03T14:05:00', '2026-02-03 14:05:00Z', 'yesterday']) expect(isIsoDateTime(value)).toBe(false);
		// Called from untyped code (a value read from a form or a file), anything but text is no date.
		for (const value of [undefined, null, 20260203, new Date(d1)] as unknown as string[]) expect([isIsoDay(value), isIsoDateTime(value)]).toEqual([false, false]);
	});

	it('counts days on the calendar, whatever the time zone', () => {
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(addDays('2026-03-07', 7)).toBe('2026-03-14');
		expect(daysBetween('2026-02-09', '2026-03-01')).toBe(20);
		expect(daysBetween('2026-03-01', '2026-02-09')).toBe(-20);
		expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1);
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 2_900_000 }), fc.integer({ min: -1000, max: 1000 }), (offset, n) => {
				const day = addDays('1970-01-01', offset);
				expect(isIsoDay(day)).toBe(true);
				expect(daysBetween(day, addDays(day, n))).toBe(n);
			}),
		);
	});
});

describe('re-checks', () => {
	const today = '2026-03-10';
	const at = (day: string) => `${day}T15:00:00.000Z`;
	/** A student with an active plan made on `made` with this re-check, and checks on the given days. */
	const studentWith = (store: Store, label: string, recheck: string | null, checkDays: string[] = [], instrument = 'cwai-teacher') => {
		let next = addPlan(store, label, plan(`p-${label}`, at('2026-02-01'), { recheck }));
		for (const day of checkDays) next = addCheck(next, label, { ...check(at(day)), instrument });
		return next;
	};

	it('lists the plans due today or overdue, most overdue first, then by label', () => {
		let store = emptyStore();
		store = studentWith(store, 'Zoé', '2026-03-05');
		store = studentWith(store, 'Anna', '2026-03-10');
		store = studentWith(store, 'Marc', '2026-03-05', ['2026-02-01']);
		store = studentWith(store, 'Luc', '2026-03-01', ['2026-03-02'], 'other');
		const due = dueRechecks(store, 'cwai-teacher', today);
		expect(due.map(({ student, plan: p, since }) => [student.label, p.id, since])).toEqual([
			['Luc', 'p-Luc', 9],
			['Marc', 'p-Marc', 5],
			['Zoé', 'p-Zoé', 5],
			['Anna', 'p-Anna', 0],
		]);
		expect(due[0]!.student).toBe(findStudent(store, 'Luc'));
	});

	it('leaves out plans answered by a check on or after the re-check day, ended, without a date, or not yet due', () => {
		let store = emptyStore();
		store = studentWith(store, 'On the day', '2026-03-05', ['2026-03-05']);
		store = studentWith(store, 'After', '2026-03-05', ['2026-03-08']);
		store = studentWith(store, 'No date', null);
		store = studentWith(store, 'Later', '2026-03-11');
		store = endPlan(studentWith(store, 'Ended', '2026-03-01'), 'Ended', 'p-Ended', at('2026-03-02'));
		store = addCheck(store, 'Checks only', check(at('2026-01-01')));
		expect(dueRechecks(store, 'cwai-teacher', today)).toEqual([]);
	});

	it('lists the re-checks of the coming days, soonest first', () => {
		let store = emptyStore();
		store = studentWith(store, 'In a week', '2026-03-17');
		store = studentWith(store, 'Tomorrow', '2026-03-11');
		store = studentWith(store, 'In 8 days', '2026-03-18');
		store = studentWith(store, 'Today', '2026-03-10');
		store = studentWith(store, 'Checked early', '2026-03-12', ['2026-03-12']);
		expect(upcomingRechecks(store, 'cwai-teacher', today).map(({ student, since }) => [student.label, since])).toEqual([
			['Tomorrow', -1],
			['In a week', -7],
		]);
		expect(upcomingRechecks(store, 'cwai-teacher', today, 10).map(({ student }) => student.label)).toEqual(['Tomorrow', 'In a week', 'In 8 days']);
	});
});

describe('the previous check', () => {
	const student: Student = {
		label: 'A',
		checks: [check(d1), { ...check(d2), instrument: 'other' }, check(d2), check(d3)],
		plans: [],
		notes: [],
	};

	it('is the one before the given check, or the second-to-last, of the same instrument', () => {
		expect(previousCheck(student, 'cwai-teacher')).toEqual(check(d2));
		expect(previousCheck(student, 'cwai-teacher', check(d2))).toEqual(check(d1));
		expect(previousCheck(student, 'cwai-teacher', check(d1))).toBeUndefined();
		expect(previousCheck(student, 'other')).toBeUndefined();
		expect(previousCheck(student, 'cwai-teacher', { instrument: 'cwai-teacher', date: '2025-02-20T00:00:00.000Z' })).toEqual(check(d2));
		expect(previousCheck(student, 'cwai-teacher', { instrument: 'cwai-teacher', date: '2024-01-01T00:00:00.000Z' })).toBeUndefined();
	});
});

describe('merging an import', () => {
	it('adds only the checks that are not already there', () => {
		const incoming = addCheck(addCheck(emptyStore(), 'ab', check(d2)), 'GH', check(d3));
		const { store, added } = mergeStores(withTwo(), incoming);
		expect(added).toEqual({ checks: 1, plans: 0, notes: 0 });
		expect(store.students.map((student) => student.label)).toEqual(['AB', 'CD', 'GH']);
		expect(mergeStores(store, incoming).added).toEqual({ checks: 0, plans: 0, notes: 0 });
	});

	it('adds the plans and notes whose id the student does not have, once', () => {
		const current = addNote(addPlan(withTwo(), 'AB', plan('p1', d1, { ended: d2 })), 'AB', note('n1', '2025-01-10', d1));
		const incoming = addNote(addNote(addPlan(addPlan(emptyStore(), 'ab', plan('p1', d1)), 'NEW', plan('p9', d3)), 'AB', note('n1', '2025-01-10', d1)), 'ab', note('n2', '2025-01-12', d2));
		const { store, added } = mergeStores(current, incoming);
		expect(added).toEqual({ checks: 0, plans: 1, notes: 1 });
		expect(findStudent(store, 'AB')!.plans).toEqual([plan('p1', d1, { ended: d2 })]);
		expect(findStudent(store, 'AB')!.notes.map((n) => n.id)).toEqual(['n1', 'n2']);
		expect(findStudent(store, 'new')).toEqual({ label: 'NEW', checks: [], plans: [plan('p9', d3)], notes: [] });
		const again = mergeStores(store, incoming);
		expect(again.added).toEqual({ checks: 0, plans: 0, notes: 0 });
		expect(again.store).toBe(store);
	});

	it('ends the older of two active plans when the newer was made', () => {
		const older = addPlan(emptyStore(), 'A', plan('p1', d1));
		const newer = addPlan(emptyStore(), 'a', plan('p2', d2));
		const expected = [plan('p1', d1, { ended: d2 }), plan('p2', d2)];
		expect(findStudent(mergeStores(older, newer).store, 'A')!.plans).toEqual(expected);
		expect(findStudent(mergeStores(newer, older).store, 'A')!.plans).toEqual(expected);
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
				expect(added.checks).toBe(source.students.reduce((sum, student) => sum + student.checks.length, 0));
				expect(store.students.map((student) => student.label).sort()).toEqual(source.students.map((student) => student.label).sort());
				for (const student of source.students) expect(findStudent(store, student.label)!.checks).toEqual(student.checks);
			}),
		);
	});

	/** Stores built by the same changes the page makes: checks, plans (ids p0–p5) and notes (ids n0–n5). */
	const time = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }).map((t) => new Date(t).toISOString());
	const change = fc.oneof(
		fc.record({ kind: fc.constant('check' as const), label: fc.constantFrom('AB', 'ab ', 'Éloïse', 'CD'), date: time, value: fc.integer({ min: 1, max: 5 }) }),
		fc.record({
			kind: fc.constant('plan' as const),
			label: fc.constantFrom('AB', 'Éloïse', 'éloïse'),
			id: fc.integer({ min: 0, max: 5 }).map((n) => `p${n}`),
			created: time,
			strategies: fc.subarray(strategyIds, { minLength: 1, maxLength: PLAN_STRATEGIES_MAX }),
			recheck: fc.option(time.map((t) => t.slice(0, 10))),
		}),
		fc.record({ kind: fc.constant('note' as const), label: fc.constantFrom('CD', 'Éloïse'), id: fc.integer({ min: 0, max: 5 }).map((n) => `n${n}`), created: time }),
	);
	type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;
	const build = (changes: Change[]) => {
		let store = emptyStore();
		for (const c of changes) {
			const student = findStudent(store, c.label);
			if (c.kind === 'check' && !student?.checks.some((existing) => existing.date === c.date)) store = addCheck(store, c.label, check(c.date, { b1: c.value, t1: c.value, g1: c.value, b2: c.value }));
			if (c.kind === 'plan' && !student?.plans.some((existing) => existing.id === c.id)) store = addPlan(store, c.label, plan(c.id, c.created, { strategies: c.strategies, recheck: c.recheck }));
			if (c.kind === 'note' && !student?.notes.some((existing) => existing.id === c.id)) store = addNote(store, c.label, note(c.id, c.created.slice(0, 10), c.created));
		}
		return store;
	};
	const noRepeats = (store: Store) => {
		for (const student of store.students) {
			expect(new Set(student.checks.map((c) => c.instrument + c.date)).size).toBe(student.checks.length);
			expect(new Set(student.plans.map((p) => p.id)).size).toBe(student.plans.length);
			expect(new Set(student.notes.map((n) => n.id)).size).toBe(student.notes.length);
			expect(student.plans.filter((p) => p.ended === undefined).length).toBeLessThanOrEqual(1);
		}
		expect(new Set(store.students.map((student) => labelKey(student.label))).size).toBe(store.students.length);
	};

	it('adds nothing when merging a store with itself or with any part of itself', () => {
		fc.assert(
			fc.property(
				fc.array(change, { maxLength: 30 }).chain((changes) => fc.tuple(fc.constant(changes), fc.subarray(changes))),
				([changes, part]) => {
					const store = build(changes);
					for (const incoming of [store, build(part)]) {
						const merged = mergeStores(store, incoming);
						expect(merged.added).toEqual({ checks: 0, plans: 0, notes: 0 });
						expect(merged.store).toBe(store);
					}
				},
			),
		);
	});

	it('never repeats a check, plan or note, leaves at most one active plan, and adds nothing the second time', () => {
		fc.assert(
			fc.property(fc.array(change, { maxLength: 25 }), fc.array(change, { maxLength: 25 }), (a, b) => {
				const { store, added } = mergeStores(build(a), build(b));
				noRepeats(store);
				const count = (s: Store) => s.students.reduce((sum, student) => sum + student.checks.length + student.plans.length + student.notes.length, 0);
				expect(count(store)).toBe(count(build(a)) + added.checks + added.plans + added.notes);
				expect(mergeStores(store, build(b)).added).toEqual({ checks: 0, plans: 0, notes: 0 });
				expect(mergeStores(store, build(a)).added).toEqual({ checks: 0, plans: 0, notes: 0 });
				expect(read(store)).toEqual({ ok: true, store, migrated: false });
			}),
		);
	});
});

describe('reading stored or imported data', () => {
	it('reads back what it saves', () => {
		const store = setDraft(addNote(addPlan(withTwo(), 'AB', plan('p1', d1, { recheck: '2025-02-01' })), 'CD', note('n1', '2025-01-10', d1)), 'cwai-teacher', { label: 'Z', answers: { b1: 3 } });
		expect(read(store)).toEqual({ ok: true, store, migrated: false });
	});

	it('migrates version 1 (students by label, CWAI only) to version 3', () => {
		const v1 = {
			version: 1,
			students: {
				AB: [{ date: d1, answers }],
				CD: [
					{ date: d2, answers },
					{ date: d3, answers },
				],
			},
		};
		const result = read(v1);
		expect(result).toEqual({
			ok: true,
			migrated: true,
			store: {
				format: 'cwam-self-check',
				version: 3,
				students: [
					{ label: 'AB', checks: [check(d1)], plans: [], notes: [] },
					{ label: 'CD', checks: [check(d2), check(d3)], plans: [], notes: [] },
				],
				drafts: {},
			},
		});
	});

	it('migrates version 2 to version 3: no plans, no notes', () => {
		const v2 = { format: 'cwam-self-check', version: 2, students: [{ label: 'AB', checks: [check(d1)] }], drafts: {} };
		expect(read(v2)).toEqual({ ok: true, migrated: true, store: { ...v2, version: 3, students: [{ label: 'AB', checks: [check(d1)], plans: [], notes: [] }] } });
		const { drafts: _none, ...withoutDrafts } = v2;
		expect(read(withoutDrafts)).toMatchObject({ ok: true, store: { drafts: {} } });
	});

	it('reports text that is not JSON', () => {
		expect(read('{"format": "cwam-self-check", "version": 2, "students": [')).toMatchObject({ ok: false, problem: 'not-json' });
	});

	it.each([
		['an array', []],
		['another format', { format: 'other', version: 2, students: [] }],
		['no version', { format: 'cwam-self-check', students: [] }],
		['version 2 without the format', { version: 2, students: [] }],
		['version 3 without the format', { version: 3, students: [] }],
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
		[
			'two students with the same label',
			{
				...emptyStore(),
				students: [
					{ label: 'A', checks: [] },
					{ label: 'a', checks: [] },
				],
			},
		],
		['plans not a list', { ...emptyStore(), students: [{ label: 'A', checks: [], plans: {} }] }],
		['notes not a list', { ...emptyStore(), students: [{ label: 'A', checks: [], notes: 'none' }] }],
		['drafts not an object', { ...emptyStore(), drafts: [] }],
		['a draft without a label', { ...emptyStore(), drafts: { 'cwai-teacher': { answers: {} } } }],
		['version 1 without students', { version: 1 }],
		['version 1 with checks not a list', { version: 1, students: { A: { date: d1, answers } } }],
		['version 1 with a check that is not an object', { version: 1, students: { A: [d1] } }],
	])('reports the wrong shape: %s', (_, value) => {
		expect(read(value)).toMatchObject({ ok: false, problem: 'wrong-shape' });
	});

	it('names the student in the detail and in the result', () => {
		expect(
			read({
				...emptyStore(),
				students: [
					{ label: 'A', checks: [] },
					{ label: 'J.T.', checks: [], plans: 3 },
				],
			}),
		).toEqual({ ok: false, problem: 'wrong-shape', detail: 'student 2 ("J.T."): plans is not a list', label: 'J.T.' });
		expect(
			read({
				...emptyStore(),
				students: [
					{ label: 'A', checks: [] },
					{ label: ' a', checks: [] },
				],
			}),
		).toEqual({ ok: false, problem: 'wrong-shape', detail: 'two students share the label "a"', label: ' a' });
	});

	it('reports a version it cannot read', () => {
		expect(read({ ...emptyStore(), version: 4 })).toMatchObject({ ok: false, problem: 'wrong-version', detail: expect.stringContaining('version 4') });
		expect(read({ ...emptyStore(), version: 0 })).toMatchObject({ ok: false, problem: 'wrong-version' });
		expect(STORE_VERSION).toBe(3);
	});

	it('reports answers out of range, to unknown items, or missing from a completed check', () => {
		const store = (given: Record<string, number>) => ({ ...emptyStore(), students: [{ label: 'A', checks: [check(d1, given)] }] });
		expect(read(store({ ...answers, b1: 6 }))).toMatchObject({ ok: false, problem: 'out-of-range', detail: 'student 1 ("A"), check 1: answer 6 to b1 is outside 1–5', label: 'A' });
		expect(read(store({ ...answers, b1: 0 }))).toMatchObject({ ok: false, problem: 'out-of-range' });
		expect(read(store({ ...answers, zz: 3 }))).toMatchObject({ ok: false, problem: 'out-of-range', detail: expect.stringContaining('unknown item zz') });
		const { g1: _dropped, ...missing } = answers;
		expect(read(store(missing))).toMatchObject({ ok: false, problem: 'out-of-range', detail: expect.stringContaining('no answer to g1') });
		expect(read({ ...emptyStore(), drafts: { 'cwai-teacher': { label: 'A', answers: { b1: 9 } } } })).toMatchObject({ ok: false, problem: 'out-of-range' });
	});

	it('accepts a partial draft, and keeps checks of instruments it does not know as they are', () => {
		const other = { instrument: 'mood-check', version: 3, date: d1, answers: { x: 7 } };
		const value = { ...emptyStore(), students: [{ label: 'A', checks: [other], plans: [], notes: [] }], drafts: { 'cwai-teacher': { label: '', answers: { b1: 2 } } } };
		expect(read(value)).toMatchObject({ ok: true, store: value });
	});

	it('takes a missing list of plans or notes as empty, and a student with no checks', () => {
		const value = {
			...emptyStore(),
			students: [
				{ label: 'A', checks: [], plans: [plan('p1', d1)] },
				{ label: 'B', checks: [check(d1)], notes: [note('n1', '2025-01-10', d1)] },
			],
		};
		expect(read(value)).toMatchObject({
			ok: true,
			store: {
				students: [
					{ plans: [plan('p1', d1)], notes: [] },
					{ plans: [], notes: [note('n1', '2025-01-10', d1)] },
				],
			},
		});
	});

	it('never throws, whatever the text', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.string(),
					fc.json(),
					fc.jsonValue().map((value) => JSON.stringify({ ...emptyStore(), students: [value] })),
					fc.jsonValue().map((value) => JSON.stringify({ ...emptyStore(), students: [{ label: 'A', checks: [], plans: [value], notes: [value] }] })),
					fc
						.dictionary(fc.constantFrom('id', 'created', 'date', 'text', 'strategies', 'action', 'when', 'signs', 'recheck', 'ended'), fc.jsonValue())
						.map((value) => JSON.stringify({ ...emptyStore(), students: [{ label: 'A', checks: [], plans: [value], notes: [value] }] })),
				),
				(text) => {
					const result = readStore(text, known, { strategies: strategyIds });
					expect(typeof result.ok).toBe('boolean');
				},
			),
		);
	});

	it('lets a programming error through rather than calling it bad data', () => {
		const broken = { 'cwai-teacher': { items: null, min: 1, max: 5 } } as unknown as KnownInstruments;
		expect(() => readStore(JSON.stringify(withTwo()), broken)).toThrow(TypeError);
	});
});

describe('reading plans and notes', () => {
	const base = (student: Record<string, unknown>) => ({
		...emptyStore(),
		students: [
			{ label: 'A', checks: [check(d1)] },
			{ label: 'B', checks: [] },
			{ label: 'J.T.', checks: [], plans: [], notes: [], ...student },
		],
	});
	const plans = (...list: unknown[]) => base({ plans: list });
	const notes = (...list: unknown[]) => base({ notes: list });
	const good = plan('p1', '2026-01-05T10:00:00.000Z', { ended: '2026-02-01T10:00:00.000Z' });
	const active = plan('p2', '2026-02-01T10:00:00.000Z', { recheck: '2026-03-01' });
	const goodNote = note('n1', '2026-01-06', '2026-01-06T20:00:00.000Z');

	it('reads good plans and notes', () => {
		expect(read(base({ plans: [good, active], notes: [goodNote] }))).toMatchObject({ ok: true, migrated: false });
	});

	it.each([
		['a re-check on 30 February', plans(good, { ...active, recheck: '2026-02-30' }), 'plan 2: recheck "2026-02-30" is not a date', '2026-02-30'],
		['a re-check "tomorrow"', plans({ ...active, recheck: 'tomorrow' }), 'plan 1: recheck "tomorrow" is not a date', 'tomorrow'],
		['a re-check without leading zeros', plans({ ...active, recheck: '2026-1-5' }), 'plan 1: recheck "2026-1-5" is not a date', '2026-1-5'],
		['a plan made on a day without a time', plans({ ...active, created: '2026-02-01' }), 'plan 1: created "2026-02-01" is not a date and time', '2026-02-01'],
		['a plan ended on 30 February', plans({ ...good, ended: '2026-02-30T10:00:00.000Z' }), 'plan 1: ended "2026-02-30T10:00:00.000Z" is not a date and time', '2026-02-30T10:00:00.000Z'],
		['a note about 30 February', notes({ ...goodNote, date: '2026-02-30' }), 'note 1: date "2026-02-30" is not a date', '2026-02-30'],
		['a note about "tomorrow"', notes(goodNote, { ...goodNote, id: 'n2', date: 'tomorrow' }), 'note 2: date "tomorrow" is not a date', 'tomorrow'],
		['a note written "yesterday"', notes({ ...goodNote, created: 'yesterday' }), 'note 1: created "yesterday" is not a date and time', 'yesterday'],
	])('reports a bad date: %s', (_, value, detail, bad) => {
		expect(read(value)).toEqual({ ok: false, problem: 'bad-date', detail: `student 3 ("J.T."), ${detail}`, label: 'J.T.', value: bad });
	});

	it('refuses an unknown strategy on import, but keeps it when reading what is saved', () => {
		const value = JSON.stringify(plans({ ...active, strategies: ['greeting', 'retired-card'] }));
		expect(readStore(value, known, { strategies: strategyIds })).toEqual({
			ok: false,
			problem: 'unknown-strategy',
			detail: 'student 3 ("J.T."), plan 1: unknown strategy "retired-card"',
			label: 'J.T.',
			value: 'retired-card',
		});
		const kept = readStore(value, known);
		expect(kept.ok && activePlan(kept.store.students[2]!)?.strategies).toEqual(['greeting', 'retired-card']);
		expect(openStore(() => memoryStorage(value), known)).toMatchObject({ mode: 'saved', store: { students: [{}, {}, { plans: [{ strategies: ['greeting', 'retired-card'] }] }] } });
		expect(readStore(value, known, { strategies: [...strategyIds, 'retired-card'] }).ok).toBe(true);
	});

	it.each([
		['a note', notes({ ...goodNote, text: 'x'.repeat(NOTE_MAX + 1) }), 'note 1: text is 1001 characters long (at most 1000)', '1001'],
		['an action', plans({ ...active, action: 'x'.repeat(PLAN_TEXT_MAX + 1) }), 'plan 1: action is 501 characters long (at most 500)', '501'],
		['a "when"', plans({ ...active, when: 'x'.repeat(PLAN_TEXT_MAX + 2) }), 'plan 1: when is 502 characters long (at most 500)', '502'],
		['"signs"', plans({ ...active, signs: 'x'.repeat(PLAN_TEXT_MAX + 1) }), 'plan 1: signs is 501 characters long (at most 500)', '501'],
	])('reports text that is too long: %s', (_, value, detail, length) => {
		expect(read(value)).toEqual({ ok: false, problem: 'too-long', detail: `student 3 ("J.T."), ${detail}`, label: 'J.T.', value: length });
	});

	it('measures text after trimming', () => {
		expect(read(notes({ ...goodNote, text: `  ${'x'.repeat(NOTE_MAX)}\n` })).ok).toBe(true);
		expect(read(plans({ ...active, action: ` ${'x'.repeat(PLAN_TEXT_MAX)} ` })).ok).toBe(true);
	});

	it.each([
		['no strategy', plans({ ...active, strategies: [] }), 'plan 1: 0 strategies (1 to 3)'],
		['4 strategies', plans({ ...active, strategies: strategyIds.slice(0, 4) }), 'plan 1: 4 strategies (1 to 3)'],
		['a strategy named twice', plans({ ...active, strategies: ['greeting', 'rituals', 'greeting'] }), 'plan 1: strategy "greeting" is named twice'],
		['strategies not a list', plans({ ...active, strategies: 'greeting' }), 'plan 1: strategies is not a list of strategy ids'],
		['an empty strategy id', plans({ ...active, strategies: [''] }), 'plan 1: strategies is not a list of strategy ids'],
		['an empty action', plans({ ...active, action: ' \n ' }), 'plan 1: action is empty'],
		['an action that is not text', plans({ ...active, action: 3 }), 'plan 1: action is not text'],
		['no "when"', plans({ ...active, when: undefined }), 'plan 1: when is not text'],
		['a re-check that is not text', plans({ ...active, recheck: 20260301 }), 'plan 1: recheck is not text'],
		['an end that is null', plans({ ...good, ended: null }), 'plan 1: ended is not text'],
		['a made date that is a number', plans({ ...active, created: Date.UTC(2026, 1, 1) }), 'plan 1: created is not text'],
		['two active plans', plans({ ...active, id: 'p0', created: '2026-01-05T10:00:00.000Z' }, active), ': plans 1 and 2 are both active'],
		['two plans with the same id', plans(good, { ...active, id: good.id }), ': plans 1 and 2 have the same id "p1"'],
		['a plan without an id', plans({ ...active, id: undefined }), 'plan 1: no id'],
		['a plan with an empty id', plans({ ...active, id: ' ' }), 'plan 1: no id'],
		['a plan that is not an object', plans(good, 'p2'), 'plan 2: is not an object'],
		['two notes with the same id', notes(goodNote, { ...goodNote, text: 'other' }), ': notes 1 and 2 have the same id "n1"'],
		['a note without an id', notes({ ...goodNote, id: 5 }), 'note 1: no id'],
		['an empty note', notes({ ...goodNote, text: '   ' }), 'note 1: text is empty'],
		['a note that is not an object', notes(null), 'note 1: is not an object'],
	])('reports a bad plan or note: %s', (_, value, detail) => {
		expect(read(value)).toMatchObject({ ok: false, problem: 'bad-plan', detail: `student 3 ("J.T.")${detail.startsWith(':') ? '' : ', '}${detail}`, label: 'J.T.' });
	});
});

describe('saved files of every version', () => {
	const fixture = (version: number) => readFileSync(new URL(`../fixtures/store/v${version}.json`, import.meta.url), 'utf8');
	const cwai: KnownInstruments = { 'cwai-teacher': { items: ['b1', 't1', 'g2', 'b2', 'g1', 't3', 'b3', 'g3', 't2', 'b4', 't4', 'g4'], min: 1, max: 5 } };
	const readFixture = (version: number) => {
		const result = readStore(fixture(version), cwai, { strategies: strategyIds.concat('banking-time') });
		if (!result.ok) throw new Error(result.detail);
		return result;
	};

	it('migrates version 1 keeping every student, check, date and answer', () => {
		const raw = JSON.parse(fixture(1)) as { students: Record<string, { date: string; answers: Record<string, number> }[]> };
		const { store, migrated } = readFixture(1);
		expect(migrated).toBe(true);
		expect(store.version).toBe(3);
		expect(store.students.map((student) => student.label)).toEqual(['Éloïse B.', 'J.T.', 'Noé (3e groupe)']);
		for (const student of store.students) {
			expect(student.checks).toEqual(raw.students[student.label]!.map(({ date, answers: given }) => ({ instrument: 'cwai-teacher', version: 1, date, answers: given })));
			expect([student.plans, student.notes]).toEqual([[], []]);
		}
	});

	it('migrates version 2 keeping every student, check, date, answer and draft', () => {
		const raw = JSON.parse(fixture(2)) as Omit<Store, 'version'>;
		const { store, migrated } = readFixture(2);
		expect(migrated).toBe(true);
		expect(store).toEqual({ ...raw, version: 3, students: raw.students.map((student) => ({ ...student, plans: [], notes: [] })) });
		expect(findStudent(store, 'zoé; «la grande»')!.checks.map((c) => c.instrument)).toEqual(['cwai-teacher', 'cwai-teacher', 'mood-check']);
	});

	it('reads version 3 as it was saved, and writes it back the same', () => {
		const text = fixture(3);
		const { store, migrated } = readFixture(3);
		expect(migrated).toBe(false);
		expect(`${JSON.stringify(store, null, '\t')}\n`).toBe(text);
		expect(readStore(JSON.stringify(store), cwai)).toEqual({ ok: true, store, migrated: false });
		const eloise = findStudent(store, 'Éloïse B.')!;
		expect(eloise.plans.map((p) => p.ended !== undefined)).toEqual([true, false]);
		expect(activePlan(eloise)?.strategies).toEqual(['shared-goals', 'goal-check-ins', 'self-monitoring']);
		expect(findStudent(store, 'noé, 3e groupe')!.checks).toEqual([]);
	});

	it('refuses a version 3 file naming a strategy the site does not have, on import only', () => {
		expect(readStore(fixture(3), cwai, { strategies: ['greeting', 'two-by-ten', 'shared-goals', 'goal-check-ins', 'self-monitoring'] })).toMatchObject({
			ok: false,
			problem: 'unknown-strategy',
			label: 'Noé, 3e groupe',
			value: 'banking-time',
			detail: 'student 3 ("Noé, 3e groupe"), plan 1: unknown strategy "banking-time"',
		});
		expect(readStore(fixture(3), cwai).ok).toBe(true);
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

	it('says which student and value make saved data unreadable', () => {
		const raw = JSON.stringify({ ...emptyStore(), students: [{ label: 'Éloïse', checks: [], plans: [plan('p1', d1, { recheck: '2026-02-30' })] }] });
		expect(openStore(() => memoryStorage(raw), known)).toEqual({
			mode: 'corrupt',
			store: emptyStore(),
			raw,
			problem: 'bad-date',
			detail: 'student 1 ("Éloïse"), plan 1: recheck "2026-02-30" is not a date',
			label: 'Éloïse',
			value: '2026-02-30',
		});
	});

	it('says when it migrated what was saved', () => {
		const storage = memoryStorage(JSON.stringify({ version: 1, students: { AB: [{ date: d1, answers }] } }));
		expect(openStore(() => storage, known)).toMatchObject({ mode: 'saved', migrated: true });
	});
});
