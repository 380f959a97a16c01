"""Entities: one record per real-world entity, clean names, one label, linked mentions.

Every text here was written for these tests in the style of wire news.
"""

from __future__ import annotations

import pytest

from claimx.models import Entity

pytestmark = pytest.mark.model


def entities(extractor, text: str) -> list[Entity]:
    return list(extractor(text).entities)


def by_name(ents: list[Entity], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert found, f"no entity named {name!r} in {[e.name for e in ents]}"
    return found[0]


def all_mention_texts(ents: list[Entity]) -> list[str]:
    return [m.text for e in ents for m in e.mentions]


@pytest.mark.parametrize(
    ("text", "name", "label", "alias"),
    [
        (
            "Prime Minister Maria Kowalczyk opened the new bridge in Gdansk on Friday. "
            "Kowalczyk said the crossing would cut travel times by half.",
            "Maria Kowalczyk",
            "PERSON",
            "Kowalczyk",
        ),
        (
            "President Rafael Montoya flew to Lima on Tuesday. Later that day President "
            "Montoya met business leaders, and Montoya promised lower taxes.",
            "Rafael Montoya",
            "PERSON",
            "Montoya",
        ),
        (
            "The World Meteorological Organization (WMO) warned of a hotter summer. "
            "Forecasters at the WMO said records were likely to fall.",
            "World Meteorological Organization",
            "ORG",
            "WMO",
        ),
        (
            "The Asian Development Bank approved a new loan for rural roads. ADB officials "
            "said work would start in the spring.",
            "Asian Development Bank",
            "ORG",
            "ADB",
        ),
    ],
)
def test_linking(extractor, text, name, label, alias):
    ents = entities(extractor, text)
    entity = by_name(ents, name)
    assert entity.label == label
    assert alias in entity.aliases
    # One record per real-world entity: the alias is not a second entity.
    assert not [e for e in ents if e.name == alias]
    assert all(m.label == label for m in entity.mentions)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # The small model calls a country many things in one story; the gazetteer settles it.
        (
            "Kazakhstan is building three new data centres. Kazakhstan wants to export "
            "cloud services, and Kazakhstan's regulator has set new rules. Critics say "
            "Kazakhstan moves too fast.",
            "Kazakhstan",
            "GPE",
        ),
        (
            "Uzbekistan welcomed the delegates. Uzbekistan hopes the talks bring investment "
            "to Uzbekistan's textile sector.",
            "Uzbekistan",
            "GPE",
        ),
        ("Hundreds of Chileans marched in Santiago on Sunday.", "Chileans", "NORP"),
        ("Leaders of NATO met in Riga to discuss air defence.", "NATO", "ORG"),
        ("Fishing fleets left the Caspian Sea ports early.", "Caspian Sea", "LOC"),
    ],
)
def test_one_label_per_entity(extractor, text, name, label):
    ents = entities(extractor, text)
    entity = by_name(ents, name)
    assert entity.label == label
    assert {m.label for m in entity.mentions} == {label}
    assert len([e for e in ents if e.name == name]) == 1


@pytest.mark.parametrize(
    ("text", "expected", "unwanted"),
    [
        ("Talks with the European Commission stalled on Monday.", "European Commission",
         "the European Commission"),
        ("Norway's oil fund sold its last coal shares.", "Norway", "Norway's"),
        ("Exports grew.\n  • Chile's copper sales rose sharply in March.", "Chile", "• Chile's"),
        ("Deputy Minister Oleg Petrenko visited the port of Odesa.", "Oleg Petrenko",
         "Deputy Minister Oleg Petrenko"),
        ("Sen. Laura Whitfield said the bill would pass.", "Laura Whitfield",
         "Sen. Laura Whitfield"),
    ],
)
def test_boundaries(extractor, text, expected, unwanted):
    texts = all_mention_texts(entities(extractor, text))
    assert expected in texts
    assert unwanted not in texts


def test_no_numeric_types(extractor):
    text = "Revenue rose 12% to $4.5 billion in 2023, Siemens said on Tuesday."
    ents = entities(extractor, text)
    assert {e.label for e in ents} <= {"ORG", "PERSON", "GPE", "LOC", "NORP"}
    assert "Siemens" in [e.name for e in ents]


