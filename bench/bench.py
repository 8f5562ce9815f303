#!/usr/bin/env python3
"""Benchmark `kessan bal` against `ledger bal` and `hledger bal`.

For every requested size N the journal produced by `gen_journal.py N SEED` is
generated once into a cache directory, then each tool's balance report is run
on that same file with its output sent to /dev/null and timed with GNU
`/usr/bin/time -f '%e %M'` (wall seconds, peak resident set size).  Each
tool's per-account totals are then compared.  Results are printed as Markdown
tables and can be written to a results file (--out).

Standard library only.  Invoked by bench/run.sh; see bench/README.md.
"""

import argparse
import csv
import datetime
import hashlib
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal, InvalidOperation
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = [100_000, 1_000_000]
DEFAULT_KESSAN = REPO / "build" / "release" / "kessan"
DEFAULT_DATA_DIR = REPO / "build" / "bench-data"
DEFAULT_GENERATOR = REPO.parent / "shared" / "bench" / "gen_journal.py"
GNU_TIME = "/usr/bin/time"

TARGET_SIZE = 1_000_000
TARGET_SPEEDUP = 100.0
TARGET_MEM_FRACTION = 0.25
TARGET_TEXT = ("on the 1M-record journal, kessan at least 100x faster than "
               "ledger 3.3 with at most a quarter of its memory")

TOOLS = ("kessan", "ledger", "hledger")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# command line

def parse_size(text):
    m = re.fullmatch(r"(\d+)([kKmM]?)", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 100000, 100k, 1M)")
    n = int(m.group(1))
    return n * {"": 1, "k": 1_000, "m": 1_000_000}[m.group(2).lower()]


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="bench/run.sh",
        description="Time `kessan bal`, `ledger bal` and `hledger bal` on generated "
                    "journals of the given sizes and check that their totals agree.")
    p.add_argument("sizes", nargs="*", type=parse_size, metavar="SIZE",
                   help="generator sizes N (gen_journal.py N; ~1.15 N transactions); "
                        "suffixes k and M accepted (default: 100000 1000000)")
    p.add_argument("--kessan", metavar="PATH", default=None,
                   help="kessan binary (default: build/release/kessan in the repository)")
    p.add_argument("--ledger", metavar="CMD", default="ledger", help="ledger command (default: ledger)")
    p.add_argument("--hledger", metavar="CMD", default="hledger", help="hledger command (default: hledger)")
    p.add_argument("--tools", metavar="LIST", default=",".join(TOOLS),
                   help="comma-separated subset of tools to run (default: kessan,ledger,hledger)")
    p.add_argument("--out", metavar="FILE",
                   help="write a Markdown results file (rewritten unless --append)")
    p.add_argument("--append", action="store_true",
                   help="with --out: append this run as a new section instead of rewriting the file")
    p.add_argument("--skip-hledger-above", metavar="N", type=parse_size, default=None,
                   help="do not run hledger for sizes above N (default: always run it)")
    p.add_argument("--runs", metavar="K", type=int, default=None,
                   help="timed runs per tool and size; best and median are reported "
                        "(default: 1 for sizes >= 1000000, 3 for smaller sizes)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    p.add_argument("--data-dir", metavar="DIR", default=None,
                   help="journal cache directory (default: build/bench-data in the repository)")
    p.add_argument("--generator", metavar="PATH", default=None,
                   help="journal generator (default: ../shared/bench/gen_journal.py "
                        "relative to the repository root)")
    p.add_argument("--no-check", action="store_true",
                   help="skip the account-totals agreement check")
    args = p.parse_args(argv)
    if not args.sizes:
        args.sizes = list(DEFAULT_SIZES)
    if args.runs is not None and args.runs < 1:
        p.error("--runs must be at least 1")
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    for t in args.tools:
        if t not in TOOLS:
            p.error(f"unknown tool {t!r} in --tools (choose from {', '.join(TOOLS)})")
    if args.append and not args.out:
        p.error("--append needs --out")
    return args


# --------------------------------------------------------------------------
# machine and tool information

def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except (OSError, ValueError):
        pass
    return None


