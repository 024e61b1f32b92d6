"""Ingest: files, folders and stdin in; Documents (or recorded failures) out.

Formats: plain text (.txt and anything else that decodes as text), HTML (.html/.htm, article
text extracted with trafilatura), and JSON Lines (.jsonl: one object per line with ``text`` and
optional ``url``, ``title``, ``published_at``, ``outlet``). A bad file or line never stops the
batch: it comes back as a ``DocumentFailure`` with a one-line reason.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import dateparser
import trafilatura
from charset_normalizer import from_bytes

from conflictlens.errors import IngestError
from conflictlens.model import Document, DocumentFailure

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
BINARY_SNIFF_BYTES = 8192
# A legacy encoding is trusted when the decoded text reads as a language (charset-normalizer's coherence);
# a few stray bytes in otherwise valid UTF-8 text (at most this share) are replaced.
MIN_COHERENCE = 0.2
MAX_REPLACED_SHARE = 0.01
# A wire dispatch opens with a dateline: "MENAKA, Mali, March 12, 2024 (Sahel Wire) - ...", "SÉGOU, Mali, ...".
DATELINE = re.compile(
    r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]{1,40},(?:\s*[A-Z][\w .'-]{1,40},)?\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|"
    r"\d{1,2}(?:er)?\s+[A-Za-zéû]{3,9}\.?\s+\d{4})"
    r"\s*(?:\((?P<outlet>[^)]{2,60})\))?\s*[-\u2013\u2014]"
)


def iter_documents(paths: Iterable[str], *, max_bytes: int, min_chars: int,
                   published_at: dt.date | None = None, outlet: str | None = None) -> Iterator[Document | DocumentFailure]:
    """Every document in the given files, folders (recursively) and ``-`` (stdin)."""
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from _documents_from_bytes(data, "<stdin>", ".txt", max_bytes, min_chars, published_at, outlet)
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES
                           and not p.name.startswith("."))
            if not files:
                yield DocumentFailure(str(path), "folder has no .txt, .html or .jsonl files")
            for file in files:
                yield from read_path(file, max_bytes=max_bytes, min_chars=min_chars, published_at=published_at,
                                     outlet=outlet)
        else:
            yield from read_path(path, max_bytes=max_bytes, min_chars=min_chars, published_at=published_at,
                                 outlet=outlet)


def read_path(path: Path, *, max_bytes: int, min_chars: int, published_at: dt.date | None = None,
              outlet: str | None = None) -> Iterator[Document | DocumentFailure]:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield DocumentFailure(str(path), "file not found: check the path")
        return
    except OSError as exc:
        yield DocumentFailure(str(path), f"cannot read file ({exc.strerror}): check permissions")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        # A feed file holds many documents: it is streamed line by line and each line is held to the limit.
        yield from _jsonl_file(path, max_bytes, min_chars, outlet)
        return
    if size > max_bytes:
        yield DocumentFailure(
            str(path), f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit: split it "
            "or raise max_document_bytes")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield DocumentFailure(str(path), f"cannot read file ({exc.strerror}): check permissions")
        return
    yield from _documents_from_bytes(data, str(path), path.suffix.lower(), max_bytes, min_chars, published_at, outlet)


def _documents_from_bytes(data: bytes, name: str, suffix: str, max_bytes: int, min_chars: int,
                          published_at: dt.date | None, outlet: str | None) -> Iterator[Document | DocumentFailure]:
    if len(data) > max_bytes:
        yield DocumentFailure(name, f"input is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit")
        return
    try:
        text, warning = decode(data)
    except IngestError as exc:
        yield DocumentFailure(name, str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_documents(enumerate(text.splitlines(), start=1), name, min_chars, outlet)
        return
    title = None
    if suffix in HTML_SUFFIXES:
        try:
            text, title, found_date = extract_html(text)
        except IngestError as exc:
            yield DocumentFailure(name, str(exc))
            return
        published_at = published_at or found_date
    failure = _check_text(text, name, min_chars)
    if failure:
        yield failure
        return
    line_date, line_outlet = read_dateline(text)
    document = Document(text=text, title=title, published_at=published_at or line_date, outlet=outlet or line_outlet,
                        source_path=name)
    if warning:
        document.warnings.append(warning)
    yield document


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 text, or a confidently detected legacy encoding (with a warning), or an IngestError."""
    if not data.strip():
        raise IngestError("empty input: nothing to process")
    sniff = data[:BINARY_SNIFF_BYTES]
    controls = sum(1 for b in sniff if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in sniff or controls > len(sniff) * 0.05:
        raise IngestError("binary data, not text: give a .txt, .html or .jsonl file")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        replaced = data.decode("utf-8-sig", errors="replace")
        bad = replaced.count("\ufffd")
        # Valid multi-byte sequences elsewhere mean UTF-8 with a few stray bytes, not a legacy encoding.
        utf8_elsewhere = any(ord(ch) > 127 and ch != "\ufffd" for ch in replaced)
        if utf8_elsewhere and bad <= len(replaced) * MAX_REPLACED_SHARE:
            return replaced, f"{bad} invalid UTF-8 byte(s) replaced with U+FFFD"
        best = from_bytes(data).best()
        if best is not None and best.encoding not in {"utf_8", "ascii"} and best.coherence >= MIN_COHERENCE:
            return str(best), f"input was not UTF-8; decoded as {best.encoding}"
        raise IngestError(
            f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}) and no other encoding "
            "fits: re-save the file as UTF-8") from exc


