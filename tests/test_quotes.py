"""Quotes, speakers and cues on news-style texts written for these tests."""

from __future__ import annotations

import json

import pytest

from claimx.extractors.quotes import QuoteExtractor
from claimx.models import Furniture, Quote

pytestmark = pytest.mark.model


def quotes_of(extractor, text: str) -> list[Quote]:
    doc = extractor(text)
    assert not doc.errors, doc.errors
    for quote in doc.quotes:
        for span in quote.content:
            assert text[span.start:span.end] == span.text
        if quote.cue is not None:
            assert text[quote.cue.start:quote.cue.end] == quote.cue.text
        if quote.speaker is not None and quote.speaker.mention is not None:
            m = quote.speaker.mention
            assert text[m.start:m.end] == m.text
        if quote.addressee is not None:
            told = quote.addressee
            assert text[told.start:told.end] == told.text
    return list(doc.quotes)


def only(quotes: list[Quote], kind: str | None = None) -> Quote:
    chosen = [q for q in quotes if kind is None or q.type == kind]
    assert len(chosen) == 1, [(q.type, [c.text for c in q.content]) for q in quotes]
    return chosen[0]


def assert_one_mixed(extractor, text: str, content: str, name: str) -> None:
    """The text holds exactly one mixed quote, with this content and this speaker."""
    quote = only(quotes_of(extractor, text), "mixed")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name == name


# (text, content spans, speaker name, speaker mention, cue)
DIRECT = [
    (
        "“We will not back down,” Maria Lopez said on Monday.",
        ["We will not back down,"], "Maria Lopez", "Maria Lopez", "said",
    ),
    (
        '"The budget is balanced," said Tom Becker, the city treasurer.',
        ["The budget is balanced,"], "Tom Becker", "Tom Becker", "said",
    ),
    (
        "The union leader Carla Moss told reporters: “Our members are ready to strike.”",
        ["Our members are ready to strike."], "Carla Moss", None, "told",
    ),
    (
        "“The water is safe to drink,” said Rep. Daniel Ortega Hill, a Democrat from Ohio.",
        ["The water is safe to drink,"], "Daniel Ortega Hill", None, "said",
    ),
    (
        "‘We are not finished yet,’ the coach said after the match.",
        ["We are not finished yet,"], "the coach", "the coach", "said",
    ),
    (
        "«Prices will keep falling», the governor warned.",
        ["Prices will keep falling"], "governor", "the governor", "warned",
    ),
    (
        "''The bridge will reopen in May,'' the engineer said.",
        ["The bridge will reopen in May,"], "engineer", "the engineer", "said",
    ),
    (
        "As the mayor put it, “the city cannot wait another year.”",
        ["the city cannot wait another year."], "mayor", "the mayor", "put it",
    ),
    (
        "Officials met on Friday, and the minister added: “The deal is done.”",
        ["The deal is done."], "minister", "the minister", "added",
    ),
]


def cases(rows: list[tuple]) -> list[tuple]:
    """(text, *expected) rows as (text, expected) pairs."""
    return [(text, tuple(expected)) for text, *expected in rows]


