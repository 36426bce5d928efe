"""网上立案: filings (drafts a litigant or lawyer fills step by step), their parties, uploads, check flags
and the review timeline of the receiving court's filing officer (立案登记制, 法释〔2015〕8号).

Writes go through ``services``; reads through ``selectors``. A filing accepted becomes a case through
``cases.services.case_register`` (its case number is taken there, never here).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class FilingKind(models.TextChoices):
    CIVIL_FIRST = "CIVIL_FIRST", "民事一审起诉"
    ENFORCEMENT = "ENFORCEMENT", "申请执行"
    ADMIN_FIRST = "ADMIN_FIRST", "行政一审起诉"
    RETRIAL = "RETRIAL", "申请再审"
    PRESERVATION = "PRESERVATION", "申请诉前财产保全"


class FilingStatus(models.TextChoices):
    DRAFT = "DRAFT", "草稿"
    AT_RECEIVING_COURT = "AT_RECEIVING_COURT", "收件法院核对中"
    RETURNED = "RETURNED", "收件法院已退回"
    SUBMITTED = "SUBMITTED", "待审查"
    CORRECTION_REQUESTED = "CORRECTION_REQUESTED", "待补正"
    ACCEPTED = "ACCEPTED", "已立案"
    REFUSED = "REFUSED", "不予受理"
    WITHDRAWN = "WITHDRAWN", "已撤回"


class Filing(models.Model):
    filer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="提交人", on_delete=models.PROTECT, related_name="filings"
    )
    kind = models.CharField("立案类型", max_length=16, choices=FilingKind.choices)
    court = models.ForeignKey(
        "courts.Court",
        verbose_name="受理法院",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filings",
    )
    # 跨域立案: the court where the materials were handed in (收件法院), when it is not the competent court
    receiving_court = models.ForeignKey(
        "courts.Court",
        verbose_name="收件法院（跨域立案）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="received_filings",
    )
    sent_to_receiving_at = models.DateTimeField("提交收件法院时间", null=True, blank=True)
    receiving_check = models.JSONField("收件法院核对结果", default=dict, blank=True)
    forwarded_at = models.DateTimeField("转交管辖法院时间", null=True, blank=True)
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="收件法院立案人员",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    return_reasons = models.JSONField("退回理由", default=list, blank=True)
    reference = models.CharField("网上立案编号", max_length=32, blank=True)
    status = models.CharField("状态", max_length=24, choices=FilingStatus.choices, default=FilingStatus.DRAFT)
    cause_of_action = models.CharField("案由", max_length=100, blank=True)
    connecting_point = models.CharField("管辖连接点", max_length=24, blank=True, default="general")
    connecting_place = models.CharField("连接点所在地（行政区划代码）", max_length=6, blank=True)
    origin_court = models.ForeignKey(
        "courts.Court",
        verbose_name="执行依据/原审法院",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    origin_case_number = models.CharField("原案号/执行依据", max_length=64, blank=True)
    claims = models.JSONField("诉讼请求", default=list, blank=True)  # [{"text": str, "amount": str}]
    claim_amount = models.DecimalField("标的额（元）", max_digits=16, decimal_places=2, null=True, blank=True)
    facts_and_reasons = models.TextField("事实与理由", blank=True, max_length=20000)
    knew_on = models.DateField("知道或应当知道权利受损之日", null=True, blank=True)
    evidence = models.JSONField("证据清单", default=list, blank=True)  # [{"name", "source", "purpose"}]
    steps_done = models.JSONField("已保存的步骤", default=list, blank=True)
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    received_on = models.DateField("审查期间起算日", null=True, blank=True)
    review_deadline = models.DateField("审查期限届满日", null=True, blank=True)
    correction_items = models.JSONField("补正事项", default=list, blank=True)
    correction_note = models.CharField("补正说明", max_length=500, blank=True)
    correction_requested_on = models.DateField("告知补正日", null=True, blank=True)
    correction_due_on = models.DateField("补正期限", null=True, blank=True)
    corrected_on = models.DateField("补正日", null=True, blank=True)
    decided_at = models.DateTimeField("审查决定时间", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审查人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on_time = models.BooleanField("在审查期限内决定", null=True, blank=True)
    refusal_ruling = models.TextField("不予受理裁定", blank=True, max_length=20000)
    case = models.OneToOneField(
        "cases.Case",
        verbose_name="立案后的案件",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="filing",
    )
    fee_notice = models.JSONField("交费通知", default=dict, blank=True)
    payment_order_number = models.CharField("缴费单号", max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "网上立案"
        verbose_name_plural = "网上立案"
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["court", "status", "review_deadline"], name="filing_court_status_deadline"),
            models.Index(fields=["filer", "-updated_at"], name="filing_filer_updated"),
            models.Index(fields=["receiving_court", "status"], name="filing_receiving_status"),
        ]

    def __str__(self) -> str:
        return self.reference or f"草稿 #{self.pk}"


class FilingParty(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="parties")
    position = models.PositiveSmallIntegerField("排序", default=1)
    role = models.CharField("诉讼地位", max_length=24)
    kind = models.CharField("当事人类型", max_length=24, default="NATURAL_PERSON")
    name = models.CharField("名称", max_length=100, blank=True)
    id_type = models.CharField("证件类型", max_length=32, blank=True)
    id_number = models.CharField("证件号码", max_length=32, blank=True)
    address = models.CharField("住所地", max_length=200, blank=True)
    division_code = models.CharField("住所地行政区划代码", max_length=6, blank=True)
    phone = models.CharField("联系电话", max_length=20, blank=True)
    legal_representative = models.CharField("法定代表人/负责人", max_length=50, blank=True)

    class Meta:
        verbose_name = "网上立案当事人"
        verbose_name_plural = "网上立案当事人"
        ordering = ["filing", "position", "id"]
        indexes = [models.Index(fields=["id_number"], name="filingparty_id_number")]

    def __str__(self) -> str:
        return self.name or f"当事人 {self.position}"


class UploadCategory(models.TextChoices):
    PLEADING = "PLEADING", "起诉状/申请书"
    IDENTITY = "IDENTITY", "身份证明"
    EVIDENCE = "EVIDENCE", "证据材料"
    AUTHORISATION = "AUTHORISATION", "授权委托书"
    OTHER = "OTHER", "其他"


class FilingUpload(models.Model):
    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="uploads")
    category = models.CharField("材料类别", max_length=16, choices=UploadCategory.choices)
    original_name = models.CharField("文件名", max_length=200)
    file = models.FileField("文件", upload_to="filing/", max_length=200)
    media_type = models.CharField("类型", max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    inspection = models.JSONField("检查结果", default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name="上传人"
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "网上立案材料"
        verbose_name_plural = "网上立案材料"
        ordering = ["filing", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name


class FlagKind(models.TextChoices):
    JURISDICTION = "JURISDICTION", "管辖"
    DUPLICATE = "DUPLICATE", "重复立案"
    RISK = "RISK", "风险提示"


class FilingFlag(models.Model):
    """One finding of the checks before submission, explained to the filing officer; never a block."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField("类别", max_length=16, choices=FlagKind.choices)
    code = models.CharField("代码", max_length=40)
    severity = models.CharField("程度", max_length=16)  # info | warning | high
    message = models.TextField("说明", max_length=2000)
    basis = models.CharField("依据", max_length=500, blank=True)
    detail = models.JSONField("明细", default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "立案审查提示"
        verbose_name_plural = "立案审查提示"
        ordering = ["filing", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}：{self.code}"

    @property
    def severity_label(self) -> str:
        return {"info": "提示", "warning": "注意", "high": "重点关注"}.get(self.severity, self.severity)


class FilingEvent(models.Model):
    """The filing's timeline: submit, correction request, correction, accept, refuse — each timed."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="events")
    action = models.CharField("操作", max_length=24)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    occurred_at = models.DateTimeField("时间")
    deadline = models.DateField("当时的审查期限", null=True, blank=True)
    on_time = models.BooleanField("在期限内", null=True, blank=True)
    note = models.CharField("说明", max_length=500, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = "网上立案记录"
        verbose_name_plural = "网上立案记录"
        ordering = ["filing", "occurred_at", "id"]

    def __str__(self) -> str:
        return self.action_label

    ACTION_LABELS = {  # noqa: RUF012
        "SUBMIT": "提交立案申请",
        "REQUEST_CORRECTION": "一次性告知补正",
        "CORRECT": "补正后重新提交",
        "ACCEPT": "登记立案",
        "REFUSE": "裁定不予受理",
        "WITHDRAW": "撤回",
        "SUBMIT_CROSS_REGION": "向收件法院提交跨域立案申请",
        "FORWARD": "收件法院核对后转交管辖法院",
        "RETURN": "收件法院退回材料",
    }

    @property
    def action_label(self) -> str:
        return self.ACTION_LABELS.get(self.action, self.action)
