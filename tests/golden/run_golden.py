#!/usr/bin/env python3
r"""Runs golden test cases: input files, a command, and its expected output.

A case is one `.test` file made of sections, each opened by a line
`--- NAME [ARG]`:

    --- file main.journal      a file written into the case's scratch directory
    --- bytes data.journal     the same, with \xHH escapes turned into bytes
    --- command                the command line; `kessan` is the binary under test
    --- stdout                 expected standard output (exact)
    --- stderr                 expected standard error (exact; omit to ignore)
    --- exit                   expected exit code (default 0)

Lines before the first section are comments. `file` sections may repeat
(for includes). The command runs in the scratch directory through the shell,
with $KESSAN (the binary) and $KESSAN_SOURCE_DIR (the repository) set, and
$KESSAN_SANITIZED set to 1 when the binary was built with sanitizers (a case
that caps memory with `ulimit -v` skips the cap then: ASan reserves terabytes
of address space). A case that has not finished after 120 seconds
(KESSAN_GOLDEN_TIMEOUT) fails, and everything its command started is stopped.

Usage: run_golden.py --kessan PATH CASE.test...   (or a directory of cases)
       KESSAN_UPDATE_GOLDEN=1 rewrites expectations from the actual output.
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path


SOURCE_DIR = Path(__file__).resolve().parents[2]
TIMEOUT_SECONDS = int(os.environ.get("KESSAN_GOLDEN_TIMEOUT", "120"))


def parse_case(path):
    sections = []
    current = None
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.startswith("--- "):
            parts = line[4:].split(maxsplit=1)
            current = [parts[0], parts[1] if len(parts) > 1 else None, []]
            sections.append(current)
        elif current is not None:
            current[2].append(line)
    out = {"files": [], "command": None, "stdout": None, "stderr": None, "exit": 0}
    for name, arg, lines in sections:
        # A section's text ends with a newline unless it is empty; the blank
        # line that separates sections is not part of the text.
        while lines and lines[-1] == "":
            lines.pop()
        text = "\n".join(lines) + ("\n" if lines else "")
        if name == "file":
            out["files"].append((arg or "main.journal", text.encode("utf-8")))
        elif name == "bytes":
            data = re.sub(rb"\\x([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8"))
            out["files"].append((arg or "main.journal", data))
        elif name == "command":
            out["command"] = text.strip()
        elif name in ("stdout", "stderr"):
            out[name] = text
        elif name == "exit":
            out["exit"] = int(text.strip())
        else:
            raise SystemExit(f"{path}: unknown section '{name}'")
    if not out["command"]:
        raise SystemExit(f"{path}: no command section")
    return out


def run_case(path, kessan, sanitized=False):
    case = parse_case(path)
    scratch = Path(tempfile.mkdtemp(prefix="kessan-golden-"))
    try:
        for name, text in case["files"]:
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text)
        env = dict(os.environ, KESSAN=kessan, KESSAN_SOURCE_DIR=str(SOURCE_DIR))
        env.pop("LEDGER_FILE", None)
        env.pop("KESSAN_SANITIZED", None)
        if sanitized:
            env["KESSAN_SANITIZED"] = "1"
        command = case["command"].replace("kessan ", '"$KESSAN" ', 1) if case["command"].startswith("kessan ") \
            else case["command"]
        # The command runs in a process group of its own, so that a case that
        # runs too long is stopped with everything it started.
        proc = subprocess.Popen(command, shell=True, cwd=scratch, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, start_new_session=True)
        try:
            stdout, stderr = proc.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return [("exit", "the command to finish", f"still running after {TIMEOUT_SECONDS} s")]
        got = {
            "stdout": stdout.decode("utf-8", "replace"),
            "stderr": stderr.decode("utf-8", "replace"),
            "exit": proc.returncode,
        }
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    problems = []
    for key in ("stdout", "stderr", "exit"):
        want = case[key]
        if want is None:
            continue
        if got[key] != want:
            problems.append((key, want, got[key]))
    if problems and os.environ.get("KESSAN_UPDATE_GOLDEN") == "1":
        update(path, got)
        return []
    return problems


def update(path, got):
    text = path.read_text(encoding="utf-8")
    head = text.split("\n--- stdout")[0].split("\n--- stderr")[0].split("\n--- exit")[0].rstrip("\n")
    text = head + "\n--- stdout\n" + got["stdout"]
    if got["stderr"]:
        text += ("\n" if not text.endswith("\n") else "") + "--- stderr\n" + got["stderr"]
    if got["exit"] != 0:
        text += ("\n" if not text.endswith("\n") else "") + f"--- exit\n{got['exit']}\n"
    path.write_text(text, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kessan", required=True)
    ap.add_argument("--sanitized", action="store_true", help="the binary was built with sanitizers")
    ap.add_argument("cases", nargs="+")
    args = ap.parse_args()
    kessan = str(Path(args.kessan).resolve())
    paths = []
    for c in args.cases:
        p = Path(c)
        paths.extend(sorted(p.rglob("*.test")) if p.is_dir() else [p])
    passed = failed = 0
    for p in paths:
        problems = run_case(p, kessan, args.sanitized)
        if problems:
            failed += 1
            print(f"FAIL {p}")
            for key, want, got in problems:
                print(f"  {key}: expected:\n{indent(want)}\n  {key}: got:\n{indent(got)}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def indent(v):
    return "\n".join("    | " + line for line in str(v).split("\n"))


if __name__ == "__main__":
    sys.exit(main())
