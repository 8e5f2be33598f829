"""Signing with a key that never leaves a PKCS#11 token: SoftHSM2 stands for the agency's USB
token. The key is generated on the token, its certificate issued by a CA made here and stored
beside it; issued documents are signed through the product's download and verified back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

from hoinghi.documents import pdf, signing, signing_token
from hoinghi.documents.services import render
from hoinghi.documents.tests.test_signing import _name, der, make_ca
from hoinghi.documents.tests.test_views import client_for
from hoinghi.testing import World

pkcs11 = pytest.importorskip("pkcs11", reason="python-pkcs11 chưa được cài")
pytestmark = pytest.mark.django_db
needs_soffice = pytest.mark.skipif(not pdf.pdf_available(), reason="LibreOffice chưa được cài")

LIBRARIES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
)
LIBRARY = next((p for p in LIBRARIES if Path(p).is_file()), "")
if not LIBRARY or not shutil.which("softhsm2-util"):
    pytest.skip("SoftHSM2 chưa được cài (gói softhsm2)", allow_module_level=True)

LABEL, PIN, KEY = "Co quan thu", "246810", "ky-so-co-quan"


class Token:
    def __init__(self, ca: tuple[rsa.RSAPrivateKey, x509.Certificate]) -> None:
        self.ca = ca


@pytest.fixture(scope="module")
def token(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Token]:
    """One token per test process: the PKCS#11 library reads its configuration once."""
    folder = tmp_path_factory.mktemp("softhsm")
    (folder / "tokens").mkdir()
    config = folder / "softhsm2.conf"
    config.write_text(f"directories.tokendir = {folder / 'tokens'}\nobjectstore.backend = file\n")
    os.environ["SOFTHSM2_CONF"] = str(config)
    subprocess.run(
        ["softhsm2-util", "--init-token", "--free", "--label", LABEL, "--pin", PIN]
        + ["--so-pin", "13579"],
        check=True,
        capture_output=True,
    )
    ca = make_ca("CA Token Thử nghiệm")
    _provision(ca)
    yield Token(ca)


def _provision(ca: tuple[rsa.RSAPrivateKey, x509.Certificate]) -> None:
    """A key pair generated on the token (the private key cannot be read out), and its
    certificate issued by ``ca`` and stored beside it under the same label."""
    from pkcs11 import Attribute, CertificateType, KeyType, ObjectClass

    library = pkcs11.lib(LIBRARY)
    with library.get_token(token_label=LABEL).open(rw=True, user_pin=PIN) as session:
        public, private = session.generate_keypair(
            KeyType.RSA, 2048, label=KEY, id=b"\x01", store=True
        )
        assert private[Attribute.SENSITIVE] and not private[Attribute.EXTRACTABLE]
        numbers = rsa.RSAPublicNumbers(
            int.from_bytes(public[Attribute.PUBLIC_EXPONENT], "big"),
            int.from_bytes(public[Attribute.MODULUS], "big"),
        )
        certificate = _certificate(ca, numbers.public_key())
        session.create_object(
            {
                Attribute.CLASS: ObjectClass.CERTIFICATE,
                Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
                Attribute.TOKEN: True,
                Attribute.LABEL: KEY,
                Attribute.ID: b"\x01",
                Attribute.SUBJECT: certificate.subject.public_bytes(),
                Attribute.VALUE: der(certificate),
            }
        )


def _certificate(
    ca: tuple[rsa.RSAPrivateKey, x509.Certificate], public_key: rsa.RSAPublicKey
) -> x509.Certificate:
    ca_key, ca_cert = ca
    now = datetime.now(tz=UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_name("Cơ quan Thử nghiệm (token)"))
        .issuer_name(ca_cert.subject)
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + timedelta(days=90))
        .add_extension(
            x509.KeyUsage(True, True, False, False, False, False, False, False, False),
            critical=True,
        )
        .sign(ca_key, hashes.SHA256())
    )


