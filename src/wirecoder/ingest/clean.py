"""Clean wire copy the way it arrives from scrapers and feeds.

The cascade, over blocks (paragraphs whose lines stay apart until step 2 is done):

1. normalise whitespace and split into blocks (blank lines, else single line breaks);
2. take out *meta lines*: dates, bylines and agencies, alone, joined by ``|``/``•`` or stacked
   ("By PTI", "Reuters | Dec 1, 2020", "COLOMBO, December 01, 2020 23:11 IST", "Source: Xinhua");
   a bare name is a byline only beside another meta part; meta lines atop a block are peeled off;
3. take out photo captions and credits ("For representational purposes ( Photo | ... )",
   "File photo", "Photograph: X/Reuters", "(AP Photo/Name)", "[Name/AFP]", "Image caption", a
   trailing "| Name/Getty Images") and
   furniture ("Also read", "Follow us on", "Click here to ...", "Reporting by ..."); a closing
   heading ("Related Topics") ends the body; "... — AFP" is a caption unless no body follows it;
4. cut the dateline off the first body paragraph ("BEIJING:", "WASHINGTON (Reuters) -",
   "LONDON, Dec 1 (AFP) -", "Kathmandu [Nepal], December 1 (ANI):", "Raipur, India - ", a lone
   "ANKARA" line),
   keeping the place and the agency;
5. drop a lede or standfirst printed twice (the copy above the byline goes).

"Published"/"Posted" dates win over a bare date line, which wins over "Updated".
The result's ``text`` is the body every later offset points into.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields, replace

from wirecoder.ingest.names import country_names, find_agency
from wirecoder.ingest.published import is_date_line, parse_published


@dataclass(frozen=True, slots=True)
class Cleaned:
    text: str
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    byline: str | None = None
    dateline: str | None = None


@dataclass(slots=True)
class _Found:
    published: str | None = None
    dated: str | None = None
    updated: str | None = None
    agency: str | None = None
    byline: str | None = None
    dateline: str | None = None


def _lead_agency(text: str) -> str | None:
    """The agency named by the first words of ``text`` ("Copyright 2020 The Associated Press. ...")."""
    text = re.sub(r"(?i)^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}\s+)?", "", text)
    words = text.split()[:4]
    for n in range(len(words), 0, -1):
        if agency := find_agency(" ".join(words[:n]).rstrip(".,;:")):
            return agency
    return None


_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return _WS.sub(" ", text)


def split_blocks(text: str) -> list[str]:
    """Blocks separated by blank lines (else each line is one), their lines stripped and kept."""
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    stripped = ["\n".join(line.strip() for line in b.split("\n") if line.strip()) for b in blocks]
    return [b for b in stripped if b]


# ---------- meta lines: dates, bylines, agencies ----------

_DATE_KEY = re.compile(r"^(?P<key>(?:first\s+)?published|updated?|last\s+updated|last\s+modified|posted|"
                       r"modified|created|issued|pub\s*date|date)(?:\s+(?:on|at))?\s*[:\-]?\s*(?P<value>.*)$",
                       re.IGNORECASE)
_RELATIVE_TIME = re.compile(r"^(?:(?:last\s+)?updated?\s*:?\s*)?(?:about\s+)?(?:\d+|an?|one)\s+"
                            r"(?:sec|min|hour|hr|day|week)s?\w*\s+ago$", re.IGNORECASE)
_WHO_DATE = re.compile(r"^(?P<who>[^,|]{2,40}?)\s*,\s*(?P<date>.+)$")
_BYLINE = re.compile(r"^(?:by|from)\s+(?P<who>[^.!?]{2,80})$", re.IGNORECASE)
_SOURCE = re.compile(r"^source\s*:\s*(?P<who>[^.!?:]{2,60})$", re.IGNORECASE)
_EDITOR = re.compile(r"^editors?\s*:\s*[^.!?:]{2,40}$", re.IGNORECASE)
_STAFF = re.compile(r"^(?:[\w'’]+\s+){0,3}(?:staff\s+writer|staff\s+reporter|correspondent|news\s+service|"
                    r"bureau|news\s+desk)$", re.IGNORECASE)
_READ_TIME = re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", re.IGNORECASE)
_PERSON = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|bin|al|el|da|dos)){1,3}?"
_NAME_LINE = re.compile(rf"^(?P<who>{_PERSON})(?:\s+(?:[A-Z][a-z]+\s+)?(?:[a-z]+\s+)?"
                        r"(?:editor|correspondent|reporter|writer|columnist)|\s+in\s+[A-Z][\w-]+)?"
                        r"(?P<agencies>\s+and\s+agencies)?$")
_NOT_TIME = r"(?!\d{1,2}[:.]\d\d(?![.\d]))"  # "1 December 2020 | 11:11 IST" is one date
_META_SPLIT = re.compile(rf"\s*\n\s*|\s*[|•·]\s*{_NOT_TIME}|\s+/\s+{_NOT_TIME}")


def _date_part(part: str, found: _Found) -> bool:
    key = _DATE_KEY.match(part)
    if key and (value := parse_published(key.group("value"))):
        if key.group("key").lower().startswith(("update", "last", "modified")):
            found.updated = found.updated or value
        else:
            found.published = found.published or value
        return True
    if is_date_line(part):
        found.dated = found.dated or parse_published(part)
        return True
    who_date = _WHO_DATE.match(part)
    if not (who_date and is_date_line(who_date.group("date"))):
        return False
    who = who_date.group("who")
    if agency := find_agency(who):
        found.agency = found.agency or agency
    elif who.upper() == who and len(who) >= 3 and re.fullmatch(r"[A-Z .'-]+", who):
        found.dateline = found.dateline or _title_case(who)
    else:
        return False
    found.dated = found.dated or parse_published(who_date.group("date"))
    return True


def _meta_part(part: str, found: _Found) -> bool:
    """Record what a piece of a meta line says; False if it is not meta."""
    part = part.strip()
    if _date_part(part, found) or _RELATIVE_TIME.match(part) or _READ_TIME.match(part) \
            or _EDITOR.match(part):
        return True
    if agency := find_agency(part):
        found.agency = found.agency or agency
        return True
    if source := _SOURCE.match(part):
        names = re.split(r"(?i),|\band\b|/", source.group("who"))
        agencies = [a for a in (find_agency(n.strip()) for n in names) if a]
        found.agency = found.agency or (agencies[0] if agencies else None)
        return True
    byline = _BYLINE.match(part)
    if byline and len(byline.group("who").split()) <= 10:
        _take_byline(byline.group("who"), found)
        return True
    if _STAFF.match(part):
        found.byline = found.byline or part
        return True
    return False


def _take_byline(who: str, found: _Found) -> None:
    names = [w.strip() for w in re.split(r"(?i),|\band\b|/", who.strip(" ,;")) if w.strip()]
    people: list[str] = []
    for name in names:
        if agency := find_agency(name):
            found.agency = found.agency or agency
            continue
        name, agency = _split_agency_suffix(name)
        found.agency = found.agency or agency
        people.append(name.title() if name.isupper() else name)
    if people:
        found.byline = found.byline or ", ".join(people)


def _split_agency_suffix(name: str) -> tuple[str, str | None]:
    """"RAHIM FAIEZ Associated Press" -> ("RAHIM FAIEZ", "AP")."""
    words = name.split()
    for n in range(min(4, len(words) - 1), 0, -1):
        if agency := find_agency(" ".join(words[-n:])):
            return " ".join(words[:-n]), agency
    return name, None


def take_meta(paragraph: str, found: _Found) -> bool:
    """True if the block is meta: every part a date/byline/agency, or a name beside such a part."""
    parts = [p for p in _META_SPLIT.split(paragraph) if p.strip()]
    if not parts or any(len(p) > 200 for p in parts):
        return False
    trial = replace(found)
    names: list[str] = []
    for part in parts:
        if _meta_part(part, trial):
            continue
        name = _NAME_LINE.match(part.strip()) if len(parts) > 1 else None
        if name is None:
            return False
        names.append(name.group("who") + (name.group("agencies") or ""))
    if len(names) == len(parts):
        return False
    for who in names:
        _take_byline(who, trial)
    for field in fields(found):
        setattr(found, field.name, getattr(trial, field.name))
    return True


def take_meta_lines(block: str, found: _Found) -> str:
    """The block without its meta lines: all of it if it is meta, else the meta lines on top."""
    if take_meta(block, found):
        return ""
    lines = block.split("\n")
    while len(lines) > 1 and take_meta(lines[0], found):
        lines.pop(0)
    return " ".join(lines)


# ---------- captions, credits, furniture ----------

_CAPTION_START = re.compile(
    r"^\(?\s*(?:for\s+representational\s+purposes?|representational\s+(?:image|photo|picture)|"
    r"representative\s+(?:image|photo|picture)|file\s+(?:photo|image|picture|pic)\b(?!s)|"
    r"(?:image|media|video|photo)\s+(?:copyright|caption|source)\b|"
    r"photo\s*(?:credit)?s?\s*[:|]|image\s*(?:credit)?s?\s*[:|]|picture\s*[:|]|pictured\s*:|caption\s*:|"
    r"photograph\s*:|credit\s*:|(?:photo|image)\s+(?:by|courtesy)\b|watch\s*(?:video)?\s*:|video\s*:)",
    re.IGNORECASE)
_CREDIT = re.compile(r"\s*\(\s*(?:photo|image|picture|pic|file\s+photo|representational\s+image)\s*"
                     r"(?:credit)?\s*[|:/]\s*[^()]{0,80}\)", re.IGNORECASE)
_PHOTO_END = re.compile(r"(?:[(\[]\s*(?:photo|image|picture|file)\b[^)\]]*[)\]]|photograph\s*:\s*\S.{0,80})$",
                        re.IGNORECASE)
_AGENCY_CREDIT_END = re.compile(r"(?:\[(?P<square>[^\[\]]{1,80})\]|\((?P<round>[^()]{0,60}/[^()]{1,60})\)"
                                r"|\s(?P<caps>[A-Z]{2,10})/[A-Z][\w .'-]{1,40}(?:/File Photo)?)\s*$")
# Photo libraries and credit words: they credit pictures but report no news (not in agencies.tsv).
_PHOTO_CREDITS = re.compile(r"(?i)(?:getty(?:\s+images)?|shutterstock|alamy|istock(?:photo)?|epa(?:-efe)?|"
                            r"pool|file(?:\s+photo)?|(?:ap|afp|reuters)\s+photo|photo(?:graph)?|image|picture|credit|"
                            r"str|stringer|handout|staff)")
_PIPE_CREDIT = re.compile(r"\s+\|\s*(?P<credit>[^|]{2,80}?)\s*$")
_AGENCY_TAG = re.compile(r"\s[—–-]+\s*(?P<agency>[A-Z][\w.-]*(?:\s*/\s*File)?(?:\s+[Pp]hoto)?)\s*$")


def _agency_credit(paragraph: str) -> bool:
    """Ends in an agency photo credit: "(AP Photo/Name)", "[Name/AFP]", "(Xinhua/Name)", "REUTERS/Name"."""
    m = _AGENCY_CREDIT_END.search(paragraph)
    if m is None:
        return False
    if m.group("caps"):
        return find_agency(m.group("caps")) is not None
    segments = re.split(r"\s*/\s*|:\s*", m.group("square") or m.group("round"))
    if not any(find_agency(s) for s in segments):
        return False
    # round brackets need a photographer or "Photo": "(Reuters/Ipsos)" is a poll, not a credit
    return bool(m.group("square")) or "photo" in m.group("round").lower() \
        or any(re.fullmatch(_PERSON, s) for s in segments if not find_agency(s))


def without_pipe_credit(paragraph: str) -> str:
    """The paragraph without a photo credit a scraper ran into it: "... said in a statement | Chip
    Somodevilla/Getty Images". Not "declined to comment | officials said": a credit is names and
    agencies, one of which credits photos or news."""
    m = _PIPE_CREDIT.search(paragraph)
    if m is None:
        return paragraph
    parts = [p.strip() for p in re.split(r"/|\s+via\s+|:", m.group("credit")) if p.strip()]
    credits = [p for p in parts if _PHOTO_CREDITS.fullmatch(p) or find_agency(p)]
    names = [p for p in parts if p not in credits and re.fullmatch(_PERSON, p)]
    if credits and len(credits) + len(names) == len(parts):
        return paragraph[:m.start()]
    return paragraph


def agency_tag(paragraph: str) -> tuple[str, str] | None:
    """A short paragraph ending in "— AFP": (its text, the agency). A caption, or the body's sign-off."""
    m = _AGENCY_TAG.search(paragraph)
    if m is None or len(paragraph.split()) > 45 or not (agency := find_agency(m.group("agency"))):
        return None
    return paragraph[:m.start()].strip(), agency


