"""Recognising page furniture: lines that belong to the web page, not to the article.

Each rule matches a whole line (already stripped). Rules are deliberately narrow
because a removed line can never become a claim; the tail rule (short unpunctuated
lines after the last real paragraph) catches widget debris the patterns miss.
"""

from __future__ import annotations

import re

_JUNK_PATTERNS = [
    # Comment and sharing widgets.
    r"(?:no|\d+|view|show|read|load|add|leave|post|see)\s+(?:all\s+)?(?:\d+\s+)?comments?\b.*",
    r"comments?(?:\s*\(\d+\))?:?",
    r"share(?:\s+(?:this|on|via|article|story|page)\b.{0,60})?:?",
    r"(?:share|tweet|email|e-mail|print|save|copy\s+link|facebook|twitter|x|linkedin|whatsapp|"
    r"reddit|pinterest|flipboard|messenger)(?:\s*[|/·•,]\s*\w+)*",
    r"poster\s+speaks\b.*",
    # Subscriptions, navigation and recommendation boxes.
    r"(?:subscribe|sign\s+up|sign\s+in|log\s*in|register)\b.*",
    r"related\s*:?|(?:related|more)\s+(?:coverage|stories|articles|content|news|reading|links|"
    r"topics|videos?)\b.{0,80}",
    r"(?:read|see|watch|listen)\s+(?:more|also|next|now|the\s+full)\b.*",
    r"(?:also\s+read|read\s+next|most\s+read|recommended(?:\s+for\s+you)?|trending(?:\s+now)?|most\s+(?:read|popular|viewed|shared)|"
    r"top\s+stories|latest\s+(?:news|stories)|editor'?s\s+picks?|you\s+may\s+also\s+like|more\s+from)\b.*",
    r"(?:advertisement|advertising|ad|sponsored(?:\s+content)?|paid\s+content|promoted)",
    r"(?:skip\s+to|jump\s+to|back\s+to\s+top|go\s+to|return\s+to)\b.*",
    r"(?:previous|next)\s+(?:article|story|post|page)\b.*",
    r"listen\s+to\s+(?:this\s+)?(?:article|story)\b.*",
    r"\d+\s+min(?:ute)?s?\s+read",
    r"(?:get|sign\s+up\s+for)\s+(?:the|our)\b.*\bnewsletters?\b.*",
    r"newsletters?\b.*",
    r"(?:follow|like)\s+(?:us|@\w+)\b.*",
    r"click\s+(?:here|to)\b.*",
    r"(?:tags?|topics?|filed\s+under|categories|category)\s*:.*",
    r"loading(?:\.\.\.|…)?",
    r"(?:image|photo|picture)\s+\d+\s+of\s+\d+.*",
    # Photo and video credits.
    r"(?:photo|image|picture|video|file\s+photo|graphic|illustration|caption)\s*(?:credit)?\s*[:|].*",
    r"(?:photo|image|picture|illustration)\s+(?:credit|courtesy|by)\b.*",
    r".{0,80}\b(?:getty\s+images|ap\s+photo|afp\s+via\s+getty|reuters/|epa-efe|shutterstock|"
    r"via\s+reuters|afp\s+photo)\b.{0,40}",
    # Wire and press-release furniture.
    r"\(?(?:reporting|additional\s+reporting|writing|editing|compiled|edited|"
    r"written)\s+by\b.*",
    r"(?:copyright\s*(?:©|\(c\))?\s*\d{4}|©|\(c\)\s*\d{4}).*",
    r".*\ball\s+rights\s+reserved\b.*",
    r"for\s+immediate\s+release\b.*",
    r"(?:media|press|news)\s+(?:contacts?|inquiries|enquiries)\b.*|press\s+office\s*:.*",
    r"contacts?\s*:.*",
    r"(?:e-?mail|tel|telephone|phone|fax|web|website|twitter|mobile|cell)\s*:.*",
    r"#{3,}|-\s*30\s*-|\*{3,}|end",
    r"the\s+views\s+(?:expressed|in\s+this)\b.*",
    r"our\s+standards\s*:.*",
    r".{0,80}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)(?:ing)?\.?",
    r"(?:this|the)\s+(?:article|story|post|piece|transcript|report)\s+(?:was|has\s+been|is|first|"
    r"originally|may\s+be)\s+(?:\w+\s+){0,2}(?:published|updated|appeared|corrected|amended|"
    r"prepared|produced|edited)\b.*",
    r"(?:his|her|their|the\s+author'?s|the\s+writer'?s)\s+views\s+are\s+(?:his|her|their)\s+own\.?",
    # Pure punctuation or symbols.
    r"[\W_]+",
]
JUNK_RE = re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in _JUNK_PATTERNS) + r")$", re.IGNORECASE)

