import { DEFAULT_PACK, exportPack, parsePack, responseTarget } from '../../../lib/standards/pack';

describe('standards packs', () => {
  it('round-trips the default pack through export and import', () => {
    expect(parsePack(exportPack(DEFAULT_PACK))).toEqual({ ok: true, pack: DEFAULT_PACK });
  });

  it.each([
    ['{ not json', /^Not valid JSON/],
    ['[]', /^Pack must be an object/],
    [JSON.stringify({ version: 1 }), /^id: is missing$/],
    [JSON.stringify({ ...DEFAULT_PACK, colour: 'red' }), /^colour: unknown field “colour”$/],
    [JSON.stringify({ ...DEFAULT_PACK, version: 0 }), /^version: must be 1 or more$/],
    [JSON.stringify({ ...DEFAULT_PACK, rules: { ...DEFAULT_PACK.rules, closing: { on: 'yes', weight: 1, critical: false } } }), /^rules\.closing\.on: must be true or false$/],
    [JSON.stringify({ ...DEFAULT_PACK, rules: { 'greets-by-nam': { on: true, weight: 1, critical: false } } }), /^rules\.greets-by-nam: unknown rule “greets-by-nam”/],
    [JSON.stringify({ ...DEFAULT_PACK, rules: { closing: { on: true, weight: 11, critical: false } } }), /^rules\.closing\.weight: must be at most 10$/],
    [JSON.stringify({ ...DEFAULT_PACK, responseTime: { defaultMinutes: 0, targets: [] } }), /^responseTime\.defaultMinutes: must be at least 1 minute$/],
    [JSON.stringify({ ...DEFAULT_PACK, kbDomains: ['not a domain'] }), /^kbDomains\.0: must be a domain like help\.example\.com$/],
    [JSON.stringify({ ...DEFAULT_PACK, bannedPhrases: [''] }), /^bannedPhrases\.0: cannot be empty$/],
    [JSON.stringify({ ...DEFAULT_PACK, askBeforeSending: 'yes' }), /^askBeforeSending: must be true or false$/],
    [JSON.stringify({ ...DEFAULT_PACK, stepNeedsWhen: 0 }), /^stepNeedsWhen: must be true or false$/],
  ])('rejects a bad pack with the exact problem: %#', (json, problem) => {
    const result = parsePack(json);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(problem);
  });

  it('keeps "ask before sending" off unless the pack turns it on (#16)', () => {
    expect(DEFAULT_PACK.askBeforeSending).toBeUndefined();
    const on = parsePack(exportPack({ ...DEFAULT_PACK, askBeforeSending: true }));
    expect(on.ok && on.pack.askBeforeSending).toBe(true);
  });

  it('requires a when of a next step unless the pack says otherwise (#12)', () => {
    expect(DEFAULT_PACK.stepNeedsWhen).toBeUndefined();
    const off = parsePack(exportPack({ ...DEFAULT_PACK, stepNeedsWhen: false }));
    expect(off.ok && off.pack.stepNeedsWhen).toBe(false);
  });

  it('picks the most specific response-time target', () => {
    expect(responseTarget(DEFAULT_PACK, 'chat', 'urgent')).toBe(5 * 60_000);
    expect(responseTarget(DEFAULT_PACK, 'email', 'urgent')).toBe(60 * 60_000);
    expect(responseTarget(DEFAULT_PACK, 'email', 'low')).toBe(24 * 60 * 60_000);
    expect(responseTarget(DEFAULT_PACK)).toBe(240 * 60_000);
  });
});
