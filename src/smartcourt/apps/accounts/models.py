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
