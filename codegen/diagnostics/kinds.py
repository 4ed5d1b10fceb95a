"""`ComponentKind`: the human names every message uses for the kinds of registered callables."""

from __future__ import annotations

import enum


class ComponentKind(enum.Enum):
    CONSTRUCTOR = "constructor"
    REQUEST_HANDLER = "request handler"
    FALLBACK = "fallback"
    WRAPPING_MIDDLEWARE = "wrapping middleware"
    PRE_PROCESSING_MIDDLEWARE = "pre-processing middleware"
    POST_PROCESSING_MIDDLEWARE = "post-processing middleware"
    ERROR_HANDLER = "error handler"
    ERROR_OBSERVER = "error observer"
    PREBUILT = "prebuilt type"

    def __str__(self) -> str:
        return self.value

    @property
    def registration(self) -> str:
        """The Blueprint call that registers this kind, for help lines."""
        return _REGISTRATION[self]


_REGISTRATION = {
    ComponentKind.CONSTRUCTOR: "bp.request_scoped",
    ComponentKind.REQUEST_HANDLER: "bp.route",
    ComponentKind.FALLBACK: "bp.fallback",
    ComponentKind.WRAPPING_MIDDLEWARE: "bp.wrap",
    ComponentKind.PRE_PROCESSING_MIDDLEWARE: "bp.pre_process",
    ComponentKind.POST_PROCESSING_MIDDLEWARE: "bp.post_process",
    ComponentKind.ERROR_HANDLER: "bp.error_handler",
    ComponentKind.ERROR_OBSERVER: "bp.error_observer",
    ComponentKind.PREBUILT: "bp.prebuilt",
}
