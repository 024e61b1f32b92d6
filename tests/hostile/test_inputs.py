"""Hostile inputs, on SQLite and PostgreSQL: names, special files, encodings, sizes and JSON fields that must never
stop a batch. Every input ends up stored, recorded as a copy of a stored document, or recorded as a failure with its
own path and a one-line reason."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictlens.coding.ingest import iter_documents
from conflictlens.coding.language import detect_language
from conflictlens.model import Document
from conflictlens.scale.batch import BatchReport, process_batch
from conflictlens.store.sql import SQLStore

REPORT = ("Gunmen killed twelve villagers near Menaka on Sunday, residents said. The army said jihadists from the "
          "Islamic State in the Sahel attacked the weekly market and burned shops.\n")
FRENCH = ("Des hommes armés ont tué douze villageois près de Ménaka dimanche, selon des habitants. L'armée a déclaré "
          "que des djihadistes ont attaqué le marché hebdomadaire et incendié des boutiques.\n")


@pytest.fixture
def store(store_url: str) -> Iterator[SQLStore]:
    opened = SQLStore.open(store_url)
    yield opened
    opened.close()


def _process(pipeline, store: SQLStore, *paths: Path | str) -> BatchReport:  # type: ignore[no-untyped-def]
    items = iter_documents([str(p) for p in paths], max_bytes=2_000_000, min_chars=40)
    return process_batch(pipeline, store, items)


def test_a_file_name_that_is_not_utf8_is_stored_under_an_escaped_name(pipeline, store, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"rapport-\xff\xfe.txt")).write_text(REPORT, encoding="utf-8")
    (folder / "after.txt").write_text(REPORT.replace("twelve", "nine"), encoding="utf-8")
    report = _process(pipeline, store, folder)
    assert (report.processed, report.failures) == (2, [])
    named = [(path, warning) for path, warning in store.document_warnings() if "not UTF-8" in warning]
    assert named == [(f"{folder}/rapport-\\xff\\xfe.txt", f"the file name is not UTF-8: recorded as {folder}/rapport-"
                                                         "\\xff\\xfe.txt")]
    again = _process(pipeline, store, folder)  # a re-run (a resume) goes past the same file
    assert (again.processed, again.skipped, again.failures) == (0, 2, [])


def test_special_files_are_recorded_not_read(pipeline, store, tmp_path):  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(REPORT, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "dangling.txt").symlink_to("nowhere.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "copy.txt").write_text(REPORT, encoding="utf-8")
    fifo_argument = tmp_path / "argument.txt"
    os.mkfifo(fifo_argument)
    loop_argument = tmp_path / "self.txt"
    loop_argument.symlink_to("self.txt")

    report = _process(pipeline, store, fifo_argument, "/dev/zero", loop_argument, folder)
    reasons = {Path(f.source_path).name: f.reason for f in report.failures}
    assert "FIFO" in reasons["argument.txt"] and "FIFO" in reasons["pipe.txt"]
    assert "device" in reasons["zero"] and "device" in reasons["zero.txt"]
    assert "link loop" in reasons["self.txt"] and "link loop" in reasons["loop-a.txt"] and "loop" in reasons["loop-b.txt"]
    assert "dangling link" in reasons["dangling.txt"]
    assert report.processed == 1 and report.skipped == 1
    # The copy is recorded under its own path, pointing at the document it repeats.
    copies = store.document_copies()
    assert [Path(c["source_path"]).name for c in copies] in (["copy.txt"], ["good.txt"])
    assert store.status()["copies"] == 1
    assert {Path(f["source_path"]).name for f in store.failures()} == set(reasons)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252"])
def test_other_encodings_are_read_as_what_they_are(pipeline, store, tmp_path, encoding):  # type: ignore[no-untyped-def]
    path = tmp_path / "rapport.txt"
    path.write_bytes((FRENCH * 2).encode(encoding))
    report = _process(pipeline, store, path)
    assert report.failures == [] and report.processed == 1
    (stored,) = [d for d in iter_documents([str(path)], max_bytes=2_000_000, min_chars=40)]
    assert isinstance(stored, Document) and stored.text.startswith("Des hommes armés ont tué douze villageois près")
    assert report.events >= 1


def test_mojibake_is_decoded_but_warned_about(pipeline, store, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "garbled.txt"
    path.write_text((FRENCH * 2).encode("utf-8").decode("cp1252"), encoding="utf-8")
    report = _process(pipeline, store, path)
    assert report.processed == 1
    assert any("looks garbled" in warning for _, warning in store.document_warnings())


def test_lone_surrogates_nul_bytes_and_wrong_json_types_are_stored_with_warnings(pipeline, store, tmp_path):  # type: ignore[no-untyped-def]
    lines = [
        json.dumps({"text": REPORT}).replace("Gunmen", "Gunmen \\ud800"),
        json.dumps({"text": REPORT.replace("twelve", "six") + "\u0000"}),
        json.dumps({"text": REPORT.replace("twelve", "five"), "outlet": {"name": "Wire"}, "title": ["a", "b"],
                    "published_at": "2024-02-31"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = _process(pipeline, store, path)
    assert (report.processed, report.failures) == (3, [])
    warnings = " | ".join(w for _, w in store.document_warnings())
    assert "unpaired surrogate" in warnings and "NUL" in warnings and "not text" in warnings
    assert "not a date" in warnings


def test_a_huge_document_is_coded_in_part_and_a_slow_one_is_stopped(pipeline, store, tmp_path):  # type: ignore[no-untyped-def]
    long = tmp_path / "long.txt"
    long.write_text((REPORT + "\n") * 1_400, encoding="utf-8")  # about 300,000 characters
    report = _process(pipeline, store, long)
    assert report.processed == 1
    (warning,) = [w for _, w in store.document_warnings() if "were coded" in w]
    assert "only the first" in warning and "max_coded_chars" in warning

    slow = pipeline.settings.model_copy(update={"max_document_seconds": 1e-9})
    from conflictlens.coding.pipeline import Pipeline

    impatient = Pipeline(slow, pipeline.knowledge, pipeline.nlp, pipeline.actors, pipeline.gazetteer)
    timed = tmp_path / "timed.txt"
    timed.write_text(REPORT.replace("twelve", "eight"), encoding="utf-8")
    after = tmp_path / "zz-after.txt"
    after.write_text(REPORT.replace("twelve", "three"), encoding="utf-8")
    result = process_batch(impatient, store, iter_documents([str(timed)], max_bytes=2_000_000, min_chars=40))
    (failure,) = result.failures
    assert "coding took over" in failure.reason and "max_document_seconds" in failure.reason
    assert _process(pipeline, store, after).processed == 1


def test_a_giant_token_does_not_change_the_language():
    text = "x" * 200_000 + " " + REPORT
    assert detect_language(Document(text=text)).language == "en"


def test_a_jsonl_line_without_end_is_refused_without_reading_it_whole(pipeline, store, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(json.dumps({"text": REPORT}).encode() + b"\n" + b'{"text": "' + b"a" * 3_000_000)
    report = _process(pipeline, store, path)
    assert report.processed == 1
    (failure,) = report.failures
    assert failure.source_path.endswith("feed.jsonl:2") and "over the 2.0 MB limit" in failure.reason


def test_an_unreadable_subfolder_is_recorded_not_skipped(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    # Tests run as root in CI, where chmod 000 hides nothing: the walk's error is raised as a locked folder raises it.
    import conflictlens.coding.ingest as ingest

    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    real_walk = os.walk

    def walk_with_a_locked_folder(top, onerror=None, followlinks=False):  # type: ignore[no-untyped-def]
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror, followlinks=followlinks)

    monkeypatch.setattr(ingest.os, "walk", walk_with_a_locked_folder)
    found = list(iter_documents([str(tmp_path)], max_bytes=2_000_000, min_chars=40))
    failures = [f for f in found if not isinstance(f, Document)]
    assert [(f.source_path, f.reason) for f in failures] == [
        (str(tmp_path / "locked"), "cannot read folder (Permission denied): check permissions")]
    assert sum(isinstance(f, Document) for f in found) == 1
