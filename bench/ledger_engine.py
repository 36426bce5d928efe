"""Throughput of the evidence ledger engine, each figure next to the raw hashlib ceiling of the same work.

    .venv/bin/python bench/ledger_engine.py                      # 10^6 x 1 KB entries, proofs at 10^7 leaves
    .venv/bin/python bench/ledger_engine.py --entries 100000 --proof-tree-size 1000000   # a quick run

What is measured, in one process, on the same data:

- leaf hashing: ``hasher.hash_leaf(entry)`` over N entries of ``--entry-size`` bytes, against the same
  RFC 9162 leaf hash ``hashlib.<alg>(0x00 || entry).digest()`` in a bare list comprehension (the bare
  ``hashlib.<alg>(entry)`` without the prefix is printed too, for reference);
- appends: ``CompactRange.append(leaf_hash)`` over the N leaf hashes (it returns the completed nodes),
  then the same while persisting them in a ``MemoryNodeStore``, against the N - 1 interior node hashes
  ``hashlib.<alg>(0x01 || left || right)`` that any RFC 9162 tree of N leaves needs, done in a bare loop;
- proofs at ``--proof-tree-size`` leaves (SHA-256): a ``MemoryNodeStore`` holding every full-subtree hash
  (built level by level; the leaves are 8-byte indices, as proof cost does not depend on entry size),
  inclusion and consistency proofs generated for random indices and sizes, and verified; the ceiling is the
  bare hashlib loop that folds the same proof (one node hash per proof node; a consistency check hashes
  between one and two per node, so its ratio can reach 0.5 at best).

Figures are per second, each the best of three runs with the garbage collector paused, engine and ceiling
runs interleaved; "ratio" is engine / ceiling. Not a test: it asserts nothing but correctness of a
sample.
"""

from __future__ import annotations

import argparse
import functools
import gc
import hashlib
import os
import platform
import random
import shlex
import ssl
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from smartcourt.engines.ledger import (
    SHA256,
    CompactRange,
    MemoryNodeStore,
    MerkleHasher,
    NodeId,
    consistency_proof,
    hasher_for,
    inclusion_proof,
    range_nodes,
    verify_consistency,
    verify_inclusion,
)

REPEAT = 3


