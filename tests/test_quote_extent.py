"""Quote extent: where a quote's content starts and ends, on texts written for these tests."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "parts", "speaker"),
    [
        ('"The budget is broken," Lee told the committee, "and everyone here knows it."',
         ["The budget is broken,", "and everyone here knows it."], "Lee"),
        ('"Now that the season is over," he told the coach, "it was hard to play for them."',
         ["Now that the season is over,", "it was hard to play for them."], "he"),
        ('"I never lied," the senator assured the panel, "not once in my career."',
         ["I never lied,", "not once in my career."], "the senator"),
        ('"We will win this race," she said, "and nobody is going to stop us."',
         ["We will win this race,", "and nobody is going to stop us."], "she"),
    ],
)
def test_interrupted_quote_is_one_quote(extractor, text: str, parts: list[str],
                                        speaker: str) -> None:
    """'"A," she told the panel, "B."': the speaker's attribution splits one quote in two
    parts; who was told is neither content nor a lead-in to the second part."""
    quotes = quotes_of(extractor, text)
    assert len(quotes) == 1, [(q.type, [c.text for c in q.content]) for q in quotes]
    quote = quotes[0]
    assert quote.type == "direct"
    assert [c.text for c in quote.content] == parts
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The mayor said that the bridge is "a danger to every driver" but "nobody in the '
         'council wants to fix it."',
         'that the bridge is "a danger to every driver" but "nobody in the council wants to '
         'fix it."'),
        ('The chef said the menu was "simple and cheap" but "every plate still sells out by '
         'noon."',
         'the menu was "simple and cheap" but "every plate still sells out by noon."'),
        ('Her lawyer said she was "shocked by the ruling" but "ready to appeal it at once."',
         'she was "shocked by the ruling" but "ready to appeal it at once."'),
        ('He is claiming that the tax is “a huge, huge burden on every family” but “nobody '
         'has the courage to cut it.”',
         'that the tax is “a huge, huge burden on every family” but “nobody has the courage '
         'to cut it.”'),
    ],
)
def test_quoted_words_after_but_stay_in_the_report(extractor, text: str, content: str) -> None:
    """'said A “B” but “C”': words in marks after "but" are the speaker's own, so the mixed
    quote runs on to them; they are no quote of their own."""
    quotes = quotes_of(extractor, text)
    assert len(quotes) == 1, [(q.type, [c.text for c in q.content]) for q in quotes]
    assert quotes[0].type == "mixed"
    assert [c.text for c in quotes[0].content] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The mayor said the bridge was safe, but the engineers found cracks in it.",
         "the bridge was safe"),
        ('The coach said the team was "ready," but the players lost every game.',
         'the team was "ready,"'),
    ],
)
def test_writers_rejoinder_after_but_is_cut(extractor, text: str, content: str) -> None:
    """'said A, but the record shows B' without marks: the writer's rejoinder stays out."""
    quotes = quotes_of(extractor, text)
    assert [c.text for q in quotes for c in q.content] == [content]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ('“The only way the league will change is if owners pay real fines” for cheating, '
         'she said.',
         '“The only way the league will change is if owners pay real fines” for cheating',
         "she"),
        ('The union leader spoke last. “Nobody reads the fine print” on these contracts, '
         'she said.',
         '“Nobody reads the fine print” on these contracts', "she"),
        ('“We kept the lights on” through the whole winter, the caretaker said.',
         '“We kept the lights on” through the whole winter', "the caretaker"),
    ],
)
def test_words_after_the_mark_finish_the_quote(extractor, text: str, content: str,
                                               speaker: str) -> None:
    """'“A” for B, she said': words after the closing mark finish the quoted sentence
    before the attribution; the quote is mixed and its content runs on to them."""
    quote = [q for q in quotes_of(extractor, text) if q.type != "indirect"]
    assert len(quote) == 1, [(q.type, [c.text for c in q.content]) for q in quote]
    assert quote[0].type == "mixed"
    assert [c.text for c in quote[0].content] == [content]
    assert quote[0].speaker is not None and quote[0].speaker.name == speaker


