#!/usr/bin/env python3
"""Hostile input against a live `steamlens serve` (loopback only): huge
targets and headers, NUL, ../, control and escape characters, invalid UTF-8
sent as raw bytes, and 10,000 concurrent slow connections. After each, the
server must still answer /health, and its memory must stay bounded.

usage: hostile.py HOST PORT SERVER_PID [CONNECTIONS]
"""
import socket
import sys
import time

HOST, PORT, PID = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
CONNECTIONS = int(sys.argv[4]) if len(sys.argv) > 4 else 10_000
assert HOST in ("127.0.0.1", "localhost", "::1"), "hostile tests run on loopback only"
failures = 0


def rss_mb() -> float:
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def raw(request: bytes, timeout: float = 10) -> bytes:
    """Sends raw bytes, returns everything the server answers before closing or going quiet."""
    with socket.create_connection((HOST, PORT), timeout=timeout) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may close before reading a huge request to the end
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks):
                    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
                    length = [int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")]
                    if length and len(body) >= length[0]:
                        break
        except (socket.timeout, ConnectionResetError):
            pass
        return b"".join(chunks)


def status_of(answer: bytes) -> int:
    try:
        return int(answer.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return 0


def get(path: bytes, extra: bytes = b"") -> bytes:
    return raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\n" + extra + b"Connection: close\r\n\r\n")


def healthy(what: str) -> None:
    global failures
    start = time.monotonic()
    answer = get(b"/health")
    took = time.monotonic() - start
    if status_of(answer) != 200 or took > 2:
        print(f"FAIL after {what}: /health answered {status_of(answer)} in {took:.2f} s")
        failures += 1


def expect(what: str, answer: bytes, statuses: set, problem: bool = True) -> None:
    global failures
    status = status_of(answer)
    if status not in statuses or (problem and b"application/problem+json" not in answer):
        print(f"FAIL {what}: status {status}, {answer[:160]!r}")
        failures += 1
    else:
        print(f"ok   {what}: {status}")
    healthy(what)


baseline = rss_mb()
expect("1 MB path", get(b"/v1/steam/developer/" + b"a" * 1_000_000), {400, 414}, problem=False)
expect("9 KB path", get(b"/v1/steam/developer/" + b"a" * 9_000), {414})
expect("40 KB header", get(b"/health", b"X-Pad: " + b"b" * 40_000 + b"\r\n"), {431})
expect("1 MB header", get(b"/health", b"X-Pad: " + b"b" * 1_000_000 + b"\r\n"), {400, 431}, problem=False)
expect("%00 in a name", get(b"/developer/Val%00ve"), {400})
expect("../ in a name", get(b"/developer/..%2F..%2Fetc%2Fpasswd"), {404})
expect("raw ../ path", get(b"/../../etc/passwd"), {404})
expect("escape sequence", get(b"/developer/%1B%5B2J%1B%5B31mred"), {400})
expect("raw control byte", get(b"/developer/a\x01b"), {400}, problem=False)
# Raw non-UTF-8 bytes never reach the server's code: the HTTP parser answers a bare 400 and closes.
expect("invalid UTF-8 (raw bytes)", get(b"/developer/\xc3\x28\xff"), {400}, problem=False)
expect("invalid UTF-8 (escaped)", get(b"/developer/%C3%28%FF"), {400})
expect("broken escape", get(b"/developer/%G1"), {400})
expect("10,000 query parameters", get(b"/health?" + b"&".join(b"a%d=1" % i for i in range(1000))), {400, 414})
expect("not HTTP", raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64), {0, 400}, problem=False)

# 10,000 slow connections: each sends half a request head and then nothing.
before = rss_mb()
slow = []
start = time.monotonic()
for index in range(CONNECTIONS):
    try:
        sock = socket.create_connection((HOST, PORT), timeout=5)
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        slow.append(sock)
    except OSError as error:
        print(f"note: connection {index} failed: {error}")
        break
print(f"opened {len(slow)} slow connections in {time.monotonic() - start:.1f} s")
time.sleep(1)
during = rss_mb()
healthy(f"{len(slow)} slow connections")
for sock in slow:
    sock.close()
# Tearing down 10,000 connections at once takes the event loops a moment.
start = time.monotonic()
while time.monotonic() - start < 30:
    try:
        if status_of(raw(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", timeout=2)) == 200:
            break
    except OSError:
        pass
print(f"answering again {time.monotonic() - start:.1f} s after the slow connections closed")
healthy("closing the slow connections")
after = rss_mb()
print(f"server RSS: {baseline:.0f} MB at start, {before:.0f} MB after the hostile requests, "
      f"{during:.0f} MB with {len(slow)} slow connections, {after:.0f} MB after they closed")
if len(slow) < CONNECTIONS:
    print(f"FAIL only {len(slow)} of {CONNECTIONS} slow connections opened")
    failures += 1
# Bounded: a slow connection costs the server a few KB, never a thread or a buffer of its own size.
if during - before > 40 * CONNECTIONS / 1000 + 50:
    print(f"FAIL memory grew by {during - before:.0f} MB with {len(slow)} slow connections")
    failures += 1
print(f"hostile input: {failures} failure(s)")
sys.exit(1 if failures else 0)
