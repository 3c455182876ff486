"""Documents per second of ``saidwhat run`` on a LocalCluster of 1 and of 2 workers, and the ratio.

The same documents for both: the PolNeAR dev texts (id, text, published only; never copied into the
repository) repeated to ``--docs`` documents, in a temporary folder. The timing covers extraction and
shard writing, after every worker has loaded the pipeline (``RunSummary.seconds``); start-up is shown
apart. Usage::

    .venv/bin/python bench/cluster.py [--docs 2000] [--partition-size 25] [--workers 1,2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time

DEV = "/work/shared/eval/polnear/dev.jsonl"


def make_input(path: str, n: int, source: str = DEV) -> int:
    """Write ``n`` documents (the source's texts repeated, each with its own id); their characters."""
    with open(source, encoding="utf-8") as f:
        base = [json.loads(line) for line in f if line.strip()]
    chars = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            d = base[i % len(base)]
            out.write(json.dumps({"id": f"{d['id']}#{i // len(base)}", "text": d["text"],
                                  "published": d.get("published")}, ensure_ascii=False) + "\n")
            chars += len(d["text"])
    return chars


def bench(workers: int, path: str, out_dir: str, partition_size: int) -> dict:
    from saidwhat.cluster import connect, run

    started = time.perf_counter()
    with connect("local", workers, dashboard_address=None) as client:
        summary = run([path], out_dir, client=client, partition_size=partition_size)
    assert not summary.failed, summary.failed
    return {"workers": workers, "documents": summary.new_documents, "shards": summary.written,
            "seconds": round(summary.seconds, 2), "docs_per_s": round(summary.rate, 2),
            "startup_s": round(summary.startup_seconds, 1),
            "total_s": round(time.perf_counter() - started, 1), "attributions": summary.attributions}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="saidwhat-bench-") as tmp:
        path = os.path.join(tmp, "docs.jsonl")
        chars = make_input(path, args.docs)
        for n in counts:
            rows.append(bench(n, path, os.path.join(tmp, f"out-{n}"), args.partition_size))
            if not args.json:
                r = rows[-1]
                print(f"{n} worker{'s' if n > 1 else ' '}: {r['documents']} docs in {r['seconds']:.1f} s = "
                      f"{r['docs_per_s']:.2f} docs/s  ({r['shards']} shards, start-up {r['startup_s']} s, "
                      f"{r['attributions']} attributions)", flush=True)
    result = {"documents": args.docs, "mean_chars": round(chars / args.docs), "cpus": os.cpu_count(),
              "runs": rows}
    if len(rows) >= 2 and rows[0]["docs_per_s"]:
        result["ratio"] = round(rows[-1]["docs_per_s"] / rows[0]["docs_per_s"], 2)
        first = rows[0]
        # One single-threaded worker is one core: its rate is the per-core rate.
        result["articles_per_core_hour"] = round(first["docs_per_s"] / first["workers"] * 3600)
    if args.json:
        print(json.dumps(result, indent=1))
    elif "ratio" in result:
        print(f"ratio {rows[-1]['workers']}/{rows[0]['workers']} workers: {result['ratio']:.2f}; "
              f"{result['articles_per_core_hour']} articles per core-hour "
              f"(mean {result['mean_chars']} characters, {result['cpus']} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
