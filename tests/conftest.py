"""Shared test set-up."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _run_in_a_temporary_folder(tmp_path, monkeypatch):
    # The CLI keeps its cache in the working folder: keep it out of the checkout.
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def languagetool_url():
    """A stand-in LanguageTool server on 127.0.0.1, for the whole test session."""
    from tests.integrations import languagetool_fake

    server, base = languagetool_fake.start()
    yield base
    server.shutdown()
