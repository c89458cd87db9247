/**
 * The self-check's small charts, as data: a tree of SVG nodes that the browser turns into
 * elements with `createElementNS` (no markup is ever built from strings). Shapes use attributes
 * and classes only (no style attributes: the site's CSP forbids them); colours and the
 * black-and-white print version come from the stylesheet.
 *
 * Every piece of text that must not be covered carries `data-box="x y w h"`: the generous box
 * its glyphs (and their halo) are drawn in, which the layout keeps apart and the tests check.
 */
export { type SvgNode, type Axis, type Box, project, overlaps, type Segment, textWidth } from './chart-svg';
export { type Bar, barChart } from './bar-chart';
export { type ScatterPoint, type PointGroup, groupPoints, wrapLabel, type LabelRequest, type Placement, placeLabels, type ScatterOptions, scatterChart, type TimelinePoint, timelineChart } from './class-charts';
