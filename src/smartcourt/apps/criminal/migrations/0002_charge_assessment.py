"""Several accused and several charges: one ChargeAssessment per (accused, charge) the judge changed."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("criminal", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ChargeAssessment",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("charge_index", models.PositiveSmallIntegerField(default=0, verbose_name="案件罪名序号")),
                (
                    "charge",
                    models.CharField(
                        blank=True, help_text="为空时按案件所列罪名", max_length=100, verbose_name="评估罪名"
                    ),
                ),
                (
                    "excluded",
                    models.BooleanField(
                        default=False,
                        help_text="该被告人未被指控此罪（法官排除，附理由）",
                        verbose_name="不予评估",
                    ),
                ),
                ("overrides", models.JSONField(blank=True, default=dict, verbose_name="人工修正")),
                ("version", models.PositiveIntegerField(default=1, verbose_name="版本")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="最后修改时间")),
                (
                    "accused",
                    models.ForeignKey(
                        blank=True,
                        help_text="案件未列被告人时为空",
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="cases.party",
                        verbose_name="被告人",
                    ),
                ),
                (
                    "assessment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="charge_assessments",
                        to="criminal.sentencingassessment",
                        verbose_name="量刑评估",
                    ),
                ),
                (
                    "updated_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="最后修改人",
                    ),
                ),
            ],
            options={
                "verbose_name": "量刑评估（被告人·罪名）",
                "verbose_name_plural": "量刑评估（被告人·罪名）",
                "ordering": ["assessment", "accused__position", "accused_id", "charge_index"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("assessment", "accused", "charge_index"), name="charge_assessment_unique"
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="sentencingoverride",
            name="charge_assessment",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="override_log",
                to="criminal.chargeassessment",
                verbose_name="被告人·罪名",
            ),
        ),
    ]
