"""Fusion over a store: the store's new reports placed into its fused events by the coder's ``Fuser``.

Incremental: new reports join the events already stored or found new ones (only the events whose
date windows they could join are read back), so processing a new batch updates existing fused events
and never duplicates them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from conflictlens.coding.fusion import Cluster, Fuser, FusionRules, Report, make_report
from conflictlens.coding.text_vectors import DIMENSIONS
from conflictlens.model import Event
from conflictlens.store.sql import FusionUpdate, Store, StoredReport


@dataclass(slots=True)
class FusionSummary:
    reports: int = 0
    founded: int = 0
    joined: int = 0
    statuses: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        statuses = ", ".join(f"{n} {s}" for s, n in sorted(self.statuses.items())) or "none"
        return (f"fused {self.reports} new reports: {self.founded} new events, {self.joined} joined existing "
                f"ones; events updated: {statuses}")


def fuse_store(store: Store, fuser: Fuser, *, rebuild: bool = False) -> FusionSummary:
    """Fuse the store's unplaced reports into its fused events (all reports afresh with ``rebuild``)."""
    new = [_report(row, fuser.rules) for row in store.unfused_reports(everything=rebuild)]
    summary = FusionSummary(reports=len(new))
    windows = [fuser.window(r) for r in new]
    if rebuild:
        rows = []
    elif not new:  # nothing to place: only events whose reports were re-coded need rebuilding
        rows = store.fusion_candidates(dt.date.min, dt.date.min)
    elif any(w is None for w in windows):
        rows = store.fusion_candidates(None, None)
    else:
        known = [w for w in windows if w is not None]
        start = min((w[0] for w in known), default=None)
        end = max((w[1] for w in known), default=None)
        rows = store.fusion_candidates(start, end)
    clusters: dict[str, Cluster] = {}
    stale: set[str] = set()
    for row in rows:
        if row.fused_id is None:
            continue
        if row.stale:
            stale.add(row.fused_id)
        cluster = clusters.setdefault(row.fused_id, Cluster(row.fused_id, []))
        cluster.members.append(_report(row, fuser.rules))
        cluster.joined[row.event["event_id"]] = (row.score, row.reason)
    had_vector = {m.event.event_id for c in clusters.values() for m in c.members if m.vector is not None}
    touched = fuser.assign(new, list(clusters.values()))
    summary.founded = sum(1 for c in touched if c.fused_id not in clusters)
    summary.joined = len(new) - summary.founded
    touched_ids = {c.fused_id for c in touched}
    # Events that took new reports, and those whose reports were re-coded, are rebuilt; the others stand.
    rebuilt = {c.fused_id: c for c in [*(clusters[i] for i in sorted(stale)), *touched]}
    fused, memberships, vectors = [], [], {}
    for cluster in rebuilt.values():
        event = fuser.merge(cluster)
        if cluster.fused_id in touched_ids:
            summary.statuses[event.status] += 1
        member_windows = [fuser.window(m) for m in cluster.members]
        known_windows = [w for w in member_windows if w is not None]
        fused.append({"fused_id": cluster.fused_id, "status": event.status, "record": event.to_record(),
                      "data": event.to_dict(),
                      "window_start": min(w[0] for w in known_windows).isoformat() if known_windows else None,
                      "window_end": max(w[1] for w in known_windows).isoformat() if known_windows else None})
        for member in cluster.members:
            score, reason = cluster.joined[member.event.event_id]
            memberships.append((member.event.event_id, cluster.fused_id, score, reason))
            if member.vector is not None and member.event.event_id not in had_vector:
                vectors[member.event.event_id] = np.asarray(member.vector, dtype=np.float32).tobytes()
    store.save_fusion(FusionUpdate(fused, memberships, vectors, rebuild=rebuild))
    return summary


def _report(row: StoredReport, rules: FusionRules) -> Report:
    vector = np.frombuffer(row.vector, dtype=np.float32) if row.vector else None
    if vector is not None and vector.size != DIMENSIONS:
        vector = None  # stored by an earlier text model: read again
    return make_report(Event.from_dict(row.event), outlet=row.outlet, outlets_named=row.outlets_named,
                       published_at=row.published_at, rules=rules, vector=vector)