@pytest.mark.parametrize(("text", "expected"), cases(DIRECT))
def test_direct_quotes(extractor, text, expected):
    content, name, mention, cue = expected
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == content
    assert quote.cue is not None and quote.cue.text == cue
    assert quote.speaker is not None
    assert quote.speaker.name.lower().endswith(name.lower())
    if mention is not None:
        assert quote.speaker.mention is not None and quote.speaker.mention.text == mention


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "“The roads are open,” Ana Silva said, “but drivers should stay careful.”",
            ["The roads are open,", "but drivers should stay careful."],
            "Ana Silva",
        ),
        (
            "“We lost the first game,” said coach Peter Grant. “We will win the next one.”",
            ["We lost the first game,", "We will win the next one."],
            "Peter Grant",
        ),
        (
            '"Hospitals are full," said Dr. Lena Park, "and staff are exhausted."',
            ["Hospitals are full,", "and staff are exhausted."],
            "Lena Park",
        ),
    ],
)
def test_split_quote_is_one_quote(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == content
    assert quote.speaker is not None and quote.speaker.name.endswith(name)


@pytest.mark.parametrize(
    ("text", "expected"),
    cases([
        (
            # Glued mark after the full stop, and the speaker named only as "He".
            "Mayor Karen Walsh opened the new library on Tuesday. He said little, but she "
            "stressed that reading is a public good.“No child in this city should grow up "
            "without books.”",
            "No child in this city should grow up without books.",
            "Karen Walsh", "she", "stressed",
        ),
        (
            "Governor Paul Brandt visited the flooded town. He warned that more rain was "
            "coming.“We have to be ready for the worst.”",
            "We have to be ready for the worst.",
            "Paul Brandt", "He", "warned",
        ),
        (
            "Chief executive Nora Quinn spoke at the launch.\n\nShe said: “This phone will sell "
            "itself.”",
            "This phone will sell itself.",
            "Nora Quinn", "She", "said",
        ),
    ]),
)
def test_pronoun_speakers_resolve_to_the_person_before(extractor, text, expected):
    content, name, mention, cue = expected
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None
    assert quote.speaker.name == name
    assert quote.speaker.mention is not None and quote.speaker.mention.text == mention
    assert quote.cue is not None and quote.cue.text == cue


def test_multi_paragraph_quote(extractor):
    text = (
        "The senator Ruth Adler spoke for an hour. “We built this program over ten years and "
        "it has helped millions of families.\n\n"
        "“Nobody in this chamber should vote to end it,” she said.\n\n"
        "The vote is expected next week."
    )
    quote = only(quotes_of(extractor, text), "direct")
    assert len(quote.content) == 2
    assert quote.content[0].text.startswith("We built this program")
    assert quote.content[1].text.startswith("Nobody in this chamber")
    assert quote.speaker is not None and quote.speaker.name == "Ruth Adler"


@pytest.mark.parametrize(
    "text",
    [
        "He said “we will win the vote.\n\nThe weather in the capital stayed mild all week, "
        "and the markets were calm.\n\n“It was fine,” Jo Park said.",
        "The report said \"prices rose.\n\nMarkets were calm.",
        "“Open“ and ”closed“ marks ” everywhere “ in this sentence.",
    ],
)
def test_unbalanced_marks_never_swallow_the_article(extractor, text):
    for quote in quotes_of(extractor, text):
        for span in quote.content:
            assert "\n\n" not in span.text
            assert "markets were calm" not in span.text.lower() or "said" in span.text


@pytest.mark.parametrize(
    "text",
    [
        "The “Digital Kenya” program aims to connect every school to the internet.",
        "The “PASS” biometric payment system is now used in dozens of shops.",
        'Investors used the so-called "like-kind exchange" to defer their taxes.',
        "She starred in “The Long Road Home” before moving to television.",
        "The voters’ mood in the ’90s was different, and it’s clear the party knows it.",
        "The district, known as ‘the village’, has one shop and two churches.",
    ],
)
def test_not_quotes(extractor, text):
    quoted = [q for q in quotes_of(extractor, text) if q.type in ("direct", "mixed")]
    assert quoted == []


@pytest.mark.parametrize(
    ("text", "expected"),
    cases([
        (
            "Critics called the plan “a recipe for disaster” on Tuesday.",
            "mixed", "the plan “a recipe for disaster”", "Critics", "called",
        ),
        (
            "The mayor said the new stadium would be “the pride of the city” when it opens.",
            "mixed", "the new stadium would be “the pride of the city” when it opens",
            "mayor", "said",
        ),
        (
            "The senator said that “nobody in this state should go hungry.”",
            "mixed", "that “nobody in this state should go hungry.”", "senator", "said",
        ),
        (
            "The ministry said the new rules would take effect in March.",
            "indirect", "the new rules would take effect in March", "ministry", "said",
        ),
        (
            "Prime Minister Ana Kovac noted that Riga is a regional hub for shipping.",
            "indirect", "that Riga is a regional hub for shipping", "Ana Kovac", "noted",
        ),
        (
            "President Omar Haddad described the summit as a turning point for the region.",
            "indirect", "the summit as a turning point for the region", "Omar Haddad",
            "described",
        ),
        (
            "Unemployment fell to 4% in June, according to the statistics office.",
            "indirect", "Unemployment fell to 4% in June", "statistics office", "according to",
        ),
        (
            "The city has made progress in transport:\n\nNine in ten residents now live near "
            "a bus stop, according to the transport authority.",
            "indirect", "Nine in ten residents now live near a bus stop", "transport authority",
            "according to",
        ),
        (
            "The governor’s claim that the budget is balanced was challenged by auditors.",
            "indirect", "that the budget is balanced", "governor", "claim",
        ),
        (
            "According to the report, the river has never been so low.",
            "indirect", "the river has never been so low", "report", "According to",
        ),
    ]),
)
def test_mixed_and_reported_speech(extractor, text, expected):
    kind, content, name, cue = expected
    quote = only(quotes_of(extractor, text), kind)
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name.endswith(name)
    assert quote.cue is not None and quote.cue.text == cue


def test_parenthetical_attribution_before_a_quotation(extractor):
    text = "The bridge, the engineer said, “will outlast all of us.”"
    quote = only(quotes_of(extractor, text), "mixed")
    assert [c.text for c in quote.content] == ["The bridge", "“will outlast all of us.”"]
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "the engineer"


def test_surname_speaker_gets_the_full_name(extractor):
    text = (
        "Finance Minister Helena Berg presented the budget on Monday. “Every euro is "
        "accounted for,” Berg said."
    )
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.speaker is not None
    assert quote.speaker.name == "Helena Berg"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "Berg"


def test_quotes_in_furniture_are_dropped(nlp, patterns):
    text = "Disclaimer: “We accept no liability for this content,” the publisher said."
    doc = nlp(text)
    finder = QuoteExtractor(nlp, patterns)
    assert finder(doc)
    wall = Furniture(0, len(text), text, "disclaimer")
    assert finder(doc, furniture=[wall]) == []


@pytest.mark.parametrize(
    "text",
    ["", " ", '"', "“", "”", "''", "‘’", '""""', "“““ ”””", "'\n'\n'", "…", "“\n\n”",
     '"He said, "', "\u0000\u200b“x”", "1” 2“ 3\" 4' 5’ 6‘"],
)
def test_never_crashes(extractor, text):
    quotes_of(extractor, text)


@pytest.mark.parametrize(
    ("text", "contents", "name"),
    [
        (
            # A second paragraph that is only a quotation continues the speaker's quote.
            "“We will rebuild the pier,” the harbour master Ian Doyle said.\n\n"
            "“The boats will be back by summer.”",
            ["We will rebuild the pier,", "The boats will be back by summer."],
            "Ian Doyle",
        ),
        (
            "“Prices are too high,” said Aisha Bello. She paused. “Families cannot cope.”",
            ["Prices are too high,", "Families cannot cope."],
            "Aisha Bello",
        ),
        (
            "“If the river rises again,” the mayor’s spokesman says, “the town will flood.”",
            ["If the river rises again,", "the town will flood."],
            "spokesman",
        ),
    ],
)
def test_continuations_join_the_quote(extractor, text, contents, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == contents
    assert quote.speaker is not None and quote.speaker.name.endswith(name)


def test_paragraphs_run_together_continue_the_quote(extractor):
    # Some archives lose paragraph breaks: the new paragraph's opening mark stays.
    text = (
        'The coach Marco Rossi said: "I was pleased with the forwards. They worked hard. '
        '"The kicking was poor but it will improve." The next match is on Sunday.'
    )
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == [
        "I was pleased with the forwards. They worked hard.",
        "The kicking was poor but it will improve.",
    ]
    assert quote.speaker is not None and quote.speaker.name == "Marco Rossi"


def test_signed_quote(extractor):
    text = "Readers wrote in.\n\n“The new bus line changed my life.” ― Maria Gonzalez\n"
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.speaker is not None and quote.speaker.name == "Maria Gonzalez"


@pytest.mark.parametrize(
    ("text", "contents", "name"),
    [
        (
            "The new port, the minister said, will open in the spring.",
            ["The new port", "will open in the spring"],
            "minister",
        ),
        (
            "Turnout was the highest in decades, officials said.",
            ["Turnout was the highest in decades"],
            "officials",
        ),
        # The writer's connective before the reported words is not reported.
        (
            "However, the harvest was smaller than expected, the ministry said.",
            ["the harvest was smaller than expected"],
            "ministry",
        ),
        (
            "Meanwhile, exports rose by a tenth, officials said.",
            ["exports rose by a tenth"],
            "officials",
        ),
    ],
)
def test_reported_speech_around_the_attribution(extractor, text, contents, name):
    quote = only(quotes_of(extractor, text), "indirect")
    assert [c.text for c in quote.content] == contents
    assert quote.speaker is not None and quote.speaker.name.lower().endswith(name)


@pytest.mark.parametrize(
    "text",
    [
        "Shares continued to fall on Monday.",
        "The council posted a video of the meeting.",
        "The senator told the truth about the budget.",
    ],
)
def test_no_reported_speech_without_a_report(extractor, text):
    assert quotes_of(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        'Her column "Voters, tell us your worries," is a good read.',
        'The op-ed "Mayor, tell the truth about the budget" is worth reading.',
    ],
)
def test_verb_inside_a_quoted_title_is_no_cue(extractor, text):
    assert quotes_of(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "contents", "name"),
    [
        (
            "''The toll will not hurt commuters,'' Karen Blume, a transport researcher at "
            "Lakeview College and once an aide to the county board, said of the scheme. ''It is "
            "well thought out.''",
            ["The toll will not hurt commuters,", "It is well thought out."],
            "Karen Blume",
        ),
        (
            "“Our nurses are exhausted,” Ben Ortiz, head of the regional hospital workers’ "
            "union and a nurse for twenty years, told reporters. “They need help now.”",
            ["Our nurses are exhausted,", "They need help now."],
            "Ben Ortiz",
        ),
    ],
)
def test_long_appositive_speaker_after_the_quote(extractor, text, contents, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == contents
    assert quote.speaker is not None and quote.speaker.name == name


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "The governor defended the cuts, saying, “They were painful, but the state "
            "needed them.”",
            "They were painful, but the state needed them.",
            "governor",
        ),
        (
            "Senator Ruth Adler left the hearing early after a reporter asked about the "
            "contract, saying, “I have nothing more to add.”",
            "I have nothing more to add.",
            "Ruth Adler",
        ),
    ],
)
def test_participle_cue_speaks_for_the_main_subject(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name.endswith(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Guests included the actors Tom Hanks and Meryl Streep and the chef Ray Cole, who "
            "joked, ''I came for the food.''",
            "Ray Cole",
        ),
        (
            "The prize went to Amal Haddad, who told the audience: “This belongs to my "
            "students.”",
            "Amal Haddad",
        ),
    ],
)
def test_relative_pronoun_is_the_mention(extractor, text, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.speaker is not None and quote.speaker.name == name
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "who"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "Ms. Varga shrugged off the question, calling it a distraction -- ''Everyone does "
            "it'' -- and, when pressed at the door, insisting, ''Naturally, I filed on "
            "time.''",
            "Naturally, I filed on time.",
            "Varga",
        ),
        (
            "In a video posted on Sunday, Tom Reyes plays a few chords for the governor before "
            "asking her, “What happens to the orchard next spring?”",
            "What happens to the orchard next spring?",
            "Tom Reyes",
        ),
    ],
)
def test_participle_cue_when_the_parse_hangs_it_elsewhere(extractor, text, content, name):
    quote = next(q for q in quotes_of(extractor, text) if q.content[0].text == content)
    assert quote.type == "direct"
    assert quote.speaker is not None and quote.speaker.name.endswith(name)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "On Monday, Senator Ann Cole made the following statement:\n\n“The bill protects "
            "workers and families across the state.”",
            "The bill protects workers and families across the state.",
            "Ann Cole",
        ),
        (
            "“We support this plan,” the statement reads. “Our members will vote for it.”",
            "We support this plan,",
            "statement",
        ),
    ],
)
def test_colon_paragraph_and_documents_that_read(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.content[0].text == content
    assert quote.speaker is not None and quote.speaker.name.endswith(name)


@pytest.mark.parametrize(
    "text",
    [
        "In a video posted on Sunday, Tom Reyes plays a few chords for the governor before "
        "asking her, “What happens to the orchard next spring?”",
        "The council met for hours, and the chair said the vote was close before adding, "
        "“We will meet again next week.”",
    ],
)
def test_no_quote_runs_into_a_direct_quotation(extractor, text):
    found = quotes_of(extractor, text)
    direct = [q for q in found if q.type == "direct"]
    assert direct
    starts = [text.index(c.text) for q in direct for c in q.content]
    for quote in found:
        if quote.type != "direct":
            for span in quote.content:
                assert all(not span.start < s <= span.end for s in starts), span.text
                assert "“" not in span.text[-2:]


@pytest.mark.parametrize(
    ("text", "contents", "name"),
    [
        (
            "Engineers are inspecting the bridge.\n“Here is my pledge: No one will cross it "
            "until it is safe,” Bend fire Chief Dana Hart said Monday. “Every span will be "
            "checked.”",
            ["Here is my pledge: No one will cross it until it is safe,",
             "Every span will be checked."],
            "Dana Hart",
        ),
        (
            "“Trust the process,” Denver fire Chief Amy Lane said Tuesday. “We will be ready.”",
            ["Trust the process,", "We will be ready."],
            "Amy Lane",
        ),
    ],
)
def test_name_read_as_a_verb_still_attributes(extractor, text, contents, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == contents
    assert quote.speaker is not None and quote.speaker.name == name
    assert quote.speaker.mention is not None
    assert all(not (c.start <= quote.speaker.mention.start < c.end) for c in quote.content)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "“As a retired teacher, I would sooner keep what she calls “the old mess” than "
            "trust a plan she wrote.” ― Rosa Mendez",
            "As a retired teacher, I would sooner keep what she calls “the old mess” than "
            "trust a plan she wrote.",
            "Rosa Mendez",
        ),
        (
            "“The mayor called it a “temporary fix” and moved on,” said Carl Boyd.",
            "The mayor called it a “temporary fix” and moved on,",
            "Carl Boyd",
        ),
    ],
)
def test_quote_nested_in_the_same_curly_marks(extractor, text, content, name):
    quote = only(quotes_of(extractor, text))
    assert quote.type == "direct"
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name == name


