#!/usr/bin/env python3
"""Rebuilds the fuzz corpora (tests/fuzz/corpus/TARGET/) from the repository.

Seeds come from the golden cases (their `--- file` and `--- bytes`
sections) and the example books: journals, layouts and tables, release
templates, readings files, and the formulas of measures, layouts and
template placeholders. Each seed is named by the SHA-1 of its content, as
libFuzzer names the inputs it keeps. Seeds longer than the target's limit
are left out.

Usage: tests/fuzz/make_corpus.py        (replaces every corpus directory)
"""
import hashlib
import re
import shutil
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parents[1]
GOLDEN = ROOT / "tests" / "golden" / "cases"
EXAMPLES = ROOT / "examples"
MAX_LEN = {"journal": 65536, "formula": 4096, "template": 16384, "readings": 16384, "layout": 16384,
           "book": 65536}

# The files the book target replaces, in its order (book_fuzz.cpp).
BOOK_FILES = ["journal/main.journal", "journal/opening.journal", "layouts/income-statement.toml",
              "layouts/balance-sheet.toml", "layouts/cash-flows.toml", "tables/operating-statistics.toml",
              "tables/cost-of-sales.toml", "measures.toml", "releases/Q2 2025.md", "book.toml",
              "statistics/statistics.toml", "statistics/shipments.csv", "guidance.toml"]


def golden_files():
    """(name, bytes) of every file section of every golden case."""
    for case in sorted(GOLDEN.rglob("*.test")):
        name, body = None, None
        for line in case.read_text(encoding="utf-8", errors="surrogateescape").splitlines(keepends=True):
            m = re.match(r"^--- (\w+)(?: (.*))?\n?$", line)
            if m:
                if name is not None:
                    yield name, body
                kind = m.group(1)
                name = m.group(2) if kind in ("file", "bytes") else None
                body = b"" if name is not None else None
                escaped = kind == "bytes"
                continue
            if name is not None:
                raw = line.encode("utf-8", errors="surrogateescape")
                if escaped:
                    raw = re.sub(rb"\\x([0-9a-fA-F]{2})", lambda h: bytes([int(h.group(1), 16)]), raw)
                body += raw
        if name is not None:
            yield name, body


def formulas_of(text):
    found = re.findall(r'^\s*(?:formula|value)\s*=\s*"((?:[^"\\]|\\.)*)"', text, re.M)
    for inner in re.findall(r"\{\{(.*?)\}\}", text, re.S):
        inner = inner.strip()
        found.append(inner)
        words = inner.split(None, 1)
        if len(words) == 2:
            found.append(words[1])  # after a directive word ("compare x")
    return [f for f in found if f]


def main():
    seeds = {t: set() for t in MAX_LEN}
    for name, body in golden_files():
        if name.endswith(".journal"):
            seeds["journal"].add(body)
        elif name.endswith(".md"):
            seeds["template"].add(body)
        elif name.endswith(".csv"):
            seeds["readings"].add(body)
        elif name.endswith(".toml"):
            seeds["layout"].add(body)
    seeds["journal"].add((EXAMPLES / "sample.journal").read_bytes())
    for book in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        for f in sorted((book / "journal").glob("*.journal")):
            seeds["journal"].add(f.read_bytes())
        for f in sorted((book / "layouts").glob("*.toml")) + sorted((book / "tables").glob("*.toml")):
            seeds["layout"].add(f.read_bytes())
        for f in sorted((book / "releases").glob("*.md")):
            seeds["template"].add(f.read_bytes())
            # Each paragraph on its own: small inputs with one kind of placeholder.
            for paragraph in f.read_bytes().split(b"\n\n"):
                if b"{{" in paragraph:
                    seeds["template"].add(paragraph + b"\n")
        for f in sorted((book / "statistics").glob("*.csv")):
            seeds["readings"].add(f.read_bytes())
            lines = [l for l in f.read_bytes().splitlines(keepends=True) if not l.startswith(b"#")]
            for row in lines[1:6]:
                seeds["readings"].add(lines[0] + row)
        for f in sorted(book.rglob("*.toml")) + sorted((book / "releases").glob("*.md")):
            for formula in formulas_of(f.read_text(encoding="utf-8")):
                seeds["formula"].add(formula.encode())
    # The book: each of its files as it is, and some from the other book.
    nordlicht, iij = EXAMPLES / "nordlicht", EXAMPLES / "iij"
    for i, rel in enumerate(BOOK_FILES):
        seeds["book"].add(bytes([i]) + (nordlicht / rel).read_bytes())
    for i, other in [(2, "layouts/operations.toml"), (3, "layouts/balance-sheet.toml"), (4, "layouts/cash-flows.toml"),
                     (5, "tables/contracts.toml"), (6, "tables/gross-margins.toml"), (7, "measures.toml"),
                     (8, "releases/1Q02.md"), (10, "statistics/statistics.toml"), (11, "statistics/readings.csv"),
                     (12, "guidance.toml")]:
        seeds["book"].add(bytes([i]) + (iij / other).read_bytes())

    total = 0
    for target, items in seeds.items():
        out = FUZZ / "corpus" / target
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        for body in sorted(items):
            if not body or len(body) > MAX_LEN[target]:
                continue
            (out / hashlib.sha1(body).hexdigest()).write_bytes(body)
            total += len(body)
        print(f"{target}: {len(list(out.iterdir()))} inputs", file=sys.stderr)
    print(f"total: {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
