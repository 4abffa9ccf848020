"""Arabic made ready to draw: joined letters in the order a renderer needs, and only when it needs them.

Analysis in arabtext always works on logical-order Unicode. The display
subpackage is the only place that prepares text for a reader:

- ``ar(text)`` returns a string to *draw*. A renderer that shapes Arabic itself
  (matplotlib ≥ 3.11 through libraqm, Pillow built with raqm) gets the text
  unchanged. For one that does not, the letters become their joined
  presentation forms (arabic-reshaper) in visual order (python-bidi). Which case
  applies is detected at run time, and ``ar`` never applies the step twice.
- right-to-left HTML for Jupyter is in :mod:`arabtext.display.markup`.

>>> ar("العراق", shaping=True)
'العراق'
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from os import PathLike, fspath
from typing import TYPE_CHECKING

from arabtext.text import chars

if TYPE_CHECKING:
    from arabic_reshaper import ArabicReshaper
    from matplotlib.font_manager import FontProperties

    from arabtext.text.normalization import Normalizer

__all__ = ["ar", "shapes_arabic", "force_shaping", "VisualText", "TARGETS"]

TARGETS = ("matplotlib", "pillow")

#: ligatures a shaping renderer forms whenever the font has them: lam-alef is
#: obligatory in Arabic script and fonts map الله to one glyph. The hundreds of
#: optional ligatures of Presentation Forms-A are left out: plain joined letters
#: are always legible, stacked ligatures often are not at chart sizes.
_LIGATURES = frozenset(
    {
        "ARABIC LIGATURE ALLAH",
        "ARABIC LIGATURE LAM WITH ALEF",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA ABOVE",
        "ARABIC LIGATURE LAM WITH ALEF WITH HAMZA BELOW",
        "ARABIC LIGATURE LAM WITH ALEF WITH MADDA ABOVE",
    }
)

_PRESENTATION = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in chars.PRESENTATION_FORMS_RANGES) + "]")

# The basic letters (ء … ي): every font arabtext draws with has their joined
# forms, so after reshaping none of them is left as a plain letter.
_BASIC_LETTER = re.compile(f"[{chars.LETTERS}]")

_FORCED: ContextVar[bool | None] = ContextVar("arabtext_forced_shaping", default=None)


class VisualText(str):
    """A string that ``ar`` has reshaped and put in visual order; ``ar`` returns it unchanged.

    It is a plain ``str`` for every other purpose.
    """

    __slots__ = ()


@contextmanager
def force_shaping(shaping: bool | None) -> Iterator[None]:
    """Override the run-time detection of ``shapes_arabic`` inside a ``with`` block.

    ``False`` prepares text for a renderer that does not shape Arabic (an older
    matplotlib, Pillow without raqm, or one that detection cannot see); ``True``
    passes text through; ``None`` restores detection.

    >>> with force_shaping(True):
    ...     ar("سبوتنيك")
    'سبوتنيك'
    """
    token = _FORCED.set(shaping)
    try:
        yield
    finally:
        _FORCED.reset(token)


def shapes_arabic(target: str = "matplotlib") -> bool:
    """True when the renderer ``target`` ("matplotlib" or "pillow") shapes and orders Arabic itself.

    Detected once per target (matplotlib built with libraqm, Pillow with raqm);
    ``force_shaping`` overrides it.

    >>> with force_shaping(False):
    ...     shapes_arabic("pillow")
    False
    """
    _check_target(target)
    forced = _FORCED.get()
    return _detect(target) if forced is None else forced


@lru_cache(maxsize=None)
def _detect(target: str) -> bool:
    if target == "matplotlib":
        from matplotlib import ft2font

        # matplotlib >= 3.11 lays out every string with libraqm (FriBiDi + HarfBuzz)
        # and exposes its version; earlier releases draw characters one by one.
        return getattr(ft2font, "__libraqm_version__", None) is not None
    from PIL import features

    # wordcloud draws with ImageFont's default layout engine, which is raqm when present
    return bool(features.check_feature("raqm"))


def _check_target(target: str) -> None:
    if target not in TARGETS:
        raise ValueError(f"unknown drawing target {target!r}; choose one of {TARGETS}")


def ar(
    text: str,
    *,
    target: str = "matplotlib",
    font: str | PathLike | FontProperties | None = None,
    shaping: bool | None = None,
) -> str:
    """Return ``text`` ready to draw with ``target`` ("matplotlib" or "pillow").

    Unchanged when the renderer shapes Arabic itself. Otherwise each line is
    reshaped into joined presentation forms, using only the ligatures and forms
    that ``font`` (a font file or FontProperties; default: ``plots.arabic_font_path()``)
    has, and reordered into visual order with mirrored brackets. Text that is
    already in that form (a ``VisualText``, or presentation forms with no plain
    letters) is returned unchanged, so the step is never applied twice.
    ``shaping`` overrides detection for this call. Apply it at drawing time only:
    the result is for the eye, not for analysis.

    >>> ar("القوات الأمريكية", shaping=True)
    'القوات الأمريكية'
    >>> ar("العراق", shaping=False)  # visual order, joined forms: ق ا ر ع ل ا
    'ﻕﺍﺮﻌﻟﺍ'
    >>> ar(ar("العراق", shaping=False), shaping=False)
    'ﻕﺍﺮﻌﻟﺍ'
    """
    if not isinstance(text, str):
        raise TypeError(f"ar() draws a str, got {type(text).__name__}: {text!r}")
    if shaping is None:
        shaping = shapes_arabic(target)
    else:
        _check_target(target)
    visual = _is_visual(text)
    if shaping:
        if visual:
            warnings.warn(
                f"{text[:40]!r} looks reshaped and reordered already (presentation forms, no plain letters), "
                f"but the {target} renderer shapes Arabic itself and draws such text reversed; pass "
                "logical-order text (normalize() turns legacy presentation forms into letters)",
                stacklevel=2,
            )
        return text
    if visual:
        return text
    path = _font_file(font)
    return VisualText("\n".join(_visual_line(line, path) for line in text.split("\n")))


def _is_visual(text: str) -> bool:
    # ar's output holds presentation forms and no basic letter. Logical text from
    # a legacy source may hold a few presentation forms (ﻻ ﷲ) among plain
    # letters: that is logical text still to be prepared.
    if isinstance(text, VisualText):
        return True
    return _PRESENTATION.search(text) is not None and _BASIC_LETTER.search(text) is None


def _visual_line(line: str, font_path: str) -> str:
    from bidi.algorithm import get_display

    reshaper, unsupported = _reshaper(font_path)
    shaped = reshaper.reshape(_logical_letters()(line)).translate(unsupported)
    # a code point unassigned in this Python's Unicode has no bidi class (python-bidi
    # fails on it) and no glyph in any font: show it as the replacement character
    shaped = "".join("\ufffd" if unicodedata.category(c) == "Cn" else c for c in shaped)
    # python-bidi's default (Rust) get_display skips rule L4 (python-bidi issue #25),
    # so "(" would stay "(" in a right-to-left run; bidi.algorithm mirrors brackets.
    visual = get_display(shaped)
    # Joiners and bidi controls have done their work; a renderer that cannot
    # interpret them would draw them as boxes.
    return "".join(c for c in visual if unicodedata.category(c) != "Cf")


@lru_cache(maxsize=1)
def _logical_letters() -> Normalizer:
    from arabtext.text.normalization import STEPS, Normalizer

    # only the presentation_forms step: legacy ﻻ ﷲ ﺑ back to letters, nothing else touched
    return Normalizer(**{step.name: step.name == "presentation_forms" for step in STEPS})


@lru_cache(maxsize=8)
def _reshaper(font_path: str) -> tuple[ArabicReshaper, dict[int, str]]:
    """A reshaper using only what the font at ``font_path`` has, and a map of the forms it lacks."""
    from arabic_reshaper import ArabicReshaper, config_for_true_type_font

    from arabtext.display.fonts import missing_glyphs

    has = config_for_true_type_font(font_path)
    config = {name: name in _LIGATURES and present for name, present in has.items() if name.startswith("ARABIC LIGATURE")}
    # Harakat are kept: the fonts draw a zero-width mark over the glyph that follows it
    # in visual order, which is where python-bidi leaves it. Isolated forms are used
    # even for fonts lacking a few; those are mapped back to plain letters below.
    config.update(delete_harakat=False, use_unshaped_instead_of_isolated=False, support_ligatures=True)
    forms = chars.presentation_forms()
    lacking = missing_glyphs("".join(forms), font_path)
    return ArabicReshaper(config), str.maketrans({c: forms[c] for c in lacking})


def _font_file(font: str | PathLike | FontProperties | None) -> str:
    if font is None:
        from arabtext.display.fonts import arabic_font_path

        return arabic_font_path()
    if isinstance(font, (str, PathLike)):
        return fspath(font)
    from matplotlib.font_manager import findfont

    return str(findfont(font))
