"""Digital signature of issued PDFs (PAdES, pyHanko), and verification of a signed PDF.

Decree 30/2020/NĐ-CP (Art. 8, Appendix I, part II) lets an agency issue an electronic document
signed with the agency's digital certificate; the signature shows where the paper model puts the
signature block: on the last page, in the right column, between the signer's title and name.

The administrator sets the certificate outside the database (never in the repository):

* ``HOINGHI_SIGNING_DIR``: a folder of ``<agency code>.p12`` files, one per agency, or
  ``HOINGHI_SIGNING_PKCS12``: one PKCS#12 file for an installation that serves one agency;
* the passphrase in the environment variable named by ``HOINGHI_SIGNING_PASSPHRASE_ENV``
  (default ``HOINGHI_SIGNING_PASSPHRASE``);
* a USB token or hardware module instead (PKCS#11, ``signing_token``);
* the roots trusted when verifying (the national root CA): ``HOINGHI_SIGNING_TRUST``, a PEM file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from asn1crypto import pem, x509
from django.core import checks
from pypdf import PdfReader

from hoinghi.documents.fonts import pdf_font
from hoinghi.documents.pdf import cache_read, cache_write, docx_to_pdf, version_key
from hoinghi.documents.signing_token import (
    TokenError,
    token_configured,
    token_settings,
    token_signer,
)

if TYPE_CHECKING:
    from hoinghi.documents.models import Document

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
FIELD = "ChuKySo"
BOX_WIDTH = 190.0  # points: within the right column of an A4 page with 30/15 mm margins
BOX_HEIGHT = 58.0
STAMP_SIZE = 8  # points: the stamp's text
STAMP = "Ký số bởi: %(signer)s\nCơ quan: %(agency)s\nThời gian: %(time)s"
MAX_UPLOAD = 20 * 1024 * 1024
EXPIRY_WARNING_DAYS = 30


class SigningError(RuntimeError):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- The agency's signer ------------------------------------------------------------------------


def pkcs12_path(agency_code: str) -> Path | None:
    folder = os.environ.get("HOINGHI_SIGNING_DIR")
    if folder and (Path(folder) / f"{agency_code}.p12").is_file():
        return Path(folder) / f"{agency_code}.p12"
    single = os.environ.get("HOINGHI_SIGNING_PKCS12")
    return Path(single) if single and Path(single).is_file() else None


def signing_configured(agency_code: str) -> bool:
    return pkcs12_path(agency_code) is not None or token_configured()


@contextmanager
def agency_signer(agency_code: str) -> Iterator[Any]:
    """The pyHanko signer of the agency's certificate for one signature, or None when none is
    set; a token's session is closed when the block ends (``signing_token``)."""
    path = pkcs12_path(agency_code)
    if path is not None:
        try:
            signer = _load(path)
        except SigningError:
            raise SigningError(
                "Không đọc được tệp chứng thư số (PKCS#12): sai mật khẩu hoặc tệp hỏng."
            ) from None
        yield signer
    elif token_configured():
        try:
            with token_signer() as signer:
                yield signer
        except TokenError as exc:
            raise SigningError(exc.message) from None
    else:
        yield None


def configured_files() -> list[Path]:
    files = []
    folder = os.environ.get("HOINGHI_SIGNING_DIR")
    if folder and Path(folder).is_dir():
        files += sorted(Path(folder).glob("*.p12"))
    single = os.environ.get("HOINGHI_SIGNING_PKCS12")
    if single:
        files.append(Path(single))
    return files


