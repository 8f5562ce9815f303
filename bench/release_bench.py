#!/usr/bin/env python3
"""Benchmark `kessan release` on a large book against the reports ledger and
hledger need for the same figures.

The book wraps a journal from ../shared/bench/gen_journal.py (an ISP with a
March year end, April 2001 to March 2003) with three statements (operations,
balance sheet, indirect cash flow), a revenue table, margins and a template
with comparisons. Its release for 4Q02 draws on three quarters (4Q02, 4Q01,
3Q02) and three balance dates. ledger and hledger have no release; the
nearest equivalent is the six balance reports behind those figures: the
income-statement accounts for each quarter and every account at each date,
timed one after the other.

Usage: bench/release_bench.py [SIZE...] [--runs K] [--out FILE] [--append]
       (see bench/README.md; sizes as for bench/run.sh, default 100000 1000000)
"""
import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (shared helpers: journals, timing, machine description)

REPO = Path(__file__).resolve().parents[1]

BOOK_TOML = """journals = ["journal/main.journal"]
statements = ["operations.toml", "balance-sheet.toml", "cash-flows.toml"]
tables = ["revenues.toml"]
measures = "measures.toml"

[company]
name = "Bench ISP"
currency = "JPY"
unit = 1000
unit_name = "Thousands"

[calendar]
fiscal_year_end_month = 3
fiscal_year_named_by = "start"
period_format = "{q}Q{yy}"

[release]
template = "release.md"
"""

COLUMNS = """columns = [
  { value = "amount", period = "current" },
  { value = "amount", period = "year-ago" },
  { value = "change", period = "current", base = "year-ago" },
  { value = "amount", period = "prior-quarter" },
  { value = "change", period = "current", base = "prior-quarter" },
]
"""

REVENUES = ["Connectivity:Dedicated access", "Connectivity:Dial-up access", "Connectivity:Value-added services",
            "Connectivity:Other", "Systems integration", "Equipment sales"]
COSTS = ["Connectivity:Backbone:International", "Connectivity:Backbone:Domestic", "Connectivity:Network operations",
         "Systems integration:Subcontracting", "Equipment sales"]
EXPENSES = ["Sales and marketing:Advertising", "General and administrative:Rent", "Research and development"]


def line_id(name):
    return name.lower().replace(":", "-").replace(" ", "-")


def operations():
    out = ['id = "operations"', 'title = "STATEMENTS OF OPERATIONS"', 'kind = "flow"',
           'scope = ["Revenues", "Costs", "Expenses"]', 'percent_of = "total-revenues"', COLUMNS]
    for r in REVENUES:
        out += ["[[line]]", f'id = "rev-{line_id(r)}"', f'label = "{r}"', f'accounts = ["Revenues:{r}"]',
                'sign = "credit"', ""]
    out += ["[[line]]", 'id = "total-revenues"', 'label = "Total revenues"',
            "sum = [" + ", ".join(f'"rev-{line_id(r)}"' for r in REVENUES) + "]", "total = true", ""]
    for c in COSTS:
        out += ["[[line]]", f'id = "cost-{line_id(c)}"', f'label = "Cost: {c}"', f'accounts = ["Costs:{c}"]', ""]
    out += ["[[line]]", 'id = "total-costs"', 'label = "Total costs"',
            "sum = [" + ", ".join(f'"cost-{line_id(c)}"' for c in COSTS) + "]", ""]
    for e in EXPENSES:
        out += ["[[line]]", f'id = "exp-{line_id(e)}"', f'label = "{e}"', f'accounts = ["Expenses:{e}"]', ""]
    out += ["[[line]]", 'id = "operating-income"', 'label = "Operating income"',
            'sum = ["total-revenues", "-total-costs", ' + ", ".join(f'"-exp-{line_id(e)}"' for e in EXPENSES) + "]",
            "total = true", ""]
    return "\n".join(out)


