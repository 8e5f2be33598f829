"""Polls name the law's own tally rules instead of the engine's former copies.

voting.motion → conference.adoption; voting.council → emulation.council_ballot;
voting.election → inspection_board.election from 15/08/2023 (Decree 59/2023), before that
conference.election. Stored results (``PollResult.rule``) are records of the decision as made
and stay as they are.
"""

from datetime import date

from django.db import migrations

D59_FROM = date(2023, 8, 15)
RENAMED = {"voting.motion": "conference.adoption", "voting.council": "emulation.council_ballot"}
BACK = {"conference.adoption": "voting.motion", "emulation.council_ballot": "voting.council",
        "conference.election": "voting.election", "inspection_board.election": "voting.election"}


def forwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    Poll = apps.get_model("voting", "Poll")
    for old, new in RENAMED.items():
        Poll.objects.filter(rule=old).update(rule=new)
    elections = Poll.objects.filter(rule="voting.election")
    elections.filter(legal_date__gte=D59_FROM).update(rule="inspection_board.election")
    elections.filter(legal_date__lt=D59_FROM).update(rule="conference.election")


def backwards(apps, schema_editor):  # type: ignore[no-untyped-def]
    Poll = apps.get_model("voting", "Poll")
    for new, old in BACK.items():
        Poll.objects.filter(rule=new).update(rule=old)


class Migration(migrations.Migration):
    dependencies = [("voting", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
