"""Batches: documents are parsed together in groups, stored as each group is coded, and one bad document
fails alone. Reports written for these tests."""

import datetime as dt

from conflictlens.model import Document, DocumentFailure
from conflictlens.scale.batch import code_documents, process_batch
from conflictlens.store.sql import SQLStore

DAY = dt.date(2024, 5, 8)
REPORTS = [
    "Militants attacked an army post near Menaka on Tuesday, killing four soldiers.",
    "Thousands of students marched in Niamey on Monday to demand the payment of their grants.",
    "Gunmen abducted the mayor of a village near Tillaberi on Sunday, residents said.",
    "The city council approved the budget for the new library on Thursday evening.",
    "Soldiers repelled an attack by jihadists on the town of Diffa on Wednesday, the army said.",
]


class Exploding:
    """A stage that fails on one marked document, as a coding bug would."""

    name = "exploding"
    requires: tuple[str, ...] = ()
    adds: tuple[str, ...] = ()

    def __call__(self, annotated):  # type: ignore[no-untyped-def]
        if "library" in annotated.document.text:
            raise RuntimeError("a bug")


def test_coding_together_gives_what_coding_one_by_one_gives(pipeline):
    together = pipeline.process_many([Document(text=t, published_at=DAY) for t in REPORTS])
    alone = [pipeline.process(Document(text=t, published_at=DAY)) for t in REPORTS]
    assert [[e.to_dict() for e in r.events] for r in together] == [[e.to_dict() for e in r.events] for r in alone]
    assert sum(len(r.events) for r in alone) >= 4


def test_one_failing_document_fails_alone(pipeline, monkeypatch):
    monkeypatch.setattr(pipeline, "stages", [*pipeline.stages, Exploding()])
    documents = [Document(text=t, published_at=DAY, source_path=f"report-{i}.txt") for i, t in enumerate(REPORTS)]
    results = code_documents(pipeline, documents)
    failed = [r for r in results if isinstance(r, DocumentFailure)]
    assert [(f.source_path, f.reason) for f in failed] == [
        ("report-3.txt", "internal error RuntimeError: a bug; please report it")]
    assert all(not isinstance(r, DocumentFailure) for i, r in enumerate(results) if i != 3)


def test_groups_are_stored_as_they_are_coded_and_a_repeat_is_stored_once(pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "settings", pipeline.settings.model_copy(update={"parse_batch_size": 2}))
    store = SQLStore.open(tmp_path / "batch.db")
    documents = [Document(text=t, published_at=DAY) for t in [*REPORTS, REPORTS[0]]]
    stored = []
    report = process_batch(pipeline, store, documents, on_item=lambda: stored.append(store.status()["documents"]))
    assert (report.processed, report.skipped, len(report.failures)) == (5, 1, 0)
    # Two documents a group, each group stored at once (one transaction) before the next is read; the repeat is
    # seen while the fifth document waits for its group, which the end of the input closes.
    assert stored == [2, 2, 4, 4, 4, 5]
    again = process_batch(pipeline, store, documents)
    assert (again.processed, again.skipped) == (0, 6)
    store.close()
