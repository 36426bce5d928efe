"""Shared by the notification and service tests: a loopback webhook gateway (SMS / WeChat) on 127.0.0.1 that
checks the HMAC signature and records bodies, and notifications sent at once instead of after commit."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from smartcourt.apps.notifications.channels import verify_webhook


class Gateway:
    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.bad_signatures = 0
        self.fail_next = 0  # answer 503 this many times
        self.reject_to: set[str] = set()  # answer {"status": "rejected"} for these addresses
        self.url = ""


@pytest.fixture
def gateway(settings) -> Iterator[Gateway]:
    gw = Gateway()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            ok = verify_webhook(
                body,
                self.headers.get("X-Smartcourt-Timestamp", ""),
                self.headers.get("X-Smartcourt-Signature", ""),
            )
            if not ok:
                gw.bad_signatures += 1
                self.send_response(401)
                self.end_headers()
                return
            if gw.fail_next > 0:
                gw.fail_next -= 1
                self.send_response(503)
                self.end_headers()
                return
            data = json.loads(body)
            gw.received.append(data)
            answer: dict[str, Any] = {"message_id": f"gw-{len(gw.received)}"}
            if data["to"] in gw.reject_to:
                answer = {"status": "rejected", "reason": "号码不存在"}
            out = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(out)))
            self.end_headers()
            self.wfile.write(out)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    gw.url = f"http://127.0.0.1:{server.server_address[1]}/send"
    settings.SMARTCOURT_NOTIFICATIONS = {
        "WEBHOOK_URLS": {"SMS": gw.url, "WECHAT": gw.url},
        "WEBHOOK_TIMEOUT": 5,
        "RATE_LIMITS": {"EMAIL": 3, "SMS": 2, "WECHAT": 3},
        "MAX_ATTEMPTS": 3,
        "RETRY_BASE_SECONDS": 60,
    }
    yield gw
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def sends_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Notifications queued "after commit" go out at once (a test's transaction never commits)."""
    from smartcourt.apps.notifications import services

    monkeypatch.setattr(services, "after_commit", lambda fn: fn())
