"""Fuzz run: generated hostile documents through ``saidwhat.extract`` and ``saidwhat extract --jsonl``.

    .venv/bin/python bench/fuzz.py [--documents 100000] [--cli-share 0.5] [--budget 5] [--seed 13]

Documents of the kinds that once broke the engine (issue 13), generated here from a seed: news
sentences written for this file, random Unicode with lone surrogates, odd and unbalanced quote marks
(runs of up to 20,000 of one mark), quotes nested 500 deep, impossible dates, and lines of a
megabyte. A share (``--cli-share``) goes through ``saidwhat extract --jsonl`` as one batch, the rest
through the Python API one by one with the time budget. Prints, for each path and in all: documents
in, extracted, errors by reason, uncaught exceptions, offsets that do not slice, inverted spans, and
(API) the slowest document's time, whole ``saidwhat.extract`` call, against the budget (it must be
under it: the budget stops a document before its next step would overrun, see ``saidwhat.budget``).
Progress goes to stderr every ``--progress`` seconds. Exit status 1 if any check fails. Not part of
the test suite: it runs for minutes.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import saidwhat  # noqa: E402
from saidwhat.text.clean import replace_lone_surrogates  # noqa: E402

# Sentences written for this file (never taken from evaluation texts).
SENTENCES = [
    "“We will not sign this agreement,” the union leader Mara Velden said on Tuesday.",
    "The finance minister told reporters that the budget would be balanced by 2027.",
    "According to the city council, the bridge will reopen in May.",
    "“It was a long night,” she said. “But we are still here.”",
    "Officials said the talks would continue on Friday, although no date was set.",
    "Tomas Okafor, a spokesman for the ministry, declined to comment.",
    "The report, which cited three unnamed officials, said prices fell by 3 percent last month.",
    "“Nobody was hurt,” a police spokesman said, adding that the road was closed.",
    "Dr. Priya Raman warned that the outbreak “is far from over.”",
    "He said: “Our doors stay open to anyone who wants to talk.”",
    "In a statement, the company said it “regrets the delay” and would refund customers.",
    "Ines Halvorsen, the mayor, has said she will not run again.",
    "“Is this the end?” he asked. “No,” said Jonah Whitcombe.",
    "The agency reported on Monday that exports rose for a third straight quarter.",
    "Critics say the plan does too little, too late.",
    "The senator's answer was: “We will see what happens next week.”",
    "WASHINGTON — The ambassador said the embassy would stay open through the holidays.",
    "“First,” she said, “we listen. Then we decide.”",
]
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‟", "``", "''", "‹", "›", "「", "」"]
DATES = ["On February 31, 2019,", "On 99/99/9999", "On the 32nd of May", "On Monday, 2019-13-45,",
         "Last Octember", "On 0000-00-00", "In the year 99999,", "On April 31", "At 25:61 on Feb. 30,",
         "On September 0, 1752,", "Next Thursday, June 31,", "In -44 BC,", "On 2019-02-29"]


class Generator:
    """Documents of each hostile kind, from one seed (the same seed gives the same documents)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def prose(self) -> str:
        rng = self.rng
        paragraphs = [" ".join(rng.choices(SENTENCES, k=rng.randint(1, 3))) for _ in range(rng.randint(1, 3))]
        text = "\n\n".join(paragraphs)
        return (rng.choice(["April 8, 2019\n", "Published 2021-03-04\n", ""]) + text)

    def unicode(self) -> str:
        rng = self.rng
        n = rng.choice([10, 10, 50, 50, 200, 1000]) if rng.random() < 0.99 else 5000
        out = []
        for _ in range(n):
            r = rng.random()
            if r < 0.05:
                out.append(chr(rng.randint(0xD800, 0xDFFF)))  # a lone surrogate
            elif r < 0.15:
                out.append(rng.choice(MARKS))
            elif r < 0.3:
                out.append(" ")
            elif r < 0.35:
                out.append(rng.choice(["\n", "\r\n", "\t", "\x00", "\u2028", "\ufeff", "\u200b"]))
            elif r < 0.4:
                out.append(chr(rng.randint(0x10000, 0x10FFFF)))
            else:
                out.append(chr(rng.randint(0x20, 0xFFFF)))
        if rng.random() < 0.5:
            out.insert(rng.randrange(len(out) + 1), " " + rng.choice(SENTENCES) + " ")
        return "".join(out)

    def quotes(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.3:  # a run of one mark, after a sentence
            n = rng.choice([3, 10, 100]) if rng.random() < 0.98 else rng.choice([1000, 5000, 20_000])
            return "Bob said it. " + rng.choice(MARKS) * n
        if r < 0.6:  # marks among words, unbalanced
            words = []
            for _ in range(rng.randint(5, 60) if rng.random() < 0.95 else 400):
                words.append(rng.choice(MARKS) if rng.random() < 0.4 else rng.choice(
                    ["said", "he", "Ann Lee", "told", "the", "plan", "works", ":", "—", ",", "."]))
            return " ".join(words) if rng.random() < 0.5 else "".join(words)
        # a sentence with its marks swapped for odd ones
        s = rng.choice(SENTENCES)
        return "".join(rng.choice(MARKS) if c in "“”\"'‘’" else c for c in s) * rng.randint(1, 5)

    def nested(self) -> str:
        rng = self.rng
        depth = rng.choice([5, 20, 50]) if rng.random() < 0.97 else 500
        opens = [rng.choice(["“", "‘", "«", '"', "'", "„", "("]) for _ in range(depth)]
        inner = " ".join(f"{o}level {i} said Ann" for i, o in enumerate(opens))
        closes = "".join({"“": "”", "‘": "’", "«": "»", "„": "“", "(": ")"}.get(o, o) for o in reversed(opens))
        if rng.random() < 0.5:
            closes = closes[: rng.randrange(len(closes) + 1)]  # left open
        return "Bob said " + inner + " the end" + closes + "."

    def dates(self) -> str:
        rng = self.rng
        return "\n".join(f"{rng.choice(DATES)} {rng.choice(SENTENCES)}" for _ in range(rng.randint(1, 4)))

    def megabyte(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.4:
            return rng.choice(MARKS) * 1_000_000
        if r < 0.7:
            return ("a" * 999 + " ") * 1000
        if r < 0.85:
            return "".join(rng.choice(MARKS) + "x" for _ in range(500_000))
        line = " ".join(s.rstrip(".") for s in rng.choices(SENTENCES, k=12))  # prose, no full stop
        return (line + " and ") * (1_000_000 // (len(line) + 5))

    def document(self, i: int, megabytes_every: int) -> str:
        if megabytes_every and i % megabytes_every == megabytes_every - 1:
            return self.megabyte()
        kind = self.rng.choice((self.prose, self.prose, self.unicode, self.unicode, self.quotes,
                                self.nested, self.dates))
        return kind()


def check(result: dict, text: str) -> tuple[int, int]:
    """(offsets that do not slice, inverted spans) in one extraction's JSON form."""
    bad = inverted = 0

    def span(s, expected=None):
        nonlocal bad, inverted
        if s is None:
            return
        a, b = s
        if a > b:
            inverted += 1
        elif not (0 <= a <= b <= len(text)) or (expected is not None and text[a:b] != expected):
            bad += 1

    for a in result["attributions"]:
        for s in a["content_spans"]:
            span(s)
        span(a["content_span"])
        if len(a["content_spans"]) == 1:
            span(a["content_span"], a["content"])
        span(a["cue_span"], a["cue"])
        span(a["speaker_span"])
        for link in a["source_chain"]:
            span(link["span"])
    for s in result["speakers"]:
        for m in s["mentions"]:
            span((m["start"], m["end"]), m["text"])
    for t in result["time_expressions"]:
        span((t["start"], t["end"]), t["text"])
    return bad, inverted


class Progress:
    """A line on stderr every ``every`` seconds per path, so a long run shows it is alive."""

    def __init__(self, name: str, total: int, every: float):
        self.name, self.total, self.every = name, total, every
        self.t0 = self.last = time.perf_counter()

    def __call__(self, done: int, extra: str = "") -> None:
        now = time.perf_counter()
        if self.every and (now - self.last >= self.every or done == self.total):
            self.last = now
            print(f"[{now - self.t0:5.0f} s] {self.name}: {done:,}/{self.total:,} documents{extra}",
                  file=sys.stderr, flush=True)


def run_api(docs: list[tuple[str, str]], budget: float, every: float = 30.0) -> dict:
    saidwhat.extract("“Warm-up,” he said.")
    out = Counter()
    slowest = slowest_done = 0.0
    slowest_id = ""
    progress = Progress("Python API", len(docs), every)
    for done, (doc_id, text) in enumerate(docs, 1):
        t0 = time.perf_counter()
        try:
            result = saidwhat.extract(text, id=doc_id, budget=budget)
        except saidwhat.InputError as exc:
            out[f"error {exc.reason}"] += 1
            result = None
        except Exception as exc:  # noqa: BLE001 - what this run counts
            out["uncaught"] += 1
            print(f"  uncaught on {doc_id}: {type(exc).__name__}: {exc}"[:300])
            result = None
        took = time.perf_counter() - t0
        if took > slowest:
            slowest, slowest_id = took, doc_id
        if result is not None:
            slowest_done = max(slowest_done, took)
            out["extracted"] += 1
            b, inv = check(result.to_dict(), replace_lone_surrogates(text))
            out["bad offsets"] += b
            out["inverted spans"] += inv
        progress(done, f", slowest {slowest:.2f} s, uncaught {out['uncaught']}")
    out["slowest"], out["slowest_done"], out["slowest_id"] = slowest, slowest_done, slowest_id
    return out


def run_cli(docs: list[tuple[str, str]], budget: float, workers: int, every: float = 30.0) -> dict:
    exe = Path(sys.executable).with_name("saidwhat")
    out = Counter()
    # The text as the batch reads it back: a lone high surrogate and a lone low one side by side are
    # one pair of JSON escapes, which JSON reads as one character.
    texts = {doc_id: json.loads(json.dumps(text, ensure_ascii=True)) for doc_id, text in docs}
    with tempfile.TemporaryDirectory(prefix="saidwhat-fuzz-") as tmp:
        path = Path(tmp) / "in.jsonl"
        with open(path, "w", encoding="utf-8") as f:
            for doc_id, text in docs:
                # Lone surrogates written as JSON escapes, as a JSON producer would send them.
                f.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=True) + "\n")
        t0 = time.perf_counter()
        progress = Progress("extract --jsonl", len(docs), every)
        seen = []
        with open(Path(tmp) / "stderr.txt", "w+", encoding="utf-8") as err:
            # Read as it is written, so progress shows; as bytes, split at b"\n" only: U+2028 and
            # friends are inside strings, not line ends.
            proc = subprocess.Popen([str(exe), "extract", "--jsonl", str(path), "--budget", str(budget),
                                     "--workers", str(workers)], stdout=subprocess.PIPE, stderr=err)
            for raw in proc.stdout:
                line = raw.decode("utf-8").rstrip("\n")
                if not line:
                    continue
                result = json.loads(line)
                seen.append(result["id"])
                out["extracted"] += 1
                b, inv = check(result, replace_lone_surrogates(texts[result["id"]]))
                out["bad offsets"] += b
                out["inverted spans"] += inv
                progress(int(result["id"][1:]) + 1, f" (at the last extracted), {out['extracted']:,} extracted")
            proc.wait()
            err.seek(0)
            stderr = err.read()
        out["seconds"] = time.perf_counter() - t0
    out["exit code"] = proc.returncode
    if proc.returncode not in (0, 1) or "Traceback" in stderr:
        out["uncaught"] += 1
        print("  " + stderr[-2000:])
    order = [doc_id for doc_id, _ in docs]
    present = set(seen)  # once: a set built per document made this check quadratic (minutes at 50,000)
    out["out of order"] = int(seen != [d for d in order if d in present])
    summary = [line for line in stderr.splitlines() if " documents, " in line]
    out["summary"] = summary[-1] if summary else "(no summary line)"
    # The summary counts every skipped document by reason (stderr names only the first 50).
    m = re.search(r"skipped \((.*)\) in", out["summary"])
    for part in (m.group(1).split(", ") if m else []):
        count, reason = part.split(" ", 1)
        out[f"error {reason}"] += int(count)
    return out


def report(name: str, n: int, r: dict, budget: float) -> bool:
    errors = {k[6:]: v for k, v in r.items() if k.startswith("error ")}
    skipped = sum(errors.values())
    print(f"{name}: {n} documents in, {r['extracted']} extracted, {skipped} errors "
          f"({', '.join(f'{v} {k}' for k, v in sorted(errors.items())) or 'none'})")
    print(f"  in = out + errors: {n} = {r['extracted']} + {skipped}: {n == r['extracted'] + skipped}")
    print(f"  uncaught exceptions: {r['uncaught']}; offsets that do not slice: {r['bad offsets']}; "
          f"inverted spans: {r['inverted spans']}")
    ok = n == r["extracted"] + skipped and not (r["uncaught"] or r["bad offsets"] or r["inverted spans"])
    if "slowest" in r:
        print(f"  slowest document: {r['slowest']:.2f} s ({r['slowest_id']}); slowest that finished: "
              f"{r['slowest_done']:.2f} s; under the budget of {budget:g} s: {r['slowest'] < budget}")
        ok = ok and r["slowest"] < budget
    if "seconds" in r:
        print(f"  {r['seconds']:.0f} s, exit code {r['exit code']}, in input order: {not r['out of order']}")
        print(f"  its summary: {r['summary']}")
        ok = ok and not r["out of order"]
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", type=int, default=100_000)
    ap.add_argument("--cli-share", type=float, default=0.5, help="share of documents sent through extract --jsonl")
    ap.add_argument("--budget", type=float, default=5.0)
    ap.add_argument("--workers", type=int, default=1, help="--workers of the extract --jsonl run")
    ap.add_argument("--megabytes-every", type=int, default=10_000, help="one 1 MB line every N documents")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--progress", type=float, default=30.0, help="seconds between progress lines on stderr (0: none)")
    args = ap.parse_args()

    gen = Generator(args.seed)
    t0 = time.perf_counter()
    docs = [(f"f{i}", gen.document(i, args.megabytes_every)) for i in range(args.documents)]
    cut = int(len(docs) * args.cli_share)
    cli_docs, api_docs = docs[:cut], docs[cut:]
    chars = sum(len(t) for _, t in docs)
    print(f"generated {len(docs):,} documents ({chars / 1e6:.1f} M characters, "
          f"{sum(1 for _, t in docs if any(0xD800 <= ord(c) <= 0xDFFF for c in t)):,} with lone surrogates) "
          f"in {time.perf_counter() - t0:.0f} s; budget {args.budget:g} s")
    # Both paths at once (the batch runs in its own process): a core each on a 2-core machine.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        cli_future = pool.submit(run_cli, cli_docs, args.budget, args.workers, args.progress) \
            if cli_docs else None
        t0 = time.perf_counter()
        api = run_api(api_docs, args.budget, args.progress)
        api_seconds = time.perf_counter() - t0
        cli = cli_future.result() if cli_future else None
    ok = report(f"Python API ({api_seconds:.0f} s)", len(api_docs), api, args.budget)
    if cli is not None:
        ok = report("extract --jsonl", len(cli_docs), cli, args.budget) and ok
    total_uncaught = api["uncaught"] + (cli["uncaught"] if cli else 0)
    print(f"all: {len(docs):,} documents, {total_uncaught} uncaught exceptions, "
          f"{api['bad offsets'] + (cli['bad offsets'] if cli else 0)} offsets that do not slice, "
          f"{api['inverted spans'] + (cli['inverted spans'] if cli else 0)} inverted spans, "
          f"slowest document {api['slowest']:.2f} s against a budget of {args.budget:g} s")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
