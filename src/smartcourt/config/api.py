"""The HTTP API under ``/api/v1/``: one NinjaAPI, routers from each app, errors translated once.

Every error body is ``{"code", "message", "detail"}`` with a Chinese ``message``.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer, SessionAuth

from smartcourt.apps.accounts.apis import router as accounts_router
from smartcourt.apps.accounts.services import api_token_authenticate
from smartcourt.apps.appraisal.apis import router as appraisal_router
from smartcourt.apps.casefile.apis import router as casefile_router
from smartcourt.apps.cases.apis import router as cases_router
from smartcourt.apps.core.apis import router as catalogs_router
from smartcourt.apps.core.errors import DomainError
from smartcourt.apps.courts.apis import router as courts_router
from smartcourt.apps.criminal.apis import router as criminal_router
from smartcourt.apps.drafting.apis import router as drafting_router
from smartcourt.apps.element_trial.apis import router as element_trial_router
from smartcourt.apps.evidence.apis import router as ledger_router
from smartcourt.apps.file_review.apis import router as file_review_router
from smartcourt.apps.filing.apis import router as filings_router
from smartcourt.apps.knowledge.apis import router as laws_router
from smartcourt.apps.knowledge.search_apis import router as search_router
from smartcourt.apps.notifications.apis import router as notifications_router
from smartcourt.apps.payments.apis import router as payments_router
from smartcourt.apps.petitions.apis import router as petitions_router
from smartcourt.apps.preservation.apis import router as preservation_router
from smartcourt.apps.service.apis import router as service_router
from smartcourt.apps.similar.apis import router as similar_router


class BearerToken(HttpBearer):
    """``Authorization: Bearer sc_…`` from ``POST /api/v1/auth/token``."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


class ChineseJSONRenderer(JSONRenderer):
    """JSON with Chinese text as is, not as \\u escapes."""

    json_dumps_params = {"ensure_ascii": False}  # noqa: RUF012


api = NinjaAPI(
    renderer=ChineseJSONRenderer(),
    title="smartcourt API",
    version="1",
    description="智慧法院平台接口。认证：会话（浏览器）或 Bearer 令牌（POST /api/v1/auth/token）。"
    "错误统一为 {code, message, detail}。",
    auth=[BearerToken(), SessionAuth()],
    urls_namespace="api-v1",
)
api.add_router("/auth", accounts_router, tags=["账户"])
api.add_router("/courts", courts_router, tags=["法院"])
api.add_router("/cases", cases_router, tags=["案件"])
api.add_router("/catalogs", catalogs_router, tags=["目录"])
api.add_router("/ledger", ledger_router, tags=["司法链"])
api.add_router("/laws", laws_router, tags=["法律知识库"])
api.add_router("/search", search_router, tags=["全文检索"])
api.add_router("/similar", similar_router, tags=["类案推送"])
api.add_router("/notifications", notifications_router, tags=["消息通知"])
api.add_router("/payments", payments_router, tags=["诉讼费缴纳"])
api.add_router("/service", service_router, tags=["电子送达"])
api.add_router("/filings", filings_router, tags=["网上立案"])
api.add_router("/criminal", criminal_router, tags=["刑事审判辅助"])
api.add_router("/casefile", casefile_router, tags=["电子卷宗"])
api.add_router("/preservation", preservation_router, tags=["保全"])
api.add_router("/appraisal", appraisal_router, tags=["司法鉴定"])
api.add_router("/petitions", petitions_router, tags=["申诉"])
api.add_router("/file-review", file_review_router, tags=["网上阅卷"])
api.add_router("/drafting", drafting_router, tags=["文书制作"])
api.add_router("/element-trial", element_trial_router, tags=["要素式审判"])


def _body(code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"code": code, "message": message, "detail": detail or {}}


@api.exception_handler(DomainError)
def _domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return api.create_response(request, exc.as_body(), status=exc.http_status)


# Pydantic's error types in Chinese; ``{…}`` take the error's context (the limit that was broken).
_REASONS = {
    "missing": "为必填项",
    "string_too_long": "不能超过 {max_length} 个字符",
    "string_too_short": "至少 {min_length} 个字符",
    "too_long": "不能超过 {max_length} 项",
    "greater_than_equal": "不能小于 {ge}",
    "greater_than": "须大于 {gt}",
    "less_than_equal": "不能大于 {le}",
    "less_than": "须小于 {lt}",
    "int_parsing": "须为整数",
    "int_type": "须为整数",
    "decimal_parsing": "须为数字",
    "float_parsing": "须为数字",
    "date_parsing": "须为日期（YYYY-MM-DD）",
    "date_from_datetime_parsing": "须为日期（YYYY-MM-DD）",
    "bool_parsing": "须为 true 或 false",
    "string_type": "须为文本",
    "list_type": "须为列表",
    "dict_type": "须为对象",
    "model_attributes_type": "须为对象",
    "json_invalid": "不是有效的 JSON",
}


def _reason(error: dict[str, Any]) -> str:
    template = _REASONS.get(str(error.get("type", "")), "格式不正确")
    try:
        return template.format(**(error.get("ctx") or {}))
    except (KeyError, IndexError):
        return template


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = []
    for e in exc.errors:
        field = ".".join(
            str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path", "payload", "filters")
        )
        errors.append(
            {"field": field, "type": e.get("type", ""), "message": f"{field or '请求体'}{_reason(e)}"}
        )
    summary = "；".join(e["message"] for e in errors[:5])
    return api.create_response(
        request, _body("invalid_input", f"请求参数无效：{summary}", {"errors": errors}), status=422
    )


@api.exception_handler(AuthenticationError)
def _auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, _body("auth.required", "请先登录或提供有效的访问令牌"), status=401)


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, _body("not_found", "请求的资源不存在"), status=404)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, _body("http_error", str(exc)), status=exc.status_code)
