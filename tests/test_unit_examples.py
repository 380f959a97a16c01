"""Every unit rule's example, read by the production quantity code, gives the value and unit the
rule declares; every quant_not rule's example keeps its stretch free of amounts."""

from __future__ import annotations

import pytest

from claimx.extractors.quantities import QuantityFinder
from claimx.rules import compile_rule_regex, load_patterns

PATTERNS = load_patterns()
UNIT_RULES = PATTERNS.rules_for("units")
NOT_RULES = PATTERNS.rules_for("quant_not")
TIME_LABEL = "TIME"


def _rule_id(rule) -> str:
    return f"{rule.where.rsplit(':', 1)[-1]}-{rule.id}-{rule.pattern or ''}"


@pytest.fixture(scope="module")
def scans(nlp):
    """The quantity scan of every example, parsed in one batch."""
    finder = QuantityFinder(nlp, PATTERNS)
    rules = UNIT_RULES + NOT_RULES
    docs = nlp.pipe(rule.example or "" for rule in rules)
    return {rule.where: finder(doc) for rule, doc in zip(rules, docs, strict=True)}


def test_every_unit_rule_declares_what_its_example_gives():
    missing = [r.where for r in UNIT_RULES if not r.example or r.get("expect_value") is None]
    assert missing == []


@pytest.mark.parametrize("rule", UNIT_RULES, ids=_rule_id)
def test_unit_example_gives_value_and_unit(scans, rule):
    value = float(rule.get("expect_value") or "nan")
    unit = rule.get("expect_unit") or rule.id
    got = [(f.quantity.text, f.quantity.value, f.quantity.unit)
           for f in scans[rule.where].quantities]
    assert any(q_value == pytest.approx(value) and q_unit == unit
               and rule.pattern in q_text
               for q_text, q_value, q_unit in got), f"{rule.example!r} gave {got}"


@pytest.mark.parametrize("rule", NOT_RULES, ids=_rule_id)
def test_not_quantity_example_has_no_amount_there(scans, rule):
    match = compile_rule_regex(rule).search(rule.example or "")
    assert match is not None, f"{rule.where}: the rule does not match its example"
    scan = scans[rule.where]
    inside = [f.quantity.text for f in scan.quantities
              if f.quantity.start < match.end() and match.start() < f.quantity.end]
    assert inside == []
    if rule.label == TIME_LABEL:
        assert any(a <= match.start() and match.end() <= b for a, b in scan.times)
