#!/usr/bin/env python3
"""Writes a copy of an ICU common data package (the "CmnD" format that ICU's icupkg reads and
writes) holding only the items collective uses, for scripts/release.sh.

    icu-data-subset.py IN.dat OUT.dat [--list]

Foundation on Linux links ICU's whole data package (34 MB in Swift 6.3's lib_FoundationICU.a),
most of which no code path of collective opens: character-set converters (collective reads and
writes UTF-8 only), collation tailorings, break-iteration dictionaries, transliterators, and the
display names of units, currencies, languages, regions and time zones. Kept: every locale's main
resource bundle (month names and date patterns in the site's language), the property, name and
normalisation data, time-zone rules, and the root and English bundles of every tree.
docs/deploy.md says how the list was found and how the release binary is checked against it.
"""
import struct
import sys

# Trees and kinds of item no code path of collective opens (see the module docstring).
DROPPED_TREES = ("brkitr", "coll", "curr", "lang", "rbnf", "region", "translit", "unit", "zone")
DROPPED_SUFFIXES = (".cnv",)
# In a dropped tree, these are kept: the bundles every lookup falls back to.
KEPT_IN_DROPPED_TREES = ("root.res", "res_index.res", "pool.res", "en.res")


def keep(name: str) -> bool:
    """Whether the item NAME (without the package's "icudtNNl/" prefix) stays."""
    parts = name.split("/")
    if len(parts) == 1:
        return not name.endswith(DROPPED_SUFFIXES)
    return parts[0] not in DROPPED_TREES or parts[-1] in KEPT_IN_DROPPED_TREES


def read_package(data: bytes):
    """The header bytes and the (name, item bytes) list of a little-endian common data package."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        sys.exit("icu-data-subset.py: not a little-endian ICU common data package (CmnD)")
    count = struct.unpack_from("<I", data, header_size)[0]
    entries = [struct.unpack_from("<II", data, header_size + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_offset, data_offset) in enumerate(entries):
        end = entries[i + 1][1] if i + 1 < count else len(data) - header_size
        start = header_size + name_offset
        name = data[start : data.index(b"\0", start)].decode("ascii")
        items.append((name, data[header_size + data_offset : header_size + end]))
    return data[:header_size], items


def write_package(header: bytes, items) -> bytes:
    """A package with HEADER and ITEMS (kept in the sorted order ICU's binary search needs)."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    table_size = 4 + 8 * len(items)
    first_item = (table_size + len(names) + 15) & ~15
    offsets, body, position = [], bytearray(), first_item
    name_position = table_size
    for name, blob in items:
        offsets.append((name_position, position))
        name_position += len(name) + 1
        padded = blob + b"\0" * (-len(blob) % 16)
        body += padded
        position += len(padded)
    table = struct.pack("<I", len(items)) + b"".join(struct.pack("<II", n, d) for n, d in offsets)
    return header + table + names + b"\0" * (first_item - table_size - len(names)) + bytes(body)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    header, items = read_package(open(args[0], "rb").read())
    kept = [(name, blob) for name, blob in items if keep(name.split("/", 1)[1])]
    if "--list" in sys.argv:
        for name, blob in items:
            print(("keep " if (name, blob) in kept else "drop ") + name)
    output = write_package(header, kept)
    open(args[1], "wb").write(output)
    print(f"ICU data: kept {len(kept)} of {len(items)} items, {len(output):,} of {sum(len(b) for _, b in items):,} bytes")


if __name__ == "__main__":
    main()
