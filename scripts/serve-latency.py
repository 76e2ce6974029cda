#!/usr/bin/env python3
"""Edit-to-reload latency of a running dev server: appends a line to FILE, times until the
server's reload message arrives (collective: Server-Sent Events; hugo: livereload WebSocket)."""
import argparse, base64, os, socket, statistics, time

def sse(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /__collective/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    buf = b""
    while b"retry:" not in buf: buf += s.recv(4096)
    def wait():
        data = b""
        while True:
            data += s.recv(65536)
            for block in data.split(b"\n\n"):
                if block.startswith(b"event: "): return block.decode()
    return wait

def websocket(port):
    s = socket.create_connection(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    s.sendall(("GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
               "Sec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n" % (port, key)).encode())
    buf = b""
    while b"\r\n\r\n" not in buf: buf += s.recv(4096)
    buf = buf.split(b"\r\n\r\n", 1)[1]
    def send(text):
        payload, mask = text.encode(), os.urandom(4)
        s.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))
    def frame():
        nonlocal buf
        while True:
            if len(buf) >= 2:
                n, head = buf[1] & 0x7F, 2
                if n == 126: n, head = int.from_bytes(buf[2:4], "big"), 4
                elif n == 127: n, head = int.from_bytes(buf[2:10], "big"), 10
                if len(buf) >= head + n:
                    text, buf = buf[head:head + n].decode(), buf[head + n:]
                    return text
            buf += s.recv(65536)
    send('{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}')
    frame()  # the server's hello
    def wait():
        while True:
            text = frame()
            if '"reload"' in text: return text
    return wait

ap = argparse.ArgumentParser()
ap.add_argument("--server", choices=["collective", "hugo"], required=True)
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--file", required=True)
ap.add_argument("--line", default="<!-- edit %d -->")
ap.add_argument("--runs", type=int, default=7)
ap.add_argument("--where", choices=["end", "start"], default="end",
                help="append the line, or put it first in the Markdown body (it then changes the summary)")
a = ap.parse_args()
wait = sse(a.port) if a.server == "collective" else websocket(a.port)
original = open(a.file, encoding="utf-8").read()
times = []
try:
    for run in range(a.runs):
        with open(a.file, "w", encoding="utf-8") as f:
            start = time.perf_counter()
            line = a.line % run
            if a.where == "end":
                f.write(original + "\n" + line + "\n")
            else:  # after the front matter's closing line
                head, sep, body = original.partition("\n---\n")
                f.write(head + sep + line + "\n\n" + body)
        message = wait()
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(1.5)
finally:
    with open(a.file, "w", encoding="utf-8") as f: f.write(original)
print("%s %s: median %.0f ms, min %.0f, max %.0f over %d edits; last message: %s" % (
    a.server, a.file, statistics.median(times), min(times), max(times), len(times), message.strip().replace("\n", " | ")[:120]))
