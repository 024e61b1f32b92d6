"""Ingest: files, folders and stdin in; Documents (or recorded failures) out.

Formats: plain text (.txt and anything else that decodes as text), HTML (.html/.htm, article
text extracted with trafilatura), and JSON Lines (.jsonl: one object per line with ``text`` and
optional ``url``, ``title``, ``published_at``, ``outlet``). A bad file or line never stops the
batch: it comes back as a ``DocumentFailure`` with a one-line reason.

A document's publication date is, first, its own: a ``.jsonl`` line's ``published_at``, a text file's YAML front
matter or sidecar file (``article.json`` or ``article.yaml`` beside ``article.txt``), an HTML page's metadata, or a
wire dateline ("BAMAKO, March 13 (Reuters) -"; without a year, the year of the date below). Then the file's, when
asked for (a date in its name, or its modification day), then the one date given for the whole batch.
"""

from __future__ import annotations

import codecs
import datetime as dt
import errno
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

import dateparser
import trafilatura
import yaml
from charset_normalizer import from_bytes

from conflictlens.errors import IngestError
from conflictlens.model import Document, DocumentFailure

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SIDECAR_SUFFIXES = (".json", ".yaml", ".yml")
# UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
METADATA_FIELDS = ("published_at", "outlet", "url", "title")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
DATE_IN_NAME = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})[-_.]?(?P<month>[01]\d)[-_.]?(?P<day>[0-3]\d)(?!\d)")
PUBLISHED_AT_FROM = ("filename", "mtime")
# A year-less dateline more than this many days after the reference date is of the year before.
DATELINE_LEAD_DAYS = 7
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
BINARY_SNIFF_BYTES = 8192
# A legacy encoding is trusted when the decoded text reads as a language (charset-normalizer's coherence);
# a few stray bytes in otherwise valid UTF-8 text (at most this share) are replaced.
MIN_COHERENCE = 0.2
MAX_REPLACED_SHARE = 0.01
PREFERRED_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]
# UTF-8 read as Windows-1252 or Latin-1 ("Ã©" for "é", "â€™" for "’"): a few in a text are a garbled source.
MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                      "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|\u00e2\u20ac.")
MIN_MOJIBAKE = 3
MOJIBAKE_PER_THOUSAND = 1
# A wire dispatch opens with a dateline: "MENAKA, Mali, March 12, 2024 (Sahel Wire) - ...", "SÉGOU, Mali, ...".
DATELINE = re.compile(
    r"^\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .'-]{1,40},(?:\s*[A-Z][\w .'-]{1,40},)?\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|"
    r"\d{1,2}(?:er)?\s+[A-Za-zéû]{3,9}\.?(?:\s+\d{4})?)"
    r"\s*(?:\((?P<outlet>[^)]{2,60})\))?\s*[-\u2013\u2014]"
)


def iter_documents(paths: Iterable[str], *, max_bytes: int, min_chars: int, published_at: dt.date | None = None,
                   outlet: str | None = None, published_at_from: str | None = None
                   ) -> Iterator[Document | DocumentFailure]:
    """Every document in the given files, folders (recursively) and ``-`` (stdin). ``published_at`` and ``outlet``
    are for documents that carry none; ``published_at_from`` ("filename" or "mtime") dates each file first."""
    if published_at_from not in (None, *PUBLISHED_AT_FROM):
        raise IngestError(f"--published-at-from {published_at_from!r}: choose one of {', '.join(PUBLISHED_AT_FROM)}")
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            yield from _documents_from_bytes(data, "<stdin>", ".txt", max_bytes, min_chars,
                                             {"published_at": published_at, "outlet": outlet})
            continue
        path = Path(raw)
        if _is_folder(path):
            found = False
            for entry in _folder_inputs(path):
                found = True
                if isinstance(entry, DocumentFailure):
                    yield entry
                    continue
                yield from read_path(entry, max_bytes=max_bytes, min_chars=min_chars, published_at=published_at,
                                     outlet=outlet, published_at_from=published_at_from)
            if not found:
                yield DocumentFailure(input_name(path)[0], "folder has no .txt, .html or .jsonl files")
        else:
            yield from read_path(path, max_bytes=max_bytes, min_chars=min_chars, published_at=published_at,
                                 outlet=outlet, published_at_from=published_at_from)