def test_scare_quote_never_takes_the_next_paragraphs_cue(extractor):
    text = (
        "Speaking in Ohio this week, Senator Joan Park answered the governor's claim that "
        "cutting the budget made him ''prudent.''\n\n''Tell that to the teachers in this room "
        "who are losing their jobs,'' Ms. Park said. ''Tell that to the parents.''"
    )
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == [
        "Tell that to the teachers in this room who are losing their jobs,",
        "Tell that to the parents.",
    ]
    assert quote.speaker is not None and quote.speaker.name == "Joan Park"


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "A lesson from Maria Lopez: ‘Speak up when nobody listens.’\n\nThe senator spoke "
            "for an hour.",
            "Speak up when nobody listens.",
            "Maria Lopez",
        ),
        (
            "Advice from Tom Reyes: “Never sign a contract you have not read.”",
            "Never sign a contract you have not read.",
            "Tom Reyes",
        ),
    ],
)
def test_verbless_colon_lead_in_names_the_speaker(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name == name


def test_colon_lead_in_without_a_person_has_no_speaker(extractor):
    quote = only(quotes_of(extractor, "Three questions for the council: “Where is the money "
                                       "going?”"), "direct")
    assert quote.speaker is None


def test_nickname_inside_the_speakers_name(extractor):
    text = (
        '"Tonight belongs to the farmers!" the governor\'s cousin, county Commissioner Peter '
        '"Bud" Lund (R-Ames), shouted from the stage. "Every county is counting on us."'
    )
    quote = only(quotes_of(extractor, text))
    assert quote.type == "direct"
    assert [c.text for c in quote.content] == [
        "Tonight belongs to the farmers!", "Every county is counting on us."
    ]
    assert quote.cue is not None and quote.cue.text == "shouted"
    assert quote.speaker is not None and quote.speaker.mention is not None


def test_nickname_is_no_quote(extractor):
    found = quotes_of(extractor, 'Former champion James "Buster" Cole said he would return.')
    assert all(c.text != "Buster" for q in found for c in q.content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The president spoke at length.\n\n” … what I learned from these families is that "
            "words matter,” he said.",
            "… what I learned from these families is that words matter,",
        ),
        (
            "”We cannot wait any longer,” the mayor said.",
            "We cannot wait any longer,",
        ),
    ],
)
def test_closing_mark_that_opens_a_paragraph_opens_the_quote(extractor, text, content):
    quote = only(quotes_of(extractor, text), "direct")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "The council voted to expand what the mayor called “the most ambitious housing "
            "plan in a generation.”",
            "what the mayor called “the most ambitious housing plan in a generation.”",
            "mayor",
        ),
        (
            "Officials condemned what they described as “a reckless provocation” by the group.",
            "what they described as “a reckless provocation” by the group",
            "they",
        ),
    ],
)
def test_free_relative_what_opens_the_mixed_quote(extractor, text, content, name):
    quote = only(quotes_of(extractor, text), "mixed")
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.name.endswith(name)


