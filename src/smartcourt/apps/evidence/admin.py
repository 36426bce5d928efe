"""Back office: logs, heads and witnesses are read-only here (the signer key is never shown)."""

from django.contrib import admin

from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, LedgerWitness, TreeHead


@admin.register(Ledger)
class LedgerAdmin(admin.ModelAdmin):
    list_display = ("origin", "court", "hash_algorithm", "size", "created_at")
    fields = ("origin", "court", "hash_algorithm", "verifier_key", "size", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request):  # created by services.ledger_create only
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EvidenceEntry)
class EvidenceEntryAdmin(admin.ModelAdmin):
    list_display = ("ledger", "leaf_index", "kind", "content_hash", "recorded_by", "recorded_at")
    list_filter = ("kind", "ledger")
    exclude = ("leaf_hash", "leaf_data")
    readonly_fields = (
        "ledger",
        "leaf_index",
        "kind",
        "content_hash",
        "metadata",
        "source_id",
        "tree_size",
        "recorded_by",
        "recorded_at",
    )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TreeHead)
class TreeHeadAdmin(admin.ModelAdmin):
    list_display = ("ledger", "size", "previous_size", "consistency_verified", "created_at")
    exclude = ("root_hash",)
    readonly_fields = (
        "ledger",
        "size",
        "signed_note",
        "previous_size",
        "consistency_proof",
        "consistency_verified",
        "cosigned_note",
        "created_at",
    )

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(LedgerWitness)
class LedgerWitnessAdmin(admin.ModelAdmin):
    list_display = ("name", "ledger", "url", "latest_size")
