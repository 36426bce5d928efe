import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("criminal", "0003_existing_assessments_to_first_accused")]

    operations = [
        migrations.AlterField(
            model_name="sentencingoverride",
            name="charge_assessment",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="override_log",
                to="criminal.chargeassessment",
                verbose_name="被告人·罪名",
            ),
        ),
        migrations.RemoveField(model_name="sentencingassessment", name="charge"),
        migrations.RemoveField(model_name="sentencingassessment", name="overrides"),
    ]
