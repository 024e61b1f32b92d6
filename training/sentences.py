"""Sentences for the relevance and sub-type classifier: chosen reproducibly from openly licensed corpora in
../shared, labelled by the project (labels only are committed, keyed by corpus, document and character span;
the texts are read in place).

    python training/sentences.py ../shared select var/training/batches   # write batches of sentences to label
    python training/sentences.py ../shared build var/training/sentences.jsonl   # labels + texts, for `train`

Corpora used (licences allow shipping a model trained on them): FA-KES (CC BY 4.0), GeoVirus (Wikinews,
CC BY 2.5), PLOVER's coded sentences (CC BY-SA 4.0). Articles of the real-news gold set
(benchmarks/gold/news/articles.tsv) are never used, in either half.
"""

from __future__ import annotations

import csv
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "labels"
SEED = 20261202
SAMPLE = {"fakes": 2000, "geovirus": 800}
BATCH = 500
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”']?\s+(?=[\"“'A-Z0-9])")


def gold_articles() -> set[tuple[str, str]]:
    rows = (ROOT / "benchmarks/gold/news/articles.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {(r.split("\t")[0], r.split("\t")[1]) for r in rows}


def articles(shared: Path) -> Iterator[tuple[str, str, str]]:
    """(corpus, document id, text) of every usable article."""
    gold = gold_articles()
    csv.field_size_limit(10**9)
    with open(shared / "eval/news/FA-KES.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if ("fakes", row["unit_id"]) not in gold:
                yield "fakes", row["unit_id"], row["article_content"]
    xml = (shared / "eval/geoparse/GeoVirus.xml").read_text(encoding="utf-8")
    for source, text in re.findall(r"<source>(.*?)</source>\s*<text>(.*?)</text>", xml, re.S):
        if ("geovirus", source) not in gold:
            yield "geovirus", source, text
    for record in json.loads((shared / "eval/plover/PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8")):
        if record.get("text"):
            yield "plover", str(record["id"]), record["text"]


def sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text.rstrip())


def candidates(shared: Path) -> dict[str, list[dict[str, str]]]:
    by_corpus: dict[str, list[dict[str, str]]] = {"fakes": [], "geovirus": [], "plover": []}
    for corpus, doc_id, text in articles(shared):
        spans = [(0, len(text.strip()))] if corpus == "plover" else list(sentences(text))
        for start, end in spans:
            sentence = text[start:end].strip()
            if 30 <= len(sentence) <= 600:
                by_corpus[corpus].append({"key": f"{corpus}|{doc_id}|{start}|{end}", "text": sentence})
    rng = random.Random(SEED)
    return {corpus: rng.sample(found, SAMPLE[corpus]) if corpus in SAMPLE else found
            for corpus, found in by_corpus.items()}


def select(shared: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for corpus, chosen in candidates(shared).items():
        for n in range(0, len(chosen), BATCH):
            path = out / f"{corpus}-{n // BATCH + 1}.jsonl"
            path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in chosen[n : n + BATCH]),
                            encoding="utf-8")
            print(path, len(chosen[n : n + BATCH]))


def build(shared: Path, out: Path) -> None:
    """Every committed label with its sentence's text, as `conflictlens train` reads them."""
    texts = {(corpus, doc_id): text for corpus, doc_id, text in articles(shared)}
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for path in sorted(LABELS.glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                label = json.loads(line)
                if "text" not in label:
                    corpus, doc_id, start, end = label["key"].split("|")
                    label["text"] = texts[(corpus, doc_id)][int(start) : int(end)].strip()
                handle.write(json.dumps({"text": label["text"], "event_type": label["event_type"],
                                         "sub_event_type": label["sub_event_type"]}, ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} labelled sentences -> {out}")


if __name__ == "__main__":
    shared, command, target = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    {"select": select, "build": build}[command](shared, target)
