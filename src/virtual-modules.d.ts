/** Built by src/integrations/pdf-edition.ts: each PDF's address, size and pages, by `<lang>:<key>`. */
declare module 'virtual:cwam/pdf' {
	export const pdfs: Readonly<Record<string, { href: string; bytes: number; pages: number }>>;
}
