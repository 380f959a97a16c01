"""Pattern files: validation names path:line, user files extend the built-ins, and every
built-in rule fires on its own example."""

from __future__ import annotations

import pytest

from claimx.rules.loader import PatternError, RuleMatcher, builtin_dir, load_patterns


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "not valid JSON"),
        ('["a list"]', "must be a JSON object"),
        ('{"pattern": "x"}', 'missing "label"'),
        ('{"label": "X", "pattern": "x", "colour": "red"}', "unknown key(s) colour"),
        ('{"label": "X"}', 'exactly one of "pattern" and "regex"'),
        ('{"label": "X", "pattern": "x", "regex": "x"}', 'exactly one of "pattern" and "regex"'),
        ('{"label": "X", "regex": "(unclosed"}', "bad regex"),
        ('{"label": "X", "pattern": [{"LOWERR": "x"}]}', "bad token pattern"),
        ('{"label": "X", "pattern": []}', "non-empty token list"),
        ('{"label": "X", "pattern": "x", "example": 3}', '"example" must be a string'),
        ('{"label": "X", "regex": "x", "flags": "m"}', "unknown regex flags"),
    ],
)
def test_bad_rules_are_rejected_with_path_and_line(tmp_path, line, message):
    path = tmp_path / "mine.jsonl"
    path.write_text('{"label": "OK", "pattern": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_patterns([path], builtin=False)
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value)


def test_missing_pattern_path_and_unknown_suffix_are_errors(tmp_path):
    with pytest.raises(PatternError, match="no such pattern file"):
        load_patterns([tmp_path / "absent.jsonl"], builtin=False)
    odd = tmp_path / "rules.yaml"
    odd.write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(PatternError, match="unknown pattern file type"):
        load_patterns([odd], builtin=False)


def test_word_lists_and_tables_skip_comments_and_blank_lines(tmp_path):
    (tmp_path / "hedges.txt").write_text("# words\nestimated\n\nC#  # a language\n",
                                         encoding="utf-8")
    (tmp_path / "scales.tsv").write_text("# word\tvalue\nmillion\t1e6\n", encoding="utf-8")
    patterns = load_patterns([tmp_path], builtin=False)
    assert patterns.word_list("hedges") == {"estimated", "c#"}
    assert patterns.table("scales") == [("million", "1e6")]


def test_user_files_extend_the_builtin_set_of_the_same_name(tmp_path):
    builtin = load_patterns()
    name = next(iter(builtin.words))
    (tmp_path / f"{name}.txt").write_text("zzyzx-word\n", encoding="utf-8")
    extended = load_patterns([tmp_path])
    assert "zzyzx-word" in extended.word_list(name)
    assert builtin.word_list(name) < extended.word_list(name)


def test_the_builtin_folder_ships_rules():
    patterns = load_patterns()
    assert builtin_dir().is_dir()
    assert patterns.rules and patterns.words


def _builtin_rules():
    patterns = load_patterns()
    return [rule for rules in patterns.rules.values() for rule in rules]


def test_every_builtin_rule_has_an_example():
    missing = [rule.where for rule in _builtin_rules() if not rule.example]
    assert missing == []


@pytest.mark.parametrize("rule", _builtin_rules(), ids=lambda rule: rule.where.rsplit("/", 1)[-1])
def test_every_builtin_rule_fires_on_its_example(nlp, rule):
    matches = RuleMatcher(nlp, [rule])(nlp(rule.example))
    assert any(m.label_ == rule.label for m in matches), f"{rule.where} does not fire"


def test_rule_matcher_snaps_regex_matches_to_tokens(nlp, tmp_path):
    path = tmp_path / "ids.jsonl"
    path.write_text('{"label": "ID", "regex": "ID\\\\d+", "id": "wire-id"}\n', encoding="utf-8")
    (rule,) = load_patterns([path], builtin=False).rules_for("ids")
    doc = nlp("Ref XID123 filed.")
    (span,) = RuleMatcher(nlp, [rule])(doc)
    assert (span.text, span.label_, span.id_) == ("XID123", "ID", "wire-id")
