"""Web benchmark: ``saidwhat serve`` on loopback over a generated store of 100,000 attributions.

    .venv/bin/python bench/web.py [--attributions 100000] [--seconds 20] [--clients 8] [--max-requests 20000]
                                  [--writes-per-second 0] [--paste-every 0]

1. Generates a store (synthetic articles: Zipf-distributed speakers and words, dates over five years,
   four attributions per article) with the store's own writer. Nothing is read from the network.
2. Starts ``saidwhat serve --db STORE`` as a separate process on a free loopback port (the real entry
   point, so the clients do not share its interpreter).
3. Drives ``--clients`` concurrent keep-alive clients for ``--seconds`` (stopping early at
   ``--max-requests``): half search pages (a frequent or rare word, sometimes with a speaker, a date
   range, a kind or a later page), half article pages. Prints requests/s and p50/p99 latency for each.
4. With ``--writes-per-second N`` (e.g. 10) the server runs with ``--edit`` and one more client posts
   corrections through the JSON API at that rate while the readers run (verdicts, kinds, dates and
   speakers of random records); afterwards every edit the server acknowledged is looked up in the
   store's edit log, so a lost edit is counted as a failure.
5. With ``--paste-every S``, one more client posts the worst paste known (99,000 characters of prose
   with no full stop: seconds of parsing, or the whole time budget and a 400 that names it)
   to ``/api/paste`` every S seconds during the load; its answers are timed apart, and any other
   answer to a paste is a failed request.
6. Then, with the load over, one client asks for ``--cpu-requests`` pages of each kind one at a time
   and the server process's CPU time (user + system, from psutil) is divided among them: the CPU one
   request costs, which a busy shared machine inflates far less than it does wall-clock latency.
Exit status 1 if any request fails (a non-200 answer or a transport error) or an edit is lost.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from saidwhat.model import (  # noqa: E402
    Article,
    Attribution,
    Extraction,
    Mention,
    Speaker,
    SpeakerRef,
)
from saidwhat.store.corpus import Corpus  # noqa: E402

FIRST = "Anna Ben Carla David Elena Frank Grace Hugo Ines Jonas Karin Liam Maria Nils Olga Pavel Rosa".split()
LAST = [a + b for a in ("Bar", "Kel", "Mor", "Dal", "Ves", "Tor", "Lin", "Ras", "Hol", "Fen")
        for b in ("ton", "berg", "ski", "ez", "ov", "ani", "well", "man", "ard", "ic")]
ROLES = ("foreign minister", "finance minister", "spokesman", "senator", "mayor", "union leader",
         "chief executive", "ambassador")
OUTLETS = ("Herald", "Gazette", "Wire Service", "Courier", "Ledger", "Observer", "Tribune", "Chronicle")
CUES = ("said", "told reporters", "added", "warned", "argued")
KINDS = ("direct", "direct", "indirect", "mixed")
START, DAYS = date(2017, 1, 1), 5 * 365
PER_ARTICLE = 4


class Generator:
    """Synthetic articles with realistic skew: a few speakers and words are very common."""

    def __init__(self, seed: int = 11):
        rng = self.rng = random.Random(seed)
        letters = "abcdefghijklmnopqrstuvwxyz"
        words: set[str] = set()
        while len(words) < 5000:
            words.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))))
        self.words = sorted(words)
        self.word_weights = [1 / (i + 1) for i in range(len(self.words))]
        self.people = [(f"{f} {s}", rng.choice(ROLES)) for f in FIRST for s in LAST]
        rng.shuffle(self.people)
        self.people_weights = [1 / (i + 1) ** 0.9 for i in range(len(self.people))]

    def sentence(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, self.word_weights, k=n))

    def extraction(self, i: int) -> Extraction:
        rng = self.rng
        day = START + timedelta(days=rng.randrange(DAYS))
        text = self.sentence(14).capitalize() + ". "
        atts, speakers = [], {}
        for name, role in rng.choices(self.people, self.people_weights, k=PER_ARTICLE):
            local = speakers.setdefault(name, [len(speakers), role, []])
            cue = rng.choice(CUES)
            s0 = len(text)
            text += name
            s1 = len(text)
            local[2].append(Mention(s0, s1, name))
            text += f" {cue}: \""
            c0 = len(text)
            text += self.sentence(rng.randint(8, 22))
            c1 = len(text)
            text += "\". " + self.sentence(10).capitalize() + ". "
            atts.append(Attribution(
                kind=rng.choice(KINDS), content=text[c0:c1], content_span=(c0, c1), content_spans=((c0, c1),),
                cue=cue, cue_span=(s1 + 1, s1 + 1 + len(cue)), speaker=SpeakerRef(name, "person", role, local[0]),
                speaker_span=(s0, s1), date=day.isoformat(), confidence=0.8))
        spk = tuple(Speaker(sid, name, "person", (role,), tuple(m)) for name, (sid, role, m) in speakers.items())
        outlet = rng.choice(OUTLETS)
        art = Article(text=text, id=f"doc-{i}", published=day, title=self.sentence(6).capitalize(),
                      url=f"https://{outlet.lower().replace(' ', '')}.example/{i}", source=outlet)
        return Extraction(article=art, attributions=tuple(atts), speakers=spk)


def build_store(path: Path, attributions: int) -> float:
    gen = Generator()
    t0 = time.perf_counter()
    with Corpus(path) as corpus:
        corpus.add_many((gen.extraction(i) for i in range(attributions // PER_ARTICLE)), batch_size=500)
        corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - t0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, edit: bool = False) -> subprocess.Popen:
    exe = Path(sys.executable).with_name("saidwhat")
    cmd = [str(exe), "serve"] if exe.exists() else [sys.executable, "-m", "saidwhat.cli"]
    # The server's log goes to a file (a pipe nobody reads would fill and block it).
    log = open(Path(tempfile.gettempdir()) / f"saidwhat-web-bench-{port}.log", "w+")
    proc = subprocess.Popen(cmd + ["--db", str(db), "--port", str(port)] + (["--edit"] if edit else []),
                            stderr=log, text=True)
    proc.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise SystemExit(f"server exited: {log.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start in 60 s")


def requests_plan(rng: random.Random, gen: Generator, articles: int):
    """An endless mix of search and article requests, like a reader's."""
    while True:
        if rng.random() < 0.5:
            yield "article", f"/articles/{rng.randint(1, articles)}", None
            continue
        params = {"q": rng.choice(gen.words[:50] if rng.random() < 0.5 else gen.words[50:2000])}
        r = rng.random()
        if r < 0.2:
            params["speaker"] = rng.choice(gen.people[:200])[0]
        elif r < 0.35:
            y = rng.randint(2017, 2021)
            params.update(since=f"{y}-01-01", until=f"{y}-06-30")
        elif r < 0.45:
            params["kind"] = "indirect"
        elif r < 0.55:
            params["page"] = str(rng.randint(2, 5))
        yield "search", "/search", params


