"""Signed notes, checkpoints and cosignatures (C2SP signed-note, tlog-checkpoint, tlog-cosignature)."""

from __future__ import annotations

import base64

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from smartcourt.engines.ledger import (
    SHA256,
    SM3,
    Checkpoint,
    CosignatureVerifier,
    Cosigner,
    Ed25519Signer,
    Ed25519Verifier,
    NoteSignature,
    append_signatures,
    compute_key_id,
    cosignature_timestamp,
    cosigned_message,
    generate_cosigner_key,
    generate_signer_key,
    new_cosigner,
    new_signer,
    new_verifier,
    open_checkpoint,
    open_note,
    parse_checkpoint,
    sign_checkpoint,
    sign_note,
)
from smartcourt.engines.ledger.errors import (
    BadSignatureError,
    CheckpointError,
    KeyFormatError,
    MalformedCheckpointError,
    MalformedNoteError,
    MissingNewlineError,
    NoteError,
    OriginMismatchError,
    RootHashEncodingError,
    RootHashSizeError,
    SignatureEncodingError,
    TreeSizeFormatError,
    UnknownKeyError,
)

# golang.org/x/mod/sumdb/note note_test.go: the reference key pair and signed note.
GO_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
GO_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
GO_TEXT = (
    "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
)
GO_NOTE = (
    GO_TEXT
    + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
)

LOG = Ed25519Signer("court.example/ledger", bytes(range(32)))
OTHER = Ed25519Signer("court.example/ledger", bytes(range(1, 33)))
ROOT = SHA256.hash_leaf(b"root")


def test_go_reference_note_is_reproduced_byte_for_byte() -> None:
    signer = new_signer(GO_SKEY)
    verifier = new_verifier(GO_VKEY)
    assert signer.key_id == verifier.key_id == 0xC74F20A3
    assert signer.verifier().verifier_key() == GO_VKEY
    assert signer.signer_key() == GO_SKEY
    assert sign_note(GO_TEXT, [signer]) == GO_NOTE
    note = open_note(GO_NOTE, [verifier])
    assert note.text == GO_TEXT
    assert [(s.name, s.key_id) for s in note.verified] == [("PeterNeumann", 0xC74F20A3)]
    with pytest.raises(BadSignatureError) as info:
        open_note(GO_NOTE.replace("cryptography", "cryptographY"), [verifier])
    assert (info.value.key_name, info.value.key_id) == ("PeterNeumann", 0xC74F20A3)


def test_mangled_verifier_keys_are_rejected() -> None:
    # As golang.org/x/mod/sumdb/note TestNewVerifier: every proper substring and every single-byte change.
    for i in range(len(GO_VKEY) + 1):
        for j in range(i + 1, len(GO_VKEY) + 1):
            if (i, j) != (0, len(GO_VKEY)):
                with pytest.raises(KeyFormatError):
                    new_verifier(GO_VKEY[i:j])
    for i in range(len(GO_VKEY)):
        mangled = GO_VKEY[:i] + chr(ord(GO_VKEY[i]) + 1) + GO_VKEY[i + 1 :]
        with pytest.raises(KeyFormatError):
            new_verifier(mangled)


@pytest.mark.parametrize(
    "key",
    [
        "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",  # wrong key ID
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",  # type 0x02
        "PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",  # no PRIVATE+KEY+
        "PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",  # space in name
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF",  # bad base64
    ],
)
def test_malformed_signer_keys_are_rejected(key: str) -> None:
    with pytest.raises(KeyFormatError):
        new_signer(key)


def test_small_order_and_invalid_public_keys_are_refused() -> None:
    order_8 = bytes.fromhex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05")
    for public_key in (bytes(32), b"\x01" + bytes(31), order_8, b"\xec" + b"\xff" * 30 + b"\x7f"):
        with pytest.raises(KeyFormatError, match="small order"):
            Ed25519Verifier("a.example/log", public_key)
    with pytest.raises(KeyFormatError, match="non-canonical"):
        Ed25519Verifier("a.example/log", b"\xed" + b"\xff" * 30 + b"\x7f")
    zero_key = (
        "a.example/log+"
        + f"{compute_key_id('a.example/log', bytes(33)):08x}"
        + "+"
        + base64.b64encode(bytes(33)).decode()
    )
    with pytest.raises(KeyFormatError):
        new_verifier(zero_key)


