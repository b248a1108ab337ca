#!/usr/bin/env python3
"""Rows for a blind second labelling: id, earlier turns, the customer's message and the reply, and
NO labels or notes (so the second labeller cannot see the first's decisions).

    python3 scripts/judgement/blind-sheet.py SOURCE [--from N] [--count M] [--split train|dev|test]

Rows come in the file's order; --from/--count page through them. The thread is cut to its last
two turns. Text is printed as written (long messages in full).
"""
import argparse, json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'

def split_of(source):
    split = json.loads((ROOT / source / 'split.json').read_text(encoding='utf-8'))
    where = {}
    for name in ('train', 'dev', 'test'):
        for conversation in split.get(name, []):
            where[conversation] = name
    return where

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('source')
    parser.add_argument('--from', dest='start', type=int, default=0)
    parser.add_argument('--count', type=int, default=25)
    parser.add_argument('--split')
    args = parser.parse_args()
    where = split_of(args.source)
    rows = [json.loads(line) for line in open(ROOT / args.source / 'labelled.jsonl', encoding='utf-8')]
    if args.split:
        rows = [r for r in rows if where.get(r['conversation']) == args.split]
    print(f'# {len(rows)} rows; showing {args.start}..{min(len(rows), args.start + args.count) - 1}')
    for row in rows[args.start:args.start + args.count]:
        print(f"=== {row['id']}")
        for turn in (row.get('thread') or [])[-2:]:
            text = turn.get('text', turn) if isinstance(turn, dict) else turn
            who = turn.get('role', turn.get('speaker', '?')) if isinstance(turn, dict) else '?'
            print(f'  (earlier, {who}) {text}')
        print(f"CUSTOMER: {row['customer']}")
        print(f"REPLY: {row['reply']}" if row.get('reply') else 'REPLY: (none: customer-only row)')

if __name__ == '__main__':
    main()
