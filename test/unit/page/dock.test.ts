import { DOCK, clampWidth, dock } from '@/lib/page/dock';

const base = { composing: false, collapsed: false, pinned: false };
const ZENDESK = 1120;

describe('docking beside the helpdesk (issue #14)', () => {
  it('at 1440 px the default width leaves Zendesk its context panel', () => {
    const d = dock({ ...base, viewport: 1440, keepsPanelsAt: ZENDESK });
    expect(d).toEqual({ collapsed: false, width: DOCK.width, auto: false });
    expect(1440 - d.width).toBeGreaterThanOrEqual(ZENDESK);
  });

  it('narrows the default to what the helpdesk can spare, not below the minimum', () => {
    expect(dock({ ...base, viewport: 1400, keepsPanelsAt: ZENDESK }).width).toBe(280);
    expect(dock({ ...base, viewport: 1920, keepsPanelsAt: ZENDESK }).width).toBe(DOCK.width);
  });

  it('at 1280 px: a slim tab while the agent reads, the panel while they write', () => {
    expect(dock({ ...base, viewport: 1280, keepsPanelsAt: ZENDESK })).toEqual({ collapsed: true, width: DOCK.width, auto: true });
    expect(dock({ ...base, viewport: 1280, keepsPanelsAt: ZENDESK, composing: true })).toMatchObject({ collapsed: false, auto: false });
  });

  it("the agent's choices win: hidden stays hidden, a pinned tab stays open, their width is kept", () => {
    expect(dock({ ...base, viewport: 1920, collapsed: true, composing: true })).toMatchObject({ collapsed: true, auto: false });
    expect(dock({ ...base, viewport: 1280, keepsPanelsAt: ZENDESK, pinned: true })).toMatchObject({ collapsed: false });
    expect(dock({ ...base, viewport: 1440, keepsPanelsAt: ZENDESK, preferred: 420 }).width).toBe(420);
  });

  it('a helpdesk without side panels always docks beside', () => {
    expect(dock({ ...base, viewport: 1024 })).toEqual({ collapsed: false, width: DOCK.width, auto: false });
  });

  it('clamps widths to the limits and to half the window', () => {
    expect(clampWidth(100, 1920)).toBe(DOCK.min);
    expect(clampWidth(5000, 1920)).toBe(DOCK.max);
    expect(clampWidth(500, 800)).toBe(400);
    expect(clampWidth(Number.NaN, 1920)).toBe(DOCK.width);
  });
});