def corrections(rng: random.Random, attributions: int):
    """An endless mix of corrections of random records, as reviewers would make them."""
    kinds = ("direct", "indirect", "mixed")
    while True:
        aid, r = rng.randint(1, attributions), rng.random()
        if r < 0.4:
            body = {"field": "verdict", "value": rng.choice(("right", "wrong"))}
        elif r < 0.6:
            body = {"field": "kind", "value": rng.choice(kinds)}
        elif r < 0.8:
            body = {"field": "date", "value": (START + timedelta(days=rng.randrange(DAYS))).isoformat()}
        else:
            first, last = rng.choice(FIRST), rng.choice(LAST)
            body = {"field": "speaker", "value": {"name": f"{first} {last}", "type": "person"}}
        yield aid, {**body, "editor": "bench"}


def writer(host: str, port: int, rate: float, stop_at: float, attributions: int, latencies: list, failures: list,
           acknowledged: list, lock: threading.Lock) -> None:
    """Posts corrections at ``rate`` per second (one keep-alive connection) until ``stop_at``."""
    import json

    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", "/api/csrf")
    token = json.loads(conn.getresponse().read())["token"]
    plan, start = corrections(random.Random(9), attributions), time.monotonic()
    n = 0
    while True:
        due = start + n / rate
        if due >= stop_at:
            break
        time.sleep(max(0.0, due - time.monotonic()))
        n += 1
        aid, body = next(plan)
        t0 = time.perf_counter()
        try:
            conn.request("POST", f"/api/attributions/{aid}", body=json.dumps(body),
                         headers={"Content-Type": "application/json", "X-CSRF-Token": token})
            r = conn.getresponse()
            data = r.read()
            error = None if r.status == 200 else f"{r.status} POST {aid}: {data[:200]!r}"
        except (OSError, http.client.HTTPException) as exc:
            error, data = f"{type(exc).__name__} POST {aid}: {exc}", b""
            conn.close()
            conn = http.client.HTTPConnection(host, port, timeout=30)
        took = time.perf_counter() - t0
        with lock:
            if error:
                failures.append(error)
            else:
                latencies.append(took)
                acknowledged.append(json.loads(data)["edit"]["id"])
    conn.close()


