"""Picking the part of an original that `hr expand` was asked for: line ranges, head/tail and
grep (`spans`), JSON items and pointers (`json_items`)."""
