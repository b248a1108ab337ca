import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK, type StandardsPack } from '@/lib/standards/pack';
import { formProblems } from '@/lib/standards/pack-form';

const pack = (over: Partial<StandardsPack>): StandardsPack => ({ ...DEFAULT_PACK, ...over });

describe('options form problems, in plain words next to each field (#14)', () => {
  it('the default pack has none', () => expect(formProblems(DEFAULT_PACK)).toEqual({}));
  it('names the field and says what to do, without rule ids or schema paths', () => {
    const problems = formProblems(
      pack({
        rules: { ...DEFAULT_PACK.rules, closing: { on: true, weight: 11, critical: false } },
        responseTime: { defaultMinutes: 0, targets: [{ minutes: 60 }, { priority: 'urgent', minutes: 1.5 }, { priority: 'urgent', minutes: 30 }] },
        kbDomains: ['help desk'],
      }),
    );
    expect(problems).toEqual({
      'weight:closing': 'Weight goes from 0 (doesn’t count) to 10.',
      defaultMinutes: 'Enter a whole number of minutes, 1 or more.',
      'target:0': 'Choose a channel, a priority or both; the default target covers every other reply.',
      'target:1:minutes': 'Enter a whole number of minutes, 1 or more.',
      'target:2': 'Same channel and priority as target 2; remove one.',
      kbDomains: '“help desk” isn’t a domain; write it like help.example.com.',
    });
    for (const text of Object.values(problems)) expect(text).not.toMatch(/closing|rules\.|must be at most|:\s/);
  });
});
