"""What every PDF the project draws (fpdf2: see the README) needs alike: text the built-in fonts
can write, and an A4 document with its title, author, language and date set. It lives in the
kernel so that the areas (case audits) and the cross-area readers (the board pack) both use it."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

# The PDF's built-in fonts cover Latin-1 only: the typographic characters the pages use are
# written as their plain equivalents.
_PLAIN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-"})


def plain(text) -> str:
    return str(text).translate(_PLAIN).encode("latin-1", "replace").decode("latin-1")


def document(*, title: str, author: str, created: datetime.datetime, landscape: bool = True) -> FPDF:
    """A new A4 document with its metadata set and pages that break before the bottom margin."""
    # Imported here, not at the top: fpdf2 brings fontTools, most of a second of CPU that every
    # process importing the URLs (web workers, commands, test workers) would pay for a PDF few draw.
    from fpdf import FPDF

    pdf = FPDF(orientation="landscape" if landscape else "portrait", unit="mm", format="A4")
    pdf.set_title(plain(title))
    pdf.set_author(plain(author))
    pdf.set_lang("en-GB")
    pdf.set_creation_date(created)
    pdf.set_auto_page_break(True, margin=15)
    return pdf
