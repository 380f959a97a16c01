"""Shared fixtures: the model loads once per test session (it is a dependency, so these
tests run in CI too)."""

from __future__ import annotations

import pytest

from claimx.api import Extractor
from claimx.batch import ExtractorOptions, shared_extractor
from claimx.extractors.quantities import QuantityFinder


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    # The CLI's own cache, so CLI tests in the same session reuse this loaded model.
    return shared_extractor(ExtractorOptions())


@pytest.fixture(scope="session")
def nlp(extractor: Extractor):
    return extractor.nlp


@pytest.fixture(scope="session")
def patterns(extractor: Extractor):
    return extractor.patterns


@pytest.fixture(scope="session")
def finder(nlp, patterns) -> QuantityFinder:
    """The quantity pass alone, as the claims extractor builds it."""
    return QuantityFinder(nlp, patterns)



def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/ from the current output (review the diff before committing).",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
