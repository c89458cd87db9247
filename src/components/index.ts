// What chapters import: `import { Cite, Strategy, StrategyPart, WriteLines } from '@components';`
export { default as Cite } from './Cite.astro';
export { default as ReferenceList } from './ReferenceList.astro';
export { default as Strategy } from './Strategy.astro';
export { default as StrategyPart } from './StrategyPart.astro';
export { default as WriteLines } from './WriteLines.astro';
export { default as SelfCheck } from './SelfCheck.astro';
export { default as MyStudents } from './MyStudents.astro';
export { default as WholeManual } from './WholeManual.astro';
