"""Shared test configuration: hypothesis profiles and the path to ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI: fixed, derandomised and bounded. QUANTNORM_HYPOTHESIS=long for a deeper search.
settings.register_profile(
    "ci", max_examples=150, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("QUANTNORM_HYPOTHESIS", "ci"))

SHARED = Path(os.environ.get("QUANTNORM_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the project (CI provides it); tests that need it skip without it."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared data folder {SHARED} is not there")
    return SHARED
