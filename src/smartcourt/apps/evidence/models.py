"""The evidence ledger (司法链): one append-only Merkle log per court, its entries, tree nodes and heads.

Only hashes and metadata are stored, never an evidence file. See ``docs/ledger.md``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class HashAlgorithm(models.TextChoices):
    SHA256 = "sha256", "SHA-256"
    SM3 = "sm3", "SM3（GB/T 32905-2016）"


class EntryKind(models.TextChoices):
    FILE = "FILE", "电子证据文件"
    SIGNATURE = "SIGNATURE", "文书电子签名"
    ENFORCEMENT = "ENFORCEMENT", "执行操作"
    GUARANTEE = "GUARANTEE", "电子保函"
    ARCHIVE = "ARCHIVE", "电子档案包"
    AUDIT = "AUDIT", "审计记录"


class Ledger(models.Model):
    """A log: its origin (the checkpoint's first line and the key name), hash, keys and current size.

    ``court`` is empty for the platform log, which holds the audit trail. The Ed25519 signer key is kept
    sealed (AES-256-GCM under a key derived from ``SECRET_KEY``, see ``evidence.keys``); the API and the
    admin never show it.
    """

    court = models.OneToOneField(
        "courts.Court",
        verbose_name="法院",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ledger",
    )
    origin = models.CharField("日志标识", max_length=200, unique=True)
    hash_algorithm = models.CharField("哈希算法", max_length=8, choices=HashAlgorithm.choices)
    verifier_key = models.CharField("验证公钥", max_length=300)
    signer_key_sealed = models.BinaryField("签名私钥（密封）", editable=False)
    size = models.PositiveBigIntegerField("条目数", default=0)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        verbose_name = "司法链账本"
        verbose_name_plural = "司法链账本"
        ordering = ["origin"]

    def __str__(self) -> str:
        return self.origin


class EvidenceEntry(models.Model):
    """One leaf: its index, the RFC 9162 leaf hash and what it records.

    For a ``FILE`` the leaf is the file itself (``leaf_hash = H(0x00 || file)``), so the file and its
    receipt verify offline; ``leaf_data`` is empty. For every other kind ``leaf_data`` holds the canonical
    JSON record that was hashed, so the stored record can be checked against its leaf.
    """

    ledger = models.ForeignKey(Ledger, on_delete=models.PROTECT, related_name="entries")
    leaf_index = models.PositiveBigIntegerField("叶序号")
    kind = models.CharField("类型", max_length=16, choices=EntryKind.choices)
    leaf_hash = models.BinaryField("叶哈希", max_length=64)
    leaf_data = models.BinaryField("记录", null=True, blank=True)
    content_hash = models.CharField("内容哈希", max_length=140, blank=True)
    metadata = models.JSONField("元数据", default=dict, blank=True)
    source_id = models.BigIntegerField("来源记录", null=True, blank=True)
    tree_size = models.PositiveBigIntegerField("首次纳入的树大小")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="存证人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_at = models.DateTimeField("存证时间")

    class Meta:
        verbose_name = "存证条目"
        verbose_name_plural = "存证条目"
        ordering = ["ledger", "leaf_index"]
        constraints = [
            models.UniqueConstraint(fields=["ledger", "leaf_index"], name="evidence_entry_unique_leaf"),
            models.UniqueConstraint(
                fields=["kind", "source_id"],
                condition=models.Q(source_id__isnull=False),
                name="evidence_entry_unique_source",
            ),
        ]
        indexes = [
            models.Index(fields=["ledger", "leaf_hash"], name="evidence_entry_leaf_hash"),
            models.Index(fields=["ledger", "kind", "-leaf_index"], name="evidence_entry_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.ledger.origin}#{self.leaf_index}"

    @property
    def display_title(self) -> str:
        meta = self.metadata or {}
        return str(meta.get("title") or meta.get("filename") or meta.get("object_repr") or "")


class TreeTile(models.Model):
    """A tile: the interior nodes of one 8-level subtree of the tree, as one row (Tessera / tlog-tiles).

    Tile ``(level, index)`` covers tree levels ``8 * level + 1`` to ``8 * level + 8`` above the
    ``index``-th run of 256 nodes at tree level ``8 * level`` (leaves for ``level`` 0). ``hashes`` holds
    the nodes in the order appends complete them (``storage.tile_order``), so a partial tile on the right
    edge is a prefix of its full form (255 hashes) and a batch only extends it. Leaves live in
    ``EvidenceEntry.leaf_hash``.
    """

    ledger = models.ForeignKey(Ledger, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField()
    index = models.PositiveBigIntegerField()
    hashes = models.BinaryField()

    class Meta:
        verbose_name = "树瓦片"
        verbose_name_plural = "树瓦片"
        constraints = [
            models.UniqueConstraint(fields=["ledger", "level", "index"], name="evidence_tile_unique"),
        ]

    def __str__(self) -> str:
        return f"tile ({self.level}, {self.index})"


class TreeHead(models.Model):
    """A signed checkpoint, one per batch, with the consistency proof from the previous one, checked."""

    ledger = models.ForeignKey(Ledger, on_delete=models.PROTECT, related_name="tree_heads")
    size = models.PositiveBigIntegerField("树大小")
    root_hash = models.BinaryField("根哈希", max_length=64)
    signed_note = models.TextField("签名树头")
    previous_size = models.PositiveBigIntegerField("上一树大小", null=True, blank=True)
    consistency_proof = models.JSONField("一致性证明", default=list, blank=True)
    consistency_verified = models.BooleanField("一致性已验证", default=False)
    cosigned_note = models.TextField("见证后的树头", blank=True)
    created_at = models.DateTimeField("签发时间")

    class Meta:
        verbose_name = "签名树头"
        verbose_name_plural = "签名树头"
        ordering = ["ledger", "-size"]
        constraints = [
            models.UniqueConstraint(fields=["ledger", "size"], name="evidence_head_unique_size"),
        ]

    def __str__(self) -> str:
        return f"{self.ledger.origin}@{self.size}"


class LedgerWitness(models.Model):
    """A witness (another court's node) asked to cosign this log's heads, and the latest size it cosigned."""

    ledger = models.ForeignKey(Ledger, on_delete=models.CASCADE, related_name="witnesses")
    name = models.CharField("见证节点", max_length=200)
    url = models.URLField("地址", max_length=300)
    verifier_key = models.CharField("见证公钥", max_length=300)
    latest_size = models.PositiveBigIntegerField("已见证树大小", default=0)

    class Meta:
        verbose_name = "见证节点"
        verbose_name_plural = "见证节点"
        constraints = [
            models.UniqueConstraint(fields=["ledger", "name"], name="evidence_witness_unique_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.ledger.origin}"
