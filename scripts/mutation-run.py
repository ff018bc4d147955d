#!/usr/bin/env python3
"""A seeded random mutation run of real lines through the real binary.

Phase 1 (lines): take N random lines from each of the three Steam files,
damage some of them (byte flips, deletions, insertions, truncation, a value
swapped for another type, huge numbers, control characters, a cut gzip
stream), run `steamlens etl --json` and a set of `steamlens query ... --format
json` on the result, and require:
  * no run is killed by a signal or a trap (exit code >= 128 or negative);
  * the load report adds up: per file, counts >= 0 and, for the games file,
    kept + skipped lines <= lines read <= lines written;
  * every exit-0 answer is JSON whose percentages lie in [0, 100] and whose
    other numbers are finite and >= 0.
Phase 2 (store damage): build a store from undamaged lines, record the JSON
answer of every query, then flip random bytes of the store files (the SQLite
tables, the mapped columns, or both) and ask again: each query must give the
identical answer (read, or rebuilt with a message), or exit non-zero. An
exit-0 different answer is a failure.

stdlib only. Needs the real data ($STEAMLENS_DATA or ../shared/data/steam)
and a built binary ($STEAMLENS_BIN, default the release build). Usage:

    scripts/mutation-run.py [--seed 1] [--lines 200] [--iterations 20] [--store-iterations 20]
"""
import argparse
import gzip
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["steam_games", "australian_user_reviews", "australian_users_items"]
# Line-level skips: each counts one whole line (docs/definitions.md).
LINE_SKIPS = {
    "steam_games": {"malformed-line", "wrong-shape", "oversized-line", "all-nan-row",
                    "game-without-id", "game-id-not-numeric", "duplicate-game-id"},
    "australian_user_reviews": {"malformed-line", "wrong-shape", "oversized-line", "user-without-id"},
    "australian_users_items": {"malformed-line", "wrong-shape", "oversized-line", "user-without-id"},
}
SHARE_KEYS = ("percent", "share")
SIGNED_KEYS = ("score", "similarity", "correlation", "weight")


def data_folder():
    env = os.environ.get("STEAMLENS_DATA")
    candidates = [env] if env else []
    candidates.append(os.path.join(os.path.dirname(ROOT), "shared", "data", "steam"))
    for folder in candidates:
        if folder and os.path.exists(os.path.join(folder, "steam_games.json.gz")):
            return folder
    sys.exit("mutation-run: no real data (set STEAMLENS_DATA or put it in ../shared/data/steam)")


def sample_lines(path, count, rng):
    """Reservoir sample of `count` lines, skipping the games file's all-NaN rows (they teach nothing)."""
    chosen = []
    seen = 0
    with gzip.open(path, "rb") as f:
        for line in f:
            line = line.rstrip(b"\n")
            if line.startswith(b'{"publisher": NaN, "genres": NaN'):
                continue
            seen += 1
            if len(chosen) < count:
                chosen.append(line)
            else:
                j = rng.randrange(seen)
                if j < count:
                    chosen[j] = line
    return chosen


HUGE = [b"99999999999999999999999999", b"-1", b"1e308", b"-1e308", b"1e999", b"NaN", b"Infinity",
        b"9223372036854775808", b"2147483648", b"-0.0"]
VALUES = [b"None", b"True", b"[]", b"{}", b"''", b"\"\"", b"NaN", b"0", b"[[[]]]", b"{'a': 1}", b"null"]
CONTROLS = [b"\x00", b"\x1b[2J", b"\x07", b"\r", b"\x1b]0;owned\x07", b"\xe2\x80\xae", b"\xff\xfe", b"\t", b"\x85"]


