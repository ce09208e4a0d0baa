"""Bilingual messages for everything produced below the UI layer.

Widget text is translated with Qt Linguist (``resources/i18n``). Messages that core,
services and the command line produce (validation reasons, import reports, audit
verdicts) cannot use Qt, yet users must read them in their own language, in files
and terminals as much as on screen. They are therefore written here in both shipped
languages at the point where they are produced, as a :class:`LocalText`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Lang(StrEnum):
    """The languages Inspector ships. Chinese is the default everywhere."""

    ZH = "zh_CN"
    EN = "en"

    @classmethod
    def parse(cls, value: str | None) -> Lang:
        """Map a locale-ish string (``zh``, ``zh_CN.UTF-8``, ``en_US``) to a shipped language."""
        if value and value.lower().startswith("en"):
            return cls.EN
        return cls.ZH


@dataclass(frozen=True, slots=True)
class LocalText:
    """One message in Chinese and English."""

    zh: str
    en: str

    def render(self, lang: Lang) -> str:
        return self.en if lang is Lang.EN else self.zh

    def __str__(self) -> str:
        return self.zh
