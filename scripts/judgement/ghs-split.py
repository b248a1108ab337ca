#!/usr/bin/env python3
"""Split a source's conversations ONCE into train / dev / test (by conversation, fixed seed).

    python3 scripts/judgement/ghs-split.py SOURCE [SEED]
    python3 scripts/judgement/ghs-split.py --extend SOURCE
    python3 scripts/judgement/ghs-split.py --hash SOURCE [SEED]   (gh-support-2: the gh-issues rule)
    python3 scripts/judgement/ghs-split.py --train-only SOURCE [RULE]   (gh-ack, rsics-2, gh-issues-2: every conversation to train)


(Copy of split.py that keeps conversations of the same customer author in one split.)
Reads data/judgement/SOURCE/raw.jsonl and writes data/judgement/SOURCE/split.json
(≈40/20/40: the test split must reach its size; more train data is a bonus). Refuses to
overwrite an existing split: the split is made before anyone looks at engine errors and is
never changed afterwards. --extend is for conversations added to raw.jsonl later (a newly found
part of the same source): it assigns ONLY the conversations the split does not know yet, with the
split's seed and the same proportions, and never moves an assigned one.
"""
import hashlib, json, random, sys
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

def author_groups(source):
    """conversation -> group key: conversations whose customers share an author go together,
    so one person's text never sits in two splits."""
    parent = {}
    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for l in open(ROOT / source / 'raw.jsonl', encoding='utf-8'):
        ex = json.loads(l)
        for a in ex.get('customerAuthors', []):
            ra, rc = find('@' + a.lower()), find(ex['conversation'])
            if ra != rc:
                parent[max(ra, rc)] = min(ra, rc)
    groups = {}
    for conv in raw_conversations(source):
        groups.setdefault(find(conv), []).append(conv)
    return {conv: min(members) for members in groups.values() for conv in members}

def assign_grouped(source, convs, seed, known=None):
    """assign() over author groups; a group that already has a split keeps it."""
    group_of = author_groups(source)
    known = known or {}
    parts = {'train': [], 'dev': [], 'test': []}
    fixed = {}
    for conv in convs:
        for other, part in known.items():
            if group_of.get(other) == group_of[conv]:
                fixed[conv] = part
    free_groups = sorted({group_of[c] for c in convs if c not in fixed})
    for part, keys in zip(('train', 'dev', 'test'), assign(free_groups, seed)):
        parts[part] += [c for c in convs if c not in fixed and group_of[c] in set(keys)]
    for conv, part in fixed.items():
        parts[part].append(conv)
    return parts['train'], parts['dev'], parts['test']

def extend(source):
    out = ROOT / source / 'split.json'
    split = json.loads(out.read_text(encoding='utf-8'))
    known = set(split['train']) | set(split['dev']) | set(split['test'])
    new = raw_conversations(source) - known
    where = {c: p for p in ('train', 'dev', 'test') for c in split[p]}
    for part, convs in zip(('train', 'dev', 'test'), assign_grouped(source, new, split['seed'], where)):
        split[part] = sorted(split[part] + convs)
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: {len(new)} new conversations; train {len(split["train"])}, dev {len(split["dev"])}, test {len(split["test"])}')

HASH_RULE = "sha256(f'{seed}:{conversation}')[:8]/2^32: <0.40 train, <0.60 dev, else test"

def hash_part(conv, seed):
    h = int(hashlib.sha256(f'{seed}:{conv}'.encode()).hexdigest()[:8], 16) / 2**32
    return 'train' if h < 0.40 else 'dev' if h < 0.60 else 'test'

def hash_split(source, seed=20261202):
    """The rule of gh-issues' split.json: each conversation's split is a pure function of its id
    and the seed, so adding conversations later never moves an assigned one. Run it again after
    adding threads (before labelling them): it keeps the file's seed and refuses a moved conversation."""
    out = ROOT / source / 'split.json'
    old = json.loads(out.read_text(encoding='utf-8')) if out.exists() else None
    if old:
        seed = old['seed']
    parts = {'train': [], 'dev': [], 'test': []}
    for conv in sorted(raw_conversations(source) | ({c for p in parts for c in old[p]} if old else set())):
        parts[hash_part(conv, seed)].append(conv)
    if old:
        for p in parts:
            if not set(old[p]) <= set(parts[p]):
                sys.exit(f'{source}: a conversation would move out of {p}; split.json left unchanged')
    split = {'seed': seed, 'by': 'conversation', 'rule': HASH_RULE, **parts}
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: train {len(parts["train"])}, dev {len(parts["dev"])}, test {len(parts["test"])}')

TRAIN_ONLY_RULE = {
    'gh-ack': 'every conversation in train (threads selected by words of the reply: never evaluated)',
    'gh-issues-2': 'every conversation in train (added train data; dev and test stay the earlier sources\' untouched splits)',
}

def train_only(source, seed=0, rule=None):
    """For a source whose threads were chosen by what the reply says (gh-ack): any dev/test figure
    on it would be biased, so every conversation goes to train. Run again after adding or removing
    threads: nothing can move between splits, so the file simply lists raw.jsonl's conversations."""
    out = ROOT / source / 'split.json'
    old = json.loads(out.read_text(encoding='utf-8')) if out.exists() else None
    if old and (old['dev'] or old['test']):
        sys.exit(f'{source}: split.json has dev/test conversations; left unchanged')
    convs = sorted(raw_conversations(source))
    rule = rule or TRAIN_ONLY_RULE.get(source, 'every conversation in train')
    split = {'seed': old['seed'] if old else seed, 'by': 'conversation', 'rule': old['rule'] if old else rule,
             'train': convs, 'dev': [], 'test': []}
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: train {len(convs)}, dev 0, test 0')

def main(source, seed=12):
    out = ROOT / source / 'split.json'
    if out.exists():
        sys.exit(f'{out} exists: the split is made once and never changed')
    train, dev, test = assign_grouped(source, raw_conversations(source), seed)
    split = {'seed': seed, 'by': 'conversation', 'train': sorted(train), 'dev': sorted(dev), 'test': sorted(test)}
    out.write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    print(f'{source}: train {len(split["train"])}, dev {len(split["dev"])}, test {len(split["test"])}')

if __name__ == '__main__':
    if sys.argv[1] == '--extend':
        extend(sys.argv[2])
    elif sys.argv[1] == '--train-only':
        train_only(sys.argv[2], rule=sys.argv[3] if len(sys.argv) > 3 else None)
    elif sys.argv[1] == '--hash':
        hash_split(sys.argv[2], *(int(a) for a in sys.argv[3:4]))
    else:
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12)
