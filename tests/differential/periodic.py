"""Differential test of `kessan bal` with period columns against hledger.

Used by run_diff.py.  A periodic variant has an interval ("M", "Q" or "Y")
and optionally -b/-e dates, a `-p` period expression, --depth and account
patterns (plain regular expressions and `not:` ones).  Both tools print flat
CSV with one column per period:

  kessan   `kessan bal -f FILE --flat --format csv -M|-Q|-Y [...]`;
           header `account,commodity,PERIOD...`.
  hledger  `hledger -f FILE bal --flat -N -O csv --layout bare -M|-Q|-Y
           [...]`; header `account,commodity,PERIOD...`.

Normalisation: the period names of the header must be equal, in order;
then each output becomes a set of (account, commodity, period, Decimal)
cells with zero cells dropped, so the order of rows (hledger puts declared
accounts first) does not matter.  hledger's digit group commas are
stripped.  For the example journals hledger is given `-c '1000.0000000000
SYM'` for every commodity, so that its output has a decimal point and ten
decimals whatever style its parser inferred (`commodity ¥1,000` is a
decimal comma to hledger 1.25, a thousands mark to ledger and kessan); the
examples' amounts have at most two decimals, so nothing is rounded.  ledger
is not compared here (its periodic reports are registers).

The kessan output is also checked against its contract: plain numbers, no
duplicate (account, commodity) rows, no row without a non-zero cell, rows
sorted by account then commodity.

Account patterns are lower-cased ASCII words taken from the journal's
account names (optionally anchored with ^ or $), so that case-insensitive
matching means the same to both tools (hledger folds all of Unicode, kessan
only ASCII letters) and no pattern holds a space (hledger re-splits query
arguments on spaces).
"""

import csv
import io
import os
import re
import shutil
import tempfile
from decimal import Decimal

INTERVALS = {"M": "-M", "Q": "-Q", "Y": "-Y"}
PLAIN = re.compile(r"-?[0-9]+(\.[0-9]+)?")
WORDS = {"M": "monthly", "Q": "quarterly", "Y": "yearly"}

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXAMPLES = [
    "examples/sample.journal",
    "examples/iij/journal/main.journal",
    "examples/nordlicht/journal/main.journal",
]


def common_args(v):
    a = []
    if v.get("p"):
        a += ["-p", v["p"]]
    else:
        a.append(INTERVALS[v["interval"]])
    if v.get("b"):
        a += ["-b", v["b"]]
    if v.get("e"):
        a += ["-e", v["e"]]
    if v.get("depth"):
        a += ["--depth", str(v["depth"])]
    return a + list(v.get("patterns", []))


def parse_cells(out, tool, error, dec, skip_total):
    """(periods, cells, records) of a bare CSV balance report."""
    try:
        recs = list(csv.reader(io.StringIO(out, newline="")))
    except csv.Error as e:
        raise error(tool, "unparsable csv (%s):\n%s" % (e, out))
    if not recs or recs[0][:2] != ["account", "commodity"]:
        raise error(tool, "header is not account,commodity,PERIOD...:\n" + out)
    periods = recs[0][2:]
    cells = {}
    body = []
    for rec in recs[1:]:
        if not rec:
            continue
        if skip_total and rec[0] == "total":
            continue
        if len(rec) != len(periods) + 2:
            raise error(tool, "row with %d fields: %r" % (len(rec), rec))
        body.append(rec)
        for period, amt in zip(periods, rec[2:]):
            d = dec(amt.replace(",", "") if tool == "hledger" else amt, tool)
            if d != 0:
                key = (rec[0], rec[1], period)
                cells[key] = cells.get(key, Decimal(0)) + d
    return periods, {k: x for k, x in cells.items() if x != 0}, body


def hledger_cells(run, error, dec, hledger, path, v, styles=()):
    cmd = [hledger, "-f", path, "bal", "--flat", "-N", "-O", "csv", "--layout", "bare"]
    for sym in styles:
        cmd += ["-c", "1000.0000000000 " + sym]
    out = run(cmd + common_args(v), "hledger")
    periods, cells, _ = parse_cells(out, "hledger", error, dec, skip_total=True)
    return periods, cells, out


def kessan_cells(run, error, dec, kessan, path, v):
    out = run([kessan, "bal", "-f", path, "--flat", "--format", "csv"] + common_args(v), "kessan")
    periods, cells, body = parse_cells(out, "kessan", error, dec, skip_total=False)
    problems = []
    keys = [(r[0], r[1]) for r in body]
    if len(set(keys)) != len(keys):
        problems.append("duplicate (account, commodity) rows")
    for r in body:
        amounts = r[2:]
        if not all(PLAIN.fullmatch(a) for a in amounts):
            problems.append("amount not a plain number in %r" % (r,))
        elif all(Decimal(a) == 0 for a in amounts):
            problems.append("row without a non-zero cell: %r" % (r,))
    if keys != sorted(keys) and keys != sorted(keys, key=lambda k: (k[0].split(":"), k[1])):
        problems.append("rows not sorted by account, commodity")
    return periods, cells, out, problems


