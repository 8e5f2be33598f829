"""PDF through LibreOffice headless.

One document (a download): from the cache under ``var/cache/pdf/`` when this version of the
document was converted before, else through the long-lived converter
(:mod:`hoinghi.documents.converter`), else, when that cannot run, one ``soffice`` process.
A batch is split between two ``soffice`` processes. Each process uses its own profile directory
(``-env:UserInstallation``), so two conversions never fight over one profile, and a timeout, so a
stuck office process cannot hold a worker. Every office runs with the project's fontconfig
file (:mod:`hoinghi.documents.fonts`), so Times New Roman comes out in a font with Vietnamese.

The cache is bounded: ``HOINGHI_PDF_CACHE_MB`` megabytes (default 512; 0 turns it off, nothing
written or read). A write that takes it over the bound removes the least recently used PDFs
(a read refreshes a file's mtime) until it holds at most 80 % of the bound. The folder is scanned
only after a write, never on a read: a conversion costs seconds, the scan of 5,000 PDFs (what
512 MB holds at about 100 kB a PDF) 14 ms (13-18 ms over four runs on the 2-core test machine,
ext4, folders in the page cache; the scan reads names and sizes, not contents), 24-27 ms when it
also removes 1,040 of them; 20,000 PDFs 63 ms. Signed PDFs (:mod:`hoinghi.documents.signing`)
are in the same folder and bound.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import os
import re
import shutil
import subprocess
import tempfile
import time
import zipfile
from collections.abc import Sequence
from io import BytesIO
from pathlib import Path

from django.conf import settings

from hoinghi.documents import converter
from hoinghi.documents.fonts import converter_environment, pdf_font

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 60
PER_FILE_SECONDS = 2
MIN_PER_PROCESS = 4  # fewer files than this per process: not worth a second soffice start


class PdfUnavailable(RuntimeError):
    """LibreOffice is missing or failed; the DOCX stands on its own."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def soffice_path() -> str | None:
    return (
        os.environ.get("HOINGHI_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    )


def pdf_available() -> bool:
    return soffice_path() is not None


def pdf_processes() -> int:
    """How many soffice processes a batch may run at once: the cores, at most 2 (env override)."""
    wanted = int(os.environ.get("HOINGHI_PDF_PROCESSES", "2") or 2)
    return max(1, min(wanted, os.cpu_count() or 1))


def convert_many(
    docx_paths: Sequence[Path],
    out_dir: Path,
    *,
    timeout: float | None = None,
    processes: int | None = None,
) -> list[Path]:
    """Convert every DOCX; the PDFs land in ``out_dir`` with the same stem.

    The list is split into ``processes`` contiguous parts (default :func:`pdf_processes`), each
    converted by one soffice process with its own profile, all running at once.
    """
    binary = soffice_path()
    if binary is None:
        raise PdfUnavailable(
            "Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; tệp DOCX vẫn dùng được."
        )
    if not docx_paths:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    count = max(1, min(processes or pdf_processes(), math.ceil(len(docx_paths) / MIN_PER_PROCESS)))
    size = math.ceil(len(docx_paths) / count)
    parts = [list(docx_paths[i : i + size]) for i in range(0, len(docx_paths), size)]
    limit = timeout or max(TIMEOUT_SECONDS, PER_FILE_SECONDS * size)
    with tempfile.TemporaryDirectory(prefix="hoinghi-lo-") as work:
        running = [
            _start(binary, part, out_dir, Path(work) / f"profile-{i}")
            for i, part in enumerate(parts)
        ]
        _wait_all(running, limit)
    pdfs = [out_dir / f"{Path(p).stem}.pdf" for p in docx_paths]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise PdfUnavailable(f"LibreOffice không tạo được: {', '.join(missing[:5])}.")
    return pdfs


def _start(binary: str, paths: list[Path], out_dir: Path, profile: Path) -> subprocess.Popen[bytes]:
    profile.mkdir()
    command = [
        binary,
        "--headless",
        "--norestore",
        f"-env:UserInstallation=file://{profile}",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out_dir),
        *map(str, paths),
    ]
    try:
        return subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**converter_environment(), "HOME": str(profile)},
        )
    except OSError as exc:
        raise PdfUnavailable(
            f"LibreOffice lỗi khi tạo PDF ({exc}); tệp DOCX vẫn dùng được."
        ) from None


