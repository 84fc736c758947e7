"""Packaging facts that drift silently: the lowest-versions pins match pyproject's floors."""
from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]


def declared() -> dict[str, Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    reqs += [Requirement(r) for extra in project["optional-dependencies"].values() for r in extra]
    return {canonicalize_name(r.name): r for r in reqs}


def pinned() -> dict[str, Version]:
    out = {}
    for line in (ROOT / "ci" / "lowest.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            out[canonicalize_name(name)] = Version(version)
    return out


def test_every_direct_dependency_is_pinned_at_its_floor():
    reqs, pins = declared(), pinned()
    assert set(pins) == set(reqs)
    for name, req in reqs.items():
        floors = [Version(s.version) for s in req.specifier if s.operator == ">="]
        assert len(floors) == 1, f"{name}: declare one floor (>=)"
        assert pins[name] == floors[0], f"{name}: ci/lowest.txt pins {pins[name]}, pyproject's floor is {floors[0]}"
        assert req.specifier.contains(pins[name])


def test_ci_runs_the_lowest_versions_job():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in run and "make test-lowest" in run
    assert "ci/lowest.txt" in (ROOT / "Makefile").read_text(encoding="utf-8")
