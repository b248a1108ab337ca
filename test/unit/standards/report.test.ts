import { describe, expect, it } from 'vitest';
import { matchAsks } from '../../../lib/standards/judgement';
import { askCounts, countExchange, figures, formatReport, warningsOf, warningTotals, type ExchangeCounts } from '../../../lib/standards/report';
import { readExchanges, skippingDrafts } from '../../../lib/standards/judgement';
import { trainLogistic } from '../../../lib/standards/train-core';
import { score } from '../../../lib/standards/model';

const c = (tp: number, fp: number, fn: number, tn: number) => ({ tp, fp, fn, tn });

describe('figures', () => {
  it('computes precision, recall, F1 and accuracy from summed counts', () => {
    const rows: ExchangeCounts[] = [{ upset: c(1, 0, 0, 0) }, { upset: c(0, 1, 0, 0) }, { upset: c(0, 0, 1, 0) }, { upset: c(0, 0, 0, 1) }];
    const [upset] = figures(rows);
    expect(upset).toMatchObject({ item: 'upset', exchanges: 4, items: 4 });
    expect(upset!.precision.value).toBe(0.5);
    expect(upset!.recall.value).toBe(0.5);
    expect(upset!.f1.value).toBe(0.5);
    expect(upset!.accuracy.value).toBe(0.5);
    expect(upset!.f1.low).toBeLessThan(0.5);
    expect(upset!.f1.high).toBeGreaterThan(0.5);
  });

  it('reads each figure against a constant answer: always yes (F1), always the commoner label (accuracy)', () => {
    // 9 addressed asks of 10, the rule right on 8: accuracy 0.8 is below answering "addressed" every time (0.9).
    const rows: ExchangeCounts[] = [...Array.from({ length: 8 }, () => ({ addressed: c(1, 0, 0, 0) })), { addressed: c(0, 0, 1, 0) }, { addressed: c(0, 1, 0, 0) }];
    const [addressed] = figures(rows);
    expect(addressed!.accuracy.value).toBe(0.8);
    expect(addressed!.baseline).toEqual({ alwaysYesF1: 0.947, majorityAccuracy: 0.9 });
    expect(formatReport('t', [addressed!])).toMatch(/0\.947 \/ 0\.900$/m);
    // Asks are spans found in the text: there is no constant answer to compare with.
    expect(figures([{ 'question/request': c(3, 1, 1, 0) }])[0]!.baseline).toBeUndefined();
  });

  it('gives a point interval when every exchange is right, and is reproducible', () => {
    const rows: ExchangeCounts[] = Array.from({ length: 20 }, (_, i) => ({ 'next step': i % 2 ? c(1, 0, 0, 0) : c(0, 0, 0, 1) }));
    const [step] = figures(rows);
    expect(step!.f1).toEqual({ value: 1, low: 1, high: 1 });
    expect(figures(rows)).toEqual(figures(rows));
    expect(formatReport('t', figures(rows))).toContain('next step');
  });
});

describe('asks matched by range', () => {
  it('counts a found ask as the labelled one when they share half of the shorter span, and each other as a miss or a phantom', () => {
    const labelled = [{ start: 0, end: 40 }, { start: 50, end: 60 }];
    // The first found ask covers 10 of its 12 characters inside the first label; the second shares 4 of 10 with the second label.
    expect(askCounts(labelled, [{ start: 30, end: 42 }, { start: 56, end: 66 }])).toEqual({ tp: 1, fp: 1, fn: 1, tn: 0 });
    expect(askCounts([], [])).toEqual({ tp: 0, fp: 0, fn: 0, tn: 0 });
  });

  it('pairs one to one: a found span running two labelled asks together stands for one of them', () => {
    // "Please cancel my subscription and refund the last payment" found whole, labelled as two asks:
    // the checklist would show one item where the reply has two things to do.
    const labelled = [{ start: 0, end: 40 }, { start: 50, end: 60 }];
    expect(askCounts(labelled, [{ start: 0, end: 60 }])).toEqual({ tp: 1, fp: 0, fn: 1, tn: 0 });
    // Two found spans inside one labelled ask: one stands for it, the other is a phantom.
    expect(askCounts([{ start: 0, end: 60 }], [{ start: 0, end: 30 }, { start: 31, end: 60 }])).toEqual({ tp: 1, fp: 1, fn: 0, tn: 0 });
  });

  it('finds the most pairs when the surest pairing would leave a labelled ask out', () => {
    // Found 0 overlaps both labels, most of all the first; found 1 fits only the first.
    const labelled = [{ start: 0, end: 20 }, { start: 20, end: 30 }];
    const found = [{ start: 0, end: 30 }, { start: 5, end: 15 }];
    expect(matchAsks(labelled, found)).toEqual([1, 0]);
    expect(askCounts(labelled, found)).toEqual({ tp: 2, fp: 0, fn: 0, tn: 0 });
  });
});

