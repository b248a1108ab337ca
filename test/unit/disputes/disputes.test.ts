import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RapportDB } from '@/lib/db/db';
import { DisputeRepository, type Dispute } from '@/lib/db/disputes';
import { Repository, type Clock } from '@/lib/db/repository';
import { createRequestHandler } from '@/lib/background/handle-request';
import { describeExport, disagreementsByRule, evaluationFile } from '@/lib/disputes/evaluation';
import { evaluateLine } from '@/lib/standards/cli';
import type { ReplyWeek } from '@/lib/db/reply-stats';

const EXT = 'rapport-extension-id';
const tab = { id: EXT, url: 'https://acme.zendesk.com/agent/tickets/101', tab: { id: 3 } };
const ticket = { helpdesk: 'zendesk', account: 'acme.zendesk.com', ticketId: '101' } as const;
let t = 1000;
const clock: Clock = { now: () => (t += 1000), uuid: () => crypto.randomUUID() };

let database: RapportDB;
let handle: ReturnType<typeof createRequestHandler>;
beforeEach(() => {
  database = new RapportDB(`disputes-${crypto.randomUUID()}`);
  handle = createRequestHandler(new Repository(database, clock), EXT, database, clock);
});
afterEach(() => database.delete());

const dispute = (over: Record<string, unknown> = {}) => ({
  type: 'verdict.dispute',
  kind: 'rule',
  rule: 'next-step',
  verdict: 'fail',
  why: 'No next step for the customer',
  evidence: [{ start: 0, end: 8, text: 'Hi Dana,' }],
  ticket,
  ...over,
});

describe('verdict.dispute', () => {
  it('stores rule, verdict and evidence — and no text unless the agent included it', async () => {
    const reply = (await handle(dispute(), tab)) as { ok: true; data: Dispute };
    expect(reply.ok).toBe(true);
    const [row] = await database.disputes.toArray();
    expect(row).toMatchObject({ kind: 'rule', rule: 'next-step', verdict: 'fail', evidence: [{ start: 0, end: 8, text: 'Hi Dana,' }], ticket });
    expect(row).not.toHaveProperty('draft');
    expect(row).not.toHaveProperty('customerMessages');

    await handle(dispute({ draft: 'Hi Dana, I refunded it.', customerMessages: ['Refund me'] }), tab);
    const texts = (await new DisputeRepository(database, clock).forRule('next-step')).map((d) => d.draft);
    expect(texts).toEqual(['Hi Dana, I refunded it.', undefined]);
  });

  it('keeps cues apart: a cue is disputed as shown, a rule as pass/fail/n/a', async () => {
    expect(await handle(dispute({ kind: 'cue', rule: 'first-contact', verdict: 'shown', evidence: [] }), tab)).toMatchObject({ ok: true });
    expect(await handle(dispute({ kind: 'cue', rule: 'first-contact', verdict: 'fail' }), tab)).toMatchObject({ ok: false, error: expect.stringMatching(/cue is disputed as shown/) });
    expect(await handle(dispute({ rule: '<script>' }), tab)).toMatchObject({ ok: false });
    expect(await handle(dispute({ evidence: [{ start: 5, end: 2, text: 'x' }] }), tab)).toMatchObject({ ok: false, error: expect.stringMatching(/ends after it starts/) });
    expect(await database.disputes.count()).toBe(1);
  });

  it('refuses a page disputing another account\'s ticket', async () => {
    const other = { ...tab, url: 'https://evil.zendesk.com/agent/tickets/1' };
    expect(await handle(dispute(), other)).toMatchObject({ ok: false, error: expect.stringMatching(/own (tickets|helpdesk account)/) });
    expect(await database.disputes.count()).toBe(0);
  });
});

const row = (over: Partial<Dispute>): Dispute => ({ id: crypto.randomUUID(), kind: 'rule', rule: 'next-step', verdict: 'fail', why: 'x', evidence: [], at: 1, ...over });

describe('disagreements', () => {
  it('per rule: count, and the share of recorded verdicts where replies were recorded', () => {
    const weeks = [{ rules: { 'next-step': [6, 2], closing: [3, 0] } }, { rules: { 'next-step': [1, 1] } }] as unknown as ReplyWeek[];
    const rows = disagreementsByRule([row({}), row({ at: 5 }), row({ rule: 'closing', verdict: 'pass' }), row({ kind: 'cue', rule: 'first-contact', verdict: 'shown' })], weeks);
    expect(rows[0]).toMatchObject({ rule: 'next-step', disputes: 2, verdicts: 10, share: 0.2, latest: 5 });
    expect(rows.find((r) => r.rule === 'closing')).toMatchObject({ disputes: 1, verdicts: 3 });
    expect(rows.find((r) => r.rule === 'first-contact')).toEqual({ rule: 'first-contact', kind: 'cue', disputes: 1, latest: 1 });
  });

  it('exports the cases with text as lines the evaluate CLI accepts, and says what was left out', () => {
    const disputes = [
      row({ draft: 'Hi Dana, I have refunded the $249; you will see it in 3 days.', customerMessages: ['THIRD time. Refund me.'], at: 2 }),
      row({ rule: 'acknowledges-feelings', verdict: 'na', draft: 'Hi, done.', customerMessages: ['Fix it'], at: 3 }),
      row({ at: 4 }),
      row({ kind: 'cue', rule: 'first-contact', verdict: 'shown' }),
    ];
    const file = evaluationFile(disputes);
    expect(file).toMatchObject({ exported: 2, withoutText: 1, cues: 1 });
    expect(describeExport(file)).toBe('Exported 2 cases; 1 left out for lack of text (saved without “include the text”); 1 cue dispute is not a reply case.');
    const lines = file.jsonl.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    lines.forEach((line, i) => {
      const out = evaluateLine(line, i + 1);
      expect(out).not.toHaveProperty('error');
      expect(out).toHaveProperty('results');
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ expected: { 'next-step': 'pass' }, disputed: { rule: 'next-step', verdict: 'fail' } });
    expect(JSON.parse(lines[1]!)).not.toHaveProperty('expected');
  });
});
