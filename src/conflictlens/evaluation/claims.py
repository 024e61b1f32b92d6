"""``conflictlens eval claims`` (``make bench-claims``): denials, accusations and competing tolls across documents.

Each case (``benchmarks/claims/cases/*.yaml``, written by us; see ``benchmarks/claims/GUIDE.md``) is a few
reports of one event from different outlets, with what a careful coder concludes once they are fused: which
documents report the event, which deny it (and which part: the event, who did it, the toll, the civilian
victims), which only accuse, whether the event is contested, how many independent sources vouch for it, its
toll and each report's own toll. The documents are coded and fused as ``process`` does, and the fused event
that holds most of the case's documents is compared with those expectations.

Scores: precision and recall of the ``contested`` flag over cases; precision and recall of claim links (a
denial in document D answering a claim of document R is the pair (D, R)); and, per case, whether the
contested parts, the documents' roles, the independent-source count, the toll and each report's toll agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from conflictlens.coding.fusion import Fuser, Report, make_report
from conflictlens.coding.ingest import parse_published
from conflictlens.coding.pipeline import Pipeline
from conflictlens.errors import ConflictLensError
from conflictlens.evaluation.acled import share
from conflictlens.model import Document, FusedEvent

ROLES = ("reports", "denials", "accusations")  # what a case says each of its documents does
CHECKS = ("grouping", "roles", "contested_parts", "independent_sources", "fatalities", "tolls")


@dataclass(frozen=True, slots=True)
class ClaimCase:
    case: str
    language: str
    tests: str
    documents: list[dict[str, Any]]
    expected: dict[str, Any]

    @property
    def names(self) -> list[str]:
        return [str(d["name"]) for d in self.documents]


@dataclass(slots=True)
class CaseResult:
    case: str
    tests: str
    expected_contested: bool
    contested: bool
    expected_links: set[tuple[str, str]]
    links: set[tuple[str, str]]
    checks: dict[str, bool]
    found: dict[str, Any]

    def failures(self) -> list[str]:
        """What the case got wrong: "contested", the names of failed checks, "links"."""
        wrong = [k for k, ok in self.checks.items() if not ok]
        if self.contested != self.expected_contested:
            wrong.insert(0, "contested")
        if self.links != self.expected_links:
            wrong.append("links")
        return wrong

    @property
    def passed(self) -> bool:
        return not self.failures()


@dataclass(slots=True)
class ClaimsReport:
    results: list[CaseResult] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        results = self.results
        true_pos = sum(r.contested and r.expected_contested for r in results)
        flagged = sum(r.contested for r in results)
        expected = sum(r.expected_contested for r in results)
        link_hits = sum(len(r.links & r.expected_links) for r in results)
        summary: dict[str, Any] = {
            "cases": len(results),
            "contested_cases": expected,
            "contested_precision": share(true_pos, flagged),
            "contested_recall": share(true_pos, expected),
            "link_precision": share(link_hits, sum(len(r.links) for r in results)),
            "link_recall": share(link_hits, sum(len(r.expected_links) for r in results)),
            "cases_with_exact_links": share(sum(r.links == r.expected_links for r in results), len(results)),
        }
        for check in CHECKS:
            summary[f"{check}_agreement"] = share(sum(r.checks[check] for r in results), len(results))
        summary["cases_all_right"] = share(sum(r.passed for r in results), len(results))
        return summary

    def to_json(self) -> dict[str, Any]:
        return {"summary": self.summary(), "cases": [
            {"case": r.case, "tests": r.tests, "passed": r.passed, "contested": [r.expected_contested, r.contested],
             "links": {"expected": sorted(r.expected_links), "found": sorted(r.links)}, "checks": r.checks,
             "found": r.found} for r in self.results]}


def read_cases(folder: Path) -> list[ClaimCase]:
    """Every case in the folder, checked for the fields scoring needs."""
    paths = sorted(folder.glob("*.yaml"))
    if not paths:
        raise ConflictLensError(f"no claim cases (*.yaml) in {folder}: see benchmarks/claims/GUIDE.md")
    cases = []
    for path in paths:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            case = ClaimCase(str(data["case"]), str(data.get("language", "en")), str(data.get("tests", "")),
                             list(data["documents"]), dict(data["expected"]))
        except (yaml.YAMLError, KeyError, TypeError) as exc:
            raise ConflictLensError(f"claim case {path} is malformed ({exc}): see benchmarks/claims/GUIDE.md") from exc
        unknown = {n for role in ROLES for n in case.expected.get(role) or []} - set(case.names)
        if unknown:
            raise ConflictLensError(f"claim case {path} names documents it does not hold: {sorted(unknown)}")
        cases.append(case)
    return cases


def score_claims(pipeline: Pipeline, fuser: Fuser, folder: Path, *,
                 on_case: Callable[[], None] | None = None) -> ClaimsReport:
    report = ClaimsReport()
    for case in read_cases(folder):
        report.results.append(score_case(case, fuse_case(case, pipeline, fuser)))
        if on_case is not None:
            on_case()
    return report


@dataclass(slots=True)
class FusedCase:
    events: list[FusedEvent]
    name_of: dict[str, str]  # doc_id -> the case's document name


def fuse_case(case: ClaimCase, pipeline: Pipeline, fuser: Fuser) -> FusedCase:
    """Code every document of a case and fuse their events, as ``process`` does with a store."""
    reports: list[Report] = []
    name_of: dict[str, str] = {}
    for item in case.documents:
        published = item.get("published")  # a date, or a text YAML left unparsed
        # Each outlet's page has its own address: a wire story two outlets print word for word is two documents.
        document = Document(str(item["text"]), title=item.get("title"), outlet=item.get("outlet"),
                            url=f"claims-case:{case.case}/{item['name']}",
                            published_at=parse_published(published))
        name_of[document.doc_id] = str(item["name"])
        processed = pipeline.process(document)
        for event in processed.events:
            event.event_id = event.event_id or event.assign_id()
            reports.append(make_report(event, outlet=document.outlet, outlets_named=document.outlets_named,
                                       published_at=document.published_at, rules=fuser.rules))
    clusters = fuser.assign(reports, [])
    return FusedCase([fuser.merge(c) for c in clusters], name_of)


def score_case(case: ClaimCase, fused: FusedCase) -> CaseResult:
    expected = case.expected
    roles = {role: set(expected.get(role) or []) for role in ROLES}
    involved = set().union(*roles.values())

    def names(event: FusedEvent) -> set[str]:
        return {fused.name_of[r.doc_id] for r in event.reports}

    # The case's event: the fused event holding most of the documents it concerns, reports first.
    target = max(fused.events, default=None,
                 key=lambda e: (len(names(e) & roles["reports"]), len(names(e) & involved), -len(names(e) - involved)))
    if target is not None and not names(target) & involved:
        target = None
    found: dict[str, Any] = {"fused_events": [_describe(e, fused.name_of) for e in fused.events]}
    if target is None:
        return CaseResult(case.case, case.tests, bool(expected.get("contested")), False, _expected_links(roles),
                          set(), dict.fromkeys(CHECKS, False), found)
    kinds = {fused.name_of[r.doc_id]: r.kind for r in target.reports}
    tolls = {fused.name_of[r.doc_id]: r.fatalities for r in target.reports if r.kind == "event" and r.fatalities_text}
    # A document a case calls a report must be coded as one, in the case's event; the others must not report it.
    # A report may deny a part of what it reports ("the strikes hit only terrorists"): it is listed in both.
    roles_right = all(kinds.get(n) == "event" for n in roles["reports"]) and not any(
        kinds.get(n) == "event" for n in (roles["denials"] | roles["accusations"]) - roles["reports"])
    stray = [e for e in fused.events if e is not target and any(r.kind == "event" for r in e.reports)
             and names(e) & ((roles["denials"] | roles["accusations"]) - roles["reports"])]
    checks = {
        "grouping": roles["reports"] <= names(target) and roles["denials"] <= names(target),
        "roles": roles_right and not stray,
        "contested_parts": sorted({p for p, _ in target.contested_parts}) == sorted(expected.get("contested_parts")
                                                                                     or []),
        "independent_sources": len(target.origins) == int(expected.get("independent_sources", 0)),
        "fatalities": target.event.fatalities == int(expected.get("fatalities", 0)),
        "tolls": tolls == {str(k): int(v) for k, v in (expected.get("tolls") or {}).items()},
    }
    found.update({"target": _describe(target, fused.name_of), "kinds": kinds, "tolls": tolls})
    return CaseResult(case.case, case.tests, bool(expected.get("contested")), target.status == "contested",
                      _expected_links(roles), _links(target, fused.name_of), checks, found)


def _expected_links(roles: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Every denial answers every report and accusation of the event."""
    return {(d, r) for d in roles["denials"] for r in roles["reports"] | roles["accusations"] if r != d}


