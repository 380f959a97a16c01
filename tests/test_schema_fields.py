"""The JSON Schema covers the dates, resolved times and flags: real output validates."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

SCHEMA = json.loads((resources.files("claimx") / "record.schema.json").read_text("utf-8"))


@pytest.mark.parametrize(("text", "date"), [
    ("Timber shipments slipped 3% over the second quarter of 2023, forestry officials said.",
     None),
    ("Rents could climb 5% between 2024 and 2026 if supply stays tight.", "2024-02-01"),
    ("Monday, 4 March 2024\n\nThe mill did not hire 80 people last week.", None),
    ("\u201cWe never promised 500 homes,\u201d the developer said on Friday.", "2024-09-10"),
    ("Ticket sales have doubled since 2019, according to the league.", "2023-01-15"),
])
def test_output_with_every_new_field_validates(extractor, text, date):
    (doc,) = extractor.pipe([text], date=date)
    record = doc.to_dict()
    jsonschema.validate(record, SCHEMA, cls=jsonschema.Draft202012Validator)
    assert all(key in claim for claim in record["claims"]
               for key in ("negated", "modal", "voice"))
    assert all("negated" in quote for quote in record["quotes"])


@pytest.mark.parametrize("value", ["2024-05-08", "2024-W19", "2024-05", "2024-Q3", "2024",
                                   "2010/2020", "2019/..", "2023-Q4/2024-Q2", None])
def test_the_schema_takes_every_shape_of_resolved_time(value):
    time = SCHEMA["$defs"]["claim"]["properties"]["time"]
    record = {"start": 0, "end": 4, "text": "when", "value": value}
    jsonschema.validate(record, {**time, "$defs": SCHEMA["$defs"]})


@pytest.mark.parametrize("value", ["last month", "2024-5", "Q3"])
def test_the_schema_refuses_an_unresolved_string(value):
    time = SCHEMA["$defs"]["claim"]["properties"]["time"]
    record = {"start": 0, "end": 4, "text": "when", "value": value}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, {**time, "$defs": SCHEMA["$defs"]})
