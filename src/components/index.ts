// What chapters import: `import { Cite, Strategy, StrategyPart, WriteLines } from '@components';`
// The self-check and the whole manual are imported by path on their own pages
// (`import SelfCheck from '@components/SelfCheck.astro';`): through this file, every page would get
// their styles, and the whole manual's (it renders every chapter, so every chapter's imports).
export { default as Cite } from './Cite.astro';
export { default as ReferenceList } from './ReferenceList.astro';
export { default as Strategy } from './Strategy.astro';
export { default as StrategyPart } from './StrategyPart.astro';
export { default as WriteLines } from './WriteLines.astro';
export { default as StartLink } from './StartLink.astro';
export { default as StartLinks } from './StartLinks.astro';
export { default as DrawingBoxes } from './DrawingBoxes.astro';
export { default as DrawingBox } from './DrawingBox.astro';
export { default as SheetPdf } from './SheetPdf.astro';
export { default as PdfDownload } from './PdfDownload.astro';