def compare(args, run, error, dec, path, v, styles=(), hledger_path=None):
    """(ok, report lines, outputs) of one periodic variant."""
    outputs = {}
    try:
        hp, hcells, outputs["hledger"] = hledger_cells(run, error, dec, args.hledger, hledger_path or path, v, styles)
    except error as e:
        return False, ["  reference tool failed: " + str(e)], outputs
    if not args.kessan:
        return True, [], outputs
    try:
        kp, kcells, outputs["kessan"], problems = kessan_cells(run, error, dec, args.kessan, path, v)
    except error as e:
        outputs["kessan"] = e.msg
        return False, ["  kessan failed: " + e.msg.rstrip()], outputs
    report = []
    if kp != hp:
        report.append("  periods differ: hledger %s, kessan %s" % (hp, kp))
    if kcells != hcells:
        report.append("  kessan differs from hledger:")
        for k in sorted(set(hcells) | set(kcells)):
            h, g = hcells.get(k), kcells.get(k)
            if h != g:
                report.append("    %-40s %-8s %-8s hledger=%s kessan=%s" % (
                    k[0], k[1], k[2], "-" if h is None else h, "-" if g is None else g))
    if problems:
        report.append("  kessan output violates the csv contract:")
        report += ["    " + p for p in problems]
    return not report, report, outputs


def patterns(accounts, rng):
    """One to three account patterns, some of them `not:`."""
    words = sorted({w for a in accounts for w in a.split(":") if re.fullmatch(r"[A-Za-z0-9]+", w)})
    if not words:
        return []
    out = []
    for _ in range(rng.randint(1, 3)):
        w = rng.choice(words).lower()
        if len(w) > 3 and rng.random() < 0.3:
            w = w[:rng.randint(2, len(w) - 1)]
        x = rng.random()
        if x < 0.15:
            w = "^" + w
        elif x < 0.25:
            w = w + "$"
        out.append(("not:" + w) if rng.random() < 0.35 else w)
    return out


def variants(accounts, maxdepth, rng, b, e):
    """Periodic variants of one generated journal; b and e are dates or None."""
    out = [{"name": "periodic", "interval": rng.choice("MQY")}]
    v = {"name": "periodic+dates", "interval": rng.choice("MQY")}
    if b:
        v["b"] = b
    if e:
        v["e"] = e
    out.append(v)
    v = {"name": "periodic+filter", "interval": rng.choice("MQY"), "patterns": patterns(accounts, rng)}
    if rng.random() < 0.4:
        v["depth"] = rng.randint(1, maxdepth)
    out.append(v)
    if b and e and rng.random() < 0.5:
        word = WORDS[rng.choice("MQY")]
        out.append({"name": "periodic -p", "interval": None, "p": "%s from %s to %s" % (word, b, e)})
    return out


EXAMPLE_VARIANTS = [
    {"name": "monthly", "interval": "M"},
    {"name": "quarterly", "interval": "Q"},
    {"name": "yearly", "interval": "Y"},
    {"name": "quarterly, depth 2", "interval": "Q", "depth": 2},
    {"name": "monthly, filtered", "interval": "M", "patterns": ["cash", "revenue", "not:yen"]},
    {"name": "yearly, excluded", "interval": "Y", "patterns": ["not:^assets", "not:equity"]},
]


def example_styles(run, kessan, path):
    """The commodity symbols of a journal, from kessan's flat balance."""
    out = run([kessan, "bal", "-f", path, "--flat", "--format", "csv"], "kessan")
    return sorted({rec[2] for rec in list(csv.reader(io.StringIO(out)))[1:] if len(rec) == 3 and rec[2]})


# `commodity ¥1,000`: one comma group and no decimal point.
AMBIGUOUS_FORMAT = re.compile(r"^(commodity\s+\S*?[0-9]{1,3},[0-9]{3}(?![0-9.,]))", re.M)


def unambiguous_copy(path, workdir):
    """The journal as hledger should read it: a commodity directive whose
    number is one comma group (`¥1,000`) is a decimal comma to hledger 1.25
    but a thousands mark to ledger and kessan, so hledger gets a copy with
    a decimal point added (`¥1,000.`). Other journals are used as they are."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not AMBIGUOUS_FORMAT.search(text):
        return path
    if re.search(r"^include ", text, re.M):
        raise RuntimeError("%s: cannot rewrite a journal with includes" % path)
    copy = os.path.join(workdir, os.path.basename(path))
    with open(copy, "w", encoding="utf-8") as f:
        f.write(AMBIGUOUS_FORMAT.sub(r"\1.", text))
    return copy


def run_examples(args, run, error, dec):
    """(passed, failed) over the example journals; prints failures."""
    passed = failed = 0
    workdir = tempfile.mkdtemp(prefix="kessan-diff-examples-")
    try:
        for rel in EXAMPLES:
            p, f = run_example(args, run, error, dec, rel, workdir)
            passed += p
            failed += f
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return passed, failed


def run_example(args, run, error, dec, rel, workdir):
    path = os.path.join(ROOT, rel)
    if not os.path.exists(path) or not args.kessan:
        return 0, 0
    styles = example_styles(run, args.kessan, path)
    hpath = unambiguous_copy(path, workdir)
    bad = []
    for v in EXAMPLE_VARIANTS:
        ok, report, outputs = compare(args, run, error, dec, path, v, styles, hpath)
        if not ok:
            bad.append((v, report))
    if not bad:
        return 1, 0
    print("FAIL example %s" % rel)
    for v, report in bad:
        print("  variant %s: bal %s" % (v["name"], " ".join(common_args(v))))
        for ln in report:
            print(ln)
    return 0, 1
