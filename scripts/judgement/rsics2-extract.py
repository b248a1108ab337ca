#!/usr/bin/env python3
"""Extract rsics-2: a second, TRAIN-ONLY sample of customer messages from RSiCS.

Input: the same RSiCS file as data/judgement/rsics (tagged_selections_by_sentence.csv, ODbL 1.0,
see data/judgement/rsics-2/SOURCE.md). Usage:

    python3 scripts/judgement/rsics2-extract.py PATH/TO/tagged_selections_by_sentence.csv

Writes data/judgement/rsics-2/raw.jsonl: one customer message per line (customer-only, reply
null). The text is read as rsics-extract.py reads it (threshold-2 rows, MergedSelections with the
reviewers' [ and ] removed; forum posts only up to 500 characters). Every request already in
data/judgement/rsics/raw.jsonl is skipped, and so is every message whose normalised text
(lowercase, whitespace collapsed) is already in any data/judgement/*/raw.jsonl or labelled.jsonl
(customer or thread) or earlier in this draw. The draw is stratified like rsics' first draw: the
RSiCS 'Rant' and 'Express Emotion' columns pick emotional vs other messages ONLY to draw enough
upset customers; they are not copied and never become labels (every label is made by hand).
"""
import csv, importlib.util, json, random, re, sys
from pathlib import Path

# The first draw's script (its file name has a hyphen): the same row format.
_spec = importlib.util.spec_from_file_location('rsics_extract', Path(__file__).with_name('rsics-extract.py'))
FIRST = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(FIRST)

SEED = 20261222                # rsics used 20261202 (first draw) and 20261203 (second draw)
MAX_FORUM_CHARS = 500
PER_DATASET = {                # dataset id -> (emotional, other); emotional = every one left
    '1': (19, 60),             # TripAdvisor airline forum: 19 emotional posts <= 500 chars left
    '2': (0, 60),              # train travel assistant: all 13 emotional ones are in rsics
    '3': (0, 60),              # airline assistant: all 39 emotional ones are in rsics
    '4': (41, 60),             # telecommunications support assistant: 41 left
}
ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'
OUT = ROOT / 'rsics-2' / 'raw.jsonl'

def norm(text):
    return re.sub(r'\s+', ' ', text.lower()).strip()

def known_texts():
    """Normalised customer and thread texts of every other source (any split)."""
    seen = set()
    for folder in ROOT.iterdir():
        if folder.name == 'rsics-2' or not folder.is_dir():
            continue
        for name in ('raw.jsonl', 'labelled.jsonl'):
            path = folder / name
            for line in open(path, encoding='utf-8') if path.exists() else []:
                ex = json.loads(line)
                seen.update(norm(t) for t in [ex.get('customer') or '', *ex.get('thread', [])] if t)
    return seen

def main(path):
    rows = list(csv.reader(open(path, encoding='utf-8', newline='')))
    in_rsics = {json.loads(l)['id'] for l in open(ROOT / 'rsics' / 'raw.jsonl', encoding='utf-8')}
    seen, dropped = known_texts(), []
    rng = random.Random(SEED)
    picked = []
    for ds, (n_emo, n_plain) in PER_DATASET.items():
        pool = {True: [], False: []}
        for r in rows:
            if r[0] != ds or r[3] != '2' or f'rsics-{ds}-{r[2]}' in in_rsics:
                continue
            text = r[4].replace('[', '').replace(']', '').strip()
            if not text or (ds == '1' and len(text) > MAX_FORUM_CHARS):
                continue
            pool[r[10] == '1' or r[13] == '1'].append((r[2], text))
        for emotional, n in ((True, n_emo), (False, n_plain)):
            candidates = sorted(pool[emotional])
            rng.shuffle(candidates)
            taken = 0
            for rid, text in candidates:
                if taken == n:
                    break
                if norm(text) in seen:
                    dropped.append(f'rsics-{ds}-{rid}')
                    continue
                seen.add(norm(text))
                picked.append((ds, rid, text))
                taken += 1
    rng.shuffle(picked)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, 'w', encoding='utf-8') as out:
        for ds, rid, text in picked:
            conv = f'rsics2-{ds}-{rid}'
            out.write(FIRST.message_line('rsics-2', conv, ds, rid, text))
    print(f'{len(picked)} messages -> {OUT}; {len(dropped)} duplicates dropped: {" ".join(dropped)}')

if __name__ == '__main__':
    main(sys.argv[1])
