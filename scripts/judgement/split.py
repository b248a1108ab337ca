#!/usr/bin/env python3
"""Split a source's conversations ONCE into train / dev / test (by conversation, fixed seed).

    python3 scripts/judgement/split.py SOURCE [SEED]
    python3 scripts/judgement/split.py --extend SOURCE


Reads data/judgement/SOURCE/raw.jsonl and writes data/judgement/SOURCE/split.json
(≈40/20/40: the test split must reach its size; more train data is a bonus). Refuses to
overwrite an existing split: the split is made before anyone looks at engine errors and is
never changed afterwards. --extend is for conversations added to raw.jsonl later (a newly found
part of the same source): it assigns ONLY the conversations the split does not know yet, with the
split's seed and the same proportions, and never moves an assigned one.
"""
import json, random, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'

def assign(convs, seed):
    convs = sorted(convs)
    random.Random(seed).shuffle(convs)
    n = len(convs)
    n_train, n_dev = round(n * 0.4), round(n * 0.2)
    return convs[:n_train], convs[n_train:n_train + n_dev], convs[n_train + n_dev:]

def raw_conversations(source):
    return {json.loads(l)['conversation'] for l in open(ROOT / source / 'raw.jsonl', encoding='utf-8')}

def extend(source):
    out = ROOT / source / 'split.json'
    split = json.loads(out.read_text(encoding='utf-8'))
    known = set(split['train']) | set(split['dev']) | set(split['test'])
    new = raw_conversations(source) - known
    for part, convs in zip(('train', 'dev', 'test'), assign(new, split['seed'])):
        split[part] = sorted(split[part] + convs)
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: {len(new)} new conversations; train {len(split["train"])}, dev {len(split["dev"])}, test {len(split["test"])}')

def main(source, seed=12):
    out = ROOT / source / 'split.json'
    if out.exists():
        sys.exit(f'{out} exists: the split is made once and never changed')
    train, dev, test = assign(raw_conversations(source), seed)
    split = {'seed': seed, 'by': 'conversation', 'train': sorted(train), 'dev': sorted(dev), 'test': sorted(test)}
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: train {len(split["train"])}, dev {len(split["dev"])}, test {len(split["test"])}')

if __name__ == '__main__':
    if sys.argv[1] == '--extend':
        extend(sys.argv[2])
    else:
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12)