def test_results_rows_are_clubs(extractor):
    text = (
        "Results of Portuguese first division matches on Saturday :\n"
        "Sporting Braga 2 Vitoria Guimaraes 1\n"
        "Porto 3 Boavista 0\n"
        "Benfica 1 Maritimo 1\n"
    )
    ents = entities(extractor, text)
    for club in ("Sporting Braga", "Vitoria Guimaraes", "Porto", "Boavista", "Benfica",
                 "Maritimo"):
        assert by_name(ents, club).label == "ORG"


def test_spaced_dash_separates_names(extractor):
    text = "Squads :\nNorway - Erling Dahl , Martin Solberg\nPoland - Piotr Nowicki\n"
    texts = all_mention_texts(entities(extractor, text))
    assert "Norway" in texts and "Poland" in texts
    assert not [t for t in texts if " - " in t]


def test_name_does_not_run_past_a_line_break(extractor):
    text = "By Giulia Ferraro\n\nHeavy rain forced hundreds from their homes on Monday."
    texts = all_mention_texts(entities(extractor, text))
    assert "Giulia Ferraro" in texts
    assert not [t for t in texts if "Heavy" in t]


def test_table_numbers_stay_out(extractor):
    text = (
        "Group B standings after Sunday's games:\n"
        "Brazil 3 2 1 0 7\n"
        "Portugal 3 1 1 1 4\n"
        "Ghana 3 0 0 3 1\n"
    )
    texts = all_mention_texts(entities(extractor, text))
    for country in ("Brazil", "Portugal", "Ghana"):
        assert country in texts
    assert not [t for t in texts if any(ch.isdigit() for ch in t)]


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        (
            "Lisbon Moves Ahead With Bold Tram Plan\n\nLisbon city council approved a plan "
            "for four new tram lines on Wednesday.",
            "Lisbon Moves Ahead",
            "Lisbon",
        ),
        (
            "Nairobi Sets Course As Regional Fintech Leader\n\nStartups in Nairobi raised "
            "record funding this year, investors in Nairobi said.",
            "Nairobi Sets Course",
            "Nairobi",
        ),
    ],
)
def test_title_case_headline(extractor, text, fragment, name):
    ents = entities(extractor, text)
    assert not [t for t in all_mention_texts(ents) if t.startswith(fragment)]
    city = by_name(ents, name)
    assert city.label == "GPE"
    assert city.mentions[0].start == 0


def test_capitals_headline(extractor):
    text = (
        "CHILE AND PERU SIGN WATER PACT\n\n"
        "Chile and Peru signed an agreement on Thursday to share water from two rivers, "
        "officials in Chile said."
    )
    ents = entities(extractor, text)
    for name in ("Chile", "Peru"):
        entity = by_name(ents, name)
        assert entity.label == "GPE"
        assert entity.mentions[0].text == name.upper()


def test_furniture_names(extractor):
    text = (
        "Monday, 04 March 2024 09:30 GMT\n\n"
        "Tbilisi Hosts Regional Energy Forum\n\n"
        "(MENAFN- CaspianWire) Nino Beridze Read more\n\n"
        "Georgia hosted energy ministers from five countries in Tbilisi this week.\n\n"
        "MENAFN04032024000187011022ID1107700011\n\n"
        "CaspianWire\n\n"
        "Legal Disclaimer:\n"
        "CaspianWire passes this content on as received and vouches for none of it.\n"
    )
    ents = entities(extractor, text)
    texts = all_mention_texts(ents)
    assert "GMT" not in texts
    assert not [t for t in texts if "Read" in t or "Disclaimer" in t or "\n" in t]
    assert not [t for t in texts if any(ch.isdigit() for ch in t)]
    assert by_name(ents, "Nino Beridze").label == "PERSON"
    assert by_name(ents, "Tbilisi").label == "GPE"


