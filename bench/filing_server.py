"""Shared set-up of the 网上立案 HTTP benchmarks (bench/filing_submit.py, bench/filing_concurrent.py).

A bench database (SQLite under var/bench, or ``--database-url``) holding a small demo, verified litigant
accounts with bearer tokens, a gunicorn server on 127.0.0.1 started and stopped by the bench, and a client
that files one civil first-instance filing through the real API (create, four steps, uploads, submit).
"""

from __future__ import annotations

import io
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta

sys.path.insert(0, os.path.dirname(__file__))
from _common import BENCH_DIR, ROOT, configure, ensure_demo  # noqa: E402

PORT = 8791
MEDIA = BENCH_DIR / "filing_media"


def setup(database_url: str | None, users: int) -> tuple[str, list[str], int]:
    """Database with the demo and ``users`` verified litigants; returns (url, tokens, competent court id)."""
    os.environ["SMARTCOURT_MEDIA_ROOT"] = str(MEDIA)
    url = configure(database_url, "filing")
    ensure_demo(20)
    from django.utils import timezone

    from smartcourt.apps.accounts.models import ApiToken, RealNameProfile, Role, User, VerificationStatus
    from smartcourt.apps.accounts.services import _hash
    from smartcourt.engines.validation import make_id_number

    court_id = User.objects.get(username="filer").court_id
    rng = random.Random(97)
    tokens = []
    for i in range(users):
        user, created = User.objects.get_or_create(
            username=f"bench_litigant_{i}", defaults={"full_name": f"测试当事人{i}", "role": Role.LITIGANT}
        )
        if created:
            user.set_unusable_password()
            user.save()
            RealNameProfile.objects.create(
                user=user,
                id_type="RESIDENT_ID",
                id_number=make_id_number(
                    rng, area_code="330102", birth_date=date(1980, 1, 1) + timedelta(days=i)
                ),
                verification_status=VerificationStatus.VERIFIED,
                verification_provider="simulator",
                verified_at=timezone.now(),
            )
        raw = "sc_" + secrets.token_urlsafe(32)
        ApiToken.objects.create(
            user=user, token_hash=_hash(raw), prefix=raw[:8], expires_at=timezone.now() + timedelta(days=1)
        )
        tokens.append(raw)
    return url, tokens, court_id


def serve(workers: int, threads: int, keep_alive: int = 30) -> subprocess.Popen[bytes]:
    """gunicorn on 127.0.0.1. ``keep_alive``: gunicorn's default of 2 s lets a saturated gthread worker close
    a kept-alive connection that already carries the client's next request (seen as "connection reset" in
    the 100-client run on PostgreSQL); 30 s is what a reverse proxy in front would typically keep."""
    env = os.environ.copy()
    env["DJANGO_SETTINGS_MODULE"] = "smartcourt.config.settings.production"
    env["SMARTCOURT_SECURE_COOKIES"] = "0"
    command = [sys.executable, "-m", "gunicorn", "smartcourt.config.wsgi:application", "-k", "gthread"]
    command += ["-w", str(workers), "--threads", str(threads), "-b", f"127.0.0.1:{PORT}"]
    command += ["--log-level", "warning", "--timeout", "120", "--backlog", "256"]
    command += ["--keep-alive", str(keep_alive)]
    proc = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{PORT}/accounts/login/", timeout=2)  # noqa: S310
            return proc
        except Exception:  # noqa: BLE001
            if proc.poll() is not None:
                raise SystemExit("gunicorn exited") from None
            time.sleep(0.3)
    stop(proc)
    raise SystemExit("server did not start")


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def cleanup_media() -> None:
    shutil.rmtree(MEDIA, ignore_errors=True)


# --- files -----------------------------------------------------------------------------------------


