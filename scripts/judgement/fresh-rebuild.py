#!/usr/bin/env python3
"""Copy the fresh evaluation set's threads again on a machine that lacks them (docs/fresh-evaluation.md).

The repository keeps the fresh set's URLs and labels, never the copied thread text, so a new machine
has to copy the turns again from the stored copies of the threads (by hand or by helpers, with the
brief data/fresh/rebuild-brief.md). This script plans that work, checks it and merges it:

    python3 scripts/judgement/fresh-rebuild.py plan BATCH PARTS OUT   # OUT/BATCH-1 … : urls.txt + expected.txt
    python3 scripts/judgement/fresh-rebuild.py check DIR              # DIR/threads.txt against DIR/expected.txt
    python3 scripts/judgement/fresh-rebuild.py merge DIR [DIR …]      # found threads → data/fresh/BATCH/threads.txt

`plan` lists only threads data/fresh/BATCH/threads.txt does not hold yet, so a second pass picks up
what a first could not find. `expected.txt` names, per thread, the exchange ids the labels expect
(`-t3` is the thread's third block: consecutive turns of one role form a block) and the asks they
quote, which must appear verbatim. A folder is named BATCH-k; `merge` keeps threads already merged,
adds new ones with at least one turn, and writes them in the order of the batch's urls.txt.
Then build as docs/fresh-evaluation.md says, with `build-labelled.py BATCH --present-only`.
"""
import importlib.util, json, os, re, shutil, subprocess, sys, tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FRESH = Path(os.environ.get('JUDGEMENT_DATA') or HERE.parents[1] / 'data' / 'fresh')


def _script(name, file):
    spec = importlib.util.spec_from_file_location(name, HERE / file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ghs = _script('ghs_extract', 'ghs-extract.py')
labelled = _script('build_labelled', 'build-labelled.py')


def thread_blocks(text):
    """{url: the thread's lines, '=== URL' first} for every thread in a threads.txt."""
    parts = re.split(r'(?m)^(?==== )', text)
    return {p.split()[1]: p.rstrip('\n') + '\n' for p in parts if p.startswith('=== ')}


def copied(block):
    return '\n@@' in block


def label_lines(batch):
    sheet = FRESH / batch / 'labels' / 'final.txt'
    return [l for l in sheet.read_text(encoding='utf-8').splitlines() if l.strip() and not l.startswith('#')]


def quoted_asks(line):
    field = [p.strip() for p in line.split('|')][2]
    return [re.sub(r'\s*=[01]$', '', a.strip()) for a in field.split(';;') if a.strip()]


def expected(batch, urls):
    """What the labels expect of each thread: its exchange ids, with the asks each quotes."""
    lines = label_lines(batch)
    out = []
    for url in urls:
        conv = ghs.conv_id(url, ghs.PREFIX[batch])
        out.append(f'=== {url}')
        for line in (l for l in lines if l.split('|')[0].strip().rsplit('-t', 1)[0] == conv):
            ident = line.split('|')[0].strip()
            asks = quoted_asks(line)
            quote = ' — must contain verbatim: ' + ' ;; '.join(json.dumps(a, ensure_ascii=False) for a in asks) if asks else ''
            out.append(f'  exchange {ident}: block {ident.rsplit("-t", 1)[1]} of the thread{quote}')
    return '\n'.join(out) + '\n'


def plan(batch, parts, out):
    have = FRESH / batch / 'threads.txt'
    done = {u for u, b in thread_blocks(have.read_text(encoding='utf-8')).items() if copied(b)} if have.exists() else set()
    todo = [u for u in (FRESH / batch / 'urls.txt').read_text().split() if u not in done]
    size = -(-len(todo) // parts) if todo else 0
    for k in range(parts):
        chunk = todo[k * size:(k + 1) * size]
        if not chunk:
            continue
        d = Path(out) / f'{batch}-{k + 1}'
        d.mkdir(parents=True, exist_ok=True)
        (d / 'urls.txt').write_text('\n'.join(chunk) + '\n')
        (d / 'expected.txt').write_text(expected(batch, chunk), encoding='utf-8')
        print(f'{d}: {len(chunk)} threads')
    print(f'{batch}: {len(done)} threads copied already, {len(todo)} to copy')


def batch_of(folder):
    return Path(folder).resolve().name.rsplit('-', 1)[0]


def extracted(batch, threads):
    """The batch's own extraction (ghs-extract.py) run on a copy: its exchanges by id."""
    tmp = Path(tempfile.mkdtemp())
    try:
        (tmp / batch).mkdir()
        shutil.copy(threads, tmp / batch / 'threads.txt')
        env = dict(os.environ, JUDGEMENT_DATA=str(tmp))
        subprocess.run([sys.executable, str(HERE / 'ghs-extract.py'), '--source', batch], env=env, check=True, capture_output=True)
        return {ex['id']: ex for ex in map(json.loads, open(tmp / batch / 'raw.jsonl', encoding='utf-8'))}
    finally:
        shutil.rmtree(tmp)


def check(folder):
    """A copier's folder read as the build reads it: missing exchanges and quoted asks not found."""
    d, batch = Path(folder).resolve(), batch_of(folder)
    ids = set(re.findall(r'exchange (\S+):', (d / 'expected.txt').read_text(encoding='utf-8')))
    raw = extracted(batch, d / 'threads.txt')
    bad = []
    for line in (l for l in label_lines(batch) if l.split('|')[0].strip() in ids & raw.keys()):
        try:
            labelled.parse(line, raw)
        except ValueError as err:
            bad.append(f'{line.split("|")[0].strip()}: {err}')
    missing = sorted(ids - raw.keys())
    for m in missing:
        print('MISSING exchange', m)
    for b in bad:
        print('SPAN NOT FOUND', b)
    urls = (d / 'urls.txt').read_text().split()
    got = thread_blocks((d / 'threads.txt').read_text(encoding='utf-8'))
    print(f'threads copied: {sum(1 for u in urls if copied(got.get(u, "")))} of {len(urls)}; '
          f'exchanges present: {len(ids & raw.keys())} of {len(ids)}; not in urls.txt: {[u for u in got if u not in urls]}')
    print('OK' if not missing and not bad else f'{len(missing)} missing, {len(bad)} spans not found')


def merge(folders):
    by_batch = {}
    for f in folders:
        by_batch.setdefault(batch_of(f), []).append(Path(f))
    for batch, dirs in by_batch.items():
        target = FRESH / batch / 'threads.txt'
        have = {u: b for u, b in thread_blocks(target.read_text(encoding='utf-8')).items() if copied(b)} if target.exists() else {}
        before = len(have)
        for d in dirs:
            for u, b in thread_blocks((d / 'threads.txt').read_text(encoding='utf-8')).items():
                if copied(b):
                    have.setdefault(u, b)
        urls = (FRESH / batch / 'urls.txt').read_text().split()
        target.write_text(''.join(have[u] for u in urls if u in have), encoding='utf-8')
        print(f'{batch}: {len(have)} of {len(urls)} threads ({len(have) - before} new) → {target}')


if __name__ == '__main__':
    cmd, args = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ('', [])
    if cmd == 'plan' and len(args) == 3:
        plan(args[0], int(args[1]), args[2])
    elif cmd == 'check' and len(args) == 1:
        check(args[0])
    elif cmd == 'merge' and args:
        merge(args)
    else:
        sys.exit(__doc__)
