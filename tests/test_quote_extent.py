"""Quote extent: where a quote's content starts and ends, on texts written for these tests."""

from __future__ import annotations

import pytest

from claimx.models import Quote

pytestmark = pytest.mark.model


def quotes_of(extractor, text: str) -> list[Quote]:
    doc = extractor(text)
    assert not doc.errors, doc.errors
    for quote in doc.quotes:
        for span in quote.content:
            assert text[span.start:span.end] == span.text
    return list(doc.quotes)


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
