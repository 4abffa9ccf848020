"""Every lesson runs top to bottom in a fresh kernel, on the shipped data and on another corpus.

The prose of a lesson quotes the figures its cells print; ``FIGURES`` pairs each quoted
figure with the printed line it comes from, so a lesson whose numbers change fails here
until its prose is updated.
"""

import csv
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

import arabtext as at

ROOT = Path(__file__).parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
ids = [p.stem for p in NOTEBOOKS]

#: what a lesson prints when it cannot do a section: never in a run on the shipped data
SKIP_MESSAGE = re.compile(r"skipp|is not here|is absent|not on this machine|has no '|does not include", re.IGNORECASE)

#: (printed line with the figure, the prose that quotes it): each regex captures the figure
FIGURES = {
    "01_arabic_text_basics": [
        (r"corpus: [\d,]+ documents, ([\d,]+) words", r"On the news sample \(([\d,]+) words\)"),
        (r"tashkeel merges ([\d,]+) types", r"tashkeel merges\s+\*\*([\d,]+)\*\*"),
        (r"types, alef ([\d,]+),", r"alef step follows with \*\*([\d,]+)\*\*"),
        (r"alef_maqsura ([\d,]+)", r"alef maqsura with \*\*([\d,]+)\*\*"),
        (r"would merge ([\d,]+) more", r"would merge \*\*([\d,]+)\*\* more"),
        (r"all steps together: ([\d.]+%)", r"by only\s+\*\*([\d.]+%)\*\*"),
        (r"most diacritics: Al Arabiya, ([\d.]+)", r"Al Arabiya puts a diacritic on \*\*([\d.]+)\*\*"),
        (r"fewest: France24 Arabic, ([\d.]+)", r"France24 Arabic on \*\*([\d.]+)\*\*"),
        (r"in the corpus: ([\d,]+) normalized types", r"([\d,]+) normalized types become"),
        (r"in the corpus: [\d,]+ normalized types, ([\d,]+) light stems", r"become ([\d,]+) light stems"),
        (r"stems per normalized type: (\d+%)", r"light stems, \*\*(\d+%)\*\*"),
        (r"in the corpus: [\d,]+ normalized types, [\d,]+ light stems, ([\d,]+) lemmas", r"the same types are ([\d,]+) lemmas"),
        (r"lemmas per normalized type: (\d+%)", r"lemmas, \*\*(\d+%)\*\*"),
        (r"the article: [\d,]+ types, [\d,]+ light stems, ([\d,]+) lemmas", r"the lemmas are ([\d,]+): "),
        (r"Heaps' exponent of the normalized words: ([\d.]+)", r"Heaps' exponent is about \*\*([\d.]+)\*\*"),
    ],
    "02_word_frequency": [
        (r"([\d,]+) words, [\d,]+ different words", r"news sample \(([\d,]+) words\)"),
        (r"top five: (.+)", r"top five are \*\*(.+?)\*\*"),
        (r"the corpus: Zipf exponent s = ([\d.]+)", r"close to 1, \*\*([\d.]+)\*\*"),
        (r"the corpus: Zipf exponent s = [\d.]+, R² = ([\d.]+)", r"\$R\^2\$ is \*\*([\d.]+)\*\*"),
        (r"10 times or more: s = ([\d.]+)", r"10 times or more it is \*\*([\d.]+)\*\*"),
        (r"the corpus: TTR = ([\d.]+)", r"TTR has collapsed to \*\*([\d.]+)\*\*"),
        (r"the corpus: TTR = [\d.]+   MATTR \(100 words\) = ([\d.]+)", r"MATTR stays at \*\*([\d.]+)\*\*"),
        (r"'sport' articles against all others: ([\d,]+) against", r"the ([\d,]+) sport articles"),
        (r"against all others: [\d,]+ against ([\d,]+) documents", r"in the ([\d,]+) other articles"),
        (r"key in the target: (.+)", r"sport articles are marked by \*\*(.+?)\*\*"),
        (r"key in the reference: (.+)", r"other articles are marked by\s+\*\*(.+?)\*\*"),
        (r"Al Arabiya: (\S+)", r"most key word is \*\*(\S+?)\*\*"),
        (r"Sky News Arabia: (\S+)", r"Sky News Arabia's is \*\*(\S+?)\*\*"),
    ],
    "03_collocations": [
        (r"top pair by G²: (.+)", r"top pair by G² is\s+\*\*(.+?)\*\*"),
        (r"top sport pair by G²: (.+)", r"sport articles, \*\*(.+?)\*\*"),
        (r"collocates of القوات by G²: (.+)", r"القوات by G² are \*\*(.+?)\*\*"),
        (r"([\d,]+) concordance lines", r"The ([\d,]+) lines\s+of the concordance"),
        (r"مفاوض\*: ([\d,]+) hits", r"`مفاوض\*` finds \*\*([\d,]+)\*\* hits"),
        (r"most evenly spread: (\S+)", r"the most evenly spread is \*\*(\S+?)\*\*"),
        (r"most clumped: (\S+)", r"The most clumped is \*\*(\S+?)\*\*"),
    ],
    "04_sentiment": [
        (r"ajgt, model: accuracy ([\d.]+)", r"On AJGT the model is right \*\*([\d.]+)\*\*"),
        (r"ajgt, lexicon: accuracy ([\d.]+)", r"of the time, the lexicon \*\*([\d.]+)\*\*"),
        (r"arsarcasm, model: accuracy ([\d.]+)", r"the model reaches \*\*([\d.]+)\*\*"),
        (r"arsarcasm, lexicon: accuracy ([\d.]+)", r"and the lexicon \*\*([\d.]+)\*\*\."),
        (r"found a sentiment word in (\d+%)", r"finds a\s+sentiment word in only \*\*(\d+%)\*\*"),
        (r"sarcastic tweets: lexicon ([\d.]+)", r"to \*\*([\d.]+)\*\* on sarcastic"),
        (r"sarcastic tweets: lexicon [\d.]+, model ([\d.]+)", r"often \(\*\*([\d.]+)\*\*\)"),
        (r"model [\d.]+, (\d+%) negative", r"\*\*(\d+%)\*\* of them are negative"),
    ],
}


