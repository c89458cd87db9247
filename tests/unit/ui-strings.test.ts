import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { missingKeys, uiStringKeys, uiStringsSchema } from '../../src/lib/ui-strings';

const strings = (lang: string) => JSON.parse(readFileSync(`content/i18n/${lang}.json`, 'utf8')) as Record<string, string>;

describe('UI strings', () => {
	it.each(['en', 'fr'])('%s has every key, and only known or Starlight keys', (lang) => {
		const data = strings(lang);
		expect(missingKeys(data)).toEqual([]);
		const unknown = Object.keys(data).filter((key) => key.startsWith('cwam.') && !(uiStringKeys as readonly string[]).includes(key));
		expect(unknown).toEqual([]);
		expect(uiStringsSchema.safeParse(data).success).toBe(true);
	});

	it('reports the keys a language lacks', () => {
		const { ['cwam.strategy.why']: _dropped, ...rest } = strings('en');
		expect(missingKeys(rest)).toEqual(['cwam.strategy.why']);
	});

	it('French strings use French spacing before high punctuation', () => {
		for (const [key, value] of Object.entries(strings('fr'))) {
			expect(value, key).not.toMatch(/(^|[^\u00a0\u202f])[:;!?](\s|$)/);
			expect(value, key).not.toMatch(/"/);
		}
	});
});
