"""Backup and restore of the whole database: `veikart backup FILE`, `veikart restore FILE`.

SQLite: the online backup API (a consistent copy while the site runs; the file is itself an
SQLite database). PostgreSQL: `pg_dump --format=custom`, restored with `pg_restore` in one
transaction. `database_fingerprint()` gives every table's row count and a checksum of its
rows, so a round trip can be checked table by table.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - pg_dump/pg_restore, with argument lists, never a shell  # nosec B404
from dataclasses import dataclass
from pathlib import Path

from django.db import connection

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, in one line."""


@dataclass(frozen=True)
class TableFingerprint:
    rows: int
    checksum: str


def database_fingerprint() -> dict[str, TableFingerprint]:
    """Row count and a checksum of the rows of every table (ordered by the first column)."""
    result: dict[str, TableFingerprint] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY 1")  # noqa: S608 - introspected name  # nosec B608
            digest = hashlib.sha256()
            rows = 0
            for row in cursor.fetchall():
                digest.update(repr(tuple(_plain(v) for v in row)).encode())
                rows += 1
            result[table] = TableFingerprint(rows=rows, checksum=digest.hexdigest()[:16])
    return result


def _plain(value):
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _vendor() -> str:
    if connection.vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"backup supports SQLite and PostgreSQL, not {connection.vendor}")
    return connection.vendor


def _pg_env_and_args() -> tuple[dict[str, str], list[str]]:
    s = connection.settings_dict
    env = dict(os.environ)
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    args = []
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if s.get(key):
            args += [flag, str(s[key])]
    return env, [*args, "--dbname", str(s["NAME"])]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client)")
    return path


def backup_write(path: Path) -> int:
    """Write a backup of the database to `path`; returns its size in bytes."""
    vendor = _vendor()
    path = Path(path)
    if path.exists() and path.is_dir():
        raise BackupError(f"{path} is a folder; give a file name")
    tmp = path.with_name(path.name + ".partial")
    try:
        if vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(tmp)
            try:
                connection.connection.backup(target)
            finally:
                target.close()
        else:
            env, args = _pg_env_and_args()
            done = subprocess.run(  # noqa: S603 - fixed tool, argument list  # nosec B603
                [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp), *args],
                env=env,
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                raise BackupError(f"pg_dump failed: {done.stderr.strip().splitlines()[-1:]}")
        os.replace(tmp, path)  # the backup appears whole or not at all
    finally:
        tmp.unlink(missing_ok=True)
    return path.stat().st_size


def backup_restore(path: Path) -> None:
    """Replace the database's contents with the backup at `path` (all or nothing)."""
    vendor = _vendor()
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such file")
    with path.open("rb") as fh:
        head = fh.read(16)
    if vendor == "sqlite":
        if head != SQLITE_MAGIC:
            raise BackupError(f"{path} is not an SQLite backup")
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
            if "django_migrations" not in tables:
                raise BackupError(f"{path} is not a Veikart database (no django_migrations)")
            connection.ensure_connection()
            source.backup(connection.connection)  # page-by-page copy under one lock
        finally:
            source.close()
    else:
        if not head.startswith(PGDUMP_MAGIC):
            raise BackupError(f"{path} is not a pg_dump custom-format backup")
        env, args = _pg_env_and_args()
        connection.close()
        done = subprocess.run(  # noqa: S603 - fixed tool, argument list  # nosec B603
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(path),
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise BackupError(f"pg_restore failed: {done.stderr.strip().splitlines()[-1:]}")
