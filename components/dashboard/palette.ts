/**
 * Series colours for the quality charts: one colour per standard (12 today), never two alike. Built
 * from colour-blind-safe sets (Okabe–Ito, then Paul Tol's "muted"), with lighter variants that keep
 * contrast on the dark background. Each series also gets its own point shape, so a reader who
 * cannot tell two hues apart still tells the lines apart. test/unit/dashboard/palette.test.ts checks
 * every pair.
 */
export const LIGHT_SERIES = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#882255', '#999933', '#332288', '#AA4499', '#44AA99'] as const;
export const DARK_SERIES = ['#56B4E9', '#FF8C42', '#3DDC97', '#E89AC7', '#F0C050', '#AA99FF', '#E7E9EC', '#CC6677', '#A8B83A', '#4F8FFF', '#FF5C8A', '#2FBFB0'] as const;
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross', 'circle', 'rect', 'triangle', 'rectRot'] as const;
export const DASHES: readonly number[][] = [[], [], [], [], [], [], [], [], [6, 3], [6, 3], [6, 3], [6, 3]];

/** Style of series `i` of `n` (colour, point shape, dash); wraps only past the palette's length. */
export function seriesStyle(i: number, dark: boolean) {
  const colours = dark ? DARK_SERIES : LIGHT_SERIES;
  const k = i % colours.length;
  return { colour: colours[k]!, pointStyle: POINT_STYLES[k]!, dash: DASHES[k]! };
}
