import datetime as dt
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictlens.coding.ingest import _jsonl_documents, decode, iter_documents, read_dateline, storable
from conflictlens.errors import IngestError
from conflictlens.model import Document, DocumentFailure

REPORT = ("Gunmen on motorbikes attacked the village of Tessit on Monday, killing four soldiers, "
          "a local official said.")
LIMITS = {"max_bytes": 1_000_000, "min_chars": 40}


def read(*paths: Path, **kwargs):  # type: ignore[no-untyped-def]
    return list(iter_documents([str(p) for p in paths], **{**LIMITS, **kwargs}))


def test_plain_text(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    [doc] = read(tmp_path / "a.txt")
    assert isinstance(doc, Document) and doc.text == REPORT and doc.source_path.endswith("a.txt")


def test_html_article_text_and_metadata(tmp_path):
    html = (f"<html><head><title>Attack in Tessit</title><meta property='article:published_time' "
            f"content='2024-05-07'></head><body><nav>Home | World</nav><article><h1>Attack in Tessit</h1>"
            f"<p>{REPORT}</p><p>{REPORT.replace('four', 'five')}</p></article>"
            f"<script>alert(1)</script></body></html>")
    (tmp_path / "a.html").write_text(html, encoding="utf-8")
    [doc] = read(tmp_path / "a.html")
    assert "killing four soldiers" in doc.text and "alert" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Attack in Tessit" and doc.published_at == dt.date(2024, 5, 7)


def test_jsonl_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"text": REPORT, "url": "https://example.org/1", "title": "T", "published_at": "2024-05-07",
                    "outlet": "Sahel Daily"}),
        "{not json",
        json.dumps({"url": "https://example.org/2"}),
        json.dumps({"text": REPORT, "published_at": "the day after"}),
        json.dumps({"text": REPORT, "published_at": "Nov 22, 2016 4:30 PM MT"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(tmp_path / "feed.jsonl")
    assert isinstance(items[0], Document)
    assert (items[0].url, items[0].outlet, items[0].published_at) == ("https://example.org/1", "Sahel Daily",
                                                                      dt.date(2024, 5, 7))
    failures = [(i.source_path.rsplit(":", 1)[1], i.reason) for i in items if isinstance(i, DocumentFailure)]
    assert failures == [
        ("2", "invalid JSON (Expecting property name enclosed in double quotes at column 2): fix or drop the line"),
        ("3", "JSON line has no 'text' string field"),
    ]
    # A bad publication date never refuses a report: it is kept, with a warning, and dated from its text.
    assert (items[3].published_at, items[3].warnings) == (None, [
        "published_at 'the day after' is not a date: use YYYY-MM-DD; coded with no publication date, with the "
        "dates the text gives"])
    assert isinstance(items[4], Document) and items[4].warnings in ([], [
        "published_at 'Nov 22, 2016 4:30 PM MT' is not a date: use YYYY-MM-DD; coded with no publication date, "
        "with the dates the text gives"])


def test_bad_files_become_recorded_failures_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.html").write_text("<html><body><div><p></div></html", encoding="utf-8")
    (tmp_path / "short.txt").write_text("Clashes.", encoding="utf-8")
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    items = read(tmp_path)
    reasons = {Path(i.source_path).name: i.reason for i in items if isinstance(i, DocumentFailure)}
    assert reasons == {
        "binary.txt": "binary data, not text: give a .txt, .html or .jsonl file",
        "broken.html": "no article text found in the HTML: is it a complete article page?",
        "empty.txt": "empty input: nothing to process",
        "short.txt": "text too short (8 characters, minimum 40)",
    }
    assert [Path(i.source_path).name for i in items if isinstance(i, Document)] == ["good.txt"]


def test_huge_file_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    [failure] = read(huge, max_bytes=10_000_000)
    assert failure.reason == "file is 52.4 MB, over the 10.0 MB limit: split it or raise max_document_bytes"


def test_legacy_encoding_is_decoded_with_a_warning(tmp_path):
    text = ("Des hommes armés ont attaqué le marché de Ménaka lundi, tuant quatre civils, selon un élu local. "
            "L'armée malienne a renforcé sa présence dans la région après l'attaque.")
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    [doc] = read(tmp_path / "latin1.txt")
    assert doc.text == text and doc.warnings and "not UTF-8" in doc.warnings[0]


def test_a_stray_invalid_byte_is_replaced_with_a_warning():
    text, warning = decode(("Gunmen attacked Ménaka on Monday. " * 20).encode("utf-8") + b"\xff")
    assert text.endswith("\ufffd") and warning == "1 invalid UTF-8 byte(s) replaced with U+FFFD"


def test_undecodable_bytes_give_an_actionable_error():
    with pytest.raises(IngestError, match=r"not valid UTF-8 .* re-save the file as UTF-8"):
        decode(b"Clashes in Gao \xff\xfe\xfa\xfb\xfc killed " + bytes([0x80, 0x81, 0x8d, 0x8f]) * 3)


def test_missing_path(tmp_path):
    [failure] = read(tmp_path / "nope.txt")
    assert failure.reason == "file not found: check the path"


def test_dateline_gives_date_and_outlet():
    text = "MENAKA, Mali, March 12, 2024 (Sahel Wire) - Gunmen attacked a village near Menaka on Sunday."
    assert read_dateline(text) == (dt.date(2024, 3, 12), "Sahel Wire")
    assert read_dateline("Gunmen attacked a village near Menaka on Sunday.") == (None, None)
    accented = "SÉGOU, Mali, August 10, 2024 (The Bamako Post) - A bomb killed 32 soldiers near Ségou on 7 August."
    assert read_dateline(accented) == (dt.date(2024, 8, 10), "The Bamako Post")


def test_jsonl_is_streamed_and_each_line_held_to_the_limit(tmp_path):
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as handle:
        for i in range(300):
            handle.write(json.dumps({"text": f"{REPORT} Report number {i}.", "url": f"https://example.org/{i}"}) + "\n")
        handle.write(json.dumps({"text": "x" * 5000}) + "\n")
    items = read(feed, max_bytes=2000)
    documents = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, DocumentFailure)]
    assert len(documents) == 300 and feed.stat().st_size > 2000
    assert [f.source_path.rsplit(":", 1)[1] for f in failures] == ["301"]
    assert failures[0].reason.startswith("line is over the 0.0 MB limit")


