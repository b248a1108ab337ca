import { DOCK, clampWidth, crowdKey, crowdsOf, dock, keepCrowds, recallCrowds, widthsToProbe } from '@/lib/page/dock';

const base = { composing: false, collapsed: false, pinned: false };

describe('docking beside the helpdesk (issue #14)', () => {
  it('docks beside at the default width where the helpdesk keeps its panels (or has none)', () => {
    expect(dock({ ...base, viewport: 1440, crowds: [] })).toEqual({ collapsed: false, width: DOCK.width, auto: false });
    expect(dock({ ...base, viewport: 1024 })).toEqual({ collapsed: false, width: DOCK.width, auto: false });
  });

  it('narrows to the narrowest panel while the agent reads, where the default width crowds the helpdesk', () => {
    expect(dock({ ...base, viewport: 1400, crowds: [DOCK.width] })).toEqual({ collapsed: false, width: DOCK.min, auto: false });
  });

  it('a slim tab while the agent reads where even the narrowest crowds it; the panel while they write', () => {
    const crowds = [DOCK.width, DOCK.min];
    expect(dock({ ...base, viewport: 1280, crowds })).toEqual({ collapsed: true, width: DOCK.width, auto: true });
    expect(dock({ ...base, viewport: 1280, crowds, composing: true })).toEqual({ collapsed: false, width: DOCK.width, auto: false });
  });

  it("the agent's choices win: hidden stays hidden, a pinned panel stays open at their width", () => {
    expect(dock({ ...base, viewport: 1920, collapsed: true, composing: true })).toMatchObject({ collapsed: true, auto: false });
    expect(dock({ ...base, viewport: 1280, crowds: [DOCK.width, DOCK.min], pinned: true })).toEqual({ collapsed: false, width: DOCK.width, auto: false });
    expect(dock({ ...base, viewport: 1440, preferred: 420, crowds: [] }).width).toBe(420);
    expect(dock({ ...base, viewport: 1440, preferred: 420, crowds: [420], pinned: true }).width).toBe(420);
  });

  it("the agent's width is kept for writing; reading narrows where it crowds the helpdesk", () => {
    expect(dock({ ...base, viewport: 1440, preferred: 420, crowds: [420] })).toEqual({ collapsed: false, width: DOCK.min, auto: false });
    expect(dock({ ...base, viewport: 1440, preferred: 420, crowds: [420], composing: true }).width).toBe(420);
    expect(dock({ ...base, viewport: 1280, preferred: 420, crowds: [420, DOCK.min] })).toEqual({ collapsed: true, width: 420, auto: true });
  });

  it('clamps widths to the limits and to half the window', () => {
    expect(clampWidth(100, 1920)).toBe(DOCK.min);
    expect(clampWidth(5000, 1920)).toBe(DOCK.max);
    expect(clampWidth(500, 800)).toBe(400);
    expect(clampWidth(Number.NaN, 1920)).toBe(DOCK.width);
  });
});

describe('what the probes say', () => {
  it('a width crowds the helpdesk when it shows fewer side panels beside Rapport than with the room', () => {
    const probes = [
      { width: 300, beside: 0, room: 1 }, // the context panel drops beside a 300 px panel
      { width: 260, beside: 1, room: 1 },
      { width: 420, beside: 2, room: 2 },
    ];
    expect(crowdsOf(probes)).toEqual([300]);
    // A panel the helpdesk does not show either way (closed by the agent) is no reason to collapse.
    expect(crowdsOf([{ width: 300, beside: 0, room: 0 }])).toEqual([]);
  });

  it('probes the widths the decision rests on: the wanted one and the narrowest, once each', () => {
    expect(widthsToProbe({ viewport: 1280 })).toEqual([DOCK.width, DOCK.min]);
    expect(widthsToProbe({ viewport: 1440, preferred: 420 })).toEqual([420, DOCK.min]);
    expect(widthsToProbe({ viewport: 1440, preferred: 100 })).toEqual([DOCK.min]);
  });
});

describe('what the helpdesk crowded on earlier pages', () => {
  const key = crowdKey('acme.zendesk.com', 1280, undefined);

  it('is recalled per helpdesk host, window width and agent width', () => {
    const memory = keepCrowds(undefined, key, [300]);
    expect(recallCrowds(memory, key)).toEqual([300]);
    expect(recallCrowds(memory, crowdKey('acme.zendesk.com', 1440, undefined))).toBeUndefined();
    expect(recallCrowds(memory, crowdKey('acme.zendesk.com', 1280, 400))).toBeUndefined();
    expect(recallCrowds(memory, crowdKey('other.zendesk.com', 1280, undefined))).toBeUndefined();
    expect(recallCrowds(keepCrowds(memory, key, []), key)).toEqual([]);
  });

  it('is written only when it changed, and keeps the newest 48 entries', () => {
    const memory = keepCrowds(undefined, key, [260, 300])!;
    expect(keepCrowds(memory, key, [260, 300])).toBeUndefined();
    let many: Record<string, number[]> = memory;
    for (let w = 800; w < 900; w++) many = keepCrowds(many, crowdKey('acme.zendesk.com', w, undefined), [300]) ?? many;
    expect(Object.keys(many)).toHaveLength(48);
    expect(recallCrowds(many, key)).toBeUndefined();
    expect(recallCrowds(many, crowdKey('acme.zendesk.com', 899, undefined))).toEqual([300]);
  });

  it('ignores stored values it did not write', () => {
    expect(recallCrowds({ [key]: 'wide' }, key)).toBeUndefined();
    expect(recallCrowds({ [key]: [300, -1] }, key)).toBeUndefined();
    expect(recallCrowds({}, '__proto__')).toBeUndefined();
    expect(recallCrowds({}, 'toString')).toBeUndefined();
    expect(recallCrowds(null, key)).toBeUndefined();
    const kept = keepCrowds({ [key]: 'wide', other: [300] }, 'new', [260])!;
    expect(kept).toEqual({ other: [300], new: [260] });
  });
});
