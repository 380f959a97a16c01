"""The mention layer: one resolver per document that quote speakers and claim sources share.

Descriptions go to the entity the article named, names inside the speaker's own noun phrase
are who speaks, a claim inside a quote is the quote's speaker's, and a claim's own source
resolves to the same entity the quotes would give it.
"""

from __future__ import annotations

import pytest

from claimx.extractors.mentions import MentionWords, document_mentions


def _entity_name(document, entity_id):
    return next(e.name for e in document.entities if e.id == entity_id)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a bare title before "and": the conjunct is the same person
        ("Former sprint champion and television host Mirela Danton believes that 30% of "
         "tracks will close.", "Mirela Danton"),
        ("Veteran coach and author Sam Okoro thinks the league will lose 3 clubs.",
         "Sam Okoro"),
        ("Long-serving councillor and school governor Pat Ferreira said 90 pupils had no "
         "place.", "Pat Ferreira"),
    ],
)
def test_the_name_inside_the_speakers_phrase_speaks(extractor, text, speaker):
    quotes = extractor(text).quotes
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.name == speaker
    assert quotes[0].speaker.entity is not None
    assert quotes[0].speaker.mention.text.endswith(speaker)


@pytest.mark.parametrize(
    "text",
    [
        # two people: a determiner makes "the mayor" someone of her own
        "The mayor and Lena Fisk said that 40% of riders will quit.",
        "Her lawyer and Ravi Anand said the deal was worth $4m.",
        "The coach and Teo Brandt said 12 players were injured.",
    ],
)
def test_a_determined_noun_and_a_name_are_two_speakers(extractor, text):
    quotes = extractor(text).quotes
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.entity is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Asked about the figures, Tom Reed, Valley Farmers Network said: "Prices fell '
         '10%."', "Tom Reed"),
        ('Ann Cole, Delta Freight said the strike cost 2 million dollars.', "Ann Cole"),
        ('Nina Park, Riverside Tenants Union said: "We lost 200 members."', "Nina Park"),
    ],
)
def test_a_person_before_their_affiliation_speaks(extractor, text, speaker):
    quotes = extractor(text).quotes
    assert quotes and quotes[0].speaker is not None
    assert quotes[0].speaker.name == speaker
    assert quotes[0].speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # one organisation in view: "the company", "the firm", "the lender"
        ("Veltor Corp cut 300 jobs last year. The company said it would hire 150 people "
         "next spring.", "Veltor Corp"),
        ("Ostrava Logistics opened two depots in May. The firm said 80 drivers had been "
         "hired.", "Ostrava Logistics"),
        # the name carries the noun: "the bank" for the one bank, with a company between
        # several in view, one of them the subject: the one the text is about
        ("Veltor Corp sued Norland Media Inc. in March. The company said damages were $2m.",
         "Veltor Corp"),
        ("The Reserve Bank of Pelora raised rates twice. Halden Motors cut 20 jobs. The bank "
         "said inflation would fall to 3%.", "Reserve Bank of Pelora"),
        # a title the article gave the person
        ("Governor Maria Lopez visited the port on Monday. The governor said 60 berths would "
         "be added.", "Maria Lopez"),
        # a situational description goes to the person in focus
        ("John Miller toured three factories in Ohio. The candidate said 2,000 jobs were at "
         "stake.", "John Miller"),
    ],
)
def test_a_description_goes_to_the_entity_the_article_named(extractor, text, name):
    document = extractor(text)
    quote = document.quotes[-1]
    assert quote.speaker is not None and quote.speaker.entity is not None
    assert quote.speaker.mention.text.lower().startswith("the ")
    assert _entity_name(document, quote.speaker.entity) == name


