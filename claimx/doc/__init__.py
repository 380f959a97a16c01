"""Helpers over a parsed spaCy Doc shared by every extractor: its text, offsets and syntax."""
