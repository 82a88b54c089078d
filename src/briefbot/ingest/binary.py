"""Telling text from binary junk, and decoding text files: the gate every corpus file passes first.

:func:`decode` returns the file's text, the encoding it was read with, and, when the bytes are not
text at all (an image, a PDF, an archive, random bytes, even with a ``.txt`` name), the reason to
refuse it. Nothing here logs: the corpus reader turns a refusal into a warning and a skipped file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Files that begin like this are never article text, whatever their name.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"RIFF", "a media file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
    (b"\x1a\x45\xdf\xa3", "a Matroska/WebM video"),
)
# Above this share of control characters (other than tab, newline, carriage return, form feed) or
# U+FFFD replacement characters, decoded text is junk, not an article.
MAX_CONTROL_SHARE = 0.05
_BAD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")  # controls bar \t \n \f \r, and U+FFFD


@dataclass(frozen=True)
class Decoded:
    """The text of a file (``None`` when refused), how it was decoded, and why it was refused."""

    text: str | None
    encoding: str | None = None
    refused: str | None = None


def control_share(text: str) -> float:
    """Share of ``text``'s characters that are control characters (bar whitespace) or U+FFFD."""
    if not text:
        return 0.0
    return len(_BAD.findall(text)) / len(text)


def _utf16(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    return None


def decode(data: bytes) -> Decoded:
    """Decode ``data`` as UTF-8 (BOM or not), else UTF-16 with a BOM, else cp1252, else latin-1.

    Refused: known binary signatures, NUL bytes in a file that is not UTF-16, and decoded text whose
    share of control/replacement characters exceeds :data:`MAX_CONTROL_SHARE`.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return Decoded(None, refused=f"it is {kind}, not text")
    utf16 = _utf16(data)
    if utf16 is not None:
        text, encoding = utf16, "utf-16"
    elif b"\x00" in data:
        return Decoded(None, refused="it holds NUL bytes: a binary file, not text")
    else:
        try:
            text, encoding = data.decode("utf-8-sig"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    share = control_share(text)
    if share > MAX_CONTROL_SHARE:
        return Decoded(None, refused=f"{share:.0%} of it is control or undecodable characters: "
                                     "a binary or corrupt file, not text")
    return Decoded(text, encoding=encoding)
