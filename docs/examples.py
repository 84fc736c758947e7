"""Keep the README's examples true: rerun every ``console`` block and compare or rewrite.

Each example in README.md is a fenced ``console`` block whose first line is ``$ COMMAND``; the
rest is what the command printed (stdout and stderr together, as a terminal shows them) in a
100-column terminal. An HTML comment right before the fence may say ``<!-- example: lines=N -->``:
only the first N lines are kept, followed by a line ``…``.

    python docs/examples.py            # exit 1 and list the examples whose output changed
    python docs/examples.py --write    # rewrite README.md with the current output

Commands run with bash in a scratch folder that links the repository's ``tests`` and ``docs``
folders, with
this interpreter's ``bin`` folder first on PATH, so ``dipcli`` is the checkout's.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
WIDTH = 100
BLOCK = re.compile(
    r"(?:<!-- example: lines=(?P<lines>\d+) -->\n)?```console\n\$ (?P<command>[^\n]*)\n(?P<output>.*?)```",
    re.DOTALL,
)


@dataclass(frozen=True)
class Example:
    command: str
    output: str
    lines: int | None
    start: int
    end: int


def examples(text: str) -> list[Example]:
    """Every console block of the README, in order."""
    found = []
    for match in BLOCK.finditer(text):
        lines = int(match["lines"]) if match["lines"] else None
        found.append(Example(match["command"], match["output"], lines, match.start("output"), match.end("output")))
    return found


def run(example: Example, workdir: Path) -> str:
    """What the example's command prints now, cut as the example says."""
    env = dict(os.environ, COLUMNS=str(WIDTH), LINES="50", TERM="dumb")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.pop("NO_COLOR", None)
    done = subprocess.run(
        ["bash", "-c", f"( {example.command} ) 2>&1"],
        cwd=workdir, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False,
    )
    lines = done.stdout.splitlines()
    if example.lines is not None:
        lines = lines[: example.lines] + ["…"]
    return "".join(f"{line}\n" for line in lines)


def current(text: str) -> list[tuple[Example, str]]:
    """Each example with its command's output now."""
    found = examples(text)
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        for folder in ("tests", "docs"):
            (workdir / folder).symlink_to(ROOT / folder)
        with ThreadPoolExecutor(max_workers=2) as pool:
            outputs = list(pool.map(lambda example: run(example, workdir), found))
    return list(zip(found, outputs, strict=True))


def rewrite(text: str, results: list[tuple[Example, str]]) -> str:
    """The README with every example's output replaced by its current output."""
    for example, output in reversed(results):
        text = text[: example.start] + output + text[example.end :]
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite README.md instead of checking it")
    args = parser.parse_args()
    text = README.read_text(encoding="utf-8")
    results = current(text)
    stale = [example.command for example, output in results if output != example.output]
    if args.write:
        README.write_text(rewrite(text, results), encoding="utf-8")
        print(f"rewrote {len(stale)} of {len(results)} examples", file=sys.stderr)
        return 0
    for command in stale:
        print(f"stale: $ {command}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
