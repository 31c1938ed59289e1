"""The language registry (issue 19, item 2): a language is a folder of factcheck/lexicon/ with
a hooks module; an unknown one is one clear line and exit 2; detection picks a registered one."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_fixtures import run

from factcheck import langs
from factcheck.errors import UnknownLanguage, UsageError
from factcheck.extract.lexicon import concepts, lexicon
from factcheck.lang import detect_lang

HOOKS = ("ELISIONS", "ONE_ARTICLES", "CAPITAL_DATES", "ONE_IS_ARTICLE", "DAY_FIRST", "SHARED",
         "TEXT2NUM", "WEAK_ONE", "APPROX_ARTICLES", "DOZEN", "MODIFIERS_BEFORE_NOUN",
         "participle", "head_noun", "not_noun", "plural_verb")


def test_languages_are_the_lexicon_folders() -> None:
    root = Path(langs.__file__).parent.parent / "lexicon"
    folders = sorted(d.name for d in root.iterdir() if d.is_dir())
    assert langs.codes() == tuple(folders)
    assert {"en", "fr"} <= set(langs.codes())


@pytest.mark.parametrize("code", langs.codes())
def test_every_language_has_every_hook(code: str) -> None:
    module = langs.hooks(code)
    missing = [name for name in HOOKS if not hasattr(module, name)]
    assert not missing, f"{code}: hooks missing {missing}"
    assert lexicon(code).lang == code
    assert concepts(code).subject_words


def test_an_unknown_language_is_an_error() -> None:
    with pytest.raises(UnknownLanguage, match="unknown language"):
        lexicon("xx")
    with pytest.raises(UnknownLanguage):
        concepts("xx")
    assert issubclass(UnknownLanguage, UsageError)


@pytest.mark.parametrize("flag", ["--lang", "--source-lang"])
def test_unknown_lang_flag_is_one_line_exit_2(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                              flag: str) -> None:
    draft = tmp_path / "d.txt"
    draft.write_text("Five people were hurt.", encoding="utf-8")
    args = ("extract", str(draft), "--lang", "xx") if flag == "--lang" else (
        "check", str(draft), "--source", str(draft), flag, "xx")
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and f"{flag} 'xx': unknown language" in err, err


def test_detection_chooses_among_registered_languages() -> None:
    assert detect_lang("The mayor said that the fire was out.") == "en"
    assert detect_lang("Le maire a dit que le feu est éteint dans la ville.") == "fr"
    assert detect_lang("12 34 !") == langs.DEFAULT
    assert detect_lang("", default="fr") == "fr"
    for text in ("the and of", "le la les", "1 2 3"):
        assert detect_lang(text) in langs.codes()


def test_spanish_extract_on_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    draft = tmp_path / "borrador.txt"
    draft.write_text("Al menos 14 personas murieron el 3 de marzo de 2024, según el alcalde, Juan Pérez. "
                     "Los daños ascienden a 3,5 millones de euros.", encoding="utf-8")
    code, out, err = run(capsys, "extract", str(draft), "--lang", "es")
    assert code == 0, err
    assert "count at least 14" in out
    assert "date 3 March 2024" in out
    assert "person Juan Pérez" in out
    assert "money 3,500,000 EUR" in out


def test_spanish_is_detected() -> None:
    assert detect_lang("El alcalde dijo que los bomberos trabajaron durante seis horas y que las "
                       "llamas fueron controladas por la tarde.") == "es"
