"""The model-file tests' fixture: a valid saved file."""
from __future__ import annotations

import pytest
from modelfile_helpers import full_bundle

from dlstudio.io import save_model


@pytest.fixture
def saved(tmp_path):
    """A valid file and the bundle it was saved from."""
    path = tmp_path / "model.dls"
    bundle = full_bundle()
    save_model(path, bundle)
    return path, bundle
