"""The README's examples are what the commands print today (docs/examples.py reruns them)."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_examples():
    spec = importlib.util.spec_from_file_location("readme_examples", ROOT / "docs" / "examples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_every_readme_example_prints_what_the_readme_shows():
    examples = load_examples()
    results = examples.current(examples.README.read_text(encoding="utf-8"))
    assert len(results) >= 10, "the README lost its examples"
    stale = [example.command for example, output in results if output != example.output]
    assert not stale, f"README examples out of date (run `python docs/examples.py --write`): {stale}"


def test_an_example_is_cut_where_its_comment_says():
    examples = load_examples()
    text = "<!-- example: lines=1 -->\n```console\n$ printf 'a\\nb\\nc\\n'\nold\n```\n"
    [(example, output)] = examples.current(text)
    assert example.lines == 1
    assert output == "a\n…\n"
    assert examples.rewrite(text, [(example, output)]).endswith("$ printf 'a\\nb\\nc\\n'\na\n…\n```\n")
