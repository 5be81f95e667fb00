#!/usr/bin/env python3
"""Median first-screen and toggle times of the reader on one file, the two commands run in
turn so that a drift in the machine's speed does not land in their difference.

    python3 tools/toggle_delta.py FILE [ROUNDS]

Runs `target/release/qunxiang --snapshot 120x40 FILE` and the same with `--keys t`,
ROUNDS times each (default 25), and prints the medians in milliseconds and their
difference (issue 7: a toggle under 20 ms more than the first screen).
"""
import statistics
import subprocess
import sys
import time


def main() -> None:
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    binary = "target/release/qunxiang"
    commands = {
        "first": [binary, "--snapshot", "120x40", path],
        "toggle": [binary, "--snapshot", "120x40", "--keys", "t", path],
    }
    times = {name: [] for name in commands}
    for _ in range(rounds):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    medians = {name: statistics.median(t) * 1000 for name, t in times.items()}
    print(
        f"{path}: first screen {medians['first']:.1f} ms, "
        f"toggle {medians['toggle']:.1f} ms, "
        f"difference {medians['toggle'] - medians['first']:.1f} ms"
    )


if __name__ == "__main__":
    main()
