#!/usr/bin/env python3
"""A slow stand-in for Auth0 on 127.0.0.1, for measuring what waiting costs (docs/benchmark.md, "Waiting").

usage: scripts/slow-auth0.py [--delay SECONDS] [--port-file FILE]

Listens on an ephemeral port of 127.0.0.1 (written to FILE, or printed on stdout) and answers every request after
--delay seconds (default 1.5), one thread per connection: `POST /oauth/token` with a token whose `scope` claim holds
every scope tenantplan uses, `GET /api/v2/tenants/settings` with `{}`, every other `GET` with an empty list `[]`
(an empty tenant), anything else with 404. Point tenantplan at it with `AUTH0_DOMAIN=http://127.0.0.1:PORT` and
`AUTH0_API_TOKEN` set to the token printed by `--token`.
"""
import base64
import http.server
import json
import sys
import time

SCOPES = " ".join([
    "read:organizations", "read:organization_connections", "read:connections", "read:connections_options",
    "read:clients", "read:roles",
    "create:organizations", "update:organizations", "delete:organizations",
    "create:organization_connections", "update:organization_connections", "delete:organization_connections",
    "create:connections", "update:connections", "delete:connections", "update:connections_options",
    "create:clients", "update:clients", "delete:clients", "create:roles", "update:roles", "delete:roles",
    "read:organization_invitations", "create:organization_invitations", "delete:organization_invitations",
])


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def token() -> str:
    """A token shaped like a JWT (fake signature): tenantplan reads only its `scope` claim."""
    header = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    payload = b64url(json.dumps({"scope": SCOPES, "exp": 4_000_000_000}).encode())
    return f"{header}.{payload}.c2lnbmF0dXJl"


class SlowHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    delay = 1.5

    def answer(self, status: int, body) -> None:
        time.sleep(self.delay)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/api/v2/tenants/settings":
            self.answer(200, {})
        elif path.startswith("/api/v2/"):
            self.answer(200, [])
        else:
            self.answer(404, {"statusCode": 404, "error": "Not Found", "message": "Not found"})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        if self.path == "/oauth/token":
            self.answer(200, {"access_token": token(), "token_type": "Bearer", "expires_in": 86400, "scope": SCOPES})
        else:
            self.answer(404, {"statusCode": 404, "error": "Not Found", "message": "Not found"})

    def log_message(self, format, *args) -> None:
        pass


def main() -> None:
    arguments = sys.argv[1:]
    if arguments == ["--token"]:
        print(token())
        return
    port_file = None
    while arguments:
        argument = arguments.pop(0)
        if argument == "--delay":
            SlowHandler.delay = float(arguments.pop(0))
        elif argument == "--port-file":
            port_file = arguments.pop(0)
        else:
            sys.exit(f"unknown argument {argument}")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    port = server.server_address[1]
    if port_file:
        with open(port_file + ".tmp", "w") as file:
            file.write(f"{port}\n")
        import os
        os.rename(port_file + ".tmp", port_file)
    else:
        print(port, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
