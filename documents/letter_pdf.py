"""A letter as a PDF: A4 portrait, the council's name at the top, the date and who it is to, the
heading, the text the letter was made with, and at the foot who made it and when. Drawn from the
saved letter alone (documents.models.Letter), so the same letter gives the same PDF every time."""

from __future__ import annotations

from core.dates import long_date
from core.pdf import document, plain
from timescales.calendar import london_date


def render(letter, *, council: str) -> bytes:
    made_on = london_date(letter.made_at)
    pdf = document(title=letter.title, author=council, created=letter.made_at, landscape=False)
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("helvetica", "B", 16)
    pdf.multi_cell(0, 8, plain(council), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("helvetica", "", 11)
    pdf.multi_cell(0, 6, plain("Children's Services"), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.ln(8)
    pdf.multi_cell(0, 6, plain(letter.addressee), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, plain(long_date(made_on)), new_x="LMARGIN", new_y="NEXT", align="R")
    pdf.ln(4)
    pdf.set_font("helvetica", "B", 13)
    pdf.multi_cell(0, 7, plain(letter.title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("helvetica", "", 11)
    for paragraph in letter.body.replace("\r\n", "\n").split("\n\n"):
        pdf.multi_cell(0, 6, plain(paragraph.strip("\n")), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.ln(4)
    pdf.set_font("helvetica", "I", 8)
    pdf.multi_cell(
        0,
        4,
        plain(
            f"Made by {letter.made_by} on {long_date(made_on)} from the template "
            f'"{letter.template.name}". Reference {letter.child.la_id}-{letter.pk}.'
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
