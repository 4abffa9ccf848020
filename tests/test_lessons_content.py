"""Conventions of the lesson notebooks that tests/test_notebooks.py does not execute to check.

Stored notebooks carry no outputs; the parameters cell comes before any other code (papermill
injects its values right after it); every exercise is followed by its solution; Arabic
paragraphs in markdown are laid out right to left.
"""

import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).parents[1] / "notebooks").glob("*.ipynb"))
ids = [p.stem for p in NOTEBOOKS]

RTL_P = '<p dir="rtl" style="text-align:right">'
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    return "".join(cell["source"])


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_stored_without_outputs(path):
    dirty = [i for i, c in enumerate(_cells(path)) if c["cell_type"] == "code" and (c.get("outputs") or c.get("execution_count"))]
    assert not dirty, f"{path.name}: cells {dirty} keep outputs or execution counts; store the lesson cleared"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_parameters_cell_is_the_first_code_cell(path):
    code = [c for c in _cells(path) if c["cell_type"] == "code"]
    assert code and "parameters" in _tags(code[0]), f"{path.name}: the first code cell must be the one tagged 'parameters'"
    assert "load_corpus" not in _source(code[0]), f"{path.name}: the parameters cell holds values only"


def _has_exercise(cell: dict) -> bool:
    return cell["cell_type"] == "markdown" and any(line.startswith("### Exercise") for line in _source(cell).splitlines())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_every_exercise_is_followed_by_its_solution(path):
    cells = _cells(path)
    exercises = [i for i, c in enumerate(cells) if _has_exercise(c)]
    assert len(exercises) >= 3, f"{path.name}: {len(exercises)} exercises"
    for i in exercises:
        nxt = cells[i + 1] if i + 1 < len(cells) else None
        assert nxt is not None and nxt["cell_type"] == "code" and "solution" in _tags(nxt), (
            f"{path.name}: the exercise in cell {i} is not followed by a code cell tagged 'solution'"
        )
    # a solution without its exercise text would vanish from the student copy unexplained
    for i, c in enumerate(cells):
        if "solution" in _tags(c):
            assert i - 1 in exercises or "solution" in _tags(cells[i - 1]), (
                f"{path.name}: solution cell {i} follows neither an exercise nor another solution cell"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_arabic_paragraphs_are_right_to_left(path):
    """A markdown line written in Arabic only (no Latin letters) must sit in an RTL paragraph.

    Arabic words inside English prose are fine: the browser orders each run by itself.
    """
    for i, c in enumerate(_cells(path)):
        if c["cell_type"] != "markdown":
            continue
        for line in _source(c).splitlines():
            if line.lstrip().startswith("|") or not _ARABIC.search(line) or _LATIN.search(line.replace(RTL_P, "")):
                continue
            assert line.strip().startswith(RTL_P) and line.strip().endswith("</p>"), (
                f"{path.name}, cell {i}: Arabic line outside {RTL_P}…</p>: {line!r}"
            )
