"""Fixtures for 网上立案: verified filers over the shared small world, sample files, a complete draft."""

from __future__ import annotations

import io
import random
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfWriter

from smartcourt.apps.accounts.licence import make_licence_number
from smartcourt.apps.accounts.models import RealNameProfile, User, VerificationStatus
from smartcourt.apps.filing import services
from smartcourt.apps.filing.models import Filing
from smartcourt.engines.validation import make_credit_code, make_id_number
from tests.apps.factories import World

_rng = random.Random(2468)


def new_id(area: str = "330102", year: int = 1988) -> str:
    return make_id_number(_rng, area_code=area, birth_date=date(year, 6, 1))


def verify(user: User, *, id_number: str | None = None, lawyer: bool = False) -> RealNameProfile:
    return RealNameProfile.objects.create(
        user=user,
        id_type="RESIDENT_ID",
        id_number=id_number or new_id(),
        verification_status=VerificationStatus.VERIFIED,
        verification_provider="simulator",
        licence_number=make_licence_number(sequence=user.pk) if lawyer else "",
        licence_structure_ok=lawyer,
        law_firm="示范律师事务所" if lawyer else "",
    )


@pytest.fixture
def filers(world: World) -> World:
    verify(world.litigant)
    verify(world.lawyer, lawyer=True)
    return world


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()


def civil_steps(world: World, *, plaintiff_id: str | None = None, amount: str = "80000") -> dict[str, dict]:
    profile = getattr(world.litigant, "real_name", None)
    return {
        "case": {
            "court_id": world.court.pk,
            "cause_of_action": "民间借贷纠纷",
            "connecting_point": "general",
        },
        "parties": {
            "parties": [
                {
                    "role": "PLAINTIFF",
                    "kind": "NATURAL_PERSON",
                    "name": world.litigant.full_name,
                    "id_type": "RESIDENT_ID",
                    "id_number": plaintiff_id or (profile.id_number if profile else new_id()),
                    "address": "浙江省杭州市上城区示范路1号",
                    "phone": "13912345678",
                },
                {
                    "role": "DEFENDANT",
                    "kind": "LEGAL_PERSON",
                    "name": "杭州示范贸易有限公司",
                    "id_type": "CREDIT_CODE",
                    "id_number": make_credit_code(_rng, area_code="330102"),
                    "address": "浙江省杭州市上城区示范路2号",
                },
            ]
        },
        "claims": {
            "claims": [
                {"text": "判令被告归还借款本金", "amount": amount},
                {"text": "判令被告承担诉讼费用", "amount": ""},
            ],
            "facts_and_reasons": "被告于2025年向原告借款，约定一年内归还，到期未还。",
        },
        "evidence": {"evidence": [{"name": "借条", "source": "原告持有", "purpose": "证明借贷关系"}]},
    }


def complete_draft(world: World, filer: User | None = None, **kwargs: object) -> Filing:
    filer = filer or world.litigant
    filing = services.filing_create(filer=filer, kind="CIVIL_FIRST")
    for step, data in civil_steps(world, **kwargs).items():  # type: ignore[arg-type]
        assert services.filing_save_step(filing=filing, actor=filer, step=step, data=data) == {}
    services.filing_upload_add(
        filing=filing, actor=filer, category="PLEADING", filename="起诉状.pdf", data=pdf_bytes()
    )
    filing.refresh_from_db()
    return filing
