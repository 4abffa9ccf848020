"""Fonts that draw Arabic: found once, checked glyph by glyph.

Amiri or Noto Naskh Arabic when installed, otherwise the DejaVu Sans bundled
with matplotlib, which has the Arabic letters, harakat and digits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from os import PathLike, fspath
from pathlib import Path
from typing import Union

from matplotlib import font_manager
from matplotlib.font_manager import FontProperties

__all__ = ["PREFERRED_FONTS", "FALLBACK_FONT", "arabic_font", "arabic_font_path", "font_files", "missing_glyphs", "font_covers"]

#: Arabic font families tried in order; DejaVu Sans when none is installed.
#: Assign another tuple of family names to prefer your own.
PREFERRED_FONTS: tuple[str, ...] = ("Amiri", "Noto Naskh Arabic")

#: matplotlib's bundled font: Latin, Arabic letters, harakat and Arabic-Indic digits
FALLBACK_FONT = "DejaVu Sans"

FontPath = Union[str, PathLike]


@lru_cache(maxsize=None)
def _families(preferred: tuple[str, ...]) -> tuple[str, ...]:
    for name in preferred:
        if _register(name):
            # Noto Naskh Arabic has no Latin letters: matplotlib takes them from
            # the next family in the list.
            return (name, FALLBACK_FONT)
    return (FALLBACK_FONT,)


def _register(family: str) -> bool:
    """True when matplotlib can draw with ``family``, adding its files if its font cache predates them."""
    try:
        font_manager.findfont(FontProperties(family=family), fallback_to_default=False)
        return True
    except ValueError:
        pass
    # matplotlib's font list is cached on first use; a font installed later
    # (apt install fonts-hosny-amiri) is only found on disk.
    stem = family.replace(" ", "").lower()
    found = False
    for path in font_manager.findSystemFonts():
        if Path(path).name.replace("-", "").lower().startswith(stem):
            try:
                if font_manager.get_font(path).family_name != family:
                    continue
            except (OSError, RuntimeError):
                continue
            font_manager.fontManager.addfont(path)
            found = True
    return found


def arabic_font() -> FontProperties:
    """The font arabtext draws Arabic with: Amiri → Noto Naskh Arabic → DejaVu Sans.

    A family list: the Arabic face first, DejaVu Sans after it for what the
    Arabic face lacks. The search runs once (see ``PREFERRED_FONTS``).

    >>> arabic_font().get_family()[-1]
    'DejaVu Sans'
    """
    return FontProperties(family=list(_families(PREFERRED_FONTS)))


def font_files(prop: FontProperties | None = None) -> list[str]:
    """The font files matplotlib draws ``prop`` (default: ``arabic_font()``) with, in fallback order.

    >>> Path(font_files(FontProperties(family="DejaVu Sans"))[0]).name
    'DejaVuSans.ttf'
    """
    prop = arabic_font() if prop is None else prop
    # findfont returns matplotlib's FontPath (a str with a face index): hand out plain paths
    return [str(font_manager.findfont(FontProperties(family=f, style=prop.get_style(), weight=prop.get_weight()))) for f in prop.get_family()]


def arabic_font_path() -> str:
    """The file of the Arabic face of ``arabic_font()``, for Pillow, wordcloud and ``ar``.

    >>> Path(arabic_font_path()).suffix in {".ttf", ".otf"}
    True
    """
    return font_files()[0]


@lru_cache(maxsize=16)
def _cmap(path: str) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str, font_path: FontPath | Iterable[FontPath]) -> set[str]:
    """Characters of ``text`` that no font in ``font_path`` (a file or a fallback list) has a glyph for.

    Controls and format characters (line breaks, joiners, bidi marks) are not
    drawn, so they are not counted.

    >>> dejavu = font_files(FontProperties(family="DejaVu Sans"))
    >>> missing_glyphs("العَرَبِيَّة ١٢ abc", dejavu)
    set()
    >>> missing_glyphs("ﷲ", dejavu)  # DejaVu has no single-glyph Allah ligature
    {'ﷲ'}
    """
    paths = [font_path] if isinstance(font_path, (str, PathLike)) else list(font_path)
    cmaps = [_cmap(fspath(p)) for p in paths]
    return {c for c in set(text) if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp") and not any(ord(c) in m for m in cmaps)}


def font_covers(text: str, font_path: FontPath | Iterable[FontPath]) -> bool:
    """True when ``font_path`` (a file or a fallback list) has a glyph for every character drawn in ``text``.

    >>> font_covers("القوات الأمريكية", font_files())
    True
    """
    return not missing_glyphs(text, font_path)