def test_generated_keys_round_trip() -> None:
    signer = new_signer(generate_signer_key("court.example/ledger"))
    verifier = new_verifier(signer.verifier().verifier_key())
    assert open_note(sign_note("x\n", [signer]), [verifier]).text == "x\n"
    cosigner = new_cosigner(generate_cosigner_key("w.example/w1"))
    assert isinstance(new_verifier(cosigner.verifier().verifier_key()), CosignatureVerifier)
    with pytest.raises(KeyFormatError):
        new_signer(cosigner.signer_key())
    with pytest.raises(KeyFormatError):
        new_cosigner(signer.signer_key())


def test_checkpoint_round_trip_sign_parse_verify() -> None:
    checkpoint = Checkpoint("court.example/ledger", 20852163, ROOT, ("court: 0105",))
    signed = sign_checkpoint(checkpoint, [LOG])
    assert signed.startswith(
        "court.example/ledger\n20852163\n"
        + base64.b64encode(ROOT).decode()
        + "\ncourt: 0105\n\n— court.example/ledger "
    )
    opened = open_checkpoint(signed, [LOG.verifier()], origin="court.example/ledger")
    assert opened.checkpoint == checkpoint
    assert opened.signed_note == signed
    assert opened.note.verified[0].key_id == LOG.key_id
    assert open_checkpoint(signed.encode(), [LOG.verifier()]).checkpoint == checkpoint


def test_sm3_checkpoint_and_hash_size() -> None:
    checkpoint = Checkpoint("court.example/sm3-ledger", 1, SM3.hash_leaf(b"x"))
    signed = sign_checkpoint(checkpoint, [LOG])
    assert open_checkpoint(signed, [LOG.verifier()], hash_size=SM3.size).checkpoint == checkpoint
    with pytest.raises(RootHashSizeError) as info:
        open_checkpoint(signed, [LOG.verifier()], hash_size=48)
    assert (info.value.expected, info.value.got) == (48, 32)


def test_unknown_signatures_are_kept_but_not_trusted() -> None:
    signed = sign_checkpoint(Checkpoint("court.example/ledger", 1, ROOT), [OTHER, LOG])
    note = open_note(signed, [LOG.verifier()])
    assert [s.key_id for s in note.verified] == [LOG.key_id]
    assert [s.key_id for s in note.unverified] == [OTHER.key_id]
    with pytest.raises(UnknownKeyError) as info:
        open_note(sign_note("x\n", [OTHER]), [LOG.verifier()])
    assert info.value.names == ("court.example/ledger",)


def _signed(text: str) -> str:
    """Sign any text (even a malformed checkpoint) so only the step under test can fail."""
    return text + "\n" + NoteSignature(LOG.name, LOG.key_id, LOG.sign(text.encode())).line()


GOOD = _signed(f"court.example/ledger\n5\n{base64.b64encode(ROOT).decode()}\n")
SIG_LINE = GOOD.split("\n\n")[1]


