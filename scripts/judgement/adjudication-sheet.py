#!/usr/bin/env python3
"""Rows where the first labels and the blind second labelling differ on asks, next step or when,
for a person to decide by the guideline (issue #12).

    python3 scripts/judgement/adjudication-sheet.py [--sources a,b] > sheet.txt

Each row shows the exchange and the two labellings as "X" and "Y" in an order fixed by a hash of
the row id, so the adjudicator does not know which was first. No engine output is involved.
Reads labelled.jsonl as built (run it before any replies-adjudicated.txt exists, or the "first"
labels are already the finals).
"""
import argparse, hashlib, json, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from second_replies import ROOT, disagreements, flag, read_blind, write_spans  # noqa: E402


def labelling(labels, note):
    asks = write_spans(labels['asks']) or '(no asks)'
    line = f"asks: {asks}\n    nextStep {flag(labels.get('nextStep'))}, when {flag(labels.get('when'))}"
    return line + (f'\n    note: {note}' if note else '')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--sources')
    args = parser.parse_args()
    sources = args.sources.split(',') if args.sources else sorted(p.parent.parent.name for p in ROOT.glob('*/second/replies-blind.jsonl'))
    count = 0
    for source in sources:
        second = read_blind(source)
        for line in (ROOT / source / 'labelled.jsonl').read_text(encoding='utf-8').splitlines():
            row = json.loads(line)
            other = second.get(row['id'])
            if not other:
                continue
            fields = disagreements(row, other)
            if not fields:
                continue
            count += 1
            first = labelling(row['labels'], row.get('notes'))
            two = labelling(other, other.get('note'))
            x, y = (first, two) if hashlib.sha256(row['id'].encode()).digest()[0] % 2 else (two, first)
            print(f"=== {row['id']}")
            for turn in (row.get('thread') or [])[-2:]:
                text = turn.get('text', turn) if isinstance(turn, dict) else turn
                print(f'  (earlier) {text}')
            print(f"CUSTOMER: {row['customer']}")
            print(f"REPLY: {row['reply']}" if row.get('reply') else 'REPLY: (none: customer-only row)')
            print(f"DISAGREE ON: {', '.join(fields)}")
            print(f'  X: {x}')
            print(f'  Y: {y}')
    print(f'# {count} rows to decide', file=sys.stderr)


if __name__ == '__main__':
    main()
