"""The drill's HTTP client tells a whole answer from one cut short by a killed server."""

from __future__ import annotations

import pytest

from hoinghi.voting.drill import _parse_answer

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"


def test_a_whole_answer_gives_its_status_and_body() -> None:
    body = b'{"receipt": "abc"}'
    answer = HEAD + b"Content-Length: %d\r\n\r\n" % len(body) + body
    assert _parse_answer(answer) == (200, body)


@pytest.mark.parametrize(
    "answer",
    [
        HEAD + b"Content-Length: 18\r\n\r\n",  # killed after the head
        HEAD + b'Content-Length: 18\r\n\r\n{"recei',  # killed inside the body
        HEAD + b'Transfer-Encoding: chunked\r\n\r\n12\r\n{"receipt": "abc"}\r\n',  # no last chunk
        HEAD + b'Transfer-Encoding: chunked\r\n\r\n12\r\n{"rec',  # inside a chunk
        b"HTTP/1.1 200 OK\r\nContent-Le",  # inside the head
        b"",
    ],
)
def test_an_answer_cut_short_is_no_answer(answer: bytes) -> None:
    assert _parse_answer(answer) == (0, b"")


def test_a_chunked_answer_is_joined() -> None:
    answer = HEAD + b'Transfer-Encoding: chunked\r\n\r\n5\r\n{"a":\r\n2\r\n1}\r\n0\r\n\r\n'
    assert _parse_answer(answer) == (200, b'{"a":1}')


def test_an_answer_without_a_length_is_read_to_its_end() -> None:
    assert _parse_answer(b"HTTP/1.0 302 Found\r\nLocation: /\r\n\r\n") == (302, b"")
