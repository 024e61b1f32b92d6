import csv
import io
import json

import pytest
from click.testing import CliRunner

from conflictlens.cli import main

from .conftest import ROOT, SHARED

SAMPLE = ROOT / "examples" / "sahel_wire_report.txt"


@pytest.fixture
def cli(settings, tmp_path):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    db = str(tmp_path / "cli.db")

    def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
        return runner.invoke(main, ["--db", db, "--gazetteer", str(settings.gazetteer), *args], input=input)

    return run


def test_process_sample_prints_events_and_is_idempotent(cli):
    first = cli("process", str(SAMPLE))
    assert first.exit_code == 0, first.output
    assert "1 processed, 0 already in the store, 0 failed, 3 events" in first.output
    second = cli("process", str(SAMPLE), "--no-show")
    assert "0 processed, 1 already in the store, 0 failed, 0 events" in second.output
    listed = json.loads(cli("events", "--format", "json").output)
    assert [(e["event_type"], e["country"], e["fatalities"]) for e in listed] == [
        ("Battles", "Niger", 4),
        ("Violence against civilians", "Mali", 14),
        ("Explosions/Remote violence", "Mali", 12),
    ]
    assert [e["actor1"] for e in listed] == ["Military Forces of Niger", "Islamic State (Sahel)",
                                             "Military Forces of Mali"]
    assert [e["claim_status"] for e in listed] == ["reported", "denied", "unverified"]


def test_stdin_and_filters(cli):
    text = "Militants kidnapped three aid workers near Menaka on 6 May 2024, a local official said."
    assert cli("process", "-", "--no-show", input=text).exit_code == 0
    out = cli("events", "--type", "Violence against civilians", "--from", "2024-05-01", "--format", "csv").output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["sub_event_type"], r["location"], r["event_date"]) for r in rows] == [
        ("Abduction/forced disappearance", "Ménaka", "2024-05-06")]
    assert cli("events", "--actor", "nobody-such").output.count("0 events") == 1


def test_exports(cli, tmp_path):
    cli("process", str(SAMPLE), "--no-show")
    geo = json.loads(cli("export", "--format", "geojson").output)
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    assert all(f["geometry"]["type"] == "Point" for f in geo["features"])
    out = tmp_path / "events.csv"
    assert cli("export", "--format", "acled-csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["event_id_cnty"] and rows[0]["interaction"] == "12"
    lines = cli("export", "--format", "jsonl").output.splitlines()
    fused = json.loads(lines[0])
    assert len(lines) == 3 and fused["event"]["claims"] and fused["status"] == "single-source"
    assert [r["outlet"] for r in fused["reports"]] == ["Sahel Wire"]
    reports = cli("export", "--format", "jsonl", "--reports").output.splitlines()
    assert len(reports) == 3 and json.loads(reports[0])["claims"]


def test_bad_inputs_are_reported_and_status_lists_them(cli, tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = cli("process", str(tmp_path / "empty.txt"), str(SAMPLE), "--no-show")
    assert result.exit_code == 0
    assert "empty.txt: empty input: nothing to process" in result.output
    status = cli("status").output
    assert "documents: 1" in status and "failures: 1" in status and "empty input" in status


def test_only_failures_exit_non_zero(cli, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = cli("process", str(tmp_path / "bin.txt"))
    assert result.exit_code == 1 and "binary data, not text" in result.output


def test_bad_date_option_is_one_line(cli):
    result = cli("events", "--from", "yesterday")
    assert result.exit_code == 2 and "'yesterday' is not a date: use YYYY-MM-DD" in result.output


def test_store_errors_are_one_line(settings, tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 1000)
    result = CliRunner().invoke(main, ["--db", str(bad), "status"])
    assert result.exit_code == 1 and result.output.startswith("error: cannot open the store")
    assert result.output.count("\n") == 1


@pytest.mark.shared
def test_check_against_hand_coding(cli):
    example = SHARED / "examples" / "tinzaouatene"
    result = cli("check", str(example / "expected.yaml"), str(example / "article.txt"))
    assert result.exit_code == 0, result.output
    assert "11/11 events matched; 52/52 fields agree" in result.output


def test_gazetteer_import_and_lookup(cli, tmp_path, settings):
    from .conftest import DATA

    runner = CliRunner()
    gaz = tmp_path / "gaz.sqlite"
    built = runner.invoke(main, ["--gazetteer", str(gaz), "gazetteer", "import", str(DATA / "geonames_sample.txt")])
    assert "imported 6 places" in built.output
    looked = runner.invoke(main, ["--gazetteer", str(gaz), "gazetteer", "lookup", "Tin Zaouaten"]).output
    assert "Oued Ti-n-Zaouatene\tH.WAD\tML" in looked


def test_document_warnings_are_printed_after_process_and_listed_by_status(cli, tmp_path):
    undated = tmp_path / "undated.txt"
    undated.write_text("Gunmen attacked the village of Zorgho in Burkina Faso, killing five civilians, residents "
                       "said.", encoding="utf-8")
    result = cli("process", str(undated), "--no-show")
    assert result.exit_code == 0
    assert f"warning: {undated}: events cannot be dated: the document has no publication date" in result.output
    again = cli("process", str(undated), "--no-show")
    assert "add --reprocess to code them again" in again.output
    assert f"warning: {undated}: events cannot be dated" in cli("status", "--warnings").output
    assert "warning:" not in cli("status").output


def test_check_names_an_unknown_field_of_the_hand_coding_in_one_line(cli, tmp_path):
    coding = tmp_path / "coding.yaml"
    coding.write_text("events:\n  - id: clash\n    event_type: Battles\n    place: Djibo\n", encoding="utf-8")
    result = cli("check", str(coding), str(SAMPLE))
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "event clash has unknown field(s) place: use " in result.output
