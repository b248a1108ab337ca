#!/usr/bin/env python3
"""Validate data/judgement/gh-issues/labelled.jsonl against the data contract and split.json.

Checks: every line parses; ids unique; asks do not overlap; required fields and types; ask offsets are JS (UTF-16)
offsets with customer.slice(start, end) === text; reply-less rows carry null reply labels;
split.json lists every conversation exactly once and nothing else; no long customer
text appears in two splits.
Usage: python3 scripts/judgement/gh-issues-check.py   (exit code 1 on any problem)
"""
import json, os, sys

DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "judgement", "gh-issues")


def js_slice(s, a, b):
    u = s.encode("utf-16-le")
    return u[2 * a:2 * b].decode("utf-16-le")


def main():
    errs, ids, convs = [], set(), set()
    rows = [json.loads(l) for l in open(os.path.join(DIR, "labelled.jsonl"), encoding="utf-8")]
    for r in rows:
        w = r.get("id")
        if w in ids:
            errs.append(f"{w}: duplicate id")
        ids.add(w)
        convs.add(r["conversation"])
        if r.get("source") != "gh-issues" or not isinstance(r.get("customer"), str) or not r["customer"]:
            errs.append(f"{w}: bad source/customer")
        if not isinstance(r.get("thread"), list):
            errs.append(f"{w}: thread not a list")
        L, has = r["labels"], r.get("reply") is not None
        if not isinstance(L.get("upset"), bool):
            errs.append(f"{w}: upset not bool")
        for k in ("nextStep", "when", "acknowledgesFeelings", "respectful"):
            if (isinstance(L.get(k), bool)) != has or (not has and L.get(k) is not None):
                errs.append(f"{w}: {k}={L.get(k)!r} with reply present={has}")
        if has and L["when"] and not L["nextStep"]:
            errs.append(f"{w}: when without nextStep")
        spans = sorted((a["start"], a["end"]) for a in L["asks"])
        if any(e1 > s2 for (_, e1), (s2, _) in zip(spans, spans[1:])):
            errs.append(f"{w}: two asks overlap")
        for a in L["asks"]:
            if js_slice(r["customer"], a["start"], a["end"]) != a["text"]:
                errs.append(f"{w}: ask offsets do not match text {a['text']!r}")
            if (isinstance(a.get("addressed"), bool)) != has:
                errs.append(f"{w}: addressed={a.get('addressed')!r} with reply present={has}")
    split = json.load(open(os.path.join(DIR, "split.json"), encoding="utf-8"))
    listed = split["train"] + split["dev"] + split["test"]
    if len(listed) != len(set(listed)):
        errs.append("split.json lists a conversation twice")
    if set(listed) != convs:
        errs.append(f"split.json and labelled.jsonl differ: {sorted(set(listed) ^ convs)[:5]}")
    if split.get("by") != "conversation":
        errs.append("split.json: by != conversation")
    where = {c: name for name in ("train", "dev", "test") for c in split.get(name, [])}
    seen = {}
    for r in rows:  # the same long text in two splits would leak test items into training
        key = " ".join(r["customer"].lower().split())[:120]
        if len(key) < 40:
            continue
        other = seen.setdefault(key, r)
        if where.get(other["conversation"]) != where.get(r["conversation"]):
            errs.append(f"{r['id']}: same customer text as {other['id']} in another split")
    if errs:
        print("\n".join(errs))
        sys.exit(1)
    by = {s: set(split[s]) for s in ("train", "dev", "test")}
    for s in by:
        sub = [r for r in rows if r["conversation"] in by[s]]
        rep = [r for r in sub if r["reply"] is not None]
        asks = [a for r in sub for a in r["labels"]["asks"]]
        cnt = lambda k: sum(bool(r["labels"][k]) for r in rep)
        print(f"{s:5} exchanges={len(sub)} with_reply={len(rep)} convs={len(by[s])} upset={sum(r['labels']['upset'] for r in sub)}"
              f" asks={len(asks)} addressed={sum(bool(a['addressed']) for a in asks)} nextStep={cnt('nextStep')}"
              f" when={cnt('when')} ack={cnt('acknowledgesFeelings')} notRespectful={len(rep) - cnt('respectful')}")
    print(f"OK: {len(rows)} exchanges, {len(convs)} conversations")


main()
