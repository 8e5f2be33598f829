"""Eligibility rows: no database constraint on the holder and year keys (checked per row at commit)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("emulation", "0004_eligibility_holder_indexes"),
        ("org", "0010_agency_regulation_documents_domain"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eligibility",
            name="person",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="org.person",
                verbose_name="cá nhân",
            ),
        ),
        migrations.AlterField(
            model_name="eligibility",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="org.unit",
                verbose_name="tập thể",
            ),
        ),
        migrations.AlterField(
            model_name="eligibility",
            name="work_year",
            field=models.ForeignKey(
                db_constraint=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="emulation_eligibility",
                to="org.workyear",
                verbose_name="năm công tác",
            ),
        ),
    ]
