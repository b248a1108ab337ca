#!/usr/bin/env python3
"""Extract the customer-only rows of the train-only source `gh-issues-2` from its thread file.

    python3 scripts/judgement/gh-issues-2-extract.py

Reads data/judgement/gh-issues-2/threads.txt and writes data/judgement/gh-issues-2/raw.jsonl.
threads.txt holds turns copied verbatim from public GitHub issue threads (format of gh-support's
threads.txt, see ghs-extract.py), with one more role:

    === URL          starts a thread (https://github.com/OWNER/REPO/issues/N)
    @@c AUTHOR       a user turn that becomes a row (the first post, and at most one later user turn)
    @@s AUTHOR       a maintainer's / other person's reply: context only ("Agent: ...")
    @@x AUTHOR       another user's turn kept as context only ("Customer: ...")

Every `@@c` block (consecutive `@@c` turns of the same author joined with a blank line) is one
customer-only row:
`reply` null, `thread` = the turns before it. Rows are refused when their thread URL is used by
gh-issues, gh-support, gh-support-2 or gh-ack, and dropped (counted) when their customer text,
normalised (lowercase, whitespace collapsed), is already in any other source's labelled.jsonl or
raw.jsonl, or earlier in this source.
"""
import json, re, sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from importlib import import_module
ghs = import_module('ghs-extract')

ROOT = Path(__file__).resolve().parents[2] / 'data' / 'judgement'
SOURCE = 'gh-issues-2'
ROLE = {'c': 'Customer', 'x': 'Customer', 's': 'Agent'}

def norm(text):
    return re.sub(r'\s+', ' ', text.lower()).strip()

def other_urls():
    urls = set(re.findall(r'https://github\.com/[^ >)`]*', (ROOT / 'gh-issues' / 'REPOSITORIES.md').read_text()))
    for src in ('gh-support', 'gh-support-2', 'gh-ack'):
        urls |= {l[4:].strip() for l in open(ROOT / src / 'threads.txt', encoding='utf-8') if l.startswith('=== ')}
    return urls

def other_texts():
    seen = set()
    for folder in ROOT.iterdir():
        if folder.name == SOURCE or not folder.is_dir():
            continue
        for name in ('labelled.jsonl', 'raw.jsonl'):
            if (folder / name).exists():
                for l in open(folder / name, encoding='utf-8'):
                    r = json.loads(l)
                    seen.add(norm(r.get('customer') or r.get('text') or ''))
    return seen

def blocks(turns):
    out = []
    for role, author, lines in turns:
        text = '\n'.join(lines).strip('\n').rstrip()
        if not text.strip():
            continue
        if out and out[-1][0] == role == 'c' and out[-1][2] == {author}:
            out[-1][1].append(text)
        else:
            out.append((role, [text], {author}))
    return out

def main():
    folder = ROOT / SOURCE
    taken, known = other_urls(), other_texts()
    rows, convs, dropped = [], set(), []
    for t in ghs.threads(folder / 'threads.txt'):
        if t['url'] in taken:
            sys.exit(f'thread already in another source: {t["url"]}')
        conv = ghs.conv_id(t['url'], 'ghi2-')
        if conv in convs:
            sys.exit(f'thread twice: {t["url"]}')
        convs.add(conv)
        thread = []
        for i, (role, texts, authors) in enumerate(blocks(t['turns'])):
            if role == 'c':
                customer = '\n\n'.join(texts)
                if norm(customer) in known:
                    dropped.append(f'{conv}-t{i + 1}')
                else:
                    known.add(norm(customer))
                    rows.append({'id': f'{conv}-t{i + 1}', 'source': SOURCE, 'conversation': conv, 'url': t['url'],
                                 'customerAuthors': sorted(authors), 'thread': thread[:],
                                 'customer': customer, 'reply': None})
            thread += [f'{ROLE[role]}: {x}' for x in texts]
    kept = {r['conversation'] for r in rows}
    with open(folder / 'raw.jsonl', 'w', encoding='utf-8') as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(kept)} threads, {len(rows)} rows; dropped as duplicate text: {len(dropped)} {" ".join(dropped)}')

if __name__ == '__main__':
    main()
