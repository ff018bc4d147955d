#!/usr/bin/env python3
"""Calls every alias of the original notebooks the way they called them
(requests.get on BASE + "/developer/" + name, no parameters) and checks that
each body is byte for byte what `steamlens query NAME ARGS --format json`
prints, and that the v1 route answers the same.

usage: notebook_aliases.py BASE_URL STEAMLENS_BIN STEAM_DATA STREAMING_DATA CACHE
"""
import subprocess
import sys
import urllib.parse

import requests

# alias path (as the notebooks spelled it) -> (data set, question, the path
# parameters in the question's argument order)
ALIASES = {
    "/developer/{desarrollador}": ("steam", "developer", ["desarrollador"]),
    "/userdata/{User_id}": ("steam", "userdata", ["User_id"]),
    "/UserForGenre/{genero}": ("steam", "user_for_genre", ["genero"]),
    "/best_developer_year/{año}": ("steam", "best_developer_year", ["año"]),
    "/developer_reviews_analysis/{desarrolladora}": ("steam", "developer_reviews_analysis", ["desarrolladora"]),
    "/PlayTimeGenre/{genero}": ("steam", "play_time_genre", ["genero"]),
    "/UsersRecommend/{año}": ("steam", "users_recommend", ["año"]),
    "/UsersNotRecommend/{año}": ("steam", "users_not_recommend", ["año"]),
    "/sentiment_analysis/{año}": ("steam", "sentiment_by_year", ["año"]),
    "/recomendacion_juego/{id}": ("steam", "recommend_game", ["id"]),
    "/recomendacion_usuario/{id}": ("steam", "recommend_user", ["id"]),
    "/get_word_count/{platform}/{word}": ("streaming", "word_count", ["platform", "word"]),
    "/get_score_count/{platform}/{score}/{year}": ("streaming", "score_count", ["platform", "score", "year"]),
    "/get_second_score/{platform}": ("streaming", "second_score", ["platform"]),
    "/get_longest/{platform}/{duration_type}/{year}": ("streaming", "longest", ["platform", "duration_type", "year"]),
    "/get_rating_count/{rating}": ("streaming", "rating_count", ["rating"]),
    "/get_max_duration/{year}/{platform}/{duration_type}": ("streaming", "longest", ["platform", "duration_type", "year"]),
    "/get_count_platform/{platform}": ("streaming", "count_platform", ["platform"]),
    "/get_actor/{platform}/{year}": ("streaming", "actor", ["platform", "year"]),
    "/prod_per_country/{type}/{country}/{year}": ("streaming", "prod_per_country", ["type", "country", "year"]),
    "/get_contents/{rating}": ("streaming", "rating_count", ["rating"]),
}


def fill(template: str, values: dict) -> str:
    """The path with each {parameter} replaced, percent-encoded as requests would send it."""
    path = template
    for name, value in values.items():
        path = path.replace("{" + name + "}", urllib.parse.quote(value, safe=""))
    return path


def main() -> int:
    base, binary, steam_data, streaming_data, cache = sys.argv[1].rstrip("/"), *sys.argv[2:6]
    options = {"steam": ["--data", steam_data, "--cache", cache], "streaming": ["--data", streaming_data, "--cache", cache]}
    document = requests.get(base + "/openapi.json", timeout=30).json()
    failures = 0
    for alias, (dataset, question, order) in ALIASES.items():
        operation = document["paths"].get(alias, {}).get("get")
        if operation is None:
            print(f"FAIL {alias}: not in /openapi.json")
            failures += 1
            continue
        # The examples the server documents (names from the loaded data).
        values = {p["name"]: p["schema"]["example"] for p in operation["parameters"] if p["in"] == "path"}
        arguments = [values[name] for name in order]
        response = requests.get(base + fill(alias, values), timeout=30)   # how the notebooks built it
        cli = subprocess.run([binary, "query", question, *arguments, "--format", "json", *options[dataset]],
                             capture_output=True, check=False)
        if response.status_code != 200 or cli.returncode != 0:
            print(f"FAIL {alias} {arguments!r}: HTTP {response.status_code}, CLI exit {cli.returncode}: "
                  f"{response.text[:200]} {cli.stderr.decode()[:200]}")
            failures += 1
            continue
        if response.content != cli.stdout:
            print(f"FAIL {alias} {arguments!r}: the body differs from `steamlens query {question} --format json`")
            failures += 1
            continue
        response.json()  # and the notebooks' .json() still parses it
        v1 = [path for path in document["paths"] if path.startswith(f"/v1/{dataset}/{question}/")][0]
        v1_names = [name[1:-1] for name in v1.split("/") if name.startswith("{")]
        v1_path = fill(v1, dict(zip(v1_names, arguments)))
        if requests.get(base + v1_path, timeout=30).content != response.content:
            print(f"FAIL {alias}: differs from {v1}")
            failures += 1
            continue
        print(f"ok   {alias} {arguments!r} == steamlens query {question} --format json "
              f"({len(response.content)} bytes, {response.headers.get('SteamLens-Definitions')})")
    print(f"notebook aliases: {len(ALIASES) - failures} of {len(ALIASES)} identical to the CLI")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
