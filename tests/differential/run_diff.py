#!/usr/bin/env python3
"""Differential test of `kessan bal` against ledger and hledger.

Usage:
    run_diff.py --kessan PATH [--cases N] [--seed S] [--keep DIR]
                [--jobs J] [--minimize] [--without FEAT,...]
                [--sort-order string|components|either] [--verbose]
                [--ledger PATH] [--hledger PATH]

For every case a random journal is generated (gen_journal.py, seed S+i) into
its own directory, and balances are computed by the three tools for several
report variants:
    plain                     all postings
    -b DATE -e DATE           begin inclusive, end exclusive (sometimes only one)
    --depth N                 accounts deeper than N folded into their ancestor
    -b/-e plus --depth        (on some cases)
    -M|-Q|-Y [...]            period columns: plain, with -b/-e, with account
                              patterns (and sometimes --depth), sometimes
                              `-p "quarterly from B to E"`; compared with
                              hledger only (see periodic.py)
After the generated cases the example journals (examples/*.journal,
examples/*/journal/main.journal) are compared with hledger in period
columns too (periodic.py says how their commodity styles are normalised);
each example journal counts as one case.
Each result is normalised to a set of (account, commodity, Decimal amount)
rows with zero rows dropped, where amount is the EXCLUSIVE balance of the
account (postings to that exact account; with --depth N, postings to the
account and, for depth-N accounts, to all their descendants).

How each tool's rows are obtained:
  kessan   `kessan bal -f FILE --flat --format csv [-b D] [-e D] [--depth N]`;
           header `account,amount,commodity`, RFC 4180 quoting.  The output
           is also checked against the contract: exact header, plain numbers
           (no digit groups), no zero rows, no duplicate rows, rows sorted by
           account then commodity (code point order; --sort-order chooses
           whether the account name is compared as a whole string, component
           by component, or either way).
  hledger  `hledger -f FILE bal --flat -N -O csv --layout bare [-b D] [-e D]
           [--depth N]`, whose flat mode already gives exclusive balances and
           folds deeper accounts into depth-N ones; digit group commas are
           stripped from the amounts.
  ledger   `ledger bal --flat` shows inclusive totals and rounds amounts to
           the display precision of posting amounts, so instead every posting
           is listed with `ledger reg --format` printing account, commodity
           and the unrounded quantity (`quantity(scrub(display_amount))`),
           using ledger's own -b/-e filtering; the rows are summed per account
           and commodity here, and --depth is applied here by truncating
           account names to N components.  Virtual postings are listed by
           `reg` without their brackets.

ledger and hledger must agree on every case (a disagreement is a generator
bug and is reported as such); kessan must agree with them.  Without a kessan
binary (no --kessan, or the file does not exist) only ledger and hledger are
compared.

Failing journals are kept (under --keep DIR, or a fresh temporary directory
that is printed).  With --keep every case's journal is kept.  --minimize
shrinks each failing journal (includes inlined, then whole blocks, postings,
comment lines and decorations removed while ledger and hledger still accept
it and agree, and kessan still fails in the same way: same error message,
different rows, or a csv contract violation) and prints the reduced journal
with the three outputs.

kessan is copied to a temporary directory at the start, so rebuilding it
during a run does not disturb the run.

The last line printed is `N passed, N failed`.  The exit status is 0 only if
no case failed.
"""

import argparse
import concurrent.futures
import csv
import datetime
import io
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True
import gen_journal  # noqa: E402
import periodic  # noqa: E402

DEFAULT_KESSAN = os.path.join(HERE, "..", "..", "build", "release", "kessan")
TIMEOUT = 30
SORT_ORDER = "either"
LEDGER_FMT = "%(account)\t%(commodity(scrub(display_amount)))\t" \
             "%(quantity(scrub(display_amount)))\n"


class ToolError(Exception):
    def __init__(self, tool, msg):
        super().__init__("%s: %s" % (tool, msg))
        self.tool = tool
        self.msg = msg


def clean_env():
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("LEDGER") or k.startswith("HLEDGER"):
            del env[k]
    env["LANG"] = env["LC_ALL"] = "C.UTF-8"
    return env


ENV = clean_env()


def run(cmd, tool):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, env=ENV)
    except subprocess.TimeoutExpired:
        raise ToolError(tool, "timed out after %ds: %s" % (TIMEOUT, " ".join(cmd)))
    except OSError as e:
        raise ToolError(tool, "cannot run %s: %s" % (cmd[0], e))
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode != 0:
        raise ToolError(tool, "exit status %d\n%s%s" % (p.returncode, out, err))
    return out


