from __future__ import annotations

from hoinghi.documents.catalogue import BY_SLUG, KINDS
from hoinghi.documents.kinds import KIND_NAMES
from hoinghi.documents.models import kind_choices


def test_every_named_type_is_in_the_catalogue_and_offered_by_the_models() -> None:
    assert list(BY_SLUG) == list(KIND_NAMES)
    assert kind_choices() == [(k.slug, k.name) for k in KINDS]
    assert KIND_NAMES["bien-ban-hoi-nghi"] == "Biên bản Hội nghị"
