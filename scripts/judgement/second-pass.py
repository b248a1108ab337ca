#!/usr/bin/env python3
"""Agreement between the first labels and a blind second labelling (issue #12).

    python3 scripts/judgement/second-pass.py SOURCE [--first FILE]

Reads data/judgement/SOURCE/second/blind.txt, one line per row:
    ID | UPSET 0/1 | ACK 0/1/- | NOTE
and the first labels from data/judgement/SOURCE/labelled.jsonl (or --first FILE, e.g. a copy of
labelled.jsonl taken before adjudication, so the "before" figures can be reproduced).
Prints, for upset and for acknowledges-feelings: n, raw agreement and Cohen's kappa per split
(train/dev/test, from SOURCE/split.json) and overall, then the ids that differ. ACK pairs are
only counted where both labellers gave a value (rows without a reply have ACK `-` / null).
"""
import argparse, json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'
SPLITS = ('train', 'dev', 'test')

def kappa(pairs):
    n = len(pairs)
    if not n:
        return None, None
    agree = sum(a == b for a, b in pairs) / n
    pa, pb = sum(a for a, _ in pairs) / n, sum(b for _, b in pairs) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return agree, ((agree - chance) / (1 - chance) if chance < 1 else 1.0)

def read_blind(path):
    second = {}
    for line in open(path, encoding='utf-8'):
        if not line.strip() or line.startswith('#'):
            continue
        parts = [p.strip() for p in line.rstrip('\n').split('|')]
        ident, upset, ack = parts[0], parts[1], parts[2]
        if upset not in ('0', '1') or ack not in ('0', '1', '-'):
            raise SystemExit(f'bad line in {path}: {line!r}')
        second[ident] = (upset == '1', None if ack == '-' else ack == '1')
    return second

def split_of(source):
    split = json.loads((ROOT / source / 'split.json').read_text(encoding='utf-8'))
    return {c: name for name in SPLITS for c in split.get(name, [])}

def fmt(a, k):
    return 'n/a' if a is None else f'agreement {a:.3f}, kappa {k:.3f}'

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('source')
    parser.add_argument('--first', help='first labels (default: SOURCE/labelled.jsonl)')
    args = parser.parse_args()
    second = read_blind(ROOT / args.source / 'second' / 'blind.txt')
    where = split_of(args.source)
    first, split = {}, {}
    for line in open(args.first or ROOT / args.source / 'labelled.jsonl', encoding='utf-8'):
        row = json.loads(line)
        labels = row['labels']
        first[row['id']] = (bool(labels['upset']), labels.get('acknowledgesFeelings'))
        split[row['id']] = where.get(row['conversation'], '?')
    missing = sorted(set(first) - set(second))
    unknown = sorted(set(second) - set(first))
    if unknown:
        raise SystemExit(f'ids in blind.txt but not in the first labels: {unknown[:10]}')
    ids = [i for i in first if i in second]
    print(f'{args.source}: {len(ids)} rows labelled twice'
          + (f' ({len(missing)} of {len(first)} rows not in the second labelling)' if missing else ''))
    for field, index in (('upset', 0), ('ack', 1)):
        print(f'\n{field}')
        for name in SPLITS + ('all',):
            sel = [i for i in ids if name == 'all' or split[i] == name]
            pairs = [(first[i][index], second[i][index]) for i in sel
                     if first[i][index] is not None and second[i][index] is not None]
            a, k = kappa(pairs)
            extra = ''
            if pairs:
                extra = (f'; positive: first {sum(p for p, _ in pairs)}, second {sum(q for _, q in pairs)}')
            print(f'  {name:5} n={len(pairs):4}  {fmt(a, k)}{extra}')
        differ = [i for i in ids if first[i][index] is not None and second[i][index] is not None
                  and first[i][index] != second[i][index]]
        for name in SPLITS:
            ds = [i for i in differ if split[i] == name]
            if ds:
                print(f'  differ ({name}, {len(ds)}): ' + ' '.join(
                    f'{i}[{int(first[i][index])}/{int(second[i][index])}]' for i in ds))
    print('\n[first/second] after each id')

if __name__ == '__main__':
    main()