def dec(s, tool):
    try:
        d = Decimal(s)
    except InvalidOperation:
        raise ToolError(tool, "bad amount %r" % s)
    if not d.is_finite():
        raise ToolError(tool, "bad amount %r" % s)
    return d


def unquote_commodity(c):
    if len(c) >= 2 and c[0] == '"' and c[-1] == '"':
        return c[1:-1]
    return c


def truncate(account, depth):
    if depth is None:
        return account
    return ":".join(account.split(":")[:depth])


def add(rows, key, amount):
    rows[key] = rows.get(key, Decimal(0)) + amount


def finish(rows):
    return {k: v for k, v in rows.items() if v != 0}


# ------------------------------------------------------------------ tools

def ledger_rows(ledger, path, v):
    cmd = [ledger, "--args-only", "-f", path, "reg", "--format", LEDGER_FMT]
    if v.get("b"):
        cmd += ["-b", v["b"]]
    if v.get("e"):
        cmd += ["-e", v["e"]]
    out = run(cmd, "ledger")
    rows = {}
    for line in out.splitlines():
        if not line:
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ToolError("ledger", "unexpected line %r" % line)
        acct, comm, qty = parts
        add(rows, (truncate(acct, v.get("depth")), unquote_commodity(comm)),
            dec(qty, "ledger"))
    return finish(rows), out


def hledger_rows(hledger, path, v):
    cmd = [hledger, "-f", path, "bal", "--flat", "-N", "-O", "csv",
           "--layout", "bare"]
    if v.get("b"):
        cmd += ["-b", v["b"]]
    if v.get("e"):
        cmd += ["-e", v["e"]]
    if v.get("depth"):
        cmd += ["--depth", str(v["depth"])]
    out = run(cmd, "hledger")
    rows = {}
    recs = list(csv.reader(io.StringIO(out)))
    if not recs or recs[0] != ["account", "commodity", "balance"]:
        raise ToolError("hledger", "unexpected header in\n" + out)
    for rec in recs[1:]:
        if not rec:
            continue
        if len(rec) != 3:
            raise ToolError("hledger", "unexpected row %r" % rec)
        acct, comm, amt = rec
        add(rows, (acct, comm), dec(amt.replace(",", ""), "hledger"))
    return finish(rows), out


def kessan_rows(kessan, path, v):
    """Rows of kessan's csv output, plus a list of contract violations."""
    cmd = [kessan, "bal", "-f", path, "--flat", "--format", "csv"]
    if v.get("b"):
        cmd += ["-b", v["b"]]
    if v.get("e"):
        cmd += ["-e", v["e"]]
    if v.get("depth"):
        cmd += ["--depth", str(v["depth"])]
    out = run(cmd, "kessan")
    problems = []
    try:
        recs = list(csv.reader(io.StringIO(out, newline="")))
    except csv.Error as e:
        raise ToolError("kessan", "unparsable csv (%s):\n%s" % (e, out))
    if not recs or recs[0] != ["account", "amount", "commodity"]:
        raise ToolError("kessan", "header is not account,amount,commodity:\n" + out)
    rows = {}
    keys = []
    for rec in recs[1:]:
        if rec == []:
            problems.append("empty line in output")
            continue
        if len(rec) != 3:
            raise ToolError("kessan", "row with %d fields: %r" % (len(rec), rec))
        acct, amt, comm = rec
        if not amt or any(ch not in "-0123456789." for ch in amt):
            problems.append("amount not a plain number: %r" % amt)
            amt = amt.replace(",", "")
        d = dec(amt, "kessan")
        if d == 0:
            problems.append("zero row: %r" % (rec,))
        if (acct, comm) in rows:
            problems.append("duplicate row for %r" % ((acct, comm),))
        keys.append((acct, comm))
        add(rows, (acct, comm), d)
    orders = {"string": [lambda k: k],
              "components": [lambda k: (k[0].split(":"), k[1])]}
    orders["either"] = orders["string"] + orders["components"]
    keyfuncs = orders[SORT_ORDER]
    if not any(keys == sorted(keys, key=f) for f in keyfuncs):
        f = keyfuncs[0]
        first = next(i for i in range(len(keys) - 1)
                     if f(keys[i]) > f(keys[i + 1]))
        problems.append("rows not sorted (%s order) by account, commodity: "
                        "%r before %r" % (SORT_ORDER, keys[first], keys[first + 1]))
    return finish(rows), out, problems


