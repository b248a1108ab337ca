#!/usr/bin/env python3
"""How well two people agree on upset and acknowledges-feelings, as F1 (issue #12).

    python3 scripts/judgement/human-agreement.py [--split test|dev|train|all]

The engine's targets are F1 figures, so the human reference is given the same way: the first
labels before adjudication against the blind second labels (F1 is symmetric, so it does not matter
which one is called the reference), per source and pooled. Beside it, the blind second labels
against the final (adjudicated) labels: optimistic, since adjudication chose between the two.

Reads, per source with a second pass: SOURCE/labelled.jsonl (final labels), SOURCE/second/blind.txt
(second labels) and SOURCE/second/adjudicated.txt (FIRST and SECOND of every disagreement, so the
first labels before adjudication are the final ones except where a line there says otherwise).
"""
import argparse, json, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from second_replies import ROOT, bit  # noqa: E402

FIELDS = {'upset': 0, 'ack': 1}


def read_blind(path):
    out = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        if line.strip() and not line.startswith('#'):
            parts = [p.strip() for p in line.split('|')]
            out[parts[0]] = (bit(parts[1]), bit(parts[2]))
    return out


def read_first_changes(path):
    """(id, field) -> the first label, for every disagreement that was adjudicated."""
    out = {}
    for line in path.read_text(encoding='utf-8').splitlines():
        parts = [p.strip() for p in line.split('|')]
        if line.startswith('#') or len(parts) < 5 or parts[1] not in FIELDS:
            continue
        out[(parts[0], parts[1])] = bit(parts[2])
    return out


def counts():
    return {'tp': 0, 'fp': 0, 'fn': 0, 'tn': 0}


def add(c, reference, other):
    c['tp' if reference and other else 'fn' if reference else 'fp' if other else 'tn'] += 1


def f1(c):
    d = 2 * c['tp'] + c['fp'] + c['fn']
    return 2 * c['tp'] / d if d else float('nan')


def source_counts(source, split_name):
    folder = ROOT / source
    second = read_blind(folder / 'second' / 'blind.txt')
    changes = read_first_changes(folder / 'second' / 'adjudicated.txt')
    split = json.loads((folder / 'split.json').read_text(encoding='utf-8'))
    where = {c: s for s in ('train', 'dev', 'test') for c in split.get(s, [])}
    out = {f: {'people': counts(), 'second-final': counts(), 'positives': [0, 0, 0]} for f in FIELDS}
    for line in (folder / 'labelled.jsonl').read_text(encoding='utf-8').splitlines():
        row = json.loads(line)
        if row['id'] not in second or (split_name != 'all' and where.get(row.get('conversation') or row['id']) != split_name):
            continue
        final = {'upset': row['labels'].get('upset'), 'ack': row['labels'].get('acknowledgesFeelings')}
        for field, i in FIELDS.items():
            two, last = second[row['id']][i], final[field]
            if two is None or last is None:
                continue
            one = changes.get((row['id'], field), last)
            add(out[field]['people'], one, two)
            add(out[field]['second-final'], last, two)
            out[field]['positives'] = [a + b for a, b in zip(out[field]['positives'], (one, two, last))]
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--split', default='test', choices=('train', 'dev', 'test', 'all'))
    args = parser.parse_args()
    sources = sorted(p.parent.parent.name for p in ROOT.glob('*/second/blind.txt'))
    pooled = {f: {'people': counts(), 'second-final': counts(), 'positives': [0, 0, 0]} for f in FIELDS}
    print(f'{args.split} split: F1 of the first labeller against the blind second one (two people), '
          'and of the second against the final labels')
    print(f'{"item":6} {"source":14} {"n":>5} {"pos 1st/2nd/final":>18} {"two people":>11} {"2nd vs final":>13}')
    for source in sources + ['all']:
        got = pooled if source == 'all' else source_counts(source, args.split)
        for field in FIELDS:
            c = got[field]
            n = sum(c['people'].values())
            if not n:
                continue
            pos = '/'.join(str(p) for p in c['positives'])
            print(f'{field:6} {source:14} {n:5} {pos:>18} {f1(c["people"]):11.3f} {f1(c["second-final"]):13.3f}')
            if source != 'all':
                for k in ('people', 'second-final'):
                    for key in c[k]:
                        pooled[field][k][key] += c[k][key]
                pooled[field]['positives'] = [a + b for a, b in zip(pooled[field]['positives'], c['positives'])]


if __name__ == '__main__':
    main()
