/** The two sides of the classroom working alliance that strategies serve. */
export const strategyFactors = ['bond', 'collaboration'] as const;
export type StrategyFactor = (typeof strategyFactors)[number];

/** The fields every strategy card has, in the order they appear. */
export const strategyPartKinds = ['what', 'why', 'steps', 'watch', 'variation'] as const;
export type StrategyPartKind = (typeof strategyPartKinds)[number];
