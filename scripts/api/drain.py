#!/usr/bin/env python3
"""Graceful shutdown drains: requests sent before SIGTERM are answered in
full, the server then exits 0 and stops accepting connections.

usage: drain.py HOST PORT SERVER_PID [REQUESTS]

Each request asks for a whole list at its own offset (no answer is cached),
so the server is still encoding some of them when the signal lands; a server
that dropped work in flight would cut a body short or reset the connection.
"""
import os
import signal
import socket
import sys
import time

HOST, PORT, PID = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
REQUESTS = int(sys.argv[4]) if len(sys.argv) > 4 else 24
assert HOST in ("127.0.0.1", "localhost", "::1"), "the drain check runs on loopback only"


def read_response(sock: socket.socket) -> tuple[int, bytes]:
    """One HTTP/1.1 response with a Content-Length body, or an error naming what was cut."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"closed before the headers ({len(data)} bytes)")
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines[1:] if line.lower().startswith("content-length:")), None)
    if length is None:
        raise ConnectionError("no Content-Length")
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError(f"body cut at {len(body)} of {length} bytes")
        body += chunk
    return status, body


# Each connection first gets a /health answer, so it is one the server has
# accepted and serves (not one still waiting in the listen backlog, which a
# closing listener may reset), then sends its real request.
sockets = []
for index in range(REQUESTS):
    sock = socket.create_connection((HOST, PORT), timeout=30)
    sock.sendall(f"GET /health HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode())
    status, _ = read_response(sock)
    assert status == 200, f"drain: /health answered {status}"
    sockets.append(sock)
for index, sock in enumerate(sockets):
    target = f"/v1/steam/games?limit=10000&offset={index}"
    sock.sendall(f"GET {target} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
time.sleep(0.005)  # the requests reach the server; most are still being answered
os.kill(PID, signal.SIGTERM)

failures = 0
for index, sock in enumerate(sockets):
    try:
        status, body = read_response(sock)
        if status != 200 or not body.startswith(b"["):
            failures += 1
            print(f"drain: request {index}: status {status}, body {body[:80]!r}")
    except (ConnectionError, OSError) as error:
        failures += 1
        print(f"drain: request {index}: {error}")
    finally:
        sock.close()

# The listener is closed: a new connection is refused (allow the process a moment to exit).
refused = False
for _ in range(100):
    try:
        socket.create_connection((HOST, PORT), timeout=1).close()
        time.sleep(0.1)
    except OSError:
        refused = True
        break
if not refused:
    failures += 1
    print("drain: the server still accepts connections 10 s after SIGTERM")

print(f"drain: {max(REQUESTS - failures, 0)} of {REQUESTS} requests in flight at SIGTERM answered in full")
sys.exit(1 if failures else 0)