def mutate(line, rng):
    kind = rng.randrange(8)
    if not line:
        return rng.choice(VALUES)
    at = rng.randrange(len(line))
    if kind == 0:  # flip bits
        out = bytearray(line)
        for _ in range(rng.randint(1, 4)):
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == 1:  # delete a run
        return line[:at] + line[at + rng.randint(1, 20):]
    if kind == 2:  # insert random bytes
        return line[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 8))) + line[at:]
    if kind == 3:  # truncate
        return line[:at]
    if kind == 4 or kind == 5:  # swap a value for another type or a huge number
        colons = [i for i, c in enumerate(line) if c == ord(":")]
        if not colons:
            return line[:at]
        start = rng.choice(colons) + 2
        end = start
        while end < len(line) and line[end] not in b",}]":
            end += 1
        replacement = rng.choice(HUGE if kind == 5 else VALUES)
        return line[:start] + replacement + line[end:]
    if kind == 6:  # control characters inside a value
        return line[:at] + rng.choice(CONTROLS) + line[at:]
    return line + line[: rng.randrange(len(line))]  # a line that runs into part of itself


def write_folder(folder, lines_by_file, rng, gzip_damage):
    written = {}
    for name, lines in lines_by_file.items():
        body = b"\n".join(lines) + b"\n"
        # A mutation may add line breaks of its own: count what the file holds.
        written[name] = body.count(b"\n")
        if gzip_damage and rng.random() < 0.5:
            data = gzip.compress(body, mtime=0)
            data = data[: rng.randint(10, len(data))] if rng.random() < 0.5 else data
            path = os.path.join(folder, name + ".json.gz")
        else:
            data = body
            path = os.path.join(folder, name + ".json")
        with open(path, "wb") as f:
            f.write(data)
    return written


def crash_summary(stderr):
    """The trap's message and the project's own frames, from Swift's backtrace."""
    text = stderr.decode("utf-8", "replace").splitlines()
    keep = [l for l in text if "Fatal error" in l or "Crash" in l or "fatal" in l.lower()]
    keep += [l.strip() for l in text if " at /" in l and "/Sources/" in l][:8]
    return "\n".join("    " + l for l in keep[:12]) or "\n".join(text[-5:])


