import { describe, expect, it } from 'vitest';
import { EXPLAIN, explanationFor, explanations } from '@/lib/standards/explain';
import { DEFAULT_PACK, parsePack } from '@/lib/standards/pack';

describe('explanations a team can word its own way', () => {
  it('keeps Rapport’s text where the team wrote nothing, and uses the team’s where it did', () => {
    expect(explanationFor('greets-by-name')).toEqual({ ...EXPLAIN['greets-by-name'], edited: false });
    const team = { 'greets-by-name': { why: 'At Acme we always use the name they sign with.', good: '' } };
    const x = explanationFor('greets-by-name', team);
    expect(x).toMatchObject({ why: 'At Acme we always use the name they sign with.', good: EXPLAIN['greets-by-name'].good, edited: true });
    expect(explanations(['closing', 'greets-by-name'], team).map((e) => [e.id, e.edited])).toEqual([
      ['closing', false],
      ['greets-by-name', true],
    ]);
  });

  it('is validated with the pack: known rules and parts only, bounded text, no prototype keys', () => {
    const ok = parsePack({ ...DEFAULT_PACK, explanations: { closing: { why: 'Sign off the Acme way.' } } });
    expect(ok.ok && ok.pack.explanations).toEqual({ closing: { why: 'Sign off the Acme way.' } });
    const unknown = parsePack({ ...DEFAULT_PACK, explanations: { 'be-nice': { why: 'x' } } });
    expect(unknown).toMatchObject({ ok: false, error: expect.stringMatching(/unknown rule “be-nice”/) });
    const part = parsePack({ ...DEFAULT_PACK, explanations: { closing: { tone: 'x' } } });
    expect(part.ok).toBe(false);
    const long = parsePack({ ...DEFAULT_PACK, explanations: { closing: { why: 'x'.repeat(601) } } });
    expect(long).toMatchObject({ ok: false, error: expect.stringMatching(/at most 600 characters/) });
    const proto = parsePack(`{"id":"t","version":1,"rules":{},"responseTime":{"defaultMinutes":60,"targets":[]},"bannedPhrases":[],"kbDomains":[],"explanations":{"__proto__":{"why":"x"}}}`);
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).why).toBeUndefined();
  });
});
