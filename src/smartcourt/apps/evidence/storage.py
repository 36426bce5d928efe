"""The stored tree: leaves in ``EvidenceEntry``, interior nodes in tiles (``TreeTile``), and the batch writes.

A tile holds the interior nodes of one ``TILE_HEIGHT``-level subtree (255 hashes when full), in the order
appends complete them, so the right-edge tile of each tile level is a prefix that the next batch extends
(one upsert per tile) and a proof reads whole hashes, with no rehashing. Leaves (level 0) are read from
``EvidenceEntry.leaf_hash``. One proof costs one query (the leaf rows and the few tiles on the path, fixed
SQL through the cursor); with the per-process ``TILE_CACHE`` a warm proof reads only its leaf.

Writes go through the database cursor (``executemany``; ``COPY`` on PostgreSQL), not model instances: a
batch of thousands of entries is a handful of statements.
"""

from __future__ import annotations

import functools
import json
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, transaction

from smartcourt.apps.evidence.models import EvidenceEntry, Ledger, TreeTile
from smartcourt.engines.ledger import Hasher, NodeId, hasher_for
from smartcourt.engines.ledger.errors import NodeNotFoundError

TILE_HEIGHT = 8
"""Tree levels per tile: a full tile holds 2**8 - 1 = 255 interior hashes above 256 nodes.

Part of the storage format: a ledger's tiles are always written and read with this height (the tests lower
it to reach many tile levels with few leaves)."""


def tile_order(height: int | None = None) -> tuple[tuple[tuple[int, int], ...], dict[tuple[int, int], int]]:
    """The nodes of a tile in completion order, as ``(relative level 1..height, relative index)``, and
    the position of each.

    >>> tile_order(2)[0]
    ((1, 0), (1, 1), (2, 0))
    """
    return _tile_order(TILE_HEIGHT if height is None else height)


@functools.cache
def _tile_order(height: int) -> tuple[tuple[tuple[int, int], ...], dict[tuple[int, int], int]]:
    order: list[tuple[int, int]] = []
    for base in range(1 << height):
        r = 1
        while r <= height and (base + 1) % (1 << r) == 0:
            order.append((r, ((base + 1) >> r) - 1))
            r += 1
    return tuple(order), {node: pos for pos, node in enumerate(order)}


def tile_of(level: int, index: int, height: int | None = None) -> tuple[int, int, int]:
    """The tile holding interior node ``(level, index)`` (``level >= 1``) and its position there.

    >>> tile_of(1, 0), tile_of(8, 0), tile_of(9, 0), tile_of(1, 128)
    ((0, 0, 0), (0, 0, 254), (1, 0, 0), (0, 1, 0))
    """
    height = TILE_HEIGHT if height is None else height
    t = (level - 1) // height
    r = level - height * t
    shift = height - r
    i = index >> shift
    return t, i, tile_order(height)[1][(r, index - (i << shift))]


def tile_count(tile_level: int, tile_index: int, size: int, height: int | None = None) -> int:
    """How many hashes tile ``(tile_level, tile_index)`` holds in the tree of ``size`` leaves.

    >>> tile_count(0, 0, 256), tile_count(0, 0, 5), tile_count(0, 1, 300), tile_count(1, 0, 512)
    (255, 3, 41, 1)
    """
    height = TILE_HEIGHT if height is None else height
    base = min(max((size >> (height * tile_level)) - (tile_index << height), 0), 1 << height)
    return base - base.bit_count()