@pytest.mark.parametrize(
    "heading",
    ["'A Legend in the Valley.'", "‘Coal Is Not the Enemy’"],
)
def test_heading_in_single_marks_is_no_quote_nor_continuation(extractor, heading):
    text = (
        '"These are hard days," said Ann Porter, a lawyer for the county. "But we will get '
        f'through them."\n\n{heading}\n\nThe company was founded in 1952.'
    )
    found = quotes_of(extractor, text)
    quote = only(found)
    assert [c.text for c in quote.content] == ["These are hard days,",
                                               "But we will get through them."]


@pytest.mark.parametrize(
    ("text", "kind", "contents"),
    [
        (
            "Once the council had voted the plan down that evening, "
            'Ms. Reyes said, "it was over for us."',
            "mixed",
            ["Once the council had voted the plan down that evening", '"it was over for us."'],
        ),
        ('On Monday, Smith said, "We will appeal."', "direct", ["We will appeal."]),
    ],
)
def test_lower_case_quote_finishes_the_sentence_before_the_cue(extractor, text, kind, contents):
    quote = only(quotes_of(extractor, text))
    assert quote.type == kind
    assert [c.text for c in quote.content] == contents


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [("They don’t agree.", 2, True), ("The party’s plan.", 2, True),
     ("They do n't", 2, True), ("Yes, no.", 1, False), ("A — B", 1, False)],
)
def test_reported_content_keeps_clitics_with_their_word(nlp, text, index, expected):
    from claimx.extractors.quotes.helpers import wordlike

    assert wordlike(nlp.make_doc(text)[index]) is expected


