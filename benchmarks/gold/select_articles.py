"""Choose the real-news articles of the hand-coded gold set, reproducibly, and write the batches coders work on.

The articles are read in place from ../shared (nothing of their text is written here): FA-KES (conflict news
from opposing outlets), LGL (local US news) and GeoVirus (Wikinews health news). The split into a dev half
and a test half is by a hash of corpus and id, so it never depends on the order coders finish in.

    python benchmarks/gold/select_articles.py ../shared > benchmarks/gold/news/articles.tsv
    python benchmarks/gold/select_articles.py ../shared show fakes 1914947530   # one article, for coders
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
import sys
from pathlib import Path

# Each wave draws, with its own seed, from the articles earlier waves left, so adding a wave never changes the
# articles (or halves) already coded.
WAVES = [(20261202, {"fakes": 84, "lgl": 42, "geovirus": 34}),
         (20261203, {"fakes": 66, "lgl": 20, "geovirus": 14})]


def split_of(corpus: str, doc_id: str) -> str:
    return "dev" if int(hashlib.sha256(f"{corpus}:{doc_id}".encode()).hexdigest(), 16) % 2 == 0 else "test"


def article_ids(shared: Path) -> dict[str, list[str]]:
    csv.field_size_limit(10**9)
    with open(shared / "eval/news/FA-KES.csv", encoding="utf-8", newline="") as handle:
        fakes = [row["unit_id"] for row in csv.DictReader(handle)]
    lgl = re.findall(r'<article docid="(\d+)">', (shared / "eval/geoparse/lgl.xml").read_text(encoding="utf-8"))
    geovirus = re.findall(r"<source>(.*?)</source>", (shared / "eval/geoparse/GeoVirus.xml").read_text(encoding="utf-8"))
    return {"fakes": fakes, "lgl": lgl, "geovirus": geovirus}


def article_text(shared: Path, corpus: str, doc_id: str) -> tuple[str, str]:
    """An article's publication date (as the corpus gives it, or "") and its text."""
    if corpus == "fakes":
        csv.field_size_limit(10**9)
        with open(shared / "eval/news/FA-KES.csv", encoding="utf-8", newline="") as handle:
            row = next(r for r in csv.DictReader(handle) if r["unit_id"] == doc_id)
        return row["date"], row["article_content"]
    if corpus == "lgl":
        xml = (shared / "eval/geoparse/lgl.xml").read_text(encoding="utf-8")
        block = xml.split(f'<article docid="{doc_id}">', 1)[1].split("</article>", 1)[0]
        return (re.search(r"<dltime>(.*?)</dltime>", block) or re.search("()", "")).group(1)[:10], re.search(
            r"<text><!\[CDATA\[(.*?)\]\]></text>", block, re.S).group(1)  # type: ignore[union-attr]
    xml = (shared / "eval/geoparse/GeoVirus.xml").read_text(encoding="utf-8")
    block = xml.split(f"<source>{doc_id}</source>", 1)[1]
    return "", re.search(r"<text>(.*?)</text>", block, re.S).group(1)  # type: ignore[union-attr]


def main(shared: Path) -> None:
    ids = article_ids(shared)
    chosen: set[tuple[str, str]] = set()
    print("corpus\tid\tsplit")
    for seed, sample in WAVES:
        rng = random.Random(seed)
        for corpus, corpus_ids in ids.items():
            left = sorted(set(corpus_ids) - {doc_id for c, doc_id in chosen if c == corpus})
            for doc_id in sorted(rng.sample(left, sample[corpus])):
                chosen.add((corpus, doc_id))
                print(f"{corpus}\t{doc_id}\t{split_of(corpus, doc_id)}")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[2] == "show":
        published, text = article_text(Path(sys.argv[1]), sys.argv[3], sys.argv[4])
        print(f"published: {published or '(not given)'}\n\n{text}")
    else:
        main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
