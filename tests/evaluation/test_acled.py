import datetime as dt
import json

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.acled import CODING_MARKS, normalise_actor, parse_acled_date, read_acled, score_acled

from ..conftest import SHARED

HEADER = ("event_date,event_type,sub_event_type,actor1,actor2,admin1,location,latitude,longitude,geo_precision,"
          "fatalities,notes\n")
HXL = "#date,#event+type,,,,#adm1+name,#loc+name,#geo+lat,#geo+lon,,#affected+killed,#description\n"


def write(tmp_path, rows):  # type: ignore[no-untyped-def]
    path = tmp_path / "acled.csv"
    path.write_text(HEADER + HXL + "".join(rows), encoding="utf-8")
    return path


def test_dates_in_every_acled_format():
    assert parse_acled_date("2020-07-31") == parse_acled_date("31 July 2020") == dt.date(2020, 7, 31)
    assert parse_acled_date("16-Feb-21") == dt.date(2021, 2, 16)
    with pytest.raises(ConflictLensError, match="not in a known format"):
        parse_acled_date("2020/31/07")


def test_actor_normalisation():
    assert normalise_actor("Military Forces of Niger (2011-)") == normalise_actor("Military Forces of Niger")
    assert normalise_actor("JNIM: Group for Support of Islam and Muslims") == "jnim"
    assert normalise_actor(None) == ""


def test_hxl_row_skipped_and_columns_checked(tmp_path):
    path = write(tmp_path, ['2024-05-06,Battles,Armed clash,A,B,Tillaberi,Tera,14.0,0.75,1,0,"x"\n'])
    assert [r["location"] for r in read_acled(path)] == ["Tera"]
    bad = tmp_path / "bad.csv"
    bad.write_text("date,notes\n2024-01-01,x\n", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="lacks ACLED columns"):
        list(read_acled(bad))


def test_a_perfect_row_scores_one_and_a_wrong_row_less(pipeline, tmp_path):
    notes = "On 6 May 2024, Nigerien soldiers clashed with JNIM militants near Tera (Tera, Tillaberi)."
    perfect = (f'2024-05-06,Battles,Armed clash,Military Forces of Niger (2021-),JNIM: Group for Support of Islam '
               f'and Muslims,Tillaberi,Tera,14.0076,0.7531,2,0,"{notes}"\n')
    wrong = f'06-May-24,Riots,Mob violence,Rioters (Niger),,Tillaberi,Tera,14.0076,0.7531,1,3,"{notes}"\n'
    report = score_acled(pipeline, write(tmp_path, [perfect, wrong]))
    first, second = report.rows
    assert all(first.agree.values()), first.agree
    assert [k for k, ok in second.agree.items() if not ok] == [
        "event_type", "sub_event_type", "actor1", "actor2", "geo_precision", "fatalities"]
    summary = report.summary()
    assert (summary["event_type_accuracy"], summary["location_within_25km"], summary["fatalities_mae"]) == (0.5, 1.0, 1.5)
    assert report.confusion == {"Battles": {"Battles": 1}, "Riots": {"Battles": 1}}


def test_coders_remarks_on_place_and_count_are_removed_from_the_notes():
    notes = ("Militants abducted two girls in the village of Rimi (coded as Boula Koura at geo precision 2). Troops "
             "operated in the Liptako region, coded as Ayorou (Ayorou, Tillabery), and killed an unspecified number "
             "of militants. Unknown fatalities coded as 10. No reports corroborate the claim.")
    kept = " ".join(CODING_MARKS.sub(" ", notes).split())
    assert kept == ("Militants abducted two girls in the village of Rimi . Troops operated in the Liptako region , and "
                    "killed an unspecified number of militants. . No reports corroborate the claim.")


@pytest.mark.shared
def test_acleds_coding_marks_are_not_read_as_report_text(pipeline, tmp_path):
    notes = "On 20 December 2019, asylum seekers demonstrated in front of the UNHCR office in Agadez.[size=hundreds]"
    row = f'2019-12-20,Protests,Peaceful protest,Protesters (Niger),,Agadez,Agadez,16.9733,7.9911,1,0,"{notes}"\n'
    [scored] = score_acled(pipeline, write(tmp_path, [row])).rows
    assert scored.predicted["location"] == "Agadez" and scored.agree["location"]


def test_rows_sharing_a_report_are_matched_to_distinct_events_by_location(pipeline, tmp_path):
    notes = "On 6 May 2024, mutinous soldiers attacked the towns of Diffa and Agadez."
    rows = [f'2024-05-06,Battles,Armed clash,Mutiny,,Diffa,Diffa,13.3154,12.6113,1,0,"{notes}"\n',
            f'2024-05-06,Battles,Armed clash,Mutiny,,Agadez,Agadez,16.9733,7.9911,1,0,"{notes}"\n']
    report = score_acled(pipeline, write(tmp_path, rows))
    assert [r.predicted["location"] for r in report.rows] == ["Diffa", "Agadez"]
    assert report.summary()["location_within_25km"] == 1.0


@pytest.mark.shared
def test_eval_acled_command_on_a_slice(eval_cli):
    report = eval_cli("acled", str(SHARED / "eval" / "acled" / "niger_1997_2020.csv"), "--limit", "40")
    assert report["summary"]["rows"] == 40 and len(report["worst"]) == 20
    assert report["summary"]["event_type_accuracy"] > 0.5


def test_markdown_report(tmp_path):
    from conflictlens.evaluation.acled import markdown_report

    result = tmp_path / "acled_niger.json"
    result.write_text(json.dumps({"summary": {"rows": 2, "event_type_accuracy": 0.5}}), encoding="utf-8")
    text = markdown_report([result], today=dt.date(2026, 11, 25))
    assert "Date: 2026-11-25" in text and "## acled_niger" in text and "| event_type_accuracy | 0.500 |" in text
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="not an eval --json result"):
        markdown_report([tmp_path / "bad.json"])