class Run:
    def __init__(self, binary):
        self.binary = binary
        self.failures = []
        self.calls = 0
        self.exits = {}

    def call(self, args, context):
        self.calls += 1
        try:
            result = subprocess.run([self.binary] + args, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            self.fail(context, "timed out: " + " ".join(args))
            return None
        self.exits[result.returncode] = self.exits.get(result.returncode, 0) + 1
        if result.returncode < 0 or result.returncode >= 128:
            self.fail(context, f"exit {result.returncode}: {' '.join(args)}\n{crash_summary(result.stderr)}")
        return result

    def fail(self, context, message):
        self.failures.append(f"[{context}] {message}")
        print(f"FAIL [{context}] {message}", file=sys.stderr)


def check_numbers(value, where, key, problems):
    if isinstance(value, dict):
        for k, v in value.items():
            check_numbers(v, where, k, problems)
    elif isinstance(value, list):
        for v in value:
            check_numbers(v, where, key, problems)
    elif isinstance(value, bool) or value is None or isinstance(value, str):
        return
    elif isinstance(value, (int, float)):
        name = key.lower()
        if not math.isfinite(value):
            problems.append(f"{where}: {key} = {value}")
        elif any(s in name for s in SHARE_KEYS):
            if not 0 <= value <= 100:
                problems.append(f"{where}: {key} = {value} outside [0, 100]")
        elif not any(s in name for s in SIGNED_KEYS) and value < 0:
            problems.append(f"{where}: {key} = {value} < 0")


def queries_for(lines_by_file, rng):
    """Queries over names that occur in the lines (and a few that do not)."""
    developers, users = {"Valve"}, {"76561197970982479"}
    for line in lines_by_file["steam_games"]:
        try:
            row = json.loads(line.decode("utf-8").replace("NaN", "null"))
            if isinstance(row.get("developer"), str):
                developers.add(row["developer"])
        except Exception:
            pass
    for line in lines_by_file["australian_users_items"][:50]:
        start = line.find(b"'user_id': '")
        if start >= 0:
            end = line.find(b"'", start + 12)
            users.add(line[start + 12:end].decode("utf-8", "replace"))
    # A damaged name may hold a NUL, which no command line can carry.
    developers = sorted(d for d in developers if "\x00" not in d)
    developers = developers[:3] + [rng.choice(developers)]
    users = sorted(u for u in users if "\x00" not in u)[:3]
    calls = []
    for developer in developers:
        calls += [["developer", developer], ["developer_reviews_analysis", developer]]
    for user in users:
        calls += [["userdata", user], ["recommend_user", user]]
    for genre in ["Action", "Indie", "Nope"]:
        calls += [["user_for_genre", genre], ["play_time_genre", genre], ["genre_rank", genre]]
    for year in ["2011", "2014", "2015"]:
        calls += [["best_developer_year", year], ["users_recommend", year],
                  ["users_not_recommend", year], ["sentiment_by_year", year]]
    calls += [["count_reviews", "2011-01-01", "2015-12-31"], ["recommend_game", "10"]]
    return calls


def check_report(report, written, context, run):
    for entry in report.get("files", []):
        name = next((n for n in FILES if entry["file"].startswith(n)), None)
        if name is None:
            continue
        counts = [entry.get("lines", 0), entry.get("kept", 0)] + [r["count"] for r in entry.get("rules", [])]
        if any(c < 0 for c in counts):
            run.fail(context, f"{entry['file']}: a negative count in {counts}")
        skipped = sum(r["count"] for r in entry.get("rules", []) if r["rule"] in LINE_SKIPS[name])
        if entry["lines"] > written[name] + 1:
            run.fail(context, f"{entry['file']}: {entry['lines']} lines read from {written[name]} written")
        if name == "steam_games" and entry["kept"] + skipped > entry["lines"]:
            run.fail(context, f"{entry['file']}: kept {entry['kept']} + skipped {skipped} > lines {entry['lines']}")
        if name != "steam_games" and skipped > entry["lines"]:
            run.fail(context, f"{entry['file']}: {skipped} lines skipped of {entry['lines']}")


def line_phase(run, sources, args, rng):
    for iteration in range(args.iterations):
        context = f"lines #{iteration} seed {args.seed}"
        folder = tempfile.mkdtemp(prefix="steamlens-mutation-")
        failures_before = len(run.failures)
        try:
            rate = rng.choice([0.05, 0.2, 0.6])
            mutated = {name: [mutate(l, rng) if rng.random() < rate else l for l in lines]
                       for name, lines in sources.items()}
            written = write_folder(folder, mutated, rng, gzip_damage=rng.random() < 0.3)
            cache = os.path.join(folder, "cache")
            result = run.call(["etl", "--data", folder, "--cache", cache, "--json"], context)
            if result is not None and result.returncode == 0:
                try:
                    check_report(json.loads(result.stdout), written, context, run)
                except ValueError as error:
                    run.fail(context, f"etl --json printed no JSON: {error}")
            for query in queries_for(mutated, rng):
                result = run.call(["query"] + query + ["--data", folder, "--cache", cache, "--format", "json"], context)
                if result is None or result.returncode != 0:
                    continue
                try:
                    answer = json.loads(result.stdout)
                except ValueError as error:
                    run.fail(context, f"query {' '.join(query)} exit 0 without JSON: {error}")
                    continue
                problems = []
                check_numbers(answer, " ".join(query), "", problems)
                for problem in problems:
                    run.fail(context, problem)
        finally:
            if len(run.failures) > failures_before:
                print(f"kept the data of {context} in {folder}", file=sys.stderr)
            else:
                shutil.rmtree(folder, ignore_errors=True)
        print(f"lines #{iteration}: {run.calls} calls so far, {len(run.failures)} failures", flush=True)


def store_phase(run, sources, args, rng):
    folder = tempfile.mkdtemp(prefix="steamlens-store-damage-")
    try:
        write_folder(folder, sources, rng, gzip_damage=False)
        cache = os.path.join(folder, "cache")
        result = run.call(["etl", "--data", folder, "--cache", cache], "store build")
        if result is None or result.returncode != 0:
            run.fail("store build", "etl of undamaged lines failed")
            return
        # The store is two files (docs/store.md): the SQLite tables and the mapped columns.
        stores = {}
        for suffix in (".sqlite", ".columns"):
            found = [f for f in os.listdir(cache) if f.endswith(suffix)]
            if len(found) != 1:
                run.fail("store build", f"expected one {suffix} file in {cache}, found {found}")
                return
            with open(os.path.join(cache, found[0]), "rb") as f:
                stores[os.path.join(cache, found[0])] = f.read()
        queries = queries_for(sources, rng)
        expected = {}
        for query in queries:
            result = run.call(["query"] + query + ["--data", folder, "--cache", cache, "--format", "json"], "store baseline")
            expected[tuple(query)] = (result.returncode, result.stdout) if result else None
        for iteration in range(args.store_iterations):
            context = f"store #{iteration} seed {args.seed}"
            # One file or both: a rebuild of one must never trust the other.
            targets = rng.choice([[path] for path in stores] + [list(stores)])
            flips = []
            for path in targets:
                damaged = bytearray(stores[path])
                for _ in range(rng.choice([1, 3, 10, 50])):
                    # Half the flips land in the first pages (header, schema, meta, directory), where damage is subtle.
                    at = rng.randrange(min(len(damaged), 16384)) if rng.random() < 0.5 else rng.randrange(len(damaged))
                    damaged[at] ^= 1 << rng.randrange(8)
                    flips.append((os.path.splitext(path)[1], at))
                with open(path, "wb") as f:
                    f.write(damaged)
            query = rng.choice(queries)
            result = run.call(["query"] + query + ["--data", folder, "--cache", cache, "--format", "json"], context)
            want = expected[tuple(query)]
            if result is not None and result.returncode == 1 and want is not None and want[0] == 0:
                # "No such game" from a damaged store is a wrong answer too, just not an exit-0 one.
                run.fail(context, f"query {' '.join(query)} answered before the damage but exits 1 after flips at {sorted(flips)[:12]}:\n"
                                  f"  {result.stderr[:300]!r}")
            if result is not None and result.returncode == 0:
                if want is None or want[0] != 0 or want[1] != result.stdout:
                    run.fail(context, f"query {' '.join(query)} exit 0 with a different answer after flips at {sorted(flips)[:12]}:\n"
                                      f"  got  {result.stdout[:300]!r}\n  want {want[1][:300] if want else None!r}")
            for path, good in stores.items():
                with open(path, "wb") as f:
                    f.write(good)
            print(f"store #{iteration}: exit {result.returncode if result else 'timeout'}", flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines", type=int, default=200, help="lines sampled from each file")
    parser.add_argument("--iterations", type=int, default=20)
    parser.add_argument("--store-iterations", type=int, default=20)
    args = parser.parse_args()

    binary = os.environ.get("STEAMLENS_BIN", os.path.join(ROOT, ".build", "release", "steamlens"))
    if not os.access(binary, os.X_OK):
        sys.exit(f"mutation-run: no binary at {binary} (swift build -c release, or set STEAMLENS_BIN)")
    data = data_folder()
    rng = random.Random(args.seed)
    sources = {name: sample_lines(os.path.join(data, name + ".json.gz"), args.lines, rng) for name in FILES}
    print(f"mutation run: seed {args.seed}, {args.lines} lines per file, "
          f"{args.iterations} line iterations, {args.store_iterations} store iterations")
    run = Run(binary)
    line_phase(run, sources, args, rng)
    store_phase(run, sources, args, rng)
    exits = ", ".join(f"{code}: {count}" for code, count in sorted(run.exits.items()))
    print(f"mutation run: {run.calls} calls (exit codes {exits}), {len(run.failures)} failures")
    sys.exit(1 if run.failures else 0)


if __name__ == "__main__":
    main()
