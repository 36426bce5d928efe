"""Case types, causes of action and charges: lookups and the integrity of the data files."""

from __future__ import annotations

import datetime
import json
from importlib import resources
from typing import Any

import pytest

from smartcourt.engines.catalogs import (
    CaseCategory,
    CatalogError,
    Cause,
    ProcedureClass,
    UnknownCaseTypeError,
    UnknownCauseError,
    UnknownChargeError,
    case_types,
    cause_path,
    causes,
    charges,
    get_case_type,
    get_cause,
    get_charge,
    search_causes,
)
from smartcourt.engines.catalogs.errors import CaseNumberError, CourtCodeError


def data_file(name: str) -> dict[str, Any]:
    text = resources.files("smartcourt.engines.catalogs").joinpath("data", name).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.mark.parametrize(
    "name", ["case_types.json", "court_codes.json", "causes_of_action.json", "charges.json"]
)
def test_data_files_cite_source_and_effective_date(name: str) -> None:
    data = data_file(name)
    assert isinstance(data["source"], str) and "《" in data["source"]
    assert datetime.date.fromisoformat(data["effective"]) >= datetime.date(2016, 1, 1)


@pytest.mark.parametrize(
    ("code", "category", "procedure"),
    [
        ("民初", CaseCategory.CIVIL, ProcedureClass.FIRST_INSTANCE),
        ("民终", CaseCategory.CIVIL, ProcedureClass.SECOND_INSTANCE),
        ("民再", CaseCategory.CIVIL, ProcedureClass.RETRIAL),
        ("民申", CaseCategory.CIVIL, ProcedureClass.RETRIAL_REVIEW),
        ("民特", CaseCategory.CIVIL, ProcedureClass.SPECIAL_PROCEDURE),
        ("民督", CaseCategory.CIVIL, ProcedureClass.SPECIAL_PROCEDURE),
        ("民催", CaseCategory.CIVIL, ProcedureClass.SPECIAL_PROCEDURE),
        ("刑核", CaseCategory.CRIMINAL, ProcedureClass.SPECIAL_PROCEDURE),
        ("刑更", CaseCategory.CRIMINAL, ProcedureClass.OTHER),
        ("行审", CaseCategory.ADMINISTRATIVE, ProcedureClass.ENFORCEMENT_REVIEW),
        ("委赔", CaseCategory.STATE_COMPENSATION, ProcedureClass.OTHER),
        ("执", CaseCategory.ENFORCEMENT, ProcedureClass.ENFORCEMENT),
        ("执恢", CaseCategory.ENFORCEMENT, ProcedureClass.ENFORCEMENT),
        ("执异", CaseCategory.ENFORCEMENT, ProcedureClass.ENFORCEMENT_REVIEW),
        ("财保", CaseCategory.PRESERVATION, ProcedureClass.PRESERVATION),
        ("协外认", CaseCategory.JUDICIAL_ASSISTANCE, ProcedureClass.OTHER),
        ("破", CaseCategory.BANKRUPTCY, ProcedureClass.SPECIAL_PROCEDURE),
        ("司救民", CaseCategory.OTHER, ProcedureClass.OTHER),
    ],
)
def test_case_type_classification(code: str, category: CaseCategory, procedure: ProcedureClass) -> None:
    case_type = get_case_type(code)
    assert (case_type.code, case_type.category, case_type.procedure_class) == (code, category, procedure)


def test_case_types_are_unique_and_complete() -> None:
    codes = [case_type.code for case_type in case_types()]
    assert len(codes) == 125
    assert len(set(codes)) == 125
    assert {category for case_type in case_types() for category in [case_type.category]} == set(CaseCategory)


def test_unknown_case_type() -> None:
    with pytest.raises(UnknownCaseTypeError) as caught:
        get_case_type("民")
    assert (caught.value.code, caught.value.field) == ("case_type.unknown", "case_type")


def test_error_tree() -> None:
    for error in (
        UnknownCaseTypeError,
        CourtCodeError,
        CaseNumberError,
        UnknownCauseError,
        UnknownChargeError,
    ):
        assert issubclass(error, CatalogError)
    assert issubclass(CatalogError, ValueError)


def test_cause_levels() -> None:
    assert len(causes(level=1)) == 11
    assert [cause.name for cause in causes(level=1)][-2:] == ["非讼程序案件案由", "特殊诉讼程序案件案由"]
    assert len(causes()) == len(causes(1)) + len(causes(2)) + len(causes(3)) + len(causes(4))
    assert causes(level=5) == ()


