#!/usr/bin/env python3
"""GoEmotions (Demszky et al. 2020) -> data/judgement/goemotions/ (labelled.jsonl, split.json).

    python3 scripts/judgement/goemotions-build.py TRAIN_TSV EMOTIONS_TXT [--n 2000] [--seed 12] [--core]

TRAIN_TSV is GoEmotions' rater-agreement `train.tsv` (text <TAB> comma-separated emotion ids
<TAB> comment id, no header), EMOTIONS_TXT the id order of the labels (`emotions.txt` /
`labels.txt`). Only GoEmotions' own train split is read. Each comment's emotions are mapped to
`upset` by the table below (see data/judgement/goemotions/SOURCE.md for why); ambiguous ones are
left out. A stratified sample (half upset, half not; within each half in proportion to the
emotion group) is drawn with a fixed seed. Rows are customer-only (`reply` null, `asks` empty:
GoEmotions says nothing about asks, so use.json limits this source to the upset task). Every row
goes to `train` in split.json: it never counts in a dev or test figure.
"""
import json, random, sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / 'data' / 'judgement' / 'goemotions'

# Upset by the guideline's definition (frustration, anger, worry, disappointment, urgency, loss).
UPSET = {'anger': 'anger', 'annoyance': 'anger', 'disgust': 'anger',
         'disappointment': 'disappointment',
         'fear': 'worry', 'nervousness': 'worry',
         'sadness': 'loss', 'grief': 'loss'}
# Not upset: neutral, positive, and the cognitive labels (a confused or curious asker is not upset
# by the guideline unless a feeling is also expressed).
POSITIVE = {'admiration', 'amusement', 'approval', 'caring', 'desire', 'excitement', 'gratitude',
            'joy', 'love', 'optimism', 'pride', 'relief'}
CALM = {'neutral', 'confusion', 'curiosity', 'realization', 'surprise'}
# Ambiguous alone: disapproval (disagreeing with an opinion is not a grievance), remorse and
# embarrassment (the writer's own regret, not a complaint). A comment with only these, or with
# them beside calm/positive labels, is left out; beside an upset label it is upset.
AMBIGUOUS = {'disapproval', 'remorse', 'embarrassment'}


def decide(emotions, core=False):
    """(upset, group) or None when the comment is left out.

    core (--core, a dev variant): upset only from the complaint emotions (anger, annoyance,
    disgust, disappointment, fear, nervousness; sadness and grief left out), and calm rows only
    (no positive ones), closer to support text where praise is rare."""
    if core and any(e in ('sadness', 'grief') for e in emotions):
        return None
    ups = sorted({UPSET[e] for e in emotions if e in UPSET})
    pos = [e for e in emotions if e in POSITIVE]
    if ups and pos:
        return None  # mixed feelings ("sad but grateful"): not a clear reading
    if ups:
        return True, ups[0] if len(ups) == 1 else 'mixed-upset'
    if any(e in AMBIGUOUS for e in emotions):
        return None
    if pos:
        return None if core else (False, 'positive')
    return False, 'neutral' if emotions == ['neutral'] else 'calm'


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    opt = lambda name, d: int(argv[argv.index(name) + 1]) if name in argv else d
    n, seed, core = opt('--n', 2000), opt('--seed', 12), '--core' in argv
    tsv, names = Path(args[0]), Path(args[1]).read_text(encoding='utf-8').split()
    pools = {True: defaultdict(list), False: defaultdict(list)}
    left_out = 0
    for line in tsv.read_text(encoding='utf-8').split('\n'):
        if not line:
            continue
        text, ids, cid = line.split('\t')
        d = decide([names[int(i)] for i in ids.split(',')], core)
        if d is None or not text.strip():
            left_out += 1
            continue
        pools[d[0]][d[1]].append((cid, text, ids, d[1]))
    rng = random.Random(seed)
    rows = []
    for upset in (True, False):
        groups = pools[upset]
        total = sum(len(v) for v in groups.values())
        want = n // 2
        # proportional allocation (largest remainder), then a seeded draw in each group
        quotas = {g: want * len(v) / total for g, v in sorted(groups.items())}
        take = {g: int(q) for g, q in quotas.items()}
        for g in sorted(quotas, key=lambda g: quotas[g] - take[g], reverse=True)[: want - sum(take.values())]:
            take[g] += 1
        for g in sorted(groups):
            for cid, text, ids, grp in rng.sample(sorted(groups[g]), take[g]):
                rows.append((cid, text, ids, grp, upset))
    rows.sort(key=lambda r: r[0])
    OUT.mkdir(parents=True, exist_ok=True)
    with open(OUT / 'labelled.jsonl', 'w', encoding='utf-8') as f:
        for cid, text, ids, grp, upset in rows:
            emotions = ','.join(names[int(i)] for i in ids.split(','))
            f.write(json.dumps({'id': f'goemotions-{cid}', 'source': 'goemotions', 'conversation': f'goemotions-{cid}',
                                'thread': [], 'customer': text, 'reply': None,
                                'labels': {'upset': upset, 'asks': [], 'nextStep': None, 'when': None,
                                           'acknowledgesFeelings': None, 'respectful': None},
                                'notes': f'GoEmotions: {emotions} ({grp})'}, ensure_ascii=False) + '\n')
    split = {'seed': seed, 'by': 'conversation', 'train': [f'goemotions-{r[0]}' for r in rows], 'dev': [], 'test': []}
    (OUT / 'split.json').write_text(json.dumps(split, indent=1) + '\n', encoding='utf-8')
    counts = Counter((r[4], r[3]) for r in rows)
    pool = {f'{u}/{g}': len(v) for u in (True, False) for g, v in sorted(pools[u].items())}
    print(json.dumps({'rows': len(rows), 'leftOutAmbiguous': left_out, 'pool': pool,
                      'drawn': {f'{u}/{g}': c for (u, g), c in sorted(counts.items())}}, indent=1))


if __name__ == '__main__':
    main(sys.argv[1:])
