#!/usr/bin/env python3
"""Split a source's conversations ONCE into train / dev / test (by conversation, fixed seed).

    python3 scripts/judgement/split.py SOURCE [SEED]

Reads data/judgement/SOURCE/raw.jsonl and writes data/judgement/SOURCE/split.json
(≈40/20/40: the test split must reach its size; more train data is a bonus). Refuses to
overwrite an existing split: the split is made before anyone looks at engine errors and is
never changed afterwards.
"""
import json, random, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'

def main(source, seed=12):
    out = ROOT / source / 'split.json'
    if out.exists():
        sys.exit(f'{out} exists: the split is made once and never changed')
    convs = sorted({json.loads(l)['conversation'] for l in open(ROOT / source / 'raw.jsonl', encoding='utf-8')})
    random.Random(seed).shuffle(convs)
    n = len(convs)
    n_train, n_dev = round(n * 0.4), round(n * 0.2)
    split = {'seed': seed, 'by': 'conversation', 'train': sorted(convs[:n_train]),
             'dev': sorted(convs[n_train:n_train + n_dev]), 'test': sorted(convs[n_train + n_dev:])}
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: train {len(split["train"])}, dev {len(split["dev"])}, test {len(split["test"])}')

if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12)
