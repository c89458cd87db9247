/**
 * The URL parameter that opens a page in presentation view (`/en/chapter/?present`), so a
 * trainer can bookmark it. The presentation toggle's link is built from it
 * (src/components/overrides/MarkdownContent.astro), and the chapter tools read it from there.
 */
export const presentParam = 'present';
