"""Inclusion and consistency proofs: vector files, known CT proofs, and properties against the reference."""

from __future__ import annotations

import base64
import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from smartcourt.engines.ledger import (
    SHA256,
    SM3,
    MemoryNodeStore,
    MerkleHasher,
    consistency_proof,
    errors,
    hasher_for,
    inclusion_proof,
    root_from_inclusion_proof,
    verify_consistency,
    verify_inclusion,
)
from smartcourt.engines.ledger.errors import (
    HashSizeError,
    IndexOutOfRangeError,
    NodeNotFoundError,
    ProofError,
    ProofLengthError,
    RootMismatchError,
    TreeSizeOrderError,
)

from . import make_vectors, reference

VECTORS = Path(__file__).parent / "vectors"
VECTOR_FILES = sorted(p.name for p in VECTORS.glob("*.json"))


def _b(text: str) -> bytes:
    return base64.b64decode(text)


@functools.cache
def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VECTORS / name).read_text(encoding="utf-8"))
    return data


@functools.cache
def _store(name: str) -> MemoryNodeStore:
    data = _load(name)
    hasher = hasher_for(data["hash"])
    return MemoryNodeStore.from_leaf_hashes(
        hasher, [hasher.hash_leaf(bytes.fromhex(x)) for x in data["leaves"]]
    )


def test_vector_files_are_what_the_generator_writes() -> None:
    assert VECTOR_FILES == [
        "consistency_sha256.json",
        "consistency_sm3.json",
        "inclusion_sha256.json",
        "inclusion_sm3.json",
    ]
    assert sum((VECTORS / name).stat().st_size for name in VECTOR_FILES) < 1_000_000
    for name, text in make_vectors.all_files().items():
        assert (VECTORS / name).read_text(encoding="utf-8") == text, f"regenerate {name} with make_vectors.py"


@pytest.mark.parametrize("name", ["inclusion_sha256.json", "inclusion_sm3.json"])
def test_inclusion_vectors(name: str) -> None:
    data = _load(name)
    hasher = hasher_for(data["hash"])
    store = _store(name)
    leaves = [bytes.fromhex(x) for x in data["leaves"]]
    for case in data["valid"]:
        index, size, proof = case["index"], case["size"], [_b(p) for p in case["proof"]]
        root = _b(data["roots"][str(size)])
        assert inclusion_proof(hasher, index, size, store) == proof, (index, size)
        verify_inclusion(hasher, index, size, hasher.hash_leaf(leaves[index]), proof, root)
    assert len(data["valid"]) >= 150


@pytest.mark.parametrize("name", ["inclusion_sha256.json", "inclusion_sm3.json"])
def test_tampered_inclusion_vectors_fail_with_the_named_error(name: str) -> None:
    data = _load(name)
    hasher = hasher_for(data["hash"])
    for case in data["invalid"]:
        expected = getattr(errors, case["error"])
        with pytest.raises(ProofError) as info:
            verify_inclusion(
                hasher,
                case["index"],
                case["size"],
                _b(case["leaf_hash"]),
                [_b(p) for p in case["proof"]],
                _b(case["root"]),
            )
        assert type(info.value) is expected, case["tamper"]
    assert len(data["invalid"]) == 96


@pytest.mark.parametrize("name", ["consistency_sha256.json", "consistency_sm3.json"])
def test_consistency_vectors(name: str) -> None:
    data = _load(name)
    hasher = hasher_for(data["hash"])
    store = _store(name)
    for case in data["valid"]:
        size1, size2, proof = case["size1"], case["size2"], [_b(p) for p in case["proof"]]
        assert consistency_proof(hasher, size1, size2, store) == proof, (size1, size2)
        verify_consistency(
            hasher, size1, size2, proof, _b(data["roots"][str(size1)]), _b(data["roots"][str(size2)])
        )


