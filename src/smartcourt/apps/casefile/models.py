"""The electronic case file (电子卷宗): a case's materials and their pages, catalogue corrections, judges'
private annotations, back-fill decisions, archival packages and remote file requests (远程调卷).

Rows are written only by ``services``; django-auditlog tracks every model (``AUDITLOG_INCLUDE_ALL_MODELS``)
with the actor set by ``acting_as``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class MaterialSource(models.TextChoices):
    PORTAL = "PORTAL", "网上提交"
    SCAN = "SCAN", "扫描"
    GENERATED = "GENERATED", "系统生成"


class MaterialStatus(models.TextChoices):
    PENDING = "PENDING", "待识别"
    READY = "READY", "已识别"
    FAILED = "FAILED", "处理失败"


class Volume(models.TextChoices):
    MAIN = "main", "正卷"
    SECONDARY = "secondary", "副卷"


def _material_path(instance: Material, filename: str) -> str:
    return f"casefile/{instance.case_id}/{instance.sha256[:16]}/{filename}"


class Material(models.Model):
    """One document of the case file: the original file, where it came from, and its place in the file."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="file_materials"
    )
    source = models.CharField("来源", max_length=16, choices=MaterialSource.choices)
    filename = models.CharField("文件名", max_length=200)
    file = models.FileField("原始文件", upload_to=_material_path, max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField("大小（字节）")
    media_type = models.CharField("媒体类型", max_length=100)
    page_count = models.PositiveIntegerField("页数", default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间")
    status = models.CharField(
        "状态", max_length=16, choices=MaterialStatus.choices, default=MaterialStatus.PENDING
    )
    failure_reason = models.CharField("失败原因", max_length=300, blank=True)
    # When a worker took the material for recognition (one worker at a time; see services.material_process).
    claimed_at = models.DateTimeField("识别开始时间", null=True, blank=True)
    text_source = models.CharField("文字来源", max_length=16, blank=True)  # text_layer / ocr / docx
    title = models.CharField("题名", max_length=200, blank=True)
    category = models.CharField("目录类别", max_length=40, default="other")
    category_name = models.CharField("目录类别名称", max_length=40, default="其他材料")
    confidence = models.FloatField("分类置信度", default=0.0)
    classification_evidence = models.JSONField("分类依据", default=list, blank=True)
    category_corrected = models.BooleanField("类别经人工更正", default=False)
    manual_position = models.PositiveIntegerField("人工指定顺序", null=True, blank=True)
    volume = models.CharField("卷别", max_length=16, choices=Volume.choices, default=Volume.MAIN)
    position = models.PositiveIntegerField("卷内顺序号", default=0)
    first_page = models.PositiveIntegerField("起始页号", default=0)
    last_page = models.PositiveIntegerField("终止页号", default=0)

    class Meta:
        verbose_name = "卷宗材料"
        verbose_name_plural = "卷宗材料"
        ordering = ["case", "volume", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "sha256"], name="casefile_material_case_sha256"),
        ]
        indexes = [models.Index(fields=["case", "status"], name="casefile_material_case_status")]

    def __str__(self) -> str:
        return self.title or self.filename


class Page(models.Model):
    """One page of a material: its text (text layer, DOCX paragraphs or OCR), OCR lines with boxes, thumbnail."""

    material = models.ForeignKey(
        Material, verbose_name="材料", on_delete=models.CASCADE, related_name="pages"
    )
    number = models.PositiveIntegerField("页码（材料内）")
    text = models.TextField("文字", blank=True)
    lines = models.JSONField("识别行（含坐标）", default=list, blank=True)
    width = models.PositiveIntegerField("宽（像素）", default=0)
    height = models.PositiveIntegerField("高（像素）", default=0)
    thumbnail = models.BinaryField("缩略图（PNG）", blank=True, default=b"")

    class Meta:
        verbose_name = "卷宗页"
        verbose_name_plural = "卷宗页"
        ordering = ["material", "number"]
        constraints = [
            models.UniqueConstraint(fields=["material", "number"], name="casefile_page_material_number"),
        ]

    def __str__(self) -> str:
        return f"{self.material} 第{self.number}页"