def _wait_all(running: list[subprocess.Popen[bytes]], limit: float) -> None:
    """Wait for every process within ``limit`` seconds in all; on a failure, stop the others."""
    deadline = time.monotonic() + limit
    try:
        for process in running:
            try:
                _, errors = process.communicate(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                raise PdfUnavailable(
                    f"LibreOffice quá {int(limit)} giây chưa xong; tệp DOCX vẫn dùng được."
                ) from None
            if process.returncode != 0:
                detail = (
                    errors.decode("utf-8", "replace").strip()[:300] or f"mã {process.returncode}"
                )
                raise PdfUnavailable(
                    f"LibreOffice lỗi khi tạo PDF ({detail}); tệp DOCX vẫn dùng được."
                )
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()


# What a cached PDF depends on besides the document: bump when the conversion changes.
RECIPE = "pdf-1"
_VOLATILE = re.compile(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>")


def version_key(docx: bytes) -> str:
    """The document version's key: a SHA-256 over the DOCX's parts (not the zip's timestamps,
    not the last-modified stamp) and what the PDF is made with (recipe, font)."""
    digest = hashlib.sha256(RECIPE.encode())
    font = pdf_font()
    digest.update((font.file if font else "-").encode())
    try:
        with zipfile.ZipFile(BytesIO(docx)) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                data = archive.read(info)
                if info.filename == "docProps/core.xml":
                    data = _VOLATILE.sub(b"", data)
                digest.update(info.filename.encode() + b"\0" + hashlib.sha256(data).digest())
    except zipfile.BadZipFile:
        digest.update(docx)
    return digest.hexdigest()


# The cache: one file per document version (and per signing certificate), bounded in size.
CACHE_MB_DEFAULT = 512.0
MB = 1024 * 1024
CACHE_KEEP = 0.8  # after a write takes the cache over its bound, trimmed to this share of it
STALE_TEMPORARY_SECONDS = 3600  # a write's temporary file older than this was left by a crash


def cache_root() -> Path:
    """``var/cache/pdf`` (``HOINGHI_PDF_CACHE_DIR``)."""
    root = os.environ.get("HOINGHI_PDF_CACHE_DIR") or Path(settings.VAR_DIR) / "cache" / "pdf"
    return Path(root)


def cache_path(key: str, suffix: str = "") -> Path:
    """``var/cache/pdf/ab/abcd….pdf`` (``HOINGHI_PDF_CACHE_DIR``)."""
    return cache_root() / key[:2] / f"{key}{suffix}.pdf"


def cache_limit() -> int:
    """The cache's bound in bytes: ``HOINGHI_PDF_CACHE_MB`` megabytes (2**20 bytes; default 512,
    a fraction allowed); 0 (or less) turns the cache off."""
    raw = os.environ.get("HOINGHI_PDF_CACHE_MB", "").strip()
    try:
        megabytes = float(raw) if raw else CACHE_MB_DEFAULT
    except ValueError:
        megabytes = math.nan
    if not math.isfinite(megabytes):
        log.warning("HOINGHI_PDF_CACHE_MB=%r is not a number; %s used", raw, CACHE_MB_DEFAULT)
        megabytes = CACHE_MB_DEFAULT
    return max(0, int(megabytes * MB))


def cache_read(key: str, suffix: str = "") -> bytes | None:
    """The cached PDF, or None (none, the cache off, or removed by a trim: convert again).
    A read makes the file the most recently used (its mtime: atime is often not kept)."""
    if cache_limit() == 0:
        return None
    path = cache_path(key, suffix)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    with contextlib.suppress(OSError):  # removed or replaced meanwhile: nothing to refresh
        os.utime(path)
    return data


def cache_write(key: str, pdf: bytes, suffix: str = "") -> None:
    """Written whole to a temporary file of its own, then renamed: a reader never sees half a
    PDF, and two writers of one key never share a temporary file. Then the cache is trimmed
    (:func:`cache_trim`). Nothing is written when the cache is off or the PDF alone would
    fill more than the share a trim keeps."""
    limit = cache_limit()
    if limit == 0 or len(pdf) > limit * CACHE_KEEP:
        return
    path = cache_path(key, suffix)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(pdf)
                out.flush()
                os.fsync(out.fileno())  # a power cut leaves the old file or the whole new one
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except OSError as exc:
        log.warning("PDF cache not written: %s", exc)
        return
    cache_trim(limit, keep=path)


def cache_trim(limit: int | None = None, *, keep: Path | None = None) -> tuple[int, int]:
    """When the cache's PDFs together pass ``limit`` (default :func:`cache_limit`), remove the
    least recently used until they come to at most :data:`CACHE_KEEP` of it (``keep``, the file
    just written, last of all); returns the bytes left and the files removed.

    Safe while other processes write, read and trim: a file gone meanwhile is skipped; another
    write's temporary file is neither counted nor removed unless older than
    :data:`STALE_TEMPORARY_SECONDS` (a crashed writer's)."""
    limit = cache_limit() if limit is None else limit
    files = _cache_files(cache_root())
    total = sum(size for _, _, size, _ in files)
    if total <= limit:
        return total, 0
    goal, removed = int(limit * CACHE_KEEP), 0
    last = keep.name if keep else None
    for _, _, size, path in sorted(files, key=lambda file: (file[1] == last, file)):
        if total <= goal:
            break
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass  # another process's trim (or a writer's replace) got there first
        except OSError as exc:
            log.warning("PDF cache file not removed: %s", exc)
            continue
        total -= size
        removed += 1
    return total, removed


def _cache_files(root: Path) -> list[tuple[int, str, int, str]]:
    """Every cached PDF as (mtime in ns, name, size, path); stale temporary files removed."""
    found: list[tuple[int, str, int, str]] = []
    stale_before = time.time_ns() - STALE_TEMPORARY_SECONDS * 1_000_000_000
    try:
        folders = [e.path for e in os.scandir(root) if e.is_dir(follow_symlinks=False)]
    except OSError:
        return found
    for folder in folders:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.name.endswith(".pdf") and not entry.name.startswith("."):
                    info = entry.stat(follow_symlinks=False)
                    found.append((info.st_mtime_ns, entry.name, info.st_size, entry.path))
                elif (
                    entry.name.endswith(".tmp")
                    and entry.name.startswith(".")
                    and entry.stat(follow_symlinks=False).st_mtime_ns < stale_before
                ):
                    os.unlink(entry.path)
            except OSError:
                continue  # gone meanwhile
    return found


def docx_to_pdf(docx: bytes, *, name: str = "van-ban") -> bytes:
    """One document: bytes in, bytes out; the same version is converted once."""
    key = version_key(docx)
    cached = cache_read(key)
    if cached is not None:
        return cached
    pdf = convert_one(docx, name=name)
    cache_write(key, pdf)
    return pdf


def convert_one(docx: bytes, *, name: str = "van-ban") -> bytes:
    """Through the long-lived converter; one soffice process when it cannot answer."""
    if converter.enabled():
        try:
            return converter.convert(docx)
        except converter.ConverterUnavailable as exc:
            log.warning("PDF converter unavailable, one soffice process instead: %s", exc)
    return convert_with_process(docx, name=name)


def convert_with_process(docx: bytes, *, name: str = "van-ban") -> bytes:
    """One soffice process for one document (the fallback, and the benchmark's baseline)."""
    with tempfile.TemporaryDirectory(prefix="hoinghi-pdf-") as work:
        source = Path(work) / f"{name}.docx"
        source.write_bytes(docx)
        (pdf,) = convert_many([source], Path(work) / "pdf")
        return pdf.read_bytes()
