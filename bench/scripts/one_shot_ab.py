#!/usr/bin/env python3
"""One-shot A/B: two or more r2p-search builds, a fresh process per query, alternated.

For a lever that changes r2p-search's process (its start, its first query) and is too small
for the noise between two r2p-bench runs: each query of the bench's query set runs with
theme+role facets (as r2p-bench's one-shot fp figures), every build in turn, so a slow moment
of the machine falls on all of them alike. Prints each build's median per class and over all
runs, and its p99.

  bench/scripts/one_shot_ab.py --db bench-work/1000000/ours.db \\
      --queries bench-work/1000000/queries OLD/r2p-search NEW/r2p-search
"""
import argparse
import os
import shlex
import statistics
import subprocess
import sys
import time

CLASSES = ['frequent-term', 'rare-term', 'and', 'or', 'phrase', 'theme-filter', 'facets',
           'wildcard', 'sort-date', 'synonym']


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--db', required=True, help='database (folder or stub folder)')
    parser.add_argument('--queries', required=True, help="a bench's queries/ folder")
    parser.add_argument('--per-class', type=int, default=6, help='first K queries of a class')
    parser.add_argument('--repeats', type=int, default=3, help='runs of each query and build')
    parser.add_argument('builds', nargs='+', help='r2p-search executables to compare')
    args = parser.parse_args()

    ms = {build: {c: [] for c in CLASSES} for build in args.builds}
    for c in CLASSES:
        path = os.path.join(args.queries, c + '.txt')
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            lines = [line.strip() for line in f if line.strip()][:args.per_class]
        for line in lines:
            words = shlex.split(line)
            for _ in range(args.repeats):
                for build in args.builds:
                    command = [build, '--db', args.db, '--json', '--facet', 'theme', '--facet',
                               'role'] + words
                    start = time.perf_counter()
                    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
                    ms[build][c].append((time.perf_counter() - start) * 1000)

    first = None
    for build in args.builds:
        runs = sorted(v for c in CLASSES for v in ms[build][c])
        if not runs:
            sys.exit('no query found under ' + args.queries)
        p50 = statistics.median(runs)
        p99 = runs[min(len(runs) - 1, int(len(runs) * 0.99))]
        first = first or p50
        per_class = ' '.join(f'{c}={statistics.median(ms[build][c]):.1f}'
                             for c in CLASSES if ms[build][c])
        print(f'{build}: p50 {p50:.1f} ms, p99 {p99:.1f} ms, p50/first {p50 / first:.2f}; '
              f'{per_class}')


if __name__ == '__main__':
    main()
