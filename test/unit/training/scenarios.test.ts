import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '@/lib/training/scenarios';
import { checkReply } from '@/lib/training/check';
import { scenarioTicket } from '@/lib/training/ticket';
import { DEFAULT_PACK } from '@/lib/standards/pack';
import { PRINCIPLE_IDS } from '@/lib/training/types';
import { parseScenario } from '@/lib/training/schema';

const NOW = Date.UTC(2026, 11, 2, 14, 0);

describe('built-in scenarios', () => {
  it('are at least 14, with unique ids, teaching at least 12 different principles', () => {
    expect(BUILT_IN_SCENARIOS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(BUILT_IN_SCENARIOS.map((s) => s.id)).size).toBe(BUILT_IN_SCENARIOS.length);
    const taught = new Set(BUILT_IN_SCENARIOS.map((s) => s.principle));
    expect(taught.size).toBeGreaterThanOrEqual(12);
    for (const p of taught) expect(PRINCIPLE_IDS).toContain(p);
  });

  it.each(BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const))('%s: its model answer passes every checklist item of the default pack', (_id, scenario) => {
    const result = checkReply(scenario, scenario.modelAnswer, DEFAULT_PACK, NOW);
    expect(result.failing.map((i) => `${i.label}: ${i.why}`)).toEqual([]);
    expect(result.score).toBe(100);
    // It answers something: at least greeting, next step and a warm close were applicable.
    expect(result.items.filter((i) => i.state === 'pass').length).toBeGreaterThanOrEqual(5);
  });

  it.each(BUILT_IN_SCENARIOS.map((s) => [s.id, s] as const))('%s: is a valid scenario and shows recognition cues', (_id, scenario) => {
    expect(parseScenario(scenario)).toMatchObject({ ok: true });
    expect(scenario.why.length).toBeGreaterThan(120);
    expect(scenario.strongReply.length).toBeGreaterThanOrEqual(2);
    const ticket = scenarioTicket(scenario, NOW);
    expect(ticket.memory.cues.length).toBeGreaterThan(0);
    expect(ticket.latest.length).toBeGreaterThan(0);
  });

  it('a weak reply to the upset repeat customer fails the empathy and greeting items', () => {
    const scenario = BUILT_IN_SCENARIOS.find((s) => s.id === 'upset-repeat-customer')!;
    const result = checkReply(scenario, 'We apologize for any inconvenience. As I said, billing is looking into it.', DEFAULT_PACK, NOW);
    const failing = result.failing.map((i) => i.rule);
    expect(failing).toEqual(expect.arrayContaining(['greets-by-name', 'acknowledges-feelings', 'sincere-wording', 'respectful-language']));
    expect(result.score).toBeLessThan(50);
  });

  it('the late-night scenario happens at 23:40 for the customer, whatever the real time', () => {
    const scenario = BUILT_IN_SCENARIOS.find((s) => s.id === 'late-night-writer')!;
    for (const real of [NOW, NOW + 5 * 3_600_000, NOW + 13 * 3_600_000]) {
      const ticket = scenarioTicket(scenario, real);
      expect(ticket.memory.cues.map((c) => c.reason).join('\n')).toContain("It's 23:40 for them");
    }
  });

  it('the overdue callback shows as an overdue promise, and the model answer takes it up', () => {
    const scenario = BUILT_IN_SCENARIOS.find((s) => s.id === 'vip-overdue-callback')!;
    const ticket = scenarioTicket(scenario, NOW);
    expect(ticket.memory.cues[0]?.id).toBe('open-promise');
    expect(ticket.memory.cues.map((c) => c.id)).toContain('vip');
    const model = checkReply(scenario, scenario.modelAnswer, DEFAULT_PACK, NOW);
    expect(model.items.find((i) => i.rule === 'follow-through')?.state).toBe('pass');
    const weak = checkReply(scenario, 'Hi Elena, all is on track. Let me know if you need anything else!', DEFAULT_PACK, NOW);
    expect(weak.items.find((i) => i.rule === 'follow-through')?.state).toBe('fail');
  });
});
