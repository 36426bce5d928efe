import pytest

from tests.apps.factories import World, make_world


@pytest.fixture
def world(db: None) -> World:
    return make_world()