# --------------------------------------------------------------- variants

def fmt_date(d):
    return "%04d-%02d-%02d" % d


def variants(gen, rng):
    """Report variants for one generated journal."""
    dates = sorted(set(gen.dates))

    def around():
        d = rng.choice(dates)
        shift = rng.choice([0, 0, 0, -1, 1, 3])
        x = datetime.date(*d) + datetime.timedelta(days=shift)
        return (x.year, x.month, x.day)

    out = [{"name": "plain"}]
    b, e = sorted([around(), around()])
    if b == e:
        x = datetime.date(*e) + datetime.timedelta(days=rng.randint(1, 40))
        e = (x.year, x.month, x.day)
    v = {"name": "period", "b": fmt_date(b), "e": fmt_date(e)}
    x = rng.random()
    if x < 0.15:
        del v["e"]
    elif x < 0.3:
        del v["b"]
    out.append(v)
    maxdepth = max(a.count(":") + 1 for a in gen.accounts)
    out.append({"name": "depth", "depth": rng.randint(1, max(1, maxdepth - 1))})
    if rng.random() < 0.4:
        out.append({"name": "period+depth", "b": fmt_date(b), "e": fmt_date(e),
                    "depth": rng.randint(1, maxdepth)})
    out += periodic.variants(gen.accounts, maxdepth, rng, v.get("b"), v.get("e"))
    return out


def vargs(v):
    if "interval" in v:
        return periodic.common_args(v)
    a = []
    if v.get("b"):
        a += ["-b", v["b"]]
    if v.get("e"):
        a += ["-e", v["e"]]
    if v.get("depth"):
        a += ["--depth", str(v["depth"])]
    return a


def fmt_rows(rows):
    return ["%s | %s | %s" % (a, c, rows[(a, c)]) for a, c in sorted(rows)]


def row_diff(ref, got, ref_name, got_name):
    lines = []
    for k in sorted(set(ref) | set(got)):
        r, g = ref.get(k), got.get(k)
        if r == g:
            continue
        lines.append("    %-40s %-8s %s=%s %s=%s" % (
            k[0], k[1], ref_name, "-" if r is None else r,
            got_name, "-" if g is None else g))
    return lines


def compare_variant(args, path, v):
    """Return (ok, report_lines, outputs)."""
    if "interval" in v:
        return periodic.compare(args, run, ToolError, dec, path, v)
    report = []
    outputs = {}
    try:
        lrows, outputs["ledger"] = ledger_rows(args.ledger, path, v)
        hrows, outputs["hledger"] = hledger_rows(args.hledger, path, v)
    except ToolError as e:
        return False, ["  reference tool failed (generator bug): " + str(e)], outputs
    if lrows != hrows:
        report.append("  ledger and hledger disagree (generator bug):")
        report += row_diff(lrows, hrows, "ledger", "hledger")
        return False, report, outputs
    if not args.kessan:
        return True, report, outputs
    try:
        krows, outputs["kessan"], problems = kessan_rows(args.kessan, path, v)
    except ToolError as e:
        outputs["kessan"] = e.msg
        return False, ["  kessan failed: " + e.msg.rstrip()], outputs
    ok = True
    if krows != lrows:
        ok = False
        report.append("  kessan differs from ledger/hledger:")
        report += row_diff(lrows, krows, "ref", "kessan")
    if problems:
        ok = False
        report.append("  kessan output violates the csv contract:")
        report += ["    " + p for p in problems]
    return ok, report, outputs


def failure_kind(args, path, v):
    """Minimisation predicate: None unless ledger and hledger accept the
    journal and agree while kessan does not; otherwise "error:MESSAGE"
    (kessan failed), "rows" (different balances) or "contract" (csv
    format)."""
    if "interval" in v:
        ok, report, _ = periodic.compare(args, run, ToolError, dec, path, v)
        if ok or report[0].startswith("  reference tool failed"):
            return None
        return "periodic:" + report[0]
    try:
        lrows, _ = ledger_rows(args.ledger, path, v)
        hrows, _ = hledger_rows(args.hledger, path, v)
    except ToolError:
        return None
    if lrows != hrows:
        return None
    try:
        krows, _, problems = kessan_rows(args.kessan, path, v)
    except ToolError as e:
        # the diagnostic without its location, so that shrinking keeps
        # the same error
        m = re.search(r"error:([^\n]*)", e.msg)
        return "error:" + (m.group(1).strip() if m else e.msg.split("\n")[0])
    if krows != lrows:
        return "rows"
    return "contract" if problems else None


