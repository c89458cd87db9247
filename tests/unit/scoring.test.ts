import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkResponses, computeScores, isScaleValue, keyedAnswers, lowest, reverseValue, scaleWords, type ScoringModel } from '../../src/lib/scoring';

/** The CWAI's shape: 4 bond, 4 task, 4 goal items; Bond and Collaboration, with Task, Goal, Overall. */
const bond = ['b1', 'b2', 'b3', 'b4'];
const task = ['t1', 't2', 't3', 't4'];
const goal = ['g1', 'g2', 'g3', 'g4'];
const cwai: ScoringModel = {
	min: 1,
	max: 5,
	items: [...bond, ...task, ...goal].map((id) => ({ id, reverse: false })),
	scores: [
		{ id: 'bond', items: bond },
		{ id: 'collaboration', items: [...task, ...goal] },
		{ id: 'task', items: task },
		{ id: 'goal', items: goal },
		{ id: 'overall', items: [...bond, ...task, ...goal] },
	],
};
/** The same with two reversed items, to test reverse keying. */
const withReversed: ScoringModel = { ...cwai, items: cwai.items.map((item) => ({ ...item, reverse: item.id === 'b2' || item.id === 'g3' })) };
const labels = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'];
const ids = cwai.items.map((item) => item.id);

const answersFor = (values: number[]) => Object.fromEntries(ids.map((id, index) => [id, values[index]!]));
const fullAnswers = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 12, maxLength: 12 }).map(answersFor);
const partialAnswers = fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 1, max: 5 }));

describe('checking responses', () => {
	it('keeps integers on the scale and reports missing, out-of-range and unknown answers', () => {
		const result = checkResponses(cwai, { b1: 4, b2: 0, b3: 2.5, b4: '3', t1: 6, t2: null, g1: 5, zz: 3 });
		expect(result.valid).toEqual({ b1: 4, g1: 5 });
		expect(result.missing).toEqual(['b2', 'b3', 'b4', 't1', 't2', 't3', 't4', 'g2', 'g3', 'g4']);
		expect(result.invalid).toEqual(['b2', 'b3', 'b4', 't1']);
		expect(result.unknown).toEqual(['zz']);
		expect(result.complete).toBe(false);
	});

	it('is complete when every item has an answer on the scale', () => {
		const result = checkResponses(cwai, answersFor(Array(12).fill(3)));
		expect(result).toMatchObject({ missing: [], invalid: [], unknown: [], complete: true });
	});

	it('knows what is on the scale', () => {
		expect([1, 5, 3].every((value) => isScaleValue(cwai, value))).toBe(true);
		expect([0, 6, 2.5, Number.NaN, '2', undefined].some((value) => isScaleValue(cwai, value))).toBe(false);
	});
});

describe('scores (hand-computed)', () => {
	it('means Bond, Collaboration, Task, Goal and Overall', () => {
		// Bond 4 4 3 4 → 3.75; Task 4 5 4 4 → 4.25; Goal 5 4 4 5 → 4.5;
		// Collaboration 35 / 8 = 4.375; Overall 50 / 12.
		const answers = answersFor([4, 4, 3, 4, 4, 5, 4, 4, 5, 4, 4, 5]);
		expect(computeScores(cwai, answers)).toEqual({ bond: 3.75, collaboration: 4.375, task: 4.25, goal: 4.5, overall: 50 / 12 });
	});

	it('gives a score only when all its items are answered', () => {
		const answers = answersFor([2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4]);
		delete answers.g4;
		expect(computeScores(cwai, answers)).toEqual({ bond: 2, collaboration: null, task: 3, goal: null, overall: null });
		expect(computeScores(cwai, { ...answers, g4: 9 })).toEqual({ bond: 2, collaboration: null, task: 3, goal: null, overall: null });
		expect(computeScores(cwai, {})).toEqual({ bond: null, collaboration: null, task: null, goal: null, overall: null });
	});

	it('applies reverse keys: a reversed 1 counts 5, a reversed 4 counts 2', () => {
		const answers = answersFor([5, 1, 5, 5, 3, 3, 3, 3, 4, 4, 4, 4]);
		answers.g3 = 4;
		expect(keyedAnswers(withReversed, answers)).toMatchObject({ b1: 5, b2: 5, g3: 2, g4: 4 });
		expect(computeScores(withReversed, answers)).toMatchObject({ bond: 5, goal: 3.5, collaboration: 3.25 });
	});

	it('has no score for a rule with no items', () => {
		expect(computeScores({ ...cwai, scores: [{ id: 'empty', items: [] }] }, answersFor(Array(12).fill(3)))).toEqual({ empty: null });
	});
});

