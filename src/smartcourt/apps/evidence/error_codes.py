"""Error codes of the evidence ledger, as they appear in ``{code, message, detail}``."""

from enum import StrEnum


class LedgerErrorCode(StrEnum):
    NOT_PERMITTED = "ledger.not_permitted"
    NOT_FOUND = "ledger.not_found"
    NO_LEDGER = "ledger.no_ledger"
    DUPLICATE_LEDGER = "ledger.duplicate"
    EMPTY_BATCH = "ledger.empty_batch"
    BATCH_TOO_LARGE = "ledger.batch_too_large"
    BAD_KIND = "ledger.bad_kind"
    BAD_CONTENT_HASH = "ledger.bad_content_hash"
    BAD_METADATA = "ledger.bad_metadata"
    FILE_TOO_LARGE = "ledger.file_too_large"
    EMPTY_FILE = "ledger.empty_file"
    BAD_HASH_ALGORITHM = "ledger.bad_hash_algorithm"
    BAD_TREE_SIZE = "ledger.bad_tree_size"
    TAMPERED = "ledger.tampered"
    NOTHING_TO_VERIFY = "ledger.nothing_to_verify"
    KEY_SEAL = "ledger.key_seal"
