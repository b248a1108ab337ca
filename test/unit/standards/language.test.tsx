// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { isEnglish, readLanguage } from '../../../lib/standards/language';
import { evaluateReply } from '../../../lib/standards/engine';
import { threadMood } from '../../../lib/standards/mood';
import { moodOf } from '../../../lib/memory/mood';
import { DEFAULT_PACK } from '../../../lib/standards/pack';
import { checklistItems } from '../../../lib/standards/feature';
import { ChecklistPanel } from '../../../components/checklist';
import type { EvaluateInput, RuleId } from '../../../lib/standards/types';
import type { ReplyEvaluation } from '../../../lib/standards/messages';

const GERMAN = 'Hallo, ich wurde diesen Monat zweimal belastet. Können Sie mir bitte das Geld zurückerstatten? Das ist jetzt schon das dritte Mal!';
const GERMAN_REPLY = 'Hallo Anna, es tut mir wirklich leid, dass Sie doppelt belastet wurden. Ich habe die zweite Zahlung storniert; Sie erhalten das Geld innerhalb von 5 Werktagen zurück. Viele Grüße';

const run = (draft: string, customer: string, more: Partial<EvaluateInput> = {}) =>
  evaluateReply({ draft, customerMessages: [customer], customer: { name: 'Anna Schmidt' }, standards: DEFAULT_PACK, now: 0, ...more });
const stateOf = (r: ReturnType<typeof run>, rule: RuleId) => r.results.find((x) => x.rule === rule)!;

describe('the language of a text (checks read English only)', () => {
  it('reads English, short or long, with code, links and logs, as English', () => {
    for (const text of [
      'Please refund me',
      'Thanks!',
      'ok',
      'I was charged twice this month, can you refund the second charge please?',
      'Sync fails with `ERR_CONNECTION_RESET` after the update, see https://example.test/logs/123 and @devteam.\n```\nat fetch (sync.js:10)\nat run (main.js:2)\n```',
    ]) expect(isEnglish(text), text).toBe(true);
  });

  it('names a message in another language, also with an English error message in it', () => {
    for (const text of [
      GERMAN,
      'Hola, no puedo iniciar sesión desde ayer. ¿Pueden ayudarme? Es urgente, tengo una presentación mañana.',
      "Bonjour, ma commande n'est toujours pas arrivée après trois semaines. C'est inacceptable. Où est mon colis ?",
      'Nach dem Update bekomme ich beim Start immer die Meldung "Could not connect to server" und die App schließt sich sofort wieder.',
      // Another script says so in a few letters.
      'Попробуйте сменить пароль',
      'ログインできません',
    ]) expect(readLanguage(text), text).toBe('other');
  });

  it('tells nothing from a text too short to tell ("Hallo Anna,")', () => {
    expect(readLanguage('Hallo Anna,')).toBeUndefined();
    expect(isEnglish('Hallo Anna,')).toBe(true);
    expect(readLanguage('Hi Anna, thanks')).toBe('english');
  });
});