@pytest.mark.parametrize(
    ("note", "error"),
    [
        pytest.param(GOOD[:-1], MissingNewlineError, id="note-not-ending-in-newline"),
        pytest.param(GOOD.replace("\n\n", "\n"), MalformedNoteError, id="no-blank-line"),
        pytest.param(GOOD.split("— ")[0], MalformedNoteError, id="no-signature-lines"),
        pytest.param(GOOD.replace("— ", "- "), MalformedNoteError, id="hyphen-not-em-dash"),
        pytest.param(GOOD.replace("— ", "—"), MalformedNoteError, id="no-space-after-dash"),
        pytest.param(GOOD[:-3] + "!=\n", SignatureEncodingError, id="signature-not-base64"),
        pytest.param(GOOD[:-2] + "\n", SignatureEncodingError, id="signature-not-canonical-base64"),
        pytest.param(
            GOOD.split("— ")[0] + "— court.example/ledger AAAAAA==\n",
            SignatureEncodingError,
            id="sig-too-short",
        ),
        pytest.param(GOOD.replace("\n5\n", "\n5\r\n"), MalformedNoteError, id="carriage-return"),
        pytest.param(GOOD.replace("court.example", "court\texample", 1), MalformedNoteError, id="tab"),
        pytest.param(GOOD + SIG_LINE, MalformedNoteError, id="same-key-twice"),
        pytest.param(GOOD.replace("\n5\n", "\n6\n"), BadSignatureError, id="text-changed"),
        pytest.param(
            GOOD.replace("— court.example/ledger", "— court.example/other"),
            UnknownKeyError,
            id="unknown-name",
        ),
        pytest.param(GOOD + "— court.example/a b AAAAAAA=\n", MalformedNoteError, id="space-in-key-name"),
        pytest.param(GOOD + "— AAAAAAA=\n", MalformedNoteError, id="no-key-name"),
        pytest.param(
            GOOD + "".join(f"— w{i}.example/w AAAAAAA=\n" for i in range(100)),
            MalformedNoteError,
            id="101-signatures",
        ),
    ],
)
def test_malformed_notes_are_rejected_with_the_specific_error(note: str, error: type[NoteError]) -> None:
    with pytest.raises(NoteError) as info:
        open_checkpoint(note, [LOG.verifier()])
    assert type(info.value) is error


def test_note_bytes_must_be_utf8() -> None:
    with pytest.raises(MalformedNoteError, match="not UTF-8"):
        open_note(GOOD.encode() + b"\xff\n", [LOG.verifier()])


def test_signing_requires_a_newline_terminated_clean_text() -> None:
    with pytest.raises(MissingNewlineError):
        sign_note("no newline", [LOG])
    with pytest.raises(MalformedNoteError):
        sign_note("bell\x07\n", [LOG])


ROOT_B64 = base64.b64encode(ROOT).decode()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        pytest.param(f"court.example/ledger\n05\n{ROOT_B64}\n", TreeSizeFormatError, id="leading-zero"),
        pytest.param(f"court.example/ledger\n-1\n{ROOT_B64}\n", TreeSizeFormatError, id="negative"),
        pytest.param(f"court.example/ledger\n+1\n{ROOT_B64}\n", TreeSizeFormatError, id="plus-sign"),
        pytest.param(f"court.example/ledger\n1_000\n{ROOT_B64}\n", TreeSizeFormatError, id="underscore"),
        pytest.param(f"court.example/ledger\n١٢\n{ROOT_B64}\n", TreeSizeFormatError, id="arabic-digits"),
        pytest.param(f"court.example/ledger\n 1\n{ROOT_B64}\n", TreeSizeFormatError, id="space"),
        pytest.param(f"court.example/ledger\n\n{ROOT_B64}\n", TreeSizeFormatError, id="empty-size"),
        pytest.param(f"court.example/ledger\n{2**64}\n{ROOT_B64}\n", TreeSizeFormatError, id="over-uint64"),
        pytest.param("court.example/ledger\n1\nnot base64!\n", RootHashEncodingError, id="root-not-base64"),
        pytest.param(
            f"court.example/ledger\n1\n{ROOT_B64[:-2]}\n", RootHashEncodingError, id="root-unpadded"
        ),
        pytest.param(
            f"court.example/ledger\n1\n{ROOT_B64[:-2]}9=\n", RootHashEncodingError, id="root-non-canonical"
        ),
        pytest.param("court.example/ledger\n1\nAAAA\n", RootHashSizeError, id="root-3-bytes"),
        pytest.param(
            f"court.example/ledger\n1\n{base64.b64encode(bytes(33)).decode()}\n",
            RootHashSizeError,
            id="root-33",
        ),
        pytest.param("court.example/ledger\n1\n", MalformedCheckpointError, id="two-lines"),
        pytest.param(f"\n1\n{ROOT_B64}\n", MalformedCheckpointError, id="empty-origin"),
        pytest.param(
            f"court.example/ledger\n1\n{ROOT_B64}\n\nextension\n", MalformedCheckpointError, id="empty-ext"
        ),
    ],
)
def test_malformed_checkpoints_are_rejected_with_the_specific_error(
    text: str, error: type[CheckpointError]
) -> None:
    with pytest.raises(CheckpointError) as info:
        open_checkpoint(_signed(text), [LOG.verifier()])
    assert type(info.value) is error


