"""Trainer handouts (issue 13): practice scenarios as data, their "Try it" links and answers
(macros/practice.py), and the answer key that a printed guide ends with (macros/handout.py)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, unquote

import pytest

from calculators import web
from calculators.core import registry
from calculators.core.i18n import LANGUAGES
from macros import MacroError, handout, practice, render_macros

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDES = practice.guides()
SCENARIOS = [(g, s["id"]) for g in GUIDES for s in practice.load(g)["scenario"]]


def test_every_guide_with_practice_questions_is_covered_and_every_scenario_file_is_a_guide():
    assert GUIDES == ["gosuslugi-appointments", "self-notification", "ugyfelkapu-eeszt", "vneid-health-book"]
    for guide in GUIDES:
        for lang in LANGUAGES:
            assert (DOCS / lang / "guides" / f"{guide}.md").exists()


@pytest.mark.parametrize("guide", GUIDES)
def test_the_rules_give_each_scenario_the_answer_its_guide_states(guide):
    assert practice.mismatches(guide) == []


@pytest.mark.parametrize(("guide", "scenario_id"), SCENARIOS)
def test_a_scenario_names_only_real_fields_of_its_calculator(guide, scenario_id):
    item = practice.scenario(guide, scenario_id)
    fields = {f.name: f for f in registry.calculator(item["calculator"]).form.fields}
    for name, value in item["values"].items():
        assert name in fields, f"{scenario_id}: {name} is not a field of {item['calculator']}"
        options = {o.value for o in fields[name].options}
        assert not options or value in options, f"{scenario_id}: {value!r} is not an option of {name}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("guide", "scenario_id"), SCENARIOS)
def test_each_guide_uses_each_scenario_once_in_its_question_and_once_in_its_answer(guide, scenario_id, lang):
    text = (DOCS / lang / "guides" / f"{guide}.md").read_text("utf-8")
    assert text.count(f'{{{{ try_it("{scenario_id}") }}}}') == 1
    assert text.count(f'{{{{ scenario_answer("{scenario_id}") }}}}') == 1
    assert text.index(f'try_it("{scenario_id}")') < text.index(f'scenario_answer("{scenario_id}")')


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("guide", "scenario_id"), SCENARIOS)
def test_try_it_opens_the_calculator_page_with_the_scenario_values_in_the_link_state(guide, scenario_id, lang):
    page = ("" if lang == "en" else f"{lang}/") + f"guides/{guide}/"
    link = practice.try_it(scenario_id, lang, page)
    item = practice.scenario(guide, scenario_id)
    href = re.search(r'href="([^"]*)"', link)[1].replace("&amp;", "&")
    path, fragment = href.split("#", 1)
    assert path == f"../../calculators/{item['calculator']}/"
    params = parse_qsl(fragment, keep_blank_values=True)  # as URLSearchParams reads it (web/linkstate.js)
    assert dict(params) == {f"{item['calculator']}.{k}": v for k, v in item["values"].items()}
    assert len(params) == len(item["values"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("guide", "scenario_id"), SCENARIOS)
def test_the_answer_shown_is_the_rules_answer_in_the_page_language(guide, scenario_id, lang):
    item = practice.scenario(guide, scenario_id)
    outcome = web.run(item["calculator"], item["values"], lang, practice.load(guide)["today"])
    shown = practice.scenario_answer(scenario_id, lang, f"{lang}/guides/{guide}/")
    assert outcome["answer"]["headline"].replace("'", "&#x27;") in shown
    for error in outcome["errors"]:
        assert error["message"].replace("'", "&#x27;") in shown
    assert "\n" not in shown  # one line: it sits inside an admonition


@pytest.mark.parametrize(("guide", "scenario_id"), SCENARIOS)
def test_a_scenario_answer_does_not_depend_on_the_reader_date(guide, scenario_id):
    # The key is computed on the file's `today`; a Try it link is answered on the reader's.
    item = practice.scenario(guide, scenario_id)
    answers = {repr(web.run(item["calculator"], item["values"], "en", today))
               for today in (practice.load(guide)["today"], "2026-03-02", "2031-12-31")}
    assert len(answers) == 1


def test_an_unknown_scenario_or_a_page_outside_the_guides_fails_the_build():
    with pytest.raises(MacroError, match="no practice scenario 'nobody'"):
        render_macros('{{ try_it("nobody") }}', "en", "guides/self-notification/")
    with pytest.raises(MacroError, match="belong to a guide page"):
        render_macros('{{ scenario_answer("anna-entitled") }}', "en", "calculators/eligibility/")


def test_a_field_the_calculator_does_not_have_is_refused(tmp_path, monkeypatch):
    (tmp_path / "x.toml").write_text('today = "2026-11-22"\n[[scenario]]\nid = "a"\ncalculator = "validators"\n'
                                     'values = { kind = "taj", number = "1" }\nexpect = { status = "answer" }\n')
    monkeypatch.setattr(practice, "SCENARIOS", tmp_path)
    practice.load.cache_clear()
    try:
        with pytest.raises(practice.ScenarioError, match="'number'"):
            practice.load("x")
    finally:
        practice.load.cache_clear()


NESTED = """<p>intro</p>
<h2 id="practise">Practise</h2>
<details class="question" open="open">
<summary>1. Anna?</summary>
<details class="success">
<summary>Answer</summary>
<p id="x">Yes, <a href="../../calculators/eligibility/">see</a>.</p>
</details>
</details>
<h2 id="glossary">Glossary</h2><p>g</p>"""

SIBLINGS = """<h2 id="practise">Practise</h2>
<details class="question" open="open">
<summary>1. Olga?</summary>
<p>Check it.</p>
</details>
<details class="success">
<summary>Answer 1</summary>
<p>Swapped digits.</p>
</details>
<details class="question" open="open">
<summary>2. Ivan?</summary>
</details>
<details class="success">
<summary>Answer 2</summary>
<p>By phone.</p>
</details>"""


def test_the_answer_key_ends_the_page_with_each_answer_under_its_question():
    out = handout.answer_key(NESTED, "Answer key", "Guide · https://kapu.example/guides/x/")
    key = out[out.index('<section class="kapu-answer-key"'):]
    assert '<p class="kapu-answer-key__guide">Guide · https://kapu.example/guides/x/</p>' in key
    assert '<details class="question kapu-practice-question" open="open">' in out  # room to write in print
    assert out.rstrip().endswith("</section>") and '<h2 id="answer-key" data-search-exclude>Answer key</h2>' in key
    assert "data-search-exclude" in key[:key.index("<h2")]  # not found by search either
    assert "<strong>1. Anna?</strong>" in key and "Yes, <a" in key
    assert 'id="x"' not in key and out.count('id="x"') == 1  # ids stay unique
    assert '<details class="success kapu-practice-answer">' in out  # left out of print
    assert out.index("Glossary") < out.index("kapu-answer-key")


def test_answers_after_their_questions_are_keyed_in_order():
    key = handout.answer_key(SIBLINGS, "Klucz")
    key = key[key.index("kapu-answer-key"):]
    assert key.index("1. Olga?") < key.index("Swapped digits.") < key.index("2. Ivan?") < key.index("By phone.")
    assert "Check it." not in key  # the question's own text is not part of the answer


def test_a_page_without_practice_answers_is_left_alone():
    plain = '<h2 id="practise">Practise</h2><p>No answers.</p>'
    assert handout.answer_key(plain, "Answer key") == plain
    assert handout.answer_key("<p>x</p>", "Answer key") == "<p>x</p>"


def test_try_it_text_is_translated():
    for lang in ("hu", "pl", "vi"):
        link = practice.try_it("taj-valid", lang, f"{lang}/guides/ugyfelkapu-eeszt/")
        assert "Try it" not in unquote(link)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_for_trainers_plans_a_session_and_links_every_guide_handout(lang):
    text = (DOCS / lang / "trainers.md").read_text("utf-8")
    for section in ("handouts", "session", "print", "agenda", "try-it", "privacy"):
        assert f"{{ #{section} }}" in text, f"{lang}/trainers.md lacks the {section} section"
    guides = sorted(p.stem for p in (DOCS / lang / "guides").glob("*.md") if p.stem != "index")
    for guide in guides:
        assert f"(guides/{guide}.md)" in text, f"{lang}/trainers.md does not link the {guide} handout"
    assert "#coverage-end.first_day=" in text  # the link format, for trainers' own scenarios