def nproc():
    try:
        out = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout
        return int(out.strip())
    except (OSError, subprocess.CalledProcessError, ValueError):
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:
            return os.cpu_count()


def first_line(cmd):
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0:
        return None
    lines = (r.stdout or r.stderr).strip().splitlines()
    return lines[0].strip() if lines else None


def git_describe():
    try:
        r = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            return "no commit"
        rev = r.stdout.strip()
        d = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True)
        return rev + ("-dirty" if d.stdout.strip() else "")
    except OSError:
        return "unknown"


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def machine_info():
    now = datetime.datetime.now().astimezone()
    mem = mem_total_gib()
    return {
        "date": now.strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": nproc(),
        "cpu": cpu_model(),
        "mem": f"{mem:.1f} GiB" if mem else "unknown",
        "os": f"{platform.system()} {platform.release()}",
        "load": loadavg(),
    }


# --------------------------------------------------------------------------
# journal generation / cache

def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def count_transactions(path):
    n = 0
    with open(path, "rb") as f:
        for line in f:
            if line[:1].isdigit():
                n += 1
    return n


def ensure_journal(size, seed, data_dir, generator):
    """Return (path, meta) for the journal of this size and seed, generating it
    if it is missing or was produced by a different generator."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / f"journal-{size}-seed{seed}.journal"
    meta_path = path.with_suffix(".meta.json")
    gen_hash = sha256_file(generator) if generator.is_file() else None

    meta = None
    if path.is_file() and meta_path.is_file():
        try:
            meta = json.loads(meta_path.read_text())
        except (OSError, ValueError):
            meta = None
    if meta is not None:
        ok = (meta.get("size") == size and meta.get("seed") == seed
              and meta.get("bytes") == path.stat().st_size)
        if ok and gen_hash is not None and meta.get("generator_sha256") != gen_hash:
            log(f"  cached {path.name} was made by a different generator version; regenerating")
            ok = False
        if ok:
            log(f"  using cached {path}")
            return path, meta

    if gen_hash is None:
        raise SystemExit(f"error: journal generator not found at {generator} "
                         f"(pass --generator PATH)")
    log(f"  generating {path} (gen_journal.py {size} {seed}) ...")
    t0 = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=data_dir)
    try:
        with os.fdopen(fd, "wb") as out:
            subprocess.run([sys.executable, str(generator), str(size), str(seed)],
                           stdout=out, check=True)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    meta = {
        "size": size,
        "seed": seed,
        "bytes": path.stat().st_size,
        "transactions": count_transactions(path),
        "generator_sha256": gen_hash,
    }
    meta_path.write_text(json.dumps(meta, indent=1) + "\n")
    log(f"  generated in {time.perf_counter() - t0:.1f} s: {meta['transactions']:,} transactions, "
        f"{meta['bytes'] / 1e6:.0f} MB")
    return path, meta


def warm_page_cache(path):
    with open(path, "rb") as f:
        while f.read(1 << 22):
            pass


# --------------------------------------------------------------------------
# timing

class Timer:
    """Runs a command with stdout to /dev/null and measures wall seconds and
    peak RSS with GNU time when available, otherwise with wait4()."""

    def __init__(self):
        self.gnu = os.access(GNU_TIME, os.X_OK) and self._is_gnu_time()
        if self.gnu:
            self.method = f"GNU `{GNU_TIME} -f '%e %M'` (wall seconds, peak RSS)"
        else:
            self.method = ("wait4() in the harness (wall clock, ru_maxrss, which can include "
                           "~20 MB inherited from the harness process); GNU time was not "
                           "found — install the Debian package `time` for the standard measurement")
            log(f"warning: GNU time not found at {GNU_TIME} (apt-get install -y time); "
                "measuring with wait4() instead")

    @staticmethod
    def _is_gnu_time():
        try:
            r = subprocess.run([GNU_TIME, "-f", "%e %M", "true"], capture_output=True, text=True)
        except OSError:
            return False
        return r.returncode == 0 and re.fullmatch(r"\s*[\d.]+ \d+\s*", r.stderr) is not None

    def run(self, cmd):
        """Return dict(ok, wall, rss_kib, harness_wall, rc, err)."""
        if self.gnu:
            fd, tfile = tempfile.mkstemp(prefix="bench-time.")
            os.close(fd)
            try:
                t0 = time.perf_counter()
                r = subprocess.run([GNU_TIME, "-f", "%e %M", "-o", tfile] + cmd,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
                harness = time.perf_counter() - t0
                with open(tfile) as f:
                    lines = [l for l in f.read().splitlines() if l.strip()]
            finally:
                os.unlink(tfile)
            rc = r.returncode
            err = r.stderr.decode(errors="replace")
            wall = rss = None
            if lines:
                m = re.fullmatch(r"\s*([\d.]+) (\d+)\s*", lines[-1])
                if m:
                    wall, rss = float(m.group(1)), int(m.group(2))
            if wall is None:
                return dict(ok=False, wall=None, rss_kib=None, harness_wall=harness, rc=rc,
                            err=err or "could not parse GNU time output")
        else:
            t0 = time.perf_counter()
            try:
                p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE)
            except OSError as e:
                return dict(ok=False, wall=None, rss_kib=None, harness_wall=0.0, rc=127, err=str(e))
            err_bytes = p.stderr.read()
            _, status, ru = os.wait4(p.pid, 0)
            p.returncode = os.waitstatus_to_exitcode(status)
            harness = time.perf_counter() - t0
            wall, rss, rc = harness, ru.ru_maxrss, p.returncode
            err = err_bytes.decode(errors="replace")
        return dict(ok=(rc == 0), wall=wall, rss_kib=rss, harness_wall=harness, rc=rc, err=err)


# --------------------------------------------------------------------------
# totals: normalised {(account, commodity): Decimal}

NUM_RE = re.compile(r"[-+]?\d(?:[\d,.' ]*\d)?")


def parse_number(text):
    s = text.strip().replace("'", "").replace(" ", "")
    neg = s.startswith("-")
    s = s.lstrip("+-")
    if "," in s and "." in s:
        # the later separator is the decimal mark
        if s.rfind(",") > s.rfind("."):
            s = s.replace(".", "").replace(",", ".")
        else:
            s = s.replace(",", "")
    elif "," in s:
        parts = s.split(",")
        if len(parts) > 2 or len(parts[-1]) == 3:
            s = s.replace(",", "")          # thousands separators
        else:
            s = s.replace(",", ".")         # decimal comma
    d = Decimal(s)
    return -d if neg else d


def parse_amount(text):
    """'-1,234.50 JPY', '$-5', '-$5', '"ACME 1" 3' -> (commodity, Decimal)."""
    text = text.strip()
    if text.startswith('"'):
        end = text.find('"', 1)
        comm, rest = text[1:end], text[end + 1:]
        neg = rest.strip().startswith("-")
        q = parse_number(rest.strip().lstrip("-"))
        return comm, (-q if neg else q)
    m = None
    for m in NUM_RE.finditer(text):
        break
    if m is None:
        raise ValueError(f"no number in amount {text!r}")
    q = parse_number(m.group(0))
    comm = (text[:m.start()] + " " + text[m.end():]).strip()
    if comm.startswith("-"):
        q, comm = -q, comm[1:].strip()
    if comm.endswith('"') and comm.startswith('"'):
        comm = comm[1:-1]
    return comm, q


def add_total(totals, account, commodity, qty):
    key = (account, commodity)
    totals[key] = totals.get(key, Decimal(0)) + qty


def drop_zeros(totals):
    return {k: v for k, v in totals.items() if v != 0}


def totals_kessan(out):
    rd = csv.reader(io.StringIO(out))
    header = next(rd, None)
    if header is None or [h.strip().lower() for h in header] != ["account", "amount", "commodity"]:
        raise ValueError(f"unexpected CSV header {header!r} (want account,amount,commodity)")
    totals = {}
    for row in rd:
        if not row:
            continue
        account, amount, commodity = row[0], row[1], row[2] if len(row) > 2 else ""
        add_total(totals, account, commodity.strip().strip('"'), parse_number(amount))
    return drop_zeros(totals)


def totals_ledger(out):
    totals = {}
    account = None
    for line in out.splitlines():
        if not line.strip():
            continue
        if "\t" in line:
            account, amounts = line.split("\t", 1)
        else:
            amounts = line          # further commodities of the previous account
        if not account:
            continue
        comm, q = parse_amount(amounts)
        add_total(totals, account, comm, q)
    return drop_zeros(totals)


def totals_hledger(out, bare):
    rd = csv.reader(io.StringIO(out))
    header = next(rd, None)
    totals = {}
    for row in rd:
        if not row:
            continue
        if bare:
            account, comm, amount = row[0], row[1], row[2]
            add_total(totals, account, comm, parse_number(amount))
        else:
            account, amounts = row[0], row[1]
            for a in amounts.split(", "):
                comm, q = parse_amount(a)
                add_total(totals, account, comm, q)
    return drop_zeros(totals)


def collect_totals(tool, cmd_base, journal):
    """Return (totals, None) or (None, error message)."""
    f = str(journal)
    try:
        if tool == "kessan":
            r = subprocess.run(cmd_base + ["bal", "-f", f, "--flat", "--format", "csv"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                return None, f"exit {r.returncode}: {tail(r.stderr)}"
            return totals_kessan(r.stdout), None
        if tool == "ledger":
            r = subprocess.run(cmd_base + ["-f", f, "bal", "--flat", "--no-total",
                                           "--format", "%(account)\t%(scrub(display_amount))\n"],
                               capture_output=True, text=True)
            if r.returncode != 0:
                return None, f"exit {r.returncode}: {tail(r.stderr)}"
            return totals_ledger(r.stdout), None
        if tool == "hledger":
            base = cmd_base + ["-f", f, "bal", "--flat", "-N", "-O", "csv"]
            r = subprocess.run(base + ["--layout=bare"], capture_output=True, text=True)
            if r.returncode == 0:
                return totals_hledger(r.stdout, bare=True), None
            r = subprocess.run(base, capture_output=True, text=True)   # hledger < 1.21
            if r.returncode != 0:
                return None, f"exit {r.returncode}: {tail(r.stderr)}"
            return totals_hledger(r.stdout, bare=False), None
    except (ValueError, InvalidOperation, IndexError, OSError) as e:
        return None, f"could not read its output: {e}"
    raise AssertionError(tool)


def tail(text, n=300):
    text = " ".join(text.strip().split())
    return text if len(text) <= n else "…" + text[-n:]


def compare_totals(all_totals):
    """all_totals: {tool: totals}.  Returns (agree: bool|None, text)."""
    tools = list(all_totals)
    if len(tools) < 2:
        return None, "not checked (fewer than two tools produced totals)"
    ref_tool = "ledger" if "ledger" in all_totals else tools[0]
    ref = all_totals[ref_tool]
    problems = []
    for t in tools:
        if t == ref_tool:
            continue
        got = all_totals[t]
        keys = sorted(set(ref) | set(got))
        diffs = [k for k in keys if ref.get(k) != got.get(k)]
        if diffs:
            ex = "; ".join(f"{a} {c or '(no commodity)'}: {ref_tool} {ref.get((a, c), 0)}, "
                           f"{t} {got.get((a, c), 0)}" for a, c in diffs[:3])
            problems.append(f"{t} differs from {ref_tool} on {len(diffs)} of {len(keys)} "
                            f"balances (e.g. {ex})")
    names = ", ".join(tools)
    if problems:
        return False, "no — " + "; ".join(problems)
    n = len(ref)
    return True, f"yes ({names}: identical {n} account/commodity balances)"


# --------------------------------------------------------------------------
# main benchmark

def resolve_tools(args):
    """Return ({tool: argv prefix}, [notes about missing tools])."""
    cmds, notes = {}, []
    if "kessan" in args.tools:
        k = Path(args.kessan) if args.kessan else DEFAULT_KESSAN
        if not k.is_absolute() and args.kessan is None:
            k = REPO / k
        k = k.resolve() if k.exists() else k
        if k.is_file() and os.access(k, os.X_OK):
            cmds["kessan"] = [str(k)]
        else:
            notes.append(f"kessan: not found or not executable at `{k}` — skipped "
                         f"(build it, or pass --kessan PATH)")
    for tool, cmd, pkg in (("ledger", args.ledger, "ledger"), ("hledger", args.hledger, "hledger")):
        if tool not in args.tools:
            continue
        exe = shutil.which(cmd)
        if exe:
            cmds[tool] = [exe]
        else:
            notes.append(f"{tool}: `{cmd}` not found on PATH — skipped "
                         f"(apt-get install -y {pkg}, or pass --{tool} CMD)")
    return cmds, notes


def snapshot_binary(path, workdir):
    """Copy the binary into workdir so that every measurement uses the same
    build even if the original is rebuilt meanwhile.  Waits until the file has
    not changed for two seconds and the copy runs."""
    src = Path(path)
    dst = Path(workdir) / src.name
    for _ in range(30):
        st = src.stat()
        if time.time() - st.st_mtime < 2:
            time.sleep(2)
            continue
        shutil.copy2(src, dst)
        if src.stat().st_mtime_ns == st.st_mtime_ns and src.stat().st_size == dst.stat().st_size:
            try:
                ok = subprocess.run([str(dst), "--version"], capture_output=True,
                                    timeout=30).returncode == 0
            except (OSError, subprocess.TimeoutExpired):
                ok = False
            if ok:
                return dst, sha256_file(dst)
        time.sleep(2)
    raise SystemExit(f"error: could not take a stable copy of {src}")


def tool_versions(cmds, kessan_src=None, kessan_sha=None):
    v = {}
    if "kessan" in cmds:
        v["kessan"] = first_line(cmds["kessan"] + ["--version"]) or "version unknown"
        v["kessan"] += (f" (`{kessan_src or cmds['kessan'][0]}`"
                        + (f", sha256 {kessan_sha[:12]}" if kessan_sha else "")
                        + f", repository {git_describe()})")
    if "ledger" in cmds:
        v["ledger"] = first_line(cmds["ledger"] + ["--version"]) or "version unknown"
    if "hledger" in cmds:
        v["hledger"] = first_line(cmds["hledger"] + ["--version"]) or "version unknown"
    return v


def timed_command(tool, base, journal):
    f = str(journal)
    if tool == "kessan":
        return base + ["bal", "-f", f]
    return base + ["-f", f, "bal"]


def bench_size(size, args, cmds, timer, data_dir, generator):
    log(f"\n== size {size} ==")
    journal, meta = ensure_journal(size, args.seed, data_dir, generator)
    runs = args.runs if args.runs is not None else (1 if size >= 1_000_000 else 3)
    res = {"size": size, "journal": journal, "meta": meta, "runs": runs,
           "tools": {}, "skipped": [], "check": None}

    active = dict(cmds)
    if "hledger" in active and args.skip_hledger_above is not None and size > args.skip_hledger_above:
        del active["hledger"]
        res["skipped"].append(f"hledger: skipped for this size (--skip-hledger-above "
                              f"{args.skip_hledger_above})")

    warm_page_cache(journal)
    for tool in TOOLS:
        if tool not in active:
            continue
        cmd = timed_command(tool, active[tool], journal)
        samples = []
        failure = None
        for i in range(runs):
            log(f"  {tool} run {i + 1}/{runs}: {' '.join(cmd)} > /dev/null")
            s = timer.run(cmd)
            if not s["ok"]:
                failure = f"exit {s['rc']}: {tail(s['err'])}"
                log(f"    FAILED ({failure})")
                break
            log(f"    {s['wall']:.2f} s, {s['rss_kib'] / 1024:.0f} MB")
            samples.append(s)
        res["tools"][tool] = {"samples": samples, "failure": failure}

    if args.no_check:
        res["check"] = (None, "not checked (--no-check)")
    else:
        all_totals, errors = {}, []
        for tool in TOOLS:
            t = res["tools"].get(tool)
            if t is None or t["failure"]:
                continue
            log(f"  collecting {tool} totals ...")
            totals, err = collect_totals(tool, active[tool], journal)
            if err:
                errors.append(f"{tool}: {err}")
            else:
                all_totals[tool] = totals
        agree, text = compare_totals(all_totals)
        if errors:
            agree = False
            text = "no — totals could not be read from " + "; ".join(errors)
            if len(all_totals) >= 2:
                text += f" (among the others: {compare_totals(all_totals)[1]})"
        res["check"] = (agree, text)
        log(f"  totals agree: {text}")
    return res


def summarise(tool_res):
    s = tool_res["samples"]
    if tool_res["failure"] or not s:
        return None
    walls = [x["wall"] for x in s]
    return {"best": min(walls), "median": statistics.median(walls),
            "rss_mb": max(x["rss_kib"] for x in s) / 1024, "n": len(s)}


def ratios(res):
    """Return {tool: (speedup vs ledger, memory fraction of ledger)}."""
    sums = {t: summarise(r) for t, r in res["tools"].items()}
    led = sums.get("ledger")
    out = {}
    for t, s in sums.items():
        if s is None or led is None:
            out[t] = (None, None)
            continue
        sp = led["best"] / s["best"] if s["best"] > 0 else float("inf")
        out[t] = (sp, s["rss_mb"] / led["rss_mb"] if led["rss_mb"] else None)
    return sums, out


def fmt_speed(x):
    if x is None:
        return "–"
    if x == float("inf"):
        return "∞ (below timer resolution)"
    return f"{x:.1f}x"


def fmt_frac(x):
    return "–" if x is None else f"{x:.3f} ({x * 100:.1f}%)"


def size_section(res):
    meta = res["meta"]
    lines = []
    lines.append(f"### N = {res['size']:,} ({meta['transactions']:,} transactions, "
                 f"{meta['bytes'] / 1e6:.0f} MB journal, seed {meta['seed']})")
    lines.append("")
    lines.append(f"Timed runs per tool: {res['runs']}.")
    lines.append("")
    lines.append("| tool | wall s (best) | wall s (median) | peak MB | speed-up vs ledger "
                 "(ledger time / tool time) | memory vs ledger (tool peak / ledger peak) |")
    lines.append("|---|---:|---:|---:|---:|---:|")
    sums, rat = ratios(res)
    for tool in TOOLS:
        if tool not in res["tools"]:
            continue
        s = sums[tool]
        if s is None:
            lines.append(f"| {tool} | failed | | | | |")
            continue
        sp, mf = rat[tool]
        lines.append(f"| {tool} | {s['best']:.2f} | {s['median']:.2f} | {s['rss_mb']:.0f} | "
                     f"{fmt_speed(sp)} | {fmt_frac(mf)} |")
    lines.append("")
    for tool, t in res["tools"].items():
        if t["failure"]:
            lines.append(f"- {tool} failed: {t['failure']}")
    for note in res["skipped"]:
        lines.append(f"- {note}")
    agree, text = res["check"]
    lines.append(f"- Account totals agree: {text}")
    raw = []
    for tool in TOOLS:
        t = res["tools"].get(tool)
        if not t or not t["samples"]:
            continue
        runs = ", ".join(f"{x['wall']:.2f} s / {x['rss_kib'] / 1024:.0f} MB" for x in t["samples"])
        raw.append(f"{tool}: {runs}")
    if raw:
        lines.append("- Individual runs (wall / peak RSS): " + "; ".join(raw))
    lines.append("")
    return lines


def evaluate_target(results):
    """Return (met: bool|None, text)."""
    res = next((r for r in results if r["size"] == TARGET_SIZE), None)
    if res is None:
        return None, f"not evaluated (size {TARGET_SIZE} was not run)"
    sums, rat = ratios(res)
    missing = [t for t in ("kessan", "ledger") if sums.get(t) is None]
    if missing:
        why = ", ".join(f"{t} {'failed' if t in res['tools'] else 'not run'}" for t in missing)
        return None, f"not evaluated ({why})"
    sp, mf = rat["kessan"]
    speed_ok = sp >= TARGET_SPEEDUP
    mem_ok = mf <= TARGET_MEM_FRACTION
    agree = res["check"][0]
    detail = (f"kessan {fmt_speed(sp)} faster than ledger (needs ≥ {TARGET_SPEEDUP:.0f}x: "
              f"{'ok' if speed_ok else 'missed'}), using {fmt_frac(mf)} of ledger's peak memory "
              f"(needs ≤ {TARGET_MEM_FRACTION}: {'ok' if mem_ok else 'missed'})")
    if agree is False:
        return False, f"**not met** — account totals disagree; {detail}"
    met = speed_ok and mem_ok
    note = "" if agree else " (totals not checked)"
    return met, f"**{'met' if met else 'not met'}** — {detail}{note}"


def report(results, machine, versions, notes, timer, target):
    lines = []
    lines.append(f"## Run of {machine['date']}")
    lines.append("")
    lines.append(f"- Machine: {machine['cpu']}, nproc {machine['nproc']}, {machine['mem']} RAM, "
                 f"{machine['os']}; load average at start {machine['load']}")
    for tool in TOOLS:
        if tool in versions:
            lines.append(f"- {tool}: {versions[tool]}")
    for n in notes:
        lines.append(f"- {n}")
    try:
        load1 = float(machine["load"].split()[0])
    except (ValueError, IndexError):
        load1 = 0.0
    if load1 >= 0.5:
        lines.append(f"- Note: the machine was not idle at start (1-minute load average {load1:.2f} "
                     f"on {machine['nproc']} CPUs); other processes may have inflated the timings.")
    lines.append(f"- Measured: `kessan bal -f FILE`, `ledger -f FILE bal`, `hledger -f FILE bal`, "
                 f"output to /dev/null, journal in the page cache, kessan run from a copy of the binary taken at the start; timer: {timer.method}. "
                 f"Speed-up uses best wall times; memory uses the largest peak RSS "
                 f"(MB = 2^20 bytes).")
    lines.append("")
    for res in results:
        lines += size_section(res)
    lines.append("### Target")
    lines.append("")
    lines.append(f"> {TARGET_TEXT}")
    lines.append("")
    lines.append(f"Result: {target[1]}")
    lines.append("")
    return "\n".join(lines)


def write_results(path, section, append):
    path = Path(path)
    header = ("# kessan benchmark results\n\n"
              "Produced by `bench/run.sh` (see `bench/README.md`).\n\n"
              f"Target: {TARGET_TEXT}.\n\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    if append and path.exists():
        existing = path.read_text()
        if not existing.endswith("\n"):
            existing += "\n"
        path.write_text(existing + "\n" + section)
    else:
        path.write_text(header + section)


def main(argv):
    args = parse_args(argv)
    data_dir = Path(args.data_dir) if args.data_dir else DEFAULT_DATA_DIR
    generator = Path(args.generator) if args.generator else DEFAULT_GENERATOR

    cmds, notes = resolve_tools(args)
    for n in notes:
        log("warning: " + n)
    if not cmds:
        log("error: none of the tools to benchmark is available")
        return 2
    if "ledger" in cmds:
        lv = first_line(cmds["ledger"] + ["--version"]) or ""
        if not re.search(r"\b3\.3\.", lv):
            notes.append(f"note: the target refers to ledger 3.3; this run used `{lv or 'unknown'}`")

    workdir = tempfile.mkdtemp(prefix="kessan-bench.")
    try:
        kessan_src = kessan_sha = None
        if "kessan" in cmds:
            kessan_src = cmds["kessan"][0]
            snap, kessan_sha = snapshot_binary(kessan_src, workdir)
            cmds["kessan"] = [str(snap)]
            log(f"measuring a copy of {kessan_src} (sha256 {kessan_sha[:12]})")

        timer = Timer()
        machine = machine_info()
        versions = tool_versions(cmds, kessan_src, kessan_sha)
        log(f"machine: {machine['cpu']}, nproc {machine['nproc']}, {machine['mem']}, "
            f"load {machine['load']}, {machine['date']}")

        results = [bench_size(size, args, cmds, timer, data_dir, generator) for size in args.sizes]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    target = evaluate_target(results)
    text = report(results, machine, versions, notes, timer, target)
    print()
    print(text)
    if args.out:
        write_results(args.out, text, args.append)
        log(f"results written to {args.out}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        sys.exit(130)
