/** Reading the labelled judgement data with its fixed splits (training and evaluation scripts). */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AddressingLineSchema, addressingProblem, jsonLines, readExchanges, type Exchange } from '../../lib/standards/judgement';
import { findQuestions } from '../../lib/standards/text';
import { stepPhrases } from '../../lib/standards/step-phrases';
import { examplesOf, type Example, type Task } from '../../lib/standards/train-core';

export const DATA = join(new URL('../..', import.meta.url).pathname, 'data/judgement');

export type Split = 'train' | 'dev' | 'test';

/** Every labelled exchange with its split (by conversation, from the source's split.json). */
export function loadSplits(dataDir = DATA): Record<Split, Exchange[]> {
  const out: Record<Split, Exchange[]> = { train: [], dev: [], test: [] };
  for (const source of readdirSync(dataDir).sort()) {
    const file = join(dataDir, source, 'labelled.jsonl');
    const splitFile = join(dataDir, source, 'split.json');
    if (!existsSync(file) || !existsSync(splitFile)) continue;
    const split = JSON.parse(readFileSync(splitFile, 'utf8')) as Record<Split, string[]>;
    const where = new Map<string, Split>();
    for (const s of ['train', 'dev', 'test'] as const) for (const c of split[s] ?? []) where.set(c, s);
    const { rows, problems } = readExchanges(readFileSync(file, 'utf8'), `${source}/labelled.jsonl`);
    for (const p of problems) process.stderr.write(`skipped: ${p}\n`);
    withAddressing(rows, join(dataDir, source, 'addressing.jsonl'));
    for (const row of rows) {
      const s = where.get(row.conversation ?? row.id);
      if (s) out[s].push(row);
      else process.stderr.write(`skipped: ${row.id} is in no split\n`);
    }
  }
  for (const s of ['train', 'dev', 'test'] as const) out[s].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out;
}

/**
 * Puts a source's addressing ranges (addressing.jsonl, GUIDELINE §2b) on its rows. A line that is
 * not valid JSON, breaks the schema, names no row or another ask's text, or has a range outside the
 * reply is an error: the file is ours, so it stops — before any row is changed.
 */
export function withAddressing(rows: Exchange[], file: string): void {
  if (!existsSync(file)) return;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const found = new Map<Exchange, NonNullable<Exchange['addressing']>>();
  for (const { line, value: a, problem } of jsonLines(readFileSync(file, 'utf8'), file, AddressingLineSchema)) {
    if (problem !== undefined) throw new Error(problem);
    const where = `${file} line ${line}`;
    const row = byId.get(a.id);
    if (!row || row.labels.asks[a.ask]?.text !== a.text) throw new Error(`${where}: no row ${a.id} with ask ${a.ask} "${a.text.slice(0, 40)}"`);
    const addressing = [...(found.get(row) ?? row.addressing ?? []), { ask: a.ask, spans: a.spans }];
    const wrong = addressingProblem({ ...row, addressing });
    if (wrong) throw new Error(`${where}: ${wrong}`);
    found.set(row, addressing);
  }
  for (const [row, addressing] of found) row.addressing = addressing;
}

/**
 * How a source may be trained on: `<source>/use.json` {"tasks": [...], "weight": w}. Without the
 * file a source trains every task at weight 1. An off-domain source limits itself (GoEmotions:
 * upset only, since its rows say nothing about asks or replies; `"tasks": []` keeps it out of
 * training altogether). `--use SOURCE=task,task@weight` on the command line overrides the file
 * (for dev experiments).
 */
export interface SourceUse {
  tasks: string[] | null;
  weight: number;
}

export function sourceUses(dataDir = DATA, argv = process.argv): Map<string, SourceUse> {
  const out = new Map<string, SourceUse>();
  for (const source of readdirSync(dataDir).sort()) {
    const file = join(dataDir, source, 'use.json');
    if (!existsSync(file)) continue;
    const use = JSON.parse(readFileSync(file, 'utf8')) as Partial<SourceUse>;
    out.set(source, { tasks: use.tasks ?? null, weight: use.weight ?? 1 });
  }
  argv.forEach((arg, i) => {
    if (arg !== '--use') return;
    const m = /^([\w-]+)=([\w,-]*)(?:@([\d.]+))?$/.exec(argv[i + 1] ?? '');
    if (!m) throw new Error(`--use SOURCE=task,task@weight, not ${argv[i + 1]}`);
    out.set(m[1]!, { tasks: m[2] ? m[2].split(',') : [], weight: m[3] ? Number(m[3]) : 1 });
  });
  return out;
}

