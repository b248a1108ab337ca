import { evaluateReply, failingCritical } from '../../../lib/standards/engine';
import { sentences } from '../../../lib/standards/text';
import { DEFAULT_PACK, type StandardsPack } from '../../../lib/standards/pack';
import type { EvaluateInput, RuleId } from '../../../lib/standards/types';

const NOW = 1_790_000_000_000;
const DANA = "This is the THIRD time I'm writing about this. You charged me TWICE for March and NOBODY has fixed it.\n\nI want the $249 back TODAY or I'm disputing the charge with my bank.";

function run(draft: string, more: Partial<EvaluateInput> = {}) {
  return evaluateReply({ draft, customerMessages: [DANA], customer: { name: 'Dana Whitfield' }, standards: DEFAULT_PACK, now: NOW, ...more });
}
const stateOf = (r: ReturnType<typeof run>, rule: RuleId) => r.results.find((x) => x.rule === rule);

describe('evaluateReply', () => {
  it('explains each verdict with the words that decided it', () => {
    const r = run("Hi Dana,\n\nI'm so sorry you were charged twice for March. I've refunded the duplicate $249; you'll see it within 3–5 days.\n\nLet me know if anything else looks off.");
    const greet = stateOf(r, 'greets-by-name')!;
    expect(greet.state).toBe('pass');
    expect(greet.evidence[0]).toMatchObject({ text: 'Dana', start: 3, end: 7 });
    const ack = stateOf(r, 'acknowledges-feelings')!;
    expect(ack.state).toBe('pass');
    expect(ack.why).toBe('Acknowledges: “I\'m so sorry you were charged twice for March”');
    expect(r.mood.label).toBe('upset');
    expect(r.mood.evidence.map((e) => e.text)).toContain('NOBODY');
    expect(r.readiness).toBeGreaterThan(0.9);
  });

  it('counts an apology that names their problem in their words, whatever follows it', () => {
    // Seen in the demo: the same apology failed once a question and a request followed it.
    const r = run("Hi Dana, I'm so sorry you were charged twice for March. Which card did the second charge go to? Please do NOT pay the March invoice again.");
    expect(stateOf(r, 'acknowledges-feelings')).toMatchObject({ state: 'pass', why: 'Acknowledges: “I\'m so sorry you were charged twice for March”' });
    // A "sorry" that refuses is about something else, even in the customer's words.
    const refusal = run("Hi Dana, I'm sorry, March invoices are handled by our billing partner. Please write to them about the charge.");
    expect(stateOf(refusal, 'acknowledges-feelings')!.state).toBe('fail');
  });

  it('says what to write when the greeting is missing or misspelled', () => {
    expect(stateOf(run('Hello, thanks for writing.'), 'greets-by-name')!.why).toBe('No greeting by name: open with “Hi Dana,”');
    const jose = evaluateReply({ draft: 'Hi Jose, done.', customerMessages: ['hola'], customer: { name: 'José Núñez' }, standards: DEFAULT_PACK, now: NOW });
    expect(stateOf(jose, 'greets-by-name')).toMatchObject({ state: 'fail', why: 'Spell the name as they do: “José”, not “Jose”' });
    const sam = evaluateReply({ draft: 'Hi Samantha,', customerMessages: ['hi'], customer: { name: 'Samantha Rivera', preferredName: 'Sam' }, standards: DEFAULT_PACK, now: NOW });
    expect(stateOf(sam, 'greets-by-name')!.why).toBe('They go by “Sam”: open with “Hi Sam,”');
    const other = (draft: string, customer: { name: string; alsoWriting?: string[] } = { name: 'Sam Rivera' }) => stateOf(evaluateReply({ draft, customerMessages: ['hi'], customer, standards: DEFAULT_PACK, now: NOW }), 'greets-by-name')!;
    // Another customer's name (a macro, a reply pasted from another ticket) is the worst greeting.
    expect(other("Hi Dana, I'm so sorry")).toMatchObject({ state: 'fail', why: 'Greets “Dana”, but this is Sam Rivera: open with “Hi Sam,”', evidence: [{ text: 'Dana', start: 3, end: 7 }] });
    expect(other('Dear Mr Jones,')).toMatchObject({ state: 'fail', evidence: [{ text: 'Jones', start: 8 }] }); // the name after a title
    expect(other('Dear Mr Rivera,').state).toBe('pass');
    expect(other('Hello Dana,').state).toBe('fail');
    // Not another name: "there", the customer's own surname, a short form of their name.
    expect(other('Hi there, thanks').why).toBe('Generic greeting “Hi there”: open with “Hi Sam,”');
    expect(other('Dear Rivera,').why).toBe('No greeting by name: open with “Hi Sam,”');
    expect(other('Hi Sam, thanks', { name: 'Samantha Rivera' }).why).not.toMatch(/^Greets “Sam”/);
    expect(other('Hi Sam, thanks').state).toBe('pass');
    // A colleague on copy wrote their latest message: greeting them greets by name (before: "Greets
    // “Bob”, but this is Sam Rivera", the warning for a macro from another ticket).
    const copied = { name: 'Sam Rivera', alsoWriting: ['Bob Smith'] };
    expect(other('Hi Bob, thanks for the details.', copied)).toMatchObject({ state: 'pass', why: 'Greets by name: “Bob”, who wrote their latest message', evidence: [{ text: 'Bob', start: 3 }] });
    expect(other('Hi Sam and Bob,', copied).state).toBe('pass');
    expect(other('Hi Dana,', copied).why).toBe('Greets “Dana”, but this is Sam Rivera: open with “Hi Sam,”');
    expect(other('Hi Bob, thanks.').why).toBe('Greets “Bob”, but this is Sam Rivera: open with “Hi Sam,”');
    const hostile = evaluateReply({ draft: 'Hi,', customerMessages: ['x'], customer: { name: '<img src=x onerror=alert(1)>' }, standards: DEFAULT_PACK, now: NOW });
    expect(stateOf(hostile, 'greets-by-name')!.state).toBe('na');
  });

  // Seen on FreeScout: a one-line "Have a great day!" in a 22-turn chat failed "Greets by name".
  it('asks for no new greeting in a back-and-forth under way, and still checks one that is written', () => {
    const MIN = 60_000;
    const at = (answeredIn: number, ago: number) => ({ lastReplyAt: NOW - ago * MIN, receivedAt: NOW - ago * MIN + answeredIn * MIN });
    const greet = (draft: string, more: Partial<EvaluateInput>) => stateOf(run(draft, more), 'greets-by-name')!;
    expect(greet('Have a great day!', at(2, 10))).toMatchObject({ state: 'na', why: 'Mid-conversation: they answered your last reply within 2 minutes — no new greeting needed' });
    expect(greet('Great, done.', at(0.2, 5)).why).toMatch(/within 1 minute —/);
    // A greeting still counts, and a wrong or misspelled one is still wrong.
    expect(greet('Hi Dana, done.', at(2, 10)).state).toBe('pass');
    expect(greet('Hi Sam, done.', at(2, 10)).state).toBe('fail');
    expect(greet('Hi there, done.', at(2, 10)).state).toBe('fail');
    // They took longer than half an hour to answer, or our reply is hours old: a new letter, a new greeting.
    expect(greet('Have a great day!', at(45, 60)).state).toBe('fail');
    expect(greet('Have a great day!', at(2, 180)).state).toBe('fail');
    // Without either time nothing is assumed.
    expect(greet('Have a great day!', { receivedAt: NOW - 5 * MIN }).state).toBe('fail');
  });

  it('tells an apology from an acknowledgement, and is not fooled by negation', () => {
    const sorry = stateOf(run('Hi Dana, we apologize for any inconvenience.'), 'acknowledges-feelings')!;
    expect(sorry.state).toBe('fail');
    expect(sorry.why).toMatch(/^Apologises without acknowledging: “we apologize for any inconvenience” — say what they went through \(they wrote “THIRD time”/);
    expect(stateOf(run("Hi Dana, I don't understand why you're upset."), 'acknowledges-feelings')!.state).toBe('fail');
    const calm = evaluateReply({ draft: 'Hi Ben', customerMessages: ["Not a big deal and I'm not upset at all, but export does nothing in Firefox."], customer: { name: 'Ben' }, standards: DEFAULT_PACK, now: NOW });
    expect(stateOf(calm, 'acknowledges-feelings')!.state).toBe('na');
  });

  it('maps questions, including those without a question mark, and ticks the answered ones', () => {
    const msg = 'We move next month. How do I transfer the licences? I need to know whether our invoice history comes with it. Also please tell me if the price is per seat';
    const r = evaluateReply({ draft: 'Hi José, licences transfer under Settings. Pricing is per seat.', customerMessages: [msg], customer: { name: 'José' }, standards: DEFAULT_PACK, now: NOW });
    expect(r.questions.map((q) => [q.text, q.answered])).toEqual([
      ['How do I transfer the licences?', true],
      ['I need to know whether our invoice history comes with it.', false],
      ['Also please tell me if the price is per seat', true],
    ]);
    expect(msg.slice(r.questions[1]!.start, r.questions[1]!.end)).toBe(r.questions[1]!.text);
    expect(stateOf(r, 'answers-questions')!.why).toBe('1 of 3 not addressed: “I need to know whether our invoice history comes with it.”');
  });

  it('flags disrespect, boilerplate, hedges and placeholders by their words', () => {
    const r = run('Hi Dana, as I said, we apologize for any inconvenience. I think maybe it is fixed. Regards, {{agent.name}} and YOU should have READ it');
    expect(stateOf(r, 'respectful-language')!.evidence.map((e) => e.text)).toEqual(['as I said', 'YOU should have', 'YOU', 'READ']);
    expect(stateOf(r, 'sincere-wording')!.why).toBe('Reads as boilerplate: “we apologize for any inconvenience”');
    expect(stateOf(r, 'confident-wording')!.why).toBe('Hedges undermine the answer: “I think”, “maybe”');
    expect(stateOf(r, 'placeholders')!.why).toBe('Unfilled placeholder: “{{agent.name}}”');
  });

  it('counts response time against the target for the channel and priority', () => {
    expect(stateOf(run('Hi', { receivedAt: NOW - 25 * 60_000 }), 'response-time')).toMatchObject({ state: 'pass', why: '3 h 35 min left of the 4 h target' });
    const chat = run('Hi', { receivedAt: NOW - 20 * 60_000, channel: 'chat' });
    expect(stateOf(chat, 'response-time')).toMatchObject({ state: 'fail', why: 'Target breached: customer waiting 20 min (target 5 min)' });
    expect(chat.responseClock).toEqual({ receivedAt: NOW - 20 * 60_000, targetMs: 5 * 60_000, deadline: NOW - 15 * 60_000 });
    expect(stateOf(run('Hi'), 'response-time')!.state).toBe('na');
  });

  it('checks open promises only when there are some', () => {
    expect(stateOf(run('Hi Dana'), 'follow-through')!.state).toBe('na');
    const promises = [{ text: 'send the corrected invoice by Friday' }];
    expect(stateOf(run('Hi Dana, thanks!', { openPromises: promises }), 'follow-through')!.state).toBe('fail');
    expect(stateOf(run('Hi Dana, the corrected invoice is attached.', { openPromises: promises }), 'follow-through')!.state).toBe('pass');
  });

  it('follows the pack: rules off, banned phrases, sign-off, KB domains, weights', () => {
    const pack: StandardsPack = {
      ...DEFAULT_PACK,
      rules: { ...DEFAULT_PACK.rules, 'confident-wording': { on: false, weight: 1, critical: false } },
      bannedPhrases: ['no worries'],
      signOff: 'The Lumen team',
      kbDomains: ['help.lumen.example'],
    };
    const r = evaluateReply({
      draft: 'Hi Priya, no worries! I think it is under Export: https://help.example.com/export. Thanks!',
      customerMessages: ['How do I export to CSV?'],
      customer: { name: 'Priya Raman' },
      standards: pack,
      now: NOW,
    });
    expect(r.results.map((x) => x.rule)).not.toContain('confident-wording');
    expect(stateOf(r as never, 'respectful-language')!.why).toBe('Reads as blaming or condescending: “no worries”');
    expect(stateOf(r as never, 'closing')!.why).toBe('Missing the team\'s sign-off “The Lumen team”');
    expect(stateOf(r as never, 'knowledge-link')!.why).toBe('“https://help.example.com/export” is not on the team\'s knowledge base (help.lumen.example)');
    expect(r.readiness).toBeGreaterThanOrEqual(0);
    expect(r.readiness).toBeLessThan(1);
  });
});

describe('critical only when sure (acknowledges feelings)', () => {
  const input = (customer: string): EvaluateInput => ({ draft: 'Hi Robin, I have refunded the March charge.', customerMessages: [customer], customer: { name: 'Robin' }, standards: DEFAULT_PACK, now: 0 });
  it('holds the reply for a customer the model is sure is upset, and does not count a lukewarm reading against it', () => {
    const sure = evaluateReply(input('This is the THIRD time I write. I was charged twice for March and NOBODY answers.'));
    const ack = (e: ReturnType<typeof evaluateReply>) => e.results.find((r) => r.rule === 'acknowledges-feelings')!;
    expect(ack(sure).state).toBe('fail');
    expect(ack(sure).why).toMatch(/^The customer sounds upset/);
    expect(failingCritical(sure, DEFAULT_PACK).map((r) => r.rule)).toContain('acknowledges-feelings');
    // "charged again … although I cancelled" reads upset at about 0.5: the mood line says "may be upset",
    // but the item does not fail — such readings were right about half the time on real sent replies.
    // (Told without the "again" it is a calm report of a wrong charge, GUIDELINE §4 and the upset
    // consistency pass of 6 Dec: not upset at all.)
    const lukewarm = evaluateReply(input('I was charged again for March although I cancelled in February. Can you check?'));
    expect(lukewarm.mood.label).toBe('upset');
    expect(lukewarm.mood.sure).toBe(false);
    expect(ack(lukewarm).state).toBe('na');
    expect(ack(lukewarm).why).toMatch(/^They may be upset \(.+\): not counted/);
    expect(failingCritical(lukewarm, DEFAULT_PACK).map((r) => r.rule)).not.toContain('acknowledges-feelings');
  });
});

describe('a skipped question is said, not held for, unless the team makes it a must-have', () => {
  // On real sent replies the "not addressed" reading was right about one time in five (dev 1 / 6,
  // test 8 / 40): worth showing with its question, not worth "Not ready" or a held Send by default.
  const input = (standards: typeof DEFAULT_PACK): EvaluateInput => ({ draft: 'Hi Robin, thanks for writing in.', customerMessages: ['Which plan includes SSO?'], customer: { name: 'Robin' }, standards, now: 0 });
  it('fails answers-questions without making it critical in the default pack', () => {
    const e = evaluateReply(input(DEFAULT_PACK));
    expect(e.results.find((r) => r.rule === 'answers-questions')!.state).toBe('fail');
    expect(failingCritical(e, DEFAULT_PACK).map((r) => r.rule)).not.toContain('answers-questions');
  });
  it('holds it when the pack makes it critical', () => {
    const strict = { ...DEFAULT_PACK, rules: { ...DEFAULT_PACK.rules, 'answers-questions': { on: true, weight: 3, critical: true } } };
    expect(failingCritical(evaluateReply(input(strict)), strict).map((r) => r.rule)).toContain('answers-questions');
  });
});

describe('bounded work on pathological text (issue #15)', () => {
  // scripts/bench-bounds.ts measures these against 50 ms; here a wide margin for slow CI machines still
  // catches a quadratic regex (a "[^.!?]*\?" scan of a 20,000-character draft without "?" took ~380 ms).
  const cases: [string, string, string][] = [
    ['emoji', '😡🔥 why?? '.repeat(2500), '🙏 sorry '.repeat(2000)],
    ['one long line of words', 'refund please now '.repeat(1100), 'We will refund it today '.repeat(800)],
  ];
  for (const [name, message, draft] of cases) {
    it(`stays fast on ${name}`, () => {
      const run = (d: string) => {
        const t0 = performance.now();
        evaluateReply({ draft: d, customerMessages: [message], customer: { name: 'Dana' }, standards: DEFAULT_PACK, now: 0 });
        return performance.now() - t0;
      };
      run(draft);
      const times = [1, 2, 3].map((i) => run(`${draft}${'z'.repeat(i)}`)).sort((a, b) => a - b);
      expect(times[1]).toBeLessThan(150);
    });
  }
});

describe('whitespace as real mail and editors write it (a fresh dev set, read on FreeScout)', () => {
  it('finds a sentence with two spaces, a tab or a no-break space in it', () => {
    const text = 'Hello,  I have made a payment. Second\u00a0sentence here.\tThird one.';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['Hello,  I have made a payment.', 'Second\u00a0sentence here.', 'Third one.']);
  });
  it('reads the same report with one space or two after a comma', () => {
    const states = (message: string) => evaluateReply({ draft: 'This was resolved via email', customerMessages: [message], customer: { name: 'Luca Rossi' }, standards: DEFAULT_PACK, now: Date.now() }).questions.length;
    const one = "Hello, I have made a payment but I didn't receive any license key, and my card is set for recurring payment";
    expect(states(one)).toBe(1);
    expect(states(one.replace('Hello, ', 'Hello,  '))).toBe(1);
    expect(states(one.replace('Hello, ', 'Hello,\u00a0'))).toBe(1);
  });
});
