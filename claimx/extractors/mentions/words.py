"""The vocabulary of mentions: pronouns, gender titles and given names, description nouns
(persons, organisation heads, titles, speaker_descriptions.tsv), read once per extractor."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimx.extractors.mentions.descriptions import PERSON, TITLE

if TYPE_CHECKING:
    from claimx.rules.loader import PatternSet


@dataclass(frozen=True)
class MentionWords:
    """The vocabulary of mentions (patterns/quotes/speaker_*, names_gender.tsv and the
    entities' articles, organisation heads and titles), read once per extractor."""

    pronouns: Mapping[str, tuple[str, str | None]]  # pronoun -> what it refers to, gender
    gender_title: re.Pattern[str]  # a title that tells the gender, right before a mention
    drop_left: frozenset[str]  # words a speaker phrase may start with that are not its own
    articles: frozenset[str]
    given_names: Mapping[str, str]  # given name -> the gender it usually carries
    descriptions: Mapping[str, str]  # description noun -> "person", "thing" or TITLE
    speech: frozenset[str]  # speech verbs (cue_verbs.txt): a noun that is their subject spoke

    @classmethod
    def from_patterns(cls, patterns: PatternSet) -> MentionWords:
        pronouns = {str(row["pronoun"]).lower(): (str(row["refers"]), _text(row["gender"]))
                    for row in patterns.rows("speaker_pronouns")}
        titles = patterns.table("speaker_gender_titles")
        # Honorifics that tell a person's gender when they stand right before a mention.
        alternatives = "|".join(
            rf"\b(?P<{g}>{'|'.join(re.escape(t) for t, tg in titles if tg == g) or '(?!x)x'})"
            r"\.?\s+$" for g in ("m", "f"))
        return cls(
            pronouns=pronouns,
            gender_title=re.compile(alternatives),
            drop_left=patterns.word_list("speaker_drop_left"),
            articles=patterns.word_list("entity_articles"),
            given_names={row[0]: row[1] for row in patterns.table("names_gender")
                         if len(row) > 1 and row[1] in ("f", "m")},
            descriptions=_descriptions(patterns),
            speech=patterns.word_list("cue_verbs"),
        )


def _descriptions(patterns: PatternSet) -> dict[str, str]:
    """Description nouns: nouns of persons, the entities' organisation heads and person
    titles, and the nouns of speaker_descriptions.tsv."""
    # Nouns whose usual sense is a person (WordNet) first: every list after them overrides.
    nouns = dict.fromkeys(patterns.word_list("speaker_person_nouns"), PERSON)
    nouns.update(dict.fromkeys(patterns.word_list("entity_org_heads"), "thing"))
    nouns.update(dict.fromkeys(patterns.word_list("titles"), TITLE))
    nouns.update((str(row["noun"]).lower(), str(row["refers"]))
                 for row in patterns.rows("speaker_descriptions"))
    return nouns


def _text(cell: object) -> str | None:
    return cell if isinstance(cell, str) else None
