"""Corpus benchmark: bulk loading, query latency on 1,000,000 attributions, store size.

    .venv/bin/python bench/corpus.py [--attributions 1000000] [--load-articles 5000] [--queries 300]

1. Loading pre-extracted results: a JSON Lines file of ``Extraction.to_dict()`` records with their
   article text goes through ``saidwhat ingest``'s library function (read, identity check, store,
   speaker merging, quote dedup, near-duplicate signatures, FTS indexing) into a new store file,
   with ingest's default batches (what ``saidwhat ingest`` does without --batch-size). Reading runs
   ahead in a child process; CPU is reported for the writing process, the reading one, and both.
   On two idle cores the wall-clock rate approaches the lower of the first two; on a busy machine
   it is what share of the cores the two processes get. The WAL checkpoint at the end (when the
   store is closed) is timed apart.
2. Store size per 1,000 articles of that store (database file after a WAL checkpoint).
3. A generated store of N attributions (synthetic articles with Zipf-distributed speakers and words,
   dates over ten years, written straight into the store's schema with its indexes and FTS tokens),
   then speaker + keyword + date-range queries through ``Corpus.quotes``: p50 and p95 latency.
All data is generated here; nothing is read from the network.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from saidwhat.ingest import ingest  # noqa: E402
from saidwhat.model import Article, Attribution, Extraction, Mention, Speaker, SpeakerRef  # noqa: E402
from saidwhat.store.corpus import Corpus  # noqa: E402

FIRST = ("Anna Ben Carla David Elena Frank Grace Hugo Ines Jonas Karin Liam Maria Nils Olga Pavel Rosa "
         "Samir Tara Umar Vera Walter Xenia Yusuf Zora").split()
LAST = [f"{a}{b}" for a in ("Bar", "Kel", "Mor", "Dal", "Ves", "Tor", "Lin", "Ras", "Hol", "Fen", "Gar", "Pel")
        for b in ("ton", "berg", "ski", "ez", "ov", "ani", "dottir", "well", "man", "ard", "ic", "oglu")]
ROLES = ("foreign minister", "finance minister", "spokesman", "senator", "central bank governor", "mayor",
         "chief executive", "union leader", "ambassador", "professor of economics")
OUTLETS = ("Herald", "Gazette", "Wire Service", "Courier", "Ledger", "Observer", "Tribune", "Chronicle")
CUES = ("said", "told reporters", "added", "warned", "according to", "argued")
KINDS = ("direct", "indirect", "mixed")
START = date(2015, 1, 1)
DAYS = 3650


def vocabulary(n: int, rng: random.Random) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(letters) for _ in range(rng.randint(4, 9))))
    return sorted(words)


class Generator:
    """Synthetic articles with realistic skew: a few speakers and words are very common."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.words = vocabulary(6000, self.rng)
        self.word_weights = [1 / (i + 1) for i in range(len(self.words))]
        self.word_cum = list(itertools.accumulate(self.word_weights))
        self.people = [(f, l, self.rng.choice(ROLES)) for f in FIRST for l in LAST][:3000]
        self.rng.shuffle(self.people)
        self.people_weights = [1 / (i + 1) ** 0.9 for i in range(len(self.people))]
        self.people_cum = list(itertools.accumulate(self.people_weights))

    def sentence(self, n: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.word_cum, k=n))

    def extraction(self, i: int, attributions: int) -> Extraction:
        rng = self.rng
        day = START + timedelta(days=rng.randrange(DAYS))
        people = rng.choices(self.people, cum_weights=self.people_cum, k=max(1, attributions // 3))
        text, atts, speakers = f"{self.sentence(12).capitalize()}. ", [], {}
        for k in range(attributions):
            first, last, role = people[k % len(people)]
            full = f"{first} {last}"
            name = rng.choice((full, last, f"{role.title()} {full}"))
            sid = speakers.setdefault(full, (len(speakers), full, role, []))[0]
            s0 = len(text)
            text += name
            speakers[full][3].append(Mention(s0, len(text), name))
            cue = rng.choice(CUES)
            c_cue = len(text) + 1
            text += f" {cue} that "
            c0 = len(text)
            content = self.sentence(rng.randint(8, 22))
            text += content + ". "
            said = (day - timedelta(days=rng.randrange(3))).isoformat() if rng.random() < 0.5 else None
            atts.append(Attribution(kind=rng.choice(KINDS), content=content, content_span=(c0, c0 + len(content)),
                                    content_spans=((c0, c0 + len(content)),), cue=cue,
                                    cue_span=(c_cue, c_cue + len(cue)), speaker=SpeakerRef(full, "person", role, sid),
                                    speaker_span=(s0, s0 + len(name)), date=said, confidence=0.8))
            if rng.random() < 0.3:
                text += self.sentence(15).capitalize() + ". "
        art = Article(text=text, id=f"g{i}", published=day, title=self.sentence(6).capitalize(),
                      url=f"https://{rng.choice(OUTLETS).lower().replace(' ', '')}.example/{i}",
                      source=rng.choice(OUTLETS))
        spk = tuple(Speaker(sid, full, "person", (role,), tuple(m)) for sid, full, role, m in speakers.values())
        return Extraction(article=art, attributions=tuple(atts), speakers=spk)


def db_size(path: Path, corpus: Corpus) -> int:
    corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sum(os.path.getsize(p) for p in (str(path), f"{path}-wal") if os.path.exists(p))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_load(tmp: Path, n: int) -> dict:
    """Load ``n`` generated pre-extracted records; wall-clock rate, CPU of the writing process and of
    the read-ahead process (a child that parses and prepares rows while the parent writes)."""
    gen = Generator(seed=1)
    src = tmp / "pre.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(n):
            e = gen.extraction(i, 8)
            a = e.article
            f.write(json.dumps(dict(e.to_dict(), text=a.text, title=a.title, url=a.url, source=a.source)) + "\n")
    db = tmp / "load.db"
    with Corpus(db) as corpus:
        cpu, child = time.process_time(), _children_cpu()
        summary = ingest([str(src)], corpus)
        cpu, child = time.process_time() - cpu, _children_cpu() - child
        assert summary.added == n, summary
        # What is still in the write-ahead log is copied into the database file when the store is
        # closed (as ``saidwhat ingest`` does when it ends): timed apart, shown beside the rate.
        t = time.perf_counter()
        size = db_size(db, corpus)
        checkpoint = time.perf_counter() - t
    return {"rate": n / summary.seconds, "seconds": summary.seconds, "checkpoint": checkpoint,
            "writer_rate": n / cpu, "reader_rate": n / child if child > 0 else None,
            "total_rate": n / (cpu + child), "size": size}


def generate_store(db: Path, total: int, gen: Generator, per_article: int = 12) -> tuple[int, float]:
    """A store of ``total`` attributions, written straight into the schema (the writer's full path is
    what the load benchmark measures; this only needs the same tables, indexes and FTS tokens)."""
    from saidwhat.store.fts import period_tokens, speaker_token
    from saidwhat.store.identity import quote_id
    from saidwhat.store.names import parse_person

    t0 = time.perf_counter()
    rng = gen.rng
    with Corpus(db) as corpus:
        conn = corpus.conn
        conn.execute("BEGIN")
        for sid, (first, last, role) in enumerate(gen.people, 1):
            p = parse_person(f"{first} {last}")
            conn.execute("INSERT INTO speakers (id, name, type, surname, first) VALUES (?, ?, 'person', ?, ?)",
                         (sid, f"{first} {last}", p.surname, p.first))
            conn.execute("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", (sid, f"{first} {last}"))
            conn.execute("INSERT INTO speaker_roles (speaker_id, role) VALUES (?, ?)", (sid, role))
        conn.execute("COMMIT")
        ids = list(range(1, len(gen.people) + 1))
        att_id, article_id, batch_a, batch_t, batch_f, batch_af = 0, 0, [], [], [], []
        while att_id < total:
            article_id += 1
            day = START + timedelta(days=rng.randrange(DAYS))
            text = gen.sentence(40)
            outlet = rng.choice(OUTLETS)
            batch_a.append((article_id, f"url:https://x.example/{article_id}", f"https://x.example/{article_id}",
                            gen.sentence(6), outlet, day.isoformat(), text, str(article_id), "2026-01-01"))
            batch_af.append((article_id, "", text))
            speakers = rng.choices(ids, cum_weights=gen.people_cum, k=4)
            for k in range(min(per_article, total - att_id)):
                att_id += 1
                sid = speakers[k % 4]
                content = gen.sentence(rng.randint(8, 22))
                said = (day - timedelta(days=rng.randrange(3))).isoformat()
                batch_t.append((att_id, article_id, k, rng.choice(KINDS), content, 0, len(content), "[[0, 1]]",
                                "said", sid, gen.people[sid - 1][0] + " " + gen.people[sid - 1][1], "person",
                                gen.people[sid - 1][2], said, said, "[]", 0.8, quote_id(content, str(sid))))
                batch_f.append((att_id, content, speaker_token(sid), period_tokens(said)))
            if len(batch_t) >= 50_000 or att_id >= total:
                conn.execute("BEGIN")
                conn.executemany("INSERT INTO articles (id, identity, url, title, source, published, text, text_hash, "
                                 "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch_a)
                conn.executemany("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)", batch_af)
                conn.executemany("INSERT INTO attributions (id, article_id, seq, kind, content, content_start, "
                                 "content_end, content_spans, cue, speaker_id, speaker_name, speaker_type, "
                                 "speaker_role, said, day, source_chain, confidence, quote_id) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch_t)
                conn.executemany("INSERT INTO attributions_fts (rowid, content, who, period) VALUES (?, ?, ?, ?)",
                                 batch_f)
                conn.execute("COMMIT")
                batch_a, batch_t, batch_f, batch_af = [], [], [], []
        conn.execute("ANALYZE")
    return article_id, time.perf_counter() - t0


def bench_queries(tmp: Path, total: int, queries: int) -> dict:
    gen = Generator(seed=2)
    db = tmp / "big.db"
    articles, build = generate_store(db, total, gen)
    rng = random.Random(3)
    latencies, hits = [], []
    with Corpus(db) as corpus:
        n_att = corpus.count("attributions")
        size = db_size(db, corpus)
        for _ in range(queries):
            first, last, role = rng.choices(gen.people[:600], gen.people_weights[:600])[0]
            speaker = rng.choice((last, f"{first} {last}"))
            word = rng.choices(gen.words[:2000], gen.word_weights[:2000])[0]
            since = START + timedelta(days=rng.randrange(DAYS - 400))
            until = since + timedelta(days=rng.choice((30, 90, 365)))
            t = time.perf_counter()
            found = corpus.quotes(speaker=speaker, about=word, since=since.isoformat(), until=until.isoformat(),
                                  limit=20)
            latencies.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
    latencies.sort()
    return {"attributions": n_att, "articles": articles, "build_s": build, "size": size,
            "p50": statistics.median(latencies), "p95": latencies[int(0.95 * len(latencies)) - 1],
            "max": latencies[-1], "mean_hits": statistics.mean(hits),
            "nonempty": sum(1 for h in hits if h) / len(hits)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--attributions", type=int, default=1_000_000)
    ap.add_argument("--load-articles", type=int, default=5000)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="saidwhat-bench-") as d:
        tmp = Path(d)
        load = bench_load(tmp, args.load_articles)
        size = load["size"]
        q = bench_queries(tmp, args.attributions, args.queries)
    rows = [
        ("load pre-extracted results (ingest, JSONL)", f"{load['rate']:,.0f} articles/s",
         f"{args.load_articles:,} articles in {load['seconds']:.1f} s wall, then {load['checkpoint']:.1f} s WAL "
         "checkpoint", ">= 2,000 articles/s"),
        ("  same, per CPU-second of the writing process", f"{load['writer_rate']:,.0f} articles/s",
         "with the reader: wall on 2 idle cores ~ the lower", ">= 2,000 articles/s"),
        ("  same, per CPU-second of the read-ahead process",
         f"{load['reader_rate']:,.0f} articles/s" if load["reader_rate"] else "not used",
         "JSON parsing + row preparation, a child process", "-"),
        ("  same, per CPU-second of both processes", f"{load['total_rate']:,.0f} articles/s",
         "all the CPU the load costs", "-"),
        ("store size per 1,000 articles", f"{size / args.load_articles * 1000 / 1e6:.2f} MB",
         f"8 attributions/article, {size / 1e6:.1f} MB total", "-"),
        ("generated store", f"{q['attributions']:,} attributions",
         f"{q['articles']:,} articles, built in {q['build_s']:.0f} s, {q['size'] / 1e6:.0f} MB", "-"),
        ("speaker+keyword+date query p50", f"{q['p50']:.1f} ms",
         f"{args.queries} queries, {q['nonempty']:.0%} non-empty, {q['mean_hits']:.1f} hits avg", "< 20 ms"),
        ("speaker+keyword+date query p95", f"{q['p95']:.1f} ms", f"max {q['max']:.1f} ms", "< 50 ms"),
    ]
    widths = [max(len(r[i]) for r in rows + [("measure", "result", "detail", "target")]) for i in range(4)]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    print(line(("measure", "result", "detail", "target")))
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print(line(r))
    print(f"\ntotal bench time {time.perf_counter() - started:.0f} s; python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cpus, load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
