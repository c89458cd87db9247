/**
 * Scoring a self-check: pure functions, no DOM, shared by the build and the browser.
 *
 * Every score is the mean of its items after reverse keying, so it reads on the same scale as
 * the answers (1–5). A score exists only when every one of its items is answered. There are no
 * norms or cut-offs: nothing here labels a score as high or low.
 */

export interface ScoringModel {
	/** The scale's lowest and highest values (1 and 5 for a five-point scale). */
	min: number;
	max: number;
	items: { id: string; reverse: boolean }[];
	scores: { id: string; items: string[] }[];
}

export type Answers = Record<string, number>;

export interface ResponseCheck {
	/** The answers that are usable: known items, integers on the scale. */
	valid: Answers;
	/** Known items with no usable answer, in the order they are asked. */
	missing: string[];
	/** Known items whose answer is not an integer on the scale. */
	invalid: string[];
	/** Answers to items the instrument does not have. */
	unknown: string[];
	complete: boolean;
}

export function isScaleValue(model: Pick<ScoringModel, 'min' | 'max'>, value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= model.min && value <= model.max;
}

/** Sorts raw answers into usable, missing, out-of-range and unknown. */
export function checkResponses(model: ScoringModel, answers: Record<string, unknown>): ResponseCheck {
	const known = new Set(model.items.map((item) => item.id));
	const valid: Answers = {};
	const missing: string[] = [];
	const invalid: string[] = [];
	for (const { id } of model.items) {
		const value = answers[id];
		if (isScaleValue(model, value)) valid[id] = value;
		else {
			missing.push(id);
			if (value !== undefined && value !== null) invalid.push(id);
		}
	}
	const unknown = Object.keys(answers).filter((id) => !known.has(id));
	return { valid, missing, invalid, unknown, complete: missing.length === 0 };
}

/** A reversed item counts the other way round: on 1–5, 1 becomes 5 and 4 becomes 2. */
export function reverseValue(model: Pick<ScoringModel, 'min' | 'max'>, value: number): number {
	return model.min + model.max - value;
}

/** The answers as they count for scoring, reverse keys applied (usable answers only). */
export function keyedAnswers(model: ScoringModel, answers: Record<string, unknown>): Answers {
	const { valid } = checkResponses(model, answers);
	const keyed: Answers = {};
	for (const { id, reverse } of model.items) {
		const value = valid[id];
		if (value !== undefined) keyed[id] = reverse ? reverseValue(model, value) : value;
	}
	return keyed;
}

export type Scores = Record<string, number | null>;

/** Each score's mean, or null while any of its items is unanswered. */
export function computeScores(model: ScoringModel, answers: Record<string, unknown>): Scores {
	const keyed = keyedAnswers(model, answers);
	const scores: Scores = {};
	for (const { id, items } of model.scores) {
		const values = items.map((item) => keyed[item]);
		scores[id] = values.length > 0 && values.every((value) => value !== undefined) ? mean(values as number[]) : null;
	}
	return scores;
}

function mean(values: number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * A score in the scale's own words: the label it equals, or the two labels it falls between.
 * `labels[0]` names `min`. (A mean of 4.25 on Never…Always is "between often and always".)
 */
export function scaleWords(model: Pick<ScoringModel, 'min'>, labels: readonly string[], value: number): { at: string } | { between: [string, string] } {
	const position = value - model.min;
	const low = Math.max(0, Math.min(labels.length - 1, Math.floor(position)));
	if (position === low) return { at: labels[low]! };
	return { between: [labels[low]!, labels[Math.min(labels.length - 1, low + 1)]!] };
}

/** Which of the given scores is lowest; null if any is missing or several share the lowest value. */
export function lowest(scores: Scores, ids: readonly string[]): string | null {
	const values = ids.map((id) => scores[id]);
	if (ids.length < 2 || values.some((value) => value === null || value === undefined)) return null;
	const min = Math.min(...(values as number[]));
	const at = ids.filter((_, index) => values[index] === min);
	return at.length === 1 ? at[0]! : null;
}
