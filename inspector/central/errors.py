"""API errors: one exception type, one JSON body shape (``ErrorBody``), stable codes.

Contract: route code raises :class:`ApiError`; the handler installed by the app turns it
into the documented status and body. Validation failures of requests become 422 with
code ``invalid`` and the offending fields, never a server error.
"""

from __future__ import annotations

from typing import Any

from inspector.sync.protocol import ErrorBody, ErrorCode


class ApiError(Exception):
    def __init__(self, status: int, code: ErrorCode, message: str,
                 **detail: Any) -> None:
        super().__init__(message)
        self.status = status
        self.body = ErrorBody(code=code, message=message, detail=detail)


def unauthenticated(code: ErrorCode = ErrorCode.UNAUTHENTICATED,
                    message: str = "a valid bearer token is required") -> ApiError:
    return ApiError(401, code, message)


def forbidden(message: str) -> ApiError:
    return ApiError(403, ErrorCode.FORBIDDEN, message)


def not_found(message: str) -> ApiError:
    return ApiError(404, ErrorCode.NOT_FOUND, message)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "The body is not valid JSON or not UTF-8"},
    401: {"model": ErrorBody, "description": "No, expired or revoked token, or revoked device"},
    403: {"model": ErrorBody, "description": "The account's role or scope does not allow it"},
    422: {"model": ErrorBody, "description": "The request does not match its schema"},
}
