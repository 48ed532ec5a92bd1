"""Language facts from Babel: text direction, own-language names, dates; which languages a notice is in."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from noticegen.model import Notice

RTL = {"ar", "fa", "he", "ur", "ps", "yi", "ckb", "sd"}


def base(code: str) -> str:
    return code.split("-")[0].split("_")[0]


def direction(code: str) -> str:
    return "rtl" if base(code) in RTL else "ltr"


@functools.lru_cache(maxsize=64)
def _locale(code: str) -> Locale:
    if code == "en":
        code = "en_GB"  # a UK council writes 1 April 2024, not April 1, 2024
    try:
        return Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def own_name(code: str) -> str:
    """The language's name in itself: Polski, العربية, Українська (and English, not en-GB)."""
    try:
        own = Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    name = own.get_display_name(own) or code
    return name[:1].upper() + name[1:]


def long_date(day: dt.date, code: str) -> str:
    return format_date(day, format="long", locale=_locale(code))


def notice_langs(notice: Notice, langs: tuple[str, ...]) -> tuple[str, ...]:
    """The languages of `langs` a notice is made in: those its `languages:` names (none named: all)."""
    return tuple(lang for lang in langs if not notice.languages or lang in notice.languages)
