"""What a query word matches: the same word after normalization, the same stem, or the text as written."""

from __future__ import annotations

from collections.abc import Callable

from arabtext.text.clitics import light_stem
from arabtext.text.normalization import Normalizer
from arabtext.text.tokenizer import tokenize

__all__ = ["node_matcher"]


def node_matcher(node: str, normalize: bool | Normalizer, match: str) -> tuple[Callable[[str], bool], str]:
    """A test for "this (normalized) word is the node", and a string every such word contains."""
    if match not in ("clitics", "exact"):
        raise ValueError(f"match must be 'clitics' or 'exact', got {match!r}")
    forms = tokenize(node, normalize) if isinstance(node, str) else []
    if len(forms) != 1:
        raise ValueError(f"node must be one word, got {node!r}")
    form = forms[0]
    if match == "exact":
        return form.__eq__, form
    stem = light_stem(form)
    return (lambda word: light_stem(word) == stem), stem
