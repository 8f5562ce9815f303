#!/usr/bin/env python3
"""Checks a TSV rendering against the seed release's tables (tests/seed/expected).

Usage: check_tables.py OUTPUT.tsv [--tables NAME,...] [--values] [-v]

Each file in tests/seed/expected is one table of the IIJ 1Q02 release, copied
row for row from the release: a label, a tab, then one cell per column. The
checker finds each expected row in OUTPUT.tsv by its label, in order (rows in
between, such as titles and notes, are passed over), and compares every
non-empty cell:

- by value, exactly: "(1,234)" is -1234, "35.8%" and "35.8" are 35.8, "-" is
  zero, "n/a" and "n/m" are themselves; numbers are compared as fractions,
  never as floating point;
- by printing: the cell must read exactly as in the release, unless --values.

It prints one line per table ("NAME: OK/TOTAL cells, SAME printed identically")
and a last line for all tables, and exits 0 only when every cell matches (and,
without --values, prints identically). --tables limits the check to the named
tables (file names without the number and extension). -v lists every mismatch.
"""
import re
import sys
from fractions import Fraction
from pathlib import Path

EXPECTED = Path(__file__).resolve().parent / "expected"
FOOTNOTE = re.compile(r"⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|\(\d\)$")
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


def label_key(text):
    """A row's label without markup, footnote marks, dash and quote variants, case or extra spaces."""
    text = re.sub(r"</?i>", "", text)
    text = FOOTNOTE.sub("", text)
    text = text.replace("–", "-").replace("’", "'")
    return " ".join(text.split()).lower()


def cell_value(cell):
    """The value a printed cell stands for: a Fraction, a word such as 'n/a', or the text itself."""
    text = cell.strip()
    if text in ("-", "–", "—"):
        return Fraction(0)
    if text.lower() in ("n/a", "n/m", "nm"):
        return text.lower()
    negative = text.startswith("(") and text.endswith(")")
    digits = text.strip("()").replace(",", "").replace("%", "").replace("$", "").replace("JPY", "").strip()
    if not NUMBER.fullmatch(digits):
        return text
    value = Fraction(digits)
    return -value if negative else value


def tsv_rows(lines):
    """(label key, cells) for every line with a tab; other lines are titles or prose."""
    rows = []
    for line in lines:
        if "\t" in line:
            label, *cells = line.rstrip("\n").split("\t")
            rows.append((label_key(label), [c.strip() for c in cells]))
    return rows


def expected_tables(names):
    tables = []
    for path in sorted(EXPECTED.glob("*.tsv"), key=lambda p: int(p.name.split("-", 1)[0])):
        name = path.stem.split("-", 1)[1]
        if names and name not in names:
            continue
        rows = tsv_rows(path.read_text(encoding="utf-8").split("\n"))
        tables.append((name, rows))
    unknown = set(names or ()) - {name for name, _ in tables}
    if unknown:
        raise SystemExit(f"check_tables.py: no expected table named {', '.join(sorted(unknown))}")
    return tables


def match_rows(want, got):
    """For each wanted row, the output row with its label after the previous match, or None.

    The search starts at each output row whose label is the table's first label
    and keeps the start that finds the most rows in the fewest output rows, so
    an earlier table with a row of the same name (several tables have an
    "Others", and "Net loss" heads the cash flows) does not capture it."""
    starts = [i for i, (label, _) in enumerate(got) if label == want[0][0]] or [0]
    best = None
    for start in starts:
        at, found = start, []
        for label, _ in want:
            k = next((k for k in range(at, len(got)) if got[k][0] == label), None)
            found.append(None if k is None else got[k][1])
            if k is not None:
                at = k + 1
        score = (sum(f is not None for f in found), start - at)
        if best is None or score > best[0]:
            best = (score, found)
    return best[1]


def check_table(name, want, got, verbose):
    total = same_value = same_text = 0
    for (label, cells), printed in zip(want, match_rows(want, got)):
        for column, cell in enumerate(cells):
            if cell == "":
                continue
            total += 1
            mine = printed[column] if printed is not None and column < len(printed) else None
            value_ok = mine is not None and cell_value(mine) == cell_value(cell)
            same_value += value_ok
            same_text += value_ok and mine == cell
            if verbose and mine != cell:
                print(f"  {name}: {label!r} column {column + 1}: release {cell!r}, got {mine!r}")
    return total, same_value, same_text


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("-")]
    names = None
    if "--tables" in argv:
        names = argv[argv.index("--tables") + 1].split(",")
        args = [a for a in args if a != argv[argv.index("--tables") + 1]]
    values_only = "--values" in argv
    verbose = "-v" in argv
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    got = tsv_rows(Path(args[0]).read_text(encoding="utf-8").split("\n"))
    total = same_value = same_text = 0
    for name, want in expected_tables(names):
        t, v, s = check_table(name, want, got, verbose)
        print(f"{name}: {v}/{t} cells, {s} printed identically")
        total, same_value, same_text = total + t, same_value + v, same_text + s
    print(f"all tables: {same_value}/{total} cells match, {same_text}/{total} printed identically")
    ok = total > 0 and same_value == total and (values_only or same_text == total)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
