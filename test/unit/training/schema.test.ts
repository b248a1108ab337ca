import { describe, expect, it } from 'vitest';
import { BUILT_IN_SCENARIOS } from '@/lib/training/scenarios';
import { exportScenarioPack, parseScenarioPack } from '@/lib/training/schema';
import { EXPLAIN } from '@/lib/standards/explain';
import { RULE_IDS } from '@/lib/standards/types';

const pack = (scenarios: unknown[]) => JSON.stringify({ format: 'rapport-scenarios', version: 1, scenarios });

describe('scenario packs', () => {
  it('round-trip: an exported pack reads back as the same scenarios', () => {
    const text = exportScenarioPack(BUILT_IN_SCENARIOS, Date.UTC(2026, 11, 2));
    const parsed = parseScenarioPack(text);
    expect(parsed).toEqual({ ok: true, scenarios: BUILT_IN_SCENARIOS });
  });

  it.each([
    ['', 'This file is empty.'],
    ['{"format":"rapport-scenarios"', 'This file is not valid JSON: is it a Rapport scenario pack?'],
    ['[1,2]', 'This is not a Rapport scenario pack (expected an object with “format” and “scenarios”).'],
    ['{"format":"rapport-bundle","version":1,"scenarios":[]}', 'Refused: format: this is not a Rapport scenario pack. Nothing was imported.'],
    [pack([]), 'Refused: scenarios: the pack has no scenarios. Nothing was imported.'],
    ['{"format":"rapport-scenarios","version":1,"scenarios":[],"__proto__":{"x":1}}', 'Refused: the file contains a field named “__proto__”, which Rapport never writes.'],
  ])('refuses %j with the reason', (text, error) => {
    expect(parseScenarioPack(text)).toEqual({ ok: false, error });
  });

  it('names the field and the problem in a bad scenario, and refuses the whole pack', () => {
    const good = BUILT_IN_SCENARIOS[0]!;
    const cases: [unknown, string][] = [
      [{ ...good, principle: '<script>alert(1)</script>' }, 'scenarios[1].principle: must be one of'],
      [{ ...good, customer: { ...good.customer, email: 'not an email' } }, 'scenarios[1].customer.email: must be an email address'],
      [{ ...good, customer: { ...good.customer, timeZone: 'Mars/Olympus' } }, 'scenarios[1].customer.timeZone: must be a time zone'],
      [{ ...good, thread: [{ from: 'agent', text: 'Hi', minutesAgo: 1 }] }, 'scenarios[1].thread: needs at least one message from the customer'],
      [{ ...good, extra: 1 }, 'scenarios[1].extra: this field is not part of a scenario'],
      [{ ...good, id: 'Bad Id' }, 'scenarios[1].id: must be lower-case letters, digits and dashes'],
      [{ ...good, constructor: { prototype: {} } }, '“constructor”'],
    ];
    for (const [bad, message] of cases) {
      const parsed = parseScenarioPack(pack([{ ...good, id: 'fine-one' }, bad]));
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.error).toContain(message);
    }
    expect(parseScenarioPack(pack([good, good]))).toEqual({ ok: false, error: 'Refused: scenarios: two scenarios have the same id. Nothing was imported.' });
  });
});

describe('standards explained', () => {
  it('explains every checklist rule for agents: why, what it checks, a good and a weak example, no rule ids', () => {
    for (const id of RULE_IDS) {
      const x = EXPLAIN[id];
      for (const field of [x.standard, x.title, x.why, x.checks, x.good, x.weak]) {
        expect(field.trim().length).toBeGreaterThan(3);
        for (const other of RULE_IDS) if (other.includes('-')) expect(field).not.toContain(other);
      }
      expect(x.why.length).toBeGreaterThan(80);
    }
  });
});
