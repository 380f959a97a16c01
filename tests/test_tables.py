"""Tables in running text are furniture: found by the shape of their lines, they give no claims
and no quotes, while prose full of numbers stays prose."""

from __future__ import annotations

import pytest

from claimx.extractors.tables import find_tables

STANDINGS = ("Club P W D L Pts\nRovers 12 9 2 1 29\nAlbion 12 8 1 3 25\n"
             "Wanderers 12 5 4 3 19")
TABLES = [
    # standings with their column heads
    (f"Late goals settled the weekend.\n\n{STANDINGS}\n\nThe next round is in May.",
     STANDINGS),
    # results, one match a line
    ("Results:\nHarbour 2 Millbrook 0\nEastfield 1 Castleton 1\nNorthgate 3 Riverside 2\n",
     "Harbour 2 Millbrook 0\nEastfield 1 Castleton 1\nNorthgate 3 Riverside 2"),
    # a scorer list on its own line (between blank lines)
    ("The visitors never recovered.\n\nOkoro 12, Lindqvist 37 pen, Okoro 58, Baptiste 81.\n\n"
     "Attendance was down on last season.",
     "Okoro 12, Lindqvist 37 pen, Okoro 58, Baptiste 81."),
    # columns aligned by tabs, one row a paragraph
    ("Marathon times\n\nAbebe\t2:06:51\t1st\n\nKorir\t2:07:30\t2nd\n\nWalsh\t2:09:02\t3rd",
     "Abebe\t2:06:51\t1st\n\nKorir\t2:07:30\t2nd\n\nWalsh\t2:09:02\t3rd"),
    # columns aligned by runs of spaces, with CRLF line ends
    ("Region    Sites   Staff\r\nNorth     14      320\r\nSouth     9       210\r\n",
     "Region    Sites   Staff\r\nNorth     14      320\r\nSouth     9       210"),
]


@pytest.mark.parametrize(("text", "table"), TABLES)
def test_a_block_of_rows_is_one_table(text, table):
    ((start, end),) = find_tables(text)
    assert text[start:end] == table


@pytest.mark.parametrize(
    "text",
    [
        "Exports rose 4.1% to $12.6bn in 2023, against 2.9% in 2022 and 1.8% in 2021.",
        "The line carried 41,000 passengers in 2019, 23,500 in 2020 and 37,800 in 2022.\n"
        "Fares went up by 6% in 2021 and by 9% in 2023, the operator said on 14 May.",
        "Ticket sales: 1,200 on Friday, 2,450 on Saturday and 3,900 on Sunday.",
        "She won 6-3 4-6 7-5 and now meets the 12th seed, who beat her 6-2 6-1 in 2022.",
        "Voting Opens At 7am In 140 Towns",
        # one line alone is read as a sentence, however many numbers it holds
        "At noon: FTSE +0.4% DAX +0.1% CAC 40 -0.2% Nikkei +1.1%",
    ],
)
def test_prose_with_many_numbers_is_not_a_table(text):
    assert find_tables(text) == []


@pytest.mark.model
@pytest.mark.parametrize(("text", "table"), TABLES)
def test_a_table_gives_no_claims_and_is_furniture(extractor, text, table):
    document = extractor(text)
    tables = [f for f in document.furniture if f.kind == "table"]
    assert [f.text for f in tables] == [table]
    assert text[tables[0].start:tables[0].end] == table
    for claim in document.claims:
        assert claim.end <= tables[0].start or claim.start >= tables[0].end


@pytest.mark.model
def test_a_quote_in_a_table_line_is_dropped_but_prose_quotes_stay(extractor):
    text = ('"We were ready," the coach said after the match.\n\n'
            'Rovers 12 9 2 1 29 "top"\nAlbion 12 8 1 3 25\n')
    document = extractor(text)
    assert [q.content[0].text for q in document.quotes] == ["We were ready,"]
    assert [c.text for c in document.claims] == []
