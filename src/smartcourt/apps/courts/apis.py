"""Court directory endpoints (public reference data for signed-in users)."""

from django.http import HttpRequest
from ninja import Router, Schema

from smartcourt.apps.courts.selectors import court_list

router = Router()


class CourtOut(Schema):
    id: int
    name: str
    code: str
    level: str
    division_code: str
    parent_id: int | None


@router.get("", response=list[CourtOut], summary="法院名录")
def courts(request: HttpRequest) -> list[CourtOut]:
    return [CourtOut.from_orm(c) for c in court_list()]
