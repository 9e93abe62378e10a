"""FNV-1a 64-bit hashes, computed by a small C extension."""
from ._fnv import fnv1a_64

__all__ = ["fnv1a_64", "fnv1a_64_hex"]


def fnv1a_64_hex(data: bytes) -> str:
    """The FNV-1a 64-bit hash of ``data`` as 16 lowercase hex digits."""
    return format(fnv1a_64(data), "016x")
