"""Data: each existing assessment's charge and overrides become those of the case's first accused and its
first charge, and its override records point there. Reversible (back to the one-per-case fields)."""

from typing import Any

from django.db import migrations

ACCUSED_ROLES = ("ACCUSED", "APPELLANT")


def _case_charge(case: Any) -> str:
    charges = case.charges or []
    name = str(charges[0]).strip() if charges else ""
    return name[:-1] if name.endswith("罪") else name


def forwards(apps: Any, schema_editor: Any) -> None:
    SentencingAssessment = apps.get_model("criminal", "SentencingAssessment")
    ChargeAssessment = apps.get_model("criminal", "ChargeAssessment")
    SentencingOverride = apps.get_model("criminal", "SentencingOverride")
    Party = apps.get_model("cases", "Party")
    for row in SentencingAssessment.objects.select_related("case").iterator():
        first = (
            Party.objects.filter(case_id=row.case_id, role__in=ACCUSED_ROLES)
            .order_by("position", "id")
            .first()
        )
        charge = row.charge if row.charge != _case_charge(row.case) else ""
        item = ChargeAssessment.objects.create(
            assessment=row,
            accused=first,
            charge_index=0,
            charge=charge,
            overrides=row.overrides or {},
            version=1,
            updated_by_id=row.updated_by_id,
        )
        SentencingOverride.objects.filter(assessment=row).update(charge_assessment=item)


def backwards(apps: Any, schema_editor: Any) -> None:
    SentencingAssessment = apps.get_model("criminal", "SentencingAssessment")
    ChargeAssessment = apps.get_model("criminal", "ChargeAssessment")
    for row in SentencingAssessment.objects.select_related("case").iterator():
        item = (
            ChargeAssessment.objects.filter(assessment=row, charge_index=0)
            .order_by("accused__position", "accused_id")
            .first()
        )
        row.charge = (item.charge if item else "") or _case_charge(row.case)
        row.overrides = item.overrides if item else {}
        row.save(update_fields=["charge", "overrides"])


class Migration(migrations.Migration):
    dependencies = [("criminal", "0002_charge_assessment")]

    operations = [migrations.RunPython(forwards, backwards)]
