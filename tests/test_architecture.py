"""The shape of the package: subpackages that import one way, no cycles, old paths kept or explained.

Every import in arabtext/ is read from the source (module level, inside
functions and under TYPE_CHECKING alike), so a dependency cannot hide in a
function body.
"""

import ast
import importlib
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

import arabtext
from arabtext import _moved

PACKAGE = Path(arabtext.__file__).parent

#: which subpackages each subpackage may import (besides itself and the base modules)
ALLOWED = {
    "text": set(),
    "corpus": {"text"},
    "counting": {"text", "corpus"},
    "display": {"text"},
    "analysis": {"text", "corpus", "counting"},
    # explain_html highlights words with display.markup
    "sentiment": {"text", "corpus", "display"},
    "report": {"text", "corpus", "counting", "analysis", "sentiment", "display"},
    "cli": {"text", "corpus", "counting", "analysis", "sentiment", "display", "report"},
    # the explorer is a front end, like the command line; nothing imports it
    "explorer": {"text", "corpus", "counting", "analysis", "display"},
}
#: modules every part may import: they import nothing of arabtext themselves
BASE = {"arabtext._lazy", "arabtext._version"}

#: arabtext.__all__ of version 0.1, which 0.2 keeps
API_0_1 = sorted(
    "chars STEPS Normalizer Step normalize segment segment_text light_stem stopwords Token sentence_spans sentences "
    "tokenize tokens load_corpus iter_documents Corpus Document CorpusError CorpusWarning ar shapes_arabic "
    "force_shaping rtl rtl_html show_rtl highlight_html kwic_html arabic_font arabic_font_path font_covers "
    "missing_glyphs bar_top_words zipf_plot dispersion_plot sentiment_arc word_cloud show_word_cloud word_counts "
    "freq_table ngrams zipf ttr mattr keyness TermCounts collocations collocates kwic BigramCounts count_corpus "
    "count_ngrams CorpusCounts Lexicon SentimentAnalyzer SentimentResult SentimentModel evaluate Evaluation "
    "health_check report_html write_report".split()
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str:
    """The module ``name`` is, or the one that defines it (``arabtext.text.normalize`` → ``arabtext.text``)."""
    while name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _imports(module: str) -> set[str]:
    """The arabtext modules ``module`` imports anywhere in its source."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    is_package = MODULES[module].name == "__init__.py"
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {_resolve(a.name) for a in node.names if a.name.split(".")[0] == "arabtext"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if source.split(".")[0] != "arabtext":
                continue
            for alias in node.names:
                found.add(_resolve(f"{source}.{alias.name}"))
    return found - {module}


GRAPH = {m: _imports(m) for m in MODULES}


def _subpackage(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) >= 2 and (PACKAGE / parts[1]).is_dir():
        return parts[1]
    return None


def test_the_walk_sees_every_kind_of_import():
    # function-level, TYPE_CHECKING and relative imports are all edges
    assert "arabtext.display.fonts" in GRAPH["arabtext.display.shaping"]  # inside a function
    assert "arabtext.text.normalization" in GRAPH["arabtext.display.shaping"]  # under TYPE_CHECKING
    assert "arabtext._lazy" in GRAPH["arabtext.text"]
    assert len(MODULES) > 40


def test_subpackages_import_only_the_layers_below_them():
    wrong = []
    for module, imported in GRAPH.items():
        part = _subpackage(module)
        if part is None:
            continue
        for other in imported - BASE:
            target = _subpackage(other)
            if target != part and target not in ALLOWED[part]:
                wrong.append(f"{module} imports {other}")
    assert not wrong, "\n".join(wrong)


def test_base_modules_import_nothing_of_arabtext():
    for module in BASE | {"arabtext._moved"}:
        assert GRAPH[module] == set(), module


def test_there_is_no_import_cycle():
    # depth-first search; a grey module met again closes a cycle
    state: dict[str, str] = {}
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = "grey"
        for other in sorted(GRAPH[module]):
            if state.get(other) == "grey":
                cycles.append(" → ".join(path[path.index(other) :] + [module, other]) if other in path else f"{module} → {other}")
            elif other not in state:
                visit(other, path + [module])
        state[module] = "black"

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [])
    assert not cycles, "\n".join(cycles)


def test_every_subpackage_says_what_lives_there():
    for part in ALLOWED:
        doc = importlib.import_module(f"arabtext.{part}").__doc__
        assert doc and len(doc.strip().splitlines()[0]) > 30, part


def test_no_exported_name_is_also_a_submodule_name():
    # importing the submodule would rebind the package attribute from the function to the module
    for package in ["arabtext", *(f"arabtext.{p}" for p in ALLOWED)]:
        module = importlib.import_module(package)
        folder = Path(module.__file__).parent
        submodules = {p.stem for p in folder.glob("*.py")} | {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}
        clashes = {name for name in module.__all__ if name in submodules} - {"chars"}
        assert not clashes, f"{package}: {sorted(clashes)}"
    assert arabtext.chars is importlib.import_module("arabtext.text.chars")


def test_no_module_swaps_its_class():
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign):
                assert not any(isinstance(t, ast.Attribute) and t.attr == "__class__" for t in node.targets), module


def test_the_public_api_of_0_1_is_kept():
    assert set(API_0_1) <= set(arabtext.__all__)
    for name in API_0_1:
        assert getattr(arabtext, name) is not None
    # importing a subpackage or a module leaves the functions in place
    importlib.import_module("arabtext.analysis.cooccurrence")
    importlib.import_module("arabtext.text.normalization")
    assert callable(arabtext.collocations) and callable(arabtext.normalize)


def test_the_text_core_loads_no_pandas_or_numpy():
    # a method returning a DataFrame (Normalizer.explain) imports pandas when called, not before
    for module in GRAPH:
        if _subpackage(module) != "text":
            continue
        tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
        top = [n for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
        names = {a.name.split(".")[0] for n in top if isinstance(n, ast.Import) for a in n.names}
        names |= {n.module.split(".")[0] for n in top if isinstance(n, ast.ImportFrom) and n.module and not n.level}
        assert not names & {"pandas", "numpy", "matplotlib"}, module


@pytest.mark.parametrize("old", sorted(_moved.MOVED))
def test_an_old_module_path_still_imports_with_a_deprecation_warning(old):
    code = (
        "import warnings, importlib\n"
        "warnings.simplefilter('error')\n"
        "import arabtext\n"
        "try:\n"
        f"    importlib.import_module('arabtext.{old}')\n"
        "except DeprecationWarning as w:\n"
        "    print(w)\n"
        "warnings.simplefilter('ignore')\n"
        f"m = importlib.import_module('arabtext.{old}')\n"
        f"new = [importlib.import_module(t) for t in {_moved.MOVED[old]!r}]\n"
        "names = [n for t in new for n in getattr(t, '__all__', [k for k in vars(t) if not k.startswith('_')])]\n"
        "assert names and all(getattr(m, n) is next(getattr(t, n) for t in new if hasattr(t, n)) for n in names)\n"
        "assert callable(arabtext.normalize) and callable(arabtext.collocations)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert f"arabtext.{old} is deprecated" in run.stdout and _moved.MOVED[old][0] in run.stdout


@pytest.mark.parametrize("old", sorted(_moved.RENAMED))
def test_an_old_module_named_like_a_function_says_where_it_went(old):
    function = getattr(arabtext, old)
    with pytest.raises(ModuleNotFoundError, match=rf"arabtext\.{old}'.*{_moved.RENAMED[old].split()[0]}"):
        importlib.import_module(f"arabtext.{old}")
    assert getattr(arabtext, old) is function


def test_the_old_module_of_a_deprecated_path_names_the_importer():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sys.modules.pop("arabtext.health", None)
        exec("import arabtext.health", {})  # noqa: S102
    assert [w.filename for w in caught if w.category is DeprecationWarning] == ["<string>"]
