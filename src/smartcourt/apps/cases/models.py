"""The case core: cases, parties, counsel, the timeline, assignments, time-limit adjustments, numbering.

Rules live in engines (catalogs for case types and numbers, procedure for states, calendar for 审限,
validation for identities); writes go through ``services``; reads through ``selectors``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from smartcourt.engines.procedure import CaseAction, CaseStatus, ClosureMethod, Procedure


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.label) for member in enum]  # type: ignore[attr-defined]


class CaseCategory(models.TextChoices):
    CIVIL = "CIVIL", "民事"
    CRIMINAL = "CRIMINAL", "刑事"
    ADMINISTRATIVE = "ADMINISTRATIVE", "行政"
    STATE_COMPENSATION = "STATE_COMPENSATION", "国家赔偿"
    ENFORCEMENT = "ENFORCEMENT", "执行"
    PRESERVATION = "PRESERVATION", "非诉保全审查"
    JUDICIAL_ASSISTANCE = "JUDICIAL_ASSISTANCE", "司法协助"
    BANKRUPTCY = "BANKRUPTCY", "强制清算与破产"
    OTHER = "OTHER", "其他"


class Case(models.Model):
    court = models.ForeignKey(
        "courts.Court", verbose_name="法院", on_delete=models.PROTECT, related_name="cases"
    )
    case_number = models.CharField("案号", max_length=64, unique=True)
    year = models.PositiveSmallIntegerField("年度")
    case_type = models.CharField("案件类型代字", max_length=8)
    sequence = models.PositiveIntegerField("顺序号")
    category = models.CharField("案件类别", max_length=24, choices=CaseCategory.choices)
    procedure = models.CharField(
        "适用程序", max_length=16, choices=_choices(Procedure), default=Procedure.ORDINARY
    )
    cause_of_action = models.CharField("案由", max_length=100, blank=True)
    charges = models.JSONField("罪名", default=list, blank=True)
    title = models.CharField("案件名称", max_length=200)
    claim_amount = models.DecimalField(
        "诉讼标的额（元）", max_digits=16, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        "案件状态", max_length=16, choices=_choices(CaseStatus), default=CaseStatus.REGISTERED
    )
    registered_on = models.DateField("立案日期")
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="立案人", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "courts.Department",
        verbose_name="承办庭室",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    responsible_judge = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办法官",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases_as_judge",
    )
    clerk = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="书记员",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases_as_clerk",
    )
    time_limit_rule = models.CharField("审限规则", max_length=40, blank=True)
    deadline = models.DateField("审限届满日", null=True, blank=True)
    deadline_basis = models.JSONField("审限计算依据", default=list, blank=True)
    closed_on = models.DateField("结案日期", null=True, blank=True)
    closure_method = models.CharField("结案方式", max_length=32, choices=_choices(ClosureMethod), blank=True)
    archived_on = models.DateField("归档日期", null=True, blank=True)
    summary = models.TextField("案情摘要", blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "案件"
        verbose_name_plural = "案件"
        ordering = ["-registered_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "year", "case_type", "sequence"], name="case_number_parts_unique"
            ),
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="case_sequence_positive"),
        ]
        indexes = [
            models.Index(fields=["court", "-registered_on", "-id"], name="case_court_registered"),
            # Lets a province-wide list (court IN many ids) walk cases newest first instead of sorting them all.
            models.Index(fields=["-registered_on", "-id"], name="case_registered"),
            models.Index(fields=["cause_of_action", "-registered_on"], name="case_cause_registered"),
            models.Index(fields=["responsible_judge", "status"], name="case_judge_status"),
            models.Index(fields=["court", "status", "deadline"], name="case_court_status_deadline"),
            models.Index(fields=["court", "case_type", "year"], name="case_court_type_year"),
        ]

    def __str__(self) -> str:
        return self.case_number

    @property
    def status_label(self) -> str:
        return CaseStatus(self.status).label


class PartyRole(models.TextChoices):
    PLAINTIFF = "PLAINTIFF", "原告"
    DEFENDANT = "DEFENDANT", "被告"
    THIRD_PARTY = "THIRD_PARTY", "第三人"
    APPELLANT = "APPELLANT", "上诉人"
    APPELLEE = "APPELLEE", "被上诉人"
    APPLICANT = "APPLICANT", "申请人"
    RESPONDENT = "RESPONDENT", "被申请人"
    ACCUSED = "ACCUSED", "被告人"
    VICTIM = "VICTIM", "被害人"
    PROSECUTOR = "PROSECUTOR", "公诉机关"
    PRIVATE_PROSECUTOR = "PRIVATE_PROSECUTOR", "自诉人"
    ENFORCEMENT_APPLICANT = "ENFORCEMENT_APPLICANT", "申请执行人"
    JUDGMENT_DEBTOR = "JUDGMENT_DEBTOR", "被执行人"


class PartyKind(models.TextChoices):
    NATURAL_PERSON = "NATURAL_PERSON", "自然人"
    LEGAL_PERSON = "LEGAL_PERSON", "法人"
    UNINCORPORATED_ORG = "UNINCORPORATED_ORG", "非法人组织"


class IdType(models.TextChoices):
    RESIDENT_ID = "RESIDENT_ID", "居民身份证"
    CREDIT_CODE = "CREDIT_CODE", "统一社会信用代码"
    PASSPORT = "PASSPORT", "护照"
    HK_MACAO_PERMIT = "HK_MACAO_PERMIT", "港澳居民来往内地通行证"
    TAIWAN_PERMIT = "TAIWAN_PERMIT", "台湾居民来往大陆通行证"
    HMT_RESIDENCE_PERMIT = "HMT_RESIDENCE_PERMIT", "港澳台居民居住证"
    FOREIGN_PERMANENT_RESIDENT = "FOREIGN_PERMANENT_RESIDENT", "外国人永久居留身份证"
    OTHER = "OTHER", "其他"


class Sex(models.TextChoices):
    MALE = "M", "男"
    FEMALE = "F", "女"


class Party(models.Model):
    case = models.ForeignKey(Case, verbose_name="案件", on_delete=models.CASCADE, related_name="parties")
    role = models.CharField("诉讼地位", max_length=24, choices=PartyRole.choices)
    kind = models.CharField("当事人类型", max_length=24, choices=PartyKind.choices)
    name = models.CharField("名称", max_length=100)
    id_type = models.CharField("证件类型", max_length=32, choices=IdType.choices, blank=True)
    id_number = models.CharField("证件号码", max_length=32, blank=True)
    sex = models.CharField("性别", max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField("出生日期", null=True, blank=True)
    address = models.CharField("住所地", max_length=200, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    legal_representative = models.CharField("法定代表人/负责人", max_length=50, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="平台账户",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="parties",
    )
    position = models.PositiveSmallIntegerField("排序", default=1)

    class Meta:
        verbose_name = "当事人"
        verbose_name_plural = "当事人"
        ordering = ["case", "position", "id"]
        indexes = [models.Index(fields=["id_number"], name="party_id_number")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.name}"

    @property
    def masked_id_number(self) -> str:
        """The ID number with its middle hidden, e.g. ``110105********123X``."""
        n = self.id_number
        if len(n) <= 8:
            return "*" * len(n)
        return n[:6] + "*" * (len(n) - 10) + n[-4:]


class CounselKind(models.TextChoices):
    LAWYER = "LAWYER", "律师"
    AGENT = "AGENT", "其他诉讼代理人"
    DEFENCE_COUNSEL = "DEFENCE_COUNSEL", "辩护人"


class Counsel(models.Model):
    case = models.ForeignKey(Case, verbose_name="案件", on_delete=models.CASCADE, related_name="counsel")
    party = models.ForeignKey(
        Party, verbose_name="被代理人", on_delete=models.CASCADE, related_name="counsel"
    )
    kind = models.CharField("类型", max_length=20, choices=CounselKind.choices)
    name = models.CharField("姓名", max_length=50)
    license_number = models.CharField("执业证号", max_length=32, blank=True)
    firm = models.CharField("律师事务所", max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="平台账户",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="counsel_roles",
    )

    class Meta:
        verbose_name = "诉讼代理人/辩护人"
        verbose_name_plural = "诉讼代理人/辩护人"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"


class CaseEvent(models.Model):
    """One step of the case's timeline: a state transition or a procedural act, with its rule."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=24)
    from_status = models.CharField(max_length=16, blank=True)
    to_status = models.CharField(max_length=16, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField("时间")
    reason = models.CharField("理由", max_length=500, blank=True)
    rule = models.CharField("依据", max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "案件节点"
        verbose_name_plural = "案件节点"
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.action_label} {self.occurred_at:%Y-%m-%d}"

    @property
    def action_label(self) -> str:
        return _EVENT_LABELS.get(self.action, self.action)


_EVENT_LABELS = {a.value: a.label for a in CaseAction} | {
    "REGISTER": "立案",
    "SUSPEND_TIME_LIMIT": "扣除审限",
    "END_TIME_LIMIT_SUSPENSION": "扣除审限结束",
    "EXTEND_TIME_LIMIT": "延长审限",
}


class AssignmentMethod(models.TextChoices):
    RANDOM = "RANDOM", "随机分案"
    DESIGNATED = "DESIGNATED", "指定分案"


class Assignment(models.Model):
    """分案: who got the case, how, among whom, and why."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    method = models.CharField("方式", max_length=16, choices=AssignmentMethod.choices)
    reason = models.CharField("理由", max_length=500, blank=True)
    candidate_ids = models.JSONField("候选法官", default=list)
    panel_ids = models.JSONField("合议庭成员", default=list, blank=True)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_at = models.DateTimeField()

    class Meta:
        verbose_name = "分案记录"
        verbose_name_plural = "分案记录"
        ordering = ["assigned_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_method_display()} → {self.judge}"


class PanelRole(models.TextChoices):
    PRESIDING_JUDGE = "PRESIDING_JUDGE", "审判长"
    MEMBER = "MEMBER", "审判员"


class PanelMember(models.Model):
    """A member of the collegial panel (合议庭) hearing the case; a sole-judge case has none."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="panel_members")
    judge = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_seats")
    role = models.CharField("职务", max_length=20, choices=PanelRole.choices)
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="panel_members")

    class Meta:
        verbose_name = "合议庭成员"
        verbose_name_plural = "合议庭成员"
        ordering = ["case", "id"]  # the presiding judge is seated first
        constraints = [models.UniqueConstraint(fields=["case", "judge"], name="panel_member_unique_per_case")]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.judge}"


class TimeLimitAdjustmentKind(models.TextChoices):
    SUSPENSION = "SUSPENSION", "扣除审限"
    EXTENSION = "EXTENSION", "延长审限"


class TimeLimitAdjustment(models.Model):
    """An approved change to a case's 审限: a period not counted, or an extension."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="time_limit_adjustments")
    kind = models.CharField("类型", max_length=16, choices=TimeLimitAdjustmentKind.choices)
    start_on = models.DateField("起始日", null=True, blank=True)
    end_on = models.DateField("结束日", null=True, blank=True)
    months = models.PositiveSmallIntegerField("延长月数", default=0)
    days = models.PositiveSmallIntegerField("延长日数", default=0)
    reason = models.CharField("事由", max_length=500)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "审限变更"
        verbose_name_plural = "审限变更"
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.reason}"


class CaseNumberSequence(models.Model):
    """The last sequence number given per court, year and case type; locked while a number is taken."""

    court = models.ForeignKey("courts.Court", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    case_type = models.CharField(max_length=8)
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["court", "year", "case_type"], name="case_number_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.court_id}/{self.year}/{self.case_type}: {self.last_value}"
