"""The module paths of arabtext 0.1, kept working for one release with a ``DeprecationWarning``.

0.2 moved every module into a subpackage (see ARCHITECTURE.md). An old path
whose name no public function shares (``arabtext.frequency``) still imports,
giving the names of the modules it was split into. An old path named like a
public function (``arabtext.normalize``) cannot: importing it would rebind
``arabtext.normalize`` from the function to a module, so it fails with a
message naming the new module; the function itself is unchanged.
"""

from __future__ import annotations

import importlib
import sys
import types
import warnings
from importlib.machinery import ModuleSpec

#: old module -> the modules its names are in now, the main one first
MOVED = {
    "chars": ("arabtext.text.chars",),
    "inputs": ("arabtext.corpus.inputs",),
    "health": ("arabtext.corpus.health",),
    "parallel": ("arabtext.counting.engine", "arabtext.counting.tally"),
    "distributed": ("arabtext.counting.distributed",),
    "frequency": ("arabtext.analysis.frequency", "arabtext.analysis.vocabulary", "arabtext.analysis.keywords", "arabtext.counting.terms"),
    "association": ("arabtext.analysis.association",),
    "plots": ("arabtext.display.charts", "arabtext.display.clouds", "arabtext.display.fonts"),
    "sentiment_model": ("arabtext.sentiment.model",),
}
#: old modules named like a public function of arabtext -> where their contents are now
RENAMED = {
    "normalize": "arabtext.text.normalization",
    "tokenize": "arabtext.text.tokenizer (sentences: arabtext.text.sentence_splitter)",
    "segment": "arabtext.text.clitics",
    "stopwords": "arabtext.text.stoplist",
    "collocations": "arabtext.analysis.cooccurrence (kwic: arabtext.analysis.concordance, BigramCounts: arabtext.counting.pairs)",
    "evaluate": "arabtext.sentiment.metrics",
}


class _OldPaths:
    """Finds and loads ``arabtext.<old name>`` after the normal finders have not.

    A finder and loader by protocol only: the importlib.abc base classes would
    import importlib.resources and add ~20 ms to ``import arabtext``.
    """

    def __init__(self, package: str) -> None:
        self.package = package
        # the import system sets the old path's spec on the module it is given; put the real one back
        self._specs: dict[str, ModuleSpec | None] = {}

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> ModuleSpec | None:
        parent, _, name = fullname.rpartition(".")
        if parent != self.package:
            return None
        if name in RENAMED:
            raise ModuleNotFoundError(
                f"No module named {fullname!r}: since arabtext 0.2 its code is in {RENAMED[name]}; "
                f"the function {fullname} is unchanged (import arabtext as at; at.{name}(...))",
                name=fullname,
            )
        return ModuleSpec(fullname, self) if name in MOVED else None

    def create_module(self, spec: ModuleSpec) -> types.ModuleType:
        targets = MOVED[spec.name.rpartition(".")[2]]
        warnings.warn(
            f"{spec.name} is deprecated and will be removed in arabtext 0.3; import from {' or '.join(targets)}",
            DeprecationWarning,
            stacklevel=_caller_level(),
        )
        if len(targets) == 1:
            module = importlib.import_module(targets[0])
            self._specs[module.__name__] = module.__spec__
            return module
        modules = [importlib.import_module(t) for t in targets]
        alias = types.ModuleType(spec.name, f"Deprecated: the names of {', '.join(targets)}.")

        def __getattr__(name: str) -> object:
            for module in modules:
                if hasattr(module, name):
                    return getattr(module, name)
            raise AttributeError(f"module {spec.name!r} has no attribute {name!r}")

        alias.__getattr__ = __getattr__  # type: ignore[method-assign]
        return alias

    def exec_module(self, module: types.ModuleType) -> None:
        """Nothing to run (create_module made the module whole); only the real spec goes back."""
        if module.__name__ in self._specs:
            module.__spec__ = self._specs.pop(module.__name__)


def _caller_level() -> int:
    """The stacklevel of the import statement: past this file and the import machinery.

    ``warnings`` does not count the frames of importlib's bootstrap, so neither does this.
    """
    frame, level = sys._getframe(1), 1
    while frame is not None and frame.f_code.co_filename == __file__:
        frame, level = frame.f_back, level + 1
    while frame is not None and frame.f_code.co_filename.startswith("<frozen importlib"):
        frame = frame.f_back
    return level


def install(package: str) -> None:
    """Make the old paths of ``package`` importable (once per process)."""
    if not any(isinstance(f, _OldPaths) and f.package == package for f in sys.meta_path):
        sys.meta_path.append(_OldPaths(package))