def check_certificates(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Each configured PKCS#12 file opens with its passphrase and is not about to expire."""
    messages: list[checks.CheckMessage] = []
    soon = datetime.now(tz=VIETNAM) + timedelta(days=EXPIRY_WARNING_DAYS)
    for path in configured_files():
        try:
            signer = _load(path)
        except (SigningError, OSError, ValueError) as exc:
            messages.append(
                checks.Warning(
                    f"Không mở được chứng thư số {path}: {exc}.",
                    hint="Kiểm tra đường dẫn và mật khẩu (HOINGHI_SIGNING_PASSPHRASE).",
                    id="documents.W010",
                )
            )
            continue
        until = signer.signing_cert.not_valid_after
        if until < soon:
            messages.append(
                checks.Warning(
                    f"Chứng thư số {path.name} hết hạn ngày "
                    f"{until.astimezone(VIETNAM):%d/%m/%Y}: văn bản ký sau ngày đó không hợp lệ.",
                    hint="Gia hạn chứng thư số với tổ chức cung cấp dịch vụ chứng thực.",
                    id="documents.W011",
                )
            )
    return messages


def _load(path: Path) -> Any:
    from pyhanko.sign import signers

    variable = os.environ.get("HOINGHI_SIGNING_PASSPHRASE_ENV") or "HOINGHI_SIGNING_PASSPHRASE"
    passphrase = os.environ.get(variable, "").encode() or None
    signer = signers.SimpleSigner.load_pkcs12(str(path), passphrase=passphrase)
    if signer is None:
        raise SigningError("sai mật khẩu hoặc tệp hỏng")
    return signer


# --- Where the signature goes -------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    page: int  # from 0
    box: tuple[float, float, float, float]  # x1, y1, x2, y2 in points, origin bottom left


def signature_placement(pdf: bytes, signer_name: str = "") -> Placement:
    """The last page's right column, between the signer's title and the signer's name.

    The name is the signer's when found on the last page, else the lowest line of the right
    column; the box sits just above it. Without text in the right column: its lower part.
    """
    reader = PdfReader(BytesIO(pdf))
    index = len(reader.pages) - 1
    page = reader.pages[index]
    width = float(page.mediabox.width)
    lines: list[tuple[float, float, str]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if text.strip():
            lines.append((x, y, text.strip()))

    page.extract_text(visitor_text=visit)
    right = [line for line in lines if line[0] > width * 0.45]
    named = [line for line in right if signer_name and signer_name.strip() in line[2]]
    anchor = min(named or right, key=lambda line: line[1], default=None)
    centre = width * 0.5 + (width * 0.5 - 42.5) / 2  # the right column, 15 mm right margin
    x1 = max(width * 0.5, centre - BOX_WIDTH / 2)
    if anchor is None:
        return Placement(index, (x1, 90.0, x1 + BOX_WIDTH, 90.0 + BOX_HEIGHT))
    above = [line for line in right if line[1] > anchor[1] + 4]
    ceiling = min((line[1] for line in above), default=anchor[1] + 16 + BOX_HEIGHT) - 3
    y1 = anchor[1] + 14
    height = max(28.0, min(BOX_HEIGHT, ceiling - y1))
    return Placement(index, (x1, y1, x1 + BOX_WIDTH, y1 + height))


# --- Signing -------------------------------------------------------------------------------------


def sign_pdf(
    pdf: bytes,
    signer: Any,
    *,
    agency_name: str,
    signer_name: str = "",
    location: str = "",
    reason: str = "Ban hành văn bản điện tử",
    when: datetime | None = None,
) -> bytes:
    """The PDF with a PAdES signature whose visible stamp sits in the signature block."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.sign import fields, signers
    from pyhanko.stamp import TextStampStyle

    placement = signature_placement(pdf, signer_name)
    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    fields.append_signature_field(
        writer,
        sig_field_spec=fields.SigFieldSpec(
            FIELD,
            on_page=placement.page,
            box=tuple(round(v) for v in placement.box),  # type: ignore[arg-type]
        ),
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD,
        reason=reason,
        location=location or None,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
    )
    style = TextStampStyle(
        stamp_text=STAMP,
        text_box_style=TextBoxStyle(font=_stamp_font(), font_size=STAMP_SIZE),
        border_width=1,
    )
    moment = (when or datetime.now(tz=VIETNAM)).astimezone(VIETNAM)
    output = BytesIO()
    signers.PdfSigner(metadata, signer=signer, stamp_style=style).sign_pdf(
        writer,
        output=output,
        appearance_text_params={
            "agency": agency_name,
            "time": moment.strftime("%H:%M ngày %d/%m/%Y"),
        },
    )
    return output.getvalue()


def _stamp_font() -> Any:
    """The document's font (with Vietnamese letters) embedded in the stamp at its true widths
    (``stamp_font``)."""
    from hoinghi.documents.stamp_font import StampFont

    font = pdf_font()
    if font is None or not font.vietnamese:
        raise SigningError("Máy chủ thiếu phông chữ tiếng Việt cho dấu chữ ký số.")
    return StampFont(font.file, font_size=STAMP_SIZE)


# --- Verification --------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    issuer: str
    signed_at: datetime | None
    intact: bool  # the signed bytes are unchanged
    trusted: bool  # the certificate chains to a trusted root
    whole_document: bool  # nothing added after the signature but what the law allows
    problem: str

    @property
    def valid(self) -> bool:
        return self.intact and self.trusted and self.whole_document

    @property
    def verdict(self) -> str:
        if self.valid:
            return "Chữ ký hợp lệ"
        if not self.intact:
            return "Văn bản đã bị sửa sau khi ký"
        if not self.trusted:
            return "Chứng thư số không do tổ chức tin cậy cấp"
        return "Văn bản có phần thêm vào sau khi ký"


def trust_roots(extra: list[bytes] | None = None) -> list[x509.Certificate]:
    """``HOINGHI_SIGNING_TRUST`` (PEM, one or more certificates) and ``extra`` (DER or PEM)."""
    blobs = list(extra or [])
    path = os.environ.get("HOINGHI_SIGNING_TRUST")
    if path and Path(path).is_file():
        blobs.append(Path(path).read_bytes())
    roots = []
    for blob in blobs:
        if pem.detect(blob):
            roots += [x509.Certificate.load(der) for _, _, der in pem.unarmor(blob, multiple=True)]
        else:
            roots.append(x509.Certificate.load(blob))
    return roots


def verify_pdf(data: bytes, *, extra_roots: list[bytes] | None = None) -> list[SignatureReport]:
    """Every signature of an uploaded PDF: who signed, when, and whether it holds."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    if len(data) > MAX_UPLOAD:
        raise SigningError(f"Tệp quá lớn (tối đa {MAX_UPLOAD // 1024 // 1024} MB).")
    if not data.startswith(b"%PDF"):
        raise SigningError("Tệp không phải PDF.")
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = list(reader.embedded_signatures)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise SigningError(f"Không đọc được tệp PDF ({exc}).") from None
    context = ValidationContext(
        trust_roots=trust_roots(extra_roots), allow_fetching=False, revocation_mode="soft-fail"
    )
    return [_report(signature, validate_pdf_signature, context) for signature in signatures]


def _report(signature: Any, validate: Any, context: Any) -> SignatureReport:
    try:
        status = validate(signature, context)
    except Exception as exc:  # a malformed signature is reported, not raised
        return SignatureReport(
            signature.field_name, "", "", None, False, False, False, f"{type(exc).__name__}"
        )
    cert = status.signing_cert
    moment = status.signer_reported_dt
    return SignatureReport(
        field=signature.field_name,
        signer=cert.subject.native.get("common_name", cert.subject.human_friendly),
        issuer=cert.issuer.native.get("common_name", cert.issuer.human_friendly),
        signed_at=moment.astimezone(VIETNAM) if moment else None,
        intact=bool(status.intact and status.valid),
        trusted=bool(status.trusted),
        whole_document=bool(status.docmdp_ok is not False and status.coverage is not None)
        and status.coverage.name in ("ENTIRE_FILE", "ENTIRE_REVISION"),
        problem="" if status.bottom_line else str(status.trust_problem_indic or ""),
    )


# --- The PDF a download gives -------------------------------------------------------------------


def certificate_tag(agency_code: str) -> str:
    """Part of the cache name: a new certificate signs again."""
    path = pkcs12_path(agency_code)
    material = path.read_bytes() if path is not None else ("\0".join(token_settings()[:3])).encode()
    return hashlib.sha256(material).hexdigest()[:16]


def document_pdf(document: Document, docx: bytes) -> bytes:
    """A draft's PDF as converted; an issued document's signed with the agency's certificate
    when one is set. Each is made once per document version (the cache under ``var/``)."""
    plain = docx_to_pdf(docx, name=f"{document.kind}-{document.pk}")
    code = document.agency.code
    if document.is_draft or not signing_configured(code):
        return plain
    key, suffix = version_key(docx), f".ky-{certificate_tag(code)}"
    cached = cache_read(key, suffix)
    if cached is not None:
        return cached
    try:
        with agency_signer(code) as signer:
            signed = sign_pdf(
                plain,
                signer,
                agency_name=document.agency.name,
                signer_name=document.signer_name,
                location=document.agency.place_name,
            )
    except (ValueError, OSError) as exc:
        raise SigningError(f"Không ký số được văn bản ({exc}).") from None
    cache_write(key, signed, suffix)
    return signed
