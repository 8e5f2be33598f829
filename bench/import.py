"""Staff import bench (docs/benchmarks.md S9): 2,000 and 100,000 generated staff rows.

Each size is imported into a fresh agency through the service the web and the command line
use (``import_staff``: read the XLSX, check every row, write units, people and positions
set-based in one transaction, one audit entry), then imported again (the no-op path). The
baseline in the same run and database is the plainest write of the same rows: one
``executemany`` per table on SQLite, ``COPY`` on PostgreSQL, into scratch tables with the same
columns and no constraints. Prints rows/s, queries and the ratio app ÷ baseline. On
PostgreSQL the import's own COPYs go through psycopg's cursor and are not counted as queries.

    python3 bench/import.py                       # temporary SQLite file
    python3 bench/import.py --database-url postgres://hoinghi:hoinghi@127.0.0.1:5432/hoinghi_bench
    python3 bench/import.py --sizes 2000 --format csv
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PERSON_COLUMNS = (
    "agency_id",
    "staff_code",
    "full_name",
    "gender",
    "date_of_birth",
    "category",
    "party_member",
    "union_member",
    "joined_on",
    "left_on",
    "sort_key",
    "search_text",
)
POSITION_COLUMNS = (
    "agency_id",
    "staff_code",
    "unit_code",
    "title",
    "is_leader",
    "is_head",
    "valid_from",
)


def setup(database_url: str | None) -> str:
    workdir = tempfile.mkdtemp(prefix="hoinghi-bench-")
    url = database_url or f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["DATABASE_URL"] = url
    os.environ["HOINGHI_VAR_DIR"] = workdir
    # A province's file is larger than the web upload limit; the bench raises the limits.
    os.environ.setdefault("HOINGHI_IMPORT_MAX_BYTES", str(512 * 1024 * 1024))
    os.environ.setdefault("HOINGHI_IMPORT_MAX_UNZIPPED_BYTES", str(4 * 1024 * 1024 * 1024))
    os.environ["DJANGO_SETTINGS_MODULE"] = "hoinghi.settings"
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return url


@contextmanager
def counted_queries() -> Iterator[list[int]]:
    from django.db import connection

    count = [0]

    def wrapper(
        execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield count


def new_agency(label: str) -> Any:
    from hoinghi.org.models import Agency

    code = f"bench-{label}-{time.time_ns()}"
    return Agency.objects.create(
        code=code,
        name=f"Cơ quan thử tải {label}",
        abbreviation="CQTT",
        kind="state",
        place_name="Hà Nội",
    )


def generate(size: int, kind: str) -> bytes:
    from hoinghi.org.imports.samples import csv_bytes, staff_rows, xlsx_bytes

    rows = staff_rows(size)
    return xlsx_bytes(rows) if kind == "xlsx" else csv_bytes(rows)


def run_import(agency: Any, data: bytes, kind: str) -> tuple[float, int, Any]:
    """The whole service, as the web and the command line call it."""
    from hoinghi.org.imports.services import import_staff

    with counted_queries() as queries:
        started = time.perf_counter()
        counts = import_staff(agency, data, filename=f"bench.{kind}")
        elapsed = time.perf_counter() - started
    return elapsed, queries[0], counts


def run_phases(agency: Any, data: bytes, kind: str) -> tuple[float, float, int, Any, Any]:
    """The same steps as ``import_staff`` (check the file; then write and audit in one
    transaction), timed apart: seconds to check, seconds to write, queries, counts, rows."""
    from django.db import transaction

    from hoinghi.audit.services import record
    from hoinghi.org.imports.apply import write_staff
    from hoinghi.org.imports.services import check_staff_file

    with counted_queries() as queries:
        started = time.perf_counter()
        checked = check_staff_file(agency, data, filename=f"bench.{kind}")
        checked_at = time.perf_counter()
        with transaction.atomic():
            counts = write_staff(agency, checked)
            record("org.import_staff", agency_code=agency.code, data=counts.as_dict())
        written_at = time.perf_counter()
    return checked_at - started, written_at - checked_at, queries[0], counts, checked


def baseline_rows(agency: Any, checked: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    from hoinghi.vietnamese import fold, name_sort_key

    people = [
        (
            agency.pk,
            r.staff_code,
            r.full_name,
            r.gender,
            r.date_of_birth,
            r.category,
            r.party_member,
            r.union_member,
            r.joined_on,
            r.left_on,
            name_sort_key(r.full_name),
            fold(f"{r.full_name} {r.staff_code}"),
        )
        for r in checked.rows
    ]
    positions = [
        (agency.pk, r.staff_code, r.unit_code, r.title, r.is_leader, r.is_head, r.valid_from)
        for r in checked.rows
        if r.unit_code
    ]
    return people, positions


def create_scratch_tables() -> None:
    from django.db import connection

    types = {
        "agency_id": "bigint",
        "party_member": "boolean",
        "union_member": "boolean",
        "is_leader": "boolean",
        "is_head": "boolean",
        "date_of_birth": "date",
        "joined_on": "date",
        "left_on": "date",
        "valid_from": "date",
    }
    with connection.cursor() as cursor:
        for table, columns in (
            ("bench_person", PERSON_COLUMNS),
            ("bench_position", POSITION_COLUMNS),
        ):
            cursor.execute(f"DROP TABLE IF EXISTS {table}")
            spec = ", ".join(f"{c} {types.get(c, 'varchar(400)')}" for c in columns)
            cursor.execute(
                f"CREATE TABLE {table} (id {'bigserial' if connection.vendor == 'postgresql' else 'integer'}"
                f" PRIMARY KEY, {spec})"
            )


def run_baseline(people: list[tuple[Any, ...]], positions: list[tuple[Any, ...]]) -> float:
    """The same rows written the plainest way the database offers, in one transaction."""
    from django.db import connection, transaction

    create_scratch_tables()
    started = time.perf_counter()
    with transaction.atomic():
        raw = connection.connection
        for table, columns, rows in (
            ("bench_person", PERSON_COLUMNS, people),
            ("bench_position", POSITION_COLUMNS, positions),
        ):
            names = ", ".join(columns)
            if connection.vendor == "postgresql":
                with (
                    raw.cursor() as cursor,
                    cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
                ):
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join("?" for _ in columns)
                raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
    return time.perf_counter() - started


def bench(size: int, kind: str) -> dict[str, Any]:
    data = generate(size, kind)
    agency = new_agency(str(size))
    check_seconds, write_seconds, queries, counts, checked = run_phases(agency, data, kind)
    assert counts.people_created == size, counts
    again_seconds, again_queries, again = run_import(agency, data, kind)
    assert again.changes == 0, again
    people, positions = baseline_rows(agency, checked)
    baseline = run_baseline(people, positions)
    seconds = check_seconds + write_seconds
    return {
        "size": size,
        "kind": kind,
        "file_mb": len(data) / 1e6,
        "seconds": seconds,
        "queries": queries,
        "rows_per_s": size / seconds,
        "check_seconds": check_seconds,
        "write_rows_per_s": size / write_seconds,
        "again_seconds": again_seconds,
        "again_queries": again_queries,
        "baseline_seconds": baseline,
        "baseline_rows_per_s": size / baseline,
        "ratio": baseline / seconds,
        "write_ratio": baseline / write_seconds,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="PostgreSQL URL; default: a temporary SQLite file")
    parser.add_argument("--sizes", default="2000,100000", help="comma-separated row counts")
    parser.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    args = parser.parse_args(argv)
    url = setup(args.database_url)
    from django.db import connection

    baseline_name = "COPY" if connection.vendor == "postgresql" else "executemany"
    print(
        f"# Staff import — {connection.vendor} ({url.split('@')[-1]}), Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} CPU, load average {load_average()}"
    )
    print(
        f"| rows | file | import s | rows/s | queries | of which check s | write rows/s | re-import s (queries) "
        f"| {baseline_name} s | {baseline_name} rows/s | app ÷ {baseline_name} | write ÷ {baseline_name} |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        r = bench(size, args.format)
        print(
            f"| {r['size']:,} | {r['kind']} {r['file_mb']:.1f} MB | {r['seconds']:.2f} | {r['rows_per_s']:,.0f} "
            f"| {r['queries']} | {r['check_seconds']:.2f} | {r['write_rows_per_s']:,.0f} "
            f"| {r['again_seconds']:.2f} ({r['again_queries']}) | {r['baseline_seconds']:.3f} "
            f"| {r['baseline_rows_per_s']:,.0f} | {r['ratio']:.3f} | {r['write_ratio']:.3f} |",
            flush=True,
        )
    print(f"# load average at the end: {load_average()}")
    return 0


def load_average() -> str:
    """Other processes on the same cores skew the seconds; the ratios are taken within a run."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