@pytest.mark.parametrize(
    "text",
    [
        # two organisations in focus as subjects, and no name that carries the noun: left
        # unresolved on purpose
        "Veltor Corp sued Norland Media Inc. in March. Norland Media Inc. denied the claim. "
        "The company said damages were $2m.",
        "Ostrava Logistics Ltd and Kestrel Freight Ltd merged. The firm said 80 drivers would go.",
        # a title never goes to whoever is in focus, only to a person given it
        "John Miller toured three factories in Ohio. The minister said 2,000 jobs were at "
        "stake.",
        # a modified description names a body of its own, unless a name carries its noun
        "Veltor Corp cut 300 jobs last year. The regional council said 40 families had "
        "moved away.",
        "Halden Motors opened a plant in May. The local union said 90 workers had joined.",
        # a wire tag names no one the article refers to
        "LONDON (Reuters) - Bus fares rose sharply this spring. Fares rose 12% in May, the "
        "company said.",
        # a plural names no one
        "Veltor Corp and Norland Media Inc. were fined. The companies said they would pay 5%.",
    ],
)
def test_a_description_with_no_single_referent_stays_unresolved(extractor, text):
    quotes = extractor(text).quotes
    assert quotes and quotes[-1].speaker is not None
    assert quotes[-1].speaker.entity is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Dana Holt runs the clinic. "We saw 400 patients in June," she said.', "Dana Holt"),
        ('Marek Vos, the club\'s chairman, said: "Ticket sales rose 15% this season."',
         "Marek Vos"),
        ('Norland Media Inc. posted its results. "Revenue grew 9% to $30m," the company said.',
         "Norland Media Inc."),
    ],
)
def test_a_claim_inside_a_quote_carries_its_speaker(extractor, text, speaker):
    document = extractor(text)
    quote = next(q for q in document.quotes if q.type == "direct")
    claims = [c for c in document.claims
              if any(s.start <= c.start and c.end <= s.end for s in quote.content)]
    assert claims
    for claim in claims:
        assert claim.source is not None
        assert claim.source.quote == quote.id
        assert claim.source.entity == quote.speaker.entity
        assert _entity_name(document, claim.source.entity) == speaker
        assert (claim.source.start, claim.source.end) == (quote.speaker.mention.start,
                                                          quote.speaker.mention.end)


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        ("Halden Motors sold 4,000 cars. It said it would build 500 more next year.", "It",
         "Halden Motors"),
        ("According to Pelora Statistics, 12% of homes are empty.", "Pelora Statistics",
         "Pelora Statistics"),
        ("Maria Lopez spoke on Monday. She said 60 berths would be added.", "She",
         "Maria Lopez"),
    ],
)
def test_a_claims_own_source_resolves_to_an_entity(extractor, text, source, name):
    document = extractor(text)
    sourced = [c for c in document.claims if c.source is not None]
    assert sourced
    claim = sourced[-1]
    assert claim.source.text == source
    assert claim.source.entity is not None
    assert _entity_name(document, claim.source.entity) == name
    # the quotes give the same words the same entity
    speakers = [q.speaker for q in document.quotes if q.speaker is not None
                and q.speaker.mention.start == claim.source.start]
    assert all(s.entity == claim.source.entity for s in speakers)


def test_the_layer_is_built_once_per_document(extractor, patterns):
    doc = extractor.nlp("Veltor Corp cut 300 jobs. It said more would go.")
    words = MentionWords.from_patterns(patterns)
    first = document_mentions(doc, (), words=words)
    assert document_mentions(doc, (), words=words) is first
    assert first.resolve(doc[6]) is first.resolve(doc[6])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a title rules out the person of the other gender who shares the surname
        ("Senator Paul Hendry and his wife, Laura Hendry, toured the plant. Mrs. Hendry said "
         "200 jobs were at risk.", "Laura Hendry"),
        ("Laura Hendry met her husband Paul Hendry in Ohio. Mr. Hendry said the plan would "
         "cost $3m.", "Paul Hendry"),
        # a bare surname: the one of them most recently in focus
        ("Paul Hendry spoke first. Then Laura Hendry took questions. Hendry said 40 families "
         "had written to her.", "Laura Hendry"),
    ],
)
def test_a_shared_surname_goes_to_the_compatible_person_in_focus(extractor, text, name):
    document = extractor(text)
    quote = document.quotes[-1]
    claim = document.claims[-1]
    assert quote.speaker is not None and quote.speaker.name == name
    assert claim.source is not None and claim.source.entity == quote.speaker.entity
    assert _entity_name(document, claim.source.entity) == name


