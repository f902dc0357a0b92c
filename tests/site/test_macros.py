"""Page macros: strict about names (a typo fails the build, naming the page), links between
calculators made into addresses on the page, and `make serve` building with the Python on disk."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

import macros
from calculators.core import registry

ROOT = Path(__file__).resolve().parents[2]


def load_hooks() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kapu_hooks_under_test", ROOT / "hooks" / "kapu.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("text", "named"), [
    ('{{ calculater("validators") }}', ["calculater", "calculator", "examples", "parameters"]),
    ('{{ calculator("validator") }}', ["validator", *registry.names()]),
    ('{{ examples("eligibilty") }}', ["eligibilty", *registry.names()]),
    ('{{ parameters("minimum-wages") }}', ["minimum-wages", "minimum-wage", "pension-age"]),
    ('{{ calculator(validators) }}', ["one quoted name"]),
])
def test_an_unknown_name_fails_naming_the_page_and_the_known_names(text, named):
    with pytest.raises(macros.MacroError) as err:
        macros.render_macros(f"# Title\n\n{text}\n", "en", page="calculators/x/", source="en/calculators/x.md")
    message = str(err.value)
    assert message.startswith("en/calculators/x.md: ")
    for name in named:
        assert name in message


def test_the_build_fails_on_an_unknown_macro_with_the_page_named():
    hooks = load_hooks()
    page = SimpleNamespace(file=SimpleNamespace(locale="hu", src_uri="hu/guides/x.md"), url="hu/guides/x/")
    with pytest.raises(PluginError, match=r"hu/guides/x\.md: unknown calculator 'validator'"):
        hooks.on_page_markdown('{{ calculator("validator") }}', page=page, config=None, files=None)
    html = hooks.on_page_markdown('{{ calculator("validators") }}', page=page, config=None, files=None)
    assert 'data-calculator="validators"' in html


def test_text_that_is_no_macro_call_stays():
    text = "Braces {{ in prose }} and {{ name }} stay as they are."
    assert macros.render_macros(text, "en") == text


@pytest.mark.parametrize(("page", "lang", "href"), [
    ("hu/calculators/eligibility/", "hu", "../office-finder/"),
    ("calculators/eligibility/", "en", "../office-finder/"),
    ("vi/guides/self-notification/", "vi", "../../calculators/office-finder/"),
    ("", "en", "calculators/office-finder/"),
])
def test_links_naming_a_calculator_become_addresses_on_the_page(page, lang, href):
    html = macros.calculator("eligibility", lang, page)
    assert f'"office-finder": "{href}"' in html.replace("&#34;", '"').replace("\\u0026", "&")


@pytest.mark.parametrize(("page", "lang", "home"), [
    ("hu/calculators/eligibility/", "hu", "../../"),
    ("calculators/eligibility/", "en", "../../"),
    ("vi/guides/self-notification/", "vi", "../../"),
    ("pl/", "pl", "./"),
    ("", "en", "./"),
])
def test_links_naming_a_page_start_from_the_languages_home(page, lang, home):
    assert f'data-home="{home}"' in macros.calculator("eligibility", lang, page)


def test_forget_modules_makes_the_next_import_read_the_file_again(tmp_path, monkeypatch):
    hooks = load_hooks()
    package = tmp_path / "kapu_reload_probe"
    package.mkdir()
    (package / "__init__.py").write_text("VALUE = 1\n")
    (package / "rule.py").write_text("VALUE = 'a'\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    import kapu_reload_probe.rule

    assert (kapu_reload_probe.VALUE, kapu_reload_probe.rule.VALUE) == (1, "a")
    (package / "__init__.py").write_text("VALUE = 2\n")
    (package / "rule.py").write_text("VALUE = 'b'\n")
    assert importlib.import_module("kapu_reload_probe.rule").VALUE == "a"  # stale without forgetting
    assert sorted(hooks.forget_modules(("kapu_reload_probe",))) == ["kapu_reload_probe", "kapu_reload_probe.rule"]
    assert importlib.import_module("kapu_reload_probe").VALUE == 2
    assert importlib.import_module("kapu_reload_probe.rule").VALUE == "b"
    hooks.forget_modules(("kapu_reload_probe",))


def test_forget_modules_drops_only_the_project_packages():
    hooks = load_hooks()
    modules = dict(sys.modules)
    dropped = hooks.forget_modules(hooks.PROJECT_PACKAGES, modules)
    assert "calculators.core.i18n" in dropped and "macros" in dropped
    assert all(n.split(".")[0] in hooks.PROJECT_PACKAGES for n in dropped)
    assert "json" in modules and "calculators.web" not in modules
    assert "calculators" in sys.modules  # the real import cache is untouched


def test_the_hook_holds_no_project_module_across_rebuilds(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", sys.dont_write_bytecode)  # on_startup sets it
    hooks = load_hooks()
    held = [name for name, value in vars(hooks).items()
            if isinstance(value, ModuleType) and value.__name__.split(".")[0] in hooks.PROJECT_PACKAGES]
    assert not held
    hooks.on_startup("serve", dirty=False)
    assert hooks.SERVING["on"]
    hooks.on_startup("build", dirty=False)
    assert not hooks.SERVING["on"]