describe('warnings an agent sees', () => {
  const row = {
    id: 'w', source: 's', thread: [], customer: 'Where is my parcel? Also, can I change the address?', reply: 'It ships today.',
    labels: { upset: false, asks: [{ text: 'Where is my parcel?', start: 0, end: 19, addressed: true }, { text: 'Also, can I change the address?', start: 20, end: 51, addressed: false }], nextStep: true, respectful: true },
  };
  it('counts each warning right or wrong by the labels: an addressed or phantom ask, a step that was there', () => {
    const got = { upset: false, nextStep: false, when: null, acknowledgesFeelings: null, respectful: false, asks: [
      { start: 0, end: 19, text: 'Where is my parcel?', addressed: false },
      { start: 20, end: 51, text: 'Also, can I change the address?', addressed: false },
      { start: 0, end: 5, text: 'Where', addressed: true },
    ] };
    const w = warningsOf(row as never, got);
    expect(w).toEqual({ 'not addressed': { right: 1, wrong: 1 }, 'no next step': { right: 0, wrong: 1 }, 'not respectful': { right: 0, wrong: 1 } });
    // An ask the model is unsure of gives no "not addressed" warning (SURE_ASK).
    const unsure = { ...got, asks: got.asks.map((a) => ({ ...a, unsure: a.text === 'Where is my parcel?' })) };
    expect(warningsOf(row as never, unsure)['not addressed']).toEqual({ right: 1, wrong: 0 });
    expect(warningTotals([w, w])).toEqual([
      { warning: 'not addressed', right: 2, wrong: 2, shareRight: 0.5 },
      { warning: 'no next step', right: 0, wrong: 2, shareRight: 0 },
      { warning: 'not respectful', right: 0, wrong: 2, shareRight: 0 },
      { warning: 'feelings not acknowledged', right: 0, wrong: 0, shareRight: null },
    ]);
    // Upset and not acknowledged: a warning only when the reading is sure (a calm question is not, repeat
    // contact is), right only when the labels say both.
    const upsetRow = { ...row, labels: { ...row.labels, upset: true, acknowledgesFeelings: false } };
    const flagged = { ...got, upset: true, acknowledgesFeelings: false };
    expect(warningsOf(upsetRow as never, flagged)['feelings not acknowledged']).toBeUndefined();
    const repeated = { ...upsetRow, customer: 'This is the THIRD time I am writing about my parcel. Where is it?' };
    expect(warningsOf(repeated as never, flagged)['feelings not acknowledged']).toEqual({ right: 1, wrong: 0 });
    expect(warningsOf({ ...repeated, labels: { ...repeated.labels, upset: false } } as never, flagged)['feelings not acknowledged']).toEqual({ right: 0, wrong: 1 });
    expect(warningsOf({ ...row, reply: null } as never, got)).toEqual({});
  });
});

describe('labelled exchanges', () => {
  it('rejects an ask whose offsets do not match its text, with the line number', () => {
    const good = { id: 'a', customer: 'Where is it?', reply: 'Here.', labels: { upset: false, asks: [{ text: 'Where is it?', start: 0, end: 12, addressed: true }] } };
    const bad = { ...good, id: 'b', labels: { ...good.labels, asks: [{ text: 'Where', start: 1, end: 6 }] } };
    const { rows, problems } = readExchanges([JSON.stringify(good), JSON.stringify(bad), '{oops'].join('\n'));
    expect(rows.map((r) => r.id)).toEqual(['a']);
    expect(problems[0]).toMatch(/line 2: ask "Where" is not customer\[1\.\.6\]/);
    expect(problems[1]).toMatch(/line 3: not valid JSON/);
  });

  it('rejects addressing ranges that name no addressed ask, lie outside the reply or are not whole numbers', () => {
    const row = (addressing: unknown) => JSON.stringify({ ...twoAsks, addressing });
    const { rows, problems } = readExchanges(
      [row([{ ask: 0, spans: [[0, 17]] }]), row([{ ask: 2, spans: [[0, 5]] }]), row([{ ask: 1, spans: [[0, 5]] }]), row([{ ask: 0, spans: [[10, 400]] }]), row([{ ask: 0, spans: [[5, 2]] }]), row([{ ask: 0.5, spans: [] }]), row([{ ask: 0, spans: [[-1, 3]] }])].join('\n'),
    );
    expect(rows).toHaveLength(1);
    expect(problems.map((p) => p.replace(/^input line (\d+): .*/, '$1'))).toEqual(['2', '3', '4', '5', '6', '7']);
    expect(problems[0]).toMatch(/ask 2, which is not an addressed ask/);
    expect(problems[1]).toMatch(/ask 1, which is not an addressed ask/);
    expect(problems[2]).toMatch(/range 10\.\.400 is not inside the reply/);
  });
});

