"""Attributions whose cue is a verb, read from the dependency parse.

A cue verb and its clausal complement (``ccomp``: "said (that) ..."), its infinitive
complement for wants and plans (``xcomp``: "hopes to ..."), the quotation it is set into
(``parataxis``: "“...,” she said"), its object with what completes it ("accused X of Y"), the
phrase after its preposition ("talked about X"), a question put ("asked whether ..."); an
attribution after its content ("..., X said.", "..., says X.") or set off by commas in
mid-sentence. Each is a :class:`~.claim_words.Found`: token ranges of the cue, the content
and the source, before it becomes a claim.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import Parse, Token
from .claim_according import according_cue
from .claim_bounds import (
    infinitive_completing,
    second_subject,
    setting_read_as_clause,
    told_otherwise,
)
from .claim_passives import held_in_passive
from .claim_questions import question_put
from .claim_sources import (
    finite,
    inverted_source,
    is_opener,
    passive_agent,
    source_of,
    speaker_before,
    subject_set_apart,
    unnamed_holder,
    whole_name,
    without_opener,
)
from .claim_states import judged_as, reputed_for, to_be_predicate, weighing_put_to_someone
from .claim_words import (
    ADDRESSEE_VERBS,
    ARGUMENT_PREPOSITIONS,
    ARGUMENT_VERBS,
    ARTIFACTS,
    AS_VERBS,
    CLAUSE_VERBS,
    CLOSE_QUOTES,
    CONTENT_DEPS,
    CUE_VERBS,
    INTENT_VERBS,
    NEED_CLAUSE,
    OBJECT_PREPOSITIONS,
    OBJECT_VERBS,
    OPEN_QUOTES,
    PLEA_VERBS,
    QUESTION_VERBS,
    QUOTES,
    RELATIVE,
    SAY_VERBS,
    SPEECH_VERBS,
    TIME_WORDS,
    TOPIC_VERBS,
    Found,
    clause_start,
    comma_before,
    has_quote,
    has_verb,
    is_particle,
    is_passive,
    is_quoted,
    lemma_in,
    subtree_set,
    trim_range,
)


def verb_cue(parse: Parse, verb: Token) -> Found | None:
    """The attribution a cue verb makes, if it makes one: its content, source and cue on the parse."""
    lemma = lemma_in(verb, CUE_VERBS)
    if lemma not in CUE_VERBS:
        return None
    tagged = verb.pos in ("VERB", "AUX") and verb.tag.startswith("VB") and verb.dep not in ("amod", "compound")
    if not (tagged or verb_as_noun(parse, verb)):
        return None
    if weighing_put_to_someone(parse, verb):
        return None
    kids = list(parse.children(verb))
    if verb.tag == "VBG" and not any(k.dep.startswith("nsubj") and k.pos != "SCONJ" for k in kids) and (
            (verb.dep.startswith("csubj") and comma_before(parse, verb.i) is None)
            or (verb.i > 0 and parse.tokens[verb.i - 1].text.casefold() == "that" and parse.tokens[verb.i - 1].pos == "SCONJ")):
        # "asking owners for video is routine", "said that asking owners ... is routine": a kind
        # of act as a clause's subject, no one's act
        return None
    content: set[int] = set()
    trailing = trailing_attribution(parse, verb, kids) if lemma in CLAUSE_VERBS else None
    if trailing is not None and not trailing[1] and any(
            k.dep in ("obj", "ccomp", "xcomp") and k.i > verb.i and not is_quoted(parse, k) for k in kids):
        trailing = None  # "After the meeting, Lowe stressed the town's needs": the verb has content of its own
    if trailing is not None and not trailing[1] and topic_content(
            parse, verb, kids, TOPIC_VERBS.get(lemma, frozenset()) | (_PLEA_FOR if lemma in PLEA_VERBS else frozenset())):
        trailing = None  # "..., the city asked for quick action": what it asked for follows the verb
    for kid in kids:
        if kid.dep in ("ccomp", "parataxis", "conj") and kid.i > verb.i and trailing_attribution(parse, kid, list(parse.children(kid))):
            continue  # "X did Y, says Z": the clause "says Z" attributes, it is not what X did
        if kid.i > verb.i and (cue_after_comma(parse, kid) or question_put(parse, kid) is not None):
            # '“A,” Lowe said, referring to X', '“A,” she said when asked about X': the participle
            # opens an attribution of its own
            continue
        if kid.dep in CONTENT_DEPS and lemma in CLAUSE_VERBS and not second_subject(parse, kid, kids) and not setting_read_as_clause(parse, verb, kid):
            content |= subtree_set(parse, kid)
            if kid.dep == "ccomp" and kid.i > verb.i and lemma not in ADDRESSEE_VERBS:
                # "said Lowe's plan for the pier was too costly" parsed with "plan" as the verb's
                # object: a noun between a verb of saying and its clause is the clause's subject
                # (not a day: "said Tuesday that she ..." names when it was said)
                content |= {i for k in kids if k.dep == "obj" and verb.i < k.i < kid.i and not is_quoted(parse, k)
                            and not _a_time(parse, k) for i in subtree_set(parse, k)}
            if kid.dep == "ccomp" and kid.i > verb.i:
                content |= subject_after_that(parse, verb, kid)
        elif kid.dep == "parataxis" and kid.i > verb.i and lemma in CLAUSE_VERBS and is_quoted(parse, kid):
            content |= subtree_set(parse, kid)  # 'read, “The pier closes.”'
        elif kid.dep == "xcomp" and lemma in INTENT_VERBS and kid.i > verb.i and (
                kid.pos in ("VERB", "AUX") or _infinitive(parse, kid)
                or (to_be_predicate(parse, kid) and not is_passive(kids))):
            content |= subtree_set(parse, kid)
            # "urged the council to vote": whom the plea is put to comes with what they are to do
            content |= {i for k in kids if k.dep in ("obj", "iobj") and verb.i < k.i < kid.i for i in subtree_set(parse, k)}
    # "..., tweeting her thanks", "..., accusing X of Y": a participle after a comma says what follows it, never the clause it is set after
    participle_after = verb.tag == "VBG" and verb.i > 0 and parse.tokens[verb.i - 1].text == ","
    if verb.dep == "parataxis" and lemma in CLAUSE_VERBS and not content and not participle_after:
        # "“We will win,” she said.": the verb hangs off the quotation's root (unless it has a
        # clause of its own: "Asked about it, she said that ...", or one the parse hung on the
        # words before: "While X, critics fear the plan will fail.")
        head = parse.tokens[verb.head]
        content |= clause_after(parse, verb) or subtree_set(parse, head) - subtree_set(parse, verb)
    if not content and trailing is not None and not participle_after:
        content = set(range(parse.sentences[verb.sent].first, trailing[0]))
    phrase = not content and (lemma in OBJECT_VERBS or lemma in ARGUMENT_VERBS)
    if phrase:
        content = argument_content(parse, verb, kids) or gerund_object(parse, verb, kids)
    if not content and lemma in _NAMING and verb.dep == "acl:relcl":
        content = named_in_relative(parse, verb, kids)
        phrase = bool(content)
    if not content and lemma in AS_VERBS:
        content = seen_as(parse, verb, kids)
        phrase = bool(content)
    topical = not content and lemma in TOPIC_VERBS
    if topical:
        content = topic_content(parse, verb, kids, TOPIC_VERBS[lemma])
        topical = bool(content)
    phrase = bool(content) and (phrase or topical)
    if not content and lemma in ("say", "tell", "write", "add", "ask"):
        for kid in kids:  # 'said "no comment"': a quotation as the object
            if kid.dep in ("obj", "dep") and kid.i > verb.i and is_quoted(parse, kid):
                content |= subtree_set(parse, kid)
    if content or lemma in CLAUSE_VERBS:
        content |= raised_content(parse, verb, kids)
    if not content and (lemma in PLEA_VERBS or (lemma in INTENT_VERBS and lemma in CLAUSE_VERBS)) and not is_passive(kids):
        content = infinitive_after(parse, verb, kids)
    # "It was announced by the council that ...": an empty "it" holds the place of the clause,
    # which the parse may hang on the agent as a relative clause
    extraposed = not content and lemma in CLAUSE_VERBS and is_passive(kids) and extraposed_clause(parse, kids)
    if extraposed:
        content = extraposed
    artifact = lemma in NEED_CLAUSE and artifact_subject(parse, verb, kids)
    if not content and artifact and verb.i + 1 < parse.sentences[verb.sent].last:
        content = {verb.i + 1}  # "a poll showed X with a lead": the rest of the clause is what it shows
    if not content and lemma in SAY_VERBS:
        content = linear_rest(parse, verb, kids)
    if not content and lemma in CLAUSE_VERBS:
        content = across_sentences(parse, verb)
    questioned = False
    if not content and lemma in QUESTION_VERBS:
        content = question_after(parse, verb)
        questioned = bool(content)
    if not content and said_after_comma(parse, verb):
        content = rest_after(parse, verb)  # the parse hung it elsewhere
    # "she is seen as an outsider": who is seen, and as what; "the plan was first reported by the
    # Times": what the agent reported is the subject
    reputed = reputed_for(parse, verb, kids) if not content and is_passive(kids) else set()
    held = not content and is_passive(kids) and (
        complement(parse, verb, kids, ("as",)) is not None or bool(reputed)
        or (passive_agent(parse, kids)[1] is not None and lemma not in INTENT_VERBS))
    if held:
        content = (complement(parse, verb, kids, ("as",)) or reputed) | {
            i for k in kids if k.dep == "nsubj:pass" for i in subtree_set(parse, k)}
    if not content:
        content = held_in_passive(parse, verb, kids)  # "X is widely considered the favorite"
        held = bool(content)
    if not content:
        return None
    if not phrase:  # a noun phrase ends where the parse ends it; a clause may run on
        content |= content_tail(parse, verb, content)
    content |= infinitive_completing(parse, verb, content)
    content = without_aside(parse, verb, content)
    content = before_next_speaker(parse, verb, content)
    if (lemma in NEED_CLAUSE and not any(k.dep in CONTENT_DEPS for k in kids) and not has_quote(parse, content)
            and trailing is None and not artifact and not topical and not held and not extraposed
            and not complement(parse, verb, kids, ("as",))):
        return None
    passive = is_passive(kids)
    if passive and not any(k.dep in CONTENT_DEPS or k.dep == "xcomp" for k in kids) and not (topical or held or questioned or extraposed):
        return None  # "he was asked to leave" is kept, "the bill was passed" is no one's words
    if trailing is not None and trailing[1]:
        source, who = inverted_source(parse, verb)  # "..., says X."
    elif passive:
        source, who = passive_agent(parse, kids)  # "residents were asked (by X) to ...": only an agent speaks
        if extraposed and source is not None:  # "by many that ...": the agent ends where its clause opens
            source = (source[0], max(source[0] + 1, min(source[1], min(extraposed))))
    else:
        source, who = source_of(parse, verb, kids)
    if who is not None and _a_time(parse, who):
        # "Last May, Lowe says ...", "..., Lowe said Monday night" parsed with the time as the
        # subject: the noun phrase right before the verb speaks, where there is one
        named, holder = unnamed_holder(parse, verb)
        if holder is not None and not _a_time(parse, holder):
            source, who = named, holder
    if who is None and content and min(content) < verb.i and not passive:
        source, who = inverted_source(parse, verb)
    if who is None and verb.dep == "parataxis" and content and min(content) > verb.i:
        source, who = unnamed_holder(parse, verb)  # "After ..., Rita Lang, the chair, said she ..."
        if who is None and verb.head < verb.i and parse.tokens[verb.head].pos == "VERB":
            # "X offered A, then says B": the clause it follows is the speaker's
            head = parse.tokens[verb.head]
            source, who = source_of(parse, head, list(parse.children(head)))
    # "..., adding that ...", and any cue's participle left without a speaker ("..., referring to X")
    borrowed = said_after_comma(parse, verb) or (who is None and cue_after_comma(parse, verb))
    if borrowed:
        # "X said ..., adding that ...": the speaker of the cue before, however the parse hung it
        source, who = speaker_before(parse, verb, CLAUSE_VERBS) or speaker_before(parse, verb, None) or (source, who)
    if who is None and verb.dep not in ("parataxis",) and not passive:
        if not any(k.dep in CONTENT_DEPS for k in kids) and not artifact:
            # a main verb the parse left without its subject ("Sen. Ann Lowe (D-Maine) called him
            # reckless", "64 percent call him competent"): the noun phrase right before it;
            # without one, an imperative or a fragment
            source, who = subject_left_out(parse, verb)
            if who is None and verb.dep == "ROOT":
                source, who = subject_set_apart(parse, verb)
            if who is None:
                return None
        else:
            # a clause said by someone the parse left unlinked: the noun a participle describes,
            # the noun phrase right before the verb, or no one named ("..., saying the city ...")
            source, who = unnamed_holder(parse, verb)
            if who is None and verb.dep == "ROOT":
                source, who = subject_set_apart(parse, verb)
            if who is None and not (verb.tag in ("VBG", "VBN") and (
                    verb.dep in ("advcl", "acl", "xcomp", "conj", "csubj") or opens_clause(parse, verb))):
                return None
    source = whole_name(parse, source, who)
    content -= set(range(*source)) if source else set()
    content -= described(parse, who, source)
    if source is not None:
        source, who = without_opener(parse, source, who)
    if lemma not in _BACKING and not any(judged_as(parse, verb, k) for k in kids):
        # "backed him": the side taken, "consider him a fraud": who is judged, not whom it was told to
        content -= addressee(parse, verb)
    participle = verb.tag == "VBG" and comma_before(parse, verb.i) is not None  # "..., referring to X": X only
    if source and min(content, default=source[0]) > source[0] and not borrowed and not participle:
        # (not for a speaker borrowed from the cue before: '“A,” Lowe said, adding that B' adds B only)
        content |= quote_before(parse, source[0]) or set_off_before(parse, verb, source, kids)
    if source and source[0] < verb.i and not borrowed and not participle and not phrase and lemma in CLAUSE_VERBS:
        around = set_off_after(parse, verb, source, kids)
        if around:  # "Without a permit, Lowe said in May, the crew cannot start": said on both sides of the cue
            before = set_off_before(parse, verb, source, kids, end=min(around) - 1)
            content = (content - set(range(source[0], min(around)))) | around | before
    return Found(cue=cue_range(parse, verb, kids), content=content, source=source, verb=verb.text, who=who)


def subject_after_that(parse: Parse, verb: Token, clause: Token) -> set[int]:
    """ "told the paper in a statement that asking owners for video is routine", the subject hung
    on the noun before: the words between the "that" opening the clause and the rest of it are the clause's."""
    first = parse.subtree(clause)[0]
    that = next((j for j in range(first - 1, verb.i, -1)
                 if parse.tokens[j].text.casefold() == "that" and parse.tokens[j].pos == "SCONJ"), None)
    if that is None or that + 1 >= first or any(parse.tokens[j].text in (";", ":") for j in range(that, first)):
        return set()
    return set(range(that + 1, first))