# The worst paste now: 20,000 “ once took 38 s on the server's own thread and now takes a twentieth
# of a second; what costs most is the longest paste accepted (views.MAX_PASTE_CHARS) of prose with no
# full stop: seconds in the paste worker, or its whole time budget and a 400 naming the budget (the
# right answer to a paste past it).
WORST_PASTE = "Bob said the plan would work and " * 3000  # 99,000 characters


def paster(host: str, port: int, every: float, stop_at: float, latencies: list, failures: list, lock) -> None:
    """Post the worst paste every ``every`` seconds until ``stop_at``; a non-200 answer fails."""
    import json

    body = json.dumps({"text": WORST_PASTE})
    while time.monotonic() < stop_at:
        started = time.monotonic()
        conn = http.client.HTTPConnection(host, port, timeout=60)
        try:
            conn.request("POST", "/api/paste", body=body, headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            answer = r.read()
            # A 400 that names the time budget is the answer to a paste past it; anything else fails.
            stopped = r.status == 400 and b"time budget" in answer
            error = None if r.status == 200 or stopped else f"{r.status} /api/paste: {answer[:200]!r}"
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__} /api/paste: {exc}"
        finally:
            conn.close()
        with lock:
            if error:
                failures.append(error)
            else:
                latencies.append(time.monotonic() - started)
        time.sleep(max(0.0, every - (time.monotonic() - started)))


def drive(host: str, port: int, seconds: float, clients: int, max_requests: int, articles: int,
          writes_per_second: float = 0.0, attributions: int = 0, paste_every: float = 0.0):
    """``clients`` threads, each with one keep-alive connection (http.client: little client CPU), and
    a writer thread when ``writes_per_second``."""
    gen, rng = Generator(), random.Random(5)
    plan = requests_plan(rng, gen, articles)
    lock = threading.Lock()
    latencies: dict[str, list[float]] = {"search": [], "article": [], "write": []}
    acknowledged: list[int] = []
    failures: list[str] = []
    sent = [0]
    stop_at = time.monotonic() + seconds

    def client():
        conn = http.client.HTTPConnection(host, port, timeout=30)
        while time.monotonic() < stop_at:
            with lock:
                if sent[0] >= max_requests:
                    break
                sent[0] += 1
                kind, path, params = next(plan)
            url = path + ("?" + urlencode(params) if params else "")
            t0 = time.perf_counter()
            try:
                conn.request("GET", url)
                r = conn.getresponse()
                body = r.read()
                error = None if r.status == 200 else f"{r.status} {url}: {body[:200]!r}"
            except (OSError, http.client.HTTPException) as exc:
                error = f"{type(exc).__name__} {url}: {exc}"
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
            took = time.perf_counter() - t0
            with lock:
                if error:
                    failures.append(error)
                else:
                    latencies[kind].append(took)
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    if writes_per_second:
        threads.append(threading.Thread(target=writer, args=(host, port, writes_per_second, stop_at, attributions,
                                                             latencies["write"], failures, acknowledged, lock)))
    if paste_every > 0:
        latencies["paste"] = []
        threads.append(threading.Thread(target=paster, args=(host, port, paste_every, stop_at,
                                                             latencies["paste"], failures, lock)))
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures, time.perf_counter() - t0, acknowledged


