import { z } from 'astro/zod';
import { id, localized } from './instrument';
import { pictures } from './student-voice';

/**
 * The student questions' file (content/instruments/student/<id>.yaml), validated at build time.
 * Apart from src/lib/student-voice.ts so that the browser never loads the schema library.
 */

export const studentInstrumentSchema = z
	.object({
		id,
		version: z.number().int().positive(),
		/** The teacher instrument whose items the questions mirror. */
		mirrorOf: id,
		title: localized,
		/** What the questions are, said wherever they appear. */
		about: localized,
		/** Said to the child before the first question. */
		instructions: localized,
		/** The last screen. */
		thanks: localized,
		scale: z
			.array(z.object({ value: z.number().int(), label: localized, picture: z.enum(pictures, { error: `picture must be one of ${pictures.join(', ')}` }) }))
			.length(5, 'the scale must have exactly 5 points'),
		items: z
			.array(
				z
					.object({
						id,
						/** The teacher item this question asks about from the student's side. */
						mirrors: id,
						/** A few words naming what the pair is about, for the teacher: "trust between you". */
						topic: localized,
						text: localized,
					})
					// No `reverse`, `factor` or `component`: never reverse-keyed; the side comes from the mirrored item.
					.strict(),
			)
			.min(1),
	})
	.strict()
	.superRefine((data, ctx) => {
		data.scale.forEach((point, index) => {
			if (point.value !== index + 1) ctx.addIssue({ code: 'custom', path: ['scale', index, 'value'], message: `scale values must be 1 to 5 in order; found ${point.value} at position ${index + 1}` });
		});
		const seen = new Set<string>();
		data.items.forEach((item, index) => {
			if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: `duplicate id "${item.id}" in items` });
			seen.add(item.id);
		});
	});

export type StudentInstrument = z.infer<typeof studentInstrumentSchema>;
