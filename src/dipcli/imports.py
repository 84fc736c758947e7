"""Importing one module of a large package without running the package's ``__init__``.

``import nltk`` runs all of NLTK, SciPy and scikit-learn included, and
``import sklearn`` a good part of SciPy: over a second before the first
sentence, for commands that need one module of each (Punkt; a stop-word list).
:func:`submodule` enters the packages on the way as bare modules
(``importlib.util.module_from_spec``, not executed), imports the module, and
takes everything imported under the top package out of ``sys.modules`` again:
the module objects live on through the references the caller keeps, and a
later ``import nltk`` anywhere runs the whole package as usual.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from types import ModuleType

_LOCK = threading.Lock()  # a threaded Dask worker may start two articles at once


def submodule(name: str, *, without: tuple[str, ...] = ()) -> ModuleType:
    """The module ``name`` ("nltk.tokenize.punkt"), imported without its packages' ``__init__``.

    ``without`` names optional modules that ``name`` tries to import and the caller never
    uses ("scipy.stats", which NLTK's association measures import for Fisher's exact test
    alone: a second of start-up): while ``name`` is imported they look absent, unless
    something imported them already. When the top package is imported already, or anything
    goes wrong on the bare path (a future version needs more of its package), this is the
    ordinary import.
    """
    parts = name.split(".")
    packages = [".".join(parts[:i]) for i in range(1, len(parts))]
    top = parts[0]
    with _LOCK:
        if top not in sys.modules:
            before = set(sys.modules)
            hidden = [module for module in without if module not in sys.modules]
            try:
                for module in hidden:
                    sys.modules[module] = None  # an import of it raises ImportError
                for package in packages:
                    sys.modules[package] = importlib.util.module_from_spec(importlib.util.find_spec(package))
                return importlib.import_module(name)
            except Exception:  # noqa: BLE001 - any failure: fall back to the ordinary import below
                pass
            finally:
                for module in hidden:
                    del sys.modules[module]
                for module in set(sys.modules) - before:
                    if module == top or module.startswith(top + "."):
                        del sys.modules[module]
        return importlib.import_module(name)