def test_invalid_utf8_line_in_jsonl(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(json.dumps({"text": REPORT}).encode() + b"\n" + b'{"text": "caf\xe9 attack in Gao"}\n')
    items = read(feed)
    assert isinstance(items[0], Document)
    assert items[1].reason == "not valid UTF-8 (byte 0xe9): re-save the file as UTF-8"


RECORD = st.fixed_dictionaries(
    {"text": st.text(min_size=0, max_size=300)},
    optional={"url": st.one_of(st.none(), st.text(max_size=40)), "title": st.one_of(st.none(), st.text(max_size=40)),
              "outlet": st.one_of(st.none(), st.text(max_size=40)),
              "published_at": st.one_of(st.none(), st.dates().map(dt.date.isoformat), st.text(max_size=20))})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(RECORD, st.text(max_size=60)), max_size=8))
def test_jsonl_lines_become_documents_or_failures_never_errors(lines):
    """Any line — a record, or junk — gives one Document or one failure; records keep their fields."""
    encoded = [json.dumps(line) if isinstance(line, dict) else line for line in lines]
    numbered = list(enumerate(encoded, start=1))
    out = list(_jsonl_documents(numbered, "feed.jsonl", 5, {}))
    assert len(out) == sum(1 for _, line in numbered if line.strip())
    for item, (number, line) in zip(out, [(n, ln) for n, ln in numbered if ln.strip()], strict=True):
        assert isinstance(item, Document | DocumentFailure)
        assert item.source_path == f"feed.jsonl:{number}"
        if isinstance(item, Document):
            record = json.loads(line)
            kept = {name: storable(record[name], name, []) if record.get(name) else None
                    for name in ("text", "url", "outlet")}  # NUL and unpaired surrogates made storable
            assert item.text == kept["text"] and item.url == (kept["url"] or None)
            assert item.outlet == (kept["outlet"] or None)


def test_a_text_file_is_dated_by_its_sidecar_or_its_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"published_at": "2024-03-13", "outlet": "Studio Tamani",
                                                 "url": "https://example.org/a"}), encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("published_at: 2024-03-14\ntitle: Attack in Tessit\n", encoding="utf-8")
    (tmp_path / "c.md").write_text(f"---\npublished_at: 2024-03-15\noutlet: Le Républicain\n---\n{REPORT}",
                                   encoding="utf-8")
    a, b, c = read(tmp_path, published_at=dt.date(2020, 1, 1))
    assert (a.published_at, a.outlet, a.url) == (dt.date(2024, 3, 13), "Studio Tamani", "https://example.org/a")
    assert (b.published_at, b.title) == (dt.date(2024, 3, 14), "Attack in Tessit")
    assert (c.published_at, c.outlet, c.text) == (dt.date(2024, 3, 15), "Le Républicain", REPORT)


