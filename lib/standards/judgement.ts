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

/**
 * Where the reply addresses one of its asks (data/judgement/<source>/addressing.jsonl, GUIDELINE §2b):
 * the reply's ranges that would have to go for the ask to be skipped. A draft without them is a real
 * reply that skips the ask, which sent replies (addressed 9 times in 10) rarely show.
 */
const Addressing = v.object({
  ask: v.pipe(v.number(), v.integer(), v.minValue(0)),
  spans: v.array(v.tuple([v.pipe(v.number(), v.integer(), v.minValue(0)), v.pipe(v.number(), v.integer(), v.minValue(0))])),
});

/** One line of addressing.jsonl: the ranges of one ask, named by its row, index and text. */
export const AddressingLineSchema = v.object({ id: v.string(), text: v.string(), ...Addressing.entries });

/** The first thing a schema found wrong, with where ("labels.asks.0.end Invalid type…"). */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.');
  return `${path ? `${path} ` : ''}${issue?.message ?? 'invalid'}`;
}

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
  addressing: v.optional(v.array(Addressing)),
});

export type Exchange = v.InferOutput<typeof ExchangeSchema>;

/** One line of a JSON Lines text, parsed and checked against a schema: its value, or what is wrong with it ("name line N: …"). */
export type JsonLine<T> = { line: number } & ({ value: T; problem?: undefined } | { value?: undefined; problem: string });

/** Every non-empty line of `jsonl`, parsed and checked against `schema`, in order. */
export function jsonLines<T>(jsonl: string, name: string, schema: v.GenericSchema<unknown, T>): JsonLine<T>[] {
  return jsonl.split('\n').flatMap((line, i): JsonLine<T>[] => {
    if (!line.trim()) return [];
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      return [{ line: i + 1, problem: `${name} line ${i + 1}: not valid JSON (${(error as Error).message})` }];
    }
    const parsed = v.safeParse(schema, raw);
    return [parsed.success ? { line: i + 1, value: parsed.output } : { line: i + 1, problem: `${name} line ${i + 1}: ${firstIssue(parsed.issues)}` }];
  });
}

/** Parses JSONL; a bad line is reported with its number and skipped. */
export function readExchanges(jsonl: string, name = 'input'): { rows: Exchange[]; problems: string[] } {
  const rows: Exchange[] = [];
  const problems: string[] = [];
  for (const { line, value: row, problem } of jsonLines(jsonl, name, ExchangeSchema)) {
    if (problem !== undefined) {
      problems.push(problem);
      continue;
    }
    const bad = row.labels.asks.find((a) => row.customer.slice(a.start, a.end) !== a.text);
    const wrong = bad ? `ask "${bad.text.slice(0, 40)}" is not customer[${bad.start}..${bad.end}]` : addressingProblem(row);
    if (wrong) problems.push(`${name} line ${line}: ${wrong}`);
    else rows.push(row);
  }
  return { rows, problems };
}

/** Characters two ranges share. */
export const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/** A found span stands for a labelled ask when they share at least half of the shorter one. */
export const sameAsk = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  overlap(a, b) > 0 && overlap(a, b) * 2 >= Math.min(a.end - a.start, b.end - b.start);

/**
 * Found asks paired with labelled ones, one to one: each pair is `sameAsk`, and as many labelled asks
 * as possible are paired (augmenting paths, larger overlaps tried first). One found span that runs two
 * labelled asks together stands for one of them, not both: the checklist would list one item where
 * the reply has two things to do. Returns, per labelled ask, the index of its found ask or -1.
 */
export function matchAsks(labelled: readonly { start: number; end: number }[], found: readonly { start: number; end: number }[]): number[] {
  const candidates = labelled.map((g) => found.map((_, j) => j).filter((j) => sameAsk(found[j]!, g)).sort((x, y) => overlap(found[y]!, g) - overlap(found[x]!, g)));
  const owner = found.map(() => -1);
  const claim = (i: number, seen: Set<number>): boolean =>
    candidates[i]!.some((j) => {
      if (seen.has(j)) return false;
      seen.add(j);
      if (owner[j]! >= 0 && !claim(owner[j]!, seen)) return false;
      owner[j] = i;
      return true;
    });
  labelled.forEach((_, i) => claim(i, new Set()));
  const mine = labelled.map(() => -1);
  owner.forEach((i, j) => { if (i >= 0) mine[i] = j; });
  return mine;
}

/** What is wrong with a row's addressing ranges, if anything: each names an addressed ask and lies inside the reply. */
export function addressingProblem(row: Pick<Exchange, 'reply' | 'labels' | 'addressing'>): string | undefined {
  for (const a of row.addressing ?? []) {
    if (row.labels.asks[a.ask]?.addressed !== true) return `addressing names ask ${a.ask}, which is not an addressed ask`;
    const outside = a.spans.find(([s, e]) => s >= e || e > (row.reply?.length ?? 0));
    if (outside) return `addressing range ${outside[0]}..${outside[1]} is not inside the reply`;
  }
  return undefined;
}

/** A draft that skips one ask: the reply without the ranges that address it. */
export interface SkippingDraft {
  ask: Exchange['labels']['asks'][number];
  /** The other labelled asks, as the addressed model reads each ask beside them. */
  others: string[];
  draft: string;
}

/**
 * The drafts a row's addressing ranges make: for each mapped ask, its reply with those ranges (and
 * the spaces after them) cut out. None where nothing with a letter would be left.
 */
export function skippingDrafts(row: Pick<Exchange, 'reply' | 'labels' | 'addressing'>): SkippingDraft[] {
  const reply = row.reply ?? '';
  return (row.addressing ?? []).flatMap(({ ask, spans }) => {
    const target = row.labels.asks[ask];
    if (!target || !spans.length) return [];
    let draft = '';
    let at = 0;
    for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
      if (end <= at) continue; // inside a range already cut
      draft += reply.slice(at, Math.max(at, start));
      at = end + (/^[ \t]*(?:\r?\n)?/.exec(reply.slice(end))?.[0].length ?? 0);
    }
    draft += reply.slice(at);
    const others = row.labels.asks.filter((o) => o !== target && typeof o.addressed === 'boolean').map((o) => o.text);
    return /\p{L}/u.test(draft) ? [{ ask: target, others, draft: draft.trim() }] : [];
  });
}
