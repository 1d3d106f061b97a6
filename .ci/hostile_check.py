#!/usr/bin/env python3
"""Runs `byline extract` over every hostile input and checks what a correct
reader must do (../shared/corpus/hostile/README.md): exit 0, 1 or 2 within the
time limit, no panic, only valid UTF-8 with no control character but newline
and tab (JSON strings included: the model is sanitised), and exactly one line
on stderr with nothing on stdout when it refuses.

usage: hostile_check.py BINARY HOSTILE_DIR [BIG_DIR]
BIG_DIR holds gen_big.py's output; it is generated there when missing.
"""
import json
import os
import subprocess
import sys
import time

TIME_LIMIT_S = 20.0


def bad_chars(text):
    """Control characters other than newline and tab, DEL and C1 controls."""
    return sorted({f"U+{ord(c):04X}" for c in text
                   if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F})


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from json_strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from json_strings(item)


def check(binary, path, fmt):
    start = time.monotonic()
    try:
        proc = subprocess.run([binary, "extract", path, "--format", fmt],
                              capture_output=True, timeout=TIME_LIMIT_S)
    except subprocess.TimeoutExpired:
        return None, TIME_LIMIT_S, ["timed out"]
    seconds = time.monotonic() - start
    problems = []
    if proc.returncode not in (0, 1, 2):
        problems.append(f"exit {proc.returncode}")
    if b"panicked" in proc.stderr:
        problems.append("panicked")
    try:
        out = proc.stdout.decode("utf-8")
    except UnicodeDecodeError as error:
        problems.append(f"stdout not UTF-8 ({error.reason} at {error.start})")
        out = ""
    found = bad_chars(out)
    if found:
        problems.append("stdout controls " + " ".join(found[:5]))
    if fmt == "json" and out:
        try:
            strings = "".join(json_strings(json.loads(out)))
            found = bad_chars(strings)
            if found:
                problems.append("JSON string controls " + " ".join(found[:5]))
        except ValueError as error:
            problems.append(f"invalid JSON: {error}")
    if proc.returncode == 2:
        err_lines = proc.stderr.decode("utf-8", "replace").splitlines()
        if len(err_lines) != 1:
            problems.append(f"{len(err_lines)} stderr lines on refusal")
        if proc.stdout:
            problems.append("stdout not empty on refusal")
        found = bad_chars(proc.stderr.decode("utf-8", "replace"))
        if found:
            problems.append("stderr controls " + " ".join(found[:5]))
    return proc.returncode, seconds, problems


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, hostile = sys.argv[1], sys.argv[2]
    inputs = sorted(os.path.join(hostile, name) for name in os.listdir(hostile)
                    if name.endswith((".html", ".txt", ".md")) and name != "forbid-markers.txt")
    if len(sys.argv) > 3:
        big = sys.argv[3]
        if not os.path.exists(os.path.join(big, "big_50mb.html")):
            os.makedirs(big, exist_ok=True)
            subprocess.run([sys.executable, os.path.join(hostile, "gen_big.py"), big], check=True,
                           stdout=subprocess.DEVNULL)
        inputs += sorted(os.path.join(big, name) for name in os.listdir(big))
    failures = 0
    for path in inputs:
        for fmt in ("text", "json"):
            code, seconds, problems = check(binary, path, fmt)
            verdict = "ok" if not problems else "FAIL: " + "; ".join(problems)
            failures += bool(problems)
            print(f"{os.path.basename(path):32} {fmt:5} exit {code} {seconds:6.2f}s  {verdict}")
    print(f"hostile inputs {len(inputs)} runs {2 * len(inputs)} failures {failures}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
