"""Build the lessons for students and readers.

    python scripts/build_lessons.py student build/student   # copies without solution cells
    python scripts/build_lessons.py html build/lessons      # executed, as HTML pages

Solutions live in code cells tagged ``solution``; the student copy removes
them and keeps the exercise text, so an instructor hands out the same lesson.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
from nbconvert import HTMLExporter, NotebookExporter
from nbconvert.preprocessors import ExecutePreprocessor, TagRemovePreprocessor

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def student(out_dir: Path) -> list[Path]:
    """Write each lesson without its solution cells to ``out_dir``."""
    exporter = NotebookExporter()
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={"solution"}, enabled=True), enabled=True)
    return [_write(exporter, nb, out_dir, ".ipynb") for nb in sorted(NOTEBOOKS.glob("*.ipynb"))]


def html(out_dir: Path, timeout: int = 120) -> list[Path]:
    """Execute each lesson in a fresh kernel and write it as a standalone HTML page."""
    exporter = HTMLExporter(embed_images=True)
    exporter.register_preprocessor(ExecutePreprocessor(timeout=timeout, kernel_name="python3"), enabled=True)
    return [_write(exporter, nb, out_dir, ".html") for nb in sorted(NOTEBOOKS.glob("*.ipynb"))]


def _write(exporter, path: Path, out_dir: Path, suffix: str) -> Path:
    nb = nbformat.read(path, as_version=4)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"path": str(NOTEBOOKS)}})
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / (path.stem + suffix)
    target.write_text(body, encoding="utf-8")
    print(f"wrote {target}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["student", "html"])
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    built = student(args.out_dir) if args.what == "student" else html(args.out_dir)
    if not built:
        print(f"no notebooks found in {NOTEBOOKS}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
