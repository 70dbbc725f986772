"""Fixtures shared by the core's tests: the trained pipeline for the NLP integration tests."""

from __future__ import annotations

import pytest

from annotations.nlp.pipeline import Pipeline, load_pipeline


@pytest.fixture(scope="module")
def model() -> Pipeline:
    """The default trained pipeline, loaded once for each test module that asks for it."""
    p = load_pipeline(None)
    assert p.has_ner, "these tests need the trained pipeline"
    return p
