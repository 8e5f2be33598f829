"""Classification decisions in their own insert-only table.

A person's decision record (rule, version, citations, reasons, facts) left the evaluation
row: each decision is a ``ClassificationDecision`` row, its citations and reasons in a shared
``DecisionBasis``; the evaluation keeps the level. Records already written are copied over
before the columns go (and back, when the migration is reversed).
"""

import hashlib
import json

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps
from django.utils import timezone


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def basis_digest(citations: str, reasons: str) -> str:
    """As ``hoinghi.evaluation.decisions.basis_digest``."""
    return hashlib.blake2b(f"[{citations},{reasons}]".encode(), digest_size=16).hexdigest()


def copy_records(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    evaluation = apps.get_model("evaluation", "PersonEvaluation")
    basis = apps.get_model("evaluation", "DecisionBasis")
    decision = apps.get_model("evaluation", "ClassificationDecision")
    rows = evaluation.objects.exclude(rule_code="").order_by("pk")
    for row in rows.iterator(chunk_size=2000):
        citations, reasons = dumps(row.citations), dumps(row.reasons)
        digest = basis_digest(citations, reasons)
        basis.objects.get_or_create(
            digest=digest, defaults={"citations": row.citations, "reasons": row.reasons}
        )
        decision.objects.create(
            evaluation_id=row.pk,
            rating=row.rating,
            not_classified=row.not_classified,
            rule_code=row.rule_code,
            rule_version=row.rule_version,
            basis_id=digest,
            facts=row.facts,
            decided_by_id=row.decided_by_id,
            decided_on=row.decided_on or row.updated_at.date(),
            decided_at=timezone.now(),
        )


def room_for_updates(fillfactor: int) -> object:
    """PostgreSQL: leave room in each page of the evaluations so that setting a row's level
    (not indexed) stays on its page (a HOT update: no index entry written)."""

    def run(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(
                f"ALTER TABLE evaluation_personevaluation SET (fillfactor = {fillfactor})"
            )

    return run


def copy_back(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    evaluation = apps.get_model("evaluation", "PersonEvaluation")
    decision = apps.get_model("evaluation", "ClassificationDecision")
    latest = {}
    for d in decision.objects.select_related("basis").order_by("pk"):
        latest[d.evaluation_id] = d
    for pk, d in latest.items():
        evaluation.objects.filter(pk=pk).update(
            rule_code=d.rule_code,
            rule_version=d.rule_version,
            citations=d.basis.citations,
            reasons=d.basis.reasons,
            facts=d.facts,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0003_decision_records_lz4"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="DecisionBasis",
            fields=[
                (
                    "digest",
                    models.CharField(
                        max_length=32, primary_key=True, serialize=False, verbose_name="mã"
                    ),
                ),
                ("citations", models.JSONField(default=list, verbose_name="căn cứ pháp lý")),
                ("reasons", models.JSONField(default=list, verbose_name="lý do")),
            ],
            options={
                "verbose_name": "căn cứ, lý do của quyết định",
                "verbose_name_plural": "căn cứ, lý do của quyết định",
            },
        ),
        migrations.CreateModel(
            name="ClassificationDecision",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "rating",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("htxs", "Hoàn thành xuất sắc nhiệm vụ"),
                            ("htt", "Hoàn thành tốt nhiệm vụ"),
                            ("ht", "Hoàn thành nhiệm vụ"),
                            ("kht", "Không hoàn thành nhiệm vụ"),
                        ],
                        max_length=4,
                        verbose_name="xếp loại",
                    ),
                ),
                (
                    "not_classified",
                    models.BooleanField(default=False, verbose_name="không xếp loại"),
                ),
                ("rule_code", models.CharField(max_length=80, verbose_name="mã quy tắc")),
                (
                    "rule_version",
                    models.CharField(blank=True, max_length=40, verbose_name="phiên bản quy tắc"),
                ),
                ("facts", models.JSONField(default=dict, verbose_name="dữ kiện")),
                ("decided_on", models.DateField(verbose_name="ngày quyết định")),
                ("decided_at", models.DateTimeField(verbose_name="ghi lúc")),
                (
                    "decided_by",
                    models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="người quyết định",
                    ),
                ),
                (
                    "evaluation",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="decisions",
                        to="evaluation.personevaluation",
                        verbose_name="đánh giá",
                    ),
                ),
                (
                    "basis",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="evaluation.decisionbasis",
                        verbose_name="căn cứ, lý do",
                    ),
                ),
            ],
            options={
                "verbose_name": "quyết định xếp loại cá nhân",
                "verbose_name_plural": "quyết định xếp loại cá nhân",
            },
        ),
        migrations.RunPython(copy_records, copy_back),
        migrations.RunPython(room_for_updates(70), room_for_updates(100)),  # type: ignore[arg-type]
        migrations.RemoveField(
            model_name="personevaluation",
            name="citations",
        ),
        migrations.RemoveField(
            model_name="personevaluation",
            name="facts",
        ),
        migrations.RemoveField(
            model_name="personevaluation",
            name="reasons",
        ),
        migrations.RemoveField(
            model_name="personevaluation",
            name="rule_code",
        ),
        migrations.RemoveField(
            model_name="personevaluation",
            name="rule_version",
        ),
    ]