def is_caption(paragraph: str) -> bool:
    words = len(paragraph.split())
    if words > 60:
        return False
    if _CAPTION_START.match(paragraph):
        return True
    if _CREDIT.search(paragraph) and _CREDIT.sub("", paragraph).strip() == "":
        return True
    return words <= 45 and (_PHOTO_END.search(paragraph) is not None or _agency_credit(paragraph))


_FURNITURE = re.compile(
    r"^\(?\s*(?:also\s+read|read\s+(?:more|also)|related\s*(?::|coverage|stories|articles)|"
    r"follow\s+(?:us|him|her|them|the\s+author|@|[\w ]{2,30}?['’]s\s+(?:coverage|live|latest|full))|"
    r"click\s+here|subscribe\s+(?:to|now)|sign\s+up\s+(?:for|to)|"
    r"download\s+the|join\s+our|like\s+us\s+on|share\s+(?:this|on)|copyright\b|©|\(c\)\s|"
    r"all\s+rights\s+reserved|for\s+the\s+latest|get\s+the\s+latest|catch\s+all\s+the|"
    r"(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|our\s+standards\s*:|"
    r"this\s+story\s+has\s+not\s+been\s+edited|\(?except\s+for\s+the\s+headline|disclaimer\s*:|"
    r"published\s+in\s+\w+,|(?:with\s+)?inputs?\s+from|advertisement$|trending\s*:|"
    r"contact\s+(?:the\s+)?(?:reporter|writer|author)\b|(?:reach|e-?mail)\s+[\w. ]{2,40}\s+at\s+\S+@|"
    r"short\s+link\s*:|our\s+code\s+of\s+editorial\s+values|end\s*item\b|end\)?$|"
    r"[\w ]{2,40}\s+website\s+contains\s+only\b|"
    r"don'?t\s+miss\s*:|must\s+read\s*:|recommended\s*:|more\s+on\s+this)",
    re.IGNORECASE)
