"""Web forms of the case core. They only shape input; every rule is checked by the services."""

from __future__ import annotations

from django import forms

from smartcourt.apps.cases.models import CounselKind, IdType, PartyKind, PartyRole
from smartcourt.engines import catalogs
from smartcourt.engines.procedure import ClosureMethod, Procedure


def _case_type_choices() -> list[tuple[str, str]]:
    return [(t.code, f"{t.code}（{t.name}）") for t in catalogs.case_types()]


class CaseRegisterForm(forms.Form):
    case_type = forms.ChoiceField(label="案件类型", choices=_case_type_choices)
    procedure = forms.ChoiceField(label="适用程序", choices=[(p.value, p.label) for p in Procedure])
    cause_of_action = forms.CharField(
        label="案由",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"list": "causes-of-action"}),
    )
    charges = forms.CharField(label="罪名（多个以顿号分隔）", required=False, max_length=200)
    claim_amount = forms.DecimalField(
        label="诉讼标的额（元）", required=False, min_value=0, max_digits=16, decimal_places=2
    )
    summary = forms.CharField(
        label="案情摘要", required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PartyForm(forms.Form):
    # Initials equal the first choice, so an untouched extra row counts as unchanged and is skipped.
    role = forms.ChoiceField(label="诉讼地位", choices=PartyRole.choices, initial=PartyRole.PLAINTIFF)
    kind = forms.ChoiceField(label="类型", choices=PartyKind.choices, initial=PartyKind.NATURAL_PERSON)
    name = forms.CharField(label="名称", max_length=100)
    id_type = forms.ChoiceField(label="证件类型", choices=[("", "—")] + list(IdType.choices), required=False)
    id_number = forms.CharField(label="证件号码", max_length=32, required=False)
    address = forms.CharField(label="住所地", max_length=200, required=False)
    phone = forms.CharField(label="联系电话", max_length=20, required=False)


PartyFormSet = forms.formset_factory(PartyForm, extra=1, min_num=2, max_num=50, validate_min=True)


class CounselForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=CounselKind.choices)
    name = forms.CharField(label="姓名", max_length=50)


class AssignForm(forms.Form):
    judge_id = forms.IntegerField(label="指定法官", required=False)
    panel_size = forms.TypedChoiceField(
        label="审判组织", coerce=int, choices=[(1, "独任"), (3, "三人合议庭"), (5, "五人合议庭")], initial=1
    )
    reason = forms.CharField(label="理由", required=False, max_length=500)


class TransitionForm(forms.Form):
    action = forms.CharField(max_length=24)
    reason = forms.CharField(label="理由", required=False, max_length=500)
    closure_method = forms.ChoiceField(
        label="结案方式", required=False, choices=[("", "—")] + [(m.value, m.label) for m in ClosureMethod]
    )


class TimeLimitForm(forms.Form):
    kind = forms.ChoiceField(choices=[("SUSPENSION", "扣除审限"), ("EXTENSION", "延长审限")])
    start_on = forms.DateField(label="扣除起始日", required=False)
    end_on = forms.DateField(label="扣除结束日", required=False)
    months = forms.IntegerField(label="延长月数", required=False, min_value=0, max_value=24)
    reason = forms.CharField(label="事由", max_length=500)