def test_a_sidecar_or_front_matter_that_cannot_be_read_is_a_failure_with_its_reason(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "a.json").write_text("{broken", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"---\ndate: 2024-03-15\n---\n{REPORT}", encoding="utf-8")
    reasons = [item.reason for item in read(tmp_path) if isinstance(item, DocumentFailure)]
    assert reasons == ["its sidecar a.json cannot be read (JSONDecodeError): fix or remove it",
                       "its front matter has unknown field(s) date: use published_at, outlet, url, title"]


def test_published_at_from_the_file_name_or_its_modification_day(tmp_path):
    named = tmp_path / "2024-03-13_bamako.txt"
    named.write_text(REPORT, encoding="utf-8")
    plain = tmp_path / "report.txt"
    plain.write_text(REPORT, encoding="utf-8")
    os.utime(plain, (dt.datetime(2023, 7, 1, 12, tzinfo=dt.UTC).timestamp(),) * 2)
    by_name = read(named, plain, published_at_from="filename", published_at=dt.date(2020, 1, 1))
    assert [d.published_at for d in by_name] == [dt.date(2024, 3, 13), dt.date(2020, 1, 1)]
    assert read(plain, published_at_from="mtime")[0].published_at == dt.date(2023, 7, 1)
    with pytest.raises(IngestError, match="choose one of filename, mtime"):
        read(plain, published_at_from="ctime")


def test_a_year_less_dateline_takes_the_year_of_the_known_date(tmp_path):
    wire = tmp_path / "wire.txt"
    wire.write_text(f"BAMAKO, March 13 (Reuters) - {REPORT}", encoding="utf-8")
    (document,) = read(wire, published_at=dt.date(2024, 6, 1))
    assert (document.published_at, document.outlet) == (dt.date(2024, 3, 13), "Reuters")
    # Read in early January, a late-December dateline is of the year before.
    assert read_dateline("GAO, Dec. 30 (AFP) - Text", dt.date(2025, 1, 2)) == (dt.date(2024, 12, 30), "AFP")
    assert read_dateline("GAO, Dec. 30 (AFP) - Text") == (None, "AFP")  # no year to take


def test_the_batch_date_serves_jsonl_lines_without_one(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": REPORT}) + "\n" + json.dumps({"text": REPORT, "published_at": "2024-01-02"})
                    + "\n", encoding="utf-8")
    assert [d.published_at for d in read(feed, published_at=dt.date(2024, 5, 6))] == [dt.date(2024, 5, 6),
                                                                                   dt.date(2024, 1, 2)]


def test_byte_order_marks_say_the_encoding(tmp_path):
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        data = REPORT.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + REPORT.encode(codec)
        (tmp_path / f"{codec}.txt").write_bytes(data)
    documents = read(tmp_path)
    assert [d.text for d in documents] == [REPORT] * 3 and all(not d.warnings for d in documents)
    with pytest.raises(IngestError, match="UTF-16-LE byte-order mark but is not valid UTF-16-LE"):
        decode(b"\xff\xfe" + "a".encode("utf-16-le") + b"\x00\xd8")


def test_jsonl_fields_of_the_wrong_type_are_left_out_with_a_warning(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": REPORT, "outlet": {"name": "Sahel Daily"}, "title": ["a", "b"], "url": 42})
                    + "\n", encoding="utf-8")
    (document,) = read(feed)
    assert (document.outlet, document.title, document.url) == (None, None, "42")
    assert document.warnings == ["field 'title' is list, not text: left out", "field 'outlet' is dict, not text: left out"]


def test_nul_characters_and_lone_surrogates_are_made_storable_with_a_warning(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "' + REPORT + ' \\u0000 end \\ud800", "title": "T\\u0000"}\n'
                    + json.dumps({"text": REPORT}) + "\n", encoding="utf-8")
    hostile, plain = read(feed)
    assert "\x00" not in hostile.text and hostile.text.endswith("end \ufffd") and hostile.title == "T"
    assert hostile.warnings == ["1 NUL character(s) removed from the text",
                                "1 unpaired surrogate(s) in the text replaced with U+FFFD",
                                "1 NUL character(s) removed from the title"]
    assert plain.warnings == []
    late_nul = tmp_path / "late.txt"  # past the binary sniff: text, with one NUL byte
    late_nul.write_bytes((REPORT + " " * 9000 + "\x00 more").encode("utf-8"))
    (document,) = read(late_nul)
    assert "\x00" not in document.text and document.warnings == ["1 NUL character(s) removed from the text"]