def _links(event: FusedEvent, name_of: dict[str, str]) -> set[tuple[str, str]]:
    doc_of = {c.claim_id: c.doc_id for c in event.event.claims}
    return {(name_of[c.doc_id], name_of[doc_of[answered]]) for c in event.event.claims if c.claim_type == "denied"
            for answered in c.denies if answered in doc_of and doc_of[answered] != c.doc_id}


def _describe(event: FusedEvent, name_of: dict[str, str]) -> dict[str, Any]:
    record = event.to_record()
    return {"event": f"{record['event_type']} / {record['sub_event_type']} at {record['location']} on "
                     f"{record['event_date']}", "status": event.status, "origins": event.origins,
            "fatalities": event.event.fatalities, "contested_parts": record["contested_parts"],
            "documents": {name_of[r.doc_id]: r.kind for r in event.reports}}


def markdown(report: ClaimsReport) -> str:
    """The benchmark's report: the scores, then every case that is not all right, with what was found."""
    summary = report.summary()
    lines = ["# Claims benchmark (`make bench-claims`)", "",
             "Cases: `benchmarks/claims/cases` (written by us; guide in `benchmarks/claims/GUIDE.md`).", "",
             "| metric | value |", "|---|---|"]
    lines += [f"| {k} | {round(v, 3) if isinstance(v, float) else v} |" for k, v in summary.items()]
    misses = [r for r in report.results if not r.passed]
    if misses:
        lines += ["", "## Cases not all right", ""]
        for r in misses:
            details = {"contested": f"contested {r.contested} (expected {r.expected_contested})",
                       "links": f"links {sorted(r.links)} (expected {sorted(r.expected_links)})"}
            lines.append(f"- `{r.case}` ({r.tests}): {'; '.join(details.get(w, w) for w in r.failures())}")
    return "\n".join(lines) + "\n"
