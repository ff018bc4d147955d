#!/usr/bin/env python3
"""Calls every alias of the original notebooks the way they called them
(requests.get on BASE + "/developer/" + name, no parameters) and checks that
each body is byte for byte what `steamlens query NAME ARGS --format json`
prints, and that the v1 route answers the same.

usage: notebook_aliases.py BASE_URL STEAMLENS_BIN [steamlens options such as --data DIR --cache DIR]
"""
import json
import subprocess
import sys

import requests

# alias path (as the notebooks spelled it) -> question of `steamlens query`
ALIASES = {
    "/developer/{desarrollador}": "developer",
    "/userdata/{User_id}": "userdata",
    "/UserForGenre/{genero}": "user_for_genre",
    "/best_developer_year/{año}": "best_developer_year",
    "/developer_reviews_analysis/{desarrolladora}": "developer_reviews_analysis",
    "/PlayTimeGenre/{genero}": "play_time_genre",
    "/UsersRecommend/{año}": "users_recommend",
    "/UsersNotRecommend/{año}": "users_not_recommend",
    "/sentiment_analysis/{año}": "sentiment_by_year",
    "/recomendacion_juego/{id}": "recommend_game",
    "/recomendacion_usuario/{id}": "recommend_user",
}


def main() -> int:
    base, binary, options = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
    document = requests.get(base + "/openapi.json", timeout=30).json()
    failures = 0
    for alias, question in ALIASES.items():
        operation = document["paths"].get(alias, {}).get("get")
        if operation is None:
            print(f"FAIL {alias}: not in /openapi.json")
            failures += 1
            continue
        # The example the server documents (a name from the loaded data).
        argument = operation["parameters"][0]["schema"]["example"]
        url = base + alias.split("{")[0] + argument          # exactly how the notebooks built it
        response = requests.get(url, timeout=30)
        cli = subprocess.run([binary, "query", question, argument, "--format", "json", *options],
                             capture_output=True, check=False)
        if response.status_code != 200 or cli.returncode != 0:
            print(f"FAIL {alias} {argument!r}: HTTP {response.status_code}, CLI exit {cli.returncode}: "
                  f"{response.text[:200]} {cli.stderr.decode()[:200]}")
            failures += 1
            continue
        if response.content != cli.stdout:
            print(f"FAIL {alias} {argument!r}: the body differs from `steamlens query {question} --format json`")
            failures += 1
            continue
        response.json()  # and the notebooks' .json() still parses it
        v1 = [path for path in document["paths"] if path.startswith(f"/v1/steam/{question}/")][0]
        if requests.get(base + v1.split("{")[0] + argument, timeout=30).content != response.content:
            print(f"FAIL {alias}: differs from {v1}")
            failures += 1
            continue
        print(f"ok   {alias} {argument!r} == steamlens query {question} --format json "
              f"({len(response.content)} bytes, {response.headers.get('SteamLens-Definitions')})")
    print(f"notebook aliases: {len(ALIASES) - failures} of {len(ALIASES)} identical to the CLI")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
