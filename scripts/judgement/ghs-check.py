#!/usr/bin/env python3
"""Check every labelled exchange against the data contract, and print label counts.

    python3 scripts/judgement/ghs-check.py [gh-support]     (default: every folder in data/judgement/)

Checks: required fields and types; ids unique (across sources); `source` = folder name;
customer.slice(start, end) === text with JS (UTF-16) offsets; asks do not overlap; reply-side
labels null exactly when `reply` is null; `when` only with a next step; split.json has seed and
by = "conversation", and assigns every conversation of raw.jsonl exactly once; every labelled
exchange's conversation is in the split. Exits 1 on any problem.
"""
import json, sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'
problems = []

def utf16(s):
    return s.encode('utf-16-le')

def js_slice(s, start, end):
    return utf16(s)[2 * start:2 * end].decode('utf-16-le', errors='replace')

def bad(where, what):
    problems.append(f'{where}: {what}')

def check_row(where, row, source):
    for key, kind in (('id', str), ('source', str), ('conversation', str), ('thread', list), ('customer', str), ('labels', dict)):
        if not isinstance(row.get(key), kind):
            return bad(where, f'{key} missing or not {kind.__name__}')
    if row['source'] != source:
        bad(where, f'source {row["source"]!r} is not the folder {source!r}')
    if not all(isinstance(t, str) for t in row['thread']):
        bad(where, 'thread items must be strings')
    reply, lab = row.get('reply', 'MISSING'), row['labels']
    if reply == 'MISSING' or not (reply is None or isinstance(reply, str)):
        bad(where, 'reply must be a string or null')
    if not isinstance(lab.get('upset'), bool):
        bad(where, 'upset must be true/false')
    for key in ('nextStep', 'when', 'acknowledgesFeelings', 'respectful'):
        if reply is None and lab.get(key) is not None:
            bad(where, f'{key} must be null without a reply')
        if reply is not None and not isinstance(lab.get(key), bool):
            bad(where, f'{key} must be true/false with a reply')
    if lab.get('when') and not lab.get('nextStep'):
        bad(where, 'when is true without a next step')
    asks = lab.get('asks')
    if not isinstance(asks, list):
        return bad(where, 'asks must be a list')
    spans = []
    for ask in asks:
        s, e, t = ask.get('start'), ask.get('end'), ask.get('text')
        if not (isinstance(s, int) and isinstance(e, int) and isinstance(t, str) and 0 <= s < e):
            bad(where, f'bad ask {ask!r}'); continue
        if e > len(utf16(row['customer'])) // 2 or js_slice(row['customer'], s, e) != t:
            bad(where, f'offsets {s}-{e} do not match {t!r}')
        if any(s < e2 and e > s2 for s2, e2 in spans):
            bad(where, f'ask {t!r} overlaps another')
        spans.append((s, e))
        if reply is None and ask.get('addressed') is not None:
            bad(where, 'addressed must be null without a reply')
        if reply is not None and not isinstance(ask.get('addressed'), bool):
            bad(where, 'addressed must be true/false with a reply')

def main(sources):
    ids, table = set(), []
    for source in sources:
        folder = ROOT / source
        split = json.loads((folder / 'split.json').read_text(encoding='utf-8'))
        if not isinstance(split.get('seed'), int) or split.get('by') != 'conversation':
            bad(f'{source}/split.json', 'needs an integer seed and by = "conversation"')
        where_of = {}
        for part in ('train', 'dev', 'test'):
            for conv in split.get(part, []):
                if conv in where_of:
                    bad(f'{source}/split.json', f'{conv} in {where_of[conv]} and {part}')
                where_of[conv] = part
        raw_convs = {json.loads(l)['conversation'] for l in open(folder / 'raw.jsonl', encoding='utf-8')} \
            if (folder / 'raw.jsonl').exists() else set()
        for conv in raw_convs - set(where_of):
            bad(f'{source}/split.json', f'{conv} is not assigned')
        for conv in set(where_of) - raw_convs if raw_convs else ():
            bad(f'{source}/split.json', f'{conv} is not in raw.jsonl')
        # the same customer (author) or the same customer text must not sit in two splits
        part_of_author, part_of_text = {}, {}
        if (folder / 'raw.jsonl').exists():
            for l in open(folder / 'raw.jsonl', encoding='utf-8'):
                ex = json.loads(l)
                part = where_of.get(ex['conversation'])
                for key, seen in [(a, part_of_author) for a in ex.get('customerAuthors', [])] + [(ex['customer'].strip(), part_of_text)]:
                    if part and seen.setdefault(key, part) != part:
                        bad(f'{source}/raw.jsonl', f'{key[:40]!r} appears in {seen[key]} and {part}')
        counts = {p: Counter() for p in ('train', 'dev', 'test')}
        path = folder / 'labelled.jsonl'
        for n, line in enumerate(open(path, encoding='utf-8') if path.exists() else [], 1):
            where = f'{source}/labelled.jsonl:{n}'
            try:
                row = json.loads(line)
            except json.JSONDecodeError as err:
                bad(where, f'not JSON: {err}'); continue
            check_row(where, row, source)
            if row.get('id') in ids:
                bad(where, f'duplicate id {row.get("id")}')
            ids.add(row.get('id'))
            part = where_of.get(row.get('conversation'))
            if part is None:
                bad(where, f'conversation {row.get("conversation")} not in split.json'); continue
            lab, c = row.get('labels', {}), counts[part]
            c['exchanges'] += 1
            c['upset'] += lab.get('upset') is True
            c['asks'] += len(lab.get('asks') or [])
            c['with ask'] += bool(lab.get('asks'))
            c['asks addressed'] += sum(a.get('addressed') is True for a in lab.get('asks') or [])
            c['asks missed'] += sum(a.get('addressed') is False for a in lab.get('asks') or [])
            c['with reply'] += row.get('reply') is not None
            for key in ('nextStep', 'when', 'acknowledgesFeelings'):
                c[key] += lab.get(key) is True
            c['not respectful'] += lab.get('respectful') is False
        for part in ('train', 'dev', 'test'):
            table.append((source, part, counts[part]))
    cols = ['exchanges', 'upset', 'with ask', 'asks', 'with reply', 'asks addressed', 'asks missed',
            'nextStep', 'when', 'acknowledgesFeelings', 'not respectful']
    print('| source | split | ' + ' | '.join(cols) + ' |')
    print('|' + ' --- |' * (len(cols) + 2))
    total = {p: Counter() for p in ('train', 'dev', 'test')}
    for source, part, c in table:
        total[part].update(c)
        print(f'| {source} | {part} | ' + ' | '.join(str(c[k]) for k in cols) + ' |')
    for part in ('train', 'dev', 'test'):
        print(f'| all | {part} | ' + ' | '.join(str(total[part][k]) for k in cols) + ' |')
    if problems:
        print(f'\n{len(problems)} problem(s):', *problems[:50], sep='\n  ')
        sys.exit(1)
    print('\nOK')

if __name__ == '__main__':
    main(sys.argv[1:] or ['gh-support'])
