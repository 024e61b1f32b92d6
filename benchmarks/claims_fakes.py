"""FA-KES: one Syrian-war event told by outlets of opposing sides, fused, with each outlet's toll and alignment.

Every FA-KES article (read in place from ../shared) is coded as ``process`` codes a document, with its outlet and
publication date from the corpus; all reports are fused in one pass, and every fused event that two or more
outlets report is listed with each outlet's affiliation (data/outlets.yaml), its own toll and perpetrator, the
event's toll (the lowest) and the range, and whether the event is contested.

    python benchmarks/claims_fakes.py --gazetteer var/gazetteer.sqlite -o reports/claims_fakes.md
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import commit

from conflictlens.coding.fusion import Report, load_fuser, make_report
from conflictlens.coding.pipeline import load_pipeline
from conflictlens.config import Settings
from conflictlens.evaluation.news import CORPUS_FILES, READERS
from conflictlens.model import Document, FusedEvent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--gazetteer", type=Path, required=True)
    parser.add_argument("--limit", type=int, help="Only the first N articles (a quick look).")
    parser.add_argument("-o", "--output", type=Path, default=Path("reports/claims_fakes.md"))
    args = parser.parse_args()

    pipeline = load_pipeline(Settings(gazetteer=args.gazetteer))
    fuser = load_fuser(pipeline.knowledge, pipeline.actors)
    started = time.perf_counter()
    reports: list[Report] = []
    unit_of: dict[str, str] = {}
    articles = list(READERS["fakes"](args.shared / CORPUS_FILES["fakes"]))[: args.limit]
    for unit_id, article in articles:
        document = Document(article.text, outlet=article.outlet, published_at=article.published_at,
                            url=f"fakes:{unit_id}")
        unit_of[document.doc_id] = unit_id
        for event in pipeline.process(document).events:
            event.event_id = event.event_id or event.assign_id()
            reports.append(make_report(event, outlet=document.outlet, outlets_named=document.outlets_named,
                                       published_at=document.published_at, rules=fuser.rules))
    fused = [fuser.merge(cluster) for cluster in fuser.assign(reports, [])]
    shared = [f for f in fused if len({r.outlet for r in f.reports if r.kind == "event"}) >= 2]
    shared.sort(key=lambda f: (-len({r.outlet for r in f.reports}), str(f.event.event_date)))
    seconds = time.perf_counter() - started
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(render(shared, fused, len(articles), len(reports), unit_of, seconds), encoding="utf-8")
    print(f"{len(articles)} articles, {len(reports)} reports, {len(fused)} fused events, {len(shared)} reported "
          f"by two or more outlets; {seconds:.0f} s; wrote {args.output}")


def render(shared: list[FusedEvent], fused: list[FusedEvent], articles: int, reports: int, unit_of: dict[str, str],
           seconds: float) -> str:
    contested = sum(f.status == "contested" for f in shared)
    lines = [
        "# FA-KES: events reported by outlets of opposing sides", "",
        f"Commit {commit()}; `python benchmarks/claims_fakes.py` ({seconds:.0f} s on this machine). {articles} articles, "
        f"{reports} coded reports, {len(fused)} fused events; **{len(shared)} reported by two or more outlets**, "
        f"{contested} of them contested. Documents are named by FA-KES `unit_id`.", "",
    ]
    for event in shared:
        record = event.to_record()
        low, high = event.fatality_range
        lines += [f"## {record['event_date']} {record['event_type']} / {record['sub_event_type']} at "
                  f"{record['location']} ({record['admin1']})", "",
                  f"Status {event.status}; {len(event.origins)} independent sources ({', '.join(event.origins)}); "
                  f"{event.attestation}; fatalities {event.event.fatalities} (reported {low}-{high})"
                  + (f"; contested: {record['contested_parts']}" if record["contested_parts"] else ""), "",
                  "| FA-KES unit | outlet | affiliation | side | kind | toll | actor1 | actor2 |",
                  "|---|---|---|---|---|---|---|---|"]
        for report in event.reports:
            toll = str(report.fatalities) if report.fatalities_text else "—"
            lines.append(f"| {unit_of.get(report.doc_id, report.doc_id)} | {report.outlet} | {report.affiliation} | "
                         f"{report.side or '—'} | {report.kind} | {toll} | {report.actor1 or '—'} | "
                         f"{report.actor2 or '—'} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
