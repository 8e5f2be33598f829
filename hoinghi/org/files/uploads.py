"""Requests whose body is larger than any upload the application takes are refused unread.

Django spools an upload to a temporary file before a view can look at its size; this
middleware, placed before anything reads the body (the CSRF check does), answers 413 from the
declared ``Content-Length`` alone. The largest upload taken is a 20 MB PDF or evidence file,
so the default bound (``HOINGHI_UPLOAD_MAX_BYTES``) is 25 MB; each import then holds its file
to its own, smaller limit. A body sent without a length is never read by Django's WSGI handler.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from hoinghi.org.files.limits import megabytes


class RequestBodyLimit:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit: int = settings.HOINGHI_UPLOAD_MAX_BYTES
        declared = request.META.get("CONTENT_LENGTH") or "0"
        size = int(declared) if declared.isdigit() and len(declared) < 20 else 0
        if size > limit:
            return HttpResponse(
                f"Dữ liệu gửi lên lớn hơn giới hạn {megabytes(limit)}: không nhận. "
                "Hãy chọn tệp nhỏ hơn rồi gửi lại.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
