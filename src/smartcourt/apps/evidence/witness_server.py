"""A witness node over HTTP (c2sp.org/tlog-witness ``POST /add-checkpoint``) around the engine's ``Witness``.

Another court runs it to cosign this platform's checkpoints; it needs no database and no Django, only
the standard library and the ledger engine::

    python -m smartcourt.apps.evidence.witness_server --config witness.json

``witness.json``::

    {"key": "PRIVATE+KEY+w1.example/witness+…",   # a cosigner key (generate_cosigner_key)
     "state": "/var/lib/witness/state.json",        # the latest cosigned checkpoint per log
     "logs": [{"origin": "smartcourt.example/ledger/platform", "verifier_key": "…", "hash": "sha256"}],
     "host": "127.0.0.1", "port": 0}                 # port 0: any free port

It prints ``listening on http://HOST:PORT`` once ready. Responses follow the spec: 200 with the
cosignature line; 400 malformed; 403 a checkpoint the log did not sign; 404 an unknown log; 409 with
``Content-Type: text/x.tlog.size`` and the witness's latest size (a rollback, a split view, a stale old
size); 422 a consistency proof that does not verify. The state file is replaced atomically
(write, fsync, rename) under a lock, so a refusal or a crash never rolls the witness back.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from smartcourt.engines.ledger import (
    Checkpoint,
    Witness,
    WitnessedLog,
    hasher_for,
    new_cosigner,
    new_verifier,
    parse_add_checkpoint_request,
    parse_checkpoint,
)
from smartcourt.engines.ledger.errors import (
    CheckpointError,
    InconsistentCheckpointError,
    LedgerError,
    MalformedRequestError,
    NoteError,
    OldSizeError,
    UnknownOriginError,
    WitnessConflictError,
)

MAX_BODY = 64 * 1024


class FileWitnessStore:
    """A ``WitnessStore`` in one JSON file ``{origin: checkpoint text}``, compare-and-set under a lock."""

    def __init__(self, path: Path, hash_sizes: dict[str, int]) -> None:
        self._path = path
        self._hash_sizes = hash_sizes
        self._lock = threading.Lock()

    def _read(self) -> dict[str, str]:
        try:
            return dict(json.loads(self._path.read_text("utf-8")))
        except FileNotFoundError:
            return {}

    def latest(self, origin: str) -> Checkpoint | None:
        text = self._read().get(origin)
        return None if text is None else parse_checkpoint(text, hash_size=self._hash_sizes.get(origin, 32))

    def replace(self, origin: str, *, expected: Checkpoint | None, new: Checkpoint) -> bool:
        with self._lock:
            state = self._read()
            current = state.get(origin)
            if current != (expected.to_text() if expected is not None else None):
                return False
            state[origin] = new.to_text()
            tmp = self._path.with_suffix(".tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(state, f, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self._path)
            return True


def build_witness(config: dict[str, Any]) -> Witness:
    """The engine's ``Witness`` for a config dict (see the module docstring)."""
    logs = [
        WitnessedLog(
            log["origin"], (new_verifier(log["verifier_key"]),), hasher_for(log.get("hash", "sha256"))
        )
        for log in config["logs"]
    ]
    store = FileWitnessStore(Path(config["state"]), {log.origin: log.hasher.size for log in logs})
    return Witness(cosigner=new_cosigner(config["key"]), logs=logs, store=store)


def _status_for(exc: LedgerError) -> int:
    if isinstance(exc, MalformedRequestError | OldSizeError):
        return 400
    if isinstance(exc, UnknownOriginError):
        return 404
    if isinstance(exc, WitnessConflictError):
        return 409
    if isinstance(exc, InconsistentCheckpointError):
        return 422
    if isinstance(exc, NoteError | CheckpointError):
        return 403
    return 400


def make_handler(witness: Witness) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # quiet: one line per refusal only
            return

        def _send(self, status: int, body: str, content_type: str = "text/plain; charset=utf-8") -> None:
            raw = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(raw)))
            self.end_headers()
            self.wfile.write(raw)

        def do_GET(self) -> None:
            self._send(200, "ok\n") if self.path == "/healthz" else self._send(404, "not found\n")

        def do_POST(self) -> None:
            if self.path != "/add-checkpoint":
                self._send(404, "not found\n")
                return
            length = int(self.headers.get("Content-Length") or 0)
            if not 0 < length <= MAX_BODY:
                self._send(400, "body missing or too large\n")
                return
            body = self.rfile.read(length)
            try:
                request = parse_add_checkpoint_request(body)
                signature = witness.add_checkpoint(
                    old_size=request.old_size,
                    proof=request.proof,
                    checkpoint=request.checkpoint,
                    timestamp=int(time.time()),
                )
            except WitnessConflictError as exc:
                self._send(409, f"{exc.latest_size}\n", "text/x.tlog.size")
                return
            except LedgerError as exc:
                self._send(_status_for(exc), f"{exc}\n")
                return
            self._send(200, signature.line())

    return Handler


def serve(config: dict[str, Any]) -> None:
    """Serve until interrupted; prints the listening address first."""
    server = ThreadingHTTPServer(
        (config.get("host", "127.0.0.1"), int(config.get("port", 0))), make_handler(build_witness(config))
    )
    host, port = server.server_address[:2]
    print(f"listening on http://{host}:{port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="c2sp.org/tlog-witness server for smartcourt ledgers")
    parser.add_argument("--config", required=True, help="witness.json")
    args = parser.parse_args(argv)
    serve(json.loads(Path(args.config).read_text("utf-8")))


if __name__ == "__main__":
    main(sys.argv[1:])