@pytest.mark.parametrize(
    ("name", "level", "path"),
    [
        ("民间借贷纠纷", 4, ["合同、准合同纠纷", "合同纠纷", "借款合同纠纷", "民间借贷纠纷"]),
        ("金融借款合同纠纷", 4, ["合同、准合同纠纷", "合同纠纷", "借款合同纠纷", "金融借款合同纠纷"]),
        ("信用卡纠纷", 4, ["合同、准合同纠纷", "合同纠纷", "银行卡纠纷", "信用卡纠纷"]),
        ("房屋租赁合同纠纷", 4, ["合同、准合同纠纷", "合同纠纷", "租赁合同纠纷", "房屋租赁合同纠纷"]),
        ("买卖合同纠纷", 3, ["合同、准合同纠纷", "合同纠纷", "买卖合同纠纷"]),
        ("物业服务合同纠纷", 3, ["合同、准合同纠纷", "合同纠纷", "物业服务合同纠纷"]),
        (
            "建设工程施工合同纠纷",
            4,
            ["合同、准合同纠纷", "合同纠纷", "建设工程合同纠纷", "建设工程施工合同纠纷"],
        ),
        ("机动车交通事故责任纠纷", 3, ["侵权责任纠纷", "侵权责任纠纷", "机动车交通事故责任纠纷"]),
        ("离婚纠纷", 3, ["婚姻家庭、继承纠纷", "婚姻家庭纠纷", "离婚纠纷"]),
        ("追索劳动报酬纠纷", 4, ["劳动争议、人事争议", "劳动争议", "劳动合同纠纷", "追索劳动报酬纠纷"]),
        ("生命权、身体权、健康权纠纷", 3, ["人格权纠纷", "人格权纠纷", "生命权、身体权、健康权纠纷"]),
        ("名誉权纠纷", 3, ["人格权纠纷", "人格权纠纷", "名誉权纠纷"]),
        ("法定继承纠纷", 3, ["婚姻家庭、继承纠纷", "继承纠纷", "法定继承纠纷"]),
        ("赡养费纠纷", 4, ["婚姻家庭、继承纠纷", "婚姻家庭纠纷", "赡养纠纷", "赡养费纠纷"]),
    ],
)
def test_common_causes(name: str, level: int, path: list[str]) -> None:
    cause = get_cause(name)
    assert cause.level == level
    assert [step.name for step in cause_path(cause)] == path
    assert get_cause(cause.id) == cause
    assert cause_path(cause.id) == cause_path(name)


def test_cause_ids_are_dotted_positions() -> None:
    for cause in causes():
        assert cause.id.count(".") == cause.level - 1
        if cause.parent_id is None:
            assert cause.level == 1
        else:
            assert get_cause(cause.parent_id).level == cause.level - 1
            assert cause.id.startswith(cause.parent_id + ".")


def test_cause_lookup_prefers_the_deepest_level() -> None:
    assert get_cause("不当得利纠纷") == Cause("4.2.1", "不当得利纠纷", 3, "4.2")
    assert get_cause("4.2") == Cause("4.2", "不当得利纠纷", 2, "4")


@pytest.mark.parametrize("key", ["借钱纠纷", "", "99", "4.1.999", "4.1.1.1.1"])
def test_unknown_cause(key: str) -> None:
    with pytest.raises(UnknownCauseError) as caught:
        get_cause(key)
    assert caught.value.code == "cause.unknown"


def test_search_causes() -> None:
    assert [cause.name for cause in search_causes("离婚")] == [
        "离婚纠纷",
        "离婚后财产纠纷",
        "离婚后损害责任纠纷",
    ]
    assert search_causes("") == ()
    assert search_causes("不存在") == ()


def test_current_charge_count_matches_the_2021_supplement() -> None:
    # 补充规定（七）brought the number of names to 483; 补充规定（八）only renamed one.
    assert len(charges()) == 483
    assert len(charges(current_only=False)) == 542
    names = [charge.name for charge in charges()]
    assert len(set(names)) == 483


@pytest.mark.parametrize(
    ("name", "article", "number", "suffix", "paragraph"),
    [
        ("盗窃罪", "第二百六十四条", 264, 0, None),
        ("盗窃", "第二百六十四条", 264, 0, None),
        ("故意杀人罪", "第二百三十二条", 232, 0, None),
        ("危险驾驶罪", "第一百三十三条之一", 133, 1, None),
        ("帮助信息网络犯罪活动罪", "第二百八十七条之二", 287, 2, None),
        ("袭警罪", "第二百七十七条", 277, 0, 5),
        ("高空抛物罪", "第二百九十一条之二", 291, 2, None),
        ("拒绝提供间谍犯罪、恐怖主义犯罪、极端主义犯罪证据罪", "第三百一十一条", 311, 0, None),
    ],
)
def test_charge_articles(name: str, article: str, number: int, suffix: int, paragraph: int | None) -> None:
    charge = get_charge(name)
    assert (charge.article, charge.article_number, charge.article_suffix, charge.paragraph) == (
        article,
        number,
        suffix,
        paragraph,
    )
    assert charge.current is True


def test_abolished_charges_keep_their_history() -> None:
    charge = get_charge("嫖宿幼女罪")
    assert charge.current is False
    assert charge.abolished_on == datetime.date(2015, 10, 30)
    assert charge.abolished_by is not None and charge.abolished_by.endswith("补充规定（六）")
    assert charge.abolished_basis == "《刑法修正案（九）》第四十三条"
    assert get_charge("投毒罪").replaced_by == ("投放危险物质罪",)
    assert get_charge("徇私舞弊低价折股、出售国有资产罪").replaced_by == (
        "徇私舞弊低价折股、出售公司、企业资产罪",
    )
    assert get_charge("操纵证券交易价格罪").replaced_by == ("操纵证券、期货交易价格罪",)
    assert get_charge("非法获取公民个人信息罪").replaced_by == ("侵犯公民个人信息罪",)


def test_charge_sources() -> None:
    theft = get_charge("盗窃罪")
    assert (theft.source, theft.source_date) == (
        "最高人民检察院关于适用刑法分则规定的犯罪的罪名的意见",
        datetime.date(1997, 12, 25),
    )
    assert get_charge("袭警罪").basis == "《刑法修正案（十一）》第三十一条"
    assert get_charge("骗购外汇罪").article is None


@pytest.mark.parametrize("name", ["偷东西罪", "", "罪", "盗窃罪罪"])
def test_unknown_charge(name: str) -> None:
    with pytest.raises(UnknownChargeError) as caught:
        get_charge(name)
    assert (caught.value.code, caught.value.field) == ("charge.unknown", "charge")