class TileCache:
    """A small per-process LRU of stored tile bytes, keyed by ledger and tile (thread-safe).

    Sound because tiles only grow: a batch extends a tile by appending the hashes it completes, and a
    hash once stored never changes (it is a full subtree), so any prefix read from a committed tile stays
    a prefix of the tile for ever. A cached tile serves the nodes it holds; a node past its end (the
    right-edge tile has grown since) is read again and the longer tile replaces it. The key holds the
    ledger's verifier key, unique per ledger, so a ledger id reused after a rollback never sees another
    ledger's tiles. Only proof generation reads through it (``DatabaseNodeReader(shared=True)``): the
    checks that look for tampering (``ledger_check``, ``entry_check``, verification against the store,
    appends) always read the database.
    """

    def __init__(self, max_tiles: int) -> None:
        self.max_tiles = max_tiles
        self._tiles: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...]) -> bytes | None:
        with self._lock:
            blob = self._tiles.get(key)
            if blob is not None:
                self._tiles.move_to_end(key)
            return blob

    def put(self, items: Iterable[tuple[tuple[Any, ...], bytes]]) -> None:
        with self._lock:
            tiles = self._tiles
            for key, blob in items:
                old = tiles.get(key)
                if old is None or len(blob) > len(old):
                    tiles[key] = blob
                tiles.move_to_end(key)
            while len(tiles) > self.max_tiles:
                tiles.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._tiles.clear()

    def __len__(self) -> int:
        return len(self._tiles)


TILE_CACHE = TileCache(max_tiles=4096)
"""The process's tile cache: at most 4,096 tiles of up to 255 hashes (about 33 MB with SHA-256)."""


class DatabaseNodeReader:
    """A ``NodeReader`` over one ledger's stored leaves and tiles (``NodeNotFoundError`` when missing).

    Reads go through the database cursor with fixed SQL (no queryset compiled per proof, no model
    instances): the leaf rows and the missing tiles of one ``get_nodes`` call in a single query. With
    ``shared=True`` tiles are taken from and added to ``TILE_CACHE`` (additions wait for the enclosing
    transaction to commit, so a rolled-back batch never enters the cache); an inclusion proof then costs
    one query, for its leaf.
    """

    def __init__(self, ledger: Ledger, *, shared: bool = False) -> None:
        self._ledger_id = ledger.pk
        self._hash_size = hasher_for(ledger.hash_algorithm).size
        self._height = TILE_HEIGHT
        self._nodes: dict[tuple[int, int], bytes] = {}
        self._tiles: dict[tuple[int, int], bytes] = {}
        self._shared = (ledger.pk, ledger.verifier_key, self._height) if shared else None

    def get_nodes(self, ids: Sequence[NodeId], /) -> list[bytes]:
        nodes = self._nodes
        missing = [(i.level, i.index) for i in ids if (i.level, i.index) not in nodes]
        if missing:
            self._load(missing)
        out: list[bytes] = []
        for node_id in ids:
            h = nodes.get((node_id.level, node_id.index))
            if h is None:
                raise NodeNotFoundError(node_id.level, node_id.index)
            out.append(h)
        return out

    def tiles(self, keys: Iterable[tuple[int, int]]) -> dict[tuple[int, int], bytes]:
        """The stored hashes of tiles ``(tile level, tile index)``; absent tiles are left out."""
        keys = set(keys)
        wanted = keys - self._tiles.keys()
        if wanted:
            self._fetch([], sorted(wanted))
        return {k: self._tiles[k] for k in keys if k in self._tiles}

    def _load(self, keys: list[tuple[int, int]]) -> None:
        hs, height, shared = self._hash_size, self._height, self._shared
        leaves = [index for level, index in keys if level == 0]
        placed = [(key, tile_of(*key, height)) for key in keys if key[0]]
        wanted: set[tuple[int, int]] = set()
        for _, (t, i, pos) in placed:
            blob = self._tiles.get((t, i))
            if blob is None and shared is not None:
                blob = TILE_CACHE.get((*shared, t, i))
                if blob is not None:
                    self._tiles[(t, i)] = blob
            if blob is None or len(blob) < (pos + 1) * hs:
                wanted.add((t, i))
        if leaves or wanted:
            self._fetch(leaves, sorted(wanted))
        for key, (t, i, pos) in placed:
            blob = self._tiles.get((t, i))
            if blob is not None and len(blob) >= (pos + 1) * hs:
                self._nodes[key] = blob[pos * hs : (pos + 1) * hs]

    def _fetch(self, leaves: list[int], tiles: list[tuple[int, int]]) -> None:
        """Read leaf rows and tiles in one query: ``(-1, leaf index, hash)`` and ``(level, index, hashes)``."""
        parts: list[str] = []
        params: list[Any] = []
        if leaves:
            parts.append(_LEAF_SQL.format(marks=", ".join(["%s"] * len(leaves))))
            params += [self._ledger_id, *leaves]
        if tiles:
            parts.append(_TILE_SQL.format(pairs=" OR ".join([_TILE_PAIR_SQL] * len(tiles))))
            params.append(self._ledger_id)
            for t, i in tiles:
                params += [t, i]
        with connection.cursor() as cursor:
            cursor.execute(_sql(" UNION ALL ".join(parts), connection.vendor), params)
            rows = cursor.fetchall()
        fetched: list[tuple[tuple[Any, ...], bytes]] = []
        for level, index, h in rows:
            h = bytes(h)
            if level < 0:
                self._nodes[(0, index)] = h
            else:
                self._tiles[(level, index)] = h
                if self._shared is not None:
                    fetched.append(((*self._shared, level, index), h))
        if fetched:
            transaction.on_commit(functools.partial(TILE_CACHE.put, fetched))


