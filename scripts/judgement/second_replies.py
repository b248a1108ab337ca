"""The blind second labelling of asks, addressed, next step and when (issue #12), shared by the
build scripts and the adjudication sheet.

Files per source (data/judgement/SOURCE/second/):
  replies-blind.jsonl        the second labeller's labels, one JSON line per row:
                             {"id", "asks": [{"text", "addressed"}], "nextStep", "when", "note"}
  replies-adjudicated.txt    every disagreement, decided by the guideline:
                             ID | FIELD | FIRST | SECOND | FINAL | REASON
                             FIELD is asks, nextStep or when; for asks the three values are span
                             lists written as in the label sheets ("span=1 ;; span=0", "" = none;
                             a line break inside a span is written \\n).

  upset-adjudicated.txt      the upset consistency passes (6 Dec 2026; docs/checklist.md): messages
                             about a payment, then ones naming a duration, then faces, runs of ! or
                             ?, capitals, bans and "no way": every row where the blind re-reading
                             differed from the label, decided by the guideline, in the same format
                             with FIELD upset and values 0 / 1.
  ack-adjudicated.txt        the same for acknowledges feelings (twenty-first session): replies with
                             an apology or words of feeling, FIELD acknowledgesFeelings.

`apply_adjudicated` makes FINAL the label of the built row (the sheets keep the first labels, so
"before" stays reproducible); `disagreements` lists what two people labelled differently.
"""
import json, os
from pathlib import Path

# JUDGEMENT_DATA: another folder of sources (the fresh evaluation set, kept off the repository: docs/fresh-evaluation.md).
ROOT = Path(os.environ.get('JUDGEMENT_DATA') or Path(__file__).resolve().parents[2] / 'data' / 'judgement')
FIELDS = ('asks', 'nextStep', 'when')


def js_offset(text, index):
    """Python (code point) index -> JS string (UTF-16) index, as the data contract wants."""
    return len(text[:index].encode('utf-16-le')) // 2


def span_list(value):
    """'span=1 ;; span=0' -> [(span, True), (span, False)]; a span without '=' has addressed None."""
    out = []
    for part in [p for p in value.split(' ;; ') if p.strip()]:
        text, sep, flag = part.rpartition('=')
        if sep and flag in ('0', '1'):
            out.append((text.replace('\\n', '\n'), flag == '1'))
        else:
            out.append((part.replace('\\n', '\n'), None))
    return out


def write_spans(asks):
    return ' ;; '.join(a['text'].replace('\n', '\\n') + ('' if a.get('addressed') is None else f"={int(bool(a['addressed']))}") for a in asks)


def bit(text):
    """A label as the sheets and decision files write it: '1' / '0', '-' (or nothing) for none."""
    return None if text in ('-', '') else text == '1'


def flag(value):
    """The other way: True / False / None -> '1' / '0' / '-'."""
    return '-' if value is None else str(int(bool(value)))


ADJUDICATED = {'replies-adjudicated.txt': FIELDS, 'upset-adjudicated.txt': ('upset',), 'ack-adjudicated.txt': ('acknowledgesFeelings',)}


def read_adjudicated(source):
    """id -> {field: FINAL} for every decided disagreement of SOURCE (both passes' files)."""
    out = {}
    for name, fields in ADJUDICATED.items():
        path = ROOT / source / 'second' / name
        if not path.exists():
            continue
        for line in path.read_text(encoding='utf-8').splitlines():
            if not line.strip() or line.startswith('#'):
                continue
            parts = [p.strip() for p in line.split(' | ')]
            if len(parts) < 6 or parts[1] not in fields or (parts[1] in ('upset', 'acknowledgesFeelings') and parts[4] not in ('0', '1')):
                raise ValueError(f'{path.name}: bad line {line!r}')
            out.setdefault(parts[0], {})[parts[1]] = parts[4]
    return out


def locate_all(customer, spans):
    """[(text, addressed)] -> [{text, start, end, addressed}] with JS offsets; overlapping repeats move on."""
    used, out = [], []
    for text, addressed in spans:
        start = customer.find(text)
        while start != -1 and any(start < e and start + len(text) > s for s, e in used):
            start = customer.find(text, start + 1)
        if start == -1:
            raise ValueError(f'span not found: {text!r}')
        used.append((start, start + len(text)))
        out.append({'text': text, 'start': js_offset(customer, start), 'end': js_offset(customer, start + len(text)), 'addressed': addressed})
    return sorted(out, key=lambda a: a['start'])


def apply_adjudicated(source, rows):
    """Rows (dicts of labelled.jsonl) with the adjudicated finals in place; returns how many changed."""
    decided = read_adjudicated(source)
    changed = 0
    for row in rows:
        for field, final in decided.get(row['id'], {}).items():
            labels = row['labels']
            if field == 'asks':
                labels['asks'] = locate_all(row['customer'], span_list(final))
            else:
                labels[field] = bit(final)
            changed += 1
    unknown = set(decided) - {r['id'] for r in rows}
    if unknown:
        raise ValueError(f'{source}: adjudicated ids not in the data: {sorted(unknown)[:5]}')
    return changed


def read_blind(source):
    path = ROOT / source / 'second' / 'replies-blind.jsonl'
    if not path.exists():
        return {}
    return {r['id']: r for r in (json.loads(l) for l in path.read_text(encoding='utf-8').splitlines() if l.strip())}


def _range(customer, text):
    start = customer.find(text)
    return (start, start + len(text)) if start >= 0 else (-1, -1)


def same_ask(a, b):
    """The evaluation's matching (lib/standards/judgement.ts sameAsk): half of the shorter span shared."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def asks_agree(customer, first, second):
    """Both people found the same asks (one-to-one by same_ask) and judged each the same way."""
    f = [(_range(customer, a['text']), a.get('addressed')) for a in first]
    s = [(_range(customer, a['text']), a.get('addressed')) for a in second]
    if len(f) != len(s):
        return False
    left = list(s)
    for span, addressed in f:
        match = next((x for x in left if same_ask(span, x[0])), None)
        if not match or (addressed is not None and match[1] is not None and bool(addressed) != bool(match[1])):
            return False
        left.remove(match)
    return True


def disagreements(row, second):
    """The fields two people labelled differently on one row (first labels as built, before adjudication)."""
    out = []
    if not asks_agree(row['customer'], row['labels']['asks'], second['asks']):
        out.append('asks')
    for field in ('nextStep', 'when'):
        one, two = row['labels'].get(field), second.get(field)
        if one is not None and two is not None and bool(one) != bool(two):
            out.append(field)
    return out
