#!/usr/bin/env python3
"""Labeller consistency: compare a blind second labelling with the labels that count.

    python3 scripts/judgement/agreement.py SOURCE

Reads data/judgement/SOURCE/relabel-check.txt (ID UPSET NUMBER_OF_ASKS per line) and
SOURCE/labelled.jsonl. Prints agreement and Cohen's kappa for `upset` and for "has an ask",
agreement on the number of asks, and the ids that differ. A labeller's own agreement is an upper
bound for what any model can be shown to reach on these labels.
"""
import json, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'

def kappa(pairs):
    n = len(pairs)
    agree = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return agree, (agree - chance) / (1 - chance) if chance < 1 else 1.0

def main(source):
    first = {}
    for line in open(ROOT / source / 'labelled.jsonl', encoding='utf-8'):
        row = json.loads(line)
        first[row['id']] = (row['labels']['upset'], len(row['labels']['asks']))
    second = {}
    for line in open(ROOT / source / 'relabel-check.txt', encoding='utf-8'):
        if line.strip() and not line.startswith('#'):
            ident, upset, asks = line.split()
            second[ident] = (upset == '1', int(asks))
    ids = sorted(second)
    up = [(first[i][0], second[i][0]) for i in ids]
    has = [(first[i][1] > 0, second[i][1] > 0) for i in ids]
    count = sum(first[i][1] == second[i][1] for i in ids) / len(ids)
    a, k = kappa(up)
    print(f'{len(ids)} messages relabelled blind')
    print(f'upset:       agreement {a:.2f}, kappa {k:.2f}; differ: {[i for i in ids if first[i][0] != second[i][0]]}')
    a, k = kappa(has)
    print(f'has an ask:  agreement {a:.2f}, kappa {k:.2f}; differ: {[i for i in ids if (first[i][1] > 0) != (second[i][1] > 0)]}')
    print(f'same number of asks: {count:.2f}; differ: {[i for i in ids if first[i][1] != second[i][1]]}')

if __name__ == '__main__':
    main(sys.argv[1])
