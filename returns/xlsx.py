"""A small streaming xlsx writer for large lists of plain values: text, whole and decimal numbers,
dates and blanks, one sheet after another, each row written once and never held.

Why not XlsxWriter: Annex A for the large authority is over two million cells, and XlsxWriter's
constant-memory mode spent most of the build's time on its per-cell bookkeeping (about 8 times
this writer's time on the same rows, when both were measured side by side). Here a row is a few string joins: text is an inline string (so nothing a
worker typed is ever read as a formula or a link), a date a serial number with one dd/mm/yyyy
style, a blank no cell at all. The parts are the minimum SpreadsheetML needs (ECMA-376 part 1:
content types, relationships, workbook, styles, one worksheet per sheet).

    with Workbook(handle) as book:
        sheet = book.add_sheet("List 1")
        sheet.write_row(["Child Unique ID", ...])
"""

from __future__ import annotations

import datetime
import re
import zipfile
from xml.sax.saxutils import escape

# Characters XML 1.0 does not allow at all: dropped, as XlsxWriter and openpyxl do.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NEEDS_WORK = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EXCEL_EPOCH = datetime.date(1899, 12, 30).toordinal()
_DATE_STYLE = 1  # cellXfs index of the dd/mm/yyyy format (styles below)
_ROWS_PER_WRITE = 2000


def _columns(count: int) -> list[str]:
    letters = []
    for n in range(1, count + 1):
        name = ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


def _text(value: str) -> str:
    if _NEEDS_WORK.search(value):
        value = escape(_ILLEGAL.sub("", value))
    if value[:1].isspace() or value[-1:].isspace():
        return f'<is><t xml:space="preserve">{value}</t></is>'
    return f"<is><t>{value}</t></is>"


def _cell(value) -> str:
    """One non-blank cell's XML, without its reference: a cell that follows the one before in
    its row needs none (ECMA-376 makes `r` optional), so the same value is the same XML
    wherever it is, and is worked out once (Sheet's cache)."""
    kind = type(value)
    if kind is str:
        return f'<c t="inlineStr">{_text(value)}</c>'
    if kind is datetime.date:
        return f'<c s="{_DATE_STYLE}"><v>{value.toordinal() - _EXCEL_EPOCH}</v></c>'
    if kind is datetime.datetime:
        day = value.toordinal() - _EXCEL_EPOCH
        seconds = value.hour * 3600 + value.minute * 60 + value.second
        return f'<c s="{_DATE_STYLE}"><v>{day + seconds / 86400!r}</v></c>'
    if kind is bool:
        return f'<c t="b"><v>{int(value)}</v></c>'
    if kind is int or kind is float:
        return f"<c><v>{value!r}</v></c>"
    return f'<c t="inlineStr">{_text(str(value))}</c>'


# The cache's marker for a blank cell (None or ""), which is written as no cell at all.
_BLANK = ""
_NUMBERS = (bool, int, float)


class Sheet:
    def __init__(self, stream):
        self._stream = stream
        self._rows: list[str] = []
        self._count = 0
        self._letters: list[str] = []
        # value -> its cell's XML: labels, dates and numbers repeat down a list. Bounded, as
        # identifiers never repeat.
        self._cache: dict = _fresh_cache()
        stream.write(
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        )

    def write_row(self, values) -> None:
        """One row; None and "" are blank (no cell)."""
        self._count += 1
        n = str(self._count)
        if len(self._letters) < len(values):
            self._letters = _columns(len(values))
        cache, cells, after_gap = self._cache, [], False
        get = cache.get
        for i, value in enumerate(values):
            # One dictionary look-up for most cells: a value seen before in this sheet, or a blank.
            xml = get(value)
            if xml is None:
                xml = _cell(value)
                # Never a bool, nor a number equal to 0 or 1: True == 1 == 1.0 as keys, so a
                # bool would take a number's cell or a number a bool's.
                if not (type(value) in _NUMBERS and value in (0, 1)):
                    if len(cache) > 100_000:
                        cache.clear()
                        cache.update(_fresh_cache())
                    cache[value] = xml
            elif xml is _BLANK:
                after_gap = True
                continue
            if after_gap:  # after a blank, the cell says where it is
                xml = f'<c r="{self._letters[i]}{n}"{xml[2:]}'
                after_gap = False
            cells.append(xml)
        self._rows.append(f'<row r="{n}">{"".join(cells)}</row>')
        if len(self._rows) >= _ROWS_PER_WRITE:
            self._flush()

    def _flush(self) -> None:
        self._stream.write("".join(self._rows).encode("utf-8"))
        self._rows.clear()

    def close(self) -> None:
        self._flush()
        self._stream.write(b"</sheetData></worksheet>")
        self._stream.close()


def _fresh_cache() -> dict:
    return {None: _BLANK, "": _BLANK}


class Workbook:
    """An xlsx written into the binary file `handle`. Sheets are written one at a time, in the
    order added: adding one finishes the one before."""

    def __init__(self, handle, compresslevel: int = 1):
        # Level 1: the sheets are highly repetitive XML, so the fastest deflate still shrinks
        # them about tenfold, in a fraction of the time of the default level.
        self._zip = zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=compresslevel)
        self._names: list[str] = []
        self._sheet: Sheet | None = None

    def add_sheet(self, name: str) -> Sheet:
        self._finish_sheet()
        self._names.append(name)
        stream = self._zip.open(f"xl/worksheets/sheet{len(self._names)}.xml", "w", force_zip64=True)
        self._sheet = Sheet(stream)
        return self._sheet

    def _finish_sheet(self) -> None:
        if self._sheet is not None:
            self._sheet.close()
            self._sheet = None

    def close(self) -> None:
        self._finish_sheet()
        sheets = range(1, len(self._names) + 1)
        self._zip.writestr(
            "[Content_Types].xml",
            _CONTENT_TYPES.format(
                sheets="".join(
                    f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
                    f'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                    for n in sheets
                )
            ),
        )
        self._zip.writestr("_rels/.rels", _ROOT_RELS)
        self._zip.writestr(
            "xl/workbook.xml",
            _WORKBOOK.format(
                sheets="".join(
                    f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
                    for n, name in zip(sheets, self._names)
                )
            ),
        )
        self._zip.writestr(
            "xl/_rels/workbook.xml.rels",
            _WORKBOOK_RELS.format(
                sheets="".join(
                    f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                    f'worksheet" Target="worksheets/sheet{n}.xml"/>'
                    for n in sheets
                ),
                styles=len(self._names) + 1,
            ),
        )
        self._zip.writestr("xl/styles.xml", _STYLES)
        self._zip.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "{sheets}</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    "<sheets>{sheets}</sheets></workbook>"
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}'
    '<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'styles" Target="styles.xml"/></Relationships>'
)
# Cell format 0 is the default; 1 shows a date the English way.
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
    "</fills>"
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
