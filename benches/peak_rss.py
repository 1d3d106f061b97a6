#!/usr/bin/env python3
"""Peak memory of byline on generated inputs, against the promise of
src/extract/budget.rs: peak RSS within 10x the input (64 MB at least).

    cargo build --release && python3 benches/peak_rss.py [--binary PATH] [--scale 1 4]

For each generator (tiny blocks by the million, as in a hostile page, and
prose, as in a long book) at each scale, runs `byline extract --format
json` and the reader (in a pseudo-terminal: first screen, `G`, `q`) and
prints peak RSS, its ratio to the input, whether the input was refused,
and whether the promise held. Exits 1 if it did not hold anywhere.
"""

import argparse
import os
import pty
import random
import select
import subprocess
import sys
import tempfile
import textwrap
import time

MB = 1_000_000
FLOOR = 64 * MB
RATIO = 10

# name -> (extension, function of a scale giving the text). Scale 1 is the
# size of the generators of issue 22 that cost gigabytes before (4.8 MB of
# text); prose is a book's worth of wrapped paragraphs.
GENERATORS = {
    "text-tiny": ("txt", lambda k: "x\n\n" * (1_600_000 * k) + "Last line: end.\n"),
    "html-tiny": ("html", lambda k: "<html><body>" + "<p>x</p>" * (600_000 * k)),
    "md-tiny": ("md", lambda k: "- x\n" * (1_200_000 * k)),
    "text-edge": ("txt", lambda k: "x\n\n" * 85_000),
    "html-edge": ("html", lambda k: "<html><body>" + "<p>x</p>" * 120_000),
    "text-lines": ("txt", lambda k: (("A line of prose that is one sentence long. " * 2 + "\n") * 8 + "\n") * (7_000 * k)),
    "text-book": ("txt", lambda k: book(3_500 * k)),
    "html-prose": ("html", lambda k: "<html><body><article>" + ("<p>" + "Prose in a paragraph of an article, said the minister. " * 8 + "</p>") * (11_000 * k)),
    "md-prose": ("md", lambda k: ("A paragraph of Markdown prose with *emphasis* in it. " * 8 + "\n\n") * (11_000 * k)),
}


# Peak RSS is read by GNU time, a small process: a child forked from this
# script would report the script's own memory as its peak (Linux keeps the
# high-water mark across exec).
TIME = "/usr/bin/time"


def timed(argv, report):
    return [TIME, "-f", "%M", "-o", report, *argv]


def read_peak(report):
    with open(report) as lines:
        return int(lines.read().split()[-1]) * 1024


def book(paragraphs):
    """Paragraphs of sentences wrapped at 72 columns, as a saved book is."""
    words = "the minister said that policy on ferries would change after the vote in spring".split()
    rng = random.Random(1)
    out = []
    for _ in range(paragraphs):
        sentences = [" ".join(rng.choice(words) for _ in range(rng.randint(8, 20))).capitalize() + "." for _ in range(6)]
        out.append(textwrap.fill(" ".join(sentences), 72))
    return "\n\n".join(out) + "\n"


def peak_of_extract(binary, path, report):
    """Peak RSS in bytes and exit status of `extract --format json`."""
    done = subprocess.run(
        timed([binary, "extract", "--format", "json", path], report),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return read_peak(report), done.returncode


def peak_of_reader(binary, path, report):
    """Peak RSS in bytes and exit status of the reader, driven in a pty."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        argv = timed([binary, path], report)
        os.execv(argv[0], argv)
    os.set_blocking(fd, False)

    def drain(seconds):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    if not os.read(fd, 65536):
                        return
                except OSError:
                    return

    drain(3.0)
    for key in (b"G", b"q"):
        try:
            os.write(fd, key)
        except OSError:
            break
        drain(1.0)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return read_peak(report), os.waitstatus_to_exitcode(status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="target/release/byline")
    parser.add_argument("--scale", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--only", help="run only generators whose name contains this")
    args = parser.parse_args()
    if not os.path.exists(TIME):
        sys.exit(f"{TIME} (GNU time) is needed to read peak memory")
    binary = os.path.abspath(args.binary)
    failed = 0
    print(f"{'input':<16}{'scale':>6}{'size':>10}  {'mode':<8}{'peak':>10}{'ratio':>8}  result")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (ext, generate) in GENERATORS.items():
            if args.only and args.only not in name:
                continue
            scales = [1] if name.endswith("-edge") else args.scale
            for scale in scales:
                path = os.path.join(tmp, f"{name}-{scale}.{ext}")
                with open(path, "w") as out:
                    out.write(generate(scale))
                size = os.path.getsize(path)
                for mode, measure in (("extract", peak_of_extract), ("reader", peak_of_reader)):
                    peak, code = measure(binary, path, os.path.join(tmp, "peak"))
                    allowed = max(size * RATIO, FLOOR)
                    held = peak <= allowed
                    failed += not held
                    outcome = "refused" if code == 2 else f"exit {code}"
                    print(
                        f"{name:<16}{scale:>6}{size / MB:>8.1f}MB  {mode:<8}{peak / MB:>8.1f}MB"
                        f"{peak / size:>7.1f}x  {outcome}, {'ok' if held else 'OVER'} (allowed {allowed / MB:.0f} MB)"
                    )
                os.remove(path)
    print(f"peak_rss: {'all within' if not failed else f'{failed} over'} max(10x input, 64 MB)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