describe('scoring invariants (property tests)', () => {
	it('every score stays within 1–5', () => {
		fc.assert(
			fc.property(partialAnswers, fc.boolean(), (answers, reversed) => {
				for (const score of Object.values(computeScores(reversed ? withReversed : cwai, answers))) {
					if (score !== null) expect(score >= 1 && score <= 5).toBe(true);
				}
			}),
		);
	});

	it('reversing twice is identity, and a reversed value stays on the scale', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 5 }), (value) => {
				expect(reverseValue(cwai, reverseValue(cwai, value))).toBe(value);
				expect(isScaleValue(cwai, reverseValue(cwai, value))).toBe(true);
			}),
		);
	});

	it('the order in which answers are given does not matter', () => {
		const answersAndShuffle = fullAnswers.chain((answers) =>
			fc.shuffledSubarray(Object.entries(answers), { minLength: 12, maxLength: 12 }).map((entries) => [answers, Object.fromEntries(entries)] as const),
		);
		fc.assert(
			fc.property(answersAndShuffle, ([answers, shuffled]) => {
				expect(Object.keys(shuffled)).toHaveLength(12);
				expect(computeScores(withReversed, shuffled)).toEqual(computeScores(withReversed, answers));
			}),
		);
	});

	it('a full set of answers has every score, and Overall lies between Bond and Collaboration', () => {
		fc.assert(
			fc.property(fullAnswers, (answers) => {
				const scores = computeScores(cwai, answers);
				expect(Object.values(scores).every((score) => score !== null)).toBe(true);
				const [low, high] = [scores.bond!, scores.collaboration!].sort((a, b) => a - b);
				expect(scores.overall!).toBeGreaterThanOrEqual(low! - 1e-9);
				expect(scores.overall!).toBeLessThanOrEqual(high! + 1e-9);
			}),
		);
	});

	it('reversing an item mirrors its effect: all answers reversed on a fully reversed model give the same scores', () => {
		const allReversed: ScoringModel = { ...cwai, items: cwai.items.map((item) => ({ ...item, reverse: true })) };
		fc.assert(
			fc.property(fullAnswers, (answers) => {
				const mirrored = Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, reverseValue(cwai, value)]));
				expect(computeScores(allReversed, mirrored)).toEqual(computeScores(cwai, answers));
			}),
		);
	});
});

describe('words from the scale', () => {
	it('names the point a score is on, or the two it falls between', () => {
		expect(scaleWords(cwai, labels, 4)).toEqual({ at: 'Often' });
		expect(scaleWords(cwai, labels, 1)).toEqual({ at: 'Never' });
		expect(scaleWords(cwai, labels, 5)).toEqual({ at: 'Always' });
		expect(scaleWords(cwai, labels, 4.25)).toEqual({ between: ['Often', 'Always'] });
		expect(scaleWords(cwai, labels, 1.125)).toEqual({ between: ['Never', 'Rarely'] });
		expect(scaleWords(cwai, labels, 3.75)).toEqual({ between: ['Sometimes', 'Often'] });
	});

	it('always uses labels of the scale, in order, for any mean on it', () => {
		fc.assert(
			fc.property(fc.integer({ min: 8, max: 40 }), (eighths) => {
				const value = eighths / 8;
				const words = scaleWords(cwai, labels, value);
				if ('at' in words) expect(labels.indexOf(words.at)).toBe(value - 1);
				else expect(labels.indexOf(words.between[1]) - labels.indexOf(words.between[0])).toBe(1);
			}),
		);
	});
});

describe('the lower side', () => {
	it('is the lowest score, or none on a tie or a missing score', () => {
		expect(lowest({ bond: 3.75, collaboration: 4.375 }, ['bond', 'collaboration'])).toBe('bond');
		expect(lowest({ bond: 4, collaboration: 2.5 }, ['bond', 'collaboration'])).toBe('collaboration');
		expect(lowest({ bond: 4, collaboration: 4 }, ['bond', 'collaboration'])).toBeNull();
		expect(lowest({ bond: 4, collaboration: null }, ['bond', 'collaboration'])).toBeNull();
		expect(lowest({ bond: 4 }, ['bond', 'collaboration'])).toBeNull();
		expect(lowest({ bond: 4 }, ['bond'])).toBeNull();
	});
});