def test_ids_in_order_and_offsets(extractor):
    text = (
        "Ukraine and Poland agreed on a new grain corridor. Officials in Warsaw said "
        "Ukraine would ship more wheat through Polish ports."
    )
    ents = entities(extractor, text)
    assert [e.id for e in ents] == [f"e{i}" for i in range(1, len(ents) + 1)]
    firsts = [e.mentions[0].start for e in ents]
    assert firsts == sorted(firsts)
    for entity in ents:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    "text",
    ["", "   ", "...", "((( ”“ '''", "🙂🙂 \x00\x01 ÆØÅ", "9" * 400, "The\n\n\n\nthe 's 's",
     "(ITU) ( ) (X", "• • •\n•"],
)
def test_never_crashes(extractor, text):
    for entity in entities(extractor, text):
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("VALLETTA, Malta, April 9 (Reuters) - Ferry crews went on strike on Tuesday.",
         "VALLETTA"),
        ("ESBJERG 2024-04-09\nWind turbine makers hired 300 workers at the port.", "ESBJERG"),
        ("PORT-GENTIL , Gabon 2024-04-09\nOil output rose in March .", "PORT-GENTIL"),
    ],
)
def test_dateline_place_stays_a_place(extractor, text, place):
    ents = entities(extractor, text)
    found = [e for e in ents if any(m.text == place for m in e.mentions)]
    assert found and found[0].label == "GPE"
    assert [f.kind for f in extractor(text).furniture] == ["dateline"]


def test_wire_source_and_disclaimer(extractor):
    text = (
        "(MENAFN- HarbourPost) Dock workers in Aqaba ended their strike on Sunday.\n\n"
        "HarbourPost\n\nLegal Disclaimer:\nMENAFN provides the information as is.\n"
    )
    ents = entities(extractor, text)
    source = by_name(ents, "HarbourPost")
    assert source.label == "ORG"
    assert [m.text for m in source.mentions] == ["HarbourPost", "HarbourPost"]
    assert not [t for t in all_mention_texts(ents) if "Disclaimer" in t or "MENAFN-" in t]


def test_bracketed_source_before_a_byline_is_one_org(extractor):
    text = ("(Nordic Courier) Lena Fischer Read more\n\n"
            "Oslo opened a new tram line on Monday.\n")
    assert [f.kind for f in extractor(text).furniture] == ["wire_tag", "byline", "read_more"]
    ents = entities(extractor, text)
    assert by_name(ents, "Nordic Courier").label == "ORG"
    assert not [t for t in all_mention_texts(ents) if t in ("Nordic", "Courier")]


def test_company_first_word_links_to_full_name(extractor):
    text = (
        "Altona Group said on Monday it would cut 500 jobs at its German plants. "
        "Shares in Altona fell 4% after the announcement."
    )
    ents = entities(extractor, text)
    company = by_name(ents, "Altona Group")
    assert company.label == "ORG"
    assert "Altona" in company.aliases


def test_every_occurrence_of_a_name_is_a_mention(extractor):
    text = (
        "Northgate Freight Services won the contract on Monday. Rivals had expected "
        "Northgate Freight Services to lose it, and Northgate Freight Services said it "
        "would hire 200 drivers."
    )
    ents = entities(extractor, text)
    assert len(by_name(ents, "Northgate Freight Services").mentions) == 3


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("the president", "Tomas Halvorsen"), ("the foreign minister", "Ingrid Dahl")],
)
def test_role_resolves_to_the_titled_person(extractor, phrase, name):
    from claimx.extractors.entities import resolve_role

    text = (
        "President Tomas Halvorsen opened the summit in Tromso. Foreign Minister Ingrid Dahl "
        "spoke next. Later the president said the talks went well, and the foreign minister "
        "agreed."
    )
    ents = entities(extractor, text)
    start = text.index(phrase)
    entity = resolve_role(text, start, start + len(phrase), ents)
    assert entity is not None and entity.name == name
    # Role phrases are resolved on demand; they are not name mentions.
    assert phrase not in [m.text.lower() for m in entity.mentions]


def test_role_without_a_titled_person(extractor):
    from claimx.extractors.entities import resolve_role

    text = "Maria Lopez opened the forum. Later the president said the talks went well."
    start = text.index("the president")
    assert resolve_role(text, start, start + 13, entities(extractor, text)) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Winds of 120 km/h were expected in Porto and Aveiro overnight.", "Aveiro"),
        ("Ferries between Lisbon and Madeira were suspended on Sunday.", "Madeira"),
    ],
)
def test_place_coordinated_with_a_known_place(extractor, text, name):
    assert by_name(entities(extractor, text), name).label == "GPE"


def test_players_in_a_scores_table(extractor):
    text = (
        "Leading scores after the third round ( British unless stated ) :\n"
        "204 Lee Westwood 68 67 69\n"
        "206 Bernhard Langer ( Germany ) 70 68 68\n"
    )
    ents = entities(extractor, text)
    assert by_name(ents, "Lee Westwood").label == "PERSON"
    assert by_name(ents, "Bernhard Langer").label == "PERSON"
    assert by_name(ents, "Germany").label == "GPE"


