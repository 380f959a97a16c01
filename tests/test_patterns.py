"""Pattern files: validation names path:line, user files extend the built-ins, and every
built-in rule fires on its own example."""

from __future__ import annotations

import re

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
    (tmp_path / "scales.tsv").write_text("word:str\tvalue:float\n# word\tvalue\nmillion\t1e6\n",
                                         encoding="utf-8")
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


# Unit rules match after a number, glued to it or not ("US$2.3 billion"), which a phrase
# matcher cannot see: tests/test_unit_examples.py runs their examples through the production
# quantity code and checks the value and unit each must give.
_CHECKED_IN_PRODUCTION = ("/units.jsonl:",)


@pytest.mark.parametrize(
    "rule",
    [r for r in _builtin_rules() if not any(part in r.where for part in _CHECKED_IN_PRODUCTION)],
    ids=lambda rule: rule.where.rsplit("/", 1)[-1],
)
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


def _user_file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("dozen\tlots\tmultiplier", "column 'value' is 'lots', not a float"),
        ("dozen\t12\tunits", "column 'kind' is 'units', not one of one|multiplier|"),
        ("dozen\t12", "2 column(s) where the header declares: word:str\tvalue:float\tkind:"),
        ("dozen\t12\tmultiplier\tmore", "4 column(s)"),
        ("\t12\tmultiplier", "column 'word' is empty"),
    ],
)
def test_a_bad_row_in_a_user_table_names_path_and_line(tmp_path, row, message):
    path = _user_file(tmp_path, "number_words.tsv", f"# mine\n{row}\n")
    with pytest.raises(PatternError) as caught:
        load_patterns([path])
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("word:str\tvalue:bool", "the type is str, int, float or a|b|c"),
        ("word:str\tword:int", "names a column twice"),
    ],
)
def test_bad_headers_are_rejected(tmp_path, header, message):
    path = _user_file(tmp_path, "scales.tsv", f"{header}\nmillion\t1\n")
    with pytest.raises(PatternError, match=re.escape(message)):
        load_patterns([path], builtin=False)


def test_a_table_without_header_or_builtin_columns_is_an_error(tmp_path):
    path = _user_file(tmp_path, "scales.tsv", "million\t1e6\n")
    with pytest.raises(PatternError, match=f"{path}:1: a table starts with a header row"):
        load_patterns([path], builtin=False)


def test_a_user_table_header_must_match_the_builtin_one(tmp_path):
    path = _user_file(tmp_path, "names_gender.tsv", "name:str\tsex:f|m|x\nAlex\tx\n")
    with pytest.raises(PatternError,
                       match=re.escape("differs from the built-in one: name:str\tgender:f|m")):
        load_patterns([path])
    same = _user_file(tmp_path, "names_gender.tsv", "name:str\tgender:f|m\nZora\tf\n")
    assert ("Zora", "f") in load_patterns([same]).table("names_gender")


def test_every_builtin_table_declares_its_columns():
    patterns = load_patterns()
    assert set(patterns.columns) == set(patterns.tables)


def test_rows_are_typed_by_the_header(tmp_path):
    path = _user_file(tmp_path, "vague.tsv",
                      "phrase:str\tlow:float?\thigh:float?\tcount:int\nscores of\t20\t\t3\n")
    patterns = load_patterns([path], builtin=False)
    assert patterns.table("vague") == [("scores of", "20", "", "3")]
    assert patterns.rows("vague") == [{"phrase": "scores of", "low": 20.0, "high": None,
                                       "count": 3}]


def test_optional_cells_may_be_left_off_at_the_end(tmp_path):
    path = _user_file(tmp_path, "change_verbs.tsv", "soared\tup\nslump\tdown\tnoun\n")
    rows = load_patterns([path]).rows("change_verbs")
    assert {"word": "soared", "direction": "up", "also": None} in rows
    assert {"word": "slump", "direction": "down", "also": "noun"} in rows


def test_a_user_file_removes_builtin_entries(tmp_path):
    builtin = load_patterns()
    assert "said" in builtin.word_list("cue_verbs")
    assert any(row[0] == "nearly all" for row in builtin.table("quant_vague"))
    assert any(rule.id == "USD" for rule in builtin.rules_for("units"))
    folder = tmp_path / "mine"
    folder.mkdir()
    _user_file(folder, "cue_verbs.txt", "-said\nmurmured\n")
    _user_file(folder, "quant_vague.tsv", "-nearly all\n")
    _user_file(folder, "units.jsonl", '{"remove": "USD", "comment": "no dollars here"}\n')
    patterns = load_patterns([folder])
    assert "said" not in patterns.word_list("cue_verbs")
    assert "murmured" in patterns.word_list("cue_verbs")
    assert not any(row[0] == "nearly all" for row in patterns.table("quant_vague"))
    assert not any(rule.id == "USD" for rule in patterns.rules_for("units"))
    assert any(rule.id == "GBP" for rule in patterns.rules_for("units"))


