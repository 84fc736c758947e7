"""One module of NLTK or scikit-learn without their packages' __init__, and the packages still whole later."""
from __future__ import annotations

import subprocess
import sys

# Fresh interpreters: the test process has imported both packages already.
STOP_WORDS_THEN_SKLEARN = """
import sys
from dipcli import terms

stop = terms.stop_words()
print("the" in stop and "sanctions" not in stop, sorted(m for m in ("sklearn", "scipy") if m in sys.modules))

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer  # the package, whole
print(ENGLISH_STOP_WORDS - terms._NOT_STOP <= stop, TfidfVectorizer.__name__)
"""


def test_stop_words_load_without_scikit_learn():
    out = subprocess.run([sys.executable, "-c", STOP_WORDS_THEN_SKLEARN], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["True []", "True TfidfVectorizer"]


def test_a_package_already_imported_is_used_as_it_is():
    import sklearn.feature_extraction._stop_words as whole

    from dipcli.imports import submodule

    assert submodule("sklearn.feature_extraction._stop_words") is whole


def test_a_module_that_needs_its_package_comes_the_ordinary_way(tmp_path):
    package = tmp_path / "needy"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = 42\n")
    (package / "mod.py").write_text("from needy import VALUE\n")  # fails while the package is bare
    probe = "from dipcli.imports import submodule; print(submodule('needy.mod').VALUE)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(tmp_path), "PATH": ""}, cwd=tmp_path).stdout
    assert out.strip() == "42"


KEYWORDS_THEN_NLTK = """
import sys
from typer.testing import CliRunner
from dipcli.cli import app
from dipcli.environment import Environment

r = CliRunner().invoke(app, ["keywords", "--format", "json", "--no-cache"], obj=Environment(stdin_isatty=True))
print(r.exit_code, r.stdout.lstrip().startswith("["),
      sorted(m for m in ("nltk", "sklearn", "scipy.stats") if m in sys.modules))

import nltk  # the whole package still imports, SciPy's Fisher test included
print(callable(nltk.collocations.BigramCollocationFinder.from_words),
      sys.modules["nltk.metrics.association"].fisher_exact.__module__.startswith("scipy"))
"""


def test_keywords_load_neither_nltk_nor_scikit_learn_whole():
    out = subprocess.run([sys.executable, "-c", KEYWORDS_THEN_NLTK], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["0 True []", "True True"]


def test_a_module_left_out_looks_absent_only_while_the_submodule_imports(tmp_path):
    package = tmp_path / "host"
    package.mkdir()
    (package / "__init__.py").write_text("raise RuntimeError('the package __init__ ran')\n")
    (package / "mod.py").write_text(
        "try:\n    import json as OPTIONAL\nexcept ImportError:\n    OPTIONAL = None\n")
    probe = ("import sys; sys.modules.pop('json', None)\n"
             "from dipcli.imports import submodule\n"
             "mod = submodule('host.mod', without=('json',))\n"
             "import json\n"
             "print(mod.OPTIONAL is None, json.dumps(1))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(tmp_path), "PATH": ""}, cwd=tmp_path).stdout
    assert out.strip() == "True 1"
