"""Bytes to text for documents: byte-order marks, binary sniffing, charset choice.

The text is returned exactly as decoded (no newline normalisation): spans index it.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
)

# Labels that name codecs Python has but that are not document encodings.
_NOT_CHARSETS = frozenset({"idna", "punycode", "unicode_escape", "raw_unicode_escape", "undefined"})
# WHATWG: these labels mean windows-1252 on the web.
_AS_CP1252 = frozenset({"iso8859-1", "ascii", "latin-1", "cp819"})

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:()-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:()-]+)""", re.I)
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f]")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a BOM from mostly-ASCII text: every other byte is NUL."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    half = len(sample) // 2
    even_nul, odd_nul = sample[0::2].count(0), sample[1::2].count(0)
    guess = None
    if even_nul == 0 and odd_nul > 0.6 * half:
        guess = "utf-16-le"
    elif odd_nul == 0 and even_nul > 0.6 * half:
        guess = "utf-16-be"
    if guess is None:
        return None
    try:
        data.decode(guess)
    except UnicodeDecodeError:
        return None
    return guess


def binary_kind(data: bytes) -> str | None:
    """What the bytes look like when they are not text (``"a PDF document"``), else None."""
    if bom_encoding(data) or _utf16_without_bom(data):
        return None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data:
        return "binary data (it contains NUL bytes)"
    head = data[:8192]
    if head and len(_CONTROL.findall(head)) > 0.1 * len(head):
        return "binary data (it contains control bytes)"
    return None


def normalise_charset(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when unknown or unusable."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    name = info.name
    if name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` (or an XML declaration) declares in the first 4 KB."""
    head = data[:4096]
    m = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii", errors="replace") if m else None


def looks_like_html(text: str) -> bool:
    """True when a text starts like an HTML page (whatever its file name)."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<head", "<body")):
        return True
    return head.startswith(("<?xml", "<!--")) and "<html" in head


def decode_bytes(
    data: bytes, *, declared: str | None = None, html: bool = False
) -> tuple[str, str]:
    """Decode ``data``; return ``(text, codec name)``.

    Order: a byte-order mark; the ``declared`` charset (HTTP header); for HTML, the
    ``<meta>`` charset; then detection. A declared charset that fails to decode is
    skipped, and valid multi-byte UTF-8 wins over a declared single-byte charset
    (a server saying ISO-8859-1 for a UTF-8 page is a common mistake).
    """
    bom = bom_encoding(data)
    if bom:
        name, size = bom
        return data[size:].decode(name, errors="replace"), name
    guess = _utf16_without_bom(data)
    if guess:
        return data.decode(guess), guess
    labels = (declared, meta_charset(data) if html else None)
    for name in filter(None, map(normalise_charset, labels)):
        if name.startswith(("utf_16", "utf-16", "utf_32", "utf-32")):
            continue  # the bytes are not UTF-16/32 (no BOM, no NUL pattern)
        if name != "utf-8" and _is_multibyte_utf8(data):
            return data.decode("utf-8"), "utf-8"
        try:
            return data.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return detect(data)


def _is_multibyte_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def detect(data: bytes) -> tuple[str, str]:
    """Strict UTF-8, else Windows-1252 for Western text, else charset-normalizer."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = ""
    if text and _plausibly_western(text):
        return text, "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), best.encoding
    return data.decode("cp1252", errors="replace"), "cp1252"


_WESTERN_MARKS = frozenset("“”‘’‚„–—…«»‹›°€£¥©®™·•†‡§¶\xa0\xad×÷¿¡ºª")


def _plausibly_western(text: str) -> bool:
    """Text read as Windows-1252 looks like Western European text: its non-ASCII
    characters are Latin letters or common marks, and most letters are ASCII (an 8-bit
    Cyrillic or Greek text read as Windows-1252 is nearly all accented letters)."""
    letters = ascii_letters = 0
    for ch in text[:50000]:
        if ch.isascii():
            ascii_letters += ch.isalpha()
            letters += ch.isalpha()
            continue
        if ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            letters += 1
        elif ch not in _WESTERN_MARKS:
            return False
    return letters == 0 or ascii_letters >= 0.5 * letters
