"""Documents per second of ``saidwhat run`` on a LocalCluster of 1 and of 2 workers, and the ratio.

The same documents for both: the PolNeAR dev texts (id, text, published only; never copied into the
repository) repeated to ``--docs`` documents, in a temporary folder. The timing covers extraction and
shard writing, after every worker has loaded the pipeline (``RunSummary.seconds``); start-up is shown
apart. Usage::

    .venv/bin/python bench/cluster.py [--docs 2000] [--partition-size 25] [--workers 1,2] [--rounds 1] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def snapshot_source(tmp: str) -> str:
    """Copy the package to ``tmp`` and import it from there, in this process and in every worker.

    Others edit the source tree while a bench runs; without a snapshot the 1- and 2-worker runs could
    time different code. Spawned workers inherit ``sys.path``, so they import the same copy.
    """
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "saidwhat")
    target = os.path.join(tmp, "src")
    shutil.copytree(here, os.path.join(target, "saidwhat"), ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, target)
    return target


def _cpu_seconds() -> float:
    """CPU seconds (user + system) of the calling worker process so far."""
    times = os.times()
    return times.user + times.system


def bench(workers: int, path: str, out_dir: str, partition_size: int) -> dict:
    import saidwhat
    from saidwhat.cluster import connect, run
    from saidwhat.cluster.worker import PipelineLoader

    started = time.perf_counter()
    with connect("local", workers, dashboard_address=None) as client:
        where = set(client.run(lambda: __import__("saidwhat").__file__).values())
        assert where == {saidwhat.__file__}, (where, saidwhat.__file__)  # workers run the snapshot
        client.register_plugin(PipelineLoader())  # load spaCy now, outside the CPU count below
        cpu_before = sum(client.run(_cpu_seconds).values())
        summary = run([path], out_dir, client=client, partition_size=partition_size)
        cpu = sum(client.run(_cpu_seconds).values()) - cpu_before
    assert not summary.failed, summary.failed
    return {"workers": workers, "documents": summary.new_documents, "shards": summary.written,
            "seconds": round(summary.seconds, 2), "docs_per_s": round(summary.rate, 2),
            "startup_s": round(summary.startup_seconds, 1),
            # CPU the workers got: below ``workers`` when other processes share the cores.
            "worker_cpu_s": round(cpu, 1), "cores_used": round(cpu / summary.seconds, 2),
            "docs_per_cpu_s": round(summary.new_documents / cpu, 3),
            "total_s": round(time.perf_counter() - started, 1), "attributions": summary.attributions}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--partition-size", type=int, default=25)
    ap.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    ap.add_argument("--rounds", type=int, default=1, help="repeat, alternating the order; best of each")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    args = ap.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    every: list[dict] = []
    load_before = os.getloadavg()[0]  # other processes on the machine skew both rates
    with tempfile.TemporaryDirectory(prefix="saidwhat-bench-") as tmp:
        snapshot_source(tmp)
        path = os.path.join(tmp, "docs.jsonl")
        chars = make_input(path, args.docs)
        for round_ in range(args.rounds):
            # Alternate the order, so a change in the machine's load does not favour one count.
            for n in (counts if round_ % 2 == 0 else counts[::-1]):
                r = bench(n, path, os.path.join(tmp, f"out-{n}-{round_}"), args.partition_size)
                r["round"] = round_ + 1
                every.append(r)
                if not args.json:
                    print(f"round {round_ + 1}, {n} worker{'s' if n > 1 else ' '}: {r['documents']} docs in "
                          f"{r['seconds']:.1f} s = {r['docs_per_s']:.2f} docs/s  ({r['shards']} shards, "
                          f"start-up {r['startup_s']} s, {r['cores_used']} cores used, "
                          f"{r['attributions']} attributions, "
                          f"load {os.getloadavg()[0]:.2f})", flush=True)
    # Best of the rounds per worker count: other processes only ever slow a run down.
    rows = [max((r for r in every if r["workers"] == n), key=lambda r: r["docs_per_s"]) for n in counts]
    result = {"documents": args.docs, "mean_chars": round(chars / args.docs), "cpus": os.cpu_count(),
              "load_average_1m_before_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
              "best": rows, "runs": every}
    if len(rows) >= 2 and rows[0]["docs_per_s"]:
        result["ratio"] = round(rows[-1]["docs_per_s"] / rows[0]["docs_per_s"], 2)
    # Per core-hour from the CPU time the workers used (the wall clock counts other processes' turns).
    cpu_rates = [r["docs_per_cpu_s"] for r in every]
    result["articles_per_core_hour"] = round(max(cpu_rates) * 3600)
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"ratio {rows[-1]['workers']}/{rows[0]['workers']} workers: {result.get('ratio', 0):.2f}; "
              f"{result['articles_per_core_hour']} articles per core-hour of worker CPU "
              f"(mean {result['mean_chars']} characters, {result['cpus']} CPUs, 1-min load average "
              f"{result['load_average_1m_before_after'][0]} before, {result['load_average_1m_before_after'][1]} after)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
