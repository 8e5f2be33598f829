"""The latest decision of an evaluation read through one (evaluation, id) index."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evaluation", "0004_classification_decisions"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="classificationdecision",
            name="evaluation",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="decisions",
                to="evaluation.personevaluation",
                verbose_name="đánh giá",
            ),
        ),
        migrations.AddIndex(
            model_name="classificationdecision",
            index=models.Index(fields=["evaluation", "id"], name="decision_latest"),
        ),
    ]
