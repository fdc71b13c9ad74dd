#!/usr/bin/env python3
"""Writes the DOCX test statements of tests/data/formats/docx/ from the XML below.

Only Python's standard library (zipfile): the package parts are written by hand, so every
style, list and footnote the reader must handle is here to read. Run from anywhere:
    python3 tests/data/formats/make_docx.py
The output is byte-for-byte stable (fixed member dates), so re-running changes nothing.
"""

import pathlib
import zipfile

OUT = pathlib.Path(__file__).resolve().parent / "docx"
BROKEN = pathlib.Path(__file__).resolve().parent / "docx_broken"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
DATE = (2023, 9, 20, 10, 0, 0)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>
</Relationships>"""

# Style ids as Word writes them; "Kop1" is a Dutch Word's id for "heading 1": the reader must
# go by the style's name, not its id.
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="IntenseQuote"><w:name w:val="Intense Quote"/></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/></w:style>
</w:styles>"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See General Assembly resolution 60/1, paragraphs 138 and 139 (footnote text).</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""

COMMENTS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments {W}>
<w:comment w:id="0" w:author="Desk officer"><w:p><w:r><w:t>Check the figure with the capital (comment text).</w:t></w:r></w:p></w:comment>
</w:comments>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Statement of Norlandia: Annual Debate on the Responsibility to Protect</dc:title>
<dc:creator>Permanent Mission of Norlandia</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2023-09-20T09:00:00Z</dcterms:created>
</cp:coreProperties>"""


def para(text, style=None, num=None):
    """A w:p with one run; `num` = (numId, ilvl)."""
    props = ""
    if style or num:
        props = "<w:pPr>"
        if style:
            props += f'<w:pStyle w:val="{style}"/>'
        if num:
            props += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        props += "</w:pPr>"
    return f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def cell(text):
    return f"<w:tc><w:tcPr/>{para(text)}</w:tc>"


BODY = "".join([
    para("Statement by Norlandia at the Annual Debate on the Responsibility to Protect", "Title"),
    para("Delivered by Ms. Ingrid Solberg, Deputy Permanent Representative of Norlandia"),
    para("New York, 20 September 2023"),
    para("Mr. President,"),
    # A paragraph in several runs, with a tab, a line break, a footnote reference, a comment
    # and a deleted (tracked) word: only the visible words are its text.
    '<w:p><w:r><w:t xml:space="preserve">Norlandia thanks the Secretary-General for his report</w:t></w:r>'
    '<w:r><w:footnoteReference w:id="1"/></w:r>'
    '<w:commentRangeStart w:id="0"/>'
    '<w:r><w:t xml:space="preserve"> and welcomes its focus on the</w:t></w:r>'
    '<w:del w:id="5" w:author="Editor"><w:r><w:delText>obsolete</w:delText></w:r></w:del>'
    '<w:r><w:tab/><w:t>prevention</w:t><w:br/><w:t>of atrocity crimes.</w:t></w:r>'
    '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>',
    para("Early warning and early action", "Heading1"),
    para("The warning signs of atrocity crimes are well known. As the Special Adviser on the "
         "Prevention of Genocide told the Security Council last month:"),
    para("Hate speech is always a warning sign, and it is never only words. It prepares the "
         "ground for violence against those it names.", "Quote"),
    para("We therefore propose three steps:"),
    para("Appoint a national focal point for the responsibility to protect in every capital;",
         "ListParagraph", (1, 0)),
    para("Fund the joint office of the Special Advisers from the regular budget;",
         "ListParagraph", (1, 0)),
    para("including posts for early warning analysts;", "ListParagraph", (1, 1)),
    para("Report each year on national measures to prevent atrocity crimes.",
         "ListParagraph", (1, 0)),
    para("Accountability", "Kop1"),
    para("Impunity for past crimes is an invitation to future ones. Norlandia supports:"),
    para("the International Criminal Court;", "ListParagraph", (2, 0)),
    para("the investigative mechanisms of the Human Rights Council.", "ListParagraph", (2, 0)),
    "<w:tbl><w:tblPr/>"
    f"<w:tr>{cell('Year')}{cell('Contribution to the trust fund for victims')}</w:tr>"
    f"<w:tr>{cell('2022')}{cell('EUR 1.2 million')}</w:tr>"
    f"<w:tr>{cell('2023')}{cell('EUR 1.5 million')}</w:tr>"
    "</w:tbl>",
    para("Silence in the face of atrocity is a choice. It is not neutrality.", "IntenseQuote"),
    para("I thank you, Mr. President."),
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
])

DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{BODY}</w:body></w:document>"""


def write(path, members):
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for member, text in members:
            info = zipfile.ZipInfo(member, DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def main():
    write(OUT / "delegation-statement-norlandia.docx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/document.xml", DOCUMENT),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("word/footnotes.xml", FOOTNOTES),
        ("word/comments.xml", COMMENTS),
        ("docProps/core.xml", CORE),
    ])
    # A zip that is no Word document: the reader must say so, not index nothing. Kept out of
    # docx/ so that folder indexes with nothing skipped.
    write(BROKEN / "no-document-xml.docx", [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("docProps/core.xml", CORE),
    ])


if __name__ == "__main__":
    main()
