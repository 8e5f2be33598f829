"""PostgreSQL: compress the decision records (citations, reasons, facts) with lz4.

A decided row is about 2 kB, at the TOAST threshold; the year-end batch rewrites every row
of a year, and pglz compression was a large part of that write. Other databases: nothing.
"""

from django.db import migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

COLUMNS = ("citations", "reasons", "facts")


def compression(method: str) -> object:
    def run(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in COLUMNS:
            schema_editor.execute(
                f"ALTER TABLE evaluation_personevaluation ALTER COLUMN {column} SET COMPRESSION {method}")
    return run


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0002_person_evaluation_fewer_indexes")]

    operations = [migrations.RunPython(compression("lz4"), compression("pglz"))]  # type: ignore[arg-type]
