#!/usr/bin/python3
"""Writes the PDF test corpus of tests/data/formats/pdf/ and pdf_broken/ (see pdf/README).

Run with Debian's python3 (python3-reportlab, python3-pil):
    /usr/bin/python3 tests/data/formats/make_pdfs.py            # the committed corpus
    /usr/bin/python3 tests/data/formats/make_pdfs.py --large OUT.pdf [PAGES]
                                                                  # a long report, not committed
The statements are written for these tests; the layouts imitate UN documents (report of the
Secretary-General, two-column verbatim record) and a mission's delegation statement. The
output is deterministic (invariant=1: no dates or random ids in the files).
"""

import io
import os
import sys

from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pdf")
BROKEN = os.path.join(HERE, "pdf_broken")  # kept apart: r2p-index skips them

ROMAN = "Times-Roman"
BOLD = "Times-Bold"
ITALIC = "Times-Italic"


def width(text, font, size):
    return canvas.Canvas(io.BytesIO()).stringWidth(text.replace("|", ""), font, size)


def split_lines(text, font, size, first_width, width_rest, hyphenate=False):
    """Greedy line breaking; "|" inside a word marks where it may be hyphenated at a line
    end (and is dropped elsewhere); with `hyphenate`, any word of ten letters or more may break."""
    lines, line = [], []
    avail = first_width
    for word in text.split():
        if hyphenate and "|" not in word and len(word) >= 10 and word[:-1].isalpha():
            # Long words may break anywhere leaving three letters on each side.
            core, tail = (word[:-1], word[-1]) if not word[-1].isalpha() else (word, "")
            word = core[:3] + "|" + "|".join(core[3:-3]) + "|" + core[-3:] + tail
        trial = " ".join(line + [word])
        if not line or width(trial, font, size) <= avail:
            line.append(word)
            continue
        parts = word.split("|")
        done = False
        for cut in range(len(parts) - 1, 0, -1):
            head = "".join(parts[:cut]) + "-"
            if width(" ".join(line + [head]), font, size) <= avail:
                lines.append(" ".join(line + [head]))
                line, done = ["|".join(parts[cut:])], True
                break
        if not done:
            lines.append(" ".join(line))
            line = [word]
        avail = width_rest
    if line:
        lines.append(" ".join(line))
    return [ln.replace("|", "") for ln in lines]