# "Patrick Smith is a London-based editor and reporter from NBC News Digital."
BIO_RE = re.compile(
    r"^(?:[—–-]\s*)?(?P<name>(?:[A-Z][\w.'’-]+\s+){1,4})(?:is|was|has\s+been|writes|covers|reports|"
    r"teaches|works)\b.{0,200}\b(?:editor|reporter|correspondent|writer|journalist|columnist|"
    r"contributor|producer|fellow|professor|author|researcher|host|anchor|intern|lecturer|"
    r"bureau\s+chief|senior\s+fellow|freelance|staff\s+writer)s?\b.{0,200}$",
)
# "The author is a former ambassador ..." notes; trusted only in the article's tail.
AUTHOR_NOTE_RE = re.compile(
    r"^(?P<name>the\s+(?:author|writer)s?)\s+(?:is|are|was|were|writes|has|served)\b.{0,300}$",
    re.IGNORECASE,
)
# Lines that can only be widget debris: short, no sentence punctuation ("Poster Speaks/box").
WIDGET_RE = re.compile(r"^[^.!?\"“”]{1,40}/[^.!?\"“”\s]{1,20}$")
# A byline: "By NAME", "By NAME and NAME", "By NAME, Reuters", "BY NAME | Outlet".
BYLINE_RE = re.compile(
    r"^(?:by|BY|By)[:\s]\s*(?P<name>(?:[A-Z][\w.'’-]*|and|de|da|van|von|der|del|la|le|bin|al-\w+|"
    r"[,|&]|and\s+)(?:\s*(?:[A-Z][\w.'’-]*|and|de|da|van|von|der|del|la|le|bin|al-\w+|[,|&]|[A-Z]\.))"
    r"{0,11})\s*$"
)
LINK_HEADING_RE = re.compile(
    r"^(?:related(?:\s+(?:coverage|stories|articles|content|links|reading))?|more\s+(?:stories|news|coverage|"
    r"from\s+.{1,40})|most\s+(?:read|popular|viewed|shared)|read\s+more|recommended(?:\s+for\s+you)?|"
    r"trending(?:\s+now)?|top\s+stories|you\s+may\s+also\s+like|editor'?s\s+picks?)\s*:?$",
    re.IGNORECASE,
)
CREDIT_RE = re.compile(
    r"^(?:photo|image|picture|video|file\s+photo|illustration)\s*(?:credit)?\s*[:|].{0,80}$|"
    r"^.{0,80}\b(?:getty\s+images|ap\s+photo|afp\s+via\s+getty|epa-efe|shutterstock)\b.{0,40}$",
    re.IGNORECASE,
)
ABOUT_RE = re.compile(r"^[Aa]bout\s+(?:the\s+)?[A-Z][^.!?]{1,60}$")
NAME_VERB_RE = re.compile(
    r"^(?:[—–-]\s*)?(?P<name>(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w'’-]+)\s+(?:is|was|covers|writes|"
    r"reports|has\s+(?:covered|written|reported)|teaches|edits)\b"
)
_TERMINAL_RE = re.compile(r"[.!?:;\"”’)]\s*$")
_WORD_RE = re.compile(r"\w+")


def is_junk_line(line: str) -> bool:
    """Whole-line furniture patterns (see module doc)."""
    if len(line) > 400:
        return False
    return bool(JUNK_RE.match(line)) or bool(WIDGET_RE.match(line))


def bio_name(line: str) -> str | None:
    """The person an author-biography line describes, or None if it is not one."""
    if len(line) > 400:
        return None
    m = BIO_RE.match(line) or AUTHOR_NOTE_RE.match(line)
    return m.group("name").strip() if m else None


def shares_name(a: str, b: str | None) -> bool:
    if not b:
        return False
    words = {w.lower() for w in _WORD_RE.findall(b) if len(w) > 2}
    return bool(words & {w.lower() for w in _WORD_RE.findall(a) if len(w) > 2})


def is_short_unpunctuated(line: str, max_words: int = 6) -> bool:
    """A short line without sentence punctuation: a label or link, not a statement."""
    return len(_WORD_RE.findall(line)) <= max_words and not _TERMINAL_RE.search(line)


def is_link_heading(line: str) -> bool:
    """Headings of link lists whose following lines are headlines of other stories."""
    return bool(LINK_HEADING_RE.match(line))


def is_credit_line(line: str) -> bool:
    """A photo or video credit; the caption next to it is furniture too."""
    return bool(CREDIT_RE.match(line))


def is_about_heading(line: str) -> bool:
    """ "About Norland Motors": the start of press-release boilerplate."""
    return bool(ABOUT_RE.match(line))


def author_note(line: str, byline: str | None) -> bool:
    """ "Lena Okafor covers the Pentagon for ..." where the name is the byline's."""
    if not byline or len(line) > 400:
        return False
    m = NAME_VERB_RE.match(line)
    return m is not None and shares_name(m.group("name"), byline) and len(m.group("name").split()) >= 2


def match_byline(line: str) -> str | None:
    """The byline's names without "By", or None if the line is not a byline."""
    if len(line) > 160:
        return None
    m = BYLINE_RE.match(line)
    if not m:
        return None
    name = m.group("name").strip(" ,|&")
    # Require at least one capitalised word that is not a connector.
    if not any(w[:1].isupper() for w in name.split()):
        return None
    return name