def test_an_escaped_dash_is_an_entry_not_a_removal(tmp_path):
    path = _user_file(tmp_path, "hedges.txt", "\\-ish\n")
    assert load_patterns([path], builtin=False).word_list("hedges") == {"-ish"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("cue_verbs.txt", "-zzyzx\n", "removes 'zzyzx', which no earlier file lists"),
        ("cue_verbs.txt", "-\n", "a removal line names no entry"),
        ("quant_vague.tsv", "-zzyzx\n", "removes 'zzyzx', which no earlier row has"),
        ("units.jsonl", '{"remove": "zzyzx"}\n', "removes rule id 'zzyzx'"),
        ("units.jsonl", '{"remove": "USD", "label": "UNIT"}\n', "a removal takes only"),
        ("cue_verbs.txt", "said\tloudly\n", "one entry a line, no tabs"),
        ("units.jsonl", "# a note\n", "holds rule lines only"),
        ("units.jsonl", '{"label": "UNITS", "pattern": "furlong"}\n',
         "label 'UNITS' is not one of CURRENCY, CURRENCY_PREFIX, DIVISOR, UNIT"),
    ],
)
def test_bad_user_lines_are_errors(tmp_path, name, text, message):
    path = _user_file(tmp_path, name, text)
    with pytest.raises(PatternError) as caught:
        load_patterns([path])
    assert str(caught.value).startswith(f"{path}:1: ")
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("name", "text"),
    [("my_verbs.txt", "murmured\n"), ("cue_verbs.tsv", "word:str\twhat:str\nmurmured\tverb\n")],
)
def test_a_file_claimx_does_not_read_is_an_error_naming_the_ones_it_reads(tmp_path, name, text):
    # The lines are checked first, then the name: a bad line is reported with its number.
    path = _user_file(tmp_path, name, text)
    with pytest.raises(PatternError) as caught:
        load_patterns([path])
    message = str(caught.value)
    assert message.startswith(f"{path}: claimx reads no pattern file named {name}")
    assert "cue_verbs.txt" in message and "units.jsonl" in message


def test_the_rule_matcher_gives_exact_text_offsets_and_names_a_timeout(nlp, tmp_path):
    from claimx.rules import RuleTimeout

    path = _user_file(tmp_path, "ids.jsonl",
                      '{"label": "ID", "regex": "id\\\\d+", "id": "ref", "flags": "i"}\n'
                      '{"label": "SLOW", "regex": "(a|aa)+$", "id": "slow"}\n')
    (fast, slow) = load_patterns([path], builtin=False).rules_for("ids")
    text = " ID42 and id7 "
    found = [(m.start, m.end, m.rule.id) for m in RuleMatcher(nlp, [fast]).text_matches(text)]
    assert found == [(1, 5, "ref"), (10, 13, "ref")]
    with pytest.raises(RuleTimeout, match="rule 'slow' ran past"):
        list(RuleMatcher(nlp, [slow]).text_matches("a" * 5000 + "!", timeout=0.01))


def test_the_rule_matcher_runs_phrase_and_token_rules(nlp, tmp_path):
    path = _user_file(tmp_path, "cues.jsonl",
                      '{"label": "CUE", "pattern": "as it happens", "id": "phrase"}\n'
                      '{"label": "CUE", "pattern": [{"LOWER": "put"}, {"LOWER": "it"}], '
                      '"id": "tokens"}\n')
    patterns = load_patterns([path], builtin=False)
    matcher = RuleMatcher.for_set(nlp, patterns, "cues")
    spans = matcher(nlp("As it happens, the mayor put it plainly."))
    assert [(s.text, s.label_, s.id_) for s in spans] == [
        ("As it happens", "CUE", "phrase"), ("put it", "CUE", "tokens")]


def test_a_bad_user_table_row_exits_2_with_path_and_line(tmp_path):
    from typer.testing import CliRunner

    from claimx.cli import app

    path = _user_file(tmp_path, "bounds.tsv", "at least\t>=\tsomewhere\n")
    result = CliRunner().invoke(app, ["--patterns", str(path)], input="Fares rose 5%.\n")
    assert result.exit_code == 2
    assert f"Error: {path}:1: column 'position'" in result.stderr
