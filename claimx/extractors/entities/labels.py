"""The model's label and tag sets the entity passes read, and which gazetteer file gives which
label. These belong to spaCy's annotation scheme, not to the language, so they stay in code."""

from __future__ import annotations

# spaCy's name types; numeric and date types are not names and stay out of the entity list.
NAME_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
     "LANGUAGE"}
)
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL",
                            "CARDINAL"})
# Labels whose names may end in a number (a software version, a tournament's year).
NUMBERED_LABELS = frozenset({"PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC"})
# Labels whose names may end in lower-case words (a law's or a book's title).
LOWER_ENDING_LABELS = frozenset({"WORK_OF_ART", "LAW", "EVENT"})
# Gazetteer file stem suffix -> label ("gazetteer_cities.txt" holds GPE names).
GAZETTEER_LABELS = {
    "gpe": "GPE",
    "cities": "GPE",
    "states": "GPE",
    "countries": "GPE",
    "loc": "LOC",
    "norp": "NORP",
    "org": "ORG",
    "orgs": "ORG",
    "fac": "FAC",
    "event": "EVENT",
    "events": "EVENT",
}
# A city name is also its club's or its government's: these lists relabel the model's other
# labels but leave its ORG alone.
WEAK_GAZETTEERS = frozenset({"cities", "states"})
# Tags of proper nouns, the words of a name (a list: Matcher patterns ask TAG IN it).
NAME_TAGS = ["NNP", "NNPS"]
# Tags of a sentence's first word that is not part of the name the model ran it into.
LEADING_NON_NAME_TAGS = frozenset({"IN", "TO", "CC", "RB", "VBG", "WRB", "PRP", "MD"})
# Tags of a last word that is not part of the name: prepositions, conjunctions, determiners.
TRAILING_NON_NAME_TAGS = frozenset({"IN", "CC", "DT", "TO", "WDT"})
# Tags of words that are not names when the model tags them alone at a sentence start.
NOT_NAME_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS", "VB", "VBD", "VBG", "VBN",
                           "VBP", "VBZ", "IN", "DT", "PRP", "PRP$", "MD", "CC", "UH", "NN",
                           "NNS"})
# Labels of places.
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Furniture kinds whose text holds no names (link text, ids, disclaimers).
BLOCKING_FURNITURE = frozenset({"read_more", "id", "footer"})
