/** Follow-through: when a promise to this customer is still open, the reply takes it up. */
import { fail, na, pass, type Rule } from './types';
import { keywords, quote, words, stem } from './text';

export const followThrough: Rule = {
  id: 'follow-through',
  standard: 'follow-through',
  label: 'Keeps our promises',
  reads: 'draft',
  check({ draft, openPromises }) {
    if (!openPromises?.length) return na('No open promise to this customer');
    const said = keywords(draft);
    const missed = openPromises.filter((p) => {
      const promised = [...keywords(p.text)];
      const shared = promised.filter((k) => said.has(k)).length;
      return shared < Math.min(2, promised.length);
    });
    if (missed.length) return fail(`Open promise not addressed: ${quote(missed[0]!.text)}`);
    const first = openPromises[0]!;
    const promised = keywords(first.text);
    const evidence = words(draft).filter((w) => promised.has(stem(w.lower))).slice(0, 4).map(({ start, end, text }) => ({ start, end, text }));
    return pass(`Takes up the promise ${quote(first.text)}`, evidence);
  },
};
