"""A mail server and a web server on 127.0.0.1, from the standard library, that keep what they get.

`SmtpServer` speaks just enough SMTP for smtplib (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT);
`HttpServer` answers every POST with a chosen status and body. Both can be held mid-request
(`hold()`), so a test can check what the rest of the program does while a send is under way, and
both can drop the connection once they have the message, before answering (`drop_next`: a server
killed at the worst moment). `SilentServer` accepts connections and never says a word;
`TricklingServer` answers a byte every few tenths of a second, forever.
"""

from __future__ import annotations

import email
import email.policy
import http.server
import json
import socketserver
import threading

POLL = 0.02  # seconds: shutdown() waits up to one poll (0.5 s by default, per test)


class _Held:
    def __init__(self) -> None:
        self.holding = False
        self.arrived = threading.Event()
        self.release = threading.Event()

    def hold(self) -> None:
        self.holding, self.arrived, self.release = True, threading.Event(), threading.Event()

    def wait_here(self) -> None:
        if self.holding:
            self.arrived.set()
            self.release.wait(30)


class _SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        server = self.server.owner
        self.reply("220 127.0.0.1 ESMTP test")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self.wfile.write(b"250-127.0.0.1\r\n250 8BITMIME\r\n")
            elif verb in ("HELO", "RSET", "NOOP"):
                self.reply("250 OK")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip().strip("<>"), []
                self.reply("250 OK")
            elif verb == "RCPT":
                if server.refuse_recipients:
                    self.reply("550 5.1.1 mailbox unavailable")
                    continue
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 end with .")
                raw = bytearray()
                while True:
                    chunk = self.rfile.readline()
                    if chunk in (b".\r\n", b".\n", b""):
                        break
                    raw += chunk[1:] if chunk.startswith(b"..") else chunk
                server.held.wait_here()
                server.messages.append({"from": sender, "to": recipients,
                                        "message": email.message_from_bytes(bytes(raw), policy=email.policy.default)})
                if server.drop_next:
                    server.drop_next -= 1
                    return  # the message is here; the answer never goes
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class SmtpServer:
    def __init__(self) -> None:
        self.messages: list[dict] = []
        self.refuse_recipients = False
        self.drop_next = 0  # connections to drop after taking their message
        self.held = _Held()
        self._server = _Server(("127.0.0.1", 0), _SmtpHandler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": POLL}, daemon=True).start()

    def close(self) -> None:
        self.held.release.set()
        self._server.shutdown()
        self._server.server_close()


class _HttpHandler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        server = self.server.owner
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        server.held.wait_here()
        server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body,
                                "json": json.loads(body or b"null")})
        if server.drop_next:
            server.drop_next -= 1
            self.close_connection = True
            return  # the message is here; the answer never goes
        status, answer = server.answer
        data = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


class HttpServer:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.answer: tuple[int, object] = (200, {"errcode": 0, "errmsg": "ok"})
        self.drop_next = 0  # requests to drop after reading them
        self.held = _Held()
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HttpHandler)
        self._server.owner = self
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": POLL}, daemon=True).start()

    def close(self) -> None:
        self.held.release.set()
        self._server.shutdown()
        self._server.server_close()


class _QuietHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server = self.server.owner
        server.connections += 1
        while not server.stopped.wait(server.interval):
            if server.byte:
                try:
                    self.request.sendall(server.byte)
                except OSError:
                    return


class SilentServer:
    """Accepts a connection and never answers (``byte`` None), or answers one byte every
    ``interval`` seconds forever (TricklingServer): each read times out never, none completes."""

    byte: bytes | None = None

    def __init__(self, interval: float = 0.3) -> None:
        self.interval = interval
        self.connections = 0
        self.stopped = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _QuietHandler)
        self._server.owner = self
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": POLL}, daemon=True).start()

    def close(self) -> None:
        self.stopped.set()
        self._server.shutdown()
        self._server.server_close()


class TricklingServer(SilentServer):
    byte = b"2"
