#!/usr/bin/env python3
"""Extract exchanges from ABCD dialogues (ASAPP, MIT licence).

    python3 scripts/judgement/abcd-extract.py abcd_sample.json [SAMPLE_abcd_v1.1_processed.jsonl]

Inputs (see data/judgement/abcd/SOURCE.md for commits):
1. data/abcd_sample.json of asappresearch/abcd: the three sample dialogues, with ids.
2. optionally datasets/SAMPLE_abcd_v1.1_processed.jsonl of JaxkDev-UoL/CMP3753-Project-ABCD: a
   one-line-per-dialogue reformat of the first ABCD dialogues ([{user, assistant}, ...], the
   agent's tool actions as <<name>> tokens). Only ABCD's own utterances are kept; the tokens are
   dropped. Dialogues already in (1) are skipped. These dialogues carry no ABCD id, so they get
   abcd-jx<line number>.

One exchange per customer message: consecutive customer turns (one per line) form `customer`,
the agent's following consecutive turns (one per line, tool actions left out) form `reply`, and
every earlier turn goes to `thread` as "Customer: …" / "Agent: …". A customer message with no
agent words after it (the conversation's end) is not an exchange.
"""
import json, re, sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / 'data' / 'judgement' / 'abcd' / 'raw.jsonl'

def blocks_of(turns):
    """[(who, text)] -> [(who, [texts])], consecutive turns of one speaker merged."""
    blocks = []
    for who, text in turns:
        text = text.strip()
        if not text:
            continue
        if blocks and blocks[-1][0] == who:
            blocks[-1][1].append(text)
        else:
            blocks.append((who, [text]))
    return blocks

def exchanges(blocks):
    thread = []
    for i, (who, texts) in enumerate(blocks):
        if who == 'customer' and i + 1 < len(blocks):
            yield thread[:], '\n'.join(texts), '\n'.join(blocks[i + 1][1])
        thread += [f'{"Customer" if who == "customer" else "Agent"}: {t}' for t in texts]

def official(path):
    for convo in json.load(open(path, encoding='utf-8')):
        turns = [(w, t) for w, t in convo['original'] if w in ('customer', 'agent')]
        yield f'abcd-{convo["convo_id"]}', blocks_of(turns)

def reformatted(path, known_openings):
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        turns = []
        for pair in json.loads(line):
            turns += [('customer', t) for t in pair['user'].split('\n')]
            spoken = re.sub(r'<<[a-z_]+>>', '', pair['assistant'])
            turns += [('agent', t) for t in spoken.split('\n')]
        blocks = blocks_of(turns)
        if blocks and blocks[0][0] == 'customer' and blocks[0][1][0] in known_openings:
            continue
        yield f'abcd-jx{n:02d}', blocks

def main(official_path, extra_path=None):
    dialogues = list(official(official_path))
    openings = {t for _, blocks in dialogues for who, texts in blocks[:2] if who == 'customer' for t in texts[:1]}
    if extra_path:
        dialogues += list(reformatted(extra_path, openings))
    n = 0
    with open(OUT, 'w', encoding='utf-8') as out:
        for conv, blocks in dialogues:
            for k, (thread, customer, reply) in enumerate(exchanges(blocks), 1):
                out.write(json.dumps({'id': f'{conv}-e{k}', 'source': 'abcd', 'conversation': conv, 'thread': thread,
                                      'customer': customer, 'reply': reply}, ensure_ascii=False) + '\n')
                n += 1
    print(f'{len(dialogues)} dialogues, {n} exchanges -> {OUT}')

if __name__ == '__main__':
    main(*sys.argv[1:3])
