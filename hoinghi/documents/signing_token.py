"""The agency's signing key on a USB token or hardware module (PKCS#11), as Vietnamese
certification providers issue them.

Configured by the administrator outside the database: ``HOINGHI_SIGNING_PKCS11_MODULE`` (the
vendor's library, a ``.so`` file), ``HOINGHI_SIGNING_PKCS11_TOKEN`` (the token's label),
``HOINGHI_SIGNING_PKCS11_KEY`` (the label of the key and of its certificate) and the PIN in
``HOINGHI_SIGNING_PKCS11_PIN``. Needs the optional ``python-pkcs11`` (``pip install
'hoinghi[token]'``).

A session is opened for one signature and closed after it, so a token shared by several
processes is never left with sessions open; within a process signatures take turns. A token locks itself after a few wrong PINs (the
vendors' limit is often 3 to 10): once the token refuses the configured PIN, this process does
not present that PIN again until the configuration changes; every later signature is refused
at once with the same message.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class TokenError(RuntimeError):
    """The token cannot sign: the Vietnamese reason in ``message``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


_refused_pins: set[str] = set()
# One signature at a time per process: the library's first load and its slot list are not safe
# from several threads at once (seen with SoftHSM2), and a USB token signs one digest at a time.
_token_lock = threading.Lock()


def token_configured() -> bool:
    return bool(os.environ.get("HOINGHI_SIGNING_PKCS11_MODULE"))


def token_settings() -> tuple[str, str, str, str]:
    """(module, token label, key label, PIN) as configured."""
    return (
        os.environ.get("HOINGHI_SIGNING_PKCS11_MODULE", ""),
        os.environ.get("HOINGHI_SIGNING_PKCS11_TOKEN", ""),
        os.environ.get("HOINGHI_SIGNING_PKCS11_KEY", ""),
        os.environ.get("HOINGHI_SIGNING_PKCS11_PIN", ""),
    )


def _pin_tag(module: str, token: str, pin: str) -> str:
    return hashlib.sha256("\0".join((module, token, pin)).encode()).hexdigest()


@contextmanager
def token_signer() -> Iterator[Any]:
    """pyHanko's signer on the configured token, for one signature; the session closed after."""
    module, token, key, pin = token_settings()
    tag = _pin_tag(module, token, pin)
    with _token_lock:
        if tag in _refused_pins:
            raise TokenError(_WRONG_PIN.format(token=token))
        session = _open(module, token, pin, tag)
        try:
            yield _signer(session, key, token)
        finally:
            # pyHanko leaves object searches unfinished; ended before the session, not by a
            # later collection that would find the session gone (an error on stderr).
            gc.collect()
            session.close()


_WRONG_PIN = (
    "Token ký số “{token}” từ chối mã PIN đã cấu hình (HOINGHI_SIGNING_PKCS11_PIN). "
    "Không thử lại để token không bị khóa: sửa mã PIN rồi khởi động lại máy chủ."
)


def _open(module: str, token: str, pin: str, tag: str) -> Any:
    try:
        import pkcs11
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign import pkcs11 as pyhanko_pkcs11
    except ImportError:
        raise TokenError(
            "Chưa cài gói python-pkcs11 để ký bằng token (pip install 'hoinghi[token]')."
        ) from None
    try:
        pkcs11.lib(module)  # loaded once per process, kept by the library
    except pkcs11.exceptions.PKCS11Error as exc:
        raise TokenError(f"Không nạp được thư viện token ký số {module} ({exc}).") from None
    try:
        return pyhanko_pkcs11.open_pkcs11_session(
            module, token_criteria=TokenCriteria(label=token or None), user_pin=pin or None
        )
    except pkcs11.exceptions.PinIncorrect:
        _refused_pins.add(tag)
        raise TokenError(_WRONG_PIN.format(token=token)) from None
    except pkcs11.exceptions.PinLocked:
        raise TokenError(
            f"Token ký số “{token}” đã bị khóa mã PIN: mở khóa bằng công cụ của nhà cung cấp."
        ) from None
    except pkcs11.exceptions.PKCS11Error as exc:
        if type(exc) is pkcs11.exceptions.PKCS11Error:  # pyHanko: no token with that label
            raise TokenError(
                f"Không tìm thấy token ký số “{token}”: kiểm tra token đã cắm vào máy chủ."
            ) from None
        raise TokenError(f"Token ký số “{token}” báo lỗi {type(exc).__name__}.") from None


def _signer(session: Any, key: str, token: str) -> Any:
    from pyhanko.sign import pkcs11 as pyhanko_pkcs11

    signer = pyhanko_pkcs11.PKCS11Signer(session, cert_label=key, key_label=key)
    try:
        signer.signing_cert  # noqa: B018 - loads the certificate and finds the key now
    except pyhanko_pkcs11.PKCS11Error:
        raise TokenError(
            f"Token ký số “{token}” không có khóa và chứng thư số nhãn “{key}” "
            "(HOINGHI_SIGNING_PKCS11_KEY)."
        ) from None
    return signer