def test_parse_checkpoint_needs_a_final_newline_and_origin_check() -> None:
    with pytest.raises(MalformedCheckpointError):
        parse_checkpoint(f"court.example/ledger\n1\n{ROOT_B64}")
    with pytest.raises(OriginMismatchError) as info:
        open_checkpoint(GOOD, [LOG.verifier()], origin="court.example/other")
    assert (info.value.expected, info.value.got) == ("court.example/other", "court.example/ledger")


def test_checkpoint_values_are_validated() -> None:
    with pytest.raises(MalformedCheckpointError):
        Checkpoint("", 1, ROOT)
    with pytest.raises(MalformedCheckpointError):
        Checkpoint("a\nb", 1, ROOT)
    with pytest.raises(TreeSizeFormatError):
        Checkpoint("a", -1, ROOT)
    with pytest.raises(MalformedCheckpointError):
        Checkpoint("a", 1, ROOT, ("",))


# --- cosignatures ---------------------------------------------------------------------------------------

WITNESS = Cosigner("witness.example/w1", bytes(range(2, 34)))


def test_cosignature_verifies_and_states_its_time() -> None:
    signed = sign_checkpoint(Checkpoint("court.example/ledger", 5, ROOT), [LOG])
    text = open_note(signed, [LOG.verifier()]).text
    cosignature = WITNESS.cosign(text, timestamp=1679315147)
    assert len(cosignature.signature) == 8 + 64
    assert cosignature.key_id == compute_key_id(WITNESS.name, b"\x04" + WITNESS.public_key)
    cosigned = append_signatures(signed, [cosignature])
    note = open_note(cosigned, [LOG.verifier(), WITNESS.verifier()])
    assert [s.name for s in note.verified] == ["court.example/ledger", "witness.example/w1"]
    assert cosignature_timestamp(note.verified[1]) == 1679315147
    # Only the witness's key: the log signature is unknown and ignored, the cosignature suffices.
    assert open_note(cosigned, [WITNESS.verifier()]).unverified[0].name == LOG.name


def test_cosignature_signs_the_c2sp_message() -> None:
    text = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    assert cosigned_message(text, 1679315147) == (
        b"cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n"
        b"CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
    )
    signature = WITNESS.cosign(text, timestamp=1679315147).signature
    Ed25519PublicKey.from_public_bytes(WITNESS.public_key).verify(
        signature[8:], cosigned_message(text, 1679315147)
    )


def test_cosignature_from_the_c2sp_example_states_its_time() -> None:
    # c2sp.org/tlog-cosignature example line: key ID, then the u64 timestamp 1679315147 (0x641850cb).
    blob = base64.b64decode(
        "jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA=="
    )
    signature = NoteSignature("witness.example.com/w1", int.from_bytes(blob[:4], "big"), blob[4:])
    assert cosignature_timestamp(signature) == 1679315147


def test_tampered_cosignature_timestamp_fails() -> None:
    signed = sign_checkpoint(Checkpoint("court.example/ledger", 5, ROOT), [LOG])
    text = open_note(signed, [LOG.verifier()]).text
    good = WITNESS.cosign(text, timestamp=100)
    forged = NoteSignature(good.name, good.key_id, (101).to_bytes(8, "big") + good.signature[8:])
    with pytest.raises(BadSignatureError):
        open_note(append_signatures(signed, [forged]), [WITNESS.verifier()])


def test_cosigner_key_is_not_a_note_signing_key() -> None:
    # The same Ed25519 key as a plain (0x01) verifier has another key ID, so a cosignature is never
    # mistaken for a note signature, and vice versa.
    plain = Ed25519Verifier(WITNESS.name, WITNESS.public_key)
    assert plain.key_id != WITNESS.key_id
    with pytest.raises(MissingNewlineError):
        WITNESS.cosign("no newline", timestamp=0)
    with pytest.raises(ValueError):
        WITNESS.cosign("x\n", timestamp=2**63)