def cpu_per_request(host: str, port: int, server_pid: int, articles: int, n: int) -> dict[str, float]:
    """Server CPU seconds per request of each kind, asked one at a time on one keep-alive connection."""
    import psutil

    proc = psutil.Process(server_pid)
    gen, rng = Generator(), random.Random(13)
    plan = requests_plan(rng, gen, articles)
    wanted: dict[str, list[str]] = {"search": [], "article": []}
    while min(len(v) for v in wanted.values()) < n:
        kind, path, params = next(plan)
        if len(wanted[kind]) < n:
            wanted[kind].append(path + ("?" + urlencode(params) if params else ""))
    conn = http.client.HTTPConnection(host, port, timeout=30)
    out = {}
    for kind, urls in wanted.items():
        before = proc.cpu_times()
        for url in urls:
            conn.request("GET", url)
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                raise SystemExit(f"{r.status} on {url} while measuring CPU")
        after = proc.cpu_times()
        out[kind] = (after.user - before.user + after.system - before.system) / len(urls)
    conn.close()
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--attributions", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--max-requests", type=int, default=20_000)
    ap.add_argument("--db", type=Path, help="reuse (or create) the store here instead of a temporary one")
    ap.add_argument("--writes-per-second", type=float, default=0.0,
                    help="also post corrections at this rate (the server runs with --edit)")
    ap.add_argument("--cpu-requests", type=int, default=200, metavar="N",
                    help="after the load, time the server's CPU over N requests of each kind, one at a time (0: skip)")
    ap.add_argument("--paste-every", type=float, default=0.0, metavar="S",
                    help="also post the worst-case paste every S seconds during the load (0: never)")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="saidwhat-web-bench-")
    db = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        took = build_store(db, args.attributions)
        print(f"store: {args.attributions:,} attributions in {args.attributions // PER_ARTICLE:,} articles, "
              f"built in {took:.1f} s, {db.stat().st_size / 1e6:.0f} MB")
    with Corpus(db) as c:
        articles, attributions = c.count("articles"), c.count("attributions")
    port = free_port()
    edit = args.writes_per_second > 0
    server = start_server(db, port, edit)
    load_before = os.getloadavg()
    cpu: dict[str, float] = {}
    try:
        import psutil

        cpu_before = psutil.Process(server.pid).cpu_times()
        latencies, failures, elapsed, acknowledged = drive(
            "127.0.0.1", port, args.seconds, args.clients, args.max_requests, articles, args.writes_per_second,
            attributions, args.paste_every)
        cpu_after = psutil.Process(server.pid).cpu_times()
        load_cpu = cpu_after.user - cpu_before.user + cpu_after.system - cpu_before.system
        if args.cpu_requests > 0:
            cpu = cpu_per_request("127.0.0.1", port, server.pid, articles, args.cpu_requests)
    finally:
        server.terminate()
        server.wait(10)
    load_after = os.getloadavg()
    lost = 0
    if edit:
        with Corpus(db) as c:
            logged = {r[0] for r in c.conn.execute("SELECT id FROM edits")}
        lost = sum(1 for i in acknowledged if i not in logged)
    total = sum(len(v) for v in latencies.values()) + len(failures)
    print(f"served {attributions:,} attributions / {articles:,} articles; {args.clients} concurrent clients, "
          f"{elapsed:.1f} s, {os.cpu_count()} CPUs")
    print(f"{'page':8} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8}")
    for kind, values in latencies.items():
        if values:
            print(f"{kind:8} {len(values):9,} {len(values) / elapsed:8.1f} {pct(values, 0.5):8.1f} "
                  f"{pct(values, 0.99):8.1f}")
    every = [x for values in latencies.values() for x in values]
    if every:
        print(f"{'all':8} {total:9,} {total / elapsed:8.1f} {pct(every, 0.5):8.1f} {pct(every, 0.99):8.1f}")
    print(f"server CPU during the load: {load_cpu:.1f} s ({load_cpu / elapsed:.2f} cores), "
          f"{1000 * load_cpu / max(1, total):.2f} ms per request")
    if cpu:
        print(f"server CPU per request, one at a time ({args.cpu_requests} of each): " +
              ", ".join(f"{kind} {1000 * v:.2f} ms" for kind, v in cpu.items()))
    print(f"failed requests: {len(failures)}")
    for f in failures[:10]:
        print("  " + f)
    if failures:
        server.log.seek(0)
        errors = [line for line in server.log.read().splitlines() if "Error" in line or "error" in line]
        print(f"server log: {server.log.name} ({len(errors)} error lines)" + "".join(f"\n  {e}" for e in errors[-5:]))
    if edit:
        print(f"edits acknowledged: {len(acknowledged)}, found in the edit log: {len(acknowledged) - lost}, "
              f"lost: {lost}")
    print("load average (1, 5, 15 min): before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f}".format(
        *load_before, *load_after))
    return 1 if failures or lost else 0


if __name__ == "__main__":
    sys.exit(main())
