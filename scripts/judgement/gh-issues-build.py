#!/usr/bin/env python3
"""Build data/judgement/gh-issues/{labelled.jsonl,split.json} from the hand-labelled batch files.

Batch files (data/judgement/gh-issues/batches/*.txt) hold public GitHub issue threads as they
were read, turn by turn, with the labeller's decisions written under the exchange they label:

  === owner/repo#123                       one conversation (the issue thread)
  U: text of a user (customer) turn        may continue on following lines
  M: text of a maintainer (agent) turn
  L: u=1 ns=1 w=0 ack=0 r=1                labels the exchange ending here (customer = the
                                           consecutive U turns before, reply = the M turns
                                           before, thread = everything earlier). After a U turn
                                           with no M: reply is null (customer-only exchange).
  A: exact ask span => 1                   one ask: text copied from the customer turn, addressed
  N: free note for doubtful cases

Labels are decided by a person reading the exchange; this script only converts and validates.
The split is a pure function of the conversation id and the seed (sha256), so a conversation
added later never moves an earlier one:  < 0.40 train, < 0.60 dev, else test.

Usage: python3 scripts/judgement/gh-issues-build.py
"""
import glob, hashlib, json, os, re, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from second_replies import apply_adjudicated  # noqa: E402

SOURCE = "gh-issues"
SEED = 20261202
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
DIR = os.path.join(ROOT, "data", "judgement", SOURCE)
TAG = re.compile(r"^(===|U:|M:|L:|A:|N:)\s?(.*)$")


def split_of(conv):
    h = int(hashlib.sha256(f"{SEED}:{conv}".encode()).hexdigest()[:8], 16) / 2**32
    return "train" if h < 0.40 else "dev" if h < 0.60 else "test"


def conv_id(ref):
    m = re.fullmatch(r"([\w.-]+)/([\w.-]+)#(\d+)", ref.strip())
    if not m:
        raise ValueError(f"bad conversation ref {ref!r}")
    return f"gh-{m.group(1)}-{m.group(2)}-{m.group(3)}".lower(), m


def utf16_index(s, py_index):
    return len(s[:py_index].encode("utf-16-le")) // 2


def parse_labels(line, where):
    out = {}
    for tok in line.split():
        k, _, v = tok.partition("=")
        if v not in ("0", "1"):
            raise ValueError(f"{where}: bad label token {tok!r}")
        out[k] = v == "1"
    need = {"u"} if out.keys() == {"u"} else {"u", "ns", "w", "ack", "r"}
    if set(out) != need:
        raise ValueError(f"{where}: labels {sorted(out)} != {sorted(need)}")
    return out


def read_blocks(path):
    """Yield (tag, text, lineno) with continuation lines joined."""
    cur = None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            m = TAG.match(line)
            if m:
                if cur:
                    yield cur
                cur = [m.group(1), m.group(2), n]
            elif cur and cur[0] in ("U:", "M:"):
                cur[1] += "\n" + line
            elif line.strip() and not line.startswith("#"):
                raise ValueError(f"{path}:{n}: stray line {line!r}")
    if cur:
        yield cur


def build():
    rows, convs, errors = [], {}, []
    for path in sorted(glob.glob(os.path.join(DIR, "batches", "*.txt"))):
        conv, url, turns, last = None, None, [], None
        for tag, text, n in read_blocks(path):
            where = f"{os.path.basename(path)}:{n}"
            try:
                if tag == "===":
                    conv, m = conv_id(text)
                    if conv in convs:
                        raise ValueError(f"{where}: conversation {conv} repeated")
                    url = f"https://github.com/{m.group(1)}/{m.group(2)}/issues/{m.group(3)}"
                    convs[conv] = url
                    turns, last = [], None
                elif tag in ("U:", "M:"):
                    turns.append((tag[0], text.strip()))
                elif tag == "L:":
                    labels = parse_labels(text, where)
                    i = len(turns)
                    reply = []
                    while i and turns[i - 1][0] == "M":
                        i -= 1
                        reply.insert(0, turns[i][1])
                    cust = []
                    while i and turns[i - 1][0] == "U":
                        i -= 1
                        cust.insert(0, turns[i][1])
                    if not cust:
                        raise ValueError(f"{where}: no customer turn before L:")
                    has_reply = bool(reply)
                    if has_reply != ("ns" in labels):
                        raise ValueError(f"{where}: reply present={has_reply} but labels {sorted(labels)}")
                    customer = "\n\n".join(cust)
                    row = {
                        "id": f"{conv}-t{len(turns)}",
                        "source": SOURCE,
                        "conversation": conv,
                        "url": url,
                        "thread": [t for _, t in turns[:i]],
                        "customer": customer,
                        "reply": "\n\n".join(reply) if has_reply else None,
                        "labels": {
                            "upset": labels["u"],
                            "asks": [],
                            "nextStep": labels.get("ns") if has_reply else None,
                            "when": labels.get("w") if has_reply else None,
                            "acknowledgesFeelings": labels.get("ack") if has_reply else None,
                            "respectful": labels.get("r") if has_reply else None,
                        },
                    }
                    rows.append(row)
                    last = row
                elif tag == "A:":
                    span, sep, addr = text.rpartition("=>")
                    span = span.strip() if sep else text.strip()
                    if last is None:
                        raise ValueError(f"{where}: A: before any L:")
                    pos = last["customer"].find(span)
                    if not span or pos < 0:
                        raise ValueError(f"{where}: ask text not in customer: {span!r}")
                    ask = {"text": span, "start": utf16_index(last["customer"], pos),
                           "end": utf16_index(last["customer"], pos + len(span))}
                    if last["reply"] is None:
                        ask["addressed"] = None
                    else:
                        if addr.strip() not in ("0", "1"):
                            raise ValueError(f"{where}: ask needs '=> 0|1'")
                        ask["addressed"] = addr.strip() == "1"
                    last["labels"]["asks"].append(ask)
                elif tag == "N:":
                    if last is None:
                        raise ValueError(f"{where}: N: before any L:")
                    last["notes"] = (last.get("notes", "") + " " + text.strip()).strip()
            except ValueError as e:
                errors.append(str(e))
    if errors:
        sys.exit("\n".join(errors))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    split = {"seed": SEED, "by": "conversation",
             "rule": "sha256(f'{seed}:{conversation}')[:8]/2^32: <0.40 train, <0.60 dev, else test",
             "train": [], "dev": [], "test": []}
    for c in sorted(convs):
        split[split_of(c)].append(c)
    # The blind second pass's decided disagreements (second/replies-adjudicated.txt) override the batches.
    apply_adjudicated(SOURCE, rows)
    with open(os.path.join(DIR, "labelled.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(os.path.join(DIR, "split.json"), "w", encoding="utf-8") as f:
        json.dump(split, f, indent=1)
        f.write("\n")
    return rows, split


if __name__ == "__main__":
    rows, split = build()
    by = {s: set(split[s]) for s in ("train", "dev", "test")}
    counts = {s: sum(r["conversation"] in by[s] for r in rows) for s in by}
    print(f"{len(rows)} exchanges, {sum(len(v) for v in by.values())} conversations; exchanges per split {counts}")