def test_footage_of_a_person_speaking(extractor):
    text = "The new ad shows footage of Maria Lopez asking, “Why is nobody talking about wages?”"
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.speaker is not None and quote.speaker.name == "Maria Lopez"


def test_pronoun_inside_quotation_marks_reports_nothing(extractor):
    text = (
        "The chairwoman did not hold back. “You sat in that office and blamed hundreds of "
        "drivers” for the delays.\n\n“That is not how a leader behaves,” Okafor said."
    )
    found = quotes_of(extractor, text)
    assert all(q.speaker is None or q.speaker.name != "You" for q in found)
    assert any(q.type == "direct" and q.speaker is not None and q.speaker.name == "Okafor"
               for q in found)


@pytest.mark.parametrize(
    "text",
    [
        "Do you know what your landlord plans for the building?",
        "If the council rejected the plan, the mayor would resign.",
        "Would voters think the mayor must be the worst choice?",
    ],
)
def test_questions_and_conditions_report_nothing(extractor, text):
    assert [q for q in quotes_of(extractor, text) if q.type == "indirect"] == []


def test_statement_after_a_question_still_reports(extractor):
    text = "Why does it matter? The mayor said the plan would cut rents."
    quote = only(quotes_of(extractor, text), "indirect")
    assert quote.content[0].text == "the plan would cut rents"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("President Maria Okonjo opened the port on Monday. “This is a great day,” the "
         "president said.", "Maria Okonjo"),
        ("Health Minister Lars Berg visited the ward. The minister said more nurses were on "
         "the way.", "Lars Berg"),
    ],
)
def test_role_speaker_resolves_to_the_person_named_with_that_title(extractor, text, name):
    (quote,) = quotes_of(extractor, text)
    assert quote.speaker is not None and quote.speaker.name == name
    assert quote.speaker.entity is not None
    assert quote.speaker.mention is not None and quote.speaker.mention.text.lower().startswith(
        "the "
    )


