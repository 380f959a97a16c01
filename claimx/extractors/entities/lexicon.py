"""The entity passes' vocabulary, read once from ``patterns/entities/`` (and ``--patterns``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.extractors.entities.labels import GAZETTEER_LABELS

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet


@dataclass(frozen=True)
class GazetteerList:
    """One ``gazetteer_<kind>.txt`` word list and the label its kind gives."""

    name: str
    kind: str
    label: str
    phrases: tuple[str, ...]


def gazetteer_lists(patterns: PatternSet) -> list[GazetteerList]:
    """The gazetteer word lists whose kind claimx knows, in file-stem order."""
    lists = []
    for name, words in sorted(patterns.words.items()):
        if not name.startswith("gazetteer"):
            continue
        kind = name.rsplit("_", 1)[-1].lower()
        label = GAZETTEER_LABELS.get(kind)
        if label is not None:
            lists.append(GazetteerList(name, kind, label, tuple(w for w in words if w.strip())))
    return lists


@dataclass(frozen=True)
class Lexicon:
    """Every word list the entity passes compare tokens with (lower case unless noted)."""

    joiners: frozenset[str]
    articles: frozenset[str]
    possessives: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    personal_honorifics: frozenset[str]
    lone_titles: frozenset[str]
    trailing_roles: frozenset[str]  # case as written
    first_names: frozenset[str]  # case as written
    stoplist: frozenset[str]
    generic_heads: frozenset[str]
    org_heads: frozenset[str]
    company_nouns: frozenset[str]  # "insurer", "side": what a business or club is
    event_heads: frozenset[str]  # "Open", "Games": last words of an event's name
    team_words: frozenset[str]
    club_words: frozenset[str]
    club_city_words: frozenset[str]  # club words only after a city ("Hull City")
    match_verbs: frozenset[str]
    match_particles: frozenset[str]
    place_prepositions: frozenset[str]
    place_coordinators: frozenset[str]
    natural_places: frozenset[str]
    place_nouns: frozenset[str]  # natural and administrative places
    role_determiners: frozenset[str]
    role_modifiers: frozenset[str]  # "former", "acting": no role alone
    byline_words: frozenset[str]
    name_conjunctions: frozenset[str]
    the_names: frozenset[str]  # gazetteer names written with "the" ("The Hague")
    gender_titles: dict[str, str]  # "mrs" -> "f"
    given_genders: dict[str, str]  # "Tom" -> "m", case as written
    deal_verbs: frozenset[str]  # every inflected form: "acquired", "merged"
    speech_verbs: frozenset[str]  # every inflected form ("said", "told"), shared with quotes
    person_nouns: frozenset[str]  # "striker", "chairman": nouns whose usual sense is a person
    pronoun_refers: dict[str, str]  # "he" -> "person", "it" -> "thing" (speaker_pronouns.tsv)

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> Lexicon:
        def words(name: str) -> frozenset[str]:
            return patterns.word_list(f"entity_{name}")

        natural = words("natural_places")
        given = (patterns.word_list(n, lower=False) for n in patterns.words if n.startswith("name"))
        the_names = {
            phrase.lower()
            for gazetteer in gazetteer_lists(patterns)
            for phrase in gazetteer.phrases
            if phrase.lower().startswith("the ")
        }
        return cls(
            joiners=words("joiners"),
            articles=words("articles"),
            possessives=words("possessives"),
            titles=patterns.word_list("titles"),
            honorifics=words("honorifics"),
            personal_honorifics=words("personal_honorifics"),
            lone_titles=words("lone_titles"),
            trailing_roles=patterns.word_list("entity_trailing_roles", lower=False),
            first_names=frozenset().union(*given),
            stoplist=words("stoplist"),
            generic_heads=words("generic_heads"),
            org_heads=words("org_heads") | words("legal_forms"),
            event_heads=words("event_heads"),
            company_nouns=words("company_nouns"),
            team_words=words("team_words"),
            club_words=words("club_words"),
            club_city_words=words("club_city_words"),
            match_verbs=words("match_verbs"),
            match_particles=words("match_particles"),
            place_prepositions=words("place_prepositions"),
            place_coordinators=words("place_coordinators"),
            natural_places=natural,
            place_nouns=natural | words("admin_places"),
            role_determiners=words("role_determiners"),
            role_modifiers=words("role_modifiers"),
            byline_words=words("byline_words"),
            name_conjunctions=words("name_conjunctions"),
            the_names=frozenset(the_names),
            gender_titles={r[0].lower(): r[1] for r in patterns.table("entity_gender_titles")},
            given_genders={row[0]: row[1] for row in patterns.table("names_gender")},
            deal_verbs=words("deal_verbs"),
            speech_verbs=patterns.word_list("cue_verbs"),
            person_nouns=patterns.word_list("speaker_person_nouns"),
            pronoun_refers={str(row["pronoun"]).lower(): str(row["refers"])
                            for row in patterns.rows("speaker_pronouns")},
        )