_CONTRIBUTED = re.compile(r"\bcontributed(?:\s+to\s+this\s+(?:report|story)|\s+reporting)\.?$", re.IGNORECASE)
_SIGN_OFF = re.compile(r"^(?:[a-z]{2,5}[-/])+[a-z]{2,5}$"  # AFP desk slugs: "ber/jj", "burs-dk/sst"
                       r"|^(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\s,;]*)+$")  # reporters' e-mail addresses
_INPUTS_FROM = re.compile(r"inputs?\s+from\s+(?P<who>[A-Za-z ,&-]+)", re.IGNORECASE)
_CLOSING_HEADING = re.compile(
    r"(?:related\s+topics|explore\s+more\s+on\s+th(?:ese|is)\s+topics?|more\s+on\s+this\s+story|"
    r"related\s+internet\s+links|reuse\s+this\s+content|most\s+(?:read|viewed|popular)|top\s+stories|"
    r"you\s+may\s+also\s+like|recommended\s+stories)\s*:?", re.IGNORECASE)


def take_furniture(paragraph: str, found: _Found) -> bool:
    words = len(paragraph.split())
    if _SIGN_OFF.match(paragraph) or (words <= 40 and _CONTRIBUTED.search(paragraph)):
        return True
    if words > 60 or not _FURNITURE.match(paragraph):
        return False
    found.agency = found.agency or _lead_agency(paragraph)
    if m := _INPUTS_FROM.search(paragraph):
        for who in re.split(r",|\band\b|&", m.group("who")):
            if agency := find_agency(who.strip()):
                found.agency = found.agency or agency
                break
    return True