class Flow:
    """Lays paragraphs into the frames of a page (one frame, or two columns), breaking lines,
    columns and pages like a word processor; footnotes sit at the foot of their page."""

    def __init__(self, c, page_size, frames, on_page, footnotes=None):
        self.c = c
        self.page_w, self.page_h = page_size
        self.frames = frames  # function(page_no) -> [(x, width, top_y, bottom_y)]
        self.on_page = on_page  # function(canvas, page_no): running heads, footers
        self.footnotes = footnotes or {}  # page_no -> [(mark, text)]
        self.page = 1
        self.frame = 0
        self.y = None
        self.start_page()

    def start_page(self):
        self.on_page(self.c, self.page)
        notes = self.footnotes.get(self.page, [])
        self.note_top = 72
        if notes:
            self.draw_footnotes(notes)
        self.frame = 0
        self.y = self.frames(self.page)[0][2]

    def draw_footnotes(self, notes):
        x, w = self.frames(self.page)[0][0], self.frames(self.page)[0][1]
        lines = []
        for mark, text in notes:
            for i, line in enumerate(simpleSplit(text, ROMAN, 8, w - 18)):
                lines.append((mark if i == 0 else None, line))
        y = 72 + 9.5 * len(lines)
        self.c.setLineWidth(0.5)
        self.c.line(x, y + 6, x + 100, y + 6)  # the footnote rule
        self.note_top = y + 14
        for mark, line in lines:
            y -= 9.5
            if mark:
                self.c.setFont(ROMAN, 5.5)
                self.c.drawString(x + 9, y + 3, mark)
            self.c.setFont(ROMAN, 8)
            self.c.drawString(x + 18, y, line)

    def bottom(self):
        return max(self.frames(self.page)[self.frame][3], self.note_top)

    def next_frame(self):
        self.frame += 1
        if self.frame >= len(self.frames(self.page)):
            self.c.showPage()
            self.page += 1
            self.start_page()
        else:
            self.y = self.frames(self.page)[self.frame][2]

    def space(self, pts):
        self.y -= pts

    def line_words(self, words, x, y, w, font, size, justify, marks):
        """Draws one line word by word (justified: the spaces stretched), a word's footnote
        mark ("word^1") as a raised small digit."""
        plain = [wd.split("^")[0] for wd in words]
        natural = sum(width(p, font, size) for p in plain)
        space = width(" ", font, size)
        if justify and len(words) > 1:
            space = (w - natural) / (len(words) - 1)
        cx = x
        for wd, p in zip(words, plain):
            self.c.setFont(font, size)
            self.c.drawString(cx, y, p)
            cx += width(p, font, size)
            if "^" in wd and marks:
                mark = wd.split("^")[1]
                self.c.setFont(font, size * 0.6)
                self.c.drawString(cx, y + size * 0.4, mark)
                cx += width(mark, font, size * 0.6)
            cx += space

    def para(self, text, font=ROMAN, size=10, leading=12, after=6, indent=0, first=0,
             label=None, label_x=0, justify=True, align="left", hyphenate=False,
             right_indent=0):
        """One paragraph: `first` indents its first line, `indent` all lines, `label` hangs
        `label_x` points right of the frame's left edge ("12.", "II.")."""
        x, w, _, _ = self.frames(self.page)[self.frame]
        w -= right_indent
        lines = split_lines(text, font, size, w - indent - first, w - indent, hyphenate)
        for i, line in enumerate(lines):
            if self.y - leading < self.bottom():
                self.next_frame()
            x, w, _, _ = self.frames(self.page)[self.frame]
            w -= right_indent
            self.y -= leading
            lx = x + indent + (first if i == 0 else 0)
            lw = w - indent - (first if i == 0 else 0)
            if label and i == 0:
                self.c.setFont(font, size)
                self.c.drawString(x + label_x, self.y, label)
            if align == "center":
                self.c.setFont(font, size)
                self.c.drawCentredString(x + w / 2, self.y, line.replace("^", ""))
            elif align == "right":
                self.c.setFont(font, size)
                self.c.drawRightString(x + w, self.y, line)
            else:
                last = i == len(lines) - 1
                self.line_words(line.split(), lx, self.y, lw, font, size, justify and not last,
                                True)
        self.y -= after


