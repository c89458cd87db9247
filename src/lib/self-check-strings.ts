/**
 * The self-check's interface strings: `cwam.selfcheck.<name>` in content/i18n/<lang>.json.
 * Placeholders such as {label} are filled by `fill`. The components hand these to the
 * browser script, in the page's language.
 */
export const selfCheckStringNames = [
	'student',
	'studentHint',
	'submit',
	'clear',
	'clearConfirm',
	'progress',
	'withoutScript',
	'privacy',
	'keyTitle',
	'keyIntro',
	'keyScore',
	'keyReversed',
	'missingLabel',
	'missingItems',
	'itemRef',
	'resultsTitle',
	'completed',
	'reflection',
	'scoreLine',
	'between',
	'lower',
	'level',
	'detail',
	'usingResults',
	'saved',
	'notSaved',
	'newCheck',
	'chartTitle',
	'announce',
	'unavailable',
	'corrupt',
	'exportRaw',
	'startOver',
	'startOverConfirm',
	'studentsWithoutScript',
	'studentsEmpty',
	'colStudent',
	'colLatest',
	'colChecks',
	'colDate',
	'colActions',
	'scatterTitle',
	'historyTitle',
	'deleteCheck',
	'deleteStudent',
	'deleteAll',
	'confirmCheck',
	'confirmStudent',
	'confirmAll',
	'deletedCheck',
	'deletedStudent',
	'deletedAll',
	'exportCsv',
	'exportJson',
	'importJson',
	'imported',
	'importNothing',
	'importNotJson',
	'importWrongShape',
	'importWrongVersion',
	'importOutOfRange',
] as const;
export type SelfCheckStringName = (typeof selfCheckStringNames)[number];
export type SelfCheckStrings = Record<SelfCheckStringName, string>;

/**
 * Replaces each {name} with its value; an unknown placeholder is left as it is, to be seen.
 * A value that ends a sentence itself ("J.T.", "Really?") takes the place of the template's own
 * period after it: "under {label}." gives "under J.T.", never "under J.T..".
 */
export function fill(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}(\.?)/g, (match, name: string, period: string) => {
		if (!(name in values)) return match;
		const value = String(values[name]);
		return period && /[.?!…]$/.test(value) ? value : value + period;
	});
}
