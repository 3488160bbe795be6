"""Clean wire copy the way it arrives from scrapers and feeds.

The cascade, over paragraphs:

1. normalise whitespace and split into paragraphs (blank lines, else single line breaks);
2. take out *meta lines*: publication/update dates, bylines and agency lines, alone or joined
   by ``|`` ("By PTI", "Reuters | Dec 1, 2020", "Published: 01st December 2020 11:11 PM");
3. take out photo captions and credits ("For representational purposes ( Photo | ... )",
   "(Photo: ...)", "File photo", "Photograph: X/Reuters") and furniture ("Also read",
   "Follow us on", "Click here to ...", "Reporting by ...");
4. cut the dateline off the first body paragraph ("BEIJING:", "WASHINGTON (Reuters) -",
   "LONDON, Dec 1 (AFP) -"), keeping the place and the agency;
5. drop a lede or standfirst printed twice (the copy above the byline goes).

The result's ``text`` is the body every later offset points into.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

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
    updated: str | None = None
    agency: str | None = None
    byline: str | None = None
    dateline: str | None = None


@lru_cache(maxsize=1)
def agency_aliases() -> dict[str, str]:
    """Alias -> canonical agency name, from ``data/agencies.tsv``."""
    table: dict[str, str] = {}
    source = resources.files("wirecoder") / "data" / "agencies.tsv"
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, aliases, _country = line.split("\t")
        for alias in aliases.split("|"):
            table[alias] = canonical
    return table


def find_agency(text: str) -> str | None:
    """The canonical agency if ``text`` is an agency name, possibly with "Staff"/"/File"/"photo"."""
    stripped = re.sub(r"(?i)\s*(?:staff|/\s*file|photo|news service)$", "", text.strip(" ().-—–"))
    return agency_aliases().get(stripped)


_WS = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return _WS.sub(" ", text)


def split_paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text) if re.search(r"\n\s*\n", text) else text.split("\n")
    paragraphs = [re.sub(r"\s*\n\s*", " ", b).strip() for b in blocks]
    return [p for p in paragraphs if p]


# ---------- meta lines: dates, bylines, agencies ----------

_DATE_KEY = re.compile(r"^(?P<key>(?:first\s+)?published|updated|last\s+updated|last\s+modified|posted|"
                       r"modified|created)(?:\s+(?:on|at))?\s*[:\-]?\s*(?P<value>.*)$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?:by|from)\s+(?P<who>[^.!?]{2,80})$", re.IGNORECASE)
_READ_TIME = re.compile(r"^\d+\s*min(?:ute)?s?\s+read$", re.IGNORECASE)
_META_SPLIT = re.compile(r"\s+[|•·]\s+|\s*\|\s*")


def _meta_part(part: str, found: _Found) -> bool:
    """Record what a piece of a meta line says; False if it is not meta."""
    part = part.strip()
    key = _DATE_KEY.match(part)
    if key and (value := parse_published(key.group("value"))):
        if key.group("key").lower().startswith(("updated", "last", "modified")):
            found.updated = found.updated or value
        else:
            found.published = found.published or value
        return True
    if is_date_line(part):
        found.published = found.published or parse_published(part)
        return True
    if agency := find_agency(part):
        found.agency = found.agency or agency
        return True
    if _READ_TIME.match(part):
        return True
    byline = _BYLINE.match(part)
    if byline and len(byline.group("who").split()) <= 10:
        _take_byline(byline.group("who"), found)
        return True
    return False


def _take_byline(who: str, found: _Found) -> None:
    who = who.strip(" ,;")
    names = [w.strip() for w in re.split(r",|\band\b|/", who) if w.strip()]
    agencies = [a for a in (find_agency(n) for n in names) if a]
    if agencies:
        found.agency = found.agency or agencies[0]
    people = [n for n in names if not find_agency(n)]
    if people:
        found.byline = found.byline or ", ".join(people)
    elif agencies and who != agencies[0]:
        found.byline = found.byline or who


def take_meta(paragraph: str, found: _Found) -> bool:
    """True if the paragraph is a meta line (all its ``|``-joined parts are dates/bylines/agencies)."""
    if len(paragraph) > 200:
        return False
    trial = _Found(**{k: getattr(found, k) for k in found.__slots__})
    if not all(_meta_part(p, trial) for p in _META_SPLIT.split(paragraph) if p.strip()):
        return False
    for k in found.__slots__:
        setattr(found, k, getattr(trial, k))
    return True


# ---------- captions, credits, furniture ----------

_CAPTION_START = re.compile(
    r"^\(?\s*(?:for\s+representational\s+purposes?|representational\s+(?:image|photo|picture)|"
    r"representative\s+(?:image|photo|picture)|file\s+(?:photo|image|picture|pic)|"
    r"photo\s*(?:credit)?s?\s*[:|]|image\s*(?:credit)?s?\s*[:|]|picture\s*[:|]|pictured\s*:|caption\s*:|"
    r"photograph\s*:|credit\s*:|(?:photo|image)\s+(?:by|courtesy)\b|watch\s*(?:video)?\s*:|video\s*:)",
    re.IGNORECASE)
_CREDIT = re.compile(r"\s*\(\s*(?:photo|image|picture|pic|file\s+photo|representational\s+image)\s*"
                     r"(?:credit)?\s*[|:/]\s*[^()]{0,80}\)", re.IGNORECASE)
_CAPTION_END = re.compile(r"(?:photograph\s*:\s*\S.{0,80}|[—–-]\s*(?:[A-Z]{2,6}|Reuters|Xinhua)"
                          r"(?:\s*/\s*File)?(?:\s+photo)?)\s*$", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^\(?\s*(?:also\s+read|read\s+(?:more|also)|related\s*(?::|coverage|stories|articles)|"
    r"follow\s+(?:us|him|her|them|the\s+author|@)|click\s+here|subscribe\s+(?:to|now)|sign\s+up\s+(?:for|to)|"
    r"download\s+the|join\s+our|like\s+us\s+on|share\s+(?:this|on)|copyright\b|©|\(c\)\s|"
    r"all\s+rights\s+reserved|for\s+the\s+latest|get\s+the\s+latest|catch\s+all\s+the|"
    r"(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|"
    r"this\s+story\s+has\s+not\s+been\s+edited|\(?except\s+for\s+the\s+headline|disclaimer\s*:|"
    r"published\s+in\s+\w+,|(?:with\s+)?inputs?\s+from|advertisement$|trending\s*:|"
    r"don'?t\s+miss\s*:|must\s+read\s*:|recommended\s*:|more\s+on\s+this)",
    re.IGNORECASE)
_INPUTS_FROM = re.compile(r"inputs?\s+from\s+(?P<who>[A-Za-z ,&-]+)", re.IGNORECASE)


def is_caption(paragraph: str) -> bool:
    words = len(paragraph.split())
    if words > 60:
        return False
    if _CAPTION_START.match(paragraph):
        return True
    if _CREDIT.search(paragraph) and _CREDIT.sub("", paragraph).strip() == "":
        return True
    if words <= 45 and (re.search(r"[(\[]\s*(?:photo|image|picture|file)\b[^)\]]*[)\]]\s*$", paragraph,
                                  re.IGNORECASE) or _CAPTION_END.search(paragraph)):
        return True
    return False


def take_furniture(paragraph: str, found: _Found) -> bool:
    if len(paragraph.split()) > 60 or not _FURNITURE.match(paragraph):
        return False
    if m := _INPUTS_FROM.search(paragraph):
        for who in re.split(r",|\band\b|&", m.group("who")):
            if agency := find_agency(who.strip()):
                found.agency = found.agency or agency
                break
    return True


# ---------- datelines ----------

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2}))??"
    rf"(?:,?\s*(?P<date>{_MONTH_ABBR}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_ABBR}))?"
    r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z. -]{1,40})\))?"
    r"\s*(?P<sep>:|--?|[—–])\s+(?=\S)")
_AGENCY_LEAD = re.compile(r"^\((?P<agency>[A-Za-z][A-Za-z. -]{1,40})\)\s*(?:--?|[—–]|:)\s+")
_NOT_PLACES = frozenset({"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "PHOTOS", "VIDEO", "ANALYSIS",
                         "OPINION", "EDITORIAL", "LIVE", "NOTE", "EDITOR'S NOTE", "FACTBOX", "EXPLAINER",
                         "Q", "A", "I", "UPDATE 1", "UPDATE 2", "CORRECTED", "REFILE", "INTERVIEW"})


def take_dateline(paragraph: str, found: _Found) -> str:
    """Cut a dateline off the paragraph; returns the rest (or the paragraph unchanged)."""
    if m := _AGENCY_LEAD.match(paragraph):
        if agency := find_agency(m.group("agency")):
            found.agency = found.agency or agency
            return paragraph[m.end():]
    m = _DATELINE.match(paragraph)
    if not m or m.group("place").upper() in _NOT_PLACES:
        return paragraph
    place = m.group("place")
    agency = find_agency(m.group("agency")) if m.group("agency") else None
    if m.group("agency") and not agency:
        return paragraph
    all_caps = place.upper() == place and len(place.replace(".", "")) >= 3
    if not (all_caps or agency or m.group("date")):
        return paragraph
    found.dateline = found.dateline or _title_case(place)
    found.agency = found.agency or agency
    return paragraph[m.end():]


def _title_case(place: str) -> str:
    if place.upper() != place:
        return place
    return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in re.split(r" ", place.lower()))


# ---------- titles and duplicated ledes ----------

def _key(paragraph: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", paragraph.lower()).strip()


def _looks_like_title(paragraph: str) -> bool:
    words = paragraph.split()
    return 1 <= len(words) <= 20 and not re.search(r"[.!?:;,\"”’)]$", paragraph)


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


def clean_text(raw: str, detect_title: bool = False) -> Cleaned:
    """Clean one article body; see the module docstring for the cascade."""
    found = _Found()
    paragraphs = split_paragraphs(normalise(raw))
    title = None
    if detect_title and len(paragraphs) > 1 and _looks_like_title(paragraphs[0]) \
            and not take_meta(paragraphs[0], _Found()) and not is_caption(paragraphs[0]):
        title = paragraphs.pop(0)
    body: list[str] = []
    header_end = 0
    for paragraph in paragraphs:
        if take_meta(paragraph, found) or is_caption(paragraph) or take_furniture(paragraph, found):
            if len(body) <= 3:
                header_end = len(body)
            continue
        paragraph = _CREDIT.sub("", paragraph).strip()
        if len(body) < 4 and found.dateline is None:
            rest = take_dateline(paragraph, found)
            if rest is not paragraph:
                header_end = max(header_end, len(body))
                paragraph = rest
        if paragraph:
            body.append(paragraph)
    body = drop_repeats(body, header_end)
    return Cleaned(text="\n\n".join(body), title=title, published=found.published or found.updated,
                   agency=found.agency, byline=found.byline, dateline=found.dateline)
