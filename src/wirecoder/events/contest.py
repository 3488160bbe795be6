"""Sports stories: where "beat", "meet", "shot" and "attack" name the contest, not an event.

"The Reds beat Olympiakos 3-1", "Robredo beat Kiefer 6-4 6-4", "will meet sixth seed Chela",
"McManaman shot wide", "Wales toured South Africa": in a sports story these verbs and nouns are
the game and are not coded. What people in a sports story say, praise, accuse or agree to is
still coded ("Keane accused Vieira of starting the row", "the ATP struck a deal with GSK").

A story is a sports story when words that only sport uses ("striker", "semi-final", "wicket") and
match scores ("3-1", "6-4") are many, and dense: a news story that mentions a match or a football
team now and then is not one.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

SPORT_WORDS = frozenset({
    "match", "matches", "tournament", "tournaments", "championship", "championships", "league", "goal",
    "goals", "goalkeeper", "striker", "strikers", "midfielder", "midfield", "semi-final", "semi-finals",
    "quarter-final", "quarter-finals", "innings", "wicket", "wickets", "scrum", "touchline", "fixture",
    "fixtures", "kick-off", "medal", "medals", "tennis", "football", "rugby", "cricket", "soccer", "golf",
    "athletics", "sprinter", "derby", "playoff", "play-off", "play-offs", "playoffs", "referee", "umpire",
    "hat-trick", "scorer", "batsman", "marathon", "podium", "olympics", "olympic", "squad", "stadium",
    "skipper", "winger", "fly-half", "half-time", "first-half", "second-half", "equaliser", "equalizer",
    "goalless", "seeded", "unseeded", "wimbledon", "premiership", "uefa", "fifa", "iaaf", "atp", "wta",
    "hurdles", "coach", "striker's", "tries"})
# A match score: "3-1", "6-4", "53-37"; not a year range, a decimal or a percentage.
SCORE = re.compile(r"(?<![\w.,/-])\d{1,2}-\d{1,2}(?![\w.,/%-])")
WORD = re.compile(r"[a-z][a-z-]*")
MIN_CUES = 4
MIN_CUES_PER_100_WORDS = 1.0
# Lemmas whose sense in a sports story is the contest itself.
CONTEST_SENSES = frozenset({
    "beat", "beating", "defeat", "meet", "face", "play", "host", "visit", "tour", "travel", "trip",
    "shoot", "shot", "strike", "attack", "injure", "damage", "demolish", "crush", "thrash", "rout",
    "hammer", "snatch", "take", "rally", "concede", "withdraw", "pull", "allow", "help", "return",
    "tackle", "knock", "challenge", "overwhelm", "seize", "capture"})


def sports_story(doc: Doc) -> bool:
    """Does the story report sport: enough sport words and scores, densely enough?"""
    text = doc.text
    words = WORD.findall(text.lower())  # "semi-final" whole, as the tokenizer does not keep it
    if not words:
        return False
    cues = sum(w in SPORT_WORDS for w in words) + len(SCORE.findall(text))
    return cues >= MIN_CUES and 100 * cues / len(words) >= MIN_CUES_PER_100_WORDS
