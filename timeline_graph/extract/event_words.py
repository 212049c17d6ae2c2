"""The words that decide what is an event and of which kind: predicate lemmas, object nouns,
reporting verbs, states, modals, and the dependency relations a label keeps or cuts.

Kept apart from :mod:`.events` so the lists can be read, reviewed and extended in one place.
"""

from __future__ import annotations

__all__ = [
    "AMOUNT_CHANGES",
    "ANNOUNCING",
    "ASIDE_CASES",
    "ASPECT",
    "COMING_KNOWN",
    "CUT_FROM_PHRASE",
    "GIVING_INFORMATION",
    "GRANTED",
    "HEDGES",
    "INFORMATION",
    "KINDS",
    "MESSAGE_NOUNS",
    "MODALS",
    "NAMING",
    "NOT_EVENT_TIMES",
    "NOT_FIRST",
    "OTHER",
    "OUTLET_NOUNS",
    "PICTURES",
    "PLACE_CASES",
    "POSTING",
    "PREDICATE_DEPS",
    "PREDICTING",
    "REPORTING",
    "REPORTING_EVENTS",
    "STATES",
    "STATES_WHEN_DATED",
    "TAKING_AS",
    "WORK_NOUNS",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: The kinds of event, each with the predicate lemmas and object nouns that mark it.
KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "request": (
        _words("ask request seek demand subpoena petition urge appeal solicit"),
        _words("request requests demand subpoena petition appeal"),
    ),
    "meeting": (
        _words("meet convene gather visit celebrate commemorate host attend"),
        _words("meeting ceremony conference summit event celebration hearing talks"),
    ),
    "arrest": (_words("arrest detain jail imprison capture apprehend"), _words("arrest")),
    "protest": (
        _words("protest demonstrate march rally riot strike boycott erupt"),
        _words("protest protests demonstration demonstrations rally march strike"),
    ),
    "decision": (
        _words("decide rule approve reject choose select vote order sentence dismiss grant deny veto"),
        _words("decision ruling verdict order judgment"),
    ),
    "agreement": (
        _words("agree partner sign sell buy acquire merge settle cooperate collaborate participate join ally"),
        _words("agreement deal partnership contract treaty"),
    ),
    "publication": (
        _words("publish release post print leak reveal unveil announce issue air broadcast emerge launch "
               "disclose document"),
        _words("report study article statement document documents email emails video footage"),
    ),
    "attack": (
        _words("attack kill die shoot bomb explode murder injure wound crash disintegrate destroy "
               "assault stab invade"),
        _words("attack death deaths"),
    ),
    "election": (_words("elect vote nominate campaign reelect re-elect"), _words("election vote referendum")),
    "legal action": (
        _words("sue prosecute charge indict convict accuse testify plead investigate fine file"),
        _words("lawsuit suit charges trial case complaint investigation"),
    ),
    "policy change": (
        _words("ban require regulate mandate legislate enact repeal reform implement introduce adopt "
               "fund restrict retire"),
        _words("law policy ban regulation rule rules legislation bill program programme"),
    ),
}
#: What an event is when no kind fits.
OTHER = "other"