BALANCE_SHEET = """id = "balance-sheet"
title = "BALANCE SHEETS"
kind = "balance"
percent_of = "total-assets"
columns = [
  { value = "amount", period = "current" },
  { value = "amount", period = "year-ago" },
  { value = "amount", period = "prior-year-end" },
]
[[line]]
id = "cash"
label = "Cash"
accounts = ["Assets:Cash"]
[[line]]
id = "receivables"
label = "Accounts receivable"
accounts = ["Assets:Accounts receivable"]
[[line]]
id = "equipment"
label = "Property and equipment"
accounts = ["Assets:Property and equipment"]
[[line]]
id = "total-assets"
label = "Total assets"
sum = ["cash", "receivables", "equipment"]
total = true
[[line]]
id = "payables"
label = "Accounts payable"
accounts = ["Liabilities:Accounts payable"]
sign = "credit"
[[line]]
id = "tax-payable"
label = "Consumption tax payable"
accounts = ["Liabilities:Consumption tax payable"]
sign = "credit"
[[line]]
id = "equity"
label = "Equity"
accounts = ["Equity", "Revenues", "Costs", "Expenses"]
sign = "credit"
[[line]]
id = "total-liabilities-and-equity"
label = "Total liabilities and equity"
sum = ["payables", "tax-payable", "equity"]
total = true
equals = ["total-assets"]
"""

CASH_FLOWS = """id = "cash-flows"
title = "STATEMENTS OF CASH FLOWS"
kind = "cash-flow"
cash = ["Assets:Cash"]
net_income = ["Revenues", "Costs", "Expenses"]
net_income_line = "net-income"
columns = [
  { value = "amount", period = "current" },
  { value = "amount", period = "year-ago" },
  { value = "amount", period = "prior-quarter" },
]
[[line]]
id = "net-income"
label = "Net income"
flow = true
[[line]]
id = "receivables"
label = "Decrease (increase) in accounts receivable"
flow = true
[[line]]
id = "payables"
label = "Increase (decrease) in payables"
flow = true
[[line]]
id = "operating"
label = "Net cash from operating activities"
sum = ["net-income", "receivables", "payables"]
[[line]]
id = "capex"
label = "Purchase of property and equipment"
flow = true
[[line]]
id = "other"
label = "Other"
flow = true
[[line]]
id = "change"
label = "Net change in cash"
sum = ["operating", "capex", "other"]
[[line]]
id = "beginning"
label = "Cash, beginning of period"
cash = "beginning"
[[line]]
id = "end"
label = "Cash, end of period"
cash = "end"
equals = ["beginning", "change"]
[[rule]]
account = "Assets:Accounts receivable"
line = "receivables"
[[rule]]
account = "Liabilities"
line = "payables"
[[rule]]
account = "Assets:Property and equipment"
line = "capex"
[[rule]]
account = "Equity"
line = "other"
"""

REVENUE_TABLE = """id = "revenues"
title = "Revenue breakdown"
subtitle = ["(JPY in millions)"]
kind = "table"
unit = 1000000
""" + COLUMNS + "".join(
    f'\n[[line]]\nid = "{line_id(r)}"\nlabel = "{r}"\naccounts = ["Revenues:{r}"]\nsign = "credit"\n' for r in REVENUES) + """
[[line]]
id = "connectivity"
label = "Connectivity"
formula = "-[Revenues:Connectivity]"
"""

MEASURES = """[[measure]]
id = "gross-margin"
label = "Gross margin"
formula = "(total-revenues - total-costs) / total-revenues"

[[measure]]
id = "operating-margin"
label = "Operating margin"
formula = "operating-income / total-revenues"
"""


def template():
    lines = ["# Bench ISP {{ period }}", "",
             "Total revenues were {{ total-revenues }}, {{ compare total-revenues }}.",
             "The gross margin {{ trend gross-margin }}; the operating margin {{ trend operating-margin }}.",
             "Operating income was {{ operating-income }}, "
             "{{ compare operating-income }}.", ""]
    for r in REVENUES:
        lines.append(f"- {r}: {{{{ rev-{line_id(r)} }}}}, {{{{ compare rev-{line_id(r)} }}}}.")
    lines += ["", "{{ table revenues }}", "", "{{ table operations }}", "", "{{ table balance-sheet }}", "",
              "{{ table cash-flows }}", ""]
    return "\n".join(lines)


def make_book(journal, directory):
    d = Path(directory)
    (d / "journal").mkdir(parents=True, exist_ok=True)
    link = d / "journal" / "main.journal"
    if link.exists() or link.is_symlink():
        link.unlink()
    link.symlink_to(Path(journal).resolve())
    files = {"book.toml": BOOK_TOML, "operations.toml": operations(), "balance-sheet.toml": BALANCE_SHEET,
             "cash-flows.toml": CASH_FLOWS, "revenues.toml": REVENUE_TABLE, "measures.toml": MEASURES,
             "release.md": template()}
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


# The reports behind the release's figures: income-statement accounts for
# 4Q02, 4Q01 and 3Q02, every account at the three balance dates.
PERIODS = [("2003-01-01", "2003-04-01"), ("2002-01-01", "2002-04-01"), ("2002-10-01", "2003-01-01")]
DATES = ["2003-04-01", "2002-04-01", "2002-04-01"]


