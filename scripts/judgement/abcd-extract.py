#!/usr/bin/env python3
"""Extract exchanges from the ABCD sample dialogues (ASAPP, MIT licence).

    git -C ABCD_CLONE show 6b8700ce67c6b37b062dd7a60abc76d7ef832a97:data/abcd_sample.json > abcd_sample.json
    python3 scripts/judgement/abcd-extract.py abcd_sample.json

One exchange per customer message: consecutive customer turns form `customer`, the agent's
following consecutive turns form `reply` (the agent's tool 'action' lines are left out), and
every earlier spoken turn goes to `thread` as "Customer: …" / "Agent: …". A customer message
with no agent turn after it (the conversation's end) is not an exchange.
"""
import json, sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / 'data' / 'judgement' / 'abcd' / 'raw.jsonl'

def exchanges(convo):
    turns = [(who, text.strip()) for who, text in convo['original'] if who in ('customer', 'agent') and text.strip()]
    blocks = []                                   # [(who, [texts])]
    for who, text in turns:
        if blocks and blocks[-1][0] == who:
            blocks[-1][1].append(text)
        else:
            blocks.append((who, [text]))
    thread = []
    for i, (who, texts) in enumerate(blocks):
        if who == 'customer' and i + 1 < len(blocks):
            yield thread[:], ' '.join(texts), ' '.join(blocks[i + 1][1])
        thread += [f'{who.capitalize()}: {t}' for t in texts]

def main(path):
    n = 0
    with open(OUT, 'w', encoding='utf-8') as out:
        for convo in json.load(open(path, encoding='utf-8')):
            conv = f'abcd-{convo["convo_id"]}'
            for k, (thread, customer, reply) in enumerate(exchanges(convo), 1):
                out.write(json.dumps({'id': f'{conv}-e{k}', 'source': 'abcd', 'conversation': conv, 'thread': thread,
                                      'customer': customer, 'reply': reply,
                                      'meta': {'flow': convo['scenario']['flow'], 'subflow': convo['scenario']['subflow']}},
                                     ensure_ascii=False) + '\n')
                n += 1
    print(f'{n} exchanges -> {OUT}')

if __name__ == '__main__':
    main(sys.argv[1])