def test_sentence_opening_preposition_is_not_part_of_a_name(extractor):
    text = (
        "Across Scotland, job centres will close on Friday. Unions in Scotland said the "
        "plan would hit rural towns hardest."
    )
    ents = entities(extractor, text)
    place = by_name(ents, "Scotland")
    assert place.label == "GPE"
    assert not [t for t in all_mention_texts(ents) if t.startswith("Across")]


def test_personal_honorific_marks_a_person(extractor):
    text = (
        "The inquiry led by Lord Pemberton found no wrongdoing. Pemberton said the "
        "evidence was clear, and Mr Castell agreed."
    )
    ents = entities(extractor, text)
    assert by_name(ents, "Pemberton").label == "PERSON"
    assert by_name(ents, "Castell").label == "PERSON"


def test_headline_name_the_body_repeats(extractor):
    text = (
        "Granite Peak Outfitters Posts Record Sales\n\n"
        "Granite Peak Outfitters said on Tuesday that sales rose 9% in the quarter."
    )
    company = by_name(entities(extractor, text), "Granite Peak Outfitters")
    assert company.label == "ORG"
    assert len(company.mentions) == 2


def test_hyphenated_organisation_name(extractor):
    text = (
        "The Organisation for Economic Co-operation and Development (OECD) cut its forecast. "
        "The OECD now expects slower growth."
    )
    ents = entities(extractor, text)
    oecd = by_name(ents, "Organisation for Economic Co-operation and Development")
    assert oecd.label == "ORG" and "OECD" in oecd.aliases


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("The warning came from Ruben Almagro, a spokesman for the agency.", "Ruben Almagro",
         "PERSON"),
        ("Up to a third of the harvest in Cazorla province could be lost.", "Cazorla", "GPE"),
        ("Councillor Amara Nwosu voted against the plan.", "Amara Nwosu", "PERSON"),
        ("Researchers at South Dakota University found the samples were mislabelled.",
         "South Dakota University", "ORG"),
        ("Grants come from the Research and Digital Skills Agency, officials said.",
         "Research and Digital Skills Agency", "ORG"),
    ],
)
def test_context_settles_the_type(extractor, text, name, label):
    assert by_name(entities(extractor, text), name).label == label


def test_first_name_links_to_the_one_person_with_it(extractor):
    text = (
        "Petra Kvitova beat Elena Dementieva in straight sets on Monday. Petra served "
        "eleven aces, and Kvitova said she felt ready for the Australian Open."
    )
    ents = entities(extractor, text)
    player = by_name(ents, "Petra Kvitova")
    assert {"Petra", "Kvitova"} <= set(player.aliases)
    assert by_name(ents, "Australian Open").label == "EVENT"


def test_scorers_in_brackets_are_people(extractor):
    text = (
        "Scottish first division results :\n"
        "Falkirk 2 ( Mackay 14 , Reid 77 ) Dunfermline 1 ( Hume 60 )\n"
        "Livingston 0 Morton 1 ( Weatherson 88 )\n"
    )
    ents = entities(extractor, text)
    for club in ("Falkirk", "Dunfermline", "Livingston", "Morton"):
        assert by_name(ents, club).label == "ORG"
    for scorer in ("Mackay", "Reid", "Hume", "Weatherson"):
        assert by_name(ents, scorer).label == "PERSON"


