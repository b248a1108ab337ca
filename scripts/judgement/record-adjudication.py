#!/usr/bin/env python3
"""Write the decisions on the second pass's disagreements into each source's
second/replies-adjudicated.txt (issue #12).

    python3 scripts/judgement/record-adjudication.py DECISIONS.jsonl [...]   # --check: only validate

A decision is one JSON line per row of the adjudication sheet (adjudication-sheet.py):
{"id", "asks": [{"text", "addressed"}], "nextStep": 0|1, "when": 0|1, "reason"}, with a value for
every field the sheet lists under DISAGREE ON. Run once, before rebuilding labelled.jsonl: FIRST is
read from labelled.jsonl as built from the sheets (the first labels), SECOND from
replies-blind.jsonl. Every disagreement gets a line, also where the final equals the first label.
"""
import json, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from second_replies import ROOT, disagreements, flag, read_blind, write_spans  # noqa: E402


def value(labels, field):
    return write_spans(labels['asks']) if field == 'asks' else flag(labels.get(field))


def main():
    check = '--check' in sys.argv
    files = [a for a in sys.argv[1:] if a != '--check']
    decided = {}
    for f in files:
        for n, line in enumerate(Path(f).read_text(encoding='utf-8').splitlines(), 1):
            if line.strip():
                d = json.loads(line)
                if d['id'] in decided:
                    sys.exit(f'{f}:{n}: {d["id"]} decided twice')
                decided[d['id']] = d
    problems, out = [], {}
    for source in sorted(p.parent.parent.name for p in ROOT.glob('*/second/replies-blind.jsonl')):
        target = ROOT / source / 'second' / 'replies-adjudicated.txt'
        if target.exists() and not check:
            sys.exit(f'{target} exists: the first labels are no longer the built ones')
        second = read_blind(source)
        for line in (ROOT / source / 'labelled.jsonl').read_text(encoding='utf-8').splitlines():
            row = json.loads(line)
            if row['id'] not in second:
                continue
            fields = disagreements(row, second[row['id']])
            if not fields:
                continue
            d = decided.pop(row['id'], None)
            if d is None:
                problems.append(f'{row["id"]}: no decision')
                continue
            reason = ' '.join(str(d.get('reason', '')).split()).replace(' | ', ' / ')
            for field in fields:
                if field not in d:
                    problems.append(f'{row["id"]}: no decision on {field}')
                    continue
                if field == 'asks':
                    for a in d['asks']:
                        if a['text'] not in row['customer'] or ' | ' in a['text'] or ' ;; ' in a['text']:
                            problems.append(f'{row["id"]}: ask is not an exact piece of the customer text: {a["text"]!r}')
                    final = write_spans([{**a, 'addressed': None if row['reply'] is None else a.get('addressed')} for a in d['asks']])
                else:
                    final = flag(d[field])
                first, two = value(row['labels'], field), value(second[row['id']], field)
                out.setdefault(source, []).append(f"{row['id']} | {field} | {first} | {two} | {final} | {reason}")
    problems += [f'{i}: decided but not a disagreement' for i in decided]
    if problems:
        sys.exit('\n'.join(problems))
    if check:
        print('OK: every disagreement has a decision')
        return
    for source, lines in out.items():
        header = '# ID | FIELD | FIRST | SECOND | FINAL | REASON  (disagreements of the blind second pass on asks, next step and when, decided by GUIDELINE.md)\n'
        (ROOT / source / 'second' / 'replies-adjudicated.txt').write_text(header + '\n'.join(lines) + '\n', encoding='utf-8')
        print(f'{source}: {len(lines)} decisions')


if __name__ == '__main__':
    main()
