"""The PDF cache is bounded (``HOINGHI_PDF_CACHE_MB``): the least recently used PDFs go when a
write takes it over its bound, a read keeps a PDF, 0 turns the cache off, writers in threads and
processes at once leave no error and a cache within its bound, and a write is whole or absent."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator
from multiprocessing.queues import Queue
from pathlib import Path

import pytest

from hoinghi.documents import pdf
from hoinghi.testing import run_at_once

MB = 1024 * 1024


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder of this test, with the default bound."""
    root = tmp_path / "pdf"
    monkeypatch.setenv("HOINGHI_PDF_CACHE_DIR", str(root))
    monkeypatch.delenv("HOINGHI_PDF_CACHE_MB", raising=False)
    yield root


def bound(monkeypatch: pytest.MonkeyPatch, size: int) -> None:
    """The cache's bound set to ``size`` bytes (the variable is in megabytes)."""
    monkeypatch.setenv("HOINGHI_PDF_CACHE_MB", repr(size / MB))


def key(number: int) -> str:
    return f"{number:064x}"[::-1]  # the folder (first two letters) differs from key to key


def content(number: int, size: int) -> bytes:
    head = f"%PDF-1.7 {number}\n".encode()
    return head + b"x" * (size - len(head) - 6) + b"%%EOF\n"


def cached_pdfs(root: Path) -> dict[str, int]:
    return {p.name: p.stat().st_size for p in root.glob("*/*.pdf")}


def temporary_files(root: Path) -> list[Path]:
    return sorted(root.glob("*/.*"))


def counted(conversions: list[bytes]) -> Callable[..., bytes]:
    """A converter that notes each call."""

    def convert_one(docx: bytes, **_: object) -> bytes:
        conversions.append(docx)
        return b"%PDF"

    return convert_one