def _once(fn: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start
    finally:
        gc.enable()


def _timed(fn: Callable[[], object]) -> float:
    """Best wall time of ``REPEAT`` runs of ``fn()``, the garbage collector paused as ``timeit`` does."""
    return min(_once(fn) for _ in range(REPEAT))


def _compared(engine: Callable[[], object], ceiling: Callable[[], object]) -> tuple[float, float]:
    """Best times of the engine and its ceiling, runs interleaved so that load drift hits both alike."""
    runs = [(_once(ceiling), _once(engine)) for _ in range(REPEAT)]
    return min(e for _, e in runs), min(c for c, _ in runs)


def _row(label: str, count: int, engine_s: float, ceiling_s: float | None, unit: str = "/s") -> None:
    rate = count / engine_s
    if ceiling_s is None:
        print(f"  {label:<44} {rate:>14,.0f} {unit}")
        return
    ceiling = count / ceiling_s
    print(
        f"  {label:<44} {rate:>14,.0f} {unit}   ceiling {ceiling:>14,.0f} {unit}   ratio {rate / ceiling:5.2f}"
    )


def _raw_new(alg: str) -> Callable[[bytes], Any]:
    """The bare hashlib constructor, called inline as ``new(data).digest()`` in the ceiling loops."""
    return hashlib.sha256 if alg == "sha256" else functools.partial(hashlib.new, alg)


def bench_appends(hasher: MerkleHasher, entries: list[bytes]) -> None:
    n = len(entries)
    new = _raw_new(hasher.name)
    print(f"\n{hasher.name} ({hasher.backend}): {n:,} entries of {len(entries[0]):,} bytes")

    bare = _timed(lambda: [new(e).digest() for e in entries])
    print(f"  {'(bare hashlib digest of the entries)':<44} {n / bare:>14,.0f} /s")
    hash_leaf = hasher.hash_leaf
    engine_leaf, ceiling_leaf = _compared(
        lambda: [hash_leaf(e) for e in entries], lambda: [new(b"\x00" + e).digest() for e in entries]
    )
    leaf_hashes = [hash_leaf(e) for e in entries]
    _row("leaf hashes (hash_leaf)", n, engine_leaf, ceiling_leaf)

    def raw_tree() -> None:
        level = leaf_hashes
        while len(level) > 1:
            nxt = [new(b"\x01" + level[i] + level[i + 1]).digest() for i in range(0, len(level) - 1, 2)]
            if len(level) % 2:
                nxt.append(level[-1])
            level = nxt

    roots: set[bytes] = set()

    def append_all() -> None:
        cr = CompactRange(hasher)
        append = cr.append
        for h in leaf_hashes:
            append(h)
        roots.add(cr.root())

    engine_append, ceiling_tree = _compared(append_all, raw_tree)
    _row("appends (CompactRange.append)", n, engine_append, ceiling_tree)

    def append_and_store_all() -> None:
        cr, store = CompactRange(hasher), MemoryNodeStore()
        append, add = cr.append, store.add
        for h in leaf_hashes:
            add(append(h))
        roots.add(cr.root())

    engine_store, ceiling_store = _compared(append_and_store_all, raw_tree)
    _row("appends + MemoryNodeStore.add", n, engine_store, ceiling_store)
    _row("hash_leaf + append, end to end", n, engine_leaf + engine_append, ceiling_leaf + ceiling_tree)
    assert len(roots) == 1


def bench_proofs(size: int, samples: int, rng: random.Random) -> None:
    hasher = SHA256
    new = hashlib.sha256
    print(f"\nproofs at tree size {size:,} (sha256), {samples:,} random samples each")
    start = time.perf_counter()
    leaves = [hasher.hash_leaf(i.to_bytes(8, "big")) for i in range(size)]
    store = MemoryNodeStore.from_leaf_hashes(hasher, leaves)
    del leaves
    print(
        f"  node store: MemoryNodeStore with all {store.node_count:,} full-subtree hashes,"
        f" built in {time.perf_counter() - start:.1f} s"
    )
    root = CompactRange.from_hashes(hasher, size, store.get_nodes(range_nodes(0, size))).root()

    indices = [rng.randrange(size) for _ in range(samples)]
    gen = _timed(lambda: [inclusion_proof(hasher, i, size, store) for i in indices])
    proofs = [inclusion_proof(hasher, i, size, store) for i in indices]
    leaf_of = store.get_nodes([NodeId(0, i) for i in indices])

    def verify_all() -> None:
        for i, leaf, proof in zip(indices, leaf_of, proofs, strict=True):
            verify_inclusion(hasher, i, size, leaf, proof, root)

    def fold_all() -> None:
        for leaf, proof in zip(leaf_of, proofs, strict=True):
            h = leaf
            for p in proof:
                h = new(b"\x01" + p + h).digest()

    ver, ceiling = _compared(verify_all, fold_all)
    mean_len = sum(map(len, proofs)) / len(proofs)
    _row(f"inclusion proofs generated ({mean_len:.1f} nodes)", samples, gen, ceiling)
    _row("inclusion proofs verified", samples, ver, ceiling)

    sizes1 = [rng.randrange(1, size) for _ in range(samples)]
    cgen = _timed(lambda: [consistency_proof(hasher, m, size, store) for m in sizes1])
    cproofs = [consistency_proof(hasher, m, size, store) for m in sizes1]
    roots1 = [CompactRange.from_hashes(hasher, m, store.get_nodes(range_nodes(0, m))).root() for m in sizes1]

    def cverify_all() -> None:
        for m, r1, proof in zip(sizes1, roots1, cproofs, strict=True):
            verify_consistency(hasher, m, size, proof, r1, root)

    def cfold_all() -> None:  # every proof node is hashed at least once (into the new root)
        for r1, proof in zip(roots1, cproofs, strict=True):
            h = r1
            for p in proof:
                h = new(b"\x01" + p + h).digest()

    cver, cceiling = _compared(cverify_all, cfold_all)
    mean_clen = sum(map(len, cproofs)) / len(cproofs)
    _row(f"consistency proofs generated ({mean_clen:.1f} nodes)", samples, cgen, cceiling)
    _row("consistency proofs verified", samples, cver, cceiling)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=1_000_000, help="entries to hash and append")
    parser.add_argument("--entry-size", type=int, default=1024, help="bytes per entry")
    parser.add_argument("--hashes", default="sha256,sm3", help="comma-separated: sha256, sm3")
    parser.add_argument("--proof-tree-size", type=int, default=10_000_000, help="tree size for proof figures")
    parser.add_argument("--proofs", type=int, default=20_000, help="random proofs per figure")
    parser.add_argument("--seed", type=int, default=9162)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    command = shlex.join([os.path.relpath(sys.executable), os.path.relpath(__file__), *sys.argv[1:]])
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    models = [line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")]
    cpu = models[0] if models else platform.processor()
    print("smartcourt ledger engine benchmark")
    print(f"  command: {command}")
    print(
        f"  python {platform.python_version()}, {ssl.OPENSSL_VERSION}, {cpu}, {os.cpu_count()} CPUs, one thread"
    )
    print(f"  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (shared machine)")

    entries = [rng.randbytes(args.entry_size) for _ in range(args.entries)]
    for name in args.hashes.split(","):
        bench_appends(hasher_for(name.strip()), entries)
    del entries
    if args.proof_tree_size:
        bench_proofs(args.proof_tree_size, args.proofs, rng)


if __name__ == "__main__":
    main()
