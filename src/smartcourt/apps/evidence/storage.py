"""Reading the stored tree: the engine's ``NodeReader`` over the database, with an in-memory overlay.

Leaves (level 0) are read from ``EvidenceEntry.leaf_hash``, interior nodes from ``TreeNode``; one proof
costs at most two queries of O(log n) rows. Nodes just written in the current batch are served from the
overlay, and every node read is cached, so the receipts of one batch share their reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, TreeNode
from smartcourt.engines.ledger import Node, NodeId
from smartcourt.engines.ledger.errors import NodeNotFoundError


class DatabaseNodeReader:
    """A ``NodeReader`` over one ledger's stored leaves and nodes (``NodeNotFoundError`` when missing)."""

    def __init__(self, ledger: Ledger) -> None:
        self._ledger_id = ledger.pk
        self._cache: dict[tuple[int, int], bytes] = {}

    def add(self, nodes: Iterable[Node]) -> None:
        """Serve ``nodes`` (written in this transaction) without reading them back."""
        for node in nodes:
            self._cache[(node.level, node.index)] = node.hash

    def get_nodes(self, ids: Sequence[NodeId], /) -> list[bytes]:
        cache = self._cache
        missing = [(i.level, i.index) for i in ids if (i.level, i.index) not in cache]
        if missing:
            self._load(missing)
        out: list[bytes] = []
        for node_id in ids:
            h = cache.get((node_id.level, node_id.index))
            if h is None:
                raise NodeNotFoundError(node_id.level, node_id.index)
            out.append(h)
        return out

    def _load(self, keys: list[tuple[int, int]]) -> None:
        leaves = [index for level, index in keys if level == 0]
        if leaves:
            rows = EvidenceEntry.objects.filter(ledger_id=self._ledger_id, leaf_index__in=leaves).values_list(
                "leaf_index", "leaf_hash"
            )
            for index, h in rows:
                self._cache[(0, index)] = bytes(h)
        wanted = {(level, index) for level, index in keys if level}
        if wanted:
            # One indexed query over (ledger, level, index); the cross product of the IN lists is small.
            rows = TreeNode.objects.filter(
                ledger_id=self._ledger_id,
                level__in={level for level, _ in wanted},
                index__in={index for _, index in wanted},
            ).values_list("level", "index", "hash")
            for level, index, h in rows:
                if (level, index) in wanted:
                    self._cache[(level, index)] = bytes(h)
