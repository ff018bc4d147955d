#!/usr/bin/env python3
"""The reference most users know: a plain FastAPI + pandas server of one
endpoint, as the original notebooks deployed it. `steamlens bench serve`
loads it with the same wrk settings as `steamlens serve` and prints both
(docs/performance.md). Never needed by the tests.

usage: fastapi_baseline.py DATA_DIR PORT   (PORT 0: a free one, printed on stderr)
  serves GET /developer/{desarrollador}: items and free share per release
  year of a developer's games, computed with pandas on each request.
"""
import glob
import gzip
import json
import os
import socket
import sys

import pandas as pd
import uvicorn
from fastapi import FastAPI, HTTPException


def games_file(folder):
    for pattern in ("steam_games*.json.gz", "steam/steam_games*.json.gz", "steam_games*.json"):
        found = sorted(glob.glob(os.path.join(folder, pattern)))
        if found:
            return found[0]
    sys.exit(f"fastapi_baseline: no steam_games file in {folder}")


def load(folder):
    path = games_file(folder)
    opener = gzip.open if path.endswith(".gz") else open
    rows = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            try:
                rows.append(json.loads(line))  # the file spells missing values NaN, which json accepts
            except ValueError:
                continue
    games = pd.DataFrame(rows, columns=["developer", "release_date", "price"])
    games = games.dropna(subset=["developer"])
    games["year"] = pd.to_datetime(games["release_date"], errors="coerce").dt.year
    games["free"] = games["price"].astype(str).str.contains("free", case=False) | (games["price"] == 0)
    games["key"] = games["developer"].str.lower()
    return games


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    if port == 0:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    games = load(folder)
    app = FastAPI()

    @app.get("/developer/{desarrollador}")
    def developer(desarrollador: str):
        rows = games[games["key"] == desarrollador.lower()]
        if rows.empty:
            raise HTTPException(status_code=404, detail="developer not found")
        per_year = rows.groupby("year").agg(items=("free", "size"), free=("free", "mean"))
        return [{"year": int(year), "items": int(row["items"]), "free_percent": round(100 * row["free"], 1)}
                for year, row in per_year.iterrows()]

    print(f"fastapi_baseline: listening on http://127.0.0.1:{port}/", file=sys.stderr, flush=True)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


if __name__ == "__main__":
    main()
