import math

import pytest

from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.geoparse import auc, read_corpus, score_geoparse

from ..conftest import SHARED

LGL_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text>Militants attacked Djibo on Monday before fleeing towards Niamey.</text>
    <toponyms>
      <toponym><start>19</start><end>24</end><phrase>Djibo</phrase>
        <gaztag geonameid="2359780"><lat>14.10</lat><lon>-1.63</lon></gaztag></toponym>
      <toponym><start>58</start><end>64</end><phrase>Niamey</phrase>
        <gaztag geonameid="2440485"><lat>13.51</lat><lon>2.11</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>"""
GEOVIRUS_STYLE = """<articles><article><source>https://example.org/a</source>
<text>Cholera spread from Niamey to Zinder this week.</text>
<locations><location><name>Niamey</name><start>20</start><end>26</end><lat>13.51</lat><lon>2.11</lon></location>
<location><name>Zinder</name><start>30</start><end>36</end><lat>-13.80</lat><lon>8.99</lon></location></locations>
</article></articles>"""


def test_both_formats_are_read(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL_STYLE, encoding="utf-8")
    (tmp_path / "gv.xml").write_text(GEOVIRUS_STYLE, encoding="utf-8")
    [lgl] = read_corpus(tmp_path / "lgl.xml")
    assert [(t.name, t.start, t.latitude) for t in lgl.toponyms] == [("Djibo", 19, 14.10), ("Niamey", 58, 13.51)]
    [gv] = read_corpus(tmp_path / "gv.xml")
    assert gv.doc_id == "https://example.org/a" and [t.name for t in gv.toponyms] == ["Niamey", "Zinder"]


def test_perfect_and_known_wrong_resolution(pipeline, tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL_STYLE, encoding="utf-8")
    perfect = score_geoparse(pipeline, tmp_path / "lgl.xml").summary()
    assert (perfect["precision"], perfect["recall"], perfect["accuracy_at_161km"]) == (1.0, 1.0, 1.0)
    (tmp_path / "gv.xml").write_text(GEOVIRUS_STYLE, encoding="utf-8")
    wrong = score_geoparse(pipeline, tmp_path / "gv.xml").summary()
    # Zinder's gold point is put in the southern hemisphere on purpose: one of two resolutions is wrong.
    assert (wrong["f1"], wrong["accuracy_at_161km"]) == (1.0, 0.5)


def test_auc_bounds():
    assert auc([0.0, 0.0]) == 0.0
    assert math.isclose(auc([20039.0, 20039.0]), 1.0)
    assert math.isnan(auc([]))


def test_malformed_corpus(tmp_path):
    (tmp_path / "bad.xml").write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(ConflictLensError, match="not well-formed XML"):
        list(read_corpus(tmp_path / "bad.xml"))


@pytest.mark.shared
def test_eval_geoparse_command_on_a_slice(eval_cli):
    report = eval_cli("geoparse", "--corpus", "lgl", str(SHARED / "eval" / "geoparse" / "lgl.xml"), "--limit", "10")
    assert report["summary"]["documents"] == 10 and len(report["documents"]) == 10
