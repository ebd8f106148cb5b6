"""The questionnaire is data: staff edit a YAML file; a broken one stops the bot with a clear reason."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import create_app
from bot.config import ConfigError, load_config
from handlers.questionnaire import (
    QuestionnaireError,
    default_questionnaire,
    load_questionnaire,
    parse_questionnaire,
)
from tests.questionnaires import shipped, staff_edit, write


def test_the_shipped_questionnaire_asks_the_five_criteria_in_thai_and_english():
    questionnaire = default_questionnaire()
    assert [c.key for c in questionnaire.criteria] == [
        "principles", "participation", "results", "recognition", "commitment",
    ]  # fmt: skip
    assert questionnaire.criteria[0].name("th") == "มีหลักคุณธรรมเป้าหมายที่ยึดถือร่วมกัน"
    assert questionnaire.level(1).meaning("th") == "ยังไม่เริ่ม"
    assert questionnaire.level(5).meaning("th") == "เป็นต้นแบบให้ผู้อื่นได้"
    assert questionnaire.questions[4].label("en") == "Sustainability"
    assert questionnaire.period == "quarter" and questionnaire.version == "2026-11"


def test_an_edited_file_loads_without_code_changes(tmp_path):
    questionnaire = load_questionnaire(write(tmp_path / "q.yaml", staff_edit()))
    assert questionnaire.version == "2027-01"
    assert len(questionnaire.questions) == 6
    assert questionnaire.questions[1].label("th") == "ร่วมคิดร่วมทำ"
    assert questionnaire.questions[5].criterion is None


def _broken(change) -> dict:
    document = copy.deepcopy(shipped())
    change(document)
    return document


def _set(path: list, value):
    def change(document):
        node = document
        for part in path[:-1]:
            node = node[part]
        if value is KeyError:
            del node[path[-1]]
        else:
            node[path[-1]] = value

    return change


BROKEN = [
    (_set(["questions", 1, "text", "en"], KeyError), "questions[1].text: missing field 'en'"),
    (_set(["scale", 4, "button", "th"], "5 เป็นต้นแบบให้ผู้อื่นได้"), "scale[4].button.th: is longer than 20"),
    (_set(["scale", 2, "value"], 4), "scale[2].value: must be 3"),
    (_set(["scale"], []), "scale: must be a list of 5 to 5 entries"),
    (_set(["criteria", 0, "lable"], {"th": "x", "en": "y"}), "criteria[0]: unknown field 'lable'"),
    (_set(["questions", 2, "key"], "principles"), "questions[2].key: 'principles' is used twice"),
    (_set(["questions", 0, "criterion"], "honesty"), "questions[0].criterion: 'honesty' is not"),
    (_set(["questions", 3, "text", "th"], "  "), "questions[3].text.th: must be a non-empty text"),
    (_set(["period"], "week"), "period: must be one of month, quarter, half, year"),
    (_set(["version"], KeyError), "file: missing field 'version'"),
    (_set(["questions"], [{"key": "x", "text": {"th": "ก", "en": "a"}}]), "questions[0]: needs a label"),
    (_set(["questions"], [{"key": f"q{n}", "criterion": "results", "text": {"th": "ก", "en": "a"}}
                          for n in range(13)]), "questions: must be a list of 1 to 12"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "says"), BROKEN)
def test_a_broken_questionnaire_is_refused_naming_the_place_and_problem(tmp_path, change, says):
    path = write(tmp_path / "broken.yaml", _broken(change))
    with pytest.raises(QuestionnaireError) as refused:
        load_questionnaire(path)
    assert f"questionnaire {path}: {says}" in str(refused.value)


def test_unreadable_or_malformed_files_are_refused_too(tmp_path):
    with pytest.raises(QuestionnaireError, match="cannot be read"):
        load_questionnaire(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\ntitle: [unclosed\n", encoding="utf-8")
    with pytest.raises(QuestionnaireError, match=r"line \d+"):
        load_questionnaire(bad)


def test_the_bot_refuses_to_start_with_a_broken_questionnaire(config, tmp_path):
    path = write(tmp_path / "broken.yaml", _broken(_set(["questions", 1, "text", "en"], KeyError)))
    with pytest.raises(ConfigError) as refused:
        create_app(config.with_changes(questionnaire_file=path))
    message = str(refused.value)
    assert message.startswith("QUESTIONNAIRE_FILE: questionnaire ")
    assert "questions[1].text: missing field 'en'" in message


def test_the_file_is_chosen_by_the_questionnaire_file_setting(tmp_path):
    path = write(tmp_path / "q.yaml", staff_edit())
    assert load_config({"QUESTIONNAIRE_FILE": str(path)}).questionnaire_file == path
    assert load_config({}).questionnaire_file.name == "questionnaire.yaml"


LEAVES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 8) | st.text(max_size=25),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=150, deadline=None)
@given(st.data())
def test_any_edit_either_loads_or_is_refused_with_a_questionnaire_error(data):
    document = copy.deepcopy(shipped())
    node, path = document, []
    while isinstance(node, dict | list) and node and data.draw(st.booleans()):
        key = data.draw(
            st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
        )
        path.append(key)
        if not isinstance(node[key], dict | list):
            break
        node = node[key]
    if path:
        _set(path, data.draw(LEAVES))(document)
    try:
        parse_questionnaire(yaml.safe_load(yaml.safe_dump(document, allow_unicode=True)))
    except QuestionnaireError as refused:
        assert str(refused).startswith("questionnaire <text>: ")