/**
 * The examples `task` trains on from `rows`: a source's use.json may leave the task out or weigh it;
 * the project corpus's asks (`skipAsks`) are phrase-list guesses, so they do not train the ask model.
 */
export function trainingExamples(task: Task, rows: readonly Exchange[], uses: Map<string, SourceUse>, skipAsks: ReadonlySet<string>): Example[] {
  return rows.flatMap((r) => {
    const use = uses.get(r.source);
    if ((task === 'ask' && skipAsks.has(r.id)) || (use?.tasks && !use.tasks.includes(task))) return [];
    const examples = examplesOf(r, task);
    return use && use.weight !== 1 ? examples.map((e) => ({ ...e, w: use.weight })) : examples;
  });
}

interface CorpusRow {
  id: string;
  customerMessages: string[];
  draft: string;
  expected: Record<string, 'pass' | 'fail' | 'na' | undefined>;
}

/**
 * The project's own labelled replies (test/corpus/*.jsonl, written for the checklist rules) as
 * extra training exchanges, with the labels their rule states imply: acknowledges-feelings `na`
 * means calm, pass/fail upset; next-step pass is a step, fail without any step phrase is none (a
 * fail for a missing when says nothing about the step); asks are the phrase lists' questions,
 * addressed when answers-questions passed (or the one question when it failed). Train only: they
 * are the rules' regression sets, never a figure of real text.
 */
export function projectCorpora(): Exchange[] {
  const root = join(new URL('../..', import.meta.url).pathname, 'test/corpus');
  return ['replies.jsonl', 'holdout.jsonl', 'holdout-2.jsonl'].flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as CorpusRow)
      .map((row) => corpusExchange(row, file)),
  );
}

function corpusExchange(row: CorpusRow, file: string): Exchange {
  const customer = row.customerMessages.join('\n\n');
  const ack = row.expected['acknowledges-feelings'];
  const step = row.expected['next-step'];
  const answers = row.expected['answers-questions'];
  const found = findQuestions(customer).filter((q) => !q.implicit);
  const addressed = (n: number) => (answers === 'pass' ? true : answers === 'fail' && n === 1 ? false : null);
  const phrases = stepPhrases(row.draft);
  return {
    id: `corpus-${file}-${row.id}`,
    source: 'project-corpus',
    conversation: `corpus-${file}-${row.id}`,
    thread: [],
    customer,
    reply: row.draft,
    labels: {
      upset: ack ? ack !== 'na' : null,
      asks: found.map((q) => ({ text: q.text, start: q.start, end: q.end, addressed: addressed(found.length) })),
      nextStep: step === 'pass' ? true : step === 'fail' && !phrases.done && !phrases.later ? false : null,
      when: null,
      acknowledgesFeelings: ack === 'pass' ? true : ack === 'fail' ? false : null,
      respectful: null,
    },
  };
}

export interface RepeatLabel {
  id: string;
  repeat: boolean;
  times?: number;
  words: string;
  notes: string;
}

/** A label sheet: `ID | REPEAT | TIMES | WORDS | NOTES`, one row per line, `#` comments. */
export function readRepeatLabels(text: string, name: string): RepeatLabel[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const [id, repeat, times, words, ...notes] = line.split('|').map((s) => s.trim());
    if (!id || (repeat !== '0' && repeat !== '1') || (times && !/^\d+$/.test(times))) throw new Error(`${name} line ${i + 1}: not "ID | 0/1 | count | words | notes": ${line}`);
    return [{ id, repeat: repeat === '1', ...(times ? { times: Number(times) } : {}), words: words ?? '', notes: notes.join('|') }];
  });
}

export interface PromiseLabel {
  id: string;
  /** The time words of each promise with a time (GUIDELINE §8), in reply order. */
  whens: string[];
  notes: string;
}

/** A promise sheet: `ID | N | WHEN ;; WHEN | NOTES`, one row per line, `#` comments. */
export function readPromiseLabels(text: string, name: string): PromiseLabel[] {
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const [id, n, whens, ...notes] = line.split('|').map((s) => s.trim());
    const list = (whens ?? '').split(';;').map((w) => w.trim()).filter(Boolean);
    if (!id || !/^\d+$/.test(n ?? '') || Number(n) !== list.length) throw new Error(`${name} line ${i + 1}: not "ID | N | WHEN ;; WHEN | notes" with N time words: ${line}`);
    return [{ id, whens: list, notes: notes.join('|') }];
  });
}
