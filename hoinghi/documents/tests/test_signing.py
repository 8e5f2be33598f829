"""Digital signature: a PAdES signature with the agency's certificate (a CA made here), placed in
the signature block, verified back; tampering and an untrusted issuer are told apart."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.urls import reverse
from pypdf import PdfReader

from hoinghi.documents import fonts, pdf, signing
from hoinghi.documents.services import render
from hoinghi.documents.tests.test_views import client_for
from hoinghi.testing import World

pytestmark = pytest.mark.django_db
needs_soffice = pytest.mark.skipif(not pdf.pdf_available(), reason="LibreOffice chưa được cài")
PASSPHRASE = "mật-khẩu-thử"


def _name(common: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Cơ quan Thử nghiệm"),
            x509.NameAttribute(NameOID.COMMON_NAME, common),
        ]
    )


def make_ca(common: str = "CA Thử nghiệm") -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(tz=UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(_name(common))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return key, cert


def make_signer(
    ca: tuple[rsa.RSAPrivateKey, x509.Certificate], common: str
) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    ca_key, ca_cert = ca
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.now(tz=UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=90))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


@pytest.fixture
def ca() -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    return make_ca()


@pytest.fixture
def agency_p12(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ca: tuple[rsa.RSAPrivateKey, x509.Certificate]
) -> Path:
    key, cert = make_signer(ca, "Cơ quan Thử nghiệm")
    data = pkcs12.serialize_key_and_certificates(
        b"co-quan-thu",
        key,
        cert,
        [ca[1]],
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )
    folder = tmp_path / "chung-thu"
    folder.mkdir()
    (folder / "co-quan-thu.p12").write_bytes(data)
    monkeypatch.setenv("HOINGHI_SIGNING_DIR", str(folder))
    monkeypatch.setenv("HOINGHI_SIGNING_PASSPHRASE", PASSPHRASE)
    return folder / "co-quan-thu.p12"


def der(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.DER)


@needs_soffice
def test_an_issued_pdf_is_signed_in_its_signature_block_and_verifies(
    world: World, agency_p12: Path, ca: tuple[rsa.RSAPrivateKey, x509.Certificate], issued: object
) -> None:
    client = client_for(world.clerk)
    address = reverse("documents:download", args=[world.agency.code, issued.pk])  # type: ignore[attr-defined]
    response = client.get(address, {"dinh-dang": "pdf"})
    assert response.status_code == 200
    signed = response.content
    (report,) = signing.verify_pdf(signed, extra_roots=[der(ca[1])])
    assert report.valid and report.signer == "Cơ quan Thử nghiệm"
    assert report.issuer == "CA Thử nghiệm" and report.verdict == "Chữ ký hợp lệ"
    assert report.signed_at is not None and str(report.signed_at.tzinfo) == "Asia/Ho_Chi_Minh"
    reader = PdfReader(io.BytesIO(signed))
    last = reader.pages[-1]
    (widget,) = [
        a.get_object() for a in last.get("/Annots", []) if a.get_object().get("/FT") == "/Sig"
    ]
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    width = float(last.mediabox.width)
    assert x1 >= width / 2 - 1 and x2 <= width, "in the right column"
    assert y2 - y1 >= 28 and y1 > 40
    # The stamp is in the document's font (Vietnamese letters), not a Latin-1 standard font.
    stamp = widget["/AP"]["/N"].get_object()
    stamp_fonts = [f.get_object()["/BaseFont"] for f in stamp["/Resources"]["/Font"].values()]
    font = fonts.pdf_font()
    assert font is not None and stamp_fonts
    assert all(str(name).split("+")[-1].startswith(font.pdf_name) for name in stamp_fonts)
    # The same version is signed once: a second download is the same file.
    assert client.get(address, {"dinh-dang": "pdf"}).content == signed


def stamp_lines(signed: bytes) -> tuple[list[tuple[float, float]], float]:
    """Each stamp line's width as a reader draws it (the font's /W, the TJ adjustments) beside
    the advance the layout gave it (its Td), in points; and the stamp box's width."""
    reader = PdfReader(io.BytesIO(signed))
    (widget,) = [
        a.get_object()
        for a in reader.pages[-1].get("/Annots", [])
        if a.get_object().get("/FT") == "/Sig"
    ]
    x1, _, x2, _ = (float(v) for v in widget["/Rect"])
    stamp = widget["/AP"]["/N"].get_object()
    ((_, font),) = stamp["/Resources"]["/Font"].items()
    w = font.get_object()["/DescendantFonts"][0].get_object()["/W"]
    widths: dict[int, float] = {}
    for first, run in zip(w[::2], w[1::2], strict=True):
        for offset, width in enumerate(run):
            widths[int(first) + offset] = float(width)
    content = stamp.get_data().decode("latin-1")
    size = float(re.search(r"/F\w+ ([\d.]+) Tf", content).group(1))  # type: ignore[union-attr]
    lines = []
    for array, advance in re.findall(r"\[([^\]]*)\] TJ ([\d.]+) 0 Td", content):
        drawn = 0.0
        for hexes, adjust in re.findall(r"<([0-9a-f]*)>|(-?[\d.]+)", array):
            if adjust:
                drawn -= float(adjust)
            for i in range(0, len(hexes), 4):
                drawn += widths[int(hexes[i : i + 4], 16)]
        lines.append((drawn * size / 1000, float(advance)))
    return lines, x2 - x1