describe('a ticket in another language', () => {
  it('reads no mood and no asks from it rather than wrong ones, and stores no mood', () => {
    const mood = threadMood(GERMAN);
    expect(mood).toMatchObject({ label: 'neutral', notEnglish: true, evidence: [], escalating: false });
    expect(moodOf(GERMAN)).toBeUndefined();
    expect(moodOf('You charged me twice and nobody answers. Unacceptable.')).toBeLessThan(0);
    const r = run(GERMAN_REPLY, GERMAN);
    expect(r.questions).toEqual([]);
    expect(r.notEnglish).toEqual({ customer: true, draft: true });
  });

  it('checks only what reads no words: the name, placeholders, the clock', () => {
    const r = run(GERMAN_REPLY, GERMAN);
    expect(stateOf(r, 'greets-by-name').state).toBe('pass');
    expect(stateOf(r, 'placeholders').state).toBe('pass');
    // Before: "Viele Grüße" failed the warm close and the "dritte Mal" read as calm.
    for (const rule of ['closing', 'acknowledges-feelings', 'next-step', 'confident-wording', 'answers-questions'] as RuleId[]) {
      expect(stateOf(r, rule), rule).toMatchObject({ state: 'na', notChecked: true, why: 'Not checked: your reply is not in English' });
    }
    expect(r.readiness).toBe(1);
    // The name reads the same in any language; an English "Hi Anna," is no help in German.
    expect(stateOf(run('Hallo Ana, danke für Ihre Nachricht. Wir melden uns morgen bei Ihnen.', GERMAN), 'greets-by-name')).toMatchObject({ state: 'fail', why: 'No greeting by name: open with their name, “Anna”' });
    expect(stateOf(run('Guten Tag, danke für Ihre Nachricht. Wir melden uns morgen bei Ihnen.', GERMAN), 'greets-by-name').why).toBe('No greeting by name: open with their name, “Anna”');
    expect(stateOf(run('Thanks for writing in, we will get back to you tomorrow.', 'I was charged twice, please refund me.'), 'greets-by-name').why).toBe('No greeting by name: open with “Hi Anna,”');
  });

  it('takes a draft too short to tell to be in the customer’s language', () => {
    const r = run('Hallo Anna,', GERMAN);
    expect(r.notEnglish).toEqual({ customer: true, draft: true });
    expect(run('Hallo Anna,', 'I was charged twice, please refund me.').notEnglish).toBeUndefined();
  });

  it('still checks an English reply to it, except what reads their message', () => {
    const r = run("Hi Anna, I've refunded the second charge: you'll see it within 5 days. Let me know if anything else comes up.", GERMAN);
    expect(r.notEnglish).toEqual({ customer: true });
    expect(stateOf(r, 'next-step').state).toBe('pass');
    expect(stateOf(r, 'closing').state).toBe('pass');
    expect(stateOf(r, 'acknowledges-feelings')).toMatchObject({ state: 'na', why: 'Not checked: their message is not in English' });
    expect(stateOf(r, 'answers-questions').notChecked).toBe(true);
  });

  it('does not judge a reply in another language against an English customer’s asks', () => {
    const r = run('Hola Anna, siento mucho las molestias. He devuelto el segundo cargo: lo verás en tu cuenta en cinco días.', 'I was charged twice this month, can you refund it? This is the third time!');
    expect(r.notEnglish).toEqual({ draft: true });
    expect(r.mood.label).toBe('upset');
    expect(r.questions).toEqual([]);
    expect(stateOf(r, 'acknowledges-feelings').notChecked).toBe(true);
  });

  it('shows the agent what was not read, and no "Ready to send 100%"', () => {
    const evaluation: ReplyEvaluation = { ...run(GERMAN_REPLY, GERMAN), packId: 'p', packVersion: 1, critical: [], labels: {} };
    render(<ChecklistPanel status="ready" draft={GERMAN_REPLY} items={checklistItems(evaluation)} readiness={evaluation.readiness} questions={[]} notEnglish={evaluation.notEnglish} />);
    expect(screen.getByTestId('readiness').textContent).toBe('Partly checked');
    expect(screen.getByTestId('language-note').textContent).toBe('This ticket is not in English. Rapport reads English, so it checks only the greeting, placeholders and reply time.');
    expect(screen.getByTestId('checklist-passed').querySelector('summary')!.textContent).toContain('2 passed · 1 not needed · 9 not checked');
  });

  it('offers no English salutation to insert into a reply in another language', () => {
    const greeting = { greeting: 'Hi Anna,', onInsertGreeting: () => undefined };
    const items = [{ rule: 'greets-by-name', label: 'Greets by name', state: 'fail' as const, why: 'No greeting by name', critical: false, evidence: [] }];
    const { unmount } = render(<ChecklistPanel status="ready" draft="Guten Tag" items={items} questions={[]} notEnglish={{ customer: true, draft: true }} {...greeting} />);
    expect(screen.queryByTestId('insert-greeting')).toBeNull();
    unmount();
    render(<ChecklistPanel status="ready" draft="Good day" items={items} questions={[]} notEnglish={{ customer: true }} {...greeting} />);
    expect(screen.getByTestId('insert-greeting').textContent).toBe('Insert “Hi Anna,”');
  });

  it('says so when only their message is not read', () => {
    render(<ChecklistPanel status="ready" draft="Hi Anna" items={[]} questions={[]} notEnglish={{ customer: true }} />);
    expect(screen.getByTestId('language-note').textContent).toBe('Their message is not in English. Rapport reads English, so their mood and questions are not read.');
  });
});