const twoAsks = {
  id: 'r1',
  customer: 'Where is my order? Also, can I change the delivery address?',
  reply: 'Hi Sam,\nYour order left today.\nThanks, Dana',
  labels: {
    asks: [
      { text: 'Where is my order?', start: 0, end: 18, addressed: true },
      { text: 'Also, can I change the delivery address?', start: 19, end: 59, addressed: false },
    ],
  },
};

describe('drafts that skip an ask (GUIDELINE §2b)', () => {
  it('cuts what addresses the ask out of the real reply, and counts the engine catching the skip', () => {
    const [row] = readExchanges(JSON.stringify({ ...twoAsks, addressing: [{ ask: 0, spans: [[8, 30]] }] })).rows;
    const drafts = skippingDrafts(row!);
    expect(drafts).toEqual([{ ask: twoAsks.labels.asks[0], others: ['Also, can I change the delivery address?'], draft: 'Hi Sam,\nThanks, Dana' }]);
    // A greeting and a sign-off address nothing: the skip is caught.
    expect(countExchange(row!)['skipped ask']).toEqual({ tp: 1, fp: 0, fn: 0, tn: 0 });
  });

  it('cuts overlapping ranges once, whatever their order', () => {
    const [row] = readExchanges(JSON.stringify({ ...twoAsks, addressing: [{ ask: 0, spans: [[12, 30], [8, 20], [14, 16]] }] })).rows;
    expect(skippingDrafts(row!).map((d) => d.draft)).toEqual(['Hi Sam,\nThanks, Dana']);
  });

  it('makes no draft where nothing with a letter would be left, and none without ranges', () => {
    const [row] = readExchanges(JSON.stringify({ ...twoAsks, reply: 'Left today.', addressing: [{ ask: 0, spans: [[0, 11]] }] })).rows;
    expect(skippingDrafts(row!)).toEqual([]);
    expect(skippingDrafts({ ...row!, addressing: undefined })).toEqual([]);
    expect(countExchange(row!)['skipped ask']).toBeUndefined();
  });
});

describe('training', () => {
  it('learns a separable word and gives the same weights twice', () => {
    const ex = (w: string, y: boolean) => ({ f: new Map([[`w:${w}`, 1], ['w:the', 1]]), y });
    const data = [ex('angry', true), ex('angry', true), ex('fine', false), ex('fine', false), ex('angry', true), ex('fine', false)];
    const model = trainLogistic('t', data, 0.1);
    expect(score(model, new Map([['w:angry', 1]])).yes).toBe(true);
    expect(score(model, new Map([['w:fine', 1]])).yes).toBe(false);
    expect(score(model, new Map([['w:angry', 1]])).strongest[0]!.feature).toBe('w:angry');
    expect(trainLogistic('t', data, 0.1)).toEqual(model);
  });

  it('scales each feature by how unevenly it falls between the classes (NBSVM), folded into the weights', () => {
    const ex = (words: string[], y: boolean) => ({ f: new Map(words.map((w) => [`w:${w}`, 1] as const)), y });
    const data = [ex(['angry', 'the', 'late'], true), ex(['angry', 'the', 'late'], true), ex(['angry', 'the'], true), ex(['fine', 'the', 'late'], false), ex(['fine', 'the'], false), ex(['fine', 'the'], false)];
    const plain = trainLogistic('t', data, 1);
    const scaled = trainLogistic('t', data, 1, { scaled: true });
    // "the" falls evenly: scaled, it weighs nothing; "late" leans a little, so it weighs less beside "angry".
    expect(scaled.weights['w:the']).toBeUndefined();
    const share = (m: typeof plain) => m.weights['w:late']! / m.weights['w:angry']!;
    expect(share(plain)).toBeGreaterThan(0);
    expect(share(scaled)).toBeGreaterThan(0);
    expect(share(scaled)).toBeLessThan(share(plain));
    expect(score(scaled, new Map([['w:angry', 1], ['w:the', 1]])).yes).toBe(true);
    expect(score(scaled, new Map([['w:fine', 1], ['w:late', 1]])).yes).toBe(false);
    expect(trainLogistic('t', data, 1, { scaled: true })).toEqual(scaled);
  });

  it('leaves out features seen in fewer examples than the floor', () => {
    const ex = (words: string[], y: boolean) => ({ f: new Map(words.map((w) => [`w:${w}`, 1] as const)), y });
    const data = [ex(['angry', 'rare'], true), ex(['angry'], true), ex(['fine'], false), ex(['fine'], false)];
    expect(Object.keys(trainLogistic('t', data, 0.1, { minCount: 2 }).weights).sort()).toEqual(['w:angry', 'w:fine']);
    expect(trainLogistic('t', data, 0.1, { minCount: 1 }).weights['w:rare']).toBeGreaterThan(0);
  });
});
