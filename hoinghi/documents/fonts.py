"""The PDF font: "Times New Roman" resolved to a Times-metric font that has Vietnamese letters.

Documents name Times New Roman (Decree 30, Appendix I). A Linux server has no Times New Roman;
LibreOffice asks fontconfig for a substitute. Debian's ``fonts-liberation`` (1.07) is Times-metric
but has no Vietnamese letters (no U+1EC7 "ệ"), so LibreOffice falls back glyph by glyph to DejaVu:
mixed fonts, a motto that wraps, a text layer that reads "bi ện pháp". When both Liberation
packages are installed, fontconfig may pick either. The converter therefore runs with a
fontconfig file of the project's own (written under ``var/fonts/``) that includes the system's
configuration, rejects the Liberation 1.x files and maps Times New Roman to Liberation Serif 2
(``fonts-liberation2``) or Tinos (``fonts-croscore``): both Times-metric, both with Vietnamese.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core import checks

DOCUMENT_FAMILY = "Times New Roman"
VIETNAMESE_PROBE = "1ec7"  # ệ: in every Vietnamese font, in no Latin-1-only one
FAMILIES = ("Liberation Serif", "Tinos")  # Times-metric fonts with Vietnamese, in that order
# fonts-liberation 1.x installs here (Debian, Ubuntu); fonts-liberation2 under liberation2/.
REJECTED_GLOBS = ("*/truetype/liberation/*", "*/liberation-fonts/1.*/*")
SYSTEM_CONFIG = "/etc/fonts/fonts.conf"

CONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<!-- Written by hoinghi (hoinghi/documents/fonts.py) for the PDF converter. -->
<fontconfig>
  <include ignore_missing="yes">{base}</include>
  <selectfont>
    <rejectfont>
{globs}
    </rejectfont>
  </selectfont>
  <match target="pattern">
    <test qual="any" name="family"><string>{document}</string></test>
    <edit name="family" mode="prepend" binding="strong">
{families}
    </edit>
  </match>
</fontconfig>
"""


@dataclass(frozen=True)
class PdfFont:
    family: str
    file: str
    vietnamese: bool

    @property
    def pdf_name(self) -> str:
        """The name a PDF's font resource carries (after the subset prefix): no spaces."""
        return self.family.replace(" ", "")


def config_text(base: str = SYSTEM_CONFIG) -> str:
    return CONFIG.format(
        base=base,
        globs="\n".join(f"      <glob>{glob}</glob>" for glob in REJECTED_GLOBS),
        document=DOCUMENT_FAMILY,
        families="\n".join(f"      <string>{family}</string>" for family in FAMILIES),
    )


def config_path() -> Path:
    """The project's fontconfig file, written once per content (the base may be overridden)."""
    base = os.environ.get("HOINGHI_FONTCONFIG_BASE") or SYSTEM_CONFIG
    text = config_text(base)
    folder = Path(settings.VAR_DIR) / "fonts"
    path = folder / "fonts.conf"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        folder.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    return path


def converter_environment() -> dict[str, str]:
    """The environment for LibreOffice and fc-match: the system's, with the project's fonts."""
    return {**os.environ, "FONTCONFIG_FILE": str(config_path())}


def _run(command: list[str]) -> str:
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=20,
            env=converter_environment(),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def resolve_pdf_font() -> PdfFont | None:
    """What the converter will use for Times New Roman, and whether it has Vietnamese letters."""
    if shutil.which("fc-match") is None:
        return None
    found = _run(["fc-match", "-f", "%{family[0]}\n%{file}", f"{DOCUMENT_FAMILY}:style=Regular"])
    if "\n" not in found:
        return None
    family, file = found.split("\n", 1)
    covering = _run(["fc-list", f":charset={VIETNAMESE_PROBE}", "file"])
    files = {line.strip().rstrip(":") for line in covering.splitlines()}
    return PdfFont(family, file, file in files)


@functools.cache
def pdf_font() -> PdfFont | None:
    """:func:`resolve_pdf_font`, once per process (fonts do not change while it runs)."""
    return resolve_pdf_font()


def check_pdf_font(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """A warning when the PDF font would lack Vietnamese letters (or no font tool is there)."""
    font = resolve_pdf_font()
    hint = (
        "Cài gói fonts-liberation2 hoặc fonts-croscore (apt-get install fonts-liberation2 "
        "fonts-croscore); xem docs/deploy.md."
    )
    if font is None:
        return [
            checks.Warning(
                "Không dò được phông chữ cho PDF (thiếu fontconfig: fc-match).",
                hint=hint,
                id="documents.W001",
            )
        ]
    if not font.vietnamese:
        return [
            checks.Warning(
                f"Phông chữ PDF thay cho {DOCUMENT_FAMILY} là {font.family} ({font.file}), "
                "không có chữ tiếng Việt: PDF sẽ lẫn phông và vỡ chữ.",
                hint=hint,
                id="documents.W002",
            )
        ]
    if font.family not in FAMILIES:
        return [
            checks.Warning(
                f"Phông chữ PDF thay cho {DOCUMENT_FAMILY} là {font.family}, không cùng cỡ chữ "
                "với Times New Roman: dòng và trang của PDF sẽ khác bản Word.",
                hint=hint,
                id="documents.W003",
            )
        ]
    return []