def extract_html(html: str) -> tuple[str, str | None, dt.date | None]:
    """Article text, title and date from an HTML page (boilerplate and scripts removed)."""
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise IngestError("no article text found in the HTML: is it a complete article page?")
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None else None
    try:
        found = parse_published(metadata.date) if metadata is not None and metadata.date else None
    except IngestError:
        found = None  # a page's own date metadata is a hint; the text's dates still date its events
    return text, title, found


def dateline_end(text: str) -> int:
    """Where a leading dateline ends (0 when there is none), so the parser can skip it."""
    match = DATELINE.match(text[:300])
    return match.end() if match else 0


def read_dateline(text: str) -> tuple[dt.date | None, str | None]:
    """Publication date and outlet from a wire-style dateline, when the text opens with one."""
    match = DATELINE.match(text[:300])
    if match is None:
        return None, None
    try:
        return parse_published(match.group("date")), match.group("outlet")
    except IngestError:
        return None, match.group("outlet")


def parse_published(value: object) -> dt.date | None:
    """A publication date from ISO text, a date, or free text dateparser understands."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        parsed = dateparser.parse(text, languages=["en", "fr"])
        if parsed is None:
            raise IngestError(f"published_at {text!r} is not a date: use YYYY-MM-DD") from None
        return parsed.date()


def _jsonl_file(path: Path, max_bytes: int, min_chars: int, outlet: str | None) -> Iterator[Document | DocumentFailure]:
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                where = f"{path}:{number}"
                if len(raw) > max_bytes:
                    yield DocumentFailure(where, f"line is {len(raw) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                                                 "limit: split the document or raise max_document_bytes")
                    continue
                try:
                    line = raw.decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    yield DocumentFailure(where, f"not valid UTF-8 (byte {raw[exc.start]:#04x}): re-save the file as UTF-8")
                    continue
                yield from _jsonl_documents([(number, line)], str(path), min_chars, outlet)
    except OSError as exc:
        yield DocumentFailure(str(path), f"cannot read file ({exc.strerror}): check permissions")


def _jsonl_documents(lines: Iterable[tuple[int, str]], name: str, min_chars: int,
                     outlet: str | None) -> Iterator[Document | DocumentFailure]:
    for number, line in lines:
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentFailure(where, f"invalid JSON ({exc.msg} at column {exc.colno}): fix or drop the line")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield DocumentFailure(where, "JSON line has no 'text' string field")
            continue
        failure = _check_text(record["text"], where, min_chars)
        if failure:
            yield failure
            continue
        warnings = []
        try:
            published = parse_published(record.get("published_at"))
        except IngestError as exc:
            # A bad date never refuses a report: it is coded with the dates its text gives.
            published = None
            warnings.append(f"{exc}; coded without a publication date, with the dates the text gives")
        yield Document(
            text=record["text"], url=_opt_str(record.get("url")), title=_opt_str(record.get("title")),
            outlet=_opt_str(record.get("outlet")) or outlet, published_at=published, source_path=where,
            warnings=warnings,
        )


def _check_text(text: str, name: str, min_chars: int) -> DocumentFailure | None:
    stripped = text.strip()
    if not stripped:
        return DocumentFailure(name, "empty text: nothing to process")
    if len(stripped) < min_chars:
        return DocumentFailure(name, f"text too short ({len(stripped)} characters, minimum {min_chars})")
    return None


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