# Verbs that name what their object is ("called it a failure"), which a relative clause may
# put before them ("what one aide called a failure", "a bill that critics called unfair").
_NAMING = frozenset(["call", "dub", "label", "brand", "term", "describe", "characterize", "characterise", "deem"])


def named_in_relative(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "a bill that critics called unfair": the noun phrase the relative clause describes, and what it was called."""
    if any(k.dep == "obj" and k.i > verb.i for k in kids):
        return set()
    named = next((k for k in kids if k.dep == "xcomp" and k.i > verb.i), None)
    head = parse.tokens[verb.head]
    if named is None or head.i >= verb.i:
        return set()
    first = parse.subtree(head)[0]
    while first < head.i and parse.tokens[first].dep in ("case", "punct", "cc"):
        first += 1  # "led to what ...": the preposition joins the phrase to the sentence
    relative = parse.subtree(verb)[0]
    return set(range(first, min(head.i + 1, relative))) | subtree_set(parse, named)


def subject_left_out(parse: Parse, verb: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """The noun phrase right before a sentence's main verb that the parse hung elsewhere, as its speaker."""
    if verb.dep != "ROOT" or verb.tag not in ("VBD", "VBZ", "VBP", "VB"):
        return None, None
    return unnamed_holder(parse, verb) if verb.tag != "VB" else unnamed_holder(parse, verb, finite=False)


def described(parse: Parse, who: Token | None, source: tuple[int, int] | None) -> set[int]:
    """ "said Ann Lowe, a spokeswoman": the description set after the source's name is about the source, never what was said.

    The parser may hang the name as the verb's clause and what follows it on the name; the
    description (an appositive right after the source and its comma) is taken out of the content.
    """
    if who is None or source is None:
        return set()
    found: set[int] = set()
    for kid in parse.children(who):
        first, last = parse.subtree(kid)
        while first < kid.i and parse.tokens[first].pos == "PUNCT":
            first += 1
        if kid.dep == "appos" and kid.i > who.i and first - 1 >= source[1] and parse.tokens[first - 1].text == ",":
            found |= set(range(first - 1, last))
    return found


def set_off_before(parse: Parse, verb: Token, source: tuple[int, int], kids: Sequence[Token], *,
                   end: int | None = None) -> set[int]:
    """ "The new pier, the mayor said, will cost more": the words before a cue set off by commas are said too.

    The source and verb stand between two commas in mid-sentence; what opens the sentence
    before them is the first part of the content, unless it is only a date or a time. ``end`` is
    where the second comma stands when the cue's own words run past the verb ("said in a letter,").
    """
    comma = comma_before(parse, source[0])
    after = cue_range(parse, verb, kids)[1] if end is None else end
    first = clause_start(parse, verb.sent)
    if comma is None or comma - first < 2 or after >= len(parse.tokens) or parse.tokens[after].text != ",":
        return set()
    opener = parse.tokens[first]
    if opener.pos == "SCONJ" and first + 1 < comma:
        opener = parse.tokens[first + 1]  # "When asked about it", "After reciting the passage"
    if opener.tag in ("VBG", "VBN"):
        return set()  # "Asked about it, she said, ...": a participle sets the scene; it is not what was said
    nouns = [t for t in parse.tokens[first:comma] if t.pos in ("NOUN", "PROPN", "NUM", "VERB")]
    if all(t.lemma.casefold() in TIME_WORDS or ((named := parse.entity_at(t)) is not None and named.label in ("DATE", "TIME"))
           for t in nouns):
        return set()  # "On Tuesday, the mayor said, ...": when it was said
    return set(range(first, comma))


# What a cue verb may have after it inside the commas that set it off: when, where, how and to
# whom it was said ("Lowe said Monday in an interview, ...", "Lowe told reporters, ...").
_SETTING_DEPS = frozenset(["obl", "obl:tmod", "obl:npmod", "advmod"])
# Words opening what follows a set-off cue that make it the writer's, not more of what was said.
_NOT_SAID_AFTER = frozenset(["as", "while", "when", "before", "after", "since", "who", "which", "whose", "according",
                             "though", "although", "whereas", "even"])


def set_off_end(parse: Parse, verb: Token, kids: Sequence[Token]) -> int:
    """The index right after a cue verb with what it has after it of when, where and to whom it was said."""
    end = cue_range(parse, verb, kids)[1]
    for kid in sorted(kids, key=lambda k: k.i):
        first, last = parse.subtree(kid)
        addressee = kid.dep in ("iobj", "obj") and lemma_in(verb, ADDRESSEE_VERBS) in ADDRESSEE_VERBS
        if (kid.dep in _SETTING_DEPS or addressee) and first == end and not is_quoted(parse, kid):
            end = last
    return end


def set_off_after(parse: Parse, verb: Token, source: tuple[int, int], kids: Sequence[Token]) -> set[int]:
    """ "Without a permit, Lowe said, the crew cannot start": the words after a cue set off by commas in mid-sentence are said too.

    The source and the verb stand between two commas; the sentence goes on after the second
    with a clause of its own, unless a participle or a word opening the writer's aside ("as",
    "while") follows the comma.
    """
    comma = comma_before(parse, source[0])
    after = set_off_end(parse, verb, kids)
    last = parse.sentences[verb.sent].last
    if comma is None or comma < clause_start(parse, verb.sent) + 1 or after + 1 >= last or parse.tokens[after].text != ",":
        return set()
    opener = parse.tokens[after + 1]
    while opener.i + 1 < last and opener.text.casefold() in _LINKS_BEFORE_PARTICIPLE:
        opener = parse.tokens[opener.i + 1]  # ", also noting that ..."
    if (opener.text.casefold() in _NOT_SAID_AFTER or opener.tag in ("VBG", "VBN") or opener.text in OPEN_QUOTES
            or not has_verb(parse, after + 1, last)):
        return set()
    return set(range(after + 1, last))



_QUESTION_WORDS = frozenset(["if", "whether", "how", "what", "why", "when", "where", "who", "which"])


def question_after(parse: Parse, verb: Token) -> set[int]:
    """ "asked the students if ...", "asked how much ...": the question, however the parse hung it.

    It opens with "if", "whether" or a question word right after the verb or after whom it
    was put to, and runs to the sentence's end.
    """
    last = parse.sentences[verb.sent].last
    for k in range(verb.i + 1, min(verb.i + 7, last - 1)):
        token = parse.tokens[k]
        # after whom it was put to, "who" or "which" describes them ("asked people who use ...")
        if token.text.casefold() in _QUESTION_WORDS and (k == verb.i + 1 or token.text.casefold() not in RELATIVE):
            return set(range(k, last))
        if token.text == ":" and k > verb.i + 1 and parse.tokens[k - 1].lemma.casefold() == "question":
            return set(range(k + 1, last))  # "asked the candidates a simple question: Who ...?"
        if token.pos not in ("DET", "ADJ", "NOUN", "PROPN", "PRON") and not (
                token.dep == "case" and token.text.casefold() == "by"):  # "was asked by the host whether"
            break
    return set()


def clause_after(parse: Parse, verb: Token) -> set[int]:
    """ "..., critics fear the plan will fail.": a clause right after the verb, with a finite verb of its own, to the sentence's end.

    Nothing is taken when a quotation closes before the verb ("“...,” she said the next day"),
    or when what follows the verb opens with a preposition or an adverb.
    """
    sentence = parse.sentences[verb.sent]
    nxt = verb.i + 1
    if nxt >= sentence.last or any(t.text in CLOSE_QUOTES for t in parse.tokens[sentence.first : verb.i]):
        return set()
    opener = parse.tokens[nxt]
    if opener.pos not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ") and opener.text.casefold() != "that":
        return set()
    if not any(t.tag in ("VBD", "VBZ", "VBP", "MD") for t in parse.tokens[nxt : sentence.last]):
        return set()
    return set(range(nxt, sentence.last))


def rest_after(parse: Parse, verb: Token) -> set[int]:
    """The rest of the sentence after a verb of saying, past whom it was said to ("telling the crowd, ...")."""
    last = parse.sentences[verb.sent].last
    first = verb.i + 1
    if lemma_in(verb, ADDRESSEE_VERBS) in ADDRESSEE_VERBS:
        while first < last and parse.tokens[first].pos in ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM"):
            first += 1
    return set(range(first, last))


def opens_clause(parse: Parse, verb: Token) -> bool:
    """Whether a participle opens its sentence, alone or after "when" or "if" ("Asked whether ..., X said")."""
    first = parse.sentences[verb.sent].first
    before = [t for t in parse.tokens[first : verb.i] if t.pos != "PUNCT"]
    return not before or (len(before) == 1 and before[0].text.casefold() in ("when", "if", "after", "once"))


# Verbs of taking a side, whose object is the side taken even when it is a pronoun ("voters
# backed her", "he endorsed them"); "praised him" names whom, not what.
_BACKING = frozenset(["support", "back", "endorse", "oppose", "favor", "favour", "prefer"])


# The preposition after a verb of pleading that opens what is pleaded for ("asked for a recount").
_PLEA_FOR = frozenset(["for"])
# Argument verbs that say something only with what their object is thanked or praised for
# ("thanked X for Y", "congratulated X for Y").
_FOR_SOMETHING = frozenset(["thank", "congratulate"])


def argument_content(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """The verb's object with what completes it: "accused X of Y", "called X a liar", "cited low growth".

    A personal pronoun alone ("praised him") names whom, not what; with a complement after it
    ("accused him of lying") it is part of what was said.
    """
    objects = [k for k in kids if k.dep == "obj" and k.i > verb.i and k.pos in ("NOUN", "PROPN", "PRON", "NUM")]
    if not objects:
        # "called the decision childish" parsed as a small clause: the object is the subject
        # of the predicate that says what it was called
        return {i for k in kids if k.dep == "xcomp" and k.i > verb.i and any(
            c.dep.startswith("nsubj") and verb.i < c.i < k.i for c in parse.children(k)) for i in subtree_set(parse, k)}
    thing = objects[0]
    # a day or a time after the object says when it was done, not what ("endorsed Lowe on Thursday",
    # "backed the plan last week")
    untimed = [k for k in kids if not _a_date(parse, k)]
    rest = complement(parse, thing, untimed, tuple(ARGUMENT_PREPOSITIONS | OBJECT_PREPOSITIONS), whole=True) or set()
    # "called the toll a disgrace": the second object or the predicate says what it was called
    rest |= {i for k in untimed if k.dep in ("xcomp", "obj", "obl:unmarked") and k.i > thing.i for i in subtree_set(parse, k)}
    rest |= _infinitive_after_object(parse, kids, parse.subtree(thing)[1])
    if lemma_in(verb, _VOICING) in _VOICING and not rest:
        rest |= _at_what(parse, untimed, thing)
    rest |= _clause_after_object(parse, kids, thing)
    if thing.pos == "PRON" and thing.text.casefold() not in ("it", "this", "that") and not rest and (
            lemma_in(verb, _BACKING) not in _BACKING):
        return set()
    found = subtree_set(parse, thing) | rest
    if lemma_in(verb, _FOR_SOMETHING) in _FOR_SOMETHING and not any(
            parse.tokens[i].text.casefold() == "for" and parse.tokens[i].dep == "case" for i in found):
        return set()  # "thanked the volunteers" is a courtesy; "thanked them for the repairs" says what for
    return found


# Verbs that put a feeling into words ("expressed dismay at the ruling"): what the feeling is
# at completes it.
_VOICING = frozenset(["express", "voice"])


def _at_what(parse: Parse, kids: Sequence[Token], thing: Token) -> set[int]:
    """ "expressed dismay at the ruling": a phrase opened by "at" right after a bare noun of feeling, which the parse hung on the verb."""
    if any(k.dep == "det" for k in parse.children(thing)) or thing.pos != "NOUN":
        return set()
    end = parse.subtree(thing)[1]
    return next((subtree_set(parse, k) for k in kids if k.dep == "obl" and parse.subtree(k)[0] == end
                 and (opener := _opener_of(parse, k)) is not None and opener.text.casefold() == "at"), set())


def _infinitive_after_object(parse: Parse, kids: Sequence[Token], end: int) -> set[int]:
    """ "decried the mayor's calls to close the pier": an infinitive right after the object, which
    the parse hung on the verb, completes the object."""
    return next((subtree_set(parse, k) for k in kids if k.dep in ("advcl", "xcomp") and parse.subtree(k)[0] == end
                 and any(m.dep == "mark" and m.text.casefold() == "to" for m in parse.children(k))), set())


def _clause_after_object(parse: Parse, kids: Sequence[Token], thing: Token) -> set[int]:
    """ "expressed outrage that the vote was delayed", "welcomed the board's announcement last year that
    it would invest": a clause opened by "that" right after the object (past a time), which the parse
    hung on the verb, completes the object, as what the noun says or as a relative clause of it."""
    end = parse.subtree(thing)[1]
    between: set[int] = set()
    for k in sorted(kids, key=lambda k: k.i):
        first, last = parse.subtree(k)
        if k.i <= thing.i or first < end:
            continue
        if k.dep in ("obl:tmod", "obl:unmarked", "obl:npmod") and first == end and _a_time(parse, k):
            end = last  # "the board's announcement last year that ...": the time stands inside the phrase
            between |= subtree_set(parse, k)
            continue
        opener = parse.tokens[first]
        if k.dep == "ccomp" and first == end and opener.text.casefold() == "that":
            return between | subtree_set(parse, k)
        break
    return set()


def gerund_object(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "supports raising the wage", "opposed building the wall": a gerund clause as the object is what is backed or denied.

    The parser may take a gerund right after the verb for an adverbial clause; with nothing
    between them it is the object still ("opposed building", not "left, building").
    """
    return next((subtree_set(parse, k) for k in kids if k.i > verb.i and k.tag == "VBG" and parse.subtree(k)[0] == k.i
                 and (k.dep in ("obj", "xcomp", "ccomp") or (k.dep == "advcl" and k.i == verb.i + 1))), set())


def seen_as(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "see X as Y", "considers X unfair": the object with what it is seen as, if the verb has both."""
    objects = [k for k in kids if k.dep == "obj" and k.i > verb.i and k.pos in ("NOUN", "PROPN", "PRON")]
    if objects:
        seen = complement(parse, objects[0], kids, ("as",), whole=True)
        if seen is None:
            seen = {i for k in kids if k.i > objects[0].i and ((k.dep == "xcomp" and k.pos == "ADJ") or judged_as(parse, verb, k))
                    for i in subtree_set(parse, k)}
        return subtree_set(parse, objects[0]) | seen if seen else set()
    return {i for k in kids if k.dep == "xcomp" and k.i > verb.i and k.pos in ("ADJ", "NOUN") and any(
        c.dep.startswith("nsubj") and verb.i < c.i < k.i for c in parse.children(k)) for i in subtree_set(parse, k)}


def topic_content(parse: Parse, verb: Token, kids: Sequence[Token], prepositions: frozenset[str]) -> set[int]:
    """ "talked about X", "referred to X", "pointed to X", "voted for X": the phrase after the preposition.

    The preposition must follow the verb with at most an adverb or a particle between
    ("talked glowingly about", "lashed out at"); it belongs to the cue.
    """
    for kid in kids:
        if kid.i < verb.i or kid.dep not in ("obl", "advcl", "obj"):
            continue
        opener = _opener_of(parse, kid)
        if opener is None or opener.text.casefold() not in prepositions:
            continue
        between = parse.tokens[verb.i + 1 : opener.i]
        if len(between) <= 2 and all(t.pos in ("ADV", "ADP", "PART") and t.dep != "case" for t in between):
            # "referred to X as Y": what X was called comes with it; "spoke of a visit to the
            # harbor": a phrase the parse hung on the verb right after it completes it
            found = (subtree_set(parse, kid) - {opener.i}) | (complement(parse, kid, kids, ("as",), whole=True) or set())
            end = parse.subtree(kid)[1]
            for k in sorted(kids, key=lambda k: k.i):
                first = _opener_of(parse, k)
                if k.dep == "obl" and parse.subtree(k)[0] == end and first is not None and first.text.casefold() in OBJECT_PREPOSITIONS:
                    found |= subtree_set(parse, k)
                    end = parse.subtree(k)[1]
            return found
    return set()


def _opener_of(parse: Parse, phrase: Token) -> Token | None:
    """The preposition or subordinator opening a phrase ("about" in "about the cracks", "for" in "for being late")."""
    first = parse.tokens[parse.subtree(phrase)[0]]
    return first if first.pos in ("ADP", "SCONJ") and first.i < phrase.i else None


def complement(parse: Parse, head: Token, kids: Sequence[Token], words: tuple[str, ...], *, whole: bool = False) -> set[int] | None:
    """The verb's prepositional phrase after ``head`` opened by one of ``words`` ("saw X as Y": "Y"), if any.

    With ``whole`` the preposition is kept, as inside a longer content ("X of lying").
    """
    for kid in kids:
        if kid.i <= head.i or kid.dep not in ("obl", "advcl"):
            continue
        opener = _opener_of(parse, kid)
        if opener is not None and opener.text.casefold() in words:
            tokens = subtree_set(parse, kid)
            return tokens if whole else tokens - {opener.i}
    return None


def artifact_subject(parse: Parse, verb: Token, kids: Sequence[Token]) -> bool:
    """Whether the verb's subject is a made thing that speaks for its maker ("the poll", "a study").

    The noun right before the verb counts too: the parse may take "poll shows" for a compound,
    or hang it inside a subject it heads with another noun.
    """
    before = parse.tokens[verb.i - 1] if verb.i > 0 else None
    # the noun right before the verb may end the subject the parse headed elsewhere ("A Journal/NBC poll showed")
    ends_subject = before is not None and any(
        k.dep == "nsubj" and parse.subtree(k)[0] <= before.i < parse.subtree(k)[1] for k in kids)
    return any(k.dep == "nsubj" and k.lemma.casefold() in ARTIFACTS for k in kids) or (
        before is not None and before.pos == "NOUN" and before.lemma.casefold() in ARTIFACTS
        and (before.head == verb.i or ends_subject))


def addressee(parse: Parse, verb: Token) -> set[int]:
    """ "told her the vote ...": an object pronoun right after the verb is whom it was said to."""
    nxt = parse.tokens[verb.i + 1] if verb.i + 1 < len(parse.tokens) else None
    if nxt is None or nxt.sent != verb.sent or nxt.pos != "PRON":
        return set()
    after = parse.tokens[nxt.i + 1] if nxt.i + 1 < len(parse.tokens) else None
    word = nxt.text.casefold()
    if word in ("me", "him", "us", "them") or (word == "her" and after is not None and after.pos == "DET"):
        return {nxt.i}
    return set()


def quote_before(parse: Parse, first: int) -> set[int]:
    """ "“A,” X said, “B.”": the quotation opening the sentence and closing right before the source."""
    sentence = parse.sentences[parse.tokens[first].sent]
    comma = comma_before(parse, first)
    opening = parse.tokens[sentence.first]
    if comma is None or comma == first - 1 or opening.text not in OPEN_QUOTES:
        return set()
    return set(range(sentence.first, first))


def trailing_attribution(parse: Parse, verb: Token, kids: Sequence[Token]) -> tuple[int, bool] | None:
    """(the comma's index, whether the source follows the verb) of an attribution after its content.

    "The pumps are safe, X said (in a statement).", "“We are safe,” X said.", "..., says X.":
    the verb's subject (or, inverted, the verb itself) comes right after a comma that ends the
    content, and no verb follows in the sentence.
    """
    sentence = parse.sentences[verb.sent]
    if lemma_in(verb, CLAUSE_VERBS) not in CLAUSE_VERBS or any(
        t.pos in ("VERB", "AUX") for t in parse.tokens[verb.i + 1 : sentence.last]
    ):
        return None
    subjects = [k for k in kids if k.dep == "nsubj" and k.i < verb.i]
    subject = whole_name(parse, parse.subtree(subjects[-1]), subjects[-1]) if subjects else None
    if subject is not None:  # the parse may hang the comma before the subject on it
        subject = trim_range(parse, *subject)
    comma = comma_before(parse, subject[0]) if subject else None
    if comma is not None:
        return (comma, False) if comma > sentence.first + 2 and has_verb(parse, sentence.first, comma) else None
    # inverted: a noun phrase, not a date ("said Tuesday"), right after the verb; after "told" it
    # is whom it was told to
    comma = comma_before(parse, verb.i)
    after = parse.tokens[verb.i + 1] if verb.i + 1 < sentence.last else None
    if (comma is None or comma <= sentence.first + 2 or after is None or after.pos not in ("DET", "PROPN", "NOUN", "ADJ")
            or after.lemma.casefold() in TIME_WORDS or lemma_in(verb, ADDRESSEE_VERBS) in ADDRESSEE_VERBS):
        return None
    named = parse.entity_at(after)
    return None if named is not None and named.label in ("DATE", "TIME") else (comma, True)


def verb_as_noun(parse: Parse, token: Token) -> bool:
    """A verb the tagger took for a noun ("the campaign hopes to ...") that heads a subject and a clause."""
    kids = list(parse.children(token)) if token.pos == "NOUN" and token.dep == "ROOT" else []
    return any(k.dep == "nsubj" and k.i < token.i for k in kids) and any(
        k.dep in ("ccomp", "xcomp") and k.i > token.i for k in kids
    )


def linear_rest(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "X said over 400 towns signed up" parsed without a clause: the words after the verb."""
    subjects = [k for k in kids if k.dep.startswith("nsubj") and k.i < verb.i]
    if not subjects:
        return set()
    sentence = parse.sentences[verb.sent]
    begin = parse.subtree(subjects[0])[0]
    if begin == sentence.first and clause_start(parse, verb.sent) < begin:
        return set(range(clause_start(parse, verb.sent), begin))  # split after "The pumps are safe,"
    if begin > sentence.first + 2 and parse.tokens[begin - 1].text == "," and not is_opener(parse, sentence.first):
        return set(range(sentence.first, begin - 1))  # "The pumps are safe, X said in a statement."
    start = verb.i + 1
    if lemma_in(verb, ("tell",)) == "tell":
        objects = [k for k in kids if k.dep in ("iobj", "obj") and k.i > verb.i]
        if objects:
            start = parse.subtree(objects[0])[1]
    words = [i for i in range(start, sentence.last) if parse.tokens[i].pos != "PUNCT"]
    if len(words) < 3 or (lemma_in(verb, SPEECH_VERBS) in SPEECH_VERBS and _a_setting(parse, parse.tokens[words[0]])
                          and not any(parse.tokens[i].pos in ("VERB", "AUX") and parse.tokens[i].tag != "VBG" for i in words)):
        return set()
    return set(range(start, sentence.last))


def _a_setting(parse: Parse, first: Token) -> bool:
    """Whether the words after a verb of saying open when or where it was said ("said Sunday on TV",
    "said at the outset", "said in a statement"), not what was said."""
    named = parse.entity_at(first)
    return (first.text.casefold() in _SETTING_PREPOSITIONS or first.lemma.casefold() in TIME_WORDS
            or (named is not None and named.label in ("DATE", "TIME")))


# Prepositions that open when or where something was said.
_SETTING_PREPOSITIONS = frozenset(["in", "at", "on", "during", "before", "after", "while", "from", "with", "as"])


def extraposed_clause(parse: Parse, kids: Sequence[Token]) -> set[int]:
    """ "It was announced by the council that the pier will close": the "that" clause an empty
    "it" stands for, where the parse hung it on the agent or on a word of the agent's phrase.

    Only a clause opened by the conjunction "that" (tagged as one, not as a relative pronoun:
    "the site that they bought" is the site's description).
    """
    if not any(k.dep in ("nsubj:pass", "expl", "expl:pass") and k.text.casefold() == "it" for k in kids):
        return set()
    agent = passive_agent(parse, kids)[1]
    if agent is None:
        return set()
    last = parse.subtree(agent)[1]
    for clause in parse.tokens[agent.i + 1 : last]:
        if clause.dep in ("acl:relcl", "acl", "ccomp") and clause.pos in ("VERB", "AUX") and any(
                m.text.casefold() == "that" and m.tag == "IN" and m.i == parse.subtree(clause)[0]
                for m in parse.children(clause)):
            return subtree_set(parse, clause)
    return set()


def raised_content(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "The mayor is expected to run again", "the strike is considered one of the longest": the passive's subject and its infinitive or predicate."""
    subjects = [k for k in kids if k.dep == "nsubj:pass" and k.i < verb.i]
    infinitives = [k for k in kids if k.dep == "xcomp" and k.i > verb.i and (k.pos in ("VERB", "AUX") or judged_as(parse, verb, k))]
    if not subjects or not infinitives:
        return set()
    return subtree_set(parse, subjects[0]) | subtree_set(parse, infinitives[0])


def infinitive_after(parse: Parse, verb: Token, kids: Sequence[Token]) -> set[int]:
    """ "urged the council to vote", "called on X to act", "called for closing it": what follows the verb.

    Read off the words, as the parse often hangs the infinitive elsewhere; "for" or "on" right
    after the verb belongs to the cue, and an infinitive must follow within a few words. A plea
    "for" something counts only when it was made ("called for", not "can ask for").
    """
    sentence = parse.sentences[verb.sent]
    start = verb.i + 1
    if start < sentence.last and parse.tokens[start].text.casefold() in ("for", "on", "upon"):
        start += 1
        if parse.tokens[start - 1].text.casefold() == "for":
            # a participle joined to a clause that was ("..., calling for X") is a plea made too
            # ("is calling for X to act": a progressive is a plea being made)
            made = (verb.tag in ("VBD", "VBZ", "VBP", "VBN") or (verb.tag == "VBG" and (
                verb.dep in ("conj", "advcl") or any(k.dep == "aux" and k.lemma.casefold() == "be" for k in kids)))) and not any(
                k.tag == "MD" for k in kids)
            return {start} if made and start < sentence.last and parse.tokens[start].pos != "PUNCT" else set()
    for k in range(start, min(start + 8, sentence.last - 1)):
        t = parse.tokens[k]
        if t.tag in ("VBD", "VBZ", "MD") or t.text in (",", ";", ":"):
            return set()
        if t.text.casefold() == "to" and parse.tokens[k + 1].tag in ("VB", "VBP"):
            return {start}
    return set()


def across_sentences(parse: Parse, verb: Token) -> set[int]:
    """Content the sentence splitter put in the sentence before or after the cue's.

    "“..., ”" then "Trump said.": the quotation before; "X, a delegate, said" cut off before
    its clause: the sentence after.
    """
    sentence = parse.sentences[verb.sent]
    rest = [t for t in parse.tokens[verb.i + 1 : sentence.last] if t.pos != "PUNCT" or t.text not in ".,:"]
    if rest and not _only_setting(parse, verb, rest):
        return set()
    ending = parse.text[sentence.start : sentence.end].rstrip()
    if verb.sent > 0 and (not rest or _speaker_line(parse, verb)):
        before = parse.sentences[verb.sent - 1]
        tail = parse.text[before.start : before.end].rstrip()
        if tail.rstrip("”\"'")[-1:] in (",", "?", "!", "…") and tail[-1:] in "”\"'" and not parse.text[before.end : sentence.start].count("\n"):
            return _quotation_back_to_its_opening(parse, verb.sent - 1)
    if rest:
        return set()
    if ending.endswith(":") and verb.sent + 1 < len(parse.sentences):
        return _paragraph_after(parse, verb.sent + 1)  # 'he said:' and the block quotation below
    if not ending.endswith((".", "!", "?", "”", '"')) and verb.sent + 1 < len(parse.sentences):
        after = parse.sentences[verb.sent + 1]
        if "\n" not in parse.text[sentence.end : after.start]:
            return set(range(after.first, after.last))
    return set()


_BLOCK_SENTENCES = 6  # at most this many sentences of a paragraph set below "X said:" are taken as said


def _only_setting(parse: Parse, verb: Token, rest: Sequence[Token]) -> bool:
    """Whether the words after a cue only say when, where or how it was said ("said Friday", "said in response").

    A phrase hung on the verb as a setting, with no verb of its own: "“...?” Lowe said in a
    statement." still attributes the quotation before it.
    """
    setting = {i for k in parse.children(verb) if k.i > verb.i and (k.dep in _SETTING_DEPS or k.dep == "obl:unmarked")
               for i in subtree_set(parse, k)}
    return all(t.i in setting and t.pos not in ("VERB", "AUX") for t in rest)


def _speaker_line(parse: Parse, verb: Token) -> bool:
    """Whether the words before the cue are only its speaker: "Lowe said", "Rita Lang, who chairs the board, said"."""
    sentence = parse.sentences[verb.sent]
    inside = {i for k in parse.children(verb) if k.dep.startswith("nsubj") or k.dep in ("aux", "advmod")
              for i in subtree_set(parse, k)}
    return all(t.i in inside or t.pos not in ("VERB", "AUX") for t in parse.tokens[sentence.first : verb.i])


def _quotation_back_to_its_opening(parse: Parse, last: int) -> set[int]:
    """The tokens of sentence ``last`` and, when it does not open the quotation it closes, of the sentences
    before it in its paragraph back to the one that does ("“A. B?” Lowe said.": both A and B)."""
    taken = set(range(parse.sentences[last].first, parse.sentences[last].last))
    k = last
    while k > max(0, last - _BLOCK_SENTENCES):
        sentence = parse.sentences[k]
        if parse.text[sentence.start : sentence.end].lstrip()[:1] in OPEN_QUOTES or parse.text[sentence.start : sentence.end].lstrip()[:2] == "''":
            return taken
        if "\n" in parse.text[parse.sentences[k - 1].end : sentence.start]:
            break
        k -= 1
        taken |= set(range(parse.sentences[k].first, parse.sentences[k].last))
    return set(range(parse.sentences[last].first, parse.sentences[last].last))


def _paragraph_after(parse: Parse, first: int) -> set[int]:
    """The tokens of the paragraph that opens with sentence ``first`` (up to a few sentences)."""
    taken: set[int] = set()
    for k in range(first, min(first + _BLOCK_SENTENCES, len(parse.sentences))):
        sentence = parse.sentences[k]
        if k > first and "\n" in parse.text[parse.sentences[k - 1].end : sentence.start]:
            break
        taken |= set(range(sentence.first, sentence.last))
    return taken


# Words that, after a comma, open what the writer adds rather than what the source said: a
# relative clause ("..., which will likely ..."), a contrast or comparison ("..., while ...").
_ASIDE_OPENERS = frozenset(["who", "which", "whose", "whom", "while", "whereas", "although", "though", "compared",
                            "unlike"])


def without_aside(parse: Parse, verb: Token, content: set[int]) -> set[int]:
    """The content without what follows it after a comma: a writer's aside, or another attribution.

    The guidelines keep only what is clearly attributed; a relative clause or a contrast after
    the content's last comma ("X said the plan works, which ...") is the writer's, unless
    quoted. So is what follows a single dash in unquoted content ("X said the toll was too high
    — a view shared by many"). A participle of saying after a comma ("..., adding that ...")
    opens an attribution of its own, however the parse hung it.
    """
    if not content:
        return content
    first, last = min(content), max(content)
    # a quotation, not a clause with a few quoted words in it ('said the plan was “reckless,” which ...')
    quoted = has_quote(parse, content) and (parse.tokens[first].text in QUOTES
                                            or (first > 0 and parse.tokens[first - 1].text in OPEN_QUOTES))
    dashes = [j for j in range(max(first, verb.i + 1), last) if parse.tokens[j].text in ("—", "–", "--") and j in content]
    if not quoted and len(dashes) == 1 and len([i for i in content if i < dashes[0]]) >= 3:
        # "opposed the trade pact — one of the president's goals": what follows a single dash is the writer's aside
        return {i for i in content if i < dashes[0]}
    for j in range(verb.i + 1, last):
        if parse.tokens[j].text != ",":
            continue
        after = parse.tokens[j + 1]
        ahead = j + 1
        while ahead < last and (parse.tokens[ahead].text in CLOSE_QUOTES
                                or parse.tokens[ahead].text.casefold() in _LINKS_BEFORE_PARTICIPLE):
            ahead += 1  # '“far too high,” adding', ', while arguing'
        if said_after_comma(parse, parse.tokens[ahead]):
            return {i for i in content if i < j}
        # an aside closes the content: no comma after it takes the sentence up again ("an email,
        # which X published, shows ..." goes on)
        aside = (not quoted and j >= max(first, verb.i) + 3 and after.text.casefold() in _ASIDE_OPENERS and j + 1 in content
                 and not any(parse.tokens[i].text == "," for i in range(j + 1, last)))
        if aside or (not quoted and j + 1 in content and contrast(parse, after)):
            return {i for i in content if i < j}
        if not quoted and j + 1 in content and j >= max(first, verb.i) + 2 and _writer_goes_on(parse, after):
            return {i for i in content if i < j}
    return content


# Words that join a second speaker's clause to the first's: "One in three said A and one in four said B".
_NEXT_SPEAKER_LINKS = frozenset(["and", "but", "while", "whereas", ","])


def before_next_speaker(parse: Parse, verb: Token, content: set[int]) -> set[int]:
    """The content up to a clause joined after it in which someone else says, thinks or reports something.

    "One in three said A, and one in four said B": the second verb, with a subject of its own
    right before it, opens the next attribution, which the parse may have hung inside the first one's clause.
    The verb may carry a finite auxiliary ("and two aides have said B"), and its subject may be
    coordinated ("and the mayor and two aides have said B").
    """
    if not content or max(content) < verb.i:
        return content
    for t in parse.tokens[verb.i + 1 : max(content) + 1]:
        if t.i not in content or not _finite_verb(parse, t) or lemma_in(t, SAY_VERBS) not in SAY_VERBS:
            continue
        subject = next((k for k in parse.children(t) if k.dep == "nsubj" and k.i < t.i), None)
        if subject is not None and subject.text.casefold() in RELATIVE:
            continue
        link = t.i - 1
        while link > verb.i and (parse.tokens[link].dep in ("aux", "advmod", "neg")
                                 or parse.tokens[link].text.casefold() in ("not", "n't")):
            link -= 1
        if (subject is None and t.dep == "conj" and link > verb.i + 2 and parse.tokens[link].text.casefold() in ("and", "but")
                and lemma_in(t, SPEECH_VERBS) in SPEECH_VERBS):
            # "said he would offer a prayer but did not suggest ...": the speaker's own next act of saying
            while link - 1 > verb.i and parse.tokens[link - 1].text == ",":
                link -= 1
            return {i for i in content if i < link}
        start = parse.subtree(subject)[0] if subject is not None else _speaker_run_before(parse, t)
        if start >= t.i:
            continue
        start = _coordinated_start(parse, verb, start)
        link = start - 1
        if link > verb.i and parse.tokens[link].text.casefold() in _NEXT_SPEAKER_LINKS:
            while link - 1 > verb.i and parse.tokens[link - 1].text in (",", "and", "but"):
                link -= 1
            return {i for i in content if i < link}
    return content


# The tags of verbs: a token tagged otherwise (a misread noun) with an auxiliary is no finite verb.
_VERB_TAGS = frozenset(["VBD", "VBZ", "VBP", "VBN", "VBG", "VB"])


def _finite_verb(parse: Parse, verb: Token) -> bool:
    """Whether a token tagged a verb is finite, alone ("said") or after a finite auxiliary of its own ("have said", "had told")."""
    return verb.tag in _VERB_TAGS and finite(parse, verb)


def _coordinated_start(parse: Parse, verb: Token, start: int) -> int:
    """Where a subject starts when a noun phrase is joined before it by "and" or "or" ("the mayor and two aides").

    The parse may hang the first conjunct elsewhere; a run of noun-phrase words right before the
    conjunction, itself opened by a comma or a word joining clauses, belongs to the subject.
    """
    # the parse may count the conjunction in the subject's phrase ("and two aides") or leave it out
    conj = start if parse.tokens[start].text.casefold() in ("and", "or") else start - 1
    if conj - 1 <= verb.i or parse.tokens[conj].text.casefold() not in ("and", "or"):
        return start
    first = conj
    while first - 1 > verb.i and parse.tokens[first - 1].pos in ("NOUN", "PROPN", "NUM", "DET", "ADJ"):
        first -= 1
    if first == conj or not any(t.pos in ("NOUN", "PROPN") for t in parse.tokens[first:conj]):
        return start
    # a clause boundary before the first conjunct: a comma, or "but" / "while" ("cars and trucks and the drivers" is one list)
    link = parse.tokens[first - 1].text.casefold()
    if link in (",", "but", "while", "whereas") or (link == "and" and parse.tokens[first - 2].text == ","):
        return first
    return start


def _speaker_run_before(parse: Parse, verb: Token) -> int:
    """Where the noun phrase right before a verb the parse left without a subject starts ("and one in four said"); the verb's index if none."""
    first = verb.i
    while first - 1 > 0 and (parse.tokens[first - 1].pos in ("NOUN", "PROPN", "NUM", "DET", "ADJ", "PRON")
                             or parse.tokens[first - 1].text.casefold() in ("of", "in", "'s", "’s")):
        first -= 1
    while first < verb.i and parse.tokens[first].text.casefold() in ("of", "in", "'s", "’s"):
        first += 1
    if not any(t.pos in ("NOUN", "PROPN", "NUM", "PRON") for t in parse.tokens[first : verb.i]):
        return verb.i
    return first


# Words that, after a comma, set what the writer adds against what was said: "despite ...",
# "given ...", "compared with ...", "..., where ..." (a place's story, not the source's words).
_WRITER_OPENERS = frozenset(["despite", "given", "compared", "unlike", "whereas", "where", "notwithstanding"])


def _writer_goes_on(parse: Parse, token: Token) -> bool:
    """Whether the word after a comma opens the writer's own addition to an unquoted content.

    A concession or comparison ("..., despite ...", "..., compared with ..."), or a clause
    joined by "and" with a subject of its own ("..., and the city has sued"); "that" opening
    the clause keeps it said ("said that A, and that B").
    """
    word = token.text.casefold()
    if word in _WRITER_OPENERS:
        return True
    if word == "and" and token.dep == "cc":
        head = parse.tokens[token.head]
        return head.i > token.i and head.pos in ("VERB", "AUX", "ADJ", "NOUN") and any(
            k.dep.startswith("nsubj") for k in parse.children(head)) and not any(
            k.dep == "mark" for k in parse.children(head))
    return False


def contrast(parse: Parse, token: Token) -> bool:
    """Whether a token is "but" opening a clause with a subject of its own (", but for others it is ...").

    What the source said stops before it: the writer sets the contrast against it, and the
    guidelines keep only what is clearly attributed. A clause opened by "that" is still said
    ("said A, but that B").
    """
    if token.text.casefold() != "but" or token.dep != "cc":
        return False
    head = parse.tokens[token.head]
    kids = list(parse.children(head))
    return head.i > token.i and head.pos in ("VERB", "AUX", "ADJ", "NOUN") and any(
        k.dep.startswith("nsubj") for k in kids) and not any(k.dep == "mark" and k.text.casefold() == "that" for k in kids)


# Words between the comma and a participle of saying that still make it the speaker's next words.
_LINKS_BEFORE_PARTICIPLE = frozenset(["while", "after", "before", "also", "then", "again", "instead", "later", "even"])


def said_after_comma(parse: Parse, token: Token) -> bool:
    """Whether a token is a participle of saying right after a comma ("..., adding that ...", "..., saying ...")."""
    if token.tag != "VBG" or lemma_in(token, SPEECH_VERBS) not in SPEECH_VERBS or token.i == 0:
        return False
    before = token.i - 1
    if before > 0 and parse.tokens[before].text.casefold() in _LINKS_BEFORE_PARTICIPLE:
        before -= 1  # "..., while arguing that ...", "..., also noting ..."
    if before > 0 and parse.tokens[before].text in CLOSE_QUOTES and parse.tokens[before - 1].text == ",":
        before -= 1  # 'the tolls were “far too high,” adding that ...'
    return parse.tokens[before].text == ","


def cue_after_comma(parse: Parse, token: Token) -> bool:
    """Whether a token is a participle of any cue verb right after a comma ("..., referring to X",
    "..., calling the plan reckless"): the same speaker's next attribution, never what the verb before said."""
    return (token.tag == "VBG" and lemma_in(token, CUE_VERBS) in CUE_VERBS
            and (said_after_comma(parse, token) or (token.i > 0 and parse.tokens[token.i - 1].text == ",")))


def content_tail(parse: Parse, verb: Token, content: set[int]) -> set[int]:
    """Content after the verb runs to the sentence's end (the parse often cuts a long one short).

    It stops at a semicolon, a dash clause, or "and"/"but" opening a clause of its own that the
    parse does not hang under the cue. A cue in a restrictive relative or participial clause
    inside the sentence's subject ("those who say X were divided", "voters saying X back Y")
    stops where its clause does; one describing what comes after the sentence's verb ("issued a
    statement saying X") runs on as any other.
    """
    last = max(content)
    if last < verb.i:
        return set()
    sentence = parse.sentences[verb.sent]
    if (verb.dep in ("acl:relcl", "acl") and verb.head < verb.i and parse.tokens[parse.subtree(verb)[0] - 1].text != ","
            and not _after_its_verb(parse, parse.tokens[verb.head])):
        return set(range(last + 1, parse.subtree(verb)[1])) - content
    stops = {
        found[0]
        for t in parse.tokens[last + 1 : sentence.last]
        if lemma_in(t, CLAUSE_VERBS) in CLAUSE_VERBS and (found := trailing_attribution(parse, t, list(parse.children(t))))
    }
    extra: set[int] = set()
    continued = -1
    for j in range(last + 1, sentence.last):
        t = parse.tokens[j]
        if (t.dep == "mark" and t.text.casefold() in _CONDITION_MARKS and t.head > j and j - last <= 2
                and parse.tokens[t.head].dep == "advcl"):
            continued = t.head  # "could be a “failure” if the ferry can't run": the condition is said too
        if t.text in (";", "—", "–") or j in stops or (t.text == "," and j + 1 < sentence.last and (
                parse.tokens[j + 1].text.casefold() in ("said", "says") or according_cue(parse, parse.tokens[j + 1]))):
            break
        if t.dep == "cc" and t.head > j and t.head not in content:
            head = parse.tokens[t.head]
            if (head.dep == "conj" and head.head == verb.i and lemma_in(head, CUE_VERBS) in CUE_VERBS
                    and not told_otherwise(parse, head, verb)):
                break  # "called for A and proposed B": two attributions of one source, each with its content
            if any(k.dep == "mark" and k.text.casefold() == "that" for k in parse.children(head)):
                continued = head.i  # "said that A and that B": a second clause of what was said
            elif any(k.dep.startswith("nsubj") for k in parse.children(head)) and head.i != verb.i:
                break
        if (t.dep.startswith("nsubj") and t.head not in content and t.head > last and t.head not in (verb.i, continued)
                and not _relative_on(parse, t, content | extra, after_break=any(
                    parse.tokens[i].text in (",", ":", "—", "–", "-", "--") for i in extra))):
            break  # ", she said" after the content: the cue's own source
        if t.i == verb.i or (parse.tokens[t.head].i == verb.i and t.dep.startswith("nsubj")):
            break
        extra.add(j)
    return extra


def _relative_on(parse: Parse, subject: Token, content: set[int], *, after_break: bool = False) -> bool:
    """Whether a subject is the relative pronoun of a clause describing a noun of the content
    ("finds a generation that is more careful"): the clause goes on with the noun, it names no new
    speaker. Not of a noun set off after the content (``after_break``: past a comma or a dash,
    "..., a requirement that ..."): the writer's aside goes on."""
    clause = parse.tokens[subject.head]
    noun = parse.tokens[clause.head]
    return (subject.text.casefold() in RELATIVE and clause.dep == "acl:relcl" and noun.i in content
            and not after_break and noun.dep not in ("appos", "parataxis", "dep", "list"))


# Conjunctions opening a condition right after a content, which the parse may hang on the cue verb.
_CONDITION_MARKS = frozenset(["if", "unless"])


def _after_its_verb(parse: Parse, noun: Token) -> bool:
    """Whether a noun phrase stands after the verb that governs it (an object, "in a statement"), not before it as its subject."""
    head = noun
    while head.head != head.i and head.pos not in ("VERB", "AUX"):
        head = parse.tokens[head.head]
    return head.pos in ("VERB", "AUX") and head.i < noun.i


def cue_range(parse: Parse, verb: Token, kids: Sequence[Token]) -> tuple[int, int]:
    """The verb with its auxiliaries, negation and particles right before or after it."""
    first = verb.i
    for kid in sorted(kids, key=lambda k: -k.i):
        if (kid.i == first - 1 and kid.dep in ("aux", "aux:pass", "advmod", "neg") and kid.pos != "PUNCT") or (kid.i == first - 1 and kid.text.casefold() in ("not", "n't", "never")):
            first = kid.i
    last = verb.i + 1
    for kid in kids:
        if kid.i == last and is_particle(parse, kid):
            last += 1
    return first, last


def _a_time(parse: Parse, token: Token) -> bool:
    """Whether a word names a day or a time ("Tuesday", "last week", "minutes after"), not a thing said or someone saying it."""
    named = parse.entity_at(token)
    return (token.lemma.casefold() in TIME_WORDS or token.lemma.casefold() in _TIME_UNITS
            or (named is not None and named.label in ("DATE", "TIME")))


def _a_date(parse: Parse, token: Token) -> bool:
    """Whether a word names a day, a date or a time of day ("Thursday", "last week"); a unit of time
    alone ("a critical moment") may be what was said."""
    named = parse.entity_at(token)
    return token.lemma.casefold() in TIME_WORDS or (named is not None and named.label in ("DATE", "TIME"))


# Units of time that open a time phrase ("Minutes after the vote, ...", "Hours later, ...").
_TIME_UNITS = frozenset(["second", "minute", "hour", "moment", "decade", "century"])


def _infinitive(parse: Parse, word: Token) -> bool:
    """Whether a word after "to", with an object, is a verb the tagger mistook ("promised to quickly repair/NOUN 12 ferries")."""
    return word.pos in ("ADJ", "NOUN") and any(k.dep == "mark" and k.text.casefold() == "to" for k in parse.children(word)) and any(
        k.dep == "obj" for k in parse.children(word))


# Words that open a clause of the writer's rather than a source's name ("..., as Lowe said,").
_ASIDE_NOT_SOURCE = frozenset(["as", "while", "when", "if", "because", "since", "though", "although", "and", "but",
                               "or", "so", "which", "who", "that", "what", "where", "how", "than"])


def reporting_aside(parse: Parse, verb: Token) -> Found | None:
    """ "..., records show." or "The two are tied, the new poll indicates, with ..." read off the words when the parse broke them.

    A verb of saying, finite, set after a comma with only a noun phrase (its source) between
    the comma and the verb, and nothing after the verb but the sentence's end or another comma:
    the parse may make the verb a noun's apposition or leave it without its subject; the words
    are plain enough. What stands before the comma (a clause, with a verb) and after the aside
    is what was said.
    """
    if verb.tag not in ("VBD", "VBZ", "VBP") or lemma_in(verb, CLAUSE_VERBS) not in CLAUSE_VERBS:
        return None
    kids = list(parse.children(verb))
    if any(k.dep.startswith("nsubj") or k.dep in CONTENT_DEPS or k.dep in ("obj", "xcomp") for k in kids):
        return None  # the parse has read it: the verb's own cue reading stands
    sentence = parse.sentences[verb.sent]
    comma = next((i for i in range(verb.i - 1, sentence.first, -1) if parse.tokens[i].text in (",", ";", ":", "(")
                  or parse.tokens[i].text in QUOTES), None)
    if comma is None or parse.tokens[comma].text != "," or comma + 1 >= verb.i:
        return None
    source = trim_range(parse, comma + 1, verb.i)
    words = parse.tokens[source[0] : source[1]]
    if (not words or words[0].text.casefold() in _ASIDE_NOT_SOURCE or words[0].pos in ("ADP", "SCONJ", "CCONJ", "VERB", "AUX")
            or any(t.tag in ("VBD", "VBZ", "VBP", "MD") or t.pos == "CCONJ" for t in words)
            or not any(t.pos in ("NOUN", "PROPN", "PRON") for t in words)):
        return None
    after = [t for t in parse.tokens[verb.i + 1 : sentence.last] if t.text not in QUOTES]
    if after and after[0].text not in (",", ".", "!", "?"):
        return None
    if any(k.dep in ("det", "amod", "nummod", "compound") for k in kids) and any(t.pos != "PUNCT" for t in after):
        # read as a noun ("the analysis shows."): only where it ends the sentence, not in a list
        # going on ("in smaller, whiter states, but ...")
        return None
    if not has_verb(parse, sentence.first, comma):
        return None
    content = set(range(sentence.first, comma))
    if after and after[0].text == "," and len(after) > 1:
        content |= {t.i for t in after[1:] if not (t.pos == "PUNCT" and t.i == sentence.last - 1)}
        content = before_next_speaker(parse, verb, content)
    heads = [t for t in words if t.pos in ("NOUN", "PROPN")] or [t for t in words if t.pos == "PRON"]
    who = next((t for t in reversed(heads) if t.head < source[0] or t.head >= source[1] or t.head == t.i), heads[-1])
    return Found(cue=(verb.i, verb.i + 1), content=content, source=source, verb=verb.text, who=who)


# Verbs of an act of saying or reporting that an "as" clause credits ("as the Herald reported",
# "as Lowe pointed out"); a seeing or expecting ("as they saw", "as many expected") is no source's words.
_AS_SAID = (SPEECH_VERBS - frozenset(["find", "show", "indicate", "conclude", "ask", "call", "continue", "read"])) | frozenset(["point", "speculate"])


def as_reported(parse: Parse, verb: Token) -> Found | None:
    """ "As the Herald reported, the mayor met the board": a verb of saying in an "as" clause, with
    no content of its own, says the clause it hangs on (without its own "as" clause).

    The parse reads the "as" clause as a modifier of the main clause and gives the verb no
    content; the main clause is what the source said. A verb with an object ("as she said
    this, ...") is the writer's time, not a source's words.
    """
    if verb.tag not in ("VBD", "VBZ", "VBP", "VBN") or verb.dep != "advcl" or lemma_in(verb, _AS_SAID) not in _AS_SAID:
        return None
    kids = list(parse.children(verb))
    marks = [k for k in kids if k.dep == "mark" and k.i < verb.i]
    if not marks or marks[0].text.casefold() != "as" or any(
            k.dep in CONTENT_DEPS or k.dep in ("obj", "xcomp", "iobj", "nsubj:pass") for k in kids):
        return None
    if not any(k.dep == "nsubj" for k in kids):
        return None
    head = parse.tokens[verb.head]
    if head.sent != verb.sent or head.pos not in ("VERB", "AUX", "ADJ", "NOUN"):
        return None
    own = subtree_set(parse, verb)
    if head.i < verb.i or (marks[0].i > parse.sentences[verb.sent].first
                           and parse.tokens[marks[0].i - 1].text not in (",", "(", "—", "–", ";")):
        # "X rode the crowd's will as he replied": a time, not a source; an "as" clause after its
        # clause is as often the writer's comparison ("..., as X has done") as a credit
        return None
    content = {i for i in subtree_set(parse, head) - own if parse.tokens[i].sent == verb.sent}
    # the clause beside it: before an "as" clause that follows it, after one that opens it
    content = {i for i in content if i < min(own)} if head.i < verb.i else {i for i in content if i > max(own)}
    content = {i for i in content if not (parse.tokens[i].pos == "PUNCT" and (i + 1 == min(own) or i - 1 == max(own)))}
    if not content or not any(parse.tokens[i].pos in ("VERB", "AUX") for i in content):
        return None
    source, who = source_of(parse, verb, kids)
    source = whole_name(parse, source, who)
    if who is None or source is None:
        return None
    end = source[1]
    while end > source[0] + 1 and parse.tokens[end - 1].pos == "ADV" and end - 1 != who.i:
        end -= 1  # "As Dover News first reported": the adverb is the verb's
    return Found(cue=cue_range(parse, verb, kids), content=content, source=(source[0], end), verb=verb.text, who=who)
