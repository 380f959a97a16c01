"""Extractors: one package per family, each built once per model and rule set and called on a
parsed spaCy Doc, returning claimx's result records (``claimx.models``)."""
