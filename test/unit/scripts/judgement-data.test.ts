import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withAddressing } from '../../../scripts/lib/judgement-data';
import { readExchanges } from '../../../lib/standards/judgement';

const line = JSON.stringify({
  id: 'r1',
  customer: 'Where is my order?',
  reply: 'Hi Sam, your order left today.',
  labels: { asks: [{ text: 'Where is my order?', start: 0, end: 18, addressed: true }] },
});

function withFile(contents: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'addressing-')), 'addressing.jsonl');
  writeFileSync(file, contents);
  const { rows } = readExchanges(line);
  return { rows, load: () => withAddressing(rows, file) };
}

describe("a source's addressing ranges", () => {
  it('puts each line on its row', () => {
    const { rows, load } = withFile(`${JSON.stringify({ id: 'r1', ask: 0, text: 'Where is my order?', spans: [[8, 30]] })}\n`);
    load();
    expect(rows[0]!.addressing).toEqual([{ ask: 0, spans: [[8, 30]] }]);
  });

  it('stops at a line for no row, for another ask, or outside the reply (the file is ours: it must be right)', () => {
    const bad = [
      { id: 'nobody', ask: 0, text: 'Where is my order?', spans: [[0, 5]] },
      { id: 'r1', ask: 0, text: 'Something else?', spans: [[0, 5]] },
      { id: 'r1', ask: 0, text: 'Where is my order?', spans: [[0, 500]] },
    ];
    for (const b of bad) expect(withFile(JSON.stringify(b)).load, JSON.stringify(b)).toThrow(/addressing\.jsonl line 1/);
  });

  it('stops at a line that is no JSON or breaks the schema, and changes no row when any line is bad', () => {
    for (const text of ['{"id": "r1",', JSON.stringify({ id: 'r1', ask: 0, text: 'Where is my order?', spans: [[8.5, 30]] }), JSON.stringify({ id: 'r1', ask: '0', text: 'Where is my order?', spans: [] })])
      expect(withFile(text).load, text).toThrow(/addressing\.jsonl line 1: /);
    const good = JSON.stringify({ id: 'r1', ask: 0, text: 'Where is my order?', spans: [[8, 30]] });
    const { rows, load } = withFile(`${good}\n${JSON.stringify({ id: 'nobody', ask: 0, text: 'x', spans: [] })}\n`);
    expect(load).toThrow(/line 2/);
    expect(rows[0]!.addressing).toBeUndefined();
  });
});
