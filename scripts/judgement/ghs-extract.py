#!/usr/bin/env python3
"""Extract exchanges of the `gh-support` source from its hand-copied thread file.

    python3 scripts/judgement/ghs-extract.py [--source SOURCE] [URLS_OF_OTHER_SOURCES]

Reads data/judgement/SOURCE/threads.txt and writes data/judgement/SOURCE/raw.jsonl
(SOURCE defaults to gh-support; gh-support-2 and gh-ack use the same format, with ids prefixed
"ghs2-" / "gha-").
threads.txt holds the copied turns of public GitHub issue threads, verbatim:

    === URL                     starts a thread (https://github.com/OWNER/REPO/issues/N)
    @@c AUTHOR                  a turn by the customer (the user asking for support)
    @@s AUTHOR                  a turn by staff (maintainer / support person of the project)
    text lines...               the turn's text, verbatim (template boilerplate, logs, images left out)

One exchange per customer block that is followed by a staff block: consecutive customer turns
form `customer`, the staff turns right after it form `reply`, earlier turns go to `thread` as
"Customer: ..." / "Agent: ...". Customer turns with no staff reply after them are not exchanges.
"""
import json, re, os
from pathlib import Path

# JUDGEMENT_DATA: another folder of sources (the fresh evaluation set, kept off the repository: docs/fresh-evaluation.md).
ROOT = Path(os.environ.get('JUDGEMENT_DATA') or Path(__file__).resolve().parents[2] / 'data' / 'judgement')
PREFIX = {'gh-support': 'ghs-', 'gh-support-2': 'ghs2-', 'gh-ack': 'gha-', 'gh-support-3': 'ghs3-', 'gh-support-4': 'ghs4-', 'gh-support-5': 'ghs5-', 'gh-support-6': 'ghs6-', 'gh-support-7': 'ghs7-', 'gh-support-8': 'ghs8-'}

def threads(path):
    out, cur = [], None
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('=== '):
            cur = {'url': line[4:].strip(), 'turns': []}
            out.append(cur)
        elif line.startswith('@@'):
            role, author = line[2], line[4:].strip()
            cur['turns'].append([role, author, []])
        elif cur is not None and cur['turns']:
            cur['turns'][-1][2].append(line)
    return out

def conv_id(url, prefix='ghs-'):
    m = re.match(r'https://github\.com/([^/]+)/([^/]+)/issues/(\d+)$', url)
    if not m:
        raise ValueError(f'not an issue URL: {url}')
    return prefix + re.sub(r'[^a-z0-9]+', '-', f'{m.group(1)}-{m.group(2)}'.lower()) + f'-{m.group(3)}'

def blocks(turns):
    out = []
    for role, author, lines in turns:
        text = '\n'.join(lines).strip()
        if not text:
            continue
        if out and out[-1][0] == role:
            out[-1][1].append(text); out[-1][2].add(author)
        else:
            out.append((role, [text], {author}))
    return out

def main(other_urls=None, source='gh-support'):
    """other_urls: optional file of thread URLs another source already uses (one per line)."""
    folder = ROOT / source
    taken_by_other_source = set(open(other_urls).read().split()) if other_urls else set()
    rows, seen = [], set()
    for t in threads(folder / 'threads.txt'):
        conv = conv_id(t['url'], PREFIX[source])
        if t['url'] in taken_by_other_source:
            raise SystemExit(f'thread already in another source: {t["url"]}')
        if conv in seen:
            raise SystemExit(f'thread twice: {t["url"]}')
        seen.add(conv)
        bs, thread = blocks(t['turns']), []
        for i, (role, texts, authors) in enumerate(bs):
            if role == 'c' and i + 1 < len(bs) and bs[i + 1][0] == 's':
                rows.append({'id': f'{conv}-t{i + 1}', 'source': source, 'conversation': conv, 'url': t['url'],
                             'customerAuthors': sorted(authors), 'thread': thread[:],
                             'customer': '\n\n'.join(texts), 'reply': '\n\n'.join(bs[i + 1][1])})
            thread += [f'{"Customer" if role == "c" else "Agent"}: {x}' for x in texts]
    with open(folder / 'raw.jsonl', 'w', encoding='utf-8') as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(f'{len(seen)} threads, {len(rows)} exchanges')

if __name__ == '__main__':
    import sys
    args = sys.argv[1:]
    source = 'gh-support'
    if args[:1] == ['--source']:
        source, args = args[1], args[2:]
    main(*args[:1], source=source)
