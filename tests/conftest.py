"""Shared fixtures: the model loads once per test session (it is a dependency, so these
tests run in CI too)."""

from __future__ import annotations

import pytest

from claimx.extractor import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def patterns(extractor: Extractor):
    return extractor.patterns
