#!/usr/bin/env python3
"""Speed of saidwhat against the plain spaCy pipeline and textacy, on the same texts, in one run.

Measures documents/s, tokens/s and peak RSS (the process and its children, sampled) for:

- saidwhat, one process (``extract_many``);
- saidwhat with 2 worker processes (``extract_many(workers=2)``; pool start-up not timed);
- the plain ``en_core_web_sm`` full pipeline (every pipe, ``nlp.pipe``, one process);
- textacy's ``direct_quotations`` over that full pipeline's docs (the usual open baseline);

on PolNeAR dev and on the dev texts repeated to about 2,000 documents (``--quick``: dev only).
Each system runs in a fresh subprocess so that its peak RSS is its own; model loading is timed
apart from the throughput figures. Tokens are counted once, with spaCy's English tokenizer.

    .venv/bin/python bench/speed.py --quick
    .venv/bin/python bench/speed.py            # dev and ~2,000 documents
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "polnear" / "dev.jsonl"
SYSTEMS = ("saidwhat", "saidwhat-w2", "spacy-full", "textacy")


# --- the child: one system over one corpus ---------------------------------------------------

class PeakRSS:
    """Samples the RSS of this process and all its children; keeps the peak (bytes)."""

    def __init__(self, interval: float = 0.02):
        import psutil

        self.process = psutil.Process()
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def current(self) -> int:
        import psutil

        total = 0
        for p in [self.process, *self.process.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.current())
            self._stop.wait(self.interval)

    def __enter__(self) -> "PeakRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


def _full_pipeline():
    import importlib

    from saidwhat.parse.nlp import MODEL_PACKAGES

    for name in MODEL_PACKAGES:
        try:
            return importlib.import_module(name).load()  # every pipe, the usual full parse
        except ImportError:
            continue
    raise SystemExit("no en_core_web_sm package installed")


def run_child(system: str, corpus: Path) -> dict:
    docs = [json.loads(line) for line in corpus.open(encoding="utf-8")]
    texts = [d["text"] for d in docs]
    found = failed = 0
    with PeakRSS() as rss:
        t0 = time.perf_counter()
        if system in ("saidwhat", "saidwhat-w2"):
            from saidwhat.batch import Extractor
            from saidwhat.parse.nlp import load_pipeline

            workers = 2 if system == "saidwhat-w2" else 1
            with Extractor(workers=workers) as extractor:
                if workers == 1:
                    load_pipeline()
                list(extractor.map([{"id": "warm-up", "text": "“Ready,” she said."}]))
                loaded = time.perf_counter()
                for result in extractor.map(docs):
                    if hasattr(result, "attributions"):
                        found += len(result.attributions)
                    else:
                        failed += 1
                done = time.perf_counter()
        elif system == "spacy-full":
            nlp = _full_pipeline()
            nlp("Warm-up.")
            loaded = time.perf_counter()
            for doc in nlp.pipe(texts):
                found += len(doc.ents)
            done = time.perf_counter()
        elif system == "textacy":
            from textacy.extract.triples import direct_quotations

            nlp = _full_pipeline()
            nlp("Warm-up.")
            loaded = time.perf_counter()
            for doc in nlp.pipe(texts):
                try:
                    found += sum(1 for _ in direct_quotations(doc))
                except ValueError:  # it gives up on a document with an unclosed quotation
                    failed += 1
            done = time.perf_counter()
        else:
            raise SystemExit(f"unknown system {system!r}; expected one of {', '.join(SYSTEMS)}")
    return {"system": system, "documents": len(docs), "seconds": done - loaded,
            "load_seconds": loaded - t0, "peak_rss_mb": rss.peak / 2**20, "found": found, "failed_docs": failed}


# --- the parent: corpora, one subprocess per system, the table ----------------------------------

def load_dev(path: Path) -> list[dict]:
    if not path.exists():
        raise SystemExit(f"{path}: not found; pass --dev PATH to PolNeAR dev.jsonl")
    docs = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            d = json.loads(line)
            docs.append({"id": str(d["id"]), "text": d["text"], "published": d.get("published")})
    return docs


def repeated(docs: list[dict], n: int) -> list[dict]:
    return [dict(docs[i % len(docs)], id=f"{docs[i % len(docs)]['id']}#{i // len(docs)}")
            for i in range(n)]


def count_tokens(docs: list[dict]) -> int:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    return sum(len(tokenizer(d["text"])) for d in docs)


def textacy_missing() -> str | None:
    """Why textacy cannot run here, or None when it can."""
    probe = subprocess.run([sys.executable, "-c", "import textacy.extract.triples"],
                           capture_output=True, text=True)
    if probe.returncode:
        last = (probe.stderr.strip().splitlines() or ["import failed"])[-1]
        return f"textacy is not importable ({last}); pip install textacy==0.13.0 to add the row"
    return None


def measure(system: str, corpus: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", system, "--corpus", str(corpus)],
                         capture_output=True, text=True)
    if out.returncode:
        tail = " | ".join(out.stderr.strip().splitlines()[-3:])
        return {"system": system, "skipped": f"failed (exit {out.returncode}): {tail}"}
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(name: str, n_docs: int, tokens: int, rows: list[dict], load: tuple) -> None:
    print(f"\n## {name}: {n_docs} documents, {tokens} tokens, {os.cpu_count()} CPUs, "
          f"load average {load[0]:.1f} before, {os.getloadavg()[0]:.1f} after")
    if max(load[0], os.getloadavg()[0]) > 0.5 + (os.cpu_count() or 1) / 2:
        print("   (other processes were using the CPUs: figures are low, ratios unreliable)")
    print(f"{'system':<13} {'docs/s':>9} {'tokens/s':>10} {'peak RSS MB':>12} {'load s':>7} "
          f"{'run s':>8} {'found':>7} {'failed':>6}")
    by = {}
    for r in rows:
        if "skipped" in r:
            print(f"{r['system']:<13} skipped: {r['skipped']}")
            continue
        r["docs_per_s"] = r["documents"] / r["seconds"]
        r["tokens_per_s"] = tokens / r["seconds"]
        by[r["system"]] = r
        print(f"{r['system']:<13} {r['docs_per_s']:>9.1f} {r['tokens_per_s']:>10.0f} "
              f"{r['peak_rss_mb']:>12.0f} {r['load_seconds']:>7.2f} {r['seconds']:>8.2f} "
              f"{r['found']:>7} {r.get('failed_docs', 0):>6}")
    ratios = [("saidwhat / spacy-full", "saidwhat", "spacy-full"),
              ("saidwhat-w2 / saidwhat", "saidwhat-w2", "saidwhat"),
              ("saidwhat / textacy", "saidwhat", "textacy"),
              ("saidwhat-w2 / spacy-full", "saidwhat-w2", "spacy-full")]
    for label, a, b in ratios:
        if a in by and b in by:
            print(f"  docs/s ratio {label:<26} {by[a]['docs_per_s'] / by[b]['docs_per_s']:.2f}x")
    print("  (found: attributions for saidwhat, entities for spacy-full, quotations for textacy;\n"
          "   failed: documents given up on, e.g. textacy on an unclosed quotation mark)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="PolNeAR dev only (84 documents)")
    ap.add_argument("--docs", type=int, default=2000, help="size of the repeated corpus")
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated subset")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(run_child(a.child, a.corpus)))
        return
    dev = load_dev(a.dev)
    corpora = [("PolNeAR dev", dev)]
    if not a.quick:
        corpora.append((f"PolNeAR dev repeated to {a.docs}", repeated(dev, a.docs)))
    systems = [s for s in a.systems.split(",") if s]
    why_not_textacy = textacy_missing() if "textacy" in systems else None
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, docs in corpora:
            path = Path(tmp) / f"corpus{len(results)}.jsonl"
            path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
            tokens = count_tokens(docs)
            load = os.getloadavg()
            rows = []
            for system in systems:
                if system == "textacy" and why_not_textacy:
                    rows.append({"system": system, "skipped": why_not_textacy})
                    continue
                print(f"[{name}] {system} ...", file=sys.stderr, flush=True)
                row = measure(system, path)
                rows.append(row)
                if "seconds" in row:  # progress, so that an interrupted run still tells something
                    print(f"[{name}] {system}: {row['documents'] / row['seconds']:.1f} docs/s, "
                          f"peak RSS {row['peak_rss_mb']:.0f} MB", file=sys.stderr, flush=True)
            report(name, len(docs), tokens, rows, load)
            results.append({"corpus": name, "documents": len(docs), "tokens": tokens, "rows": rows})
    if a.json:
        a.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
