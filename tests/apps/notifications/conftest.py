"""The loopback webhook gateway and immediate sending, shared with the service tests."""

from tests.apps.messaging_fixtures import Gateway, gateway, sends_at_once

__all__ = ["Gateway", "gateway", "sends_at_once"]
