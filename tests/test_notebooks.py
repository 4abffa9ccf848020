"""Every lesson runs top to bottom in a fresh kernel and keeps the lesson conventions."""

import json
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ids = [p.stem for p in NOTEBOOKS]


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_notebook_runs_top_to_bottom(path):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    elapsed = time.perf_counter() - start
    print(f"{path.name} executed in {elapsed:.1f} s")
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            assert "missing from font" not in text, f"{path.name}: a glyph is missing from the font:\n{text}"
            assert out.get("output_type") != "error"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_lesson_conventions(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb["cells"]
    assert cells[0]["cell_type"] == "markdown" and "learning goals" in "".join(cells[0]["source"]).lower()
    params = [c for c in cells if "parameters" in _tags(c)]
    assert len(params) == 1 and "CORPUS = None" in "".join(params[0]["source"])
    solutions = [c for c in cells if "solution" in _tags(c)]
    assert len(solutions) >= 3, f"{path.name} has {len(solutions)} solution cells"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_student_copies_have_no_solutions(tmp_path):
    if not NOTEBOOKS:
        pytest.skip("no notebooks yet")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lessons.py"), "student", str(tmp_path)], check=True)
    for path in NOTEBOOKS:
        original = json.loads(path.read_text(encoding="utf-8"))["cells"]
        copy = json.loads((tmp_path / path.name).read_text(encoding="utf-8"))["cells"]
        assert not [c for c in copy if "solution" in _tags(c)]
        assert len(copy) == len(original) - sum("solution" in _tags(c) for c in original)