def test_role_speaker_without_a_titled_person_keeps_its_words(extractor):
    (quote,) = quotes_of(extractor, "“We will appeal,” the minister said on Friday.")
    assert quote.speaker is not None and quote.speaker.name == "the minister"
    assert quote.speaker.entity is None


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # Coordination the parse hangs on the cue verb still belongs to what is reported.
        (
            "The governor wants to widen the coastal road, rebuild the harbour wall and open "
            "two new clinics.",
            "to widen the coastal road, rebuild the harbour wall and open two new clinics",
        ),
        (
            "Ms. Ferreira said the ferry would run twice a day, and the port would stay open "
            "all winter.",
            "the ferry would run twice a day, and the port would stay open all winter",
        ),
        (
            "The council urged residents to save water and avoid washing cars.",
            "residents to save water and avoid washing cars",
        ),
        # A trailing comment of the writer's is not: a participle, a concession, an
        # appositive, a parenthesis; nor an adjunct of the cue verb itself.
        (
            "Residents said the water had risen overnight, forcing dozens of families to leave "
            "their homes.",
            "the water had risen overnight",
        ),
        (
            "Critics said the tax would hurt small bakeries, though some economists disagreed.",
            "the tax would hurt small bakeries",
        ),
        (
            "The senator said the bill was dead, although she did not rule out a new vote.",
            "the bill was dead",
        ),
        (
            "Police said they had arrested Tomas Vidal, a local shopkeeper.",
            "they had arrested Tomas Vidal",
        ),
        (
            "The report said exports fell sharply in May (the first drop in a year).",
            "exports fell sharply in May",
        ),
        ("The union called for higher wages in a statement on Friday.", "higher wages"),
        # One clause the parse split in two under the cue is reported whole.
        (
            "Many residents believe the money being spent on parking in the old town shows "
            "the council is out of touch.",
            "the money being spent on parking in the old town shows the council is out of "
            "touch",
        ),
        # A predicate coordinated with the cue verb is the speaker's own act.
        ("The coach declined the post and has since moved abroad.", "the post"),
    ],
)
def test_reported_clause_ends_where_the_report_ends(extractor, text, content):
    quote = only(quotes_of(extractor, text), "indirect")
    assert [c.text for c in quote.content] == [content]


def test_second_report_in_the_same_sentence_is_its_own_quote(extractor):
    text = "The minister said the strike would end soon and added that talks would resume."
    quotes = quotes_of(extractor, text)
    assert [[c.text for c in q.content] for q in quotes] == [
        ["the strike would end soon"], ["that talks would resume"]
    ]
    assert all(q.speaker is not None and q.speaker.name == "The minister" for q in quotes)


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # What the cue reports before the mark opens the mixed quote.
        (
            'The coach said he had one goal for the season: "Win the league and keep the '
            'young players."',
            'he had one goal for the season: "Win the league and keep the young players."',
            "The coach",
        ),
        (
            'My aunt often says things like, "Nobody ever got rich by sleeping late."',
            'things like, "Nobody ever got rich by sleeping late."',
            "My aunt",
        ),
        # A hope reported by a speech verb: the speech verb is the cue.
        (
            'The teacher said she hopes the new school sends a message that "every child '
            'counts here."',
            'she hopes the new school sends a message that "every child counts here."',
            "The teacher",
        ),
        # The object the quoted words describe or urge belongs to the content.
        (
            'The governor called Mr. Pryce a "reckless gambler" in the debate.',
            'Mr. Pryce a "reckless gambler"',
            "The governor",
        ),
        (
            'The union called on the city to "stop dragging its feet" over the contract.',
            'the city to "stop dragging its feet" over the contract',
            "The union",
        ),
    ],
)
def test_mixed_quote_starts_where_the_report_starts(extractor, text, content, name):
    assert_one_mixed(extractor, text, content, name)


