"""The only module that imports the native core `hr._core` (built from `hr-core/`)."""

from hr._core import compress, compressbase_score, diagnostics, estimate_tokens, grep_lines, marker_text, pack, sha256, sniff, source_fits, unpack, unpacked_sha256

__all__ = ["compress", "compressbase_score", "diagnostics", "estimate_tokens", "grep_lines", "marker_text", "pack", "sha256", "sniff", "source_fits", "unpack", "unpacked_sha256"]