@pytest.fixture
def configured(token: Token, monkeypatch: pytest.MonkeyPatch) -> Token:
    for name in ("HOINGHI_SIGNING_DIR", "HOINGHI_SIGNING_PKCS12"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_MODULE", LIBRARY)
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_TOKEN", LABEL)
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_KEY", KEY)
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_PIN", PIN)
    monkeypatch.setattr(signing_token, "_refused_pins", set())
    return token


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every session the product opens on the token, to see it closed and to count PINs."""
    from pyhanko.sign import pkcs11 as pyhanko_pkcs11

    sessions: list[Any] = []
    real = pyhanko_pkcs11.open_pkcs11_session

    def spy(*args: Any, **kwargs: Any) -> Any:
        sessions.append(kwargs.get("user_pin"))
        session = real(*args, **kwargs)
        sessions[-1] = session
        return session

    monkeypatch.setattr(pyhanko_pkcs11, "open_pkcs11_session", spy)
    return sessions


@needs_soffice
def test_an_issued_document_is_signed_by_the_key_on_the_token(
    world: World, configured: Token, issued: object, opened: list[Any]
) -> None:
    client = client_for(world.clerk)
    address = reverse("documents:download", args=[world.agency.code, issued.pk])  # type: ignore[attr-defined]
    response = client.get(address, {"dinh-dang": "pdf"})
    assert response.status_code == 200, response.content[:300]
    (report,) = signing.verify_pdf(response.content, extra_roots=[der(configured.ca[1])])
    assert report.valid, report.problem
    assert report.signer == "Cơ quan Thử nghiệm (token)"
    assert report.issuer == "CA Token Thử nghiệm"
    assert len(opened) == 1
    with pytest.raises(pkcs11.exceptions.SessionHandleInvalid):
        opened[0].generate_random(64)  # the session was closed after the signature


@needs_soffice
def test_four_signatures_at_once_share_the_token(
    world: World, configured: Token, issued: object
) -> None:
    plain = pdf.docx_to_pdf(render(issued))  # type: ignore[arg-type]
    results: list[bytes] = []
    errors: list[BaseException] = []

    def sign() -> None:
        try:
            with signing.agency_signer(world.agency.code) as signer:
                results.append(signing.sign_pdf(plain, signer, agency_name="Cơ quan Thử nghiệm"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=sign) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors and len(results) == 4
    for signed in results:
        (report,) = signing.verify_pdf(signed, extra_roots=[der(configured.ca[1])])
        assert report.valid


def test_a_wrong_pin_is_presented_once_then_refused_without_touching_the_token(
    world: World, configured: Token, monkeypatch: pytest.MonkeyPatch, opened: list[Any]
) -> None:
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_PIN", "000000")
    for _ in range(3):
        with (
            pytest.raises(signing.SigningError, match="từ chối mã PIN"),
            signing.agency_signer(world.agency.code),
        ):
            pass
    assert len(opened) == 1, "a token locks after a few wrong PINs: the PIN went to it once"
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_PIN", PIN)
    with signing.agency_signer(world.agency.code) as signer:
        assert signer.signing_cert is not None


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("HOINGHI_SIGNING_PKCS11_TOKEN", "Token khac", "Không tìm thấy token ký số “Token khac”"),
        ("HOINGHI_SIGNING_PKCS11_KEY", "khoa-khac", "không có khóa và chứng thư số nhãn"),
    ],
)
def test_a_wrong_setting_is_named_in_vietnamese(
    world: World,
    configured: Token,
    monkeypatch: pytest.MonkeyPatch,
    variable: str,
    value: str,
    message: str,
) -> None:
    monkeypatch.setenv(variable, value)
    with (
        pytest.raises(signing.SigningError, match=message),
        signing.agency_signer(world.agency.code),
    ):
        pass


@needs_soffice
def test_the_clerk_sees_why_a_download_could_not_be_signed(
    world: World,
    configured: Token,
    issued: object,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("HOINGHI_SIGNING_PKCS11_PIN", "000000")
    monkeypatch.setenv("HOINGHI_PDF_CACHE_DIR", str(tmp_path))  # nothing signed before
    client = client_for(world.clerk)
    address = reverse("documents:download", args=[world.agency.code, issued.pk])  # type: ignore[attr-defined]
    response = client.get(address, {"dinh-dang": "pdf"}, follow=True)
    text = response.content.decode()
    assert "từ chối mã PIN" in text
    assert "Traceback" not in text and response.status_code < 500


def test_a_library_that_is_not_there_is_named(configured: Token) -> None:
    """In a process of its own: a process loads one PKCS#11 library and keeps it."""
    script = (
        "from hoinghi.documents.signing_token import TokenError, token_signer\n"
        "try:\n"
        "    with token_signer():\n"
        "        pass\n"
        "except TokenError as error:\n"
        "    print(error.message)\n"
    )
    environment = {**os.environ, "HOINGHI_SIGNING_PKCS11_MODULE": "/khong-co/libtoken.so"}
    answer = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    assert answer.stdout.startswith("Không nạp được thư viện token ký số /khong-co/libtoken.so")
