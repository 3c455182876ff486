"""Dev script: tag a TIMEX3 gold JSONL with saidwhat.time and write predictions; print speed.

Usage: .venv/bin/python bench/eval_time_direct.py GOLD.jsonl PRED.jsonl [--diff]
Then score with /work/shared/bench/score_timex.py GOLD.jsonl PRED.jsonl --table.
       .venv/bin/python bench/eval_time_direct.py --seed ARTICLE.txt GOLD.json
checks that every gold time expression of the reference article is found (overlapping span) with
exactly its value.
"""
import json
import sys
import time
from datetime import date

from saidwhat.time import find_time_expressions


def check_seed(article_path: str, gold_path: str) -> None:
    text = open(article_path, encoding="utf-8").read()
    gold = json.load(open(gold_path, encoding="utf-8"))
    found = find_time_expressions(text, date.fromisoformat(gold["published"][:10]))
    ok = 0
    for g in gold["time_expressions"]:
        s = text.find(g["text"])
        hits = [e for e in found if e.start < s + len(g["text"]) and s < e.end]
        good = any(e.value == g["value"] for e in hits)
        ok += good
        print(("OK  " if good else "BAD ") + f"{g['text']!r} {g['value']} -> {[(e.text, e.value) for e in hits]}")
    print(f"{ok}/{len(gold['time_expressions'])} gold time expressions found with their value")


def main() -> None:
    if sys.argv[1] == "--seed":
        check_seed(sys.argv[2], sys.argv[3])
        return
    gold_path, pred_path = sys.argv[1], sys.argv[2]
    docs = [json.loads(line) for line in open(gold_path, encoding="utf-8") if line.strip()]
    chars = sum(len(d["text"]) for d in docs)
    pubs = [date.fromisoformat(d["published"][:10]) if d.get("published") else None for d in docs]
    dt = float("inf")
    for _ in range(5):  # best of five: the machine is shared
        t0 = time.perf_counter()
        preds = [(d, find_time_expressions(d["text"], pub)) for d, pub in zip(docs, pubs)]
        dt = min(dt, time.perf_counter() - t0)
    with open(pred_path, "w", encoding="utf-8") as f:
        for d, exprs in preds:
            f.write(json.dumps({"id": d["id"], "time_expressions": [e.to_dict() for e in exprs]}) + "\n")
    print(f"{len(docs)} docs, {chars / 1e6:.3f} MB text, {dt:.3f} s, {dt / (chars / 1e6):.2f} s/MB",
          file=sys.stderr)
    if "--diff" in sys.argv:
        for d, exprs in preds:
            gs = d["time_expressions"]
            used = set()
            for g in gs:
                hit = [e for e in exprs if e.start < g["end"] and g["start"] < e.end]
                if not hit:
                    print(f"MISS {d['published']} {g['text']!r} {g['type']} {g['value']}  | "
                          f"{d['text'][max(0, g['start'] - 50):g['end'] + 30]!r}")
                    continue
                e = hit[0]
                used.add(id(e))
                if e.value != g["value"]:
                    print(f"VAL  {d['published']} {g['text']!r} gold={g['value']} pred={e.text!r} {e.value}  | "
                          f"{d['text'][max(0, g['start'] - 60):g['end'] + 30]!r}")
            for e in exprs:
                if id(e) not in used and not any(e.start < g["end"] and g["start"] < e.end for g in gs):
                    print(f"FP   {d['published']} {e.text!r} {e.type} {e.value}  | "
                          f"{d['text'][max(0, e.start - 50):e.end + 30]!r}")


if __name__ == "__main__":
    main()
