"""Property tests: any text at all gives a record, never a crash, and every span's offsets
hold on the text as given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spanwalk import iter_spans

NEWSY = st.sampled_from(
    [
        "said", "“", "”", '"', "'", "‘", "’", "«", "»", "''", "%", "$", "£", "€", "1.5bn",
        "more than", "nearly all", "12:17", "2024", "3G", "-", "—", "\n\n", ":", ",", ".",
        "President", "Aliyev", "ITU", "(", ")", "according to", "rose", "to", "from", "•",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(NEWSY, st.text(max_size=8)), max_size=60).map(" ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_any_text_gives_a_record_whose_spans_index_the_text(extractor, text):
    doc = extractor(text)
    record = doc.to_dict()
    assert record["errors"] == [], record["errors"]
    for span in iter_spans(record):
        assert 0 <= span["start"] <= span["end"] <= len(text)
        assert text[span["start"] : span["end"]] == span["text"]
