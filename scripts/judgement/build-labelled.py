#!/usr/bin/env python3
"""Turn the hand-made label sheets of a source into labelled.jsonl.

    python3 scripts/judgement/build-labelled.py SOURCE [--present-only]

Reads data/judgement/SOURCE/raw.jsonl and every data/judgement/SOURCE/labels/*.txt sheet.
A sheet line is the labeller's decision for one exchange, fields separated by "|":

    ID | UPSET | ASKS | NEXTSTEP WHEN ACK RESPECTFUL | NOTES

UPSET is 0/1. ASKS is empty or spans separated by " ;; ", each an exact piece of the customer
message, followed by "=1"/"=0" (addressed) when the exchange has a reply. The four reply flags
are 0/1, or "-" for customer-only sources. Lines starting with # are comments. The script only
computes offsets and writes JSON; it never decides a label. A span that is not found is an error.

--present-only is for a fresh set re-copied on a new machine (docs/fresh-evaluation.md): a label
whose exchange is not in raw.jsonl (its thread could not be found again), or whose quoted span is
not in the re-copied text (the copy differs from the one labelled), is left out and counted, not an
error. A fault of the sheet itself (a flag that is not 0/1, an ask without =1/=0) still stops it.
"""
import json, re, sys, os
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from second_replies import apply_adjudicated  # noqa: E402

# JUDGEMENT_DATA: another folder of sources (the fresh evaluation set, kept off the repository: docs/fresh-evaluation.md).
ROOT = Path(os.environ.get('JUDGEMENT_DATA') or Path(__file__).resolve().parents[2] / 'data' / 'judgement')

class CopyDiffers(ValueError):
    """The copied text lacks what a label names: its exchange, or an ask it quotes."""

def locate(customer, span, used):
    start = customer.find(span)
    while start != -1 and any(start < e and start + len(span) > s for s, e in used):
        start = customer.find(span, start + 1)
    if start == -1:
        m = re.search(re.escape(span), customer, re.I)
        if not m:
            raise CopyDiffers(f'span not found: {span!r}')
        start = m.start()
    return start, start + len(span)

def js_offset(text, index):
    """Python (code point) index -> JS string (UTF-16) index, as the data contract wants."""
    return len(text[:index].encode('utf-16-le')) // 2

def flag(value, what):
    if value not in ('0', '1'):
        raise ValueError(f'{what} must be 0 or 1, got {value!r}')
    return value == '1'

def parse(line, raw):
    parts = [p.strip() for p in line.split('|')]   # no span contains '|' (checked: a span that does fails to match)
    parts += [''] * (5 - len(parts))
    ident, upset, asks_field, reply_field, notes = parts[0], parts[1], parts[2], parts[3], '|'.join(parts[4:]).strip()
    if ident not in raw:
        raise CopyDiffers(f'no exchange {ident} in raw.jsonl')
    ex = raw[ident]
    has_reply = ex['reply'] is not None
    asks, used = [], []
    for item in [a.strip() for a in asks_field.split(';;') if a.strip()]:
        addressed = None
        m = re.match(r'^(.*?)\s*=([01])$', item, re.S)
        if has_reply:
            if not m:
                raise ValueError(f'ask needs =1/=0 (addressed): {item!r}')
            item, addressed = m.group(1), m.group(2) == '1'
        start, end = locate(ex['customer'], item, used)
        used.append((start, end))
        asks.append({'text': ex['customer'][start:end], 'start': js_offset(ex['customer'], start),
                     'end': js_offset(ex['customer'], end), 'addressed': addressed})
    asks.sort(key=lambda a: a['start'])
    if has_reply:
        ns, when, ack, resp = [flag(v, n) for v, n in zip(reply_field.split(), ('nextStep', 'when', 'ack', 'respectful'))]
    else:
        if reply_field.replace('-', '').strip():
            raise ValueError('customer-only exchange: reply flags must be "-"')
        ns = when = ack = resp = None
    row = {'id': ident, 'source': ex['source'], 'conversation': ex['conversation'],
           **({'url': ex['url']} if 'url' in ex else {}), 'thread': ex['thread'],
           'customer': ex['customer'], 'reply': ex['reply'],
           'labels': {'upset': flag(upset, 'upset'), 'asks': asks, 'nextStep': ns, 'when': when,
                      'acknowledgesFeelings': ack, 'respectful': resp}}
    if notes:
        row['notes'] = notes
    return row

def main(source, present_only=False):
    folder = ROOT / source
    left_out = []
    raw = {}
    order = []
    for l in open(folder / 'raw.jsonl', encoding='utf-8'):
        ex = json.loads(l)
        raw[ex['id']] = ex
        order.append(ex['id'])
    rows = {}
    for sheet in sorted((folder / 'labels').glob('*.txt')):
        for n, line in enumerate(open(sheet, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            try:
                row = parse(line, raw)
            except CopyDiffers as err:
                if not present_only:
                    sys.exit(f'{sheet.name}:{n}: {err}')
                left_out.append((line.split('|')[0].strip(), err))
                continue
            except ValueError as err:  # a fault of the sheet itself: never left out
                sys.exit(f'{sheet.name}:{n}: {err}')
            if row['id'] in rows:
                sys.exit(f'{sheet.name}:{n}: {row["id"]} labelled twice')
            rows[row['id']] = row
    # The blind second pass's decided disagreements (second/replies-adjudicated.txt) override the sheets.
    adjudicated = apply_adjudicated(source, list(rows.values()))
    with open(folder / 'labelled.jsonl', 'w', encoding='utf-8') as out:
        for ident in order:
            if ident in rows:
                out.write(json.dumps(rows[ident], ensure_ascii=False) + '\n')
    print(f'{source}: {len(rows)} labelled of {len(raw)}' + (f'; {adjudicated} labels adjudicated' if adjudicated else '')
          + (f'; {len(left_out)} labels left out' if present_only else ''))
    for ident, err in left_out:
        if ident in raw:  # copied, but differently from the text that was labelled
            print(f'  left out: {ident} ({err})')

if __name__ == '__main__':
    main(sys.argv[1], '--present-only' in sys.argv[2:])
