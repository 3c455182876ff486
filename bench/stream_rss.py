#!/usr/bin/env python3
"""Memory of ``saidwhat extract --jsonl`` over a long stream: RSS after 10k, 100k ... documents.

Generates N synthetic news documents (made-up sentences with quotes, cues, names and dates; about
0.9 KB each), pipes them to ``saidwhat extract --jsonl -`` as it reads, counts its output lines and
samples the RSS of the command and its workers. Prints the RSS at each checkpoint and the peak, so
growth with the number of documents shows.

    .venv/bin/python bench/stream_rss.py --docs 10000
    .venv/bin/python bench/stream_rss.py --docs 100000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

SAIDWHAT = Path(sys.executable).parent / "saidwhat"
FIRST = ["Maria", "John", "Aiko", "Omar", "Elena", "Samuel", "Priya", "Lars"]
LAST = ["Okafor", "Lindqvist", "Tanaka", "Haddad", "Moreau", "Novak", "Reyes", "Clarke"]
ROLES = ["the finance minister", "a union spokesperson", "the city's mayor", "a senior official"]
TOPICS = ["the bridge", "the budget", "the harbour plan", "the new rail line", "the school reform"]
DAYS = ["on Monday", "on Tuesday", "last week", "on March 3", "yesterday", "earlier this month"]


def make_document(i: int, rng: random.Random) -> dict:
    """One made-up article: a headline, quotes with cues, reported speech, filler paragraphs."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    topic = rng.choice(TOPICS)
    paragraphs = [f"Debate over {topic} continues ({i})"]
    for _ in range(rng.randint(4, 9)):
        kind = rng.random()
        if kind < 0.3:
            paragraphs.append(f"“We cannot wait any longer for {topic},” {name} said "
                              f"{rng.choice(DAYS)}. “The numbers are clear.”")
        elif kind < 0.55:
            paragraphs.append(f"{rng.choice(ROLES).capitalize()} said {rng.choice(DAYS)} that "
                              f"{topic} would cost {rng.randint(2, 90)} million, according to "
                              f"documents seen by reporters.")
        elif kind < 0.7:
            paragraphs.append(f"According to {name.split()[1]}, the work on {topic} is "
                              f"\"on schedule\" and will end in {rng.randint(2025, 2030)}.")
        else:
            paragraphs.append(f"The council met {rng.choice(DAYS)} to review {topic}. Members "
                              f"asked for more detail on costs and on the timetable, and the "
                              f"session ran late into the evening before a vote was postponed.")
    published = f"2019-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return {"id": f"gen{i}", "text": "\n\n".join(paragraphs), "published": published}


def tree_rss(process: psutil.Process) -> int:
    total = 0
    for p in [process, *process.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--checkpoints", default="1000,10000,100000",
                    help="document counts at which to report RSS (the end is always reported)")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    checkpoints = sorted({int(c) for c in a.checkpoints.split(",") if int(c) < a.docs} | {a.docs})

    proc = subprocess.Popen([str(SAIDWHAT), "extract", "--jsonl", "-", "--workers", str(a.workers)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    ps = psutil.Process(proc.pid)
    peak = [0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(ps))
            stop.wait(0.1)

    def feed() -> None:
        rng = random.Random(a.seed)
        try:
            for i in range(a.docs):
                proc.stdin.write(json.dumps(make_document(i, rng)).encode("utf-8") + b"\n")
            proc.stdin.close()
        except BrokenPipeError:
            pass

    stderr_lines: list[bytes] = []
    threads = [threading.Thread(target=sample, daemon=True), threading.Thread(target=feed, daemon=True),
               threading.Thread(target=lambda: stderr_lines.extend(proc.stderr), daemon=True)]
    for t in threads:
        t.start()
    started = time.perf_counter()
    print(f"saidwhat extract --jsonl - --workers {a.workers}: {a.docs} generated documents, "
          f"load average {os.getloadavg()[0]:.1f} before")
    print(f"{'documents':>10} {'RSS MB':>8} {'peak MB':>8} {'seconds':>8} {'docs/s':>7}")
    done = 0
    next_checkpoint = iter(checkpoints)
    target = next(next_checkpoint)
    for _ in proc.stdout:
        done += 1
        if done == target:
            now = time.perf_counter() - started
            rss = tree_rss(ps)
            peak[0] = max(peak[0], rss)
            print(f"{done:>10} {rss / 2**20:>8.0f} {peak[0] / 2**20:>8.0f} {now:>8.1f} "
                  f"{done / now:>7.1f}", flush=True)
            target = next(next_checkpoint, -1)
    code = proc.wait()
    stop.set()
    print(f"peak RSS {peak[0] / 2**20:.0f} MB over {done} output lines; exit {code}; "
          f"load average {os.getloadavg()[0]:.1f} after")
    summary = [line.decode("utf-8", "replace").strip() for line in stderr_lines]
    if summary:
        print(summary[-1])


if __name__ == "__main__":
    main()
