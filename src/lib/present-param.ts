/**
 * The URL parameter that opens a page in presentation view (`/en/chapter/?present`), so a
 * trainer can bookmark it. Its own module: the chapter tools every reader loads need this
 * word only, not the presentation code in src/lib/slides.ts.
 */
export const presentParam = 'present';