# ------------------------------------------------------------ minimising

def inline_includes(d, rel="main.journal"):
    path = os.path.join(d, rel)
    base = os.path.dirname(rel)
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("include "):
                inc = os.path.normpath(os.path.join(base, line[len("include "):].strip()))
                out.append(inline_includes(d, inc))
            else:
                out.append(line)
    return "".join(out)


def split_blocks(text):
    """Top-level blocks: a transaction with its indented lines, a comment
    block, or a single other line."""
    lines = text.splitlines(keepends=True)
    blocks, i = [], 0
    while i < len(lines):
        ln = lines[i]
        if ln.strip() == "comment":
            j = i + 1
            while j < len(lines) and lines[j].strip() != "end comment":
                j += 1
            blocks.append(lines[i:j + 1])
            i = j + 1
            continue
        j = i + 1
        if ln[:1].isdigit():
            while j < len(lines) and lines[j][:1] in (" ", "\t"):
                j += 1
        blocks.append(lines[i:j])
        i = j
    return blocks


def minimize(args, text, v, workdir):
    """Shrink `text` while kessan keeps failing the same way on variant v."""
    path = os.path.join(workdir, "min.journal")

    def write(blocks):
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join("".join(b) for b in blocks))

    def test(blocks):
        write(blocks)
        return failure_kind(args, path, v) == kind

    blocks = [b for b in split_blocks(text) if "".join(b).strip()]
    write(blocks)
    kind = failure_kind(args, path, v)
    if kind is None:
        return None
    simplifications = [
        (re.compile(r"\s+;.*$"), ""),                    # inline comment
        (re.compile(r"\s+=\s+[^;]*$"), ""),              # assertion
        (re.compile(r"^(\S+)\s+[*!]\s+"), r"\1 "),       # txn status
        (re.compile(r"^(\S+)\s+\([^)]*\)\s+"), r"\1 "),  # code
        (re.compile(r" \| .*$"), ""),                     # note
    ]
    changed = True
    while changed:
        changed = False
        # whole blocks, coarse to fine
        n = max(1, len(blocks) // 2)
        while n >= 1:
            i = 0
            while i < len(blocks):
                cand = blocks[:i] + blocks[i + n:]
                if cand and test(cand):
                    blocks = cand
                    changed = True
                else:
                    i += n
            n //= 2
        # single lines inside blocks (postings, comments)
        for bi in range(len(blocks)):
            li = 1
            while li < len(blocks[bi]):
                b = blocks[bi][:li] + blocks[bi][li + 1:]
                cand = blocks[:bi] + [b] + blocks[bi + 1:]
                if test(cand):
                    blocks = cand
                    changed = True
                else:
                    li += 1
        # pairs of lines inside blocks (e.g. balanced virtual postings)
        for bi in range(len(blocks)):
            li = 1
            while li < len(blocks[bi]):
                lj = li + 1
                while lj < len(blocks[bi]):
                    b = [x for k, x in enumerate(blocks[bi]) if k not in (li, lj)]
                    cand = blocks[:bi] + [b] + blocks[bi + 1:]
                    if test(cand):
                        blocks = cand
                        changed = True
                    else:
                        lj += 1
                li += 1
        # decorations within lines
        for bi in range(len(blocks)):
            for li in range(len(blocks[bi])):
                for rx, rep in simplifications:
                    old = blocks[bi][li]
                    new = rx.sub(rep, old.rstrip("\n")) + "\n"
                    if new != old:
                        b = list(blocks[bi])
                        b[li] = new
                        cand = blocks[:bi] + [b] + blocks[bi + 1:]
                        if test(cand):
                            blocks = cand
                            changed = True
    write(blocks)
    return "".join("".join(b) for b in blocks)


# ------------------------------------------------------------------ cases

def run_case(args, i, base_dir):
    seed = args.seed + i
    files, gen = gen_journal.generate(seed, use_dir=True, without=args.without)
    d = os.path.join(base_dir, "case-%d" % seed)
    path = gen_journal.write_dir(files, d)
    rng = random.Random("variants-%d" % seed)
    failed_variants = []
    for v in variants(gen, rng):
        ok, report, outputs = compare_variant(args, path, v)
        if not ok:
            failed_variants.append((v, report, outputs))
    return seed, d, path, failed_variants


def show_outputs(outputs):
    out = []
    for tool in ("kessan", "ledger", "hledger"):
        if tool in outputs:
            out.append("  --- %s output" % tool)
            out += ["  | " + ln for ln in outputs[tool].rstrip("\n").splitlines()]
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="differential test of `kessan bal` against ledger and hledger")
    ap.add_argument("--kessan", help="kessan binary (default %s if it exists)"
                    % os.path.normpath(DEFAULT_KESSAN))
    ap.add_argument("--cases", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", help="keep every case's journal in this directory")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--without", default="",
                    help="comma-separated generator features to disable "
                    "(see gen_journal.py --list-features)")
    ap.add_argument("--minimize", action="store_true",
                    help="shrink failing journals and print the result")
    ap.add_argument("--ledger", default=shutil.which("ledger") or "ledger")
    ap.add_argument("--hledger", default=shutil.which("hledger") or "hledger")
    ap.add_argument("--sort-order", choices=["string", "components", "either"],
                    default="either",
                    help="accepted order of kessan's rows: plain code point "
                    "order of the account name, component-wise order "
                    "(`A:B` < `A B`, like an account tree), or either "
                    "(default)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="print tool outputs for failing variants")
    args = ap.parse_args(argv)
    global SORT_ORDER
    SORT_ORDER = args.sort_order
    args.without = [w for w in args.without.split(",") if w]
    bad = [w for w in args.without if w not in gen_journal.FEATURES]
    if bad:
        ap.error("unknown feature(s): %s" % ", ".join(bad))

    if args.kessan is None and os.path.exists(DEFAULT_KESSAN):
        args.kessan = os.path.normpath(DEFAULT_KESSAN)
    if args.kessan and not os.path.exists(args.kessan):
        print("warning: %s does not exist; comparing ledger and hledger only"
              % args.kessan, file=sys.stderr)
        args.kessan = None
    elif not args.kessan:
        print("warning: no kessan binary; comparing ledger and hledger only",
              file=sys.stderr)
    snapshot = None
    if args.kessan:
        # run a private copy, so that rebuilding kessan during a run does
        # not make cases fail
        snapshot = tempfile.mkdtemp(prefix="kessan-bin-")
        copy = os.path.join(snapshot, "kessan")
        shutil.copy2(args.kessan, copy)
        print("kessan: %s" % os.path.abspath(args.kessan))
        args.kessan = copy

    start = time.time()
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        base_dir = os.path.abspath(args.keep)
        tmp = None
    else:
        tmp = tempfile.mkdtemp(prefix="kessan-diff-")
        base_dir = tmp
    passed = failed = 0
    kept = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = [ex.submit(run_case, args, i, base_dir) for i in range(args.cases)]
        for fut in futs:
            seed, d, path, fails = fut.result()
            if not fails:
                passed += 1
                continue
            failed += 1
            kept.append(d)
            print("FAIL case seed %d: %s" % (seed, path))
            print("  regenerate: %s %d --dir DIR%s" %
                  (os.path.join(HERE, "gen_journal.py"), seed,
                   " --without " + ",".join(args.without) if args.without else ""))
            for v, report, outputs in fails:
                print("  variant %s: bal %s" % (v["name"], " ".join(vargs(v))))
                for ln in report:
                    print(ln)
                if args.verbose:
                    for ln in show_outputs(outputs):
                        print(ln)
            if args.minimize and args.kessan:
                v = fails[0][0]
                text = inline_includes(d)
                mdir = os.path.join(d, "min")
                os.makedirs(mdir, exist_ok=True)
                small = minimize(args, text, v, mdir)
                if small is not None:
                    mpath = os.path.join(mdir, "min.journal")
                    print("  minimized journal (%s, bal %s):" %
                          (mpath, " ".join(vargs(v))))
                    print("  | " + small.rstrip("\n").replace("\n", "\n  | "))
                    ok, report, outputs = compare_variant(args, mpath, v)
                    for ln in report + show_outputs(outputs):
                        print(ln)
            sys.stdout.flush()
    ex_passed, ex_failed = periodic.run_examples(args, run, ToolError, dec)
    passed += ex_passed
    failed += ex_failed
    if tmp:
        for name in os.listdir(tmp):
            full = os.path.join(tmp, name)
            if full not in kept:
                shutil.rmtree(full, ignore_errors=True)
        if kept:
            print("failing journals kept in %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    if snapshot:
        shutil.rmtree(snapshot, ignore_errors=True)
    print("elapsed %.1fs%s" % (time.time() - start,
                               "" if args.kessan else " (ledger vs hledger only)"))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
