"""Reference catalogues: case types, causes of action, charges, and case-number parsing."""

from django.http import HttpRequest
from ninja import Router, Schema

from smartcourt.apps.core.errors import InvalidInputError
from smartcourt.engines import catalogs

router = Router()


class CaseTypeOut(Schema):
    code: str
    name: str
    category: str
    procedure_class: str


class CaseNumberIn(Schema):
    case_number: str


class CaseNumberOut(Schema):
    case_number: str
    year: int
    court_code: str
    case_type: str
    sequence: int


class CauseOut(Schema):
    id: str
    name: str
    level: int
    parent_id: str | None


class ChargeOut(Schema):
    name: str
    article: str


@router.get("/case-types", response=list[CaseTypeOut], summary="案件类型及其代字")
def case_types(request: HttpRequest) -> list[CaseTypeOut]:
    return [
        CaseTypeOut(
            code=t.code, name=t.name, category=t.category.value, procedure_class=t.procedure_class.value
        )
        for t in catalogs.case_types()
    ]


@router.post("/case-numbers/parse", response=CaseNumberOut, summary="解析并校验案号")
def case_number_parse(request: HttpRequest, payload: CaseNumberIn) -> CaseNumberOut:
    try:
        number = catalogs.parse_case_number(payload.case_number)
    except catalogs.CatalogError as exc:
        raise InvalidInputError(exc.code, exc.message, {"field": "case_number"}) from None
    return CaseNumberOut(
        case_number=str(number),
        year=number.year,
        court_code=number.court_code,
        case_type=number.case_type,
        sequence=number.sequence,
    )


@router.get("/causes", response=list[CauseOut], summary="民事案由（按前缀检索，或按层级列出）")
def causes(request: HttpRequest, q: str = "", level: int | None = None) -> list[CauseOut]:
    if len(q) > 50:
        raise InvalidInputError("catalog.query_too_long", "检索词不能超过50个字符", {"field": "q"})
    found = catalogs.search_causes(q) if q else catalogs.causes(level=level)
    return [CauseOut(id=c.id, name=c.name, level=c.level, parent_id=c.parent_id) for c in list(found)[:200]]


@router.get("/charges", response=list[ChargeOut], summary="罪名（现行）")
def charges(request: HttpRequest, q: str = "") -> list[ChargeOut]:
    q = q.strip()[:50]
    return [
        ChargeOut(name=c.name, article=c.article)
        for c in catalogs.charges(current_only=True)
        if not q or q in c.name
    ][:200]
