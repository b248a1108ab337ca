import { evaluateLine } from '../../../lib/standards/cli';

describe('evaluate CLI line handler', () => {
  it('evaluates a line into results, questions and mood', () => {
    const out = evaluateLine(JSON.stringify({ id: 'a1', draft: 'Hi Sam, done today. Thanks!', customerMessage: 'Can you reset my password?', customer: { name: 'Sam Rivera' }, now: '2026-11-25T10:00:00Z', receivedAt: '2026-11-25T09:00:00Z' }), 1);
    expect(out && 'results' in out).toBe(true);
    if (!out || !('results' in out)) return;
    expect(out.id).toBe('a1');
    expect(out.results.find((r) => r.rule === 'greets-by-name')).toEqual({ rule: 'greets-by-name', state: 'pass', why: 'Greets by name: “Hi Sam,”', evidence: [{ start: 3, end: 6, text: 'Sam' }] });
    expect(out.results.find((r) => r.rule === 'response-time')?.why).toBe('3 h left of the 4 h target');
    // Each question now names the words and parse that made it one; the mood gives its reasons.
    // "done today" says the reset is handled: addressed by issue #12's definition (it was `false` while only shared words counted).
    expect(out.questions).toEqual([{ text: 'Can you reset my password?', start: 0, end: 26, answered: true, because: expect.arrayContaining(['question-mark']) }]);
    // `sure`: whether an upset reading may make an item critical (false for a calm customer).
    expect(Object.keys(out.mood)).toEqual(['label', 'score', 'evidence', 'reasons', 'sure']);
    expect(out.mood.sure).toBe(false);
  });

  it('answers malformed lines with { id, error } and skips blank ones', () => {
    expect(evaluateLine('not json', 3)).toMatchObject({ id: null, error: expect.stringMatching(/^line 3: not valid JSON/) });
    expect(evaluateLine('[1,2]', 4)).toEqual({ id: null, error: 'line 4: expected a JSON object' });
    expect(evaluateLine('{"id":"x","draft":5,"customerMessage":"hi"}', 5)).toEqual({ id: 'x', error: 'line 5: draft must be text' });
    expect(evaluateLine('{"id":7,"draft":"hi"}', 6)).toEqual({ id: 7, error: 'line 6: needs "customerMessage" or "customerMessages"' });
    expect(evaluateLine('{"id":8,"draft":"hi","customerMessage":"x","now":"yesterday"}', 7)).toMatchObject({ id: 8, error: expect.stringContaining('now') });
    expect(evaluateLine('   ', 8)).toBeUndefined();
  });
});
