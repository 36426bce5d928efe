"""Accounts: court staff and public users, each with one role; API tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models


class Role(models.TextChoices):
    JUDGE = "JUDGE", "法官"
    JUDGE_ASSISTANT = "JUDGE_ASSISTANT", "法官助理"
    CLERK = "CLERK", "书记员"
    FILING_OFFICER = "FILING_OFFICER", "立案法官"
    ENFORCEMENT_JUDGE = "ENFORCEMENT_JUDGE", "执行法官"
    ENFORCEMENT_OFFICER = "ENFORCEMENT_OFFICER", "执行员"
    COURT_LEADER = "COURT_LEADER", "院庭长"
    CASE_MANAGEMENT = "CASE_MANAGEMENT", "审管办"
    IT_ADMIN = "IT_ADMIN", "信息中心"
    LITIGANT = "LITIGANT", "当事人"
    LAWYER = "LAWYER", "律师"
    MEDIATOR = "MEDIATOR", "调解员"


STAFF_ROLES = frozenset(
    {
        Role.JUDGE,
        Role.JUDGE_ASSISTANT,
        Role.CLERK,
        Role.FILING_OFFICER,
        Role.ENFORCEMENT_JUDGE,
        Role.ENFORCEMENT_OFFICER,
        Role.COURT_LEADER,
        Role.CASE_MANAGEMENT,
        Role.IT_ADMIN,
    }
)
PUBLIC_ROLES = frozenset({Role.LITIGANT, Role.LAWYER, Role.MEDIATOR})
# Roles that see the cases of every court below their own (院庭长, 审管办 of a higher court).
SUPERVISORY_ROLES = frozenset({Role.COURT_LEADER, Role.CASE_MANAGEMENT})
# Roles that may register cases and assign them.
REGISTERING_ROLES = frozenset({Role.FILING_OFFICER, Role.COURT_LEADER, Role.CASE_MANAGEMENT})
# Roles that may decide a case's course (transitions, time-limit changes) when they hold the case.
CASE_HANDLING_ROLES = frozenset({Role.JUDGE, Role.ENFORCEMENT_JUDGE, Role.JUDGE_ASSISTANT, Role.CLERK})


class User(AbstractUser):
    """Anyone who logs in. Staff belong to a court and a department; public users to neither."""

    full_name = models.CharField("姓名", max_length=50)
    role = models.CharField("角色", max_length=24, choices=Role.choices)
    court = models.ForeignKey(
        "courts.Court",
        verbose_name="法院",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    department = models.ForeignKey(
        "courts.Department",
        verbose_name="庭室",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    phone = models.CharField("手机号码", max_length=20, blank=True)

    class Meta:
        verbose_name = "用户"
        verbose_name_plural = "用户"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=sorted(r.value for r in PUBLIC_ROLES), court__isnull=True)
                | models.Q(role__in=sorted(r.value for r in STAFF_ROLES), court__isnull=False)
                | models.Q(role=""),
                name="user_staff_have_court_public_do_not",
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name or self.username}（{self.get_role_display() or '系统'}）"

    @property
    def is_court_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_public_user(self) -> bool:
        return self.role in PUBLIC_ROLES


class ApiToken(models.Model):
    """A bearer token for the API; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField("前缀", max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"

    def __str__(self) -> str:
        return f"{self.prefix}…（{self.user}）"


class VerificationStatus(models.TextChoices):
    PENDING = "PENDING", "待核验"
    VERIFIED = "VERIFIED", "已实名认证"
    FAILED = "FAILED", "核验未通过"


class RealNameProfile(models.Model):
    """The real-name identity of a self-registered litigant or lawyer (网上立案 requires it verified).

    The ID number is checked with its check digit by ``engines.validation`` before anything is saved; the
    identity itself is confirmed by an :class:`~smartcourt.apps.accounts.identity.IdentityVerifier`
    (the local simulator unless a provider is configured). A lawyer's 执业证号 is checked for its structure
    only (``licence.check_licence_number``); the registry of the 司法行政机关 is not consulted.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="real_name")
    id_type = models.CharField("证件类型", max_length=32)
    id_number = models.CharField("证件号码", max_length=32)
    verification_status = models.CharField(
        "实名核验状态", max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    verification_provider = models.CharField("核验渠道", max_length=40, blank=True)
    verification_reference = models.CharField("核验流水号", max_length=64, blank=True)
    verification_message = models.CharField("核验结果说明", max_length=200, blank=True)
    verified_at = models.DateTimeField("核验时间", null=True, blank=True)
    licence_number = models.CharField("律师执业证号", max_length=17, blank=True)
    licence_structure_ok = models.BooleanField(
        "执业证号结构校验通过", default=False, help_text="仅校验号码结构，未经司法行政机关核验"
    )
    law_firm = models.CharField("执业机构", max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "实名信息"
        verbose_name_plural = "实名信息"
        constraints = [
            models.UniqueConstraint(fields=["id_type", "id_number"], name="realname_identity_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user}（{self.get_verification_status_display()}）"

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED

    @property
    def masked_id_number(self) -> str:
        n = self.id_number
        return "*" * len(n) if len(n) <= 8 else n[:6] + "*" * (len(n) - 10) + n[-4:]