def test_the_bound_is_read_in_megabytes_and_512_by_default(
    cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    assert pdf.cache_limit() == 512 * 1024 * 1024
    bound(monkeypatch, 12_345)
    assert pdf.cache_limit() == 12_345
    monkeypatch.setenv("HOINGHI_PDF_CACHE_MB", "0.5")
    assert pdf.cache_limit() == 512 * 1024
    monkeypatch.setenv("HOINGHI_PDF_CACHE_MB", "nhiều")
    with caplog.at_level(logging.WARNING, logger="hoinghi.documents.pdf"):
        assert pdf.cache_limit() == 512 * 1024 * 1024
    assert "HOINGHI_PDF_CACHE_MB" in caplog.text
    monkeypatch.setenv("HOINGHI_PDF_CACHE_MB", "-3")
    assert pdf.cache_limit() == 0


def test_the_cache_stays_within_its_bound_after_many_writes(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    limit = 50_000
    bound(monkeypatch, limit)
    for number in range(60):
        pdf.cache_write(key(number), content(number, 3_000))
        assert sum(cached_pdfs(cache).values()) <= limit, number
        assert pdf.cache_read(key(number)) == content(number, 3_000)  # the newest is kept
    kept = cached_pdfs(cache)
    assert 0.8 * limit - 3_000 < sum(kept.values()) <= limit
    assert f"{key(0)}.pdf" not in kept
    assert not temporary_files(cache)


def test_a_pdf_read_lately_is_kept_while_older_ones_go(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bound(monkeypatch, 100_000)
    now = time.time()
    for number in range(10):  # ten of 10 kB: the cache full, oldest first
        pdf.cache_write(key(number), content(number, 10_000))
        os.utime(pdf.cache_path(key(number)), (now - 1000 + number, now - 1000 + number))
    assert len(cached_pdfs(cache)) == 10

    assert pdf.cache_read(key(0)) == content(0, 10_000)  # the oldest, read again
    pdf.cache_write(key(10), content(10, 10_000))  # 110 kB: trimmed to 80 kB

    assert sorted(cached_pdfs(cache)) == sorted(f"{key(n)}.pdf" for n in (0, *range(4, 11)))


def test_zero_turns_the_cache_off_nothing_written_nothing_read(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf.cache_write(key(1), content(1, 1_000))
    assert pdf.cache_read(key(1)) == content(1, 1_000)
    monkeypatch.setenv("HOINGHI_PDF_CACHE_MB", "0")

    assert pdf.cache_read(key(1)) is None
    pdf.cache_write(key(2), content(2, 1_000))
    assert list(cached_pdfs(cache)) == [f"{key(1)}.pdf"]

    conversions: list[bytes] = []
    monkeypatch.setattr(pdf, "convert_one", counted(conversions))
    pdf.docx_to_pdf(b"not a zip")
    pdf.docx_to_pdf(b"not a zip")
    assert len(conversions) == 2
    assert list(cached_pdfs(cache)) == [f"{key(1)}.pdf"]


def test_a_reader_whose_pdf_was_removed_converts_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conversions: list[bytes] = []
    monkeypatch.setattr(pdf, "convert_one", counted(conversions))
    pdf.docx_to_pdf(b"not a zip")
    pdf.docx_to_pdf(b"not a zip")
    assert len(conversions) == 1
    pdf.cache_path(pdf.version_key(b"not a zip")).unlink()  # another process's trim
    assert pdf.docx_to_pdf(b"not a zip") == b"%PDF"
    assert len(conversions) == 2


def test_a_trim_leaves_the_temporary_file_of_a_write_in_progress(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bound(monkeypatch, 20_000)
    folder = pdf.cache_path(key(99)).parent
    folder.mkdir(parents=True)
    writing = folder / f".{key(99)}.pdf.abc123.tmp"  # another process, writing now
    writing.write_bytes(b"x" * 30_000)
    crashed = folder / f".{key(98)}.pdf.def456.tmp"  # left by a writer that died 2 hours ago
    crashed.write_bytes(b"x" * 30_000)
    old = time.time() - 2 * 3600
    os.utime(crashed, (old, old))

    for number in range(10):
        pdf.cache_write(key(number), content(number, 5_000))

    assert writing.read_bytes() == b"x" * 30_000  # neither removed nor counted
    assert not crashed.exists()
    kept = cached_pdfs(cache)
    assert 3 <= len(kept) <= 4 and f"{key(9)}.pdf" in kept


def test_writers_in_threads_at_once_with_a_tiny_bound_leave_no_error(
    cache: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    limit = 20_000
    bound(monkeypatch, limit)
    seen: list[bytes | None] = []

    def work(writer: int) -> None:
        for round_ in range(40):
            number = writer * 1000 + round_
            pdf.cache_write(key(number), content(number, 2_000 + 100 * writer))
            seen.append(pdf.cache_read(key(writer * 1000 + round_ // 2)))

    with caplog.at_level(logging.WARNING, logger="hoinghi.documents.pdf"):
        errors = run_at_once(work, range(8))

    assert errors == []
    assert caplog.records == []
    assert sum(cached_pdfs(cache).values()) <= limit
    assert not temporary_files(cache)
    assert all(data is None or data.endswith(b"%%EOF\n") for data in seen)


class Report(logging.Handler):
    """A warning of the child process, sent to the test."""

    def __init__(self, failures: Queue[str]) -> None:
        super().__init__(logging.WARNING)
        self.failures = failures

    def emit(self, record: logging.LogRecord) -> None:
        self.failures.put(record.getMessage())


def write_many(writer: int, root: str, limit: int, failures: Queue[str]) -> None:
    """One process's writes and reads (a child started by fork: the test's settings)."""
    os.environ["HOINGHI_PDF_CACHE_DIR"] = root
    os.environ["HOINGHI_PDF_CACHE_MB"] = repr(limit / MB)
    logging.getLogger("hoinghi.documents.pdf").addHandler(Report(failures))
    try:
        for round_ in range(60):
            number = writer * 1000 + round_
            pdf.cache_write(key(number), content(number, 1_500 + 200 * writer))
            data = pdf.cache_read(key(writer * 1000 + round_ // 2))
            if data is not None and not data.endswith(b"%%EOF\n"):
                failures.put(f"half a PDF read: {len(data)} bytes")
    except BaseException as error:  # noqa: BLE001 - reported to the test
        failures.put(repr(error))
        raise


def test_writers_in_processes_at_once_with_a_tiny_bound_leave_no_error(cache: Path) -> None:
    limit = 15_000
    context = multiprocessing.get_context("fork")
    failures: Queue[str] = context.Queue()
    children = [
        context.Process(target=write_many, args=(writer, str(cache), limit, failures))
        for writer in range(6)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=120)

    assert [child.exitcode for child in children] == [0] * 6
    reported = []
    while not failures.empty():
        reported.append(failures.get())
    assert reported == []
    assert 0 < sum(cached_pdfs(cache).values()) <= limit
    assert not temporary_files(cache)


def test_a_write_that_fails_leaves_neither_a_pdf_nor_a_temporary_file(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    pdf.cache_write(key(1), content(1, 5_000))
    monkeypatch.undo()

    assert pdf.cache_read(key(1)) is None
    assert cached_pdfs(cache) == {}
    assert temporary_files(cache) == []


def test_readers_never_see_half_a_pdf_while_writers_replace_it(
    cache: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Writers in threads rewrite one key with PDFs of different lengths (the same document
    converted by two workers); a reader gets one of them whole or nothing."""
    versions = [content(number, 3_000_000 + 250_000 * number) for number in range(4)]
    done = threading.Event()
    torn: list[int] = []

    def read() -> None:
        while not done.is_set():
            data = pdf.cache_read(key(7))
            if data is not None and data not in versions:
                torn.append(len(data))

    def write_six_times(number: int) -> None:
        for _ in range(6):
            pdf.cache_write(key(7), versions[number])

    readers = [threading.Thread(target=read) for _ in range(2)]
    for reader in readers:
        reader.start()
    with caplog.at_level(logging.WARNING, logger="hoinghi.documents.pdf"):
        errors = run_at_once(write_six_times, range(4))
    done.set()
    for reader in readers:
        reader.join()

    assert errors == []
    assert torn == []
    assert caplog.records == []
    assert pdf.cache_read(key(7)) in versions
    assert temporary_files(cache) == []