@pytest.mark.parametrize(
    "text",
    [
        'The mayor told reporters: "We will rebuild the pier."',
        'The senator said on Tuesday: "The budget is a mess."',
        'The firm said in a short statement: "We regret the delay."',
    ],
)
def test_listener_time_or_source_before_the_mark_keeps_the_quote_direct(extractor, text):
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.content[0].text == text.split('"')[1]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        (
            "Rents rose by a fifth last year, the agency said, pushing many families out of "
            "the city.",
            ["Rents rose by a fifth last year", "pushing many families out of the city"],
        ),
        # Another report or the speaker's appositive after the attribution is not content.
        (
            "Rents rose by a fifth last year, the agency said, adding that wages had barely "
            "moved.",
            ["Rents rose by a fifth last year"],
        ),
        (
            "The plant will close in June, said Maria Costa, a spokeswoman for the company.",
            ["The plant will close in June"],
        ),
    ],
)
def test_report_goes_on_after_a_trailing_attribution(extractor, text, contents):
    quote = quotes_of(extractor, text)[0]
    assert quote.type == "indirect"
    assert [c.text for c in quote.content] == contents


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # Verbs of praise, comparison, declaration and appeal govern the quoted words.
        (
            'The governor lauded the volunteers for their "quiet courage" during the floods.',
            'the volunteers for their "quiet courage"', "The governor",
        ),
        (
            'The minister likened the new rules to a "straitjacket for small farms."',
            'the new rules to a "straitjacket for small farms."', "The minister",
        ),
        (
            'The president proclaimed a year of "service and renewal."',
            'a year of "service and renewal."', "The president",
        ),
        (
            'Opposition leaders accused the cabinet of "gross negligence."',
            'the cabinet of "gross negligence."', "Opposition leaders",
        ),
        (
            'The mayor is encouraging residents to report every "suspicious package" at the '
            "station.",
            'residents to report every "suspicious package" at the station', "The mayor",
        ),
        # A participle after "by" speaks for its clause's subject.
        (
            'The coach opened by saying she would "not" drop her captain.',
            'she would "not" drop her captain', "The coach",
        ),
        # The content runs to the closing mark even where the parse ends the clause sooner.
        (
            'The senator called the valley a "garden in a land where so little grows."',
            'the valley a "garden in a land where so little grows."', "The senator",
        ),
    ],
)
def test_more_verbs_govern_mixed_quotes(extractor, text, content, name):
    assert_one_mixed(extractor, text, content, name)


def test_quoted_name_in_a_relative_clause_is_not_the_cues(extractor):
    text = 'The council praised Ms. Okafor, who hosted a "Clean Rivers" fair last spring.'
    assert not [q for q in quotes_of(extractor, text) if q.type == "mixed"]


def test_someone_elses_report_coordinated_in_the_clause_is_its_own_quote(extractor):
    text = ("The minister stressed that the reforms were not finished, and farm groups warned "
            "that the government was losing its leverage over the banks.")
    quotes = quotes_of(extractor, text)
    assert [([c.text for c in q.content], q.speaker and q.speaker.name) for q in quotes] == [
        (["that the reforms were not finished"], "The minister"),
        (["that the government was losing its leverage over the banks"], "farm groups"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "content"),
    [
        (
            'The mayor said the museum would tell the stories of the people who built the town '
            '-- "the farmers and the porters, the teachers and the nurses."',
            "mixed",
            'the museum would tell the stories of the people who built the town -- "the '
            "farmers and the porters, the teachers and the nurses",
        ),
        (
            'The singer thanked the crowd for coming - "my second family."',
            "mixed", 'the crowd for coming - "my second family."',
        ),
        # With its own attribution the quotation after a dash stays direct.
        (
            'Prices rose sharply -- "We cannot keep up," said Ana Ruiz, a baker.',
            "direct", "We cannot keep up,",
        ),
    ],
)
def test_quotation_after_a_dash_finishes_the_reported_sentence(extractor, text, kind, content):
    quote = only(quotes_of(extractor, text), kind)
    assert [c.text for c in quote.content] == [content]


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        # A participle on a statement speaks for whoever issued it.
        (
            'The board put out a statement describing the deal as "a mistake for the town."',
            'the deal as "a mistake for the town."', "The board",
        ),
        # A participle opening the sentence speaks for the subject after it.
        (
            '"The reason they fear us is the reason the banks fear us."\n\nBemoaning the '
            '"rigged" rules, Smith accused the board of bias.',
            'the "rigged" rules', "Smith",
        ),
        # "According to X," parsed as one phrase with the sentence still ends at its comma.
        (
            "According to veteran ferry captain Ines Ruiz, the timetable is “pure fantasy” for "
            "winter.",
            "the timetable is “pure fantasy” for winter", "Ines Ruiz",
        ),
    ],
)
def test_participles_and_according_to_attribute_mixed_quotes(extractor, text, content, name):
    assert_one_mixed(extractor, text, content, name)


