"""Write the ledger's Merkle proof vectors from the RFC 9162 reference implementation.

    .venv/bin/python tests/engines/ledger/make_vectors.py

writes ``vectors/{inclusion,consistency}_{sha256,sm3}.json``. Every proof comes from ``reference.py`` (the
RFC's recursive definitions), never from the engine. Each file holds:

- ``leaves``: the entries (hex), entry ``i`` being leaf ``i``; the first eight are the RFC 6962 / Certificate
  Transparency test leaves;
- ``roots``: the root hash (base64) of the tree of each size used;
- ``valid``: proofs that must verify;
- ``invalid``: tampered proofs that must fail, each naming what was changed (``tamper``) and the engine
  error class expected (``error``), decided from the reference: an index outside the tree gives
  ``IndexOutOfRangeError``, a proof whose length is not the reference proof's length for the (claimed)
  sizes gives ``ProofLengthError``, anything else ``RootMismatchError``. The generator also checks that
  the RFC's own verification algorithm rejects every tampered vector.

The output is deterministic; ``test_vectors.py`` checks the committed files are what this script writes.
"""

from __future__ import annotations

import base64
import json
import random
import re
from pathlib import Path
from typing import Any

if __package__:
    from . import reference
else:  # run as a script
    import reference  # type: ignore[no-redef]

VECTOR_DIR = Path(__file__).parent / "vectors"
ALGORITHMS = ("sha256", "sm3")
SMALL_SIZES = range(1, 34)
LARGE_SIZES = (64, 65, 100, 255, 256, 257)
TAMPERED_PER_KIND = 12
CT_LEAVES = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def leaves() -> list[bytes]:
    """The entries: the eight CT test leaves, then ``b"smartcourt leaf <i>"``."""
    out = [bytes.fromhex(x) for x in CT_LEAVES]
    out += [f"smartcourt leaf {i}".encode() for i in range(len(out), max(LARGE_SIZES) + 1)]
    return out