def _bench_module():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "benchmarks" / "entities.py"
    spec = importlib.util.spec_from_file_location("claimx_bench_entities", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_scores_exact_spans_with_conll_labels():
    bench = _bench_module()
    gold = {("d", 0, 5, "LOC"), ("d", 10, 15, "PER"), ("d", 20, 24, "MISC")}
    labels = [("d", 0, 5, "GPE"), ("d", 10, 14, "PERSON"), ("d", 20, 24, "NORP"),
              ("d", 30, 34, "DATE")]
    pred = {(d, s, e, bench.map_label(lab, "conll")) for d, s, e, lab in labels
            if bench.map_label(lab, "conll")}
    table = bench.score(gold, pred)
    assert table["micro"] == (2, 3, 3)  # the PER span is one character short: no credit
    assert table["PER"] == (0, 1, 1)
    precision, recall, f1 = bench.prf(*table["micro"])
    assert (round(precision, 1), round(recall, 1), round(f1, 1)) == (66.7, 66.7, 66.7)


def test_city_and_its_club_are_two_entities(extractor):
    text = (
        "CARDIFF 2024-06-03\n"
        "Cardiff flanker Owain Rees and Swansea centre Mark Pugh were named in the squad ."
    )
    ents = entities(extractor, text)
    labels = {(m.text, e.label) for e in ents for m in e.mentions}
    assert ("CARDIFF", "GPE") in labels
    assert ("Cardiff", "ORG") in labels
    assert ("Swansea", "ORG") in labels


def test_surname_that_is_also_a_month(extractor):
    text = (
        "Prime Minister Helen May met the striking nurses on Monday. May said a deal was "
        "close, and talks will resume in May."
    )
    ents = entities(extractor, text)
    person = by_name(ents, "Helen May")
    assert len(person.mentions) == 2
    month = text.rindex("May")
    assert month not in [m.start for m in person.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sevilla drew with Real Betis 1-1 in the derby on Sunday.",
         {("Sevilla", "ORG"), ("Real Betis", "ORG")}),
        ("Brazil beat Argentina 2-0 in Sao Paulo on Wednesday.",
         {("Brazil", "GPE"), ("Argentina", "GPE")}),
        ("Lucia Moreno beat Anna Berg 6-4 7-5 in the final.",
         {("Lucia Moreno", "PERSON"), ("Anna Berg", "PERSON")}),
    ],
)
def test_match_reports(extractor, text, expected):
    found = {(m.text, e.label) for e in entities(extractor, text) for m in e.mentions}
    assert expected <= found


@pytest.mark.parametrize(
    ("user_file", "text", "expected"),
    [
        (("entity_trailing_roles.txt", "MLA\n"),
         "A spokesman for the Northmoor MLA said the vote was close.",
         (["Northmoor MLA"], ["Northmoor"])),
        (("entity_stoplist.txt", "halloran\n"), "Halloran said the vote was close.",
         (["Halloran"], [])),
    ],
)
def test_user_word_lists_reach_the_entity_passes(nlp, tmp_path, user_file, text, expected):
    from claimx.extractors.entities import EntityExtractor
    from claimx.rules.loader import load_patterns

    file_name, entries = user_file
    (tmp_path / file_name).write_text(entries, encoding="utf-8")
    doc = nlp(text)
    built_in = EntityExtractor(nlp, load_patterns())
    with_user = EntityExtractor(nlp, load_patterns([tmp_path]))
    before, after = expected
    assert all_mention_texts(built_in(doc)) == before
    assert all_mention_texts(with_user(doc)) == after