def test_quotation_inside_an_earlier_report_is_that_reports_mixed_quote(extractor):
    text = 'Ms. Ruiz said she remembered thinking, "Nobody here will believe us."'
    quote = only(quotes_of(extractor, text))
    assert quote.type == "mixed"
    assert [c.text for c in quote.content] == [
        'she remembered thinking, "Nobody here will believe us."'
    ]
    assert quote.speaker is not None and quote.speaker.name == "Ruiz"
    assert quote.cue is not None and quote.cue.text == "said"


def test_quotation_with_a_speaker_of_its_own_inside_a_sentence_stays_direct(extractor):
    text = 'The plan excludes fathers, and when pressed, the mayor replied, "It is for mothers."'
    quote = only(quotes_of(extractor, text), "direct")
    assert quote.speaker is not None and quote.speaker.name == "the mayor"


def test_reported_words_whose_quotation_is_direct_are_indirect(extractor):
    text = ('The mayor said Monday that she believes the files should be made public but said '
            '"the question is when."')
    kinds = sorted(q.type for q in quotes_of(extractor, text))
    assert kinds == ["direct", "indirect"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A report coordinated with the reported clause's own verb is that subject's report.
        (
            "Her lawyer says Ms. Vance accepted the offer and said she would start in May.",
            [("Ms. Vance accepted the offer", "Her lawyer"), ("she would start in May", "Vance")],
        ),
        # The speaker's next report, whatever the tagger makes of the cue's form.
        (
            'The senator tweeted that the vote was "a farce" and urged voters to "stay home" '
            "in protest.",
            [('that the vote was "a farce"', "The senator"),
             ('voters to "stay home" in protest', "The senator")],
        ),
        # A semicolon ends what was reported.
        (
            "The ministry said the strike was over; talks would resume on Monday.",
            [("the strike was over", "The ministry")],
        ),
    ],
)
def test_coordinated_reports_and_semicolons(extractor, text, expected):
    quotes = quotes_of(extractor, text)
    got = [(q.content[0].text, q.speaker.name if q.speaker else None) for q in quotes]
    assert got == [(c, s) for c, s in expected]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("In the words of the coach, the season is over for the club.",
         "the season is over for the club", "the coach"),
        ("In the words of its founder, the charity will close next spring.",
         "the charity will close next spring", "its founder"),
        ("The harbour will be dredged again next year, in the words of the port authority.",
         "The harbour will be dredged again next year", "the port authority"),
    ],
)
def test_a_cue_phrase_works_by_its_label_whatever_its_id(nlp, tmp_path, text, content,
                                                          speaker):
    """A user rule labelled CUE_SOURCE, under an id the code never names, names the speaker
    as its object just as the built-in "according to" does."""
    from claimx.rules.loader import load_patterns

    rule = {"label": "CUE_SOURCE", "id": "in-the-words-of",
            "pattern": [{"LOWER": w} for w in ("in", "the", "words", "of")],
            "example": "In the words of the coach, the season is over for the club."}
    (tmp_path / "cue_phrases.jsonl").write_text(json.dumps(rule) + "\n", encoding="utf-8")
    quotes = QuoteExtractor(nlp, load_patterns([tmp_path / "cue_phrases.jsonl"]))(nlp(text))
    quote = only(quotes)
    assert quote.type == "indirect"
    assert [c.text for c in quote.content] == [content]
    assert quote.speaker is not None and quote.speaker.mention.text == speaker
    assert quote.cue is not None and quote.cue.text.lower() == "in the words of"


def test_every_quote_vocabulary_file_is_built_in(nlp, patterns):
    """Each word list and table the quote extractor reads exists (a misspelt name would read
    as an empty list and switch a rule off without a word)."""
    from dataclasses import fields

    extractor = QuoteExtractor(nlp, patterns)
    empty = [f.name for f in fields(extractor.words) if not getattr(extractor.words, f.name)]
    empty += [f.name for f in fields(extractor.speaker_words)
              if not getattr(extractor.speaker_words, f.name)]
    assert not empty
    assert extractor.speaker_words.gender_title.search("Mrs ") is not None


def test_quote_modules_import_each_other_in_no_circle():
    """Not even under TYPE_CHECKING: each quote module can be read knowing only those it
    imports."""
    import ast
    from pathlib import Path

    import claimx.extractors.quotes as package

    prefix = "claimx.extractors.quotes."
    graph: dict[str, set[str]] = {}
    for path in Path(package.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {node.module.removeprefix(prefix) for node in ast.walk(tree)
                            if isinstance(node, ast.ImportFrom) and node.module
                            and node.module.startswith(prefix)}
    assert len(graph) > 10  # the package's modules were found

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()) - seen:
            if nxt == goal or reaches(nxt, goal, seen | {nxt}):
                return True
        return False

    assert [m for m in graph if reaches(m, m, set())] == []