def _flip(data: bytes, bit: int) -> bytes:
    b = bytearray(data)
    b[bit // 8 % len(b)] ^= 1 << (bit % 8)
    return bytes(b)


def _some(n: int) -> list[int]:
    return sorted(i for i in {0, 1, n // 3, n // 2, n - 2, n - 1} if 0 <= i < n)


def _inclusion_cases(alg: str) -> list[tuple[int, int]]:
    """Every (index, size) up to 33 leaves for SHA-256; a spread of indices for SM3 and larger trees."""
    if alg == "sha256":
        cases = [(i, n) for n in SMALL_SIZES for i in range(n)]
    else:
        cases = [(i, n) for n in SMALL_SIZES for i in _some(n)]
    return cases + [(i, n) for n in LARGE_SIZES for i in _some(n)]


def _consistency_cases(alg: str) -> list[tuple[int, int]]:
    """Every 0 <= size1 <= size2 <= 33 for SHA-256; a spread of size1 for SM3 and larger trees."""
    if alg == "sha256":
        cases = [(m, n) for n in SMALL_SIZES for m in range(0, n + 1)]
    else:
        cases = [(m, n) for n in SMALL_SIZES for m in sorted({0, *_some(n), n})]
    for n in LARGE_SIZES:
        cases += [(m, n) for m in sorted({0, 1, 2, 7, 31, 32, 33, 63, 64, n - 1, n}) if m <= n]
    return cases


def _sample(rng: random.Random, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """At most TAMPERED_PER_KIND rows of each tamper kind, in their original order."""
    by_kind: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        by_kind.setdefault(row["kind"], []).append(i)
    keep = sorted(i for idx in by_kind.values() for i in rng.sample(idx, min(len(idx), TAMPERED_PER_KIND)))
    return [{k: v for k, v in rows[i].items() if k != "kind"} for i in keep]


def _inclusion_expected(alg: str, entries: list[bytes], index: int, size: int, proof_len: int) -> str:
    if not 0 <= index < size:
        return "IndexOutOfRangeError"
    if proof_len != len(reference.path(alg, index, entries[:size])):
        return "ProofLengthError"
    return "RootMismatchError"


def _consistency_expected(alg: str, entries: list[bytes], size1: int, size2: int, proof_len: int) -> str:
    if size1 > size2:
        return "TreeSizeOrderError"
    if proof_len != len(reference.proof(alg, size1, entries[:size2])):
        return "ProofLengthError"
    return "RootMismatchError"


def inclusion_vectors(alg: str) -> dict[str, Any]:
    """The inclusion vector file for ``alg``."""
    entries = leaves()
    rng = random.Random(f"inclusion-{alg}")
    cases = _inclusion_cases(alg)
    sizes = sorted({n for _, n in cases} | {n + 1 for _, n in cases})
    roots = {n: reference.mth(alg, entries[:n]) for n in sizes}
    valid: list[dict[str, Any]] = []
    invalid: list[dict[str, Any]] = []
    for index, size in cases:
        proof = reference.path(alg, index, entries[:size])
        leaf = reference.leaf_hash(alg, entries[index])
        root = roots[size]
        assert reference.verify_inclusion(alg, index, size, leaf, proof, root)
        valid.append({"index": index, "size": size, "proof": [_b64(p) for p in proof]})
        if size < 2:
            continue
        tampered: list[tuple[str, int, int, bytes, list[bytes], bytes]] = []
        bit = rng.randrange(len(proof) * 256)
        flipped = list(proof)
        flipped[bit // 256] = _flip(proof[bit // 256], bit % 256)
        tampered.append(
            (f"bit {bit % 256} of proof node {bit // 256} flipped", index, size, leaf, flipped, root)
        )
        tampered.append(("tree size + 1", index, size + 1, leaf, proof, roots[size + 1]))
        tampered.append(("one node too many", index, size, leaf, [*proof, proof[-1]], root))
        tampered.append(("one node too few", index, size, leaf, proof[:-1], root))
        tampered.append(("32 bytes of garbage prepended", index, size, leaf, [b"\xa5" * 32, *proof], root))
        wrong = (index + 1) % size if size > 2 else 1 - index
        tampered.append((f"leaf index {wrong} instead of {index}", wrong, size, leaf, proof, root))
        tampered.append(("empty proof", index, size, leaf, [], root))
        tampered.append(("leaf hash with a flipped bit", index, size, _flip(leaf, bit % 256), proof, root))
        for tamper, t_index, t_size, t_leaf, t_proof, t_root in tampered:
            assert not reference.verify_inclusion(alg, t_index, t_size, t_leaf, t_proof, t_root), tamper
            invalid.append(
                {
                    "kind": re.sub(r"[0-9]+", "N", tamper),
                    "tamper": tamper,
                    "error": _inclusion_expected(alg, entries, t_index, t_size, len(t_proof)),
                    "index": t_index,
                    "size": t_size,
                    "leaf_hash": _b64(t_leaf),
                    "proof": [_b64(p) for p in t_proof],
                    "root": _b64(t_root),
                }
            )
    return {
        "description": f"RFC 9162 §2.1.3 inclusion proofs with {alg}, from the RFC's PATH(m, D[n])",
        "generator": "tests/engines/ledger/make_vectors.py",
        "hash": alg,
        "leaves": [e.hex() for e in entries],
        "roots": {str(n): _b64(r) for n, r in roots.items()},
        "valid": valid,
        "invalid": _sample(rng, invalid),
    }


def consistency_vectors(alg: str) -> dict[str, Any]:
    """The consistency vector file for ``alg``."""
    entries = leaves()
    rng = random.Random(f"consistency-{alg}")
    cases = _consistency_cases(alg)
    sizes = sorted({0} | {n for c in cases for n in c} | {n + 1 for _, n in cases})
    roots = {n: reference.mth(alg, entries[:n]) for n in sizes}
    valid: list[dict[str, Any]] = []
    invalid: list[dict[str, Any]] = []
    for size1, size2 in cases:
        proof = reference.proof(alg, size1, entries[:size2])
        r1, r2 = roots[size1], roots[size2]
        if 0 < size1 < size2:
            assert reference.verify_consistency(alg, size1, size2, proof, r1, r2)
        valid.append({"size1": size1, "size2": size2, "proof": [_b64(p) for p in proof]})
        if not 0 < size1 < size2:
            continue
        tampered: list[tuple[str, int, int, list[bytes], bytes, bytes]] = []
        bit = rng.randrange(len(proof) * 256)
        flipped = list(proof)
        flipped[bit // 256] = _flip(proof[bit // 256], bit % 256)
        tampered.append(
            (f"bit {bit % 256} of proof node {bit // 256} flipped", size1, size2, flipped, r1, r2)
        )
        tampered.append(("second tree size + 1", size1, size2 + 1, proof, r1, roots[size2 + 1]))
        if size1 + 1 < size2:
            tampered.append(("first tree size + 1", size1 + 1, size2, proof, roots[size1 + 1], r2))
        tampered.append(("one node too many", size1, size2, [*proof, proof[-1]], r1, r2))
        tampered.append(("one node too few", size1, size2, proof[:-1], r1, r2))
        tampered.append(("32 bytes of garbage prepended", size1, size2, [b"\xa5" * 32, *proof], r1, r2))
        tampered.append(("empty proof", size1, size2, [], r1, r2))
        tampered.append(("first root with a flipped bit", size1, size2, proof, _flip(r1, bit % 256), r2))
        tampered.append(("second root with a flipped bit", size1, size2, proof, r1, _flip(r2, bit % 256)))
        tampered.append(("sizes swapped", size2, size1, proof, r2, r1))
        for tamper, t1, t2, t_proof, t_r1, t_r2 in tampered:
            if t1 <= t2:
                assert not reference.verify_consistency(alg, t1, t2, t_proof, t_r1, t_r2), tamper
            invalid.append(
                {
                    "kind": re.sub(r"[0-9]+", "N", tamper),
                    "tamper": tamper,
                    "error": _consistency_expected(alg, entries, t1, t2, len(t_proof)),
                    "size1": t1,
                    "size2": t2,
                    "proof": [_b64(p) for p in t_proof],
                    "root1": _b64(t_r1),
                    "root2": _b64(t_r2),
                }
            )
    return {
        "description": f"RFC 9162 §2.1.4 consistency proofs with {alg}, from the RFC's PROOF(m, D[n])",
        "generator": "tests/engines/ledger/make_vectors.py",
        "hash": alg,
        "leaves": [e.hex() for e in entries],
        "roots": {str(n): _b64(r) for n, r in roots.items()},
        "valid": valid,
        "invalid": _sample(rng, invalid),
    }


def render(vectors: dict[str, Any]) -> str:
    """The file text: one vector per line, so diffs stay readable."""
    head = {k: v for k, v in vectors.items() if k not in ("leaves", "valid", "invalid")}
    parts = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1]]
    for key in ("leaves", "valid", "invalid"):
        rows = ",\n".join(json.dumps(row, ensure_ascii=False, sort_keys=True) for row in vectors[key])
        parts.append(f',\n"{key}": [\n{rows}\n]')
    return "".join(parts) + "\n}\n"


def all_files() -> dict[str, str]:
    """File name to file text, for every vector file."""
    files: dict[str, str] = {}
    for alg in ALGORITHMS:
        files[f"inclusion_{alg}.json"] = render(inclusion_vectors(alg))
        files[f"consistency_{alg}.json"] = render(consistency_vectors(alg))
    return files


def main() -> None:
    VECTOR_DIR.mkdir(exist_ok=True)
    for name, text in all_files().items():
        (VECTOR_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {VECTOR_DIR / name} ({len(text.encode()):,} bytes)")


if __name__ == "__main__":
    main()
