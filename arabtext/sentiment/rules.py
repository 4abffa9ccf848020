"""The rules that turn looked-up words into a score, kept as data: negators, intensifiers, contrast.

Edit these tables to change what counts as negation or emphasis; the
analyzer (:mod:`arabtext.sentiment.analyzer`) only reads them.
"""

from __future__ import annotations

from collections.abc import Mapping

from arabtext.sentiment.units import _Unit

__all__ = ["NEGATORS", "INTENSIFIERS", "CONTRAST_WORDS"]


#: negator -> how many following words it negates
NEGATORS: Mapping[str, int] = {
    "لا": 3, "لم": 3, "لن": 3, "ليس": 3, "ليست": 3, "لست": 3, "لسنا": 3, "ليسوا": 3, "لستم": 3,
    "عدم": 2, "دون": 2, "بدون": 2, "بلا": 2, "مفيش": 2, "مافيش": 2, "مافي": 2, "ماكو": 2,
    "مش": 3, "مو": 3, "مب": 3, "موب": 3, "مهب": 3, "ماني": 3,
    # these two negate only the next word: غير مفيد; ما is as often "what" as "not"
    "غير": 1, "ما": 1,
}  # fmt: skip

#: intensifier or diminisher -> (factor, which word it modifies: "previous", "next" or "either")
INTENSIFIERS: Mapping[str, tuple[float, str]] = {
    # MSA, after the word: جميل جدا، ندين بشدة، قلق بالغ، تصعيد كبير
    "جدا": (1.5, "previous"), "للغاية": (1.75, "previous"), "كثيرا": (1.3, "previous"),
    "بشدة": (1.5, "previous"), "تماما": (1.3, "previous"), "إطلاقا": (1.3, "previous"),
    "شديد": (1.5, "previous"), "شديدة": (1.5, "previous"), "بالغ": (1.5, "previous"),
    "بالغة": (1.5, "previous"), "كبير": (1.3, "previous"), "كبيرة": (1.3, "previous"),
    "هائل": (1.5, "previous"), "هائلة": (1.5, "previous"), "عميق": (1.3, "previous"),
    "عميقة": (1.3, "previous"),
    # MSA, before the word: أشد الإدانة، في منتهى الروعة، في غاية الجمال
    "أشد": (1.5, "next"), "منتهى": (1.5, "next"), "غاية": (1.5, "next"), "الأكثر": (1.3, "next"),
    "حقا": (1.3, "either"), "فعلا": (1.2, "either"), "أكثر": (1.3, "either"), "أبدا": (1.3, "either"),
    # dialects: حلو أوي، حلو خالص، كتير حلو، مرة حلو، حلو بزاف
    "أوي": (1.5, "previous"), "اوى": (1.5, "previous"), "خالص": (1.5, "previous"), "فشخ": (1.75, "previous"),
    "بجد": (1.2, "either"), "كتير": (1.5, "either"), "كثير": (1.3, "either"), "حيل": (1.5, "either"),
    "وايد": (1.5, "next"), "مرة": (1.5, "next"), "مره": (1.5, "next"), "كلش": (1.5, "next"),
    "بزاف": (1.5, "previous"), "برشا": (1.5, "previous"), "ياسر": (1.5, "previous"),
    # diminishers
    "قليلا": (0.6, "previous"), "شوية": (0.6, "either"), "شوي": (0.6, "either"),
    "نسبيا": (0.7, "either"), "تقريبا": (0.8, "either"), "بعض الشيء": (0.7, "previous"),
    "نوعا ما": (0.7, "previous"), "إلى حد ما": (0.7, "previous"), "لحد ما": (0.7, "previous"),
}  # fmt: skip

#: words after which the rest of a sentence weighs more (and what came before less)
CONTRAST_WORDS: frozenset[str] = frozenset(
    ("لكن", "ولكن", "لكنه", "لكنها", "لكني", "لكنني", "لكنهم", "لكننا", "لكنك", "بس",
     "إلا أن", "غير أن", "بيد أن", "مع ذلك", "ومع ذلك")
)  # fmt: skip

_PREPOSITIONS = frozenset(("عن", "من", "في", "علي", "الي", "مع", "ضد", "لدي", "عند", "بسبب"))

# Clause punctuation ends a negation's reach; quotes and brackets do not.
_CLAUSE_PUNCT = frozenset("،,؛;.!?؟:…")


def _target(units: list[_Unit], i: int, side: str) -> int | None:
    """The sentiment word an intensifier at ``i`` modifies: the nearest word on its side, skipping other intensifiers."""

    def neighbour(step: int) -> int | None:
        j = i + step
        while 0 <= j < len(units) and units[j].role == "intensifier":
            j += step
        return j if 0 <= j < len(units) and units[j].role == "sentiment" else None

    if side == "previous":
        return neighbour(-1)
    if side == "next":
        return neighbour(1)
    left = neighbour(-1)
    return left if left is not None else neighbour(1)
