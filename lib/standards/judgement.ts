/**
 * Labelled judgement data (data/judgement/<source>/labelled.jsonl, format in
 * data/judgement/GUIDELINE.md): one customer message, the agent's reply and hand labels per line.
 * Read by the training script and `npm run evaluate -- --report`.
 */
import * as v from 'valibot';

const Ask = v.object({
  text: v.string(),
  start: v.number(),
  end: v.number(),
  addressed: v.optional(v.nullable(v.boolean())),
});

const flag = v.optional(v.nullable(v.boolean()));

export const ExchangeSchema = v.looseObject({
  id: v.string(),
  source: v.optional(v.string(), 'unknown'),
  conversation: v.optional(v.string()),
  thread: v.optional(v.array(v.string()), []),
  customer: v.string(),
  reply: v.optional(v.nullable(v.string()), null),
  labels: v.looseObject({
    upset: flag,
    asks: v.optional(v.array(Ask), []),
    nextStep: flag,
    when: flag,
    acknowledgesFeelings: flag,
    respectful: flag,
  }),
});

export type Exchange = v.InferOutput<typeof ExchangeSchema>;

/** Parses JSONL; a bad line is reported with its number and skipped. */
export function readExchanges(jsonl: string, name = 'input'): { rows: Exchange[]; problems: string[] } {
  const rows: Exchange[] = [];
  const problems: string[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      return void problems.push(`${name} line ${i + 1}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = v.safeParse(ExchangeSchema, raw);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const path = issue?.path?.map((p) => String(p.key)).join('.');
      return void problems.push(`${name} line ${i + 1}: ${path ? `${path} ` : ''}${issue?.message ?? 'invalid'}`);
    }
    const row = parsed.output;
    const bad = row.labels.asks.find((a) => row.customer.slice(a.start, a.end) !== a.text);
    if (bad) return void problems.push(`${name} line ${i + 1}: ask "${bad.text.slice(0, 40)}" is not customer[${bad.start}..${bad.end}]`);
    rows.push(row);
  });
  return { rows, problems };
}

/** Characters two ranges share. */
export const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** A found span stands for a labelled ask when they share at least half of the shorter one. */
export const sameAsk = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  overlap(a, b) > 0 && overlap(a, b) * 2 >= Math.min(a.end - a.start, b.end - b.start);
