"""The Python API: claimx.extract, Extractor.pipe and the spaCy components."""

from __future__ import annotations

import claimx
from claimx.models import Document

STORY = "Exports rose 6% to $4.2bn in May, Canada's trade ministry said."


def test_extract_returns_a_document_and_stays_callable():
    first = claimx.extract(STORY)
    # Building an Extractor imports every extractor module; the function must survive that.
    claimx.Extractor(only=["entities"])
    second = claimx.extract(STORY)
    assert isinstance(first, Document) and first == second
    assert [q.value for c in first.claims for q in c.quantities][:2] == [6.0, 4.2e9]


def test_pipe_takes_texts_or_text_meta_tuples_in_order(extractor):
    docs = list(extractor.pipe([STORY, (STORY, {"id": "b", "section": "trade"}), ""]))
    assert [d.id for d in docs] == ["0", "b", "2"]
    assert docs[1].meta == {"section": "trade"}
    assert docs[2].claims == () and docs[2].errors == ()


def test_to_dict_is_the_contract_record(extractor):
    record = extractor(STORY).to_dict()
    assert list(record) == ["id", "source", "meta", "date", "claims", "entities", "quotes",
                            "furniture", "errors", "claimx"]
    assert record["claimx"]["version"] == claimx.__version__


def test_spacy_components_store_results_on_the_doc():
    from claimx.pipeline import load_model

    nlp = load_model()
    for name in ("claimx_furniture", "claimx_entities", "claimx_claims", "claimx_quotes"):
        nlp.add_pipe(name)
    doc = nlp(STORY)
    assert [q.text for c in doc._.claimx_claims for q in c.quantities][:2] == ["6%", "$4.2bn"]
    assert [span.text for span in doc.spans["claimx_claims"]] == [
        c.text for c in doc._.claimx_claims
    ]
    assert [(e.name, e.label) for e in doc._.claimx_entities] == [("Canada", "GPE")]
