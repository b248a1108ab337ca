#!/usr/bin/env python3
"""The fresh evaluation set's two files (docs/fresh-evaluation.md), from the two batches' labelled.jsonl:

    JUDGEMENT_DATA=data/fresh python3 scripts/judgement/build-labelled.py gh-support-3   (and gh-support-4)
    python3 scripts/judgement/fresh-split.py [FOLDER]     (FOLDER defaults to data/fresh)

writes FOLDER/fresh-dev.jsonl (batch gh-support-4's dev conversations and all of gh-support-5 and
gh-support-7: errors may be read) and FOLDER/fresh-test.jsonl (all of gh-support-3 + gh-support-4's test
conversations + all of gh-support-6: figures only, errors never read). gh-support-4/split.json was
made once, by conversation, before any row was labelled; gh-support-6 was given wholly to fresh test
before it was labelled (20th session), so that fresh test holds at least 400 exchanges, and
gh-support-7 wholly to fresh dev, also before any label. gh-support-8 (27th session, one labeller per
row, no second pass) is FOLDER/fresh-test-2.jsonl, given wholly to testing before it was labelled:
figures only, errors never read.
"""
import json, sys
from pathlib import Path

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / 'data' / 'fresh')
rows = lambda source: [json.loads(l) for l in open(folder / source / 'labelled.jsonl', encoding='utf-8')]
dev = set(json.loads((folder / 'gh-support-4' / 'split.json').read_text(encoding='utf-8'))['dev'])
b = rows('gh-support-4')
optional = lambda source: rows(source) if (folder / source / 'labelled.jsonl').exists() else []
parts = {'fresh-dev': [r for r in b if r['conversation'] in dev] + rows('gh-support-5') + optional('gh-support-7'),
         'fresh-test': rows('gh-support-3') + [r for r in b if r['conversation'] not in dev]
                       + optional('gh-support-6'),
         'fresh-test-2': optional('gh-support-8')}
for name, part in parts.items():
    if not part:
        continue
    with open(folder / f'{name}.jsonl', 'w', encoding='utf-8') as out:
        for r in part:
            out.write(json.dumps(r, ensure_ascii=False) + '\n')
    n = lambda k: sum(1 for r in part if r['labels'][k])
    print(f"{name}: {len(part)} exchanges; upset {n('upset')}, next step {n('nextStep')}, when {n('when')}, "
          f"acknowledges {n('acknowledgesFeelings')}, asks {sum(len(r['labels']['asks']) for r in part)}")
