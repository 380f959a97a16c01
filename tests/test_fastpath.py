"""The fast path: only sentences that can hold a claim (or a quote) are parsed, and what it
finds there is what the full parse finds, at the same offsets."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from claimx.batch import ExtractorOptions, shared_extractor
from claimx.cli import app
from claimx.fastpath import FastParser, Selector


@pytest.fixture(scope="module")
def claims_selector(patterns) -> Selector:
    return Selector(patterns, ["claims"])


@pytest.fixture(scope="module")
def quotes_selector(patterns) -> Selector:
    return Selector(patterns, ["quotes"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pier reopened. Visitors came back.", ["The pier reopened. ", "Visitors came back."]),
        ("Mr. Ames met Dr. Kofi Mensah. They talked.", ["Mr. Ames met Dr. Kofi Mensah. ",
                                                       "They talked."]),
        ("J. R. Hartley wrote it. Nobody read it.", ["J. R. Hartley wrote it. ",
                                                    "Nobody read it."]),
        ("A headline\nThe first line of the story.", ["A headline\n",
                                                      "The first line of the story."]),
        ("It rose 2.5 percent. \u201cGood,\u201d she said.", ["It rose 2.5 percent. ",
                                                             "\u201cGood,\u201d she said."]),
        ("Is it late? Yes! It is 9 p.m. now.", ["Is it late? ", "Yes! ", "It is 9 p.m. now."]),
    ],
)
def test_sentences_tile_the_text(claims_selector, text, expected):
    spans = claims_selector.sentences(text)
    assert [text[a:b] for a, b in spans] == expected
    assert "".join(text[a:b] for a, b in spans) == text


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Fares went up by 4% in May.", True),  # a digit
        ("The bridge cost \u00a312m to build.", True),
        ("Some 300 jobs will go.", True),
        ("Two ferries were cancelled.", True),  # a number word
        ("The club has forty-one members now.", True),
        ("A million people watched it.", True),
        ("Nearly all the seats were taken.", True),  # a vague phrase
        ("The vast majority of parents agreed.", True),
        ("Two-thirds of the stalls stayed shut.", True),
        ("Dozens turned up at the hall.", True),  # a word of fastpath_claim_words.txt
        ("Most shops shut early.", True),
        ("The price of bread has doubled.", True),
        ("The weather was mild for the season.", False),
        ("The third act dragged on.", True),  # an ordinal word: a rank
        ("It was her twentieth season at the club.", True),
        ("The team finished second in the league.", True),
        ("Sales hit a record high in June.", True),  # a record
        ("They spent a quarter of an hour there.", True),  # ...in a vague phrase, an amount
        ("She thanked everyone who came.", False),
    ],
)
def test_a_claim_sentence_needs_a_number_or_an_amount_word(claims_selector, sentence, wanted):
    assert claims_selector.wanted(sentence, [(0, len(sentence))]) == [wanted]


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        # A year after a word of fastpath_year_before.txt, a decade, a day or a clock time
        # next to a month or clock word (quant_time_words.txt), a digit inside a name:
        ("The mill was built in 1887 by a weaver.", False),
        ("Nobody has lived there since 1971.", False),
        ("The lease runs until 2031, the landlord says.", False),
        ("Work on the dam stopped in mid-2019.", False),
        ("Jazz clubs thrived there in the 1950s.", False),
        ("The inquiry opens on 9 October.", False),
        ("Voting ends on March 3rd at the town hall.", False),
        ("The gates close at 11 pm sharp.", False),
        ("She flew to Lima on an A380.", False),
        ("Traffic on the M62 was slow.", False),
        ("The G20 summit ended without a deal.", False),
        # ...but an amount is still parsed, even one that looks like a year:
        ("The orchard has 1950 apple trees.", True),
        ("A total of 2010 runners finished the race.", True),
        ("The fine was \u00a32015, the court said.", True),
        ("Ticket prices rose 6% in 2021.", True),
        ("In 2019 the shop took on 14 apprentices.", True),
        ("The vote was 2-1 in favour.", True),
        ("The bill came to 1,850 dollars.", True),
    ],
)
def test_a_year_a_date_or_a_name_alone_makes_no_claim(claims_selector, sentence, wanted):
    assert claims_selector.wanted(sentence, [(0, len(sentence))]) == [wanted]


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("\u201cWe will win,\u201d the coach said. The team trained.", [True, False]),
        ("The mayor said the road would reopen. Traffic moved.", [True, False]),
        ("The drought will last, according to the forecasters. Rain fell.", [True, False]),
        ("\u201cIt was cold. We had no fuel. Then help came,\u201d she recalled.",
         [True, True, True]),  # the middle sentence lies inside the quotation
        ('"Stay home. Keep warm," the nurse urged. The ward was full.', [True, True, False]),
    ],
)
def test_a_quote_sentence_needs_a_mark_a_cue_or_an_open_quotation(quotes_selector, text, wanted):
    assert quotes_selector.wanted(text, quotes_selector.sentences(text)) == wanted


ARTICLES = [
    "The ferry company said on Tuesday that it would cut 120 jobs. Its boats are old.\n\n"
    "Ticket sales fell 8% to \u00a341m last year. Nobody at the harbour was surprised.",
    "Almost half of the gardens in the village flooded. Residents were angry.\n"
    "The council had promised new drains. Two pumps have now arrived, officials said.",
    "Mr. Okafor runs the bakery. He sells about 500 loaves a day, up from 350 in spring.",
    "The choir won the regional prize for the third time. Its conductor was delighted.\n\n"
    "Rents in the old town reached a record high. Tenants have formed a union.",
    "Lindgren is now the world number one. She played her hundredth match in Madrid.",
    # Sentences with only a year or a date are left out; a claim's time still comes from the
    # entities of its own sentence.
    "The museum opened in 1962. Visitors rose 12% to 80,000 in the year to 31 March.\n"
    "It closed on 4 May for repairs. Its director, Ana Ruiz, expects 90,000 next year.",
]


@pytest.fixture(scope="module")
def fast():
    return shared_extractor(ExtractorOptions(only=("claims",), fast=True))


@pytest.fixture(scope="module")
def full():
    return shared_extractor(ExtractorOptions(only=("claims",)))


@pytest.mark.model
@pytest.mark.parametrize("text", ARTICLES)
def test_fast_path_claims_are_the_full_parse_claims(fast, full, text):
    got = fast(text).to_dict()["claims"]
    assert got == full(text).to_dict()["claims"]
    assert got
    for claim in got:
        assert text[claim["start"]:claim["end"]] == claim["text"]
        for quantity in claim["quantities"]:
            assert text[quantity["start"]:quantity["end"]] == quantity["text"]


@pytest.mark.model
def test_sentences_left_out_are_not_parsed_but_stay_sentences(fast):
    parser: FastParser = fast._fast
    text = "The ferry sailed at dawn. It carried 40 cars. The sea was calm."
    (doc,) = parser.pipe([text])
    assert [s.text.strip() for s in doc.sents] == [
        "The ferry sailed at dawn.", "It carried 40 cars.", "The sea was calm."]
    tagged = {t.text for t in doc if t.tag_}
    assert {"carried", "40", "cars"} <= tagged
    assert not tagged & {"ferry", "sailed", "sea", "calm"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("options", "fast_path"),
    [
        (["--only", "claims", "--fast"], True),
        (["--only", "claims"], False),
        (["--only", "quotes", "--fast"], True),
        (["--only", "quotes"], False),
        ([], False),
    ],
)
def test_the_command_line_takes_the_fast_path_when_asked(
    fast, tmp_path, monkeypatch, options, fast_path
):
    calls: list[int] = []
    original = FastParser.pipe

    def counted(self, texts):
        calls.append(1)
        return original(self, texts)

    monkeypatch.setattr(FastParser, "pipe", counted)
    path = tmp_path / "story.txt"
    path.write_text(ARTICLES[0], encoding="utf-8")
    result = CliRunner().invoke(app, ["-q", *options, str(path)])
    assert result.exit_code == 0, result.stderr
    assert bool(calls) is fast_path


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The ferry sailed at dawn. It carried 40 cars. The sea was calm.",
        "Gulls circled the harbour wall. Fares rose 3% on Monday, the operator said. Few minded.",
        "Rain fell all week. \"We sold 12 umbrellas by noon,\" the stallholder said. It stopped.",
    ],
)
def test_a_run_parsed_with_its_neighbours_keeps_trees_of_its_own(fast, text):
    parser: FastParser = fast._fast
    (doc,) = parser.pipe([text])
    plan = parser.plan(doc)
    assert any(wanted for *_, wanted in plan) and not all(wanted for *_, wanted in plan)
    for start, stop, _ in plan:
        for token in doc[start:stop]:
            assert start <= token.head.i < stop  # no head in the context it was parsed with
        assert doc[start].is_sent_start
        assert doc[start].ent_iob_ != "I"


@pytest.mark.model
def test_a_run_gets_the_tags_the_whole_text_gives_it(fast):
    parser: FastParser = fast._fast
    text = "Gulls circled the harbour wall. Fares rose 3% on Monday, the operator said. Few minded."
    (doc,) = parser.pipe([text])
    whole = parser.nlp(text)
    run = [(start, stop) for start, stop, wanted in parser.plan(doc) if wanted]
    assert run
    for start, stop in run:
        assert [t.tag_ for t in doc[start:stop]] == [t.tag_ for t in whole[start:stop]]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The depot won't open. Drivers say they can't wait 3 more weeks. Nobody knows why.",
        "Its owners didn't sell. They'd paid $40m for it, and shan't take less. Talks went on.",
        "Pay rose 2% in Feb. and the union's gonna ask for 5% more. Members agreed.",
    ],
)
def test_a_piece_keeps_the_tokens_and_norms_of_the_whole_text(fast, text):
    from claimx.fastpath import CONTEXT, _pieces

    parser: FastParser = fast._fast
    doc = parser.nlp.make_doc(text)
    plan = parser.plan(doc)
    runs = [(start, stop) for start, stop, wanted in plan if wanted]
    assert runs
    for (start, stop), piece in zip(runs, _pieces(doc, plan), strict=True):
        tokens = doc[max(0, start - CONTEXT):min(len(doc), stop + CONTEXT)]
        assert piece.text == tokens.text
        assert [t.norm_ for t in piece] == [t.norm_ for t in tokens]
    assert any(t.norm_ != t.lower_ for t in doc)  # a tokenizer exception gave its own norm
