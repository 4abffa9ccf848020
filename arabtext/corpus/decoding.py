"""Bytes to clean text: the encoding checked, byte-order marks and line ends settled, HTML stripped on request.

Every source kind reads its text through here, so every file of a corpus is
decoded by the same rules and fails with the same messages. Text is UTF-8
unless the caller names another encoding (Arabic text often comes as
Windows-1256, ``cp1256``, or ISO-8859-6); a UTF-16 or UTF-32 byte-order mark
is unambiguous and always obeyed.
"""

from __future__ import annotations

import codecs
import html
import os
import re
from collections.abc import Callable

from arabtext.corpus.collection import CorpusError, Errors, _warn

_BOM = b"\xef\xbb\xbf"

# UTF-32's marks first: the little-endian one starts with UTF-16's
_WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))

Warn = Callable[[str], None]

# the legacy encodings of Arabic, with the name users know them by
_LEGACY = {"cp1256": "Windows-1256", "iso-8859-6": "ISO-8859-6"}

_RE_MARKUP = re.compile(
    r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"  # a tag: <p>, </div>, <br/>, <a href="...">
    r"|<!--"
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"  # &amp; &#1575; &#x627;
)

_RE_HTML_HIDDEN = re.compile(r"<(script|style)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)

# Block tags and <br> become line breaks so that "<p>أ</p><p>ب</p>" keeps two words apart.
_RE_HTML_BREAK = re.compile(
    r"<(?:br|/?(?:p|div|li|tr|h[1-6]|blockquote|section|article|header|footer|ul|ol|table))\b[^<>]*>",
    re.IGNORECASE,
)

_RE_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")


def check_encoding(encoding: str) -> str:
    """The codec's canonical name (``"cp1256"`` for ``"windows-1256"``); ValueError for a name Python does not know.

    >>> check_encoding("Windows-1256"), check_encoding("ISO-8859-6")
    ('cp1256', 'iso8859-6')
    """
    try:
        return codecs.lookup(encoding).name
    except (LookupError, TypeError):
        raise ValueError(
            f"unknown encoding {encoding!r}; Arabic text is usually 'utf-8', 'cp1256' (Windows-1256) or 'iso-8859-6'"
        ) from None


def line_safe(encoding: str) -> bool:
    """Whether line ends and ASCII punctuation are single bytes as in ASCII, so a file splits into lines as bytes.

    True for UTF-8 and the 8-bit encodings; False for UTF-16 and UTF-32.
    """
    probe = '\n\r,"{}a'
    return probe.encode(encoding) == probe.encode("ascii")


def sniffed(head: bytes, encoding: str) -> str:
    """The encoding a file's first bytes declare (a UTF-16/32 byte-order mark), else ``encoding``."""
    for bom, wide in _WIDE_BOMS:
        if head.startswith(bom):
            return wide
    return encoding


def _shown(path: str | os.PathLike[str]) -> str:
    """A path as text for messages and ids: the bytes of a name that is not UTF-8 (kept by Python as surrogates) become U+FFFD."""
    return os.fsencode(path).decode("utf-8", "replace")


def _read_text_file(path: str, errors: Errors, encoding: str = "utf-8", warn: Warn = _warn) -> str:
    """A whole .txt file as text: read at once, so a single huge line is no problem."""
    with open(path, "rb") as f:
        data = f.read()
    return _whole_text(data, _shown(path), errors, encoding, warn)


def _whole_text(data: bytes, where: str, errors: Errors, encoding: str, warn: Warn, hint: str | None = None) -> str:
    """A whole file's bytes as text, in ``encoding`` unless a byte-order mark says otherwise."""
    encoding = sniffed(data[:4], encoding)
    if line_safe(encoding):
        nul = data.find(b"\0")
        if nul >= 0:
            # A NUL byte never occurs in 8-bit or UTF-8 text: this is an image, a PDF, a .docx ... with a .txt name.
            raise CorpusError(
                f"{where}: a binary file, not text (NUL byte at byte offset {nul}); "
                "if it is UTF-16 text without a byte-order mark, load it with encoding='utf-16-le'"
            )
        return _decode(data, where, errors, encoding=encoding, warn=warn, **({} if hint is None else {"hint": hint}))
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as e:
        if errors == "strict":
            raise CorpusError(f"{where}: not valid {encoding}: bad bytes at byte offset {e.start}{_REPLACE_HINT}") from None
        warn(f"{where}: not valid {encoding} from byte offset {e.start} on; undecodable bytes replaced with U+FFFD")
        return data.decode(encoding, "replace").removeprefix("\ufeff")


_REPLACE_HINT = ", or load it with errors='replace' (command line: --errors replace)"


def _decode(
    data: bytes,
    where: str,
    errors: Errors,
    *,
    encoding: str = "utf-8",
    offset: int = 0,
    line: int = 1,
    hint: str = _REPLACE_HINT,
    warn: Warn = _warn,
) -> str:
    """``data`` (a file, or a line of one) in an encoding that splits into lines as bytes, without a UTF-8 BOM.

    ``offset`` and ``line`` place it in its file; ``hint`` ends the error
    message: how the reader can get past the bad bytes.
    """
    utf8 = encoding in ("utf-8", "utf_8")
    start = len(_BOM) if utf8 and offset == 0 and data.startswith(_BOM) else 0
    try:
        return data[start:].decode(encoding)
    except UnicodeDecodeError as e:
        bad = start + e.start
        bad_line = line + data.count(b"\n", 0, bad)
        place = f"byte offset {offset + bad} (line {bad_line})"
        name = "UTF-8" if utf8 else encoding
        if errors == "strict":
            legacy = _legacy_arabic(data) if utf8 else None
            advice = (
                f"it reads as Arabic in {_LEGACY[legacy]}: load it with encoding={legacy!r} (command line: --encoding {legacy})"
                if legacy else f"re-save the file as UTF-8{hint}"
            )
            raise CorpusError(f"{where}: not {name}: byte 0x{data[bad]:02x} at {place}; {advice}") from None
        warn(f"{where}: not {name} from {place} on; undecodable bytes replaced with U+FFFD")
        return data[start:].decode(encoding, "replace")


def _legacy_arabic(data: bytes) -> str | None:
    """The legacy encoding in which bytes that are not UTF-8 read best as Arabic (most letters Arabic), or None.

    UTF-8 with a damaged byte or two is not taken for a legacy encoding: read
    so, its Arabic would become mojibake that is also made of Arabic letters.
    """
    sample = data[:65536]
    as_utf8 = sample.decode("utf-8", "replace")
    if as_utf8.count("\ufffd") * 100 < len(as_utf8):
        return None
    best, best_share = None, 0.5
    for encoding in _LEGACY:
        letters = [c for c in sample.decode(encoding, "replace") if c.isalpha()]
        arabic = sum("\u0621" <= c <= "\u064a" for c in letters)
        if arabic >= 2 and arabic / len(letters) > best_share:
            best, best_share = encoding, arabic / len(letters)
    return best


def _clean(text: str, where: str, strip_html: bool, warn: Warn = _warn) -> str:
    """The same treatment for every source: ``\\n`` line ends, and HTML warned about or stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "&" in text:
        markup = _RE_MARKUP.search(text)
        if markup and strip_html:
            text = _strip_html(text)
        elif markup:
            warn(
                f"{where}: looks like HTML ({markup.group()[:40]!r} at character {markup.start()}); "
                "pass strip_html=True (command line: --strip-html) to remove tags and unescape entities"
            )
    return text


def _strip_html(text: str) -> str:
    text = _RE_HTML_HIDDEN.sub("", text)
    text = _RE_HTML_BREAK.sub("\n", text)
    # Entities last: an escaped "&lt;p&gt;" is text that reads "<p>" and must stay.
    return html.unescape(_RE_HTML_TAG.sub("", text))