def make_pdf(target: int, seed: int) -> bytes:
    """A scanned-looking PDF of about ``target`` bytes (content streams of incompressible hex)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    rng = random.Random(seed)
    size = 0
    while size < target:
        page = writer.add_blank_page(width=595, height=842)
        stream = DecodedStreamObject()
        chunk = min(400_000, max(target - size, 1000))
        stream.set_data(b"% scan\n" + rng.randbytes(chunk // 2 + 1).hex().encode()[:chunk])
        page[NameObject("/Contents")] = writer._add_object(stream)
        size += chunk
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_jpeg(target: int, seed: int) -> bytes:
    from PIL import Image

    rng = random.Random(seed)
    side = 1000
    while True:
        image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=92)
        if out.tell() >= target:
            return out.getvalue()
        side = int(side * 1.15)


def unique(data: bytes, tag: str) -> bytes:
    """The same file made distinct (so each upload is stored, not deduplicated by its SHA-256)."""
    stamp = tag.encode().hex()[:32].ljust(32, "0").encode()
    if data.startswith(b"%PDF"):
        at = data.index(b"% scan\n") + 7
        return data[:at] + stamp + data[at + 32 :]
    comment = b"bench " + tag.encode()
    return data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:]  # JPEG COM


# --- one filing through the API ----------------------------------------------------------------------


@dataclass
class Timings:
    total: float = 0.0
    uploads: float = 0.0
    submit: float = 0.0
    statuses: list[int] = field(default_factory=list)
    filing_id: int | None = None
    reference: str = ""
    error: str = ""


def steps(court_id: int, tag: str, rng: random.Random) -> dict[str, dict]:
    from smartcourt.engines.validation import make_credit_code

    return {
        "case": {"court_id": court_id, "cause_of_action": "民间借贷纠纷", "connecting_point": "general"},
        "claims": {
            "claims": [{"text": "判令被告归还借款本金", "amount": str(rng.randint(5_000, 900_000))}],
            "facts_and_reasons": f"被告向原告借款，到期未还。（{tag}）",
        },
        "evidence": {"evidence": [{"name": "借条", "source": "原告持有", "purpose": "证明借贷关系"}]},
        "defendant": {
            "role": "DEFENDANT",
            "kind": "LEGAL_PERSON",
            "name": f"杭州测试贸易有限公司{tag}",
            "id_type": "CREDIT_CODE",
            "id_number": make_credit_code(rng, area_code="330102"),
            "address": "浙江省杭州市上城区测试路2号",
        },
    }


def file_one(
    session,  # requests.Session with the bearer token set
    *,
    base: str,
    court_id: int,
    plaintiff: dict,
    files: list[tuple[str, str, bytes]],
    tag: str,
    rng: random.Random,
) -> Timings:
    """Create, fill, upload and submit one filing; every request timed; stops at the first error."""
    t = Timings()
    data = steps(court_id, tag, rng)
    start = time.perf_counter()

    def call(method: str, path: str, **kwargs):  # noqa: ANN202
        r = session.request(method, base + path, timeout=120, **kwargs)
        t.statuses.append(r.status_code)
        if r.status_code >= 300:
            raise RuntimeError(f"{method} {path} → {r.status_code}: {r.text[:300]}")
        return r

    try:
        created = call("POST", "/api/v1/filings", json={"kind": "CIVIL_FIRST"}).json()
        t.filing_id = fid = created["id"]
        call("PUT", f"/api/v1/filings/{fid}/case", json=data["case"])
        call("PUT", f"/api/v1/filings/{fid}/parties", json={"parties": [plaintiff, data["defendant"]]})
        call("PUT", f"/api/v1/filings/{fid}/claims", json=data["claims"])
        call("PUT", f"/api/v1/filings/{fid}/evidence", json=data["evidence"])
        u0 = time.perf_counter()
        for category, name, content in files:
            call(
                "POST",
                f"/api/v1/filings/{fid}/uploads",
                data={"category": category},
                files={"file": (name, unique(content, tag + name))},
            )
        s0 = time.perf_counter()
        t.uploads = s0 - u0
        submitted = call("POST", f"/api/v1/filings/{fid}/submit").json()
        t.submit = time.perf_counter() - s0
        t.reference = submitted["reference"]
        if submitted["status"] != "SUBMITTED":
            raise RuntimeError(f"status {submitted['status']}")
    except Exception as exc:  # noqa: BLE001
        t.error = str(exc)[:400]
    t.total = time.perf_counter() - start
    return t


def plaintiff_of(token_index: int) -> dict:
    from smartcourt.apps.accounts.models import User

    user = User.objects.select_related("real_name").get(username=f"bench_litigant_{token_index}")
    return {
        "role": "PLAINTIFF",
        "kind": "NATURAL_PERSON",
        "name": user.full_name,
        "id_type": "RESIDENT_ID",
        "id_number": user.real_name.id_number,
        "address": "浙江省杭州市上城区测试路1号",
        "phone": "13912345678",
    }


def session_for(token: str):  # noqa: ANN201
    import requests

    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    return s


def dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)
