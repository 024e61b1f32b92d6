"""API load benchmark: concurrent clients on GET /api/events over a PostgreSQL store of 100,000 events.

    python benchmarks/bench_api_load.py --db postgresql://USER@/DB?host=... -o reports/bench_api.md
    make bench-api        (starts a throw-away PostgreSQL with scripts/test-postgres)

The events are generated (seeded) straight into the store, without the NLP pipeline: places spread
over Mali, Burkina Faso and Niger, ten years of dates, every event type, a set of actors. The server is
`conflictlens serve --workers 2` in its own processes; each client sends its requests one after another, with a mix
of paging, date ranges, country, type, actor, bounding box and full-text filters.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import commit

from conflictlens.knowledge import Knowledge
from conflictlens.model import (
    Actor,
    Claim,
    Document,
    Event,
    FusedEvent,
    GeoPrecision,
    Place,
    ProcessedDocument,
    Source,
    SourceReport,
    Span,
)
from conflictlens.store.sql import FusionUpdate, SQLStore

COUNTRIES = {"Mali": (10.2, 25.0, -12.2, 4.2), "Burkina Faso": (9.4, 15.1, -5.5, 2.4), "Niger": (11.7, 23.5, 0.2, 16.0)}
ACTORS = [("JNIM: Group for Support of Islam and Muslims", "rebel", 2), ("Islamic State (Sahel)", "rebel", 2),
          ("Military Forces of Mali", "state", 1), ("Military Forces of Burkina Faso", "state", 1),
          ("Military Forces of Niger", "state", 1), ("Wagner Group", "external", 8),
          ("Unidentified Armed Group", "rebel", 3)]
OUTLETS = ["Sahel Wire", "Radio Sahel FM", "AFP", "Reuters", "Le Monde", "RFI"]
WORDS = ["ambush", "convoy", "market", "village", "checkpoint", "drone", "mine", "cattle", "raid", "patrol"]


def generate(store: SQLStore, count: int, seed: int, batch: int = 2000) -> None:
    rng = random.Random(seed)
    taxonomy = Knowledge.load().taxonomy
    types = [(t, s) for t, subs in taxonomy.items() for s in subs]
    start = dt.date(2015, 1, 1)
    for first in range(0, count, batch):
        results, fused = [], []
        for n in range(first, min(first + batch, count)):
            country, (south, north, west, east) = rng.choice(list(COUNTRIES.items()))
            event_type, sub_type = rng.choice(types)
            side1, side2 = rng.sample(ACTORS, 2)
            words = " ".join(rng.sample(WORDS, 3))
            text = f"Report {n}: {side1[0]} attacked {side2[0]} in {country} ({words}); {rng.randint(0, 40)} killed."
            outlet = rng.choice(OUTLETS)
            document = Document(text=text, outlet=outlet, published_at=start + dt.timedelta(days=rng.randint(0, 3650)))
            place = Place(f"Place {n % 5000}", country, admin1=f"Region {n % 12}",
                          latitude=round(rng.uniform(south, north), 4), longitude=round(rng.uniform(west, east), 4),
                          geo_precision=GeoPrecision.EXACT)
            source = Source(outlet, "media")
            event = Event(document.doc_id, event_type, sub_type, actor1=Actor(*side1), actor2=Actor(*side2),
                          event_date=document.published_at, place=place, fatalities=rng.randint(0, 40), notes=text,
                          evidence=[Span(0, len(text))], source=source,
                          claims=[Claim(source, "asserted", text, Span(0, len(text)), document.doc_id)])
            event.assign_id()
            results.append(ProcessedDocument(document, [event]))
            report = SourceReport(event.event_id, document.doc_id, outlet, outlet, source, "reported",
                                  event.fatalities, None, document.published_at)
            merged = FusedEvent(f"F{event.event_id}", event, [report], "single-source")
            fused.append({"fused_id": merged.fused_id, "status": merged.status, "record": merged.to_record(),
                          "data": merged.to_dict(), "window_start": event.event_date.isoformat(),
                          "window_end": event.event_date.isoformat()})
        store.save_many(results)
        store.save_fusion(FusionUpdate(fused, [(f["data"]["event"]["event_id"], f["fused_id"], 1.0, "single report")
                                               for f in fused], {}))


def random_query(rng: random.Random) -> dict[str, str]:
    kind = rng.randrange(8)
    year = rng.randint(2015, 2024)
    if kind == 0:
        return {"offset": str(rng.randrange(0, 5000))}
    if kind == 1:
        return {"date_from": f"{year}-01-01", "date_to": f"{year}-06-30"}
    if kind == 2:
        return {"country": rng.choice(list(COUNTRIES)), "event_type": rng.choice(["Battles", "Protests", "Riots"])}
    if kind == 3:
        return {"actor": rng.choice(["jnim", "islamic state", "wagner"])}
    if kind == 4:
        lat, lon = rng.uniform(11, 20), rng.uniform(-8, 12)
        return {"bbox": f"{lon:.2f},{lat:.2f},{lon + 1:.2f},{lat + 1:.2f}"}
    if kind == 5:
        return {"q": " ".join(rng.sample(WORDS, 2))}
    if kind == 6:
        return {"admin1": f"Region {rng.randrange(12)}", "date_from": f"{year}-01-01"}
    return {"claim_status": "reported", "offset": str(rng.randrange(0, 1000)), "limit": "50"}


async def client_run(base: str, requests: int, seed: int, latencies: list[float], errors: list[str]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        for _ in range(requests):
            params = random_query(rng)
            began = time.perf_counter()
            try:
                response = await client.get("/api/events", params=params)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} for {params}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} for {params}")
            latencies.append(time.perf_counter() - began)


async def load(base: str, clients: int, requests: int) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    began = time.perf_counter()
    await asyncio.gather(*(client_run(base, requests, seed, latencies, errors) for seed in range(clients)))
    return latencies, errors, time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True, help="postgresql:// URL of an empty database (or one this filled)")
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=200, help="per client")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--server-workers", type=int, default=2, help="serve --workers")
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args()

    store = SQLStore.open(args.db)
    have = store.status()["fused_events"]
    began = time.perf_counter()
    if have < args.events:
        generate(store, args.events - have, args.seed + have)
    filled = time.perf_counter() - began
    status = store.status()
    store.close()

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "conflictlens.cli", "--db", args.db, "serve", "--port", str(port),
               "--workers", str(args.server_workers)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{base}/api/health", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        latencies, errors, seconds = asyncio.run(load(base, args.clients, args.requests))
    finally:
        server.terminate()
        server.wait(timeout=30)

    ms = sorted(1000 * x for x in latencies)
    result = {
        "commit": commit(), "date": dt.date.today().isoformat(), "backend": status["backend"],
        "events": status["fused_events"], "server_workers": args.server_workers, "fill_seconds": round(filled, 1),
        "clients": args.clients,
        "requests": len(latencies), "errors": len(errors), "seconds": round(seconds, 1),
        "requests_per_second": round(len(latencies) / seconds, 1), "p50_ms": round(statistics.median(ms), 1),
        "p95_ms": round(ms[int(0.95 * (len(ms) - 1))], 1), "p99_ms": round(ms[int(0.99 * (len(ms) - 1))], 1),
        "max_ms": round(ms[-1], 1), "first_errors": errors[:5],
    }
    print(json.dumps(result, indent=2))
    if args.output:
        args.output.write_text(
            "# API load benchmark\n\n"
            f"Commit {result['commit']}, {result['date']}; `make bench-api` ({Path(__file__).name}).\n\n"
            f"{result['clients']} concurrent clients × {args.requests} requests on `GET /api/events` (mixed filters, "
            f"pages of 100) against `conflictlens serve --workers {args.server_workers}`, store {result['backend']} with "
            f"{result['events']:,} events (2 CPU cores shared by server, database and clients).\n\n"
            "| requests | errors | seconds | requests/s | p50 ms | p95 ms | p99 ms | max ms |\n"
            "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
            f"| {result['requests']} | {result['errors']} | {result['seconds']} | {result['requests_per_second']} | "
            f"{result['p50_ms']} | {result['p95_ms']} | {result['p99_ms']} | {result['max_ms']} |\n",
            encoding="utf-8")


if __name__ == "__main__":
    main()