def equivalent_commands(tool, journal):
    out = []
    for b, e in PERIODS:
        if tool == "ledger":
            out.append(["ledger", "-f", journal, "-b", b, "-e", e, "bal", "^Revenues", "^Costs", "^Expenses"])
        else:
            out.append(["hledger", "-f", journal, "bal", "-b", b, "-e", e, "^Revenues", "^Costs", "^Expenses"])
    for e in DATES:
        out.append(["ledger", "-f", journal, "-e", e, "bal"] if tool == "ledger" else
                   ["hledger", "-f", journal, "bal", "-e", e])
    return out


def time_sequence(timer, commands):
    total, peak = 0.0, 0
    for cmd in commands:
        r = timer.run(cmd)
        if not r["ok"]:
            raise RuntimeError(f"{' '.join(cmd)} failed: {r['err'][-300:]}")
        total += r["wall"]
        peak = max(peak, r["rss_kib"] or 0)
    return total, peak


def main(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sizes", nargs="*", type=bench.parse_size, default=[100000, 1000000])
    p.add_argument("--kessan", default=str(REPO / "build/release/kessan"))
    p.add_argument("--runs", type=int, default=None, help="timed runs (default: 3 below 1M, else 1)")
    p.add_argument("--tools", default="kessan,ledger,hledger")
    p.add_argument("--skip-hledger-above", type=bench.parse_size, default=None)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data-dir", default=str(REPO / "build/bench-data"))
    p.add_argument("--generator", default=str(REPO.parent / "shared/bench/gen_journal.py"))
    p.add_argument("--out", default=None)
    p.add_argument("--append", action="store_true")
    args = p.parse_args(argv[1:])
    tools = args.tools.split(",")
    timer = bench.Timer()
    machine = bench.machine_info()
    lines = [f"## Release benchmark of {machine.get('date', '')}", ""]
    for key in ("cpu", "nproc", "mem", "os", "load"):
        if key in machine:
            lines.append(f"- {key}: {machine[key]}")
    lines += ["- Measured: `kessan release BOOK --period 4Q02 --format txt` (three statements, a table, two margins, "
              "a template with 25 comparisons, over 4Q02, 4Q01, 3Q02 and three balance dates) against the six "
              "balance reports behind the same figures in ledger and hledger, run one after the other "
              "(wall seconds summed, largest peak RSS).", ""]
    for size in args.sizes:
        journal, _ = bench.ensure_journal(size, args.seed, Path(args.data_dir), Path(args.generator))
        journal = str(journal)
        bench.warm_page_cache(journal)
        runs = args.runs or (1 if size >= 1000000 else 3)
        with tempfile.TemporaryDirectory(prefix="kessan-release-bench.") as tmp:
            book = make_book(journal, tmp)
            check = subprocess.run([args.kessan, "release", str(book), "--period", "4Q02"],
                                         capture_output=True, text=True)
            if check.returncode != 0:
                raise SystemExit(f"kessan release failed:\n{check.stderr}")
            results = {}
            for tool in tools:
                if tool == "hledger" and args.skip_hledger_above and size > args.skip_hledger_above:
                    continue
                times, peaks = [], []
                for _ in range(runs):
                    if tool == "kessan":
                        r = timer.run([args.kessan, "release", str(book), "--period", "4Q02", "--format", "txt"])
                        if not r["ok"]:
                            raise SystemExit(r["err"])
                        wall, peak = r["wall"], r["rss_kib"]
                    else:
                        wall, peak = time_sequence(timer, equivalent_commands(tool, journal))
                    times.append(wall)
                    peaks.append(peak)
                results[tool] = (min(times), statistics.median(times), max(peaks) / 1024)
                bench.log(f"N={size} {tool}: best {min(times):.2f} s")
        lines += [f"### N = {size:,} ({bench.count_transactions(journal):,} transactions)", "",
                  "| tool | wall s (best) | wall s (median) | peak MB | speed-up vs ledger |",
                  "|---|---:|---:|---:|---:|"]
        base = results.get("ledger", (None,))[0]
        for tool, (best, median, mb) in results.items():
            speed = f"{base / best:.1f}x" if base and best else "n/a"
            lines.append(f"| {tool} | {best:.2f} | {median:.2f} | {mb:.0f} | {speed} |")
        lines.append("")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        mode = "a" if args.append else "w"
        with open(args.out, mode, encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