#: Reporting verbs: what they introduce is a claim, not an event of theirs.
REPORTING = _words(
    "say tell report add write state note claim allege assert explain comment according reply "
    "argue insist maintain confirm deny warn acknowledge contend declare concede suggest show indicate "
    "reveal find describe quote cite characterize read emphasize stress point tweet assure cover "
    "question criticize criticise predict inform mention remark recount reiterate lament joke quip blog "
    "speculate forecast wonder muse opine reason"
)
#: Verbs of making known whose content may be a clause ("announced that it would close the
#: plant"): the clause completes a label that has no object; with nothing at all made known
#: ("..., officials announced") they are reporting acts.
ANNOUNCING = _words("announce disclose unveil reveal")
#: What a source declines or refuses to do when it gives no answer ("declined to comment",
#: "refused to be interviewed"): a reporting act not done, no event.
ANSWERING = _words(
    "comment discuss respond answer elaborate address speak talk interview specify confirm say "
    "disclose identify name reply"
)
#: Verbs of answering or pointing to something said ("Ryan responded", "was referring to the
#: judge"): reporting acts when they have no object and are about a person or something said.
REPLYING = _words("respond refer retort")
#: What is said, answered or referred to.
SAID_NOUNS = _words(
    "comment comments remark remarks question questions criticism criticisms statement statements "
    "tweet tweets post posts letter letters claim claims allegation allegations accusation "
    "accusations attack attacks charge charges email emails speech speeches interview interviews"
)
#: Pictures and recordings: what a verb of posting puts out when it is its object ("tweeted an
#: image", "posted a video") is a thing, not a statement, and the posting an act.
PICTURES = _words(
    "image images picture pictures photo photos photograph photographs video videos clip clips map maps "
    "chart charts graphic graphics meme memes cartoon cartoons screenshot screenshots footage gif drawing drawings"
)
#: Verbs of posting on line.
POSTING = _words("tweet retweet blog post")
#: Reporting verbs that are still events when they have a time of their own (a publication).
REPORTING_EVENTS = _words("reveal find")
#: Things asked for and granted or refused: "denied the request", "the visa was denied" tell of
#: a refusal (an act), not of a statement denied.
GRANTED = _words(
    "request requests application applications permit permits permission access entry bail visa visas "
    "appeal appeals petition license licence asylum parole approval"
)
#: States, opinions and aspect verbs: not things that happen.
STATES = _words(
    "be have seem appear know think believe want need like love hate hope expect suspect consider "
    "remain stay mean feel wish include contain involve exist lack belong own deserve seem matter "
    "depend require look sound tend prefer understand guess assume recall remember worry fear "
    "continue keep start begin try get let make go come use help see date do coincide care resemble favour favor"
)
#: Of the state verbs, those that still make an event with a time of their own.
STATES_WHEN_DATED = _words("continue start begin make use go come see get")
#: Aspect verbs and "try": with a complement of their own ("continued to shun treatment", "began
#: talks", "tried to disperse the crowd") they tell of something that happened, undated too.
ASPECT = _words("continue start begin resume try")
MODALS = _words("would could might may should must can shall ought")
#: Relations a predicate may hold and still be an event candidate.
PREDICATE_DEPS = frozenset(
    "ROOT root ccomp advcl acl:relcl relcl parataxis conj xcomp csubj acl".split()  # noqa: SIM905
)
#: What is cut from a noun phrase in a label.
CUT_FROM_PHRASE = frozenset(
    ["acl", "acl:relcl", "relcl", "appos", "advcl", "parataxis", "punct", "dep", "discourse", "list", "vocative", "reparandum", "dislocated", "orphan", "ccomp", "csubj"]
)
#: Prepositions of a phrase that is an aside, not part of what happened ("according to", "despite").
ASIDE_CASES = _words("according despite unlike as than like because amid regardless instead")
PLACE_CASES = _words("in at on near outside inside across from")
#: Nouns a date can premodify that name a message: the clause it reports happened then.
MESSAGE_NOUNS = _words("email emails letter letters memo memos message messages request requests order filing notice")
#: Nouns that name a published work: what it reports happened on or before its date.
WORK_NOUNS = _words(
    "report reports article articles story stories statement interview post posts tweet study "
    "piece column investigation documents document complaint lawsuit ruling"
)
#: Works that find out, and results found out: "the audit found a shortfall" states a result,
#: where "divers found the wreck" tells of coming upon a thing.
FINDING_WORKS = _words(
    "survey poll analysis research review audit test inquiry probe panel committee commission researcher "
    "researchers scientist scientists experiment trial data evaluation assessment"
)
FINDING_RESULTS = _words(
    "link evidence rate rates increase decrease rise drop decline correlation association difference "
    "effect pattern trend majority minority number share percentage shortfall problem error"
)
#: Time words that date a state of affairs, not something that happened.
NOT_EVENT_TIMES = _words("now currently presently nowadays today's")
#: Words a clause read from the words may start with that a headline does not: it starts with its subject.
NOT_FIRST = _words(
    "with that which who whom exactly and but or so then also when while as after before because "
    "although though if of to in on at by for from where how why"
)
#: Verbs that name or characterize their object ("called the plan a waste"): with an object and a
#: secondary predicate, an opinion voiced (a claim), not an act.
NAMING = _words("call dub term label brand deem")
#: What is made known when a source refuses or declines to give it ("refused to give any more
#: details"): no answer given, no event.
INFORMATION = _words(
    "detail details information comment comments specific specifics explanation explanations name names "
    "reason reasons answer answers elaboration update updates figure figures")