_LEAF_SQL = "SELECT -1, {{leaf_index}}, {{leaf_hash}} FROM {{entry}} WHERE {{ledger_id}} = %s AND {{leaf_index}} IN ({marks})"
_TILE_SQL = "SELECT {{level}}, {{index}}, {{hashes}} FROM {{tile}} WHERE {{ledger_id}} = %s AND ({pairs})"
_TILE_PAIR_SQL = "({level} = %s AND {index} = %s)"


@functools.lru_cache(maxsize=256)
def _sql(template: str, vendor: str) -> str:
    """Fill the table and column names of a query template, quoted for the backend ``vendor``."""
    qn = connection.ops.quote_name
    names = {
        "entry": qn(EvidenceEntry._meta.db_table),
        "tile": qn(TreeTile._meta.db_table),
        **{c: qn(c) for c in ("ledger_id", "leaf_index", "leaf_hash", "level", "index", "hashes")},
    }
    return template.format(**names)


def tile_writes(
    *,
    rows: Sequence[tuple[int, list[bytes]]],
    size0: int,
    size1: int,
    reader: DatabaseNodeReader,
    hash_size: int,
) -> list[tuple[int, int, bytes]]:
    """The tiles a batch growing the tree from ``size0`` to ``size1`` leaves changes, with their new bytes.

    ``rows[level] = (start, hashes)`` holds the full nodes at ``level`` from index ``start`` up to
    ``(size1 >> level) - 1``, covering every node completed by the batch. A tile that existed keeps its
    stored prefix and is extended in completion order. Raises ``ValueError`` if a stored tile is shorter
    than the tree of ``size0`` needs (a damaged store).
    """
    height = TILE_HEIGHT
    order = tile_order(height)[0]
    changed: list[tuple[int, int, int, int]] = []
    t = 0
    while (size1 >> (height * t)) >= 2:
        b0, b1 = size0 >> (height * t), size1 >> (height * t)
        for i in range(b0 >> height, ((b1 - 1) >> height) + 1):
            c0, c1 = tile_count(t, i, size0, height), tile_count(t, i, size1, height)
            if c1 != c0:
                changed.append((t, i, c0, c1))
        t += 1
    stored = reader.tiles((t, i) for t, i, c0, _ in changed if c0)
    out: list[tuple[int, int, bytes]] = []
    for t, i, c0, c1 in changed:
        prefix = b""
        if c0:
            prefix = stored.get((t, i), b"")[: c0 * hash_size]
            if len(prefix) != c0 * hash_size:
                raise ValueError(f"tile ({t}, {i}) holds fewer than {c0} hashes")
        parts = [prefix]
        for r, k in order[c0:c1]:
            level = height * t + r
            start, row = rows[level]
            parts.append(row[(i << (height - r)) + k - start])
        out.append((t, i, b"".join(parts)))
    return out