# ---------- datelines ----------

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_CAPS_PLACE = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}"
_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}})"
    r"(?:\s*\[(?P<country>[A-Za-z .'-]{2,30})\])?"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))??"
    rf"(?:,?\s*(?P<date>{_MONTH_ABBR}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_ABBR}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z. -]{1,40})\))?"
    r"\s*(?P<sep>:|--?|[—–])\s+(?=\S)")
_AGENCY_LEAD = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z. -]{1,40})\)\s*(?:--?|[—–]|:)\s+")
_NOT_PLACES = frozenset({"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "PHOTOS", "VIDEO", "ANALYSIS",
                         "OPINION", "EDITORIAL", "LIVE", "NOTE", "EDITOR'S NOTE", "FACTBOX", "EXPLAINER",
                         "Q", "A", "I", "UPDATE 1", "UPDATE 2", "CORRECTED", "REFILE", "INTERVIEW",
                         "READ MORE", "BACKGROUND", "CONTEXT", "RELATED", "ADVERTISEMENT", "TOP STORIES",
                         "MORE", "END", "ENDS", "SHARE", "COMMENT", "COMMENTS"})


def take_dateline(paragraph: str, found: _Found, lone_ok: bool = False) -> str:
    """Cut a dateline off the paragraph; the rest. ``lone_ok``: a lone "ANKARA" line counts (below meta)."""
    if (m := _AGENCY_LEAD.match(paragraph)) and (agency := find_agency(m.group("agency"))):
        found.agency = found.agency or agency
        return paragraph[m.end():]
    lone = lone_ok and len(paragraph) > 2 and re.fullmatch(_CAPS_PLACE, paragraph) is not None
    if lone and paragraph not in _NOT_PLACES:
        found.dateline = _title_case(paragraph)
        return ""
    m = _DATELINE.match(paragraph)
    if not m or m.group("place").upper() in _NOT_PLACES:
        return paragraph
    place = m.group("place")
    agency = find_agency(m.group("agency")) if m.group("agency") else None
    if m.group("agency") and not agency:
        return paragraph
    all_caps = place.upper() == place and len(place.replace(".", "")) >= 3
    in_country = m.group("sep") != ":" and m.group("region") in country_names()  # "Bulawayo, Zimbabwe - "
    if not (all_caps or agency or m.group("date") or in_country):
        return paragraph
    found.dateline = found.dateline or _title_case(place)
    found.agency = found.agency or agency
    return paragraph[m.end():]


