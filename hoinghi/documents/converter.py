"""Client of the long-lived PDF converter (:mod:`hoinghi.documents.uno_worker`).

One LibreOffice stays running behind a Unix socket under ``var/run/``, shared by every web
worker of the installation, instead of one ``soffice`` process started (about a second) per
document. The first request starts it (or ``hoinghi serve`` does, ahead of time); a request that
finds it gone starts it again; a conversion that outlasts its timeout kills it (worker and office,
one process group) so the next request starts a fresh one. When it cannot run (no Python with
LibreOffice's UNO bridge, ``HOINGHI_PDF_CONVERTER=process``), :mod:`hoinghi.documents.pdf`
converts with one ``soffice`` process per call, as before.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

from hoinghi.documents.fonts import converter_environment

log = logging.getLogger(__name__)

UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python")
WORKER = Path(__file__).with_name("uno_worker.py")
START_SECONDS = 60.0
CONVERT_SECONDS = 60.0
IDLE_SECONDS = float(os.environ.get("HOINGHI_PDF_IDLE_SECONDS") or 900)


class ConverterUnavailable(RuntimeError):
    """The long-lived converter cannot answer; the caller converts the old way."""


def run_dir() -> Path:
    """Socket, lock, log and office profile: ``var/run/`` (``HOINGHI_PDF_RUN_DIR``)."""
    folder = Path(os.environ.get("HOINGHI_PDF_RUN_DIR") or Path(settings.VAR_DIR) / "run")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    return folder


def socket_path() -> Path:
    return run_dir() / "pdf-converter.sock"


@functools.cache
def uno_python() -> str | None:
    """A Python that can ``import uno`` (``HOINGHI_UNO_PYTHON``, else the system's), or None."""
    configured = os.environ.get("HOINGHI_UNO_PYTHON")
    for candidate in [configured] if configured else UNO_PYTHONS:
        if not candidate or not os.access(candidate, os.X_OK):
            continue
        try:
            done = subprocess.run(
                [candidate, "-c", "import uno"], capture_output=True, timeout=20, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return candidate
    return None


def soffice_binary() -> str | None:
    return (
        os.environ.get("HOINGHI_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    )


def enabled() -> bool:
    if os.environ.get("HOINGHI_PDF_CONVERTER", "server") == "process":
        return False
    return uno_python() is not None and soffice_binary() is not None


def _request(payload: dict[str, Any], timeout: float) -> dict[str, Any]:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        connection.connect(str(socket_path()))
        connection.sendall(json.dumps(payload).encode() + b"\n")
        with connection.makefile("rb") as reader:
            line = reader.readline(65536)
    if not line:
        raise ConnectionError("the converter closed the connection")
    answer: dict[str, Any] = json.loads(line)
    return answer


def ping(timeout: float = 2.0) -> dict[str, Any] | None:
    """The running worker's pid, its office's pid and count of conversions; None if none runs."""
    try:
        return _request({"op": "ping"}, timeout)
    except (OSError, ValueError):
        return None


@contextlib.contextmanager
def _start_lock() -> Iterator[None]:
    """One process at a time starts the worker (web workers and threads of one installation)."""
    with open(run_dir() / "pdf-converter.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def ensure_running(idle: float = IDLE_SECONDS) -> int:
    """The worker's pid, starting it if none answers."""
    answer = ping()
    if answer:
        return int(answer["pid"])
    python, soffice = uno_python(), soffice_binary()
    if python is None or soffice is None:
        raise ConverterUnavailable("no Python with UNO or no LibreOffice")
    with _start_lock():
        answer = ping()
        if answer:
            return int(answer["pid"])
        return _spawn(python, soffice, idle)


def _spawn(python: str, soffice: str, idle: float) -> int:
    folder = run_dir()
    with open(folder / "pdf-converter.log", "ab") as log_file:
        process = subprocess.Popen(
            [
                python,
                "-I",  # isolated: the script's folder (which has a selectors.py) stays off the path
                str(WORKER),
                "--socket",
                str(socket_path()),
                "--profile",
                str(folder / "office-profile"),
                "--soffice",
                soffice,
                "--idle",
                str(idle),
            ],
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=log_file,
            env=converter_environment(),
            start_new_session=True,  # its own process group: a timeout kills worker and office
        )
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ConverterUnavailable(f"the converter ended with code {process.returncode}")
        answer = ping()
        if answer and int(answer["pid"]) == process.pid:
            log.info("PDF converter started, pid %s", process.pid)
            return process.pid
        time.sleep(0.05)
    kill(process.pid)
    raise ConverterUnavailable("the converter did not start in time")


def kill(pid: int) -> None:
    """End the worker and its office (one process group)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        socket_path().unlink()


def convert(docx: bytes, *, timeout: float | None = None) -> bytes:
    """DOCX bytes in, PDF bytes out, through the running worker (started if needed)."""
    timeout = timeout or CONVERT_SECONDS
    pid = ensure_running()
    with tempfile.TemporaryDirectory(prefix="hoinghi-uno-") as work:
        source, target = Path(work) / "van-ban.docx", Path(work) / "van-ban.pdf"
        source.write_bytes(docx)
        try:
            answer = _request(
                {"op": "convert", "source": str(source), "target": str(target)}, timeout
            )
        except TimeoutError:
            kill(pid)
            raise ConverterUnavailable(f"no answer within {timeout:.0f} s; stopped") from None
        except (OSError, ValueError) as exc:
            raise ConverterUnavailable(f"the converter failed: {exc}") from None
        if not answer.get("ok") or not target.exists():
            raise ConverterUnavailable(str(answer.get("error") or "no PDF written"))
        return target.read_bytes()


def stop(wait: float = 10.0) -> None:
    """Ask the worker to end (with its office) and wait until its socket is gone."""
    try:
        _request({"op": "stop"}, 5.0)
    except (OSError, ValueError):
        return
    deadline = time.monotonic() + wait
    while socket_path().exists() and time.monotonic() < deadline:
        time.sleep(0.05)


def start_in_background() -> None:
    """``hoinghi serve``: have the converter up before the first download (about 2 s, once;
    it then runs on its own, shared by the web workers). Errors are only logged."""
    if not enabled():
        return
    try:
        ensure_running()
    except ConverterUnavailable as exc:
        log.warning("PDF converter not started: %s", exc)