class CatalogueCorrection(models.Model):
    """A clerk's correction of a material's category or order, with the value before and after and why."""

    material = models.ForeignKey(
        Material, verbose_name="材料", on_delete=models.CASCADE, related_name="corrections"
    )
    field = models.CharField("更正项", max_length=16)  # category / position
    before = models.CharField("更正前", max_length=100, blank=True)
    after = models.CharField("更正后", max_length=100)
    reason = models.CharField("理由", max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="更正人", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField("更正时间")

    class Meta:
        verbose_name = "编目更正"
        verbose_name_plural = "编目更正"
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.before} → {self.after}"


class Annotation(models.Model):
    """A judge's private note on a page: only its author ever sees it."""

    page = models.ForeignKey(Page, verbose_name="页", on_delete=models.CASCADE, related_name="annotations")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批注人", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField("批注", max_length=2000)
    created_at = models.DateTimeField("批注时间")

    class Meta:
        verbose_name = "阅卷批注"
        verbose_name_plural = "阅卷批注"
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["author", "page"], name="casefile_annotation_author")]

    def __str__(self) -> str:
        return self.text[:30]


class Decision(models.TextChoices):
    PENDING = "PENDING", "待确认"
    ACCEPTED = "ACCEPTED", "已采纳"
    REJECTED = "REJECTED", "不采纳"


class BackfillField(models.Model):
    """A value extracted from a material that differs from the case record, for the clerk to accept or reject."""

    material = models.ForeignKey(
        Material, verbose_name="材料", on_delete=models.CASCADE, related_name="backfill_fields"
    )
    field = models.CharField("字段", max_length=32)
    party_name = models.CharField("当事人", max_length=100, blank=True)
    record_value = models.CharField("案件信息现值", max_length=300, blank=True)
    extracted_value = models.CharField("材料中的值", max_length=300)
    valid = models.BooleanField("校验通过", null=True)
    reason = models.CharField("差异说明", max_length=200, blank=True)
    decision = models.CharField("处理", max_length=16, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)

    class Meta:
        verbose_name = "回填字段"
        verbose_name_plural = "回填字段"
        ordering = ["material", "id"]

    def __str__(self) -> str:
        return f"{self.party_name} {self.field}：{self.extracted_value}"


def _package_path(instance: ArchivePackage, filename: str) -> str:
    return f"casefile/archive/{instance.case_id}/{filename}"


class ArchivePackage(models.Model):
    """The archival package (BagIt tar) of a closed case, its ledger entry and receipt, and its last check."""

    case = models.ForeignKey(
        "cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="archive_packages"
    )
    file = models.FileField("封装包", upload_to=_package_path, max_length=300)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField("大小（字节）")
    archival_code = models.CharField("档号", max_length=100)
    retention = models.CharField("保管期限", max_length=16)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="封装人", on_delete=models.PROTECT, related_name="+"
    )
    built_at = models.DateTimeField("封装时间")
    ledger_entry = models.ForeignKey(
        "evidence.EvidenceEntry",
        verbose_name="司法链存证",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receipt = models.TextField("存证回执（JSON）", blank=True)
    checked_at = models.DateTimeField("最近检查时间", null=True, blank=True)
    check_ok = models.BooleanField("最近检查通过", null=True)
    check_problems = models.JSONField("检查发现的问题", default=list, blank=True)

    class Meta:
        verbose_name = "电子档案封装包"
        verbose_name_plural = "电子档案封装包"
        ordering = ["-built_at", "-id"]

    def __str__(self) -> str:
        return self.archival_code


class RequestStatus(models.TextChoices):
    PENDING = "PENDING", "待审批"
    APPROVED = "APPROVED", "已同意"
    REJECTED = "REJECTED", "已拒绝"


class FileRequest(models.Model):
    """A higher court's request for a lower court's case file (远程调卷), and the lower court's decision."""

    case = models.ForeignKey("cases.Case", verbose_name="案件", on_delete=models.CASCADE, related_name="+")
    requesting_court = models.ForeignKey(
        "courts.Court", verbose_name="调卷法院", on_delete=models.PROTECT, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="申请人", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("申请时间")
    reason = models.CharField("调卷事由", max_length=300)
    status = models.CharField(
        "状态", max_length=16, choices=RequestStatus.choices, default=RequestStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)

    class Meta:
        verbose_name = "远程调卷"
        verbose_name_plural = "远程调卷"
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return f"{self.requesting_court_id} → {self.case_id}"
