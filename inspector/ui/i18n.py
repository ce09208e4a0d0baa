"""Switching the UI language at run time with Qt Linguist translations.

Contract: source strings in the code are English; ``resources/i18n/inspector_zh_CN.qm``
(compiled from the committed ``.ts`` by ``pyside6-lrelease``, which the setup script
and the test suite run) turns them into Chinese, the default. Qt's own catalogue
(``qtbase_zh_CN``) translates standard buttons. Installing a translator makes Qt send
``LanguageChange`` events; every screen re-translates its text in response.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from inspector.core.text import Lang
from inspector.resource_files import resources_dir

log = logging.getLogger(__name__)


def translation_file(lang: Lang) -> Path:
    return resources_dir() / "i18n" / f"inspector_{lang.value}.qm"


class Translations:
    """The translators installed on the application; swaps them on a language change."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []

    def apply(self, lang: Lang) -> bool:
        """Install ``lang``; returns False when its catalogue could not be loaded."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China)
                           if lang is Lang.ZH else QLocale(QLocale.Language.English))
        if lang is Lang.EN:
            # English is the source language; installing nothing still sends the event.
            QCoreApplication.postEvent(self._app, QEvent(QEvent.Type.LanguageChange))
            return True
        ours = QTranslator(self._app)
        if not ours.load(str(translation_file(lang))):
            log.warning("translation %s missing; showing source strings", translation_file(lang))
            return False
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{lang.value}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._app.installTranslator(qt_own)
            self._installed.append(qt_own)
        self._app.installTranslator(ours)
        self._installed.append(ours)
        return True

