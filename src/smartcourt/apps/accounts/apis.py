"""Account endpoints: exchange credentials for a token, who am I."""

from django.http import HttpRequest
from ninja import Router, Schema, Status

from smartcourt.apps.accounts.services import api_token_issue, public_user_register

router = Router()


class TokenIn(Schema):
    username: str
    password: str


class TokenOut(Schema):
    token: str
    expires_at: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    role: str
    role_label: str
    court_id: int | None
    court_name: str | None


@router.post("/token", auth=None, response=TokenOut, summary="用户名和密码换取访问令牌")
def token_create(request: HttpRequest, payload: TokenIn) -> TokenOut:
    raw, token = api_token_issue(request=request, username=payload.username, password=payload.password)
    return TokenOut(token=raw, expires_at=token.expires_at.isoformat())


@router.get("/me", response=MeOut, summary="当前用户")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    return MeOut(
        id=user.pk,
        username=user.username,
        full_name=user.full_name,
        role=user.role,
        role_label=user.get_role_display(),
        court_id=user.court_id,
        court_name=user.court.name if user.court else None,
    )


class RegisterIn(Schema):
    role: str
    username: str
    password: str
    full_name: str
    id_type: str = "RESIDENT_ID"
    id_number: str
    phone: str
    licence_number: str = ""
    law_firm: str = ""


class RegisterOut(Schema):
    id: int
    username: str
    role: str
    verification_status: str


@router.post("/register", auth=None, response={201: RegisterOut}, summary="当事人、律师实名注册")
def register(request: HttpRequest, payload: RegisterIn) -> Status:
    user = public_user_register(**payload.dict())
    return Status(
        201,
        RegisterOut(
            id=user.pk,
            username=user.username,
            role=user.role,
            verification_status=user.real_name.verification_status,
        ),
    )