@needs_soffice
def test_the_stamp_is_drawn_at_the_widths_it_was_laid_out_with_and_fits_its_box(
    world: World, agency_p12: Path, issued: object
) -> None:
    """The font's widths written in thousandths of an em: before, a 2,048-unit font's letters
    stood twice apart and the signer's name ran out of the box."""
    plain = pdf.docx_to_pdf(render(issued))  # type: ignore[arg-type]
    with signing.agency_signer(world.agency.code) as signer:
        signed = signing.sign_pdf(
            plain, signer, agency_name="Cơ quan Huyện ủy Thạch Bình", signer_name="Trần Minh Khoa"
        )
    lines, box = stamp_lines(signed)
    assert len(lines) == 3
    for drawn, advance in lines:
        assert abs(drawn - advance) < 0.5, (drawn, advance)
        assert drawn < box - 20, (drawn, box)


@needs_soffice
def test_a_changed_or_foreign_pdf_is_told_apart(
    world: World, agency_p12: Path, ca: tuple[rsa.RSAPrivateKey, x509.Certificate], issued: object
) -> None:
    plain = pdf.docx_to_pdf(render(issued))  # type: ignore[arg-type]
    with signing.agency_signer(world.agency.code) as signer:
        signed = signing.sign_pdf(plain, signer, agency_name="Cơ quan Thử nghiệm")
    (untrusted,) = signing.verify_pdf(signed)  # no trust root given
    assert untrusted.intact and not untrusted.trusted and not untrusted.valid
    assert untrusted.verdict == "Chứng thư số không do tổ chức tin cậy cấp"
    other_ca = make_ca("CA Khác")
    (foreign,) = signing.verify_pdf(signed, extra_roots=[der(other_ca[1])])
    assert not foreign.trusted
    position = signed.index(b"Thu nghiem") if b"Thu nghiem" in signed else len(signed) // 3
    tampered = signed[:position] + b"X" + signed[position + 1 :]
    reports = signing.verify_pdf(tampered, extra_roots=[der(ca[1])])
    assert reports and not reports[0].valid


def test_a_file_that_is_not_a_pdf_is_refused() -> None:
    with pytest.raises(signing.SigningError, match="không phải PDF"):
        signing.verify_pdf(b"PK\x03\x04 not a pdf")


def test_a_wrong_passphrase_is_named(
    world: World, agency_p12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOINGHI_SIGNING_PASSPHRASE", "sai")
    with (
        pytest.raises((signing.SigningError, ValueError)),
        signing.agency_signer(world.agency.code),
    ):
        pass


@needs_soffice
def test_the_clerk_checks_an_uploaded_signed_pdf(
    world: World,
    agency_p12: Path,
    ca: tuple[rsa.RSAPrivateKey, x509.Certificate],
    issued: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trust = tmp_path / "tin-cay.pem"
    trust.write_bytes(ca[1].public_bytes(serialization.Encoding.PEM))
    monkeypatch.setenv("HOINGHI_SIGNING_TRUST", str(trust))
    client = client_for(world.clerk)
    signed = client.get(
        reverse("documents:download", args=[world.agency.code, issued.pk]),  # type: ignore[attr-defined]
        {"dinh-dang": "pdf"},
    ).content
    address = reverse("documents:signature-check", args=[world.agency.code])
    assert client.get(address).status_code == 200
    upload = io.BytesIO(signed)
    upload.name = "van-ban-da-ky.pdf"
    page = client.post(address, {"file": upload}).content.decode()
    assert "Chữ ký hợp lệ" in page and "Cơ quan Thử nghiệm" in page and "CA Thử nghiệm" in page
    bad = io.BytesIO(b"not a pdf")
    bad.name = "x.pdf"
    assert "Tệp không phải PDF" in client.post(address, {"file": bad}).content.decode()
    staff = client_for(world.colleague)
    assert staff.get(address).status_code in (403, 404)


def test_the_system_check_names_a_certificate_it_cannot_open_or_about_to_expire(
    agency_p12: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert signing.check_certificates() == []
    monkeypatch.setattr(signing, "EXPIRY_WARNING_DAYS", 365)  # the test certificate: 90 days
    (soon,) = signing.check_certificates()
    assert soon.id == "documents.W011" and "co-quan-thu.p12 hết hạn ngày" in soon.msg
    monkeypatch.setenv("HOINGHI_SIGNING_PASSPHRASE", "sai")
    (bad,) = signing.check_certificates()
    assert bad.id == "documents.W010" and "Không mở được chứng thư số" in bad.msg