def _title_case(place: str) -> str:
    if place.upper() != place:
        return place
    return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in place.lower().split(" "))


# ---------- titles and duplicated ledes ----------

def _key(paragraph: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", paragraph.lower()).strip()


def _looks_like_title(paragraph: str) -> bool:
    words = paragraph.split()
    return 1 <= len(words) <= 20 and not re.search(r"[.!?:;,\"”’)]$", paragraph)


def take_title(blocks: list[str]) -> str | None:
    """Pop the title off the first block when it looks like one (and is not meta or a caption)."""
    if not blocks:
        return None
    head, _, rest = blocks[0].partition("\n")
    if rest and not take_meta(rest, _Found()):  # a wrapped paragraph, not "Title\nBy X\nDate"
        head, rest = blocks[0].replace("\n", " "), ""
    if not (rest or len(blocks) > 1) or not _looks_like_title(head) or take_meta(head, _Found()) \
            or is_caption(head):
        return None
    blocks[0:1] = [rest] if rest else []
    return head


def drop_repeats(paragraphs: list[str], header_end: int) -> list[str]:
    """Drop a paragraph printed twice; a copy above the header (a standfirst) gives way to the body's."""
    keys = [_key(p) for p in paragraphs]
    keep = [True] * len(paragraphs)
    for i, key in enumerate(keys):
        if not keep[i] or len(key) < 20:
            continue
        for j in range(i + 1, len(keys)):
            if not keep[j]:
                continue
            if keys[j] == key:
                keep[i if i < header_end else j] = False
            elif i < header_end and len(key) >= 40 and key in keys[j]:
                keep[i] = False
            if not keep[i]:
                break
    return [p for p, k in zip(paragraphs, keep, strict=True) if k]


def _body(blocks: list[str], found: _Found) -> tuple[list[str], int]:
    """Body paragraphs, and how many of them stand above the header (meta lines, dateline)."""
    body: list[str] = []
    header_end = 0
    skipped = True
    sign_off: tuple[str, str] | None = None  # "... — AFP": a caption unless no body follows it
    for block in blocks:
        paragraph = take_meta_lines(block, found)
        if body and _CLOSING_HEADING.fullmatch(paragraph):
            break
        tagged = agency_tag(paragraph)
        sign_off = tagged or sign_off
        if tagged or not paragraph or is_caption(paragraph) or take_furniture(paragraph, found):
            header_end = len(body) if len(body) <= 3 else header_end
            skipped = True
            continue
        paragraph = without_pipe_credit(_CREDIT.sub("", paragraph).strip())
        if len(body) < 4 and found.dateline is None:
            rest = take_dateline(paragraph, found, lone_ok=skipped)
            header_end = max(header_end, len(body)) if rest is not paragraph else header_end
            paragraph = rest
        if paragraph:
            body.append(paragraph)
            sign_off = None
        skipped = not paragraph
    if sign_off:
        body.append(sign_off[0])
        found.agency = found.agency or sign_off[1]
    return body, header_end


def clean_text(raw: str, detect_title: bool = False) -> Cleaned:
    """Clean one article body; see the module docstring for the cascade."""
    found = _Found()
    blocks = split_blocks(normalise(raw))
    title = take_title(blocks) if detect_title else None
    body, header_end = _body(blocks, found)
    return Cleaned(text="\n\n".join(drop_repeats(body, header_end)), title=title,
                   published=found.published or found.dated or found.updated,
                   agency=found.agency, byline=found.byline, dateline=found.dateline)
