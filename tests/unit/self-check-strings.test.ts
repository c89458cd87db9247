import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fill, selfCheckStringNames } from '../../src/lib/self-check-strings';
import { uiStringKeys } from '../../src/lib/ui-strings';

const strings = (lang: string) => JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('self-check strings', () => {
	it('fills placeholders and leaves unknown ones visible', () => {
		expect(fill('{n} of {total} answered', { n: 7, total: 12 })).toBe('7 of 12 answered');
		expect(fill('Hello {who}', {})).toBe('Hello {who}');
		expect(fill('Hello {who}.', {})).toBe('Hello {who}.');
	});

	it('never doubles a period after a value that ends a sentence', () => {
		expect(fill('Saved under {label}. Checks: {n}.', { label: 'J.T.', n: 1 })).toBe('Saved under J.T. Checks: 1.');
		expect(fill('Saved under {label}. Checks: {n}.', { label: 'JT', n: 1 })).toBe('Saved under JT. Checks: 1.');
		expect(fill('Enregistré sous {label}.', { label: 'Mme T.' })).toBe('Enregistré sous Mme T.');
		expect(fill('{label}.', { label: 'Who?' })).toBe('Who?');
		expect(fill('{label}.', { label: 'Wait…' })).toBe('Wait…');
		expect(fill('{label}, then', { label: 'J.T.' })).toBe('J.T., then');
	});

	it('are all registered UI strings', () => {
		for (const name of selfCheckStringNames) expect(uiStringKeys).toContain(`cwam.selfcheck.${name}`);
		expect(uiStringKeys.filter((key) => key.startsWith('cwam.selfcheck.'))).toHaveLength(selfCheckStringNames.length);
	});

	it('use the same placeholders in English and French', () => {
		const en = strings('en');
		const fr = strings('fr');
		for (const name of selfCheckStringNames) expect(placeholders(fr[`cwam.selfcheck.${name}`]!), name).toEqual(placeholders(en[`cwam.selfcheck.${name}`]!));
	});

	it('say plainly that the results are a reflection tool with no norms', () => {
		expect(strings('en')['cwam.selfcheck.reflection']).toMatch(/reflection tool, not an evaluation.*no norms/);
		expect(strings('fr')['cwam.selfcheck.reflection']).toMatch(/outil de réflexion, pas une évaluation.*aucune norme/);
	});
});
