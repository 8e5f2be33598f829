"""The long-lived PDF converter: one LibreOffice kept running, driven through UNO.

Run by the Python that carries LibreOffice's UNO bridge (Debian ``python3-uno``: the system
``/usr/bin/python3``), never by the project's virtual environment, so this file imports only the
standard library and ``uno``. :mod:`hoinghi.documents.converter` starts it on demand and talks
to it over a Unix socket, one JSON line per request and per answer:

* ``{"op": "convert", "source": "/…/x.docx", "target": "/…/x.pdf"}`` → ``{"ok": true}``
* ``{"op": "ping"}`` → ``{"ok": true, "pid": …, "office_pid": …, "converted": n}``
* ``{"op": "stop"}`` → ``{"ok": true}`` and the worker ends with its office.

Requests are served one at a time (one office converts one document at a time). If the office
dies, it is started again and the conversion is tried once more. After ``--idle`` seconds
without a request the worker stops its office and ends; the next request starts it again.

Run: ``python3 uno_worker.py --socket PATH --profile DIR --soffice BIN [--idle SECONDS]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socketserver
import subprocess
import sys
import time
from typing import Any

import uno  # type: ignore[import-not-found]

START_SECONDS = 60


def _property(name: str, value: Any) -> Any:
    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name, prop.Value = name, value
    return prop


class Office:
    """One headless soffice listening on a private pipe, and the UNO desktop that drives it."""

    def __init__(self, soffice: str, profile: str) -> None:
        self.soffice, self.profile = soffice, profile
        self.pipe = f"hoinghi-{os.getpid()}"
        self.process: subprocess.Popen[bytes] | None = None
        self.desktop: Any = None

    def start(self) -> None:
        os.makedirs(self.profile, exist_ok=True)
        self.process = subprocess.Popen(
            [
                self.soffice,
                "--headless",
                "--invisible",
                "--norestore",
                "--nologo",
                "--nodefault",
                "--nolockcheck",
                f"-env:UserInstallation=file://{self.profile}",
                f"--accept=pipe,name={self.pipe};urp;StarOffice.ComponentContext",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "HOME": self.profile},
        )
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                context = resolver.resolve(
                    f"uno:pipe,name={self.pipe};urp;StarOffice.ComponentContext"
                )
                break
            except Exception:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.stop()
                    raise RuntimeError("LibreOffice did not start") from None
                time.sleep(0.1)
        self.desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def convert(self, source: str, target: str) -> None:
        if not self.alive():
            self.start()
        document = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source),
            "_blank",
            0,
            (_property("Hidden", True), _property("ReadOnly", True)),
        )
        if document is None:
            raise RuntimeError("LibreOffice could not open the document")
        try:
            document.storeToURL(
                uno.systemPathToFileUrl(target), (_property("FilterName", "writer_pdf_Export"),)
            )
        finally:
            document.close(True)

    def stop(self) -> None:
        if self.desktop is not None:
            with contextlib.suppress(Exception):
                self.desktop.terminate()
            self.desktop = None
        if self.process is not None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


class Handler(socketserver.StreamRequestHandler):
    server: Server

    def handle(self) -> None:
        line = self.rfile.readline(65536)
        try:
            request = json.loads(line)
            answer = self.server.answer(request)
        except Exception as exc:  # every failure goes back to the client, the worker stays up
            answer = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:500]}
        self.wfile.write(json.dumps(answer).encode() + b"\n")


class Server(socketserver.UnixStreamServer):
    request_queue_size = 64  # web workers wait their turn in the queue, each with its timeout

    def __init__(self, path: str, office: Office) -> None:
        self.office = office
        self.converted = 0
        self.stopping = False
        super().__init__(path, Handler)

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        op = request.get("op")
        if op == "ping":
            office_pid = self.office.process.pid if self.office.alive() else None  # type: ignore[union-attr]
            return {
                "ok": True,
                "pid": os.getpid(),
                "office_pid": office_pid,
                "converted": self.converted,
            }
        if op == "stop":
            self.stopping = True
            return {"ok": True}
        if op != "convert":
            return {"ok": False, "error": f"unknown op {op!r}"}
        source, target = str(request["source"]), str(request["target"])
        try:
            self.office.convert(source, target)
        except Exception:
            # The office died or hung up on the bridge: a fresh one, one more try.
            self.office.stop()
            self.office.start()
            self.office.convert(source, target)
        self.converted += 1
        return {"ok": True}

    def handle_timeout(self) -> None:
        self.stopping = True


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--socket", required=True)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--soffice", required=True)
    parser.add_argument("--idle", type=float, default=900.0)
    options = parser.parse_args(argv)
    office = Office(options.soffice, options.profile)
    office.start()
    if os.path.exists(options.socket):
        os.unlink(options.socket)
    server = Server(options.socket, office)
    os.chmod(options.socket, 0o600)  # only the service's own user may ask for conversions
    server.timeout = options.idle
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        while not server.stopping:
            server.handle_request()
    finally:
        server.server_close()
        with contextlib.suppress(OSError):
            os.unlink(options.socket)
        office.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