@pytest.mark.parametrize(
    "text",
    ['"We will win," she said.', '"Nobody reads the fine print," the clerk said on Monday.',
     '“The roads are closed” — the sheriff said so twice.'],
)
def test_a_quote_ending_at_its_attribution_stays_direct(extractor, text: str) -> None:
    quotes = quotes_of(extractor, text)
    assert [q.type for q in quotes] == ["direct"]


TRANSCRIPT_BUS = (
    'The host pressed the mayor on the budget.\n\n'
    '"HOST: Why did the city cut the bus routes? Riders are angry.\n\n'
    '"MAYOR: We had no choice. The state took away half of our transit money.\n\n'
    '"We will bring the routes back next year.\n\n'
    '"HOST: Will fares go up?\n\n'
    '"MAYOR: Not while I am in office."'
)
TRANSCRIPT_HEARING = (
    'From the hearing record:\n\n'
    '“SEN. OKAFOR: Did your office read the audit?\n\n'
    '“DR. VANCE: We read every page of it.\n\n'
    '“SEN. OKAFOR: Then why was nothing done?”'
)
TRANSCRIPT_RADIO = (
    '"CALLER: My street has flooded three times this spring.\n\n'
    '"ENGINEER: The new drains will be finished in June."'
)


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        (TRANSCRIPT_BUS, [
            ("HOST", ["Why did the city cut the bus routes? Riders are angry."]),
            ("MAYOR", ["We had no choice. The state took away half of our transit money.",
                       "We will bring the routes back next year."]),
            ("HOST", ["Will fares go up?"]),
            ("MAYOR", ["Not while I am in office."]),
        ]),
        (TRANSCRIPT_HEARING, [
            ("OKAFOR", ["Did your office read the audit?"]),
            ("VANCE", ["We read every page of it."]),
            ("OKAFOR", ["Then why was nothing done?"]),
        ]),
        (TRANSCRIPT_RADIO, [
            ("CALLER", ["My street has flooded three times this spring."]),
            ("ENGINEER", ["The new drains will be finished in June."]),
        ]),
    ],
)
def test_transcript_turns_are_quotes_of_their_own(extractor, text: str,
                                                  turns: list[tuple[str, list[str]]]) -> None:
    """A transcript printed as one quotation over many paragraphs: each labelled turn is
    one quote of its speaker, the label no part of it, and two speakers never merge; a
    paragraph with no label goes on with the turn before it."""
    quotes = quotes_of(extractor, text)
    got = [(q.speaker.name if q.speaker else None, [c.text for c in q.content])
           for q in quotes]
    assert [(name and name.split()[-1], parts) for name, parts in got] == turns


@pytest.mark.parametrize(
    ("text", "turns"),
    [
        ('"HOST: Why did the city cut the bus routes?\n\n'
         '"MAYOR: We had no choice. The state took away our money.\n\n'
         '"(CROSSTALK.)\n\n'
         '"HOST: Will fares go up?"',
         [["Why did the city cut the bus routes?"],
          ["We had no choice. The state took away our money."], ["Will fares go up?"]]),
        ('"CHAIR: The motion is carried.\n\n"(APPLAUSE)\n\n"CHAIR: We move to the next item."',
         [["The motion is carried."], ["We move to the next item."]]),
        ('"GUEST: I grew up on that farm.\n\n"[LAUGHTER.]\n\n"HOST: Did you milk the cows?"',
         [["I grew up on that farm."], ["Did you milk the cows?"]]),
    ],
)
def test_stage_direction_ends_a_turn(extractor, text: str, turns: list[list[str]]) -> None:
    """'"(CROSSTALK.)' in a transcript is a direction to the reader: no part of the turn
    before it, nor a quote."""
    quotes = quotes_of(extractor, text)
    assert [[c.text for c in q.content] for q in quotes] == turns
