"""PDF through LibreOffice headless: one ``soffice`` process converts a whole batch.

Each call uses its own profile directory (``-env:UserInstallation``), so two conversions never
fight over one profile, and a timeout, so a stuck office process cannot hold a worker.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

TIMEOUT_SECONDS = 60
PER_FILE_SECONDS = 2


class PdfUnavailable(RuntimeError):
    """LibreOffice is missing or failed; the DOCX stands on its own."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def soffice_path() -> str | None:
    return os.environ.get("HOINGHI_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    return soffice_path() is not None


def convert_many(docx_paths: Sequence[Path], out_dir: Path, *, timeout: float | None = None) -> list[Path]:
    """Convert every DOCX in one soffice call; the PDFs land in ``out_dir`` with the same stem."""
    binary = soffice_path()
    if binary is None:
        raise PdfUnavailable("Máy chủ chưa cài LibreOffice nên chưa tạo được PDF; tệp DOCX vẫn dùng được.")
    if not docx_paths:
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    limit = timeout or max(TIMEOUT_SECONDS, PER_FILE_SECONDS * len(docx_paths))
    with tempfile.TemporaryDirectory(prefix="hoinghi-lo-") as profile:
        command = [binary, "--headless", "--norestore", f"-env:UserInstallation=file://{profile}",
                   "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docx_paths)]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=limit,
                           env={**os.environ, "HOME": profile})
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(f"LibreOffice quá {int(limit)} giây chưa xong; tệp DOCX vẫn dùng được.") from None
        except (subprocess.CalledProcessError, OSError) as exc:
            raise PdfUnavailable(f"LibreOffice lỗi khi tạo PDF ({exc}); tệp DOCX vẫn dùng được.") from None
    pdfs = [out_dir / f"{Path(p).stem}.pdf" for p in docx_paths]
    missing = [p.name for p in pdfs if not p.exists()]
    if missing:
        raise PdfUnavailable(f"LibreOffice không tạo được: {', '.join(missing[:5])}.")
    return pdfs


def docx_to_pdf(docx: bytes, *, name: str = "van-ban") -> bytes:
    """One document: bytes in, bytes out."""
    with tempfile.TemporaryDirectory(prefix="hoinghi-pdf-") as work:
        source = Path(work) / f"{name}.docx"
        source.write_bytes(docx)
        (pdf,) = convert_many([source], Path(work) / "pdf")
        return pdf.read_bytes()
