import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsLoader, i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { uiStringsSchema } from './lib/ui-strings';
import { referenceSchema } from './lib/references';
import { instrumentSchema } from './lib/instrument';

export const collections = {
	docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
	// Starlight's own UI strings plus ours (content/i18n/<lang>.json).
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStringsSchema }) }),
	references: defineCollection({ loader: file('content/references.yaml'), schema: referenceSchema }),
	// Self-check instruments, one file each (content/instruments/<id>.yaml): <SelfCheck instrument="<id>" />.
	instruments: defineCollection({ loader: glob({ pattern: '*.{yaml,yml,json}', base: 'content/instruments' }), schema: instrumentSchema }),
};