def entity_of(ents: list[Entity], start: int) -> Entity:
    """The entity that has a mention starting at ``start``."""
    found = [e for e in ents if any(m.start == start for m in e.mentions)]
    assert found, f"no mention at {start} in {[(e.name, e.mentions) for e in ents]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "husband", "wife_form"),
    [
        (
            "Tom Grant, the Republican candidate, spoke in Dayton on Monday. Grant promised "
            "new jobs. His wife, Mrs. Grant, said the family would campaign across Ohio.",
            "Tom Grant",
            "Mrs. Grant",
        ),
        (
            "Senator Peter Lindqvist arrived in Oslo late on Friday. Lindqvist met the mayor, "
            "while Mrs Lindqvist visited a children's hospital nearby.",
            "Peter Lindqvist",
            "Mrs Lindqvist",
        ),
        (
            "The winemaker David Okoro has sold his vineyard. Okoro bought it in 1998, and "
            "Ms. Okoro ran its shop for twenty years.",
            "David Okoro",
            "Ms. Okoro",
        ),
    ],
)
def test_titled_surname_of_the_other_gender_is_someone_else(extractor, text, husband, wife_form):
    ents = entities(extractor, text)
    man = by_name(ents, husband)
    surname = husband.split()[-1]
    assert surname in man.aliases  # the bare surname still goes to him
    wife = entity_of(ents, text.index(wife_form) + len(wife_form) - len(surname))
    assert wife is not man
    assert wife.label == "PERSON"


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "Anna Berg and Lars Berg founded the bakery in 1990. Lars Berg bakes at night, "
            "and Berg says he has not taken a holiday since.",
            {"Lars Berg": ["Berg says"]},
        ),
        (
            "The striker Carlos Mendes joined in May. His cousin Rui Mendes plays in defence. "
            "On Saturday Carlos Mendes scored twice, and Mendes celebrated with the fans. "
            "Rui Mendes was injured later, so Mendes left the pitch on a stretcher.",
            {"Carlos Mendes": ["Mendes celebrated"], "Rui Mendes": ["Mendes left"]},
        ),
        (
            "Judge Helen Park and her brother Daniel Park both sat on the panel. Daniel Park "
            "asked the first question, and Park then read the charges aloud.",
            {"Daniel Park": ["Park then"]},
        ),
    ],
)
def test_shared_surname_goes_to_the_person_last_named(extractor, text, owners):
    ents = entities(extractor, text)
    for full, phrases in owners.items():
        person = by_name(ents, full)
        for phrase in phrases:
            assert entity_of(ents, text.index(phrase)) is person
    # The shared surname is never an entity of its own.
    surname = next(iter(owners)).split()[-1]
    assert not [e for e in ents if e.name == surname]


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        (
            "The Reserve Bank of Australia held rates on Tuesday. The Reserve Bank said "
            "inflation was easing, and the Bank will meet again in March.",
            "Reserve Bank of Australia",
            "Bank",
        ),
        (
            "Officials at the Ministry of Justice filed the papers on Monday, and a spokesman "
            "for the Ministry said the case would be heard in June.",
            "Ministry of Justice",
            "Ministry",
        ),
        (
            "The Federal Commission for Energy Regulation fined two suppliers. The "
            "Commission said the fines would fund a hardship scheme.",
            "Federal Commission for Energy Regulation",
            "Commission",
        ),
        # A suffix that only says what kind of body it is ("Party", "Group").
        ("Labour won the seat. The Labour Party has held it since 1997, and Labour "
         "activists celebrated.", "Labour Party", "Labour"),
        ("The Harbour Party took four seats in the port city. Harbour candidates won "
         "every ward by the docks, and the Harbour Party will now lead the council.",
         "Harbour Party", "Harbour"),
        ("Officials from the Velmar Group met the unions. A lawyer for Velmar said the "
         "Velmar Group would keep both plants open.", "Velmar Group", "Velmar"),
    ],
)
def test_short_form_of_an_organisation_joins_it(extractor, text, name, alias):
    ents = entities(extractor, text)
    org = by_name(ents, name)
    assert org.label == "ORG"
    assert alias in org.aliases
    assert not [e for e in ents if e.name == alias]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Dana Whitfield, chief economist at Harland Capital, said growth would slow.",
         "Dana Whitfield", "chief economist at Harland Capital"),
        ("Marco Silva, the governor of the central bank, said inflation was falling.",
         "Marco Silva", "governor of the central bank"),
        ('"We are ready," said Ines Duarte, a spokeswoman for the ministry.',
         "Ines Duarte", "spokeswoman for the ministry"),
        ("Chief executive Sam Ortiz told reporters the plant would close.",
         "Sam Ortiz", "Chief executive"),
        ("Prime Minister Maria Kowalczyk opened the bridge in Gdansk on Friday.",
         "Maria Kowalczyk", "Prime Minister"),
        ("Deputy Minister of Finance Carlos Ibarra presented the budget.",
         "Carlos Ibarra", "Deputy Minister of Finance"),
        ('"Costs have risen," said its chief executive, Jane Roe.', "Jane Roe",
         "chief executive"),
        ("The company's finance director, Omar Haddad, said costs had risen.", "Omar Haddad",
         "finance director"),
        ("A spokesman for the hospital, Liam Byrne, confirmed the figures.", "Liam Byrne",
         "spokesman for the hospital"),
        ("The chairman, Sir Ian Hale, opened the meeting.", "Ian Hale", "chairman"),
        ("Its new chairman Sir Ian Hale opened the meeting.", "Ian Hale", "chairman"),
        ("The former chief executive Ruth Abara joined the board.", "Ruth Abara",
         "former chief executive"),
        # An age in apposition, a bare courtesy title or qualifier, a count are not roles.
        ("The former Tom Grant of the 1990s was hard to recognise.", "Tom Grant", None),
        ("Tom Grant, 45, said he would run again.", "Tom Grant", None),
        ("Mrs. Helen Achterberg opened the new library in Utrecht.", "Helen Achterberg", None),
        ("Peter Lindqvist arrived in Oslo late on Friday.", "Peter Lindqvist", None),
    ],
)
def test_person_role_from_the_article(extractor, text, name, role):
    assert by_name(entities(extractor, text), name).role == role


