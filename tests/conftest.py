"""Shared test set-up."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _run_in_a_temporary_folder(tmp_path, monkeypatch):
    # The CLI keeps its cache in the working folder: keep it out of the checkout.
    monkeypatch.chdir(tmp_path)
