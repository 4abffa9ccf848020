"""Bytes to clean text: UTF-8 checked, byte-order marks and line ends settled, HTML stripped on request.

Every source kind reads its text through here, so every file of a corpus is
decoded by the same rules and fails with the same messages.
"""

from __future__ import annotations

import html
import re

from arabtext.corpus.collection import CorpusError, Errors, _warn

_BOM = b"\xef\xbb\xbf"

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

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


def _read_text_file(path: str, errors: Errors) -> str:
    """A whole .txt file as text: read at once, so a single huge line is no problem."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(_UTF16_BOMS):
        raise CorpusError(f"{path}: encoded as UTF-16, not UTF-8; re-save it as UTF-8")
    nul = data.find(b"\0")
    if nul >= 0:
        # A NUL byte never occurs in text: this is an image, a PDF, a .docx ... with a .txt name.
        raise CorpusError(
            f"{path}: a binary file, not text (NUL byte at byte offset {nul}); "
            "if it is UTF-16 text, re-save it as UTF-8"
        )
    return _decode(data, str(path), errors)

_REPLACE_HINT = ", or load it with errors='replace' (command line: --errors replace)"


def _decode(
    data: bytes, where: str, errors: Errors, *, offset: int = 0, line: int = 1, hint: str = _REPLACE_HINT
) -> str:
    """``data`` as UTF-8 without a leading BOM; ``offset`` and ``line`` place it in its file.

    ``hint`` ends the error message: how the reader can get past the bad bytes.
    """
    start = len(_BOM) if offset == 0 and data.startswith(_BOM) else 0
    try:
        return data[start:].decode("utf-8")
    except UnicodeDecodeError as e:
        bad = start + e.start
        bad_line = line + data.count(b"\n", 0, bad)
        place = f"byte offset {offset + bad} (line {bad_line})"
        if errors == "strict":
            raise CorpusError(
                f"{where}: not UTF-8: byte 0x{data[bad]:02x} at {place}; re-save the file as UTF-8{hint}"
            ) from None
        _warn(f"{where}: not UTF-8 from {place} on; undecodable bytes replaced with U+FFFD")
        return data[start:].decode("utf-8", "replace")


def _clean(text: str, where: str, strip_html: bool) -> str:
    """The same treatment for every source: ``\\n`` line ends, and HTML warned about or stripped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "&" in text:
        markup = _RE_MARKUP.search(text)
        if markup and strip_html:
            text = _strip_html(text)
        elif markup:
            _warn(
                f"{where}: looks like HTML ({markup.group()[:40]!r} at character {markup.start()}); "
                "pass strip_html=True (command line: --strip-html) to remove tags and unescape entities"
            )
    return text


def _strip_html(text: str) -> str:
    text = _RE_HTML_HIDDEN.sub("", text)
    text = _RE_HTML_BREAK.sub("\n", text)
    # Entities last: an escaped "&lt;p&gt;" is text that reads "<p>" and must stay.
    return html.unescape(_RE_HTML_TAG.sub("", text))