def grow(
    hasher: Hasher, size0: int, compact: dict[int, bytes], leaves: list[bytes], height1: int
) -> list[tuple[int, list[bytes]]]:
    """Every node a batch of ``leaves`` completes, level by level, with the old compact-range nodes.

    ``compact`` maps each level of ``range_nodes(0, size0)`` to its hash; ``height1`` is the height of the
    new tree. Returns ``rows[level] = (start, hashes)``: the full nodes at ``level`` from ``start`` to
    ``(size1 >> level) - 1``, where ``start`` is ``size0 >> level``, or one less when the old tree's
    compact range holds a node at that level (its left sibling in every proof of the batch).
    """
    hash_children = hasher.hash_children
    rows: list[tuple[int, list[bytes]]] = []
    row, start, level = leaves, size0, 0
    while True:
        if start & 1:
            row = [compact[level], *row]
            start -= 1
        rows.append((start, row))
        if len(row) < 2 and level + 1 >= height1:
            return rows
        row = [hash_children(row[k], row[k + 1]) for k in range(0, len(row) - 1, 2)]
        start >>= 1
        level += 1


class RowReader:
    """A ``NodeReader`` serving a batch's rows from memory and anything older from the database."""

    def __init__(self, rows: Sequence[tuple[int, list[bytes]]], size1: int, fallback: DatabaseNodeReader):
        self._rows = rows
        self._size1 = size1
        self._fallback = fallback

    def get_nodes(self, ids: Sequence[NodeId], /) -> list[bytes]:
        out: list[bytes | None] = []
        missing: list[NodeId] = []
        for node_id in ids:
            h = None
            if node_id.level < len(self._rows):
                start, row = self._rows[node_id.level]
                if start <= node_id.index < start + len(row):
                    h = row[node_id.index - start]
            if h is None:
                missing.append(node_id)
            out.append(h)
        if missing:
            found = iter(self._fallback.get_nodes(missing))
            return [h if h is not None else next(found) for h in out]
        return out  # type: ignore[return-value]


# --- raw inserts ----------------------------------------------------------------------------------------

_ENTRY_COLUMNS = (
    "ledger_id",
    "leaf_index",
    "kind",
    "leaf_hash",
    "leaf_data",
    "content_hash",
    "metadata",
    "source_id",
    "tree_size",
    "recorded_by_id",
    "recorded_at",
)


def metadata_json(metadata: dict[str, Any]) -> str:
    """The stored text of a metadata object, as Django's ``JSONField`` writes it."""
    return json.dumps(metadata) if metadata else "{}"


def insert_entries(rows: list[tuple[Any, ...]]) -> None:
    """Insert entry rows (values in ``_ENTRY_COLUMNS`` order; ``recorded_at`` adapted for the backend)."""
    qn = connection.ops.quote_name
    table = qn(EvidenceEntry._meta.db_table)
    columns = ", ".join(qn(c) for c in _ENTRY_COLUMNS)
    with connection.cursor() as cursor:
        raw = getattr(cursor.cursor, "copy", None) if connection.vendor == "postgresql" else None
        if raw is not None:
            with raw(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            values = ", ".join(["%s"] * len(_ENTRY_COLUMNS))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({values})", rows)


def upsert_tiles(ledger_id: int, tiles: list[tuple[int, int, bytes]]) -> None:
    """Insert or replace tiles ``(tile level, tile index, hashes)`` of one ledger."""
    if not tiles:
        return
    qn = connection.ops.quote_name
    table = qn(TreeTile._meta.db_table)
    key = f"{qn('ledger_id')}, {qn('level')}, {qn('index')}"
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({key}, {qn('hashes')}) VALUES (%s, %s, %s, %s) "
            f"ON CONFLICT ({key}) DO UPDATE SET {qn('hashes')} = excluded.{qn('hashes')}",
            [(ledger_id, t, i, h) for t, i, h in tiles],
        )
