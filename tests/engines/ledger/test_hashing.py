"""RFC 9162 hashing with SHA-256 and SM3, checked against published test data."""

from __future__ import annotations

import hashlib

import pytest
from gmssl import func, sm3

from smartcourt.engines.ledger import SHA256, SM3, CompactRange, compute_root, hasher_for
from smartcourt.engines.ledger.errors import HashAlgorithmError

from . import reference

# The RFC 6962 test tree used by Certificate Transparency and transparency-dev/merkle (testonly/constants.go):
# its leaves, and the root of the tree of the first 1..8 of them.
CT_LEAVES = [
    b"",
    b"\x00",
    b"\x10",
    b"\x20\x21",
    b"\x30\x31",
    b"\x40\x41\x42\x43",
    b"\x50\x51\x52\x53\x54\x55\x56\x57",
    b"\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f",
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def test_empty_tree_root_is_the_hash_of_the_empty_string() -> None:
    assert SHA256.empty_root().hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert CompactRange(SHA256).root() == SHA256.empty_root()


def test_leaf_and_node_hashes_are_domain_separated() -> None:
    assert SHA256.hash_leaf(b"abc") == hashlib.sha256(b"\x00abc").digest()
    assert (
        SHA256.hash_children(b"L" * 32, b"R" * 32) == hashlib.sha256(b"\x01" + b"L" * 32 + b"R" * 32).digest()
    )


@pytest.mark.parametrize("size", range(1, 9))
def test_ct_test_tree_roots(size: int) -> None:
    leaf_hashes = [SHA256.hash_leaf(d) for d in CT_LEAVES[:size]]
    assert compute_root(SHA256, leaf_hashes).hex() == CT_ROOTS[size - 1]
    assert reference.mth("sha256", CT_LEAVES[:size]).hex() == CT_ROOTS[size - 1]


def test_ct_eight_leaf_root() -> None:
    root = compute_root(SHA256, [SHA256.hash_leaf(d) for d in CT_LEAVES])
    assert root.hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"


@pytest.mark.parametrize(
    ("message", "digest"),
    [
        # GB/T 32905-2016 appendix A, examples 1 and 2.
        (b"abc", "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"),
        (b"abcd" * 16, "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"),
    ],
)
def test_sm3_standard_examples(message: bytes, digest: str) -> None:
    assert SM3.hash_leaf(message) == hashlib.new("sm3", b"\x00" + message).digest()
    assert bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(message))).hex() == digest
    assert SM3.empty_root() == bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(b"")))
    if SM3.backend == "openssl":
        assert hashlib.new("sm3", message).hexdigest() == digest


def test_sm3_backend_agrees_with_gmssl() -> None:
    from smartcourt.engines.ledger._hashing import MerkleHasher, _GmsslSM3

    fallback = MerkleHasher("sm3", 32, _GmsslSM3, backend="gmssl")
    for data in (b"", b"\x00", b"x" * 55, b"y" * 56, b"z" * 64, bytes(range(256)) * 5):
        assert fallback.hash_leaf(data) == SM3.hash_leaf(data)
        assert fallback.hash_children(data[:32].ljust(32, b"."), b"r" * 32) == SM3.hash_children(
            data[:32].ljust(32, b"."), b"r" * 32
        )
    assert fallback.empty_root() == SM3.empty_root()
    assert SM3.backend in ("openssl", "gmssl")


def test_sm3_tree_matches_reference() -> None:
    leaves = [f"entry {i}".encode() for i in range(21)]
    assert compute_root(SM3, [SM3.hash_leaf(d) for d in leaves]) == reference.mth("sm3", leaves)


def test_hasher_for_names_and_unknown() -> None:
    assert hasher_for("sha256") is SHA256
    assert hasher_for("sm3") is SM3
    with pytest.raises(HashAlgorithmError) as info:
        hasher_for("SHA-256")
    assert info.value.name == "SHA-256"