def input_name(path: Path | str) -> tuple[str, str | None]:
    """A path as text every store can keep, and a warning when it had to change: a file name that is not UTF-8
    (Python holds its bytes as lone surrogates) keeps each such byte as a ``\\xNN`` escape."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(text).decode("utf-8", errors="backslashreplace")
        return shown, f"the file name is not UTF-8: recorded as {shown}"
    return text, None


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:
        return False  # a dangling link or a link loop: read_path records why it cannot be read


def _folder_inputs(folder: Path) -> Iterator[Path | DocumentFailure]:
    """The files of a folder and its subfolders, in name order; an entry with a known suffix that cannot be read as
    a file (a FIFO, a device, a dangling link, a link loop) comes back as a failure instead of being skipped. Links
    to folders are not followed, so a link cycle cannot make the walk endless."""
    unreadable: list[OSError] = []

    def unreadable_folders() -> Iterator[DocumentFailure]:
        while unreadable:
            error = unreadable.pop(0)
            yield DocumentFailure(input_name(error.filename or folder)[0],
                                  f"cannot read folder ({error.strerror}): check permissions")

    for directory, folders, files in os.walk(folder, onerror=unreadable.append, followlinks=False):
        yield from unreadable_folders()
        folders.sort()
        for name in sorted(files + [f for f in folders if os.path.islink(os.path.join(directory, f))]):
            path = Path(directory) / name
            if name.startswith(".") or path.suffix.lower() not in KNOWN_SUFFIXES:
                continue
            checked = _regular_file(path)
            yield checked if isinstance(checked, DocumentFailure) else path
    yield from unreadable_folders()  # the walk's last error comes after its last folder


def _regular_file(path: Path) -> os.stat_result | DocumentFailure:
    """The status of ``path`` when it can be read as a regular file, else why not (reading a FIFO would wait forever
    and a device such as /dev/zero never ends)."""
    name = input_name(path)[0]
    try:
        status = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return DocumentFailure(name, f"dangling link to {input_name(os.readlink(path))[0]}: fix or remove it")
        return DocumentFailure(name, "file not found: check the path")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return DocumentFailure(name, "symbolic link loop: fix or remove the link")
        return DocumentFailure(name, f"cannot read file ({exc.strerror}): check permissions")
    mode = status.st_mode
    if stat.S_ISDIR(mode):
        return DocumentFailure(name, "a link to a folder inside a folder is not followed: give the folder itself")
    if not stat.S_ISREG(mode):
        kind = "FIFO (named pipe)" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"
        return DocumentFailure(name, f"a {kind}, not a regular file: save its content to a file and give that")
    return status


def read_path(path: Path, *, max_bytes: int, min_chars: int, published_at: dt.date | None = None,
              outlet: str | None = None, published_at_from: str | None = None) -> Iterator[Document | DocumentFailure]:
    name, name_warning = input_name(path)
    for item in _read_file(path, name, max_bytes, min_chars, published_at, outlet, published_at_from):
        if name_warning is not None and isinstance(item, Document):
            item.warnings.append(name_warning)
        yield item


def _read_file(path: Path, name: str, max_bytes: int, min_chars: int, published_at: dt.date | None,
               outlet: str | None, published_at_from: str | None) -> Iterator[Document | DocumentFailure]:
    file_stat = _regular_file(path)
    if isinstance(file_stat, DocumentFailure):
        yield file_stat
        return
    defaults: dict[str, object] = {
        "published_at": _file_date(path, file_stat.st_mtime, published_at_from) or published_at, "outlet": outlet}
    if path.suffix.lower() in JSONL_SUFFIXES:
        # A feed file holds many documents: it is streamed line by line and each line is held to the limit.
        yield from _jsonl_file(path, name, max_bytes, min_chars, defaults)
        return
    try:
        sidecar = sidecar_metadata(path)
    except IngestError as exc:
        yield DocumentFailure(name, str(exc))
        return
    if file_stat.st_size > max_bytes:
        yield DocumentFailure(
            name, f"file is {file_stat.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit: split it "
            "or raise max_document_bytes")
        return
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file that grew since stat() is still held to the limit
    except OSError as exc:
        yield DocumentFailure(name, f"cannot read file ({exc.strerror}): check permissions")
        return
    yield from _documents_from_bytes(data, name, path.suffix.lower(), max_bytes, min_chars, defaults, sidecar)


def sidecar_metadata(path: Path) -> dict[str, object]:
    """``published_at``, ``outlet``, ``url`` and ``title`` from ``article.json`` or ``article.yaml`` beside
    ``article.txt`` (or ``.html``), when there is one; an unreadable sidecar is an IngestError."""
    for suffix in SIDECAR_SUFFIXES:
        sidecar = path.with_suffix(suffix)
        if sidecar == path or not sidecar.is_file():
            continue
        try:
            text = sidecar.read_text(encoding="utf-8-sig")
            data = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, yaml.YAMLError) as exc:
            raise IngestError(f"its sidecar {sidecar.name} cannot be read ({exc.__class__.__name__}): fix or remove "
                              "it") from None
        return _metadata(data, sidecar.name)
    return {}


def _metadata(data: object, origin: str) -> dict[str, object]:
    if not isinstance(data, dict):
        raise IngestError(f"{origin} is not a mapping of {', '.join(METADATA_FIELDS)}: fix it")
    unknown = sorted(str(k) for k in data if k not in METADATA_FIELDS)
    if unknown:
        raise IngestError(f"{origin} has unknown field(s) {', '.join(unknown)}: use {', '.join(METADATA_FIELDS)}")
    found: dict[str, object] = {k: v for k, v in data.items() if v not in (None, "")}
    if "published_at" in found:
        found["published_at"] = parse_published(found["published_at"])
    return found


def _file_date(path: Path, mtime: float, published_at_from: str | None) -> dt.date | None:
    if published_at_from == "mtime":
        return dt.datetime.fromtimestamp(mtime, dt.UTC).date()
    if published_at_from == "filename":
        match = DATE_IN_NAME.search(path.stem)
        if match is not None:
            try:
                return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                return None  # "2024-13-45" is no date: the file is dated like one without a date in its name
    return None


def _documents_from_bytes(data: bytes, name: str, suffix: str, max_bytes: int, min_chars: int,
                          defaults: dict[str, object], sidecar: dict[str, object] | None = None
                          ) -> Iterator[Document | DocumentFailure]:
    """The documents of one input; ``defaults`` (published_at, outlet) serve those that carry none, ``sidecar`` is
    the input's own metadata."""
    if len(data) > max_bytes:
        yield DocumentFailure(name, f"input is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB limit")
        return
    try:
        text, warning = decode(data)
    except IngestError as exc:
        yield DocumentFailure(name, str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _jsonl_documents(enumerate(text.splitlines(), start=1), name, min_chars, defaults)
        return
    own: dict[str, object] = dict(sidecar or {})
    if suffix in HTML_SUFFIXES:
        try:
            text, title, found_date = extract_html(text)
        except IngestError as exc:
            yield DocumentFailure(name, str(exc))
            return
        own = {"title": title, "published_at": found_date, **own}  # the sidecar corrects the page's metadata
    else:
        front = FRONT_MATTER.match(text)
        if front is not None:
            try:
                own.update(_metadata(yaml.safe_load(front["yaml"]), "its front matter"))
            except (yaml.YAMLError, IngestError) as exc:
                yield DocumentFailure(name, str(exc) if isinstance(exc, IngestError)
                                      else "its front matter is not valid YAML: fix it")
                return
            text = text[front.end():]
    cleaned: list[str] = []
    text = storable(text, "text", cleaned)
    failure = _check_text(text, name, min_chars)
    if failure:
        yield failure
        return
    known = own.get("published_at") or defaults.get("published_at")
    line_date, line_outlet = read_dateline(text, known if isinstance(known, dt.date) else None)
    published = own.get("published_at") or line_date or defaults.get("published_at")
    document = Document(text=text, title=_opt_str(own.get("title")), url=_opt_str(own.get("url")),
                        published_at=published if isinstance(published, dt.date) else None,
                        outlet=_opt_str(own.get("outlet")) or _opt_str(defaults.get("outlet")) or line_outlet,
                        source_path=name)
    document.warnings.extend([warning, *cleaned] if warning else cleaned)
    yield document


def storable(text: str, field: str, warnings: list[str]) -> str:
    """Text every store can keep: NUL characters dropped (PostgreSQL refuses them) and unpaired surrogates (a JSON
    "\\ud800" escape, which no encoding can write) replaced with U+FFFD, each change a warning."""
    if "\x00" in text:
        warnings.append(f"{text.count(chr(0))} NUL character(s) removed from the {field}")
        text = text.replace("\x00", "")
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        lone = sum(1 for ch in text if 0xD800 <= ord(ch) <= 0xDFFF)
        warnings.append(f"{lone} unpaired surrogate(s) in the {field} replaced with U+FFFD")
        text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return text


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 text, or a confidently detected other encoding (with a warning), or an IngestError."""
    if not data.strip():
        raise IngestError("empty input: nothing to process")
    text, warning = _decode(data)
    mojibake = MOJIBAKE.findall(text)
    if len(mojibake) >= MIN_MOJIBAKE and len(mojibake) * 1000 >= len(text) * MOJIBAKE_PER_THOUSAND:
        warning = "; ".join(filter(None, [warning, (
            f"the text looks garbled ({len(mojibake)} sequences such as {mojibake[0]!r}, UTF-8 read as another "
            "encoding before it got here): check the source; names and places in it may not be found")]))
    return text, warning


def _decode(data: bytes) -> tuple[str, str | None]:
    # A byte-order mark says the encoding outright; UTF-16 text is full of NUL bytes and must not read as binary.
    for bom, codec in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), None
            except UnicodeDecodeError as exc:
                raise IngestError(f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                                  f"(at offset {exc.start + len(bom)}): re-save the file as UTF-8") from None
    sniff = data[:BINARY_SNIFF_BYTES]
    utf16 = _utf16_without_mark(data, sniff)
    if utf16 is not None:
        return utf16
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
        # Western news not in UTF-8 is nearly always Windows-1252 or Latin-1: they are tried before the exotic code
        # pages a detector may rank first on a short text (Latin-1 French read as cp775 is mojibake).
        for candidates in (PREFERRED_ENCODINGS, None):
            best = from_bytes(data, cp_isolation=candidates).best()
            if best is not None and best.encoding not in {"utf_8", "ascii"} and best.coherence >= MIN_COHERENCE:
                unusual = "" if candidates else ", an unusual code page: check the text reads right"
                return str(best), f"input was not UTF-8; decoded as {best.encoding}{unusual}"
        raise IngestError(
            f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}) and no other encoding "
            "fits: re-save the file as UTF-8") from exc


def _utf16_without_mark(data: bytes, sniff: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: a NUL in every other byte (the high byte of ASCII letters)."""
    if len(sniff) < 4 or len(data) % 2:
        return None
    for codec, zeros in (("utf-16-le", sniff[1::2]), ("utf-16-be", sniff[0::2])):
        if zeros.count(0) >= len(zeros) * 0.6:
            try:
                return data.decode(codec), f"input had no byte-order mark; decoded as {codec.upper()}"
            except UnicodeDecodeError:
                return None
    return None


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


def read_dateline(text: str, reference: dt.date | None = None) -> tuple[dt.date | None, str | None]:
    """Publication date and outlet from a wire-style dateline, when the text opens with one. A dateline without a
    year ("BAMAKO, March 13 (Reuters) -") takes the year of ``reference`` (the previous one when the day would fall
    well after it), and no date without one."""
    match = DATELINE.match(text[:300])
    if match is None:
        return None, None
    words = match.group("date")
    if not re.search(r"\d{4}", words):
        if reference is None:
            return None, match.group("outlet")
        dated = _year_less(words, reference)
        return dated, match.group("outlet")
    try:
        return parse_published(words), match.group("outlet")
    except IngestError:
        return None, match.group("outlet")


def _year_less(words: str, reference: dt.date) -> dt.date | None:
    for year in (reference.year, reference.year - 1):
        parsed = dateparser.parse(f"{words} {year}", languages=["en", "fr"])
        if parsed is None:
            return None
        if parsed.date() <= reference + dt.timedelta(days=DATELINE_LEAD_DAYS):
            return parsed.date()
    return None


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


def _jsonl_file(path: Path, name: str, max_bytes: int, min_chars: int, defaults: dict[str, object]
                ) -> Iterator[Document | DocumentFailure]:
    try:
        with path.open("rb") as handle:
            for number, raw in enumerate(_lines_within(handle, max_bytes), start=1):
                where = f"{name}:{number}"
                if raw is None:
                    yield DocumentFailure(where, f"line is over the {max_bytes / 1e6:.1f} MB limit: split the "
                                                 "document or raise max_document_bytes")
                    continue
                try:
                    line = raw.decode("utf-8-sig")
                except UnicodeDecodeError as exc:
                    yield DocumentFailure(where, f"not valid UTF-8 (byte {raw[exc.start]:#04x}): re-save the file as UTF-8")
                    continue
                yield from _jsonl_documents([(number, line)], name, min_chars, defaults)
    except OSError as exc:
        yield DocumentFailure(name, f"cannot read file ({exc.strerror}): check permissions")


def _lines_within(handle: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines, each None when it is over ``max_bytes`` (read past in chunks, never held whole)."""
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
        yield None


def _jsonl_documents(lines: Iterable[tuple[int, str]], name: str, min_chars: int,
                     defaults: dict[str, object]) -> Iterator[Document | DocumentFailure]:
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
        warnings: list[str] = []
        text = storable(record["text"], "text", warnings)
        failure = _check_text(text, where, min_chars)
        if failure:
            yield failure
            continue
        fallback = defaults.get("published_at")
        try:
            published = parse_published(record.get("published_at")) or fallback
        except IngestError as exc:
            # A bad date never refuses a report: it is coded with the batch's date, or the dates its text gives.
            published = fallback
            warnings.append(f"{exc}; coded with " + ("the batch's publication date" if fallback else
                                                     "no publication date, with the dates the text gives"))
        url, title, outlet = (_text_field(record, name, warnings) for name in ("url", "title", "outlet"))
        yield Document(
            text=text, url=url, title=title, outlet=outlet or _opt_str(defaults.get("outlet")),
            published_at=published if isinstance(published, dt.date) else None, source_path=where,
            warnings=warnings,
        )


def _check_text(text: str, name: str, min_chars: int) -> DocumentFailure | None:
    stripped = text.strip()
    if not stripped:
        return DocumentFailure(name, "empty text: nothing to process")
    if len(stripped) < min_chars:
        return DocumentFailure(name, f"text too short ({len(stripped)} characters, minimum {min_chars})")
    return None


def _text_field(record: dict[str, object], name: str, warnings: list[str]) -> str | None:
    """A JSON line's text field: text or a number as text; anything else is left out with a warning."""
    value = record.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return storable(value, name, warnings) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    warnings.append(f"field {name!r} is {type(value).__name__}, not text: left out")
    return None


def _opt_str(value: object) -> str | None:
    return str(value) if value not in (None, "") else None
