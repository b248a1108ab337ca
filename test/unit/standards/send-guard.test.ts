// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failingCritical, type GuardedDraft } from '@/lib/standards/send-guard';
import { showSendPrompt } from '@/lib/page/send-prompt';
import type { ReplyEvaluation } from '@/lib/standards/messages';
import type { RuleResult } from '@/lib/standards/types';

const result = (rule: string, state: 'pass' | 'fail' | 'na', why = 'Open with “Hi Sam,”'): RuleResult => ({ rule, state, why, evidence: [] }) as unknown as RuleResult;

function evaluation(results: RuleResult[], unanswered: number): ReplyEvaluation {
  return {
    results,
    readiness: 0.5,
    questions: [...Array(unanswered)].map((_, i) => ({ text: `Can Sam do ${i}?`, answered: false })).concat([{ text: 'And this?', answered: true }]),
    critical: ['acknowledges-feelings', 'answers-questions', 'placeholders'],
    labels: { 'acknowledges-feelings': 'Acknowledges feelings', 'answers-questions': 'Answers every question', 'greets-by-name': 'Greets by name', placeholders: 'No placeholders left' },
    packId: 'team',
    packVersion: 3,
    askBeforeSending: true,
  } as unknown as ReplyEvaluation;
}

describe('what a held send names (#16)', () => {
  const draft = (e: ReplyEvaluation, disputed: string[] = []): GuardedDraft => ({ draft: 'Ok.', evaluation: e, disputed });

  it('names failing critical items by label, unanswered questions by count, and nothing that passes or is not critical', () => {
    const e = evaluation([result('greets-by-name', 'fail'), result('acknowledges-feelings', 'fail'), result('answers-questions', 'fail'), result('placeholders', 'pass')], 2);
    expect(failingCritical(draft(e))).toEqual(['Acknowledges feelings', '2 questions unanswered']);
  });

  it('carries no customer data: no name, no question text, no why-line', () => {
    const e = evaluation([result('acknowledges-feelings', 'fail'), result('answers-questions', 'fail')], 1);
    expect(failingCritical(draft(e)).join(' ')).not.toMatch(/Sam|Hi /);
    expect(failingCritical(draft(e))).toContain('1 question unanswered');
  });

  it('does not hold an item the agent marked "not right", an empty draft, or a draft not yet evaluated', () => {
    const e = evaluation([result('acknowledges-feelings', 'fail')], 0);
    expect(failingCritical(draft(e, ['acknowledges-feelings']))).toEqual([]);
    expect(failingCritical({ draft: '  ', evaluation: e, disputed: [] })).toEqual([]);
    expect(failingCritical({ draft: 'Ok.', disputed: [] })).toEqual([]);
  });
});

describe('the send prompt on the page', () => {
  afterEach(() => document.body.replaceChildren());

  it('puts its text in a closed shadow root, and focuses "Keep editing" (the safe choice)', () => {
    const anchor = document.createElement('button');
    document.body.append(anchor);
    const onSendAnyway = vi.fn();
    const onKeepEditing = vi.fn();
    const prompt = showSendPrompt(document, { failing: ['Acknowledges feelings', '1 question unanswered'], anchor, onSendAnyway, onKeepEditing });
    const host = document.querySelector('rapport-send-check')!;
    expect(host).not.toBeNull();
    expect(host.shadowRoot).toBeNull(); // closed: page scripts cannot read it
    expect(document.body.textContent).not.toContain('Acknowledges');
    const active = document.activeElement as HTMLElement | null;
    // happy-dom reports the host as the active element for focus inside a shadow root
    expect(active === host || active?.textContent === 'Keep editing').toBe(true);
    prompt.remove();
    expect(document.querySelector('rapport-send-check')).toBeNull();
    expect(onSendAnyway).not.toHaveBeenCalled();
  });
});