#: Verbs of giving information ("refused to provide details").
GIVING_INFORMATION = _words("give provide offer release share reveal disclose divulge supply")
#: Verbs that characterize what their object is taken for, with an "as" phrase ("referred to the
#: vessel as a wreck", "regarded the plan as a failure"): an opinion voiced, not an act.
TAKING_AS = _words("refer regard view see describe characterize characterise portray depict")
#: Adjectives of a thing coming to be known ("it became clear that ..."): the clause is what happened.
COMING_KNOWN = _words("known clear apparent evident obvious public certain likely understood")
#: Verbs whose content clause in the future is a forecast ("analysts predict prices will rise").
PREDICTING = _words(
    "predict forecast expect project estimate anticipate foresee fear hope warn bet reckon believe think "
    "guess suspect doubt")
#: Adverbs that hedge a future ("will probably sail"): a forecast, not a plan.
HEDGES = _words("probably likely possibly perhaps maybe presumably supposedly hopefully conceivably")
#: Changes of an amount or level: in the future ("prices will rise next year") a forecast, not an
#: event scheduled for a date.
AMOUNT_CHANGES = _words(
    "rise fall grow increase decrease decline drop climb reach double triple halve shrink exceed top "
    "surge soar slow slump dip plunge jump rebound recover widen narrow")
#: Nouns that name a news outlet: its report told with a day of its own is its story's publication.
OUTLET_NOUNS = _words(
    "outlet newspaper paper magazine site website network broadcaster channel station daily tabloid "
    "publication newsletter wire weekly")
#: Contests, and the verbs and objects that tell what one decided: "X was elected", "Y lost her
#: seat" in a report of the election held on Sunday tell that election's outcome, decided on its day.
CONTESTS = _words(
    "election elections vote poll polls referendum ballot primary primaries runoff by-election match game final "
    "race tournament"
)
OUTCOME_VERBS = _words("elect reelect re-elect defeat beat win lose unseat")
OUTCOME_NOUNS = _words("seat seats victory defeat majority votes")
#: Verbs of taking in a work or a message: "read an article" is no publication, "heard the
#: ruling" no decision; the object's noun gives no kind.
TAKING_IN = _words("read watch hear view")
#: What one reads besides the works that date what they report.
READ_WORKS = _words("book books magazine magazines newspaper newspapers blog blogs summary summaries transcript transcripts")
#: Verbs whose object names the act ("launched an attack", "staged a protest", "held a vote"):
#: the object's noun gives the kind before the verb does.
LIGHT_VERBS = _words("launch stage mount hold conduct carry")
#: Nouns of incidents, which an act can be told "in" ("two guards were hurt in the blaze").
INCIDENT_NOUNS = _words(
    "accident crash collision fire blaze explosion blast collapse stampede flood earthquake storm "
    "clash clashes battle raid shooting bombing riot fight incident disaster"
)
#: Verbs of taking part in an act their object names ("attended the opening", "joined the march"):
#: done at the time of that act.
ATTENDING = _words("attend join witness boycott disrupt")
#: Verbs of a protest only without an object: "the dockers struck", not "the quake struck the coast".
WALKOUTS = _words("strike march")
#: Verbs of saying that, with a noun of a state or act as object, perform it: "declared a state of
#: emergency", "declared war", "declared independence" are acts, not statements.
PERFORMING = _words("declare proclaim")