def _tags(cell) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def _run(path: Path, **parameters) -> tuple[nbformat.NotebookNode, float]:
    """The lesson executed in a fresh kernel, with ``parameters`` injected after its parameters cell (as papermill does)."""
    nb = nbformat.read(path, as_version=4)
    if parameters:
        at_params = next(i for i, c in enumerate(nb.cells) if "parameters" in _tags(c))
        source = "\n".join(f"{name} = {value!r}" for name, value in parameters.items())
        nb.cells.insert(at_params + 1, nbformat.v4.new_code_cell(source))
    client = NotebookClient(nb, timeout=180, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    client.execute()
    return nb, time.perf_counter() - start


def _printed(nb: nbformat.NotebookNode) -> str:
    return "".join(out.get("text", "") for cell in nb.cells for out in cell.get("outputs", []) if out.get("output_type") == "stream")


def _check_outputs(nb: nbformat.NotebookNode, name: str) -> None:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"{name}: {out.get('ename')}: {out.get('evalue')}"
    assert "missing from font" not in _printed(nb), f"{name}: a glyph is missing from the font"


@pytest.fixture(scope="module", params=NOTEBOOKS, ids=ids)
def executed(request):
    """Each lesson executed once on the shipped data, shared by the tests below."""
    nb, seconds = _run(request.param)
    print(f"{request.param.name} executed in {seconds:.1f} s")
    return request.param, nb


@pytest.mark.slow
def test_notebook_runs_top_to_bottom_with_no_section_skipped(executed):
    path, nb = executed
    _check_outputs(nb, path.name)
    skipped = [line for line in _printed(nb).splitlines() if SKIP_MESSAGE.search(line)]
    assert not skipped, f"{path.name} skipped a section on the shipped data: {skipped}"


@pytest.mark.slow
def test_the_prose_quotes_the_figures_the_cells_print(executed):
    path, nb = executed
    printed = _printed(nb)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert FIGURES[path.stem], f"{path.name}: no figures checked"
    for printed_re, prose_re in FIGURES[path.stem]:
        out, said = re.search(printed_re, printed), re.search(prose_re, prose)
        assert out, f"{path.name}: no printed line matches {printed_re!r}"
        assert said, f"{path.name}: the prose no longer quotes {prose_re!r}"
        assert said.group(1).strip() == out.group(1).strip(), (
            f"{path.name}: the prose says {said.group(1)!r} where the cell printed {out.group(1)!r}"
        )
    if path.stem == "04_sentiment":
        # the tweets the prose discusses are among the mistakes the cell lists
        listed = re.search(r"ids of the most confident mistakes: (.+)", printed).group(1).split(", ")
        discussed = re.findall(r"\*\*Tweet (\d+)\*\*", prose)
        assert len(discussed) >= 3 and set(discussed) <= set(listed), (discussed, listed)


@pytest.fixture(scope="module")
def other_corpus(tmp_path_factory):
    """Other data, as an instructor brings it: a folder of 200 news articles whose metadata.csv has a
    title but no category or source, and a CSV of labelled tweets with AJGT's spelling of the labels."""
    folder = tmp_path_factory.mktemp("instructor")
    articles = folder / "articles"
    articles.mkdir()
    news = list(at.load_corpus("news"))[::-10][:200]  # from the end: another first article, another mix
    with (articles / "metadata.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["file", "title"])
        for number, d in enumerate(news):
            (articles / f"article{number:03d}.txt").write_text(d.text, encoding="utf-8")
            writer.writerow([f"article{number:03d}.txt", d.meta["title"]])
    labelled = folder / "labelled.csv"
    with labelled.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "label"])
        for d in list(at.load_corpus("arsarcasm"))[::5]:
            if d.meta["label"] != "neutral":
                writer.writerow([d.id, d.text, d.meta["label"].capitalize()])
    return articles, labelled


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_each_lesson_runs_on_another_corpus(path, other_corpus):
    articles, labelled = other_corpus
    parameters = {"CORPUS": str(articles)}
    if path.stem == "04_sentiment":
        parameters["LABELLED"] = [str(labelled)]
    nb, seconds = _run(path, **parameters)
    print(f"{path.name} on another corpus executed in {seconds:.1f} s")
    _check_outputs(nb, path.name)
    printed = _printed(nb)
    assert "200 documents" in printed
    if path.stem != "04_sentiment":
        # the sections that group by metadata say plainly that this corpus lacks their field
        assert re.search(r"has no '(category|source)' field", printed), printed[-2000:]
    else:
        assert re.search(r"labelled\.csv, model: accuracy 0\.\d+", printed)
        assert "LABELLED does not include 'arsarcasm'" in printed


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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=ids)
def test_no_lesson_reads_outside_the_project(path):
    """A student has arabtext and nothing beside it: no lesson may point at ../shared or any folder above."""
    text = path.read_text(encoding="utf-8")
    assert "shared/data" not in text and "../" not in text, f"{path.name} points outside the project"


def test_student_copies_have_no_solutions(tmp_path):
    if not NOTEBOOKS:
        pytest.skip("no notebooks yet")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lessons.py"), "student", str(tmp_path)], check=True)
    for path in NOTEBOOKS:
        original = json.loads(path.read_text(encoding="utf-8"))["cells"]
        copy = json.loads((tmp_path / path.name).read_text(encoding="utf-8"))["cells"]
        assert not [c for c in copy if "solution" in _tags(c)]
        assert len(copy) == len(original) - sum("solution" in _tags(c) for c in original)
