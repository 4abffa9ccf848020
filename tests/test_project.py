"""The set-up promises: two commands, matching dependency lists, a fast offline import."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).parents[1]


def _name_and_spec(requirement: str) -> tuple[str, str]:
    m = re.match(r"\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(.*)", requirement)
    return m.group(1).lower().replace("_", "-"), m.group(3).replace(" ", "")


def _pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    reqs = project["dependencies"] + [r for group in extras.values() for r in group if not r.startswith("arabtext")]
    pairs = dict(_name_and_spec(r) for r in reqs)
    # conda splits dask[distributed] into two packages
    if "dask" in pairs:
        pairs["distributed"] = pairs["dask"]
    return pairs


def _environment_requirements() -> dict[str, str]:
    lines = (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines()
    start = lines.index("dependencies:")
    items = [line.strip()[2:] for line in lines[start + 1 :] if line.strip().startswith("- ")]
    pairs = dict(_name_and_spec(item) for item in items)
    del pairs["python"], pairs["pip"]
    return pairs


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    assert _environment_requirements() == _pyproject_requirements()


def test_readme_quick_start_is_exactly_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make lab", "make test"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test\b", ci, re.M)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("lab", "test"):
        assert re.search(rf"^{target}:", makefile, re.M)


def test_import_is_fast_and_loads_no_heavy_library():
    code = (
        "import sys, time; t = time.perf_counter(); import arabtext; dt = time.perf_counter() - t; "
        "heavy = [m for m in ('pandas', 'numpy', 'matplotlib', 'wordcloud') if m in sys.modules]; "
        "print(dt, ','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out[1:] == [], f"import arabtext loaded {out[1:]}"


def test_every_public_name_resolves():
    import arabtext

    for name in arabtext.__all__:
        assert getattr(arabtext, name) is not None, name
    assert callable(arabtext.normalize) and callable(arabtext.tokenize)


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, f"{path.name}: outputs stored"


def test_nothing_from_shared_is_tracked():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split("\n")
    if not tracked or tracked == [""]:
        pytest.skip("not a git checkout")
    big = [p for p in tracked if p and (ROOT / p).is_file() and (ROOT / p).stat().st_size > 2_000_000]
    assert big == []
