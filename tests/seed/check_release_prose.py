#!/usr/bin/env python3
"""Checks that the 1Q02 release generated from examples/iij contains every
phrase of release_prose.txt (the seed release's figures in the seed's form).

Usage: check_release_prose.py KESSAN SOURCE_DIR
"""
import subprocess
import sys
from pathlib import Path


def main(argv):
    kessan, src = argv[1], Path(argv[2])
    phrases = [line for line in (Path(__file__).parent / "release_prose.txt").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    release = subprocess.run([kessan, "release", str(src / "examples/iij"), "--period", "1Q02", "--format", "md"],
                             capture_output=True, text=True)
    if release.returncode != 0:
        print(release.stderr, file=sys.stderr)
        return 1
    missing = [p for p in phrases if p not in release.stdout]
    for p in missing:
        print(f"missing: {p}")
    print(f"{len(phrases) - len(missing)}/{len(phrases)} phrases found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