def _speakers(document):
    ents = {e.id: e.name for e in document.entities}
    return [(q.speaker.mention.text, ents.get(q.speaker.entity)) for q in document.quotes
            if q.speaker is not None and q.speaker.mention is not None]


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # a body that speaks for its possessor: the person
        ("Governor Laura Whitfield opened her bid on Monday. Her campaign said it had raised "
         "$2 million.", "Her campaign", "Laura Whitfield"),
        ("Mayor Rufus Okonjo toured the depot. Okonjo's office said 14 buses were idle.",
         "Okonjo's office", "Rufus Okonjo"),
        ("Senator Greta Lindqvist spoke in Akron. Lindqvist's spokeswoman said 300 people "
         "came.", "Lindqvist's spokeswoman", "Greta Lindqvist"),
    ],
)
def test_a_possessed_voice_speaks_for_its_possessor(extractor, text, mention, name):
    assert (mention, name) in _speakers(extractor(text))


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # "the campaign" alone: the possessor of the last campaign the text gave
        ("Laura Whitfield entered the race in May. Her campaign said 5,000 donors had given. "
         "The campaign said 60% were new.", "The campaign", "Laura Whitfield"),
        # "it" and "they": the body that was the subject just before
        ("Candidate Rufus Okonjo spoke in Dayton. His campaign said 900 people came. They "
         "said 40 volunteers signed up.", "They", "Rufus Okonjo"),
        ("Halvorsen Group lost two vessels in June. The company said 30 crew were safe. "
         "It said insurers would pay $8m.", "It", "Halvorsen Group"),
    ],
)
def test_it_they_and_the_campaign_follow_the_body_in_focus(extractor, text, mention, name):
    assert (mention, name) in _speakers(extractor(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the subject just before is an unnamed body: "it" is that body, not an older name
        ("Pellham Labs said its test cut errors by 40%. The water authority said it would buy "
         "20 units. It said each would cost $5,000.", "The water authority"),
        ("Ardent Foods reported a loss of $3m. The city council said it would review the "
         "contract. It said 12 schools were affected.", "The city council"),
        ("Corbell Bank raised its rate to 5%. The transport agency said it had 200 "
         "complaints. It said most came from savers.", "The transport agency"),
    ],
)
def test_it_takes_the_unnamed_body_that_was_the_subject(extractor, text, name):
    quote = extractor(text).quotes[-1]
    assert quote.speaker is not None and quote.speaker.mention.text == "It"
    assert quote.speaker.name == name and quote.speaker.entity is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a person between the body and "it" is skipped: "it" is no person
        ("Varda Rail said fares would rise 4%. Its chief, Nils Ekberg, said 80 trains were "
         "late. It said the new timetable starts in May.", "Varda Rail"),
        # "they" is no single person either
        ("Greenfield Alliance said 2,000 trees were planted. Director Ama Boateng said 30 "
         "schools joined. They said 500 more would follow.", "Greenfield Alliance"),
        # "he" after a "she" for the same person: someone else
        ("Author Tove Brandvik met the critic Oskar Lund. Asked about sales, she said 5,000 "
         "copies sold. Brandvik thanked Lund. He said 300 readers came.", "Oskar Lund"),
    ],
)
def test_a_pronoun_agrees_with_its_referent(extractor, text, name):
    document = extractor(text)
    quote = document.quotes[-1]
    assert quote.speaker is not None and quote.speaker.entity is not None
    assert _entity_name(document, quote.speaker.entity) == name


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "after/when/because X said": when or why it happened, not who says so
        ("Shares in Tolland Steel fell 7% on Friday after the firm said two furnaces had "
         "shut.", None),
        ("Bond yields jumped to 4.8% when the central bank said inflation was sticky.", None),
        ("Sales grew 9% because the chain said it would cut prices.", None),
        # "as X said" attributes
        ("Exports rose 6% last year, as the ministry said on Monday.", "the ministry"),
    ],
)
def test_an_event_clause_with_a_speech_verb_attributes_nothing(extractor, text, source):
    claims = extractor(text).claims
    assert claims
    first = claims[0]
    assert (first.source.text if first.source is not None else None) == source


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the only man named before "he" is who asked: "he" is someone else
        ("Coach Amy Ferris arrived late. Asked by presenter Joel Baines about the injury, he "
         "said 3 players were out.", None),
        ("Governor Helen Pike toured the plant. Asked by journalist Rick Adair about jobs, he "
         "said 500 would go.", None),
        # another man in view: him
        ("Judge Sharon Mendes and Paul Achebe left the court. Questioned by reporter Sean "
         "Ruddock, he said the fine was $9,000.", "Paul Achebe"),
    ],
)
def test_the_addressee_is_never_the_speaker(extractor, text, name):
    document = extractor(text)
    quote = document.quotes[-1]
    assert quote.addressee is not None and quote.speaker is not None
    assert quote.speaker.entity != quote.addressee.entity
    found = _entity_name(document, quote.speaker.entity) if quote.speaker.entity else None
    assert found == name
    claim = document.claims[-1]
    assert claim.source is not None and claim.source.entity == quote.speaker.entity


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a plain noun that spoke is who "they"/"it" are, as written
        ("The school's governors said 40 pupils had left. They said 6 teachers would go.",
         "The school's governors"),
        ("Local farmers said the drought cost them $2m. They said 30 wells were dry.",
         "Local farmers"),
        ("The inspection report said 14 wards were unsafe. It said 3 should close.",
         "The inspection report"),
    ],
)
def test_they_and_it_take_a_plain_noun_that_spoke(extractor, text, name):
    quote = extractor(text).quotes[-1]
    assert quote.speaker is not None and quote.speaker.mention.text in ("They", "It")
    assert quote.speaker.name == name
