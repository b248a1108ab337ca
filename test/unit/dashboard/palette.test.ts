import { describe, expect, it } from 'vitest';
import { DARK_SERIES, LIGHT_SERIES, seriesStyle } from '@/components/dashboard/palette';
import { RULE_IDS } from '@/lib/standards/types';

/** CIE Lab of a #rrggbb colour (D65), for a perceptual distance. */
function lab(hex: string): [number, number, number] {
  const lin = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = lin;
  const xyz = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const [fx, fy, fz] = xyz.map(f) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

describe('quality chart colours', () => {
  for (const [name, dark, palette] of [['light', false, LIGHT_SERIES], ['dark', true, DARK_SERIES]] as const) {
    it(`${name}: every standard gets its own colour and shape, and every pair of colours is far apart`, () => {
      const styles = RULE_IDS.map((_, i) => seriesStyle(i, dark));
      expect(new Set(styles.map((s) => s.colour.toLowerCase())).size).toBe(RULE_IDS.length);
      expect(new Set(styles.map((s) => `${s.pointStyle}|${s.dash.join()}`)).size).toBe(RULE_IDS.length);
      let closest = Infinity;
      for (let i = 0; i < palette.length; i++) for (let j = i + 1; j < palette.length; j++) closest = Math.min(closest, deltaE(palette[i]!, palette[j]!));
      // ΔE 18 and more reads as clearly different colours side by side.
      expect(closest).toBeGreaterThanOrEqual(18);
    });
  }
});