def new_canvas(path, size, title, author="United Nations"):
    c = canvas.Canvas(path, pagesize=size, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    return c


# --- A report of the Secretary-General (UN layout, A4, justified, numbered paragraphs) -------

REPORT_SYMBOL = ("A/76/844", "S/2022/401")
REPORT_JOB = "22-07114"

REPORT = [
    ("h1", "I. Introduction"),
    ("p", "1.", "The present report, submitted pursuant to General Assembly resolution 63/308, "
     "reviews how Member States, the United Nations system and regional organizations have "
     "carried forward the responsibility to protect populations from genocide, war crimes, "
     "ethnic cleansing and crimes against humanity since the 2005 World Summit Outcome.^1"),
    ("p", "2.", "Seventeen years after the Summit, the principle commands broad support in "
     "debate, yet its implementation remains uneven. Atrocity crimes continue to be "
     "committed in several situations on the agenda of the Security Council, and the "
     "warning signs that preceded them were, in most cases, visible and reported well in "
     "advance."),
    ("h1", "II. Lessons learned for prevention"),
    ("h2", "A. Early warning and assessment"),
    ("p", "3.", "Early warning has improved markedly. The Office on Genocide Prevention and "
     "the Responsibility to Protect now shares its analysis framework with national "
     "mechanisms, and regional organizations have adapted it to their own risk "
     "assessments. What remains weak is the link between warning and action: analyses "
     "reach decision makers, but the political will to act on them often does not follow."),
    ("p", "4.", "Hate speech and incitement to violence are among the clearest indicators of "
     "risk. Where authorities, religious leaders and civil society responded early to "
     "incitement, tensions were contained; where they remained silent, targeted attacks on "
     "minorities followed within months.^2 National human rights institutions played a "
     "decisive role in documenting such incitement and in bringing it to the attention of "
     "the authorities before it esca|lated into violence against civil|ians."),
    ("p", "4.", "The Special Adviser on the Prevention of Genocide described the pattern to the "
     "Human Rights Council in these terms:"),
    ("q", "Incitement rarely announces itself as such. It begins as a grievance repeated on "
     "the radio, becomes a label for a whole community, and ends as a list of names. Each "
     "step can be named and each step can be interrupted."),
    ("p", "5.", "The protection of civilians depends on the respect of international "
     "humanitarian law by all parties. Attacks on hospitals, schools and humanitarian "
     "workers are not only violations of that law; they are often precursors of "
     "atrocity crimes and should trigger a response from the international community."),
    ("h2", "B. Accountability"),
    ("p", "6.", "Accountability for past crimes is itself a form of pre|vention. Impunity "
     "signals to perpetrators that atrocities carry no cost. I welcome the co|operation of "
     "States with commissions of inquiry and fact-finding missions, and I encourage all "
     "Member States to support the collection and preservation of evidence."),
    ("p", "7.", "Regional and subregional arrangements have proved their worth. Mediation by "
     "regional envoys defused several electoral crises, and peer review mechanisms allowed "
     "States to discuss sensitive issues such as the treatment of minorities without fear "
     "of stigmatization. Their experience deserves wider support from the United Nations."),
    ("h1", "III. Recommendations"),
    ("p", "7.", "I encourage Member States to appoint a national focal point for the "
     "responsibility to protect, to include atrocity prevention in their national "
     "development plans and to report on their progress at the next plenary debate of the "
     "General Assembly."),
    ("p", "9.", "Finally, I call on the members of the Security Council to refrain from using "
     "the veto in situations involving atrocity crimes. The Council's credibility, and the "
     "lives of countless civilians, depend on its ability to act together when populations "
     "are at risk of genocide, war crimes, ethnic cleansing or crimes against humanity."),
]

REPORT_NOTES = {
    1: [("1", "See General Assembly resolution 60/1, paras. 138 and 139."),
        ("2", "See the United Nations Strategy and Plan of Action on Hate Speech (2019); the "
         "Strategy commits the Organization to address root causes and drivers of hate speech.")],
}


def report_page(c, page):
    w, h = A4
    if page == 1:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(56, h - 52, "United Nations")
        c.setFont(ROMAN, 17)
        c.drawRightString(w - 56, h - 52, REPORT_SYMBOL[0] + "\u2013" + REPORT_SYMBOL[1])
        c.setLineWidth(1.5)
        c.line(56, h - 60, w - 56, h - 60)
        c.setFont("Helvetica-Bold", 17)
        c.drawString(130, h - 84, "General Assembly")
        c.drawString(130, h - 104, "Security Council")
        c.setFont(ROMAN, 9)
        c.drawString(420, h - 80, "Distr.: General")
        c.drawString(420, h - 91, "10 May 2022")
        c.drawString(420, h - 111, "Original: English")
        c.setLineWidth(0.5)
        c.line(56, h - 120, w - 56, h - 120)
        c.setFont(BOLD, 9)
        c.drawString(56, h - 134, "General Assembly")
        c.drawString(300, h - 134, "Security Council")
        c.setFont(ROMAN, 9)
        c.drawString(56, h - 145, "Seventy-sixth session")
        c.drawString(300, h - 145, "Seventy-seventh year")
        c.drawString(56, h - 156, "Agenda item 129")
        c.setFont(BOLD, 9)
        c.drawString(56, h - 167, "The responsibility to protect and the prevention of genocide,")
        c.drawString(56, h - 178, "war crimes, ethnic cleansing and crimes against humanity")
        c.setFont(BOLD, 14)
        c.drawString(130, h - 214, "Advancing atrocity prevention: lessons learned for")
        c.drawString(130, h - 231, "prevention")
        c.setFont(BOLD, 10)
        c.drawString(130, h - 256, "Report of the Secretary-General")
        # Job number and barcode line at the foot of the first page.
        c.setFont(ROMAN, 8)
        c.drawString(56, 40, REPORT_JOB + " (E)    160522")
        c.setFont("Courier", 11)
        c.drawString(56, 28, "*" + REPORT_JOB.replace("-", "") + "*")
    else:
        c.setFont(BOLD, 8)
        if page % 2 == 0:
            c.drawString(56, h - 42, REPORT_SYMBOL[0])
            c.drawString(56, h - 52, REPORT_SYMBOL[1])
        else:
            c.drawRightString(w - 56, h - 42, REPORT_SYMBOL[0])
            c.drawRightString(w - 56, h - 52, REPORT_SYMBOL[1])
        c.setFont(ROMAN, 8)
        c.drawString(56, 40, "%d/%d" % (page, 3) if page % 2 == 0 else REPORT_JOB)
        c.drawRightString(w - 56, 40, REPORT_JOB if page % 2 == 0 else "%d/%d" % (page, 3))


def report_frames(page):
    _, h = A4
    top = h - 280 if page == 1 else h - 72
    return [(130, 380, top, 72)]


def write_report(path, repeat=1):
    c = new_canvas(path, A4, "Microsoft Word - 2207114E.docx")
    flow = Flow(c, A4, report_frames, report_page, REPORT_NOTES if repeat == 1 else {})
    number = 0
    for _ in range(repeat):
        for item in REPORT:
            if item[0] == "h1":
                flow.space(8)
                flow.para(item[1].split(". ", 1)[1], font=BOLD, size=11, leading=14,
                          after=8, label=item[1].split(" ")[0], label_x=-30)
            elif item[0] == "h2":
                flow.para(item[1].split(". ", 1)[1], font=BOLD, size=10, leading=12,
                          after=6, label=item[1].split(" ")[0], label_x=-30)
            elif item[0] == "q":  # a quotation set in from both margins
                flow.para(item[1], size=10, leading=12, after=6, indent=28, right_indent=28,
                          hyphenate=True)
            else:
                number += 1
                text = item[2] if repeat == 1 else item[2].replace("^1", "").replace("^2", "")
                flow.para(text, label="%d." % number, first=28, after=6, hyphenate=True)
    c.showPage()
    c.save()


# --- A verbatim record: two columns, speaker turns -------------------------------------------

RECORD_SYMBOL = "A/76/PV.91"
RECORD_JOB = "22-39876"

RECORD_TURNS = [
    ("The President", "In accordance with General Assembly resolution 63/308, the Assembly "
     "will now hold its annual debate on the responsibility to protect and the prevention of "
     "genocide, war crimes, ethnic cleansing and crimes against humanity. I give the floor to "
     "the representative of Nigeria."),
    ("Mr. Okafor (Nigeria)", "My delegation thanks the Secretary-General for his report. "
     "Nigeria has learned at great cost that atrocity crimes do not begin with killing; they "
     "begin with words, with exclusion and with the slow erosion of trust between "
     "communities. Prevention therefore begins at home, with institutions that every "
     "community can trust, with an independent judiciary and with security forces that "
     "protect all citizens equally."),
    (None, "Africa has led on this question. The Constitutive Act of the African Union was "
     "the first international treaty to recognize the right of a regional organization to "
     "intervene in a member State in respect of grave circumstances, namely war crimes, "
     "genocide and crimes against humanity. We urge the Council to draw on the early "
     "warning capacities of the African Union and of the subregional organizations, which "
     "are closest to the communities at risk."),
    (None, "As our Foreign Minister told this Assembly last year, \u201cno State is so strong "
     "that it can afford to ignore the warning signs, and none is so weak that it cannot "
     "heed them\u201d. We remain committed to that view, and we call on all Member States to "
     "support the appointment of national focal points for the responsibility to protect."),
    ("Ms. Lindqvist (Sweden)", "I have the honour to speak on behalf of the Nordic "
     "countries. The responsibility to protect is not a licence to intervene; it is first "
     "and foremost a responsibility of each State towards its own population. Where a State "
     "manifestly fails to protect its population, the international community must be "
     "prepared to act collectively, in a timely and decisive manner, through the Security "
     "Council and in accordance with the Charter of the United Nations."),
    (None, "We share the concern of the Secretary-General at the rise of hate speech online. "
     "Incitement spreads faster than ever, and States must work with technology companies to "
     "identify and remove content that incites violence against minorities, while respecting "
     "freedom of expression."),
    (None, "We also wish to stress the importance of the second pillar. International "
     "assistance to States under stress, whether through development cooperation, support "
     "to the security sector or the training of judges, is an investment in prevention "
     "that costs far less than the response to a crisis once it has erupted."),
    ("The President", "I thank the representative of Sweden. I now give the floor to the "
     "representative of Mexico."),
    ("Mr. Ruiz Cabrera (Mexico)", "Mexico reaffirms its commitment to the three pillars of "
     "the responsibility to protect. We support the initiative to restrain the use of the "
     "veto in situations of mass atrocities, and we believe that no permanent member should "
     "block action by the Security Council when populations face genocide or crimes against "
     "humanity. The credibility of the Council depends on it."),
    (None, "Allow me to conclude by recalling the words of the former Secretary-General, "
     "who reminded this Assembly that sovereignty entails responsibility. That is the core "
     "of the principle, and it is the standard by which history will judge us all. Mexico "
     "will continue to work with all delegations so that the commitment of 2005 becomes a "
     "living reality for the populations that need it most."),
    ("The President", "I now give the floor to the representative of Lebanon."),
    ("Mr. Haddad (Lebanon)", "Lebanon has known what it means for a society to be torn "
     "apart by communal violence, and what it takes to rebuild trust afterwards. "
     "Reconciliation, transitional justice and the inclusion of all communities in public "
     "life are not luxuries to be considered once peace is secure; they are the conditions "
     "of a lasting peace and the surest safeguards against the recurrence of atrocities."),
    (None, "We therefore call for stronger support to national efforts at memorialization "
     "and education, so that the next generation learns where hatred leads. Prevention is "
     "cheaper than response, and it is also more humane: every life saved by timely "
     "action is a life that no later response could restore."),
    (None, "Finally, my delegation wishes to pay tribute to the humanitarian workers and "
     "human rights defenders who document abuses at great personal risk. Their protection "
     "is part of our common responsibility, and attacks against them must never go "
     "unpunished."),
    ("The President", "We have heard the last speaker in the debate on this item for this "
     "meeting. The General Assembly has thus concluded this stage of its consideration of "
     "agenda item 129."),
]


def record_page(c, page):
    w, h = letter
    if page == 1:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(54, h - 50, "United Nations")
        c.setFont("Helvetica-Bold", 12)
        c.drawRightString(w - 54, h - 50, RECORD_SYMBOL)
        c.setFont("Helvetica-Bold", 20)
        c.drawString(130, h - 82, "General Assembly")
        c.setFont(ROMAN, 11)
        c.drawString(130, h - 98, "Seventy-sixth session")
        c.setFont(BOLD, 11)
        c.drawRightString(w - 54, h - 82, "Official Records")
        c.drawString(130, h - 124, "91st plenary meeting")
        c.setFont(ROMAN, 11)
        c.drawString(130, h - 138, "Wednesday, 29 June 2022, 10 a.m.")
        c.drawString(130, h - 152, "New York")
        c.setFont(ROMAN, 10)
        c.drawString(54, h - 178, "President: Mr. Shahid . . . . . . . . . . . . . . (Maldives)")
        c.setFont(ITALIC, 10)
        c.drawCentredString(w / 2, h - 204, "The meeting was called to order at 10.05 a.m.")
        c.setFont(BOLD, 11)
        c.drawCentredString(w / 2, h - 226, "Agenda item 129")
        c.drawCentredString(w / 2, h - 240,
                            "The responsibility to protect and the prevention of genocide, war")
        c.drawCentredString(w / 2, h - 254,
                            "crimes, ethnic cleansing and crimes against humanity")
        # The disclaimer box at the foot of a record's first page.
        c.rect(54, 62, w - 108, 62)
        c.setFont(ROMAN, 8)
        for i, line in enumerate(simpleSplit(
                "This record contains the text of speeches delivered in English and of the "
                "translation of speeches delivered in other languages. Corrections should be "
                "submitted to the original languages only. They should be incorporated in a copy "
                "of the record and sent under the signature of a member of the delegation "
                "concerned to the Chief of the Verbatim Reporting Service. Corrected records will "
                "be reissued electronically on the Official Document System of the United Nations "
                "(http://documents.un.org).", ROMAN, 8, w - 124)):
            c.drawString(62, 112 - 9.5 * i, line)
        c.drawString(54, 36, RECORD_JOB + " (E)")
        c.setFont("Courier", 10)
        c.drawRightString(w - 54, 36, "*" + RECORD_JOB.replace("-", "") + "*")
    else:
        c.setFont(ROMAN, 8)
        c.drawString(54, h - 40, RECORD_SYMBOL)
        c.drawRightString(w - 54, h - 40, "29/06/2022")
        c.line(54, h - 44, w - 54, h - 44)
        c.drawString(54, 36, "%d/%d" % (page, 3))
        c.drawRightString(w - 54, 36, RECORD_JOB)


def record_frames(page):
    w, h = letter
    top = h - 270 if page == 1 else h - 60
    bottom = 140 if page == 1 else 60
    gutter = 18
    col = (w - 108 - gutter) / 2
    return [(54, col, top, bottom), (54 + col + gutter, col, top, bottom)]


def write_record(path):
    c = new_canvas(path, letter, RECORD_SYMBOL)
    flow = Flow(c, letter, record_frames, record_page)
    for speaker, text in RECORD_TURNS:
        body = ("%s: %s" % (speaker, text)) if speaker else text
        flow.para(body, size=10, leading=11.5, after=0, first=14, justify=True, hyphenate=True)
    c.showPage()
    c.save()


# --- A delegation statement: single column, ragged right, blank-line paragraphs ------------

STATEMENT = [
    ("center-bold", "Permanent Mission of the Republic of Palau to the United Nations"),
    ("right-italic", "Check against delivery"),
    ("center-bold14", "Statement by H.E. Ambassador Miriam Tellei, Permanent Representative "
     "of Palau to the United Nations"),
    ("center", "General Assembly Plenary Debate on the Responsibility to Protect"),
    ("center", "New York, 29 June 2022"),
    ("p", "Mr. President,"),
    ("p", "I thank you for convening this debate, and I thank the Secretary-General for his "
     "report on lessons learned for prevention. Palau aligns itself with the statement "
     "delivered on behalf of the Group of Friends of the Responsibility to Protect, and "
     "wishes to add a few remarks in its national capacity."),
    ("p", "Small island States know that vulnerability is not only a matter of size. Our "
     "communities depend on the rule of law, on the protection that international law "
     "affords to the weak, and on the willingness of the international community to act "
     "when a Government cannot or will not protect its own people. For us the "
     "responsibility to protect is not an abstraction; it is a promise that the strong "
     "made to the weak in 2005, and it must be kept."),
    ("p", "The Special Adviser on the Prevention of Genocide put it plainly when she briefed "
     "the Council in March: \u201cEvery atrocity we have failed to prevent was preceded by "
     "warnings that were heard and not heeded.\u201d We could not agree more. Early warning "
     "must lead to early action, and early action must include the voices of women, of "
     "young people and of the communities most at risk."),
    ("p", "Let me conclude with three proposals. First, every Member State should appoint a "
     "national focal point. Second, the General Assembly should keep the responsibility to "
     "protect on its formal agenda every year. Third, the Security Council should hear "
     "civil society briefers whenever it considers a situation where atrocity crimes are "
     "at risk of being committed, because those closest to the danger see it first and "
     "warn us earliest."),
    ("p", "I thank you, Mr. President."),
]


def statement_page(c, page):
    w, _ = letter
    c.setFont(ROMAN, 10)
    c.drawCentredString(w / 2, 40, str(page))


def statement_frames(page):
    _, h = letter
    return [(90, 432, h - 72, 230 if page == 1 else 72)]


def write_statement(path):
    c = new_canvas(path, letter, "Palau: Statement on the Responsibility to Protect",
                   author="Permanent Mission of Palau")
    flow = Flow(c, letter, statement_frames, statement_page)
    for kind, text in STATEMENT:
        if kind == "center-bold":
            flow.para(text, font=BOLD, size=11, leading=14, after=10, align="center")
        elif kind == "right-italic":
            flow.para(text, font=ITALIC, size=11, leading=14, after=14, align="right")
        elif kind == "center-bold14":
            flow.para(text, font=BOLD, size=14, leading=18, after=6, align="center")
        elif kind == "center":
            flow.para(text, size=12, leading=15, after=4, align="center")
        else:
            flow.para(text, size=12, leading=18, after=12, justify=False, hyphenate=True)
    c.showPage()
    c.save()


# --- A civil-society bulletin: two columns laid out by reportlab's platypus ----------------
# (another way of writing PDF text: whole lines, justified by word spacing, Helvetica)

BULLETIN = [
    ("h", "Situation overview"),
    ("p", "Populations in the northern border districts face a serious risk of atrocity "
     "crimes as armed groups expand their operations and target communities perceived as "
     "supporting the government. Reports received in recent weeks describe the burning of "
     "villages, the abduction of teachers and health workers, and the forced displacement "
     "of more than forty thousand people."),
    ("p", "Local monitors have recorded a sharp rise in hate speech on community radio "
     "stations and messaging groups, much of it directed at pastoralist communities. In two "
     "districts, lists of names circulated before attacks on market towns, a pattern that "
     "has preceded mass killings elsewhere."),
    ("h", "Analysis"),
    ("p", "The government has a responsibility to protect all populations within its "
     "borders, regardless of ethnicity or religion. It must ensure that its own security "
     "forces respect international humanitarian law and human rights law, and that those "
     "responsible for abuses are held accountable through independent and credible "
     "investigations."),
    ("p", "Regional organizations have called for dialogue, but their mediation efforts "
     "have so far failed to halt the violence. The deployment of human rights monitors, "
     "agreed in principle in March, has not yet taken place because of restrictions on "
     "access imposed by the authorities."),
    ("p", "Humanitarian agencies report that access to the most affected districts has "
     "been denied on at least eleven occasions since January. Without access, neither "
     "assistance nor independent reporting can reach the populations most at risk, and "
     "the international community is left to act on partial information."),
    ("h", "Necessary action"),
    ("p", "The international community should support the national human rights "
     "commission, press for unhindered humanitarian access, and ensure that early warning "
     "leads to early action. The Security Council should remain seized of the situation "
     "and be prepared to take timely and decisive action."),
    ("p", "Member States with influence over the parties should use it now, before the "
     "rainy season ends and the fighting resumes. Every week of delay makes prevention "
     "harder and the eventual response more costly, in lives and in resources."),
    ("p", "Donors should fund the community early warning networks that first reported "
     "the lists of names, and protect the monitors who run them, several of whom have "
     "received threats for their work."),
]


def write_bulletin(path):
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
    w, h = A4
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=9.5, leading=12,
                          alignment=TA_JUSTIFY, spaceAfter=7)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=12, leading=15,
                          spaceBefore=6, spaceAfter=4)
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=24,
                           spaceAfter=10)

    def on_page(c, doc):
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 30, "R2P Monitor | Issue 61 | 1 June 2022")
        c.drawRightString(w - 40, 30, "Page %d" % doc.page)

    gutter = 14
    col = (w - 80 - gutter) / 2
    # Short columns (the lower half of the page holds a map in the printed bulletin), so that
    # the text runs over to a second page.
    frames = [Frame(40, 420, col, h - 490, id="left"),
              Frame(40 + col + gutter, 420, col, h - 490, id="right")]
    doc = BaseDocTemplate(path, pagesize=A4, title="R2P Monitor, Issue 61",
                          author="Atrocity Prevention Network", invariant=1)
    doc.addPageTemplates([PageTemplate(id="two", frames=frames, onPage=on_page)])
    story = [Paragraph("Northern border districts: populations at risk", title)]
    for kind, text in BULLETIN:
        story.append(Paragraph(text, head if kind == "h" else body))
    doc.build(story)