def test_role_is_in_the_record(extractor):
    record = extractor("Dana Whitfield, chief economist at Harland Capital, said growth would "
                       "slow.").to_dict()
    roles = {e["name"]: e["role"] for e in record["entities"]}
    assert roles == {"Dana Whitfield": "chief economist at Harland Capital",
                     "Harland Capital": None}


def label_of(ents: list[Entity], name: str) -> str:
    return by_name(ents, name).label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # A name the article writes after "the" is not a person's.
        ("Members of the Marlowe met on Tuesday, and the Marlowe will vote in June.",
         "Marlowe", "ORG"),
        ("Depositors queued outside the Ellersby on Friday, and the Ellersby promised to pay "
         "everyone.", "Ellersby", "ORG"),
        ("Members of the Pelham voted to merge, and the Pelham will now be run from Leeds.",
         "Pelham", "ORG"),
        # A name that speaks is a person or a body, not a place.
        ("Savers at the Whitmore have been promised their money back, the Whitmore said.",
         "Whitmore", "ORG"),
        ("Port Arden said the strike had ended.", "Port Arden", "ORG"),
        ("The Kessington has paid its members a bonus, the Kessington said.",
         "Kessington", "ORG"),
        # ... but "the Obama administration" keeps the person.
        ("The Obama administration defended the rule in court.", "Obama", "PERSON"),
    ],
)
def test_label_from_how_the_article_uses_the_name(extractor, text, name, label):
    assert label_of(entities(extractor, text), name) == label


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Manchester United beat the visitors on Saturday.", "Manchester United", "ORG"),
        ("Glasgow Rangers lost to Aberdeen Wanderers in the cup.", "Glasgow Rangers", "ORG"),
        ("Norwich City sacked their manager after a run of defeats.", "Norwich City", "ORG"),
        # After a state, "City" makes a town.
        ("Texas City lies on the coast south of Houston.", "Texas City", "GPE"),
    ],
)
def test_a_place_and_a_club_word_make_a_club(extractor, text, name, label):
    assert label_of(entities(extractor, text), name) == label


def test_a_club_short_name_joins_the_club(extractor):
    text = ("Manchester United beat Leeds on Saturday, and United now sit third. "
            "Fans of United sang all evening.")
    club = by_name(entities(extractor, text), "Manchester United")
    assert club.label == "ORG"
    assert [m.text for m in club.mentions] == ["Manchester United", "United", "United"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("ANALYSIS\nWhat the vote means for Ireland\nVoters in Ireland backed the change by a "
         "wide margin.\n", ["Ireland", "Ireland"]),
        ("COMMENTARY\nWhy rents keep rising\nRents in Dublin rose again this year.\n",
         ["Dublin"]),
        ("OBITUARY\nA painter of quiet harbours\nShe painted the same three boats for forty "
         "years.\n", []),
        # The body confirms the kicker's name, or the gazetteer knows it: it stays.
        ("NEWSWEEK\nVoters head to the polls\nNewsweek reported that turnout was high.\n",
         ["NEWSWEEK", "Newsweek"]),
        ("ZAGREB\nCroatia to raise pensions\nThe government said pensions would rise in "
         "January.\n", ["ZAGREB", "Croatia"]),
    ],
)
def test_a_kicker_word_is_a_name_only_when_confirmed(extractor, text, kept):
    assert all_mention_texts(entities(extractor, text)) == kept


@pytest.mark.parametrize(
    ("text", "husband"),
    [
        ('Tom Grant spoke in Dayton on Monday. Grant promised new jobs. "We will win," '
         "Mrs. Grant said after the rally.", "Tom Grant"),
        ('Peter Lindqvist flew to Oslo. Lindqvist met the mayor. "It was a long day," '
         "Mrs Lindqvist told reporters.", "Peter Lindqvist"),
        ('The grower David Okoro sold his vineyard. Okoro bought it in 1998. "We will miss '
         'it," Ms. Okoro said.', "David Okoro"),
    ],
)
def test_a_quote_by_mrs_goes_to_her_not_her_husband(extractor, text, husband):
    doc = extractor(text)
    man = by_name(list(doc.entities), husband)
    speakers = [q.speaker.entity for q in doc.quotes if q.type == "direct" and q.speaker]
    assert speakers and speakers[0] is not None and speakers[0] != man.id
