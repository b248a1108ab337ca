#!/usr/bin/env python3
"""Extract a labelling sample from RSiCS (Relational Strategies in Customer Service).

Input: the RSiCS file tagged_selections_by_sentence.csv (ODbL 1.0, see
data/judgement/rsics/SOURCE.md for where it came from). Usage:

    python3 scripts/judgement/rsics-extract.py PATH/TO/tagged_selections_by_sentence.csv

Writes data/judgement/rsics/raw.jsonl: one customer message per line (customer-only source,
reply null): 532 drawn first (stratified, below) and 200 more drawn plain at random. The original text is rebuilt from the MergedSelections column by removing the
reviewers' [ and ] marks. The sample is drawn with a fixed seed; the RSiCS 'Rant' and
'Express Emotion' columns are used ONLY to draw a sample with enough emotional messages
(stratified sampling). They are not copied and never become labels: every label is made by hand.
"""
import csv, json, random, sys
from pathlib import Path

SEED = 20261202
MAX_FORUM_CHARS = 500          # long forum posts are too slow to label well
PER_DATASET = {                # dataset id -> (emotional, plain) counts to draw
    '1': (60, 60),             # TripAdvisor airline forum
    '2': (13, 100),            # train travel assistant (only 13 emotional ones exist)
    '3': (39, 100),            # airline assistant
    '4': (60, 100),            # telecommunications support assistant
}
SECOND_DRAW = 50             # per dataset, plain random (true base rates), added after the first draw
OUT = Path(__file__).resolve().parents[2] / 'data' / 'judgement' / 'rsics' / 'raw.jsonl'

def message_line(source, conv, ds, rid, text):
    """One customer-only exchange of raw.jsonl (shared with rsics2-extract.py)."""
    return json.dumps({'id': conv, 'source': source, 'conversation': conv, 'thread': [],
                       'customer': text, 'reply': None,
                       'meta': {'dataset': int(ds), 'requestId': rid}}, ensure_ascii=False) + '\n'

def main(path):
    rows = list(csv.reader(open(path, encoding='utf-8', newline='')))
    rng = random.Random(SEED)
    picked = []
    for ds, (n_emo, n_plain) in PER_DATASET.items():
        pool = {True: [], False: []}
        for r in rows:
            if r[0] != ds or r[3] != '2':
                continue
            text = r[4].replace('[', '').replace(']', '').strip()
            if not text or (ds == '1' and len(text) > MAX_FORUM_CHARS):
                continue
            emotional = r[10] == '1' or r[13] == '1'
            pool[emotional].append((r[2], text))
        for emotional, n in ((True, n_emo), (False, n_plain)):
            candidates = sorted(pool[emotional])
            picked += [(ds, rid, text) for rid, text in rng.sample(candidates, min(n, len(candidates)))]
    rng.shuffle(picked)
    # Second draw, made after the first 532 were labelled: plain random per dataset, no
    # stratification, so that part of the set has the corpus' own share of upset customers.
    rng2 = random.Random(SEED + 1)
    taken = {(ds, rid) for ds, rid, _ in picked}
    second = []
    for ds in PER_DATASET:
        pool = sorted((r[2], r[4].replace('[', '').replace(']', '').strip()) for r in rows
                      if r[0] == ds and r[3] == '2' and (ds, r[2]) not in taken)
        pool = [(rid, t) for rid, t in pool if t and not (ds == '1' and len(t) > MAX_FORUM_CHARS)]
        second += [(ds, rid, text) for rid, text in rng2.sample(pool, SECOND_DRAW)]
    rng2.shuffle(second)
    picked += second
    seen = set()
    with open(OUT, 'w', encoding='utf-8') as out:
        for ds, rid, text in picked:
            conv = f'rsics-{ds}-{rid}'
            if conv in seen:
                continue
            seen.add(conv)
            out.write(message_line('rsics', conv, ds, rid, text))
    print(f'{len(seen)} messages -> {OUT}')

if __name__ == '__main__':
    main(sys.argv[1])