# --- Files that cannot be read ---------------------------------------------------------------

def write_scanned(path):
    """A page that is only an image (a scan): no text layer."""
    from PIL import Image, ImageDraw
    img = Image.new("L", (300, 400), 255)
    draw = ImageDraw.Draw(img)
    for i in range(12):
        draw.rectangle((30, 40 + 25 * i, 270 - (i % 3) * 30, 50 + 25 * i), fill=40)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    from reportlab.lib.utils import ImageReader
    c = new_canvas(path, letter, "Scanned statement")
    c.drawImage(ImageReader(buf), 72, 200, width=300, height=400)
    c.showPage()
    c.save()


def write_encrypted(path):
    from reportlab.lib import pdfencrypt
    enc = pdfencrypt.StandardEncryption("r2p-user", ownerPassword="r2p-owner", strength=128)
    c = canvas.Canvas(path, pagesize=letter, invariant=1, encrypt=enc)
    c.setFont(ROMAN, 12)
    c.drawString(72, 700, "The responsibility to protect is a commitment of every State.")
    c.showPage()
    c.save()


def write_truncated(source, path, keep=700):
    with open(source, "rb") as f:
        data = f.read()
    with open(path, "wb") as f:
        f.write(data[:keep])


def main(argv):
    if len(argv) >= 3 and argv[1] == "--large":
        pages = int(argv[3]) if len(argv) > 3 else 200
        # About 0.93 pages per copy of the report body.
        write_report(argv[2], repeat=max(1, pages * 100 // 93))
        return
    os.makedirs(BROKEN, exist_ok=True)
    write_report(os.path.join(OUT, "sg_report_atrocity_prevention.pdf"))
    write_record(os.path.join(OUT, "ga_verbatim_record_two_columns.pdf"))
    write_statement(os.path.join(OUT, "palau_delegation_statement.pdf"))
    write_bulletin(os.path.join(OUT, "bulletin_two_columns_platypus.pdf"))
    write_truncated(os.path.join(OUT, "sg_report_atrocity_prevention.pdf"),
                    os.path.join(BROKEN, "truncated.pdf"))
    write_scanned(os.path.join(BROKEN, "scanned_no_text.pdf"))
    write_encrypted(os.path.join(BROKEN, "encrypted.pdf"))


if __name__ == "__main__":
    main(sys.argv)