@pytest.mark.parametrize("name", ["consistency_sha256.json", "consistency_sm3.json"])
def test_tampered_consistency_vectors_fail_with_the_named_error(name: str) -> None:
    data = _load(name)
    hasher = hasher_for(data["hash"])
    for case in data["invalid"]:
        expected = getattr(errors, case["error"])
        with pytest.raises(ProofError) as info:
            verify_consistency(
                hasher,
                case["size1"],
                case["size2"],
                [_b(p) for p in case["proof"]],
                _b(case["root1"]),
                _b(case["root2"]),
            )
        assert type(info.value) is expected, case["tamper"]
    assert len(data["invalid"]) == 120


# Proofs published with the RFC 6962 test tree (transparency-dev/merkle testonly, CT's merkle_tree_test).
CT_LEAVES = [bytes.fromhex(x) for x in make_vectors.CT_LEAVES]
H = bytes.fromhex


def test_ct_inclusion_proof_of_leaf_5_in_8() -> None:
    store = MemoryNodeStore.from_leaf_hashes(SHA256, [SHA256.hash_leaf(x) for x in CT_LEAVES])
    proof = [
        H("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        H("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
        H("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    ]
    root = H("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    assert inclusion_proof(SHA256, 5, 8, store) == proof
    verify_inclusion(SHA256, 5, 8, SHA256.hash_leaf(CT_LEAVES[5]), proof, root)
    with pytest.raises(RootMismatchError):
        verify_inclusion(SHA256, 4, 8, SHA256.hash_leaf(CT_LEAVES[5]), proof, root)


def test_ct_consistency_proofs() -> None:
    store = MemoryNodeStore.from_leaf_hashes(SHA256, [SHA256.hash_leaf(x) for x in CT_LEAVES])
    proof_6_8 = [
        H("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
        H("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
        H("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
    ]
    proof_2_5 = [
        H("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
        H("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
    ]
    root2 = H("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")
    root5 = H("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4")
    root6 = H("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef")
    root8 = H("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")
    assert consistency_proof(SHA256, 6, 8, store) == proof_6_8
    assert consistency_proof(SHA256, 2, 5, store) == proof_2_5
    verify_consistency(SHA256, 6, 8, proof_6_8, root6, root8)
    verify_consistency(SHA256, 2, 5, proof_2_5, root2, root5)
    with pytest.raises(RootMismatchError) as info:
        verify_consistency(SHA256, 6, 8, proof_6_8, root5, root8)
    assert info.value.expected == root5
    assert info.value.tree_size == 6


# --- edge cases and typed errors ----------------------------------------------------------------------


def test_errors_carry_their_evidence() -> None:
    a, b = SHA256.hash_leaf(b"a"), SHA256.hash_leaf(b"b")
    root = SHA256.hash_children(a, b)
    with pytest.raises(ProofLengthError) as length:
        verify_inclusion(SHA256, 0, 2, a, [b, b], root)
    assert (length.value.expected, length.value.got) == (1, 2)
    with pytest.raises(RootMismatchError) as mismatch:
        verify_inclusion(SHA256, 0, 2, a, [a], root)
    assert mismatch.value.expected == root
    assert mismatch.value.calculated == SHA256.hash_children(a, a)
    with pytest.raises(IndexOutOfRangeError) as out:
        verify_inclusion(SHA256, 2, 2, a, [b], root)
    assert (out.value.index, out.value.size) == (2, 2)
    with pytest.raises(HashSizeError) as short:
        verify_inclusion(SHA256, 0, 2, a, [b[:31]], root)
    assert (short.value.what, short.value.expected, short.value.got) == ("proof node 0", 32, 31)
    with pytest.raises(HashSizeError):
        verify_inclusion(SHA256, 0, 2, a[:31], [b], root)
    with pytest.raises(HashSizeError):
        verify_inclusion(SHA256, 0, 2, a, [b], root + b"\x00")
    with pytest.raises(TreeSizeOrderError) as order:
        verify_consistency(SHA256, 3, 2, [], root, root)
    assert (order.value.size1, order.value.size2) == (3, 2)


def test_consistency_edge_cases() -> None:
    leaves = [SHA256.hash_leaf(bytes([i])) for i in range(4)]
    store = MemoryNodeStore.from_leaf_hashes(SHA256, leaves)
    r3 = reference.mth("sha256", [bytes([i]) for i in range(3)])
    r4 = reference.mth("sha256", [bytes([i]) for i in range(4)])
    verify_consistency(SHA256, 3, 3, [], r3, r3)
    verify_consistency(SHA256, 0, 4, [], SHA256.empty_root(), r4)
    with pytest.raises(RootMismatchError):
        verify_consistency(SHA256, 3, 3, [], r3, r4)
    with pytest.raises(ProofLengthError):
        verify_consistency(SHA256, 3, 3, [r3], r3, r3)
    with pytest.raises(ProofLengthError):
        verify_consistency(SHA256, 0, 4, [r4], SHA256.empty_root(), r4)
    with pytest.raises(ProofLengthError) as empty:
        verify_consistency(SHA256, 2, 4, [], reference.mth("sha256", [b"\x00", b"\x01"]), r4)
    assert empty.value.expected == 1
    assert consistency_proof(SHA256, 4, 4, store) == []
    assert consistency_proof(SHA256, 0, 4, store) == []
    with pytest.raises(TreeSizeOrderError):
        consistency_proof(SHA256, 5, 4, store)


def test_proofs_need_the_stored_nodes() -> None:
    store = MemoryNodeStore.from_leaf_hashes(SHA256, [SHA256.hash_leaf(bytes([i])) for i in range(5)])
    with pytest.raises(NodeNotFoundError) as info:
        inclusion_proof(SHA256, 0, 9, store)
    assert (info.value.level, info.value.index) == (2, 1)
    with pytest.raises(IndexOutOfRangeError):
        inclusion_proof(SHA256, 5, 5, store)
    with pytest.raises(IndexOutOfRangeError):
        inclusion_proof(SHA256, -1, 5, store)


def test_single_leaf_tree() -> None:
    leaf = SHA256.hash_leaf(b"only")
    store = MemoryNodeStore.from_leaf_hashes(SHA256, [leaf])
    assert inclusion_proof(SHA256, 0, 1, store) == []
    verify_inclusion(SHA256, 0, 1, leaf, [], leaf)
    with pytest.raises(ProofLengthError):
        verify_inclusion(SHA256, 0, 1, leaf, [leaf], leaf)


# --- properties against the reference -----------------------------------------------------------------

MAX_SIZE = 600


@functools.cache
def _entries(alg: str) -> tuple[list[bytes], MemoryNodeStore]:
    hasher = hasher_for(alg)
    entries = [f"evidence {i}".encode() for i in range(MAX_SIZE)]
    return entries, MemoryNodeStore.from_leaf_hashes(hasher, [hasher.hash_leaf(e) for e in entries])


algorithms = st.sampled_from([SHA256, SM3])


@st.composite
def index_and_size(draw: st.DrawFn) -> tuple[int, int]:
    size = draw(st.integers(1, MAX_SIZE))
    return draw(st.integers(0, size - 1)), size


@st.composite
def two_sizes(draw: st.DrawFn) -> tuple[int, int]:
    size2 = draw(st.integers(0, MAX_SIZE))
    return draw(st.integers(0, size2)), size2


@settings(max_examples=200, deadline=None)
@given(algorithms, index_and_size())
def test_inclusion_proof_equals_reference_and_verifies(hasher: MerkleHasher, case: tuple[int, int]) -> None:
    index, size = case
    entries, store = _entries(hasher.name)
    proof = inclusion_proof(hasher, index, size, store)
    assert proof == reference.path(hasher.name, index, entries[:size])
    root = reference.mth(hasher.name, entries[:size])
    leaf = hasher.hash_leaf(entries[index])
    verify_inclusion(hasher, index, size, leaf, proof, root)
    assert root_from_inclusion_proof(hasher, index, size, leaf, proof) == root
    assert reference.verify_inclusion(hasher.name, index, size, leaf, proof, root)


@settings(max_examples=200, deadline=None)
@given(algorithms, index_and_size(), st.data())
def test_any_single_bit_flip_breaks_inclusion(
    hasher: MerkleHasher, case: tuple[int, int], data: st.DataObject
) -> None:
    index, size = case
    entries, store = _entries(hasher.name)
    proof = inclusion_proof(hasher, index, size, store)
    leaf = hasher.hash_leaf(entries[index])
    root = reference.mth(hasher.name, entries[:size])
    parts = [leaf, root, *proof]
    which = data.draw(st.integers(0, len(parts) - 1), label="which hash")
    bit = data.draw(st.integers(0, 8 * hasher.size - 1), label="bit")
    flipped = bytearray(parts[which])
    flipped[bit // 8] ^= 1 << (bit % 8)
    parts[which] = bytes(flipped)
    with pytest.raises(RootMismatchError):
        verify_inclusion(hasher, index, size, parts[0], parts[2:], parts[1])
    assert not reference.verify_inclusion(hasher.name, index, size, parts[0], parts[2:], parts[1])


@settings(max_examples=200, deadline=None)
@given(algorithms, index_and_size(), st.integers(1, MAX_SIZE))
def test_inclusion_proof_for_another_size_or_index_fails(
    hasher: MerkleHasher, case: tuple[int, int], other: int
) -> None:
    index, size = case
    entries, store = _entries(hasher.name)
    proof = inclusion_proof(hasher, index, size, store)
    leaf = hasher.hash_leaf(entries[index])
    assume(other != size)
    with pytest.raises(ProofError):
        verify_inclusion(hasher, index, other, leaf, proof, reference.mth(hasher.name, entries[:other]))
    assume(other < size and other != index)
    with pytest.raises(ProofError):
        verify_inclusion(hasher, other, size, leaf, proof, reference.mth(hasher.name, entries[:size]))


@settings(max_examples=200, deadline=None)
@given(algorithms, two_sizes())
def test_consistency_proof_equals_reference_and_verifies(
    hasher: MerkleHasher, sizes: tuple[int, int]
) -> None:
    size1, size2 = sizes
    entries, store = _entries(hasher.name)
    proof = consistency_proof(hasher, size1, size2, store)
    assert proof == reference.proof(hasher.name, size1, entries[:size2])
    root1 = reference.mth(hasher.name, entries[:size1])
    root2 = reference.mth(hasher.name, entries[:size2])
    verify_consistency(hasher, size1, size2, proof, root1, root2)
    if 0 < size1 < size2:
        assert reference.verify_consistency(hasher.name, size1, size2, proof, root1, root2)


@settings(max_examples=200, deadline=None)
@given(algorithms, two_sizes(), st.data())
def test_any_single_bit_flip_breaks_consistency(
    hasher: MerkleHasher, sizes: tuple[int, int], data: st.DataObject
) -> None:
    size1, size2 = sizes
    assume(0 < size1 < size2)
    entries, store = _entries(hasher.name)
    proof = consistency_proof(hasher, size1, size2, store)
    parts = [reference.mth(hasher.name, entries[:size1]), reference.mth(hasher.name, entries[:size2]), *proof]
    which = data.draw(st.integers(0, len(parts) - 1), label="which hash")
    bit = data.draw(st.integers(0, 8 * hasher.size - 1), label="bit")
    flipped = bytearray(parts[which])
    flipped[bit // 8] ^= 1 << (bit % 8)
    parts[which] = bytes(flipped)
    with pytest.raises(RootMismatchError):
        verify_consistency(hasher, size1, size2, parts[2:], parts[0], parts[1])
    assert not reference.verify_consistency(hasher.name, size1, size2, parts[2:], parts[0], parts[1])


@settings(max_examples=100, deadline=None)
@given(two_sizes(), st.integers(1, MAX_SIZE))
def test_consistency_between_unrelated_sizes_fails(sizes: tuple[int, int], other: int) -> None:
    size1, size2 = sizes
    assume(0 < size1 < size2 and other not in (size1, size2))
    entries, store = _entries("sha256")
    proof = consistency_proof(SHA256, size1, size2, store)
    root1 = reference.mth("sha256", entries[:size1])
    if other > size1:
        with pytest.raises(ProofError):
            verify_consistency(SHA256, size1, other, proof, root1, reference.mth("sha256", entries[:other]))
