"""A Word invitation to one person carries their code, the check-in address and its QR code as a
picture beside it; without a public address the clerk is told why there is no QR."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import segno

from hoinghi.conference.models import Conference
from hoinghi.conference.qr import checkin_url
from hoinghi.documents.builders import NO_PUBLIC_ADDRESS
from hoinghi.documents.services import compose_kind, render_kind
from hoinghi.documents.tests.reading import load

pytestmark = pytest.mark.django_db

HALL = "http://192.168.1.10:8000"


def _invitee(conference: Conference) -> Any:
    participant = conference.participants.select_related("person").order_by("pk").first()
    assert participant is not None
    return participant


def test_the_invitation_prints_the_qr_of_the_check_in_address_after_it(
    conference_2024: Conference, settings: Any
) -> None:
    settings.HOINGHI_PUBLIC_URL = HALL
    participant = _invitee(conference_2024)
    url = checkin_url(None, participant.code)
    assert url.startswith(HALL)
    data = render_kind("giay-moi", conference_2024.agency, 2024, person=participant.person)
    document = load(data)
    texts = [p.text for p in document.paragraphs]
    at = next(i for i, t in enumerate(texts) if url in t)
    assert f"Mã mời điểm danh: {participant.code}." in texts
    assert len(document.inline_shapes) == 1
    picture = document.paragraphs[at + 1]  # right under the address it encodes
    assert picture.text == "" and picture._p.xpath(".//pic:pic")
    (blob,) = [p.blob for p in document.part.related_parts.values() if "image" in p.content_type]
    expected = io.BytesIO()
    segno.make(url, error="m").save(expected, kind="png", scale=8, border=2)
    assert blob == expected.getvalue()  # the PNG is the QR of exactly that address
    assert 25 <= document.inline_shapes[0].width.mm <= 35


def test_without_a_public_address_there_is_no_qr_and_the_clerk_is_told(
    conference_2024: Conference, settings: Any
) -> None:
    settings.HOINGHI_PUBLIC_URL = ""
    participant = _invitee(conference_2024)
    paper = compose_kind("giay-moi", conference_2024.agency, 2024, person=participant.person)
    assert paper.qr_url == "" and NO_PUBLIC_ADDRESS in paper.notes
    document = load(
        render_kind("giay-moi", conference_2024.agency, 2024, person=participant.person)
    )
    assert len(document.inline_shapes) == 0
    assert NO_PUBLIC_ADDRESS not in "\n".join(p.text for p in document.paragraphs)


def test_the_invitation_to_the_whole_staff_has_no_qr(
    conference_2024: Conference, settings: Any
) -> None:
    settings.HOINGHI_PUBLIC_URL = HALL
    document = load(render_kind("giay-moi", conference_2024.agency, 2024))
    assert len(document.inline_shapes) == 0


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_invitation_with_its_picture(
    conference_2024: Conference, settings: Any, tmp_path: Path
) -> None:
    settings.HOINGHI_PUBLIC_URL = HALL
    participant = _invitee(conference_2024)
    source = tmp_path / "giay-moi.docx"
    source.write_bytes(
        render_kind("giay-moi", conference_2024.agency, 2024, person=participant.person)
    )
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "odt",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with zipfile.ZipFile(tmp_path / "giay-moi.odt") as odt:
        assert any(name.startswith("Pictures/") for name in odt.namelist())
        assert "Mã QR điểm danh" in odt.read("content.xml").decode("utf-8")
