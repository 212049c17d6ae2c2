"""What an event says: the arguments of its predicate read from the dependency tree (who, did
what, to whom, where), a headline written from the sentence's own words, and its kind."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..nlp import Token
from .clauses import Clause
from .event_predicates import ParseReader
from .event_words import (
    ANNOUNCING,
    ASIDE_CASES,
    CUT_FROM_PHRASE,
    KINDS,
    LIGHT_VERBS,
    MODALS,
    NOT_FIRST,
    OTHER,
    PLACE_CASES,
    TAKING_IN,
    WALKOUTS,
)

__all__ = ["Arguments", "article", "headline", "kind_of", "kind_of_words", "label_phrase", "render"]

_MAX_PHRASE = 8
_MAX_LABEL = 16
#: Prepositions of an aside that may stand inside a phrase as part of it ("countries like Albania").
_LIKENESS = frozenset({"as", "like", "than"})
#: Prepositions whose gerund says what was done, admitted or charged ("reacted by proposing",
#: "was charged with taking", "was arrested for stealing", "was accused of lying").
_GERUND_CASES = frozenset("by to with for of".split())  # noqa: SIM905
#: Prepositions that place an act in time against another ("resigned after the vote", "rose
#: prior to the attack"): the phrase orders the act, it is not what was done.
_ORDERING_CASES = frozenset("after before following prior until till since pending upon".split())  # noqa: SIM905


def _name_cut_from(reader: ParseReader, verb: Token, subject: Token) -> Token | None:
    """The noun a verb's subject was cut from inside a name: a proper noun subject right after
    another proper noun of its name that hangs, not on the subject, but in the phrase of the noun
    the verb itself was hung on, that noun told before ("Harbour fees at Ostra Hamn have doubled"
    read as "fees" with "Hamn have doubled" beside it). None if the parse did not cut it so."""
    head = reader.head(verb)
    if (head is None or head.i >= subject.i or head.pos not in ("NOUN", "PROPN") or subject.pos != "PROPN"
            or subject.i == 0 or not subject.dep.startswith("nsubj") or subject.i > verb.i
            or verb.dep.split(":")[0] not in ("parataxis", "dep", "acl", "appos")):
        return None
    first = reader.parse.subtree(subject)[0]
    if reader.tokens[first].pos == "PUNCT":
        return None  # a comma the parse hung on the name sets it off: "Also Friday, Vale-Ostra Mayor ..."
    before = reader.tokens[first - 1] if first > 0 else None
    if before is None or before.pos != "PROPN" or not before.text[:1].isupper() or before.i in reader.in_time:
        return None  # (a date is no part of a name)
    if any(t.text in ",;:()" or t.pos in ("VERB", "AUX") for t in reader.tokens[head.i : first]):
        return None  # set off by a comma, or with a verb between: a clause of its own
    current: Token | None = before
    while current is not None and current.i != head.i:
        if current.head == current.i:
            return None
        current = reader.head(current)
    return head if current is not None else None


@dataclass
class Arguments:
    """The arguments of one predicate: subject, object, one more phrase, and the agent of a passive."""

    verb: Token
    subject: Token | None = None
    object: Token | None = None
    agent: Token | None = None
    passive: bool = False
    complement: Token | None = None
    extra: list[Token] = field(default_factory=list)
    #: The noun a relative clause or participle modifies, standing for its subject or object.
    stand_in: Token | None = None
    #: The passive auxiliary a coordinated participle shares with the verb before it ("was kept
    #: there and then transferred": "was ... transferred").
    shared_aux: list[Token] = field(default_factory=list)
    #: Further subjects the parse gave the verb, coordinated with the first ("The mayor, the
    #: council and the board met" read with "board" as a second subject): all are its doers.
    conjuncts: list[Token] = field(default_factory=list)
    #: A participle describing a noun ("footage captured in May"): the noun is what it was done to.
    participle: bool = False
    #: Phrases that order the act against another ("after the vote"): in the passage, not the label.
    ordering: list[Token] = field(default_factory=list)

    @classmethod
    def read(cls, reader: ParseReader, verb: Token) -> Arguments:
        args = cls(verb)
        kids = reader.kids(verb)
        args.passive = (
            (verb.feature("Voice") == "Pass" and any(k.dep == "aux:pass" for k in kids))
            or any(k.dep == "nsubj:pass" for k in kids)
            or (verb.dep == "acl" and verb.tag == "VBN" and not reader.relative_clause(verb)
                and not reader.root_participle(verb))
            or (verb.tag == "VBN" and any(k.dep == "obl:agent" for k in kids))
        )
        for kid in kids:
            if reader.apart(verb.i, kid.i):
                continue  # another sentence the parse ran on into
            if kid.i in reader.in_time and kid.dep in ("obl:agent", "nsubj", "nsubj:pass", "obj") and _named_under(reader, kid):
                # "by the Gazette Tuesday" read as one noun headed by the date: the name is the argument
                args.agent = kid if kid.dep == "obl:agent" else args.agent
                if kid.dep.startswith("nsubj") and args.subject is None:
                    args.subject = kid
                elif kid.dep == "obj" and args.object is None:
                    args.object = kid
                continue
            if kid.i in reader.in_time and kid.dep.startswith("nsubj"):
                # a date read as the subject ("In March, a bundle ... was found"): its apposition is
                kid = next((k for k in reader.kids(kid) if k.dep == "appos" and k.i not in reader.in_time), kid)
            if kid.i in reader.in_time:
                if kid.dep.startswith("obl") and kid.i > verb.i:
                    # "asked owners on April 20 for video of a burglary" with the phrase hung on the
                    # date; not a span set before the verb ("Over the last months of his term, the
                    # mayor closed ..."), whose modifiers only set the scene with it
                    args.extra += [k for k in reader.kids(kid) if k.dep == "nmod" and k.i > kid.i
                                   and k.i not in reader.in_time and k.pos in ("NOUN", "PROPN")
                                   and any(c.dep == "case" for c in reader.kids(k)) and not _aside(reader, k)]
                continue
            if kid.dep in ("nsubj", "nsubj:pass", "csubj", "appos") and args.subject is None:
                args.subject = kid
            elif (kid.dep in ("nsubj", "nsubj:pass") and args.subject is not None and args.subject.dep == kid.dep
                  and args.subject.i < kid.i < verb.i and args.subject.lemma.casefold() in _TIME_UNITS):
                args.subject = kid  # "Weeks after the vote, the council formed ...": a span of time is no subject
            elif (kid.dep in ("nsubj", "nsubj:pass") and args.subject is not None and args.subject.dep == kid.dep
                  and args.subject.i < kid.i < verb.i
                  and (reader.tokens[args.subject.i + 1].text == "," or any(
                      c.pos == "VERB" and any(g.dep == "nsubj" for g in reader.kids(c)) for c in reader.kids(args.subject)))
                  and next(t for t in reader.tokens[reader.parse.subtree(kid)[0] : kid.i + 1] if t.pos != "PUNCT").pos
                  in ("ADP", "SCONJ")
                  and not any(t.text == "," for t in reader.tokens[reader.parse.subtree(kid)[1] - 1 : verb.i])):
                # "Clinton, after the scandal broke in March, said ...": the name set off before is
                # the subject of a later verb; the one right before the verb, opening with a
                # subordinator and not itself set off ("the Post, owned by X, ran ..."), is this one's
                # (so too when the first heads a clause of its own: "Deputy mayor Lia Venn will lead
                # the city until a by-election is held" read with both nouns as subjects of "held")
                args.subject = kid
            elif kid.dep in ("obj", "dobj") and args.object is None and kid.pos != "SCONJ" and not _set_off(reader, verb, kid):
                args.object = kid  # (not "that" of "reported that the pier had collapsed" misread)
            elif kid.dep == "obl:agent" or (
                kid.dep == "obl" and args.passive and any(c.lemma.casefold() == "by" and c.dep == "case"
                                                          for c in reader.kids(kid))
            ):
                args.agent = kid
            elif kid.dep == "xcomp" and args.complement is None and not _participle_after_noun(reader, verb, kid):
                args.complement = kid
            elif (kid.dep in ("obl", "iobj") and (kid.pos in ("NOUN", "PROPN", "NUM") or _money(reader, kid)
                                                  or (kid.pos == "PRON" and _pronoun_noun(reader, kid) is not None))) \
                    or _second_object(reader, verb, kid):
                case = {w for c in reader.kids(kid) if c.dep in ("case", "fixed")
                        for w in (c.lemma.casefold(), c.text.casefold())}
                first = reader.parse.subtree(kid)[0]
                if case & _ORDERING_CASES or (args.ordering and first == reader.parse.subtree(args.ordering[-1])[1]
                                              and kid.i > verb.i):
                    # (a phrase right after it the parse hung on the verb is its own: "after a
                    # confrontation with the crew")
                    args.ordering.append(kid)
                elif not case & ASIDE_CASES and not _connective(reader, kid):
                    args.extra.append(kid)
        if args.object is None and not args.extra and args.complement is None and not args.passive:
            # "Police arrested and questioned the student": the object after the second verb is
            # both verbs' (the first, with nothing after it, shares it)
            joined = next((k for k in kids if k.dep == "conj" and k.pos == "VERB" and k.i == verb.i + 2
                           and reader.tokens[verb.i + 1].dep == "cc" and reader.tokens[verb.i + 1].head == k.i), None)
            if joined is not None and not any(c.dep.startswith(("nsubj", "aux")) for c in reader.kids(joined)):
                args.object = next((c for c in reader.kids(joined) if c.dep in ("obj", "dobj") and c.pos in ("NOUN", "PROPN")), None)
        # "was arrested after leaving the group": a clause that orders the act stays in the passage
        args.ordering += [k for k in kids if k.dep.split(":")[0] == "advcl" and k.i > verb.i and not reader.apart(verb.i, k.i)
                          and k.pos in ("VERB", "AUX") and not any(c.dep.startswith("nsubj") for c in reader.kids(k))
                          and any(m.dep == "mark" and m.text.casefold() in _ORDERING_CASES for m in reader.kids(k))]
        if args.subject is not None:
            args.ordering += [k for k in reader.kids(args.subject) if _fronted_ordering(reader, args.subject, k)]
        if args.subject is not None and args.subject.lemma.casefold() in _TIME_UNITS and args.subject.i < verb.i:
            # "hours after a committee published a report" read with "hours" as the only subject:
            # the noun of the "after" phrase is
            args.subject = next((n for n in reader.kids(args.subject) if n.dep == "nmod" and n.i < verb.i and any(
                c.dep == "case" and c.text.casefold() in _ORDERING_CASES for c in reader.kids(n))), args.subject)
        if args.complement is None and ((args.object is None and not args.extra)
                                        or verb.lemma.casefold() in _OBJECT_AND_INFINITIVE):
            # "voted on Monday to review the program": an infinitive of purpose (read as a clause
            # of its own) tells what was done when nothing else does
            args.complement = next((k for k in kids if k.dep == "advcl" and k.pos == "VERB" and k.i > verb.i
                                    and any(m.dep == "mark" and m.text.casefold() == "to" for m in reader.kids(k))
                                    and not any(m.dep.startswith("nsubj") for m in reader.kids(k))), None)
        if args.complement is None and args.object is None and not args.extra:
            # "reacted by proposing new fees", "admitted to being a part of the mutiny", "was charged
            # with taking the drives", "was arrested for stealing": the gerund says what was done,
            # admitted or charged
            args.complement = next((k for k in kids if k.dep == "advcl" and k.i > verb.i and not reader.apart(verb.i, k.i)
                                    and any(m.dep == "mark" and m.text.casefold() in _GERUND_CASES for m in reader.kids(k))
                                    and (k.tag == "VBG" or any(c.dep == "cop" and c.tag == "VBG" for c in reader.kids(k)))
                                    and not any(m.dep.startswith("nsubj") for m in reader.kids(k))), None)
        told = args.object or next((e for e in args.extra if e.dep == "iobj"), None)
        if args.complement is None and told is not None and reader.directive(verb):
            # "told the crew to stay aboard" with the infinitive read as a modifier of "crew": what was told
            args.complement = next((a for a in reader.kids(told) if a.dep == "acl" and a.i > told.i
                                    and (a.tag == "VB" or reader.tokens[a.i - 1].text.casefold() == "to")), None)
        if args.complement is None and args.object is None and verb.lemma.casefold() in ANNOUNCING \
                and not any(e.i > verb.i for e in args.extra):
            # (a phrase set before the verb, "In a statement, the port announced ...", only sets the scene)
            # "announced on Tuesday that it would close the plant": what was announced completes
            # the label, which alone reads as a reporting act ("the company announced")
            args.complement = next((k for k in kids if k.dep == "ccomp" and k.i > verb.i and not reader.apart(verb.i, k.i)
                                    and (k.pos in ("VERB", "AUX") or any(c.dep == "cop" for c in reader.kids(k)))), None)
        if args.subject is not None and args.subject.dep in ("nsubj", "nsubj:pass") and args.subject.i < verb.i:
            args.conjuncts = _coordinated_subjects(reader, verb, args.subject) or _leading_members(
                reader, verb, args.subject) or _listed_appositions(reader, args.subject)
        if args.subject is None and verb.tag in ("VBD", "VBZ", "VBP"):
            # "After the council voted in May, ..." read with "after the council" a phrase of the
            # verb: the noun right before a finite verb with no subject is its subject, and "after"
            # opens the clause
            fronted = next((o for o in args.ordering if o.i < verb.i and reader.parse.subtree(o)[1] == verb.i
                            and o.pos in ("NOUN", "PROPN", "PRON")), None)
            if fronted is not None:
                args.subject = fronted
                args.ordering.remove(fronted)
        if args.subject is None:
            # "On March 3, 2019, the Authority requested ...": the parse hung the subject on the date
            dated = [k for k in kids if k.i in reader.in_time and k.i < verb.i]
            args.subject = next((a for k in dated for a in reader.kids(k)
                                 if a.dep == "appos" and a.i not in reader.in_time and a.i < verb.i), None)
        if args.subject is None and verb.tag in ("VBD", "VBZ", "VBP") and verb.dep == "ROOT":
            args.subject = _subject_after_opening_phrase(reader, verb)
        if args.subject is None and verb.tag in ("VBD", "VBZ", "VBP"):
            # "a Harbor Police Department officer asked ..." with the noun read as a compound of the
            # verb: a noun right before a finite verb is its subject
            args.subject = next((k for k in kids if k.dep == "compound" and k.i == verb.i - 1
                                 and k.pos in ("NOUN", "PROPN", "PRON") and k.i not in reader.in_time), None)
        head = reader.head(verb)
        if args.subject is None and verb.dep == "conj" and head is not None:
            args.subject = _subject_read_as_conjunct(reader, verb, kids)
        if args.subject is None and verb.dep == "conj" and head is not None and not reader.apart(verb.i, head.i):
            args.subject = next((k for k in reader.kids(head) if k.dep in ("nsubj", "nsubj:pass")), None)
            if (args.subject is not None and args.subject.dep == "nsubj:pass" and verb.tag == "VBN"
                    and not any(k.dep.startswith("aux") for k in kids)):
                # "she was kept in Florida and then transferred to the ship": she was transferred
                args.passive = True
                args.shared_aux = [k for k in reader.kids(head) if k.dep == "aux:pass"]
            elif args.subject is not None and verb.tag == "VB" and not any(k.dep.startswith("aux") for k in kids):
                # "the pier will close on Monday and reopen on May 20": it will reopen
                args.shared_aux = [k for k in reader.kids(head) if k.dep == "aux" and k.lemma.casefold() != "do"]
        if args.subject is None and verb.tag == "VBG" and verb.dep.split(":")[0] == "advcl" and head is not None \
                and not reader.apart(verb.i, head.i) and not any(k.dep.startswith("aux") for k in kids):
            # "Arriving in Lisbon on Monday, the mayor met ...": the participle's doer is its head's subject
            args.subject = next((k for k in reader.kids(head) if k.dep == "nsubj"), None)
        if (args.subject is None and (verb.dep == "parataxis" or (verb.dep == "conj" and verb.tag in ("VBD", "VBZ", "VBP")))
                and head is not None and head.i < verb.i
                and head.pos in ("PROPN", "NOUN") and head.dep == "ROOT" and not reader.apart(verb.i, head.i)):
            # "Ann Lowe, a lawyer, instead decided to ...", "The May 4 meeting, where ..., ended in
            # chaos" (a finite verb joined to the noun the parse made the root): the noun is the subject
            args.subject = head
        if args.object is None and head is not None and reader.misattached(verb):
            args.object = head  # "has approved plans" read with "approved" inside the noun phrase
        args.participle = verb.dep == "acl" and verb.tag == "VBN"
        if head is not None and verb.dep in ("acl", "acl:relcl", "relcl") and head.pos in ("NOUN", "PROPN", "PRON"):
            args.stand_in = head
            moved = reader.time_after_noun(head)
            if moved is not None:
                args.stand_in = moved[0]  # "the crash Monday that killed two": the crash killed two
        if args.subject is None and reader.reduced_relative(verb):
            # "came from a clerk assigned to a panel in June": the clerk was assigned
            args.stand_in, args.participle = reader.tokens[verb.i - 1], True
            args.passive = args.passive or args.object is None
        if args.subject is None and head is not None and reader.root_participle(verb):
            # "The safety record deteriorated" read as a noun phrase
            args.subject, args.stand_in = reader.subject_root(verb), None
        if args.subject is not None and args.subject.dep.startswith("nsubj") and reader.phrase_read_as_subject(args.subject):
            # "Inside the hall, Trump on Tuesday dismissed ...": the name after the phrase is the subject
            args.subject = next(k for k in reader.kids(args.subject) if k.dep == "appos" and k.pos in ("PROPN", "NOUN"))
        if args.subject is not None and args.subject.feature("PronType") == "Rel":
            args.stand_in = _thing_before(reader, args.subject, args.stand_in) or args.stand_in or _noun_before(
                reader, args.subject)
        # a passive (but of giving) has what was done to as its subject: it takes no object
        patient_subject = args.passive and verb.lemma.casefold() not in _GIVING
        if patient_subject and args.subject is not None and args.object is not None and _relative(args.object):
            args.object = None  # "told residents that roads had been flooded": "that" opens the clause
        relative_object = args.object is not None and _relative(args.object)
        if args.object is None and args.subject is not None and not _relative(args.subject) and not patient_subject:
            # "a survey that the Authority ran", the relative pronoun read as a marker; not in the
            # passive, whose subject is what it was done to ("told owners that people had been
            # hurt", a clause of what was told read as a relative one); not "in which" of "a
            # lawsuit in which he tried to void ...": an oblique, not the object
            relative_object = any(_relative(k) and not k.dep.startswith(("nsubj", "obl", "nmod")) for k in kids)
        if (not relative_object and not patient_subject
                and args.object is None and args.subject is not None
                and args.stand_in is not None and not _relative(args.subject)
                and _bare_relative(reader, verb, args.stand_in)):
            relative_object = True  # "emails the Gazette obtained": the Gazette obtained emails
        if relative_object and args.stand_in is not None:
            args.object = args.stand_in  # "a webinar that Ring ran": Ring ran a webinar
        opening = _words_start(reader, head) - 1 if head is not None and verb.dep == "acl" and head.i < verb.i else -1
        if (opening >= 0 and args.subject is None and head is not None and head.pos in ("NOUN", "PROPN")
                and not any(k.dep in ("case", "mark") and k.i < head.i for k in reader.kids(head))
                and reader.tokens[opening].text.casefold() in ("which", "that", "whom")
                and reader.tokens[opening].tag in ("WDT", "WP", "IN") and not any(k.dep == "obl:agent" for k in kids)):
            # "an email, which the outlet published on Tuesday," read with "published" a modifier
            # of "outlet": the noun before the relative pronoun is what the outlet published
            antecedent = _noun_before(reader, reader.tokens[opening])
            if antecedent is not None and not reader.apart(antecedent.i, verb.i):
                args.subject, args.stand_in, args.participle, args.passive = head, None, False, False
                args.object = args.object or antecedent
        that = next((k for k in kids if k.text.casefold() == "that" and k.i < verb.i
                     and k.dep in ("obj", "dobj", "mark")), None)
        noun = reader.tokens[that.i - 1] if that is not None and that.i > 0 and reader.relative_clause(verb) else None
        while noun is not None and noun.dep in ("compound", "flat", "flat:name") and reader.head(noun) is not None:
            noun = reader.head(noun)
        if that is not None and noun is not None and noun.pos in ("NOUN", "PROPN") and not reader.apart(noun.i, verb.i):
            # "that" of a relative clause read as a conjunction or a marker: with no subject of its
            # own it is the subject ("the group that first obtained the emails": the group obtained
            # them), else the object ("a service that it has supplied": it supplied the service);
            # a noun set beside a name stands for the name
            named = reader.head(noun)
            if noun.dep == "appos" and named is not None and named.pos == "PROPN":
                noun = named
            if args.subject is None:
                args.subject, args.stand_in = noun, None
            elif args.object is None and that.dep in ("obj", "dobj") and not patient_subject:
                args.object = noun
        if (args.object is None and not patient_subject and verb.dep == "conj" and head is not None
                and reader.relative_clause(head) and not any(k.dep in ("obj", "dobj", "ccomp", "xcomp") for k in kids)
                and any((_relative(k) or k.text.casefold() == "that") and k.dep in ("obj", "dobj")
                        for k in reader.kids(head))):
            # "a service that it has supplied to police and offered to the port": what was
            # offered is the relative's noun, the object the two verbs share
            noun = reader.head(head)
            named = reader.head(noun) if noun is not None else None
            if noun is not None and noun.dep == "appos" and named is not None and named.pos == "PROPN":
                noun = named  # the name a noun set beside it describes, as for the first verb
            if noun is not None and noun.pos in ("NOUN", "PROPN"):
                args.object = noun
        return args

    def _subject_phrase(self, reader: ParseReader) -> list[Token]:
        subject = self.subject
        if subject is not None and subject.feature("PronType") == "Rel" and self.stand_in is not None:
            return label_phrase(reader, self.stand_in, drop_case=True)
        if subject is None and self.stand_in is not None and self.participle:
            return []  # "footage captured in May": the noun is the patient
        if subject is None and self.stand_in is not None and self.verb.dep == "acl" and self.verb.tag == "VBG" and any(
                kind in ("person", "organization") for _, _, _, kind in
                reader.mentions_overlapping(self.stand_in.start, self.stand_in.end)):
            return label_phrase(reader, self.stand_in, drop_case=True)  # "Ann Lowe, praying there on Friday"
        if subject is not None and subject.dep == "compound" and subject.head == self.verb.i:
            # the subject read as a compound of its verb: its article hangs on the verb too
            dets = [k for k in reader.kids(self.verb) if k.dep == "det" and k.i < subject.i]
            return sorted([*dets, *label_phrase(reader, subject, drop_case=True)], key=lambda t: t.i)
        if subject is not None and self.conjuncts:
            return _coordination(reader, self.verb, [subject, *self.conjuncts])
        cut = _name_cut_from(reader, self.verb, subject) if subject is not None else None
        if cut is not None and subject is not None:
            # "Harbour fees at Ostra Hamn have doubled" read as "fees" and "Hamn have doubled": the
            # subject is the whole noun phrase the parse cut inside a name
            start = reader.parse.subtree(cut)[0]
            return [t for t in label_phrase(reader, cut, drop_case=True) if start <= t.i < subject.i] \
                + [t for t in label_phrase(reader, subject, drop_case=True) if t.i < self.verb.i]
        return label_phrase(reader, subject, drop_case=True) if subject is not None else []

    def label(self, reader: ParseReader) -> tuple[str, list[Token]]:
        """The headline, and the tokens it was written from."""
        verb = self.verb
        kids = reader.kids(verb)
        subject = self._subject_phrase(reader)
        patient_stand_in = (
            label_phrase(reader, self.stand_in, drop_case=True)
            if self.stand_in is not None and self.participle else []
        )
        verb_group = [k for k in kids if k.dep in ("aux", "aux:pass") and k.lemma.casefold() not in MODALS]
        verb_group = verb_group or self.shared_aux
        if verb_group:
            # "is to be held": the infinitive's "to" between the auxiliaries stays
            verb_group += [k for k in kids if k.dep == "mark" and k.text.casefold() == "to"
                           and verb_group[0].i < k.i < verb.i]
            verb_group.sort(key=lambda t: t.i)
        particles = [k for k in kids if k.dep == "compound:prt" or _loose_particle(verb, k)]
        # (an object told before its verb, "an email, which the outlet published", is written without its "that")
        stand_in_object = self.object is not None and (
            (self.object.i == verb.head and reader.relative_clause(verb)) or self.object.i < verb.i)
        obj = label_phrase(reader, self.object, drop_case=stand_in_object) if self.object is not None else []
        if obj and self.object is not None and self.object.i > verb.i:
            # a second object right after the first: one phrase the parse split ("requested access
            # to Amazon Ring footage" read with "footage" as an object of its own)
            after = next((k for k in kids if k.dep in ("obj", "dobj") and k.i != self.object.i
                          and reader.parse.subtree(k)[0] == reader.parse.subtree(self.object)[1]), None)
            if after is not None and not reader.naming(verb):
                obj = sorted([*obj, *label_phrase(reader, after)], key=lambda t: t.i)
        if obj and self.object is not None and self.object.i > verb.i:
            obj = _with_members(reader, verb, obj)
        if self.object is not None and self.object.i == verb.head and reader.misattached(verb):
            obj = [t for t in obj if t.i > verb.i]  # the verb was read inside its object: only what follows
        complement = label_phrase(reader, self.complement, keep_verbs=True) if self.complement is not None else []
        agent = label_phrase(reader, self.agent, drop_case=True) if self.agent is not None else []
        # the indirect object in its place, before the object or the complement ("asked Amazon
        # Ring users for footage", "urged the company to stop"); it does not use up the one phrase
        indirect = [t for e in self.extra if e.dep == "iobj" for t in label_phrase(reader, e)]
        if indirect and len(obj) + len(indirect) > _MAX_PHRASE + 2:
            indirect = []
        parts: list[list[Token]]
        pronoun = bool(subject) and all(t.pos == "PRON" for t in subject)
        if self.passive and agent and (_participle_only(verb) or pronoun) and subject:
            # "she had been given X by the clinic": no active form to write ("the clinic given
            # she"), so the passive stays, its "by" with it
            by = [k for k in reader.kids(self.agent) if k.dep == "case"] if self.agent is not None else []
            parts = [subject, [*verb_group, verb, *particles], indirect, obj, complement, [*by, *agent]]
        elif self.passive and agent:
            parts = [agent, [verb, *particles], subject or patient_stand_in, indirect, obj, complement]
        elif patient_stand_in:
            # "footage captured in May"; a passive with its auxiliary keeps it ("The Museum, Ohio was
            # proposed" read with the verb as a modifier of the name)
            finite = [a for a in verb_group if a.tag in ("VBD", "VBZ", "VBP", "MD")]
            parts = [patient_stand_in, [*finite, verb, *particles], indirect, obj, complement]
        elif obj and particles and all(t.pos == "PRON" and t.i > verb.i for t in obj) and all(p.i > obj[-1].i for p in particles):
            # "brought them down": a pronoun object stands before the particle, as it was written
            parts = [subject, [*verb_group, verb], indirect, [*obj, *particles], complement]
        else:
            parts = [subject, [*verb_group, verb, *particles], indirect, obj, complement]
        # a pronoun inside a part ("asked to sign up to it") is written as the noun it stands for,
        # in its place: the part is cut around it
        written = {t.i for part in parts for t in part}
        nested: list[tuple[int, Token, Token]] = [
            (k, t, referent) for k, part in enumerate(parts) for t in part[1:] if t.pos == "PRON"
            for referent in [_pronoun_noun(reader, t)] if referent is not None
            and not {w.i for w in label_phrase(reader, referent, drop_case=True)} & written]  # (named in the label already: "it")
        for k, inner, referent in reversed(nested):
            part = parts[k]
            phrase = label_phrase(reader, referent, drop_case=True)
            parts[k : k + 1] = [[t for t in part if t.i < inner.i], phrase, [t for t in part if t.i > inner.i]]
        words = sum(len(p) for p in parts)
        # a phrase after the verb completes it ("turned to social media"); one set before it
        # ("Beyond cameras, ...", "In the UK, ...") only sets the scene, and comes in when no other does
        extras = sorted((e for e in self.extra if e.dep != "iobj"), key=lambda e: e.i < verb.i)
        extras = [e for e in extras if not _absolute(reader, verb, e)]
        extra = extras[0] if extras else None
        if extra is not None and extra.i < verb.i and complement:
            extra = None  # what was announced or done says more than the scene set before it
        if extra is not None:
            phrase = label_phrase(reader, extra)
            over = words + len(phrase) - _MAX_LABEL
            if phrase and over > 0 and obj and obj in parts and self.object is not None and not complement:
                # "asked owners of Acme doorbell cameras for video of the march": what was asked
                # for says more than the object's own modifiers, which give way to it
                shorter = label_phrase(reader, self.object, drop_case=stand_in_object, limit=len(obj) - over)
                if len(shorter) <= len(obj) - over and set(shorter) <= set(obj):
                    parts[parts.index(obj)] = shorter
                    words -= len(obj) - len(shorter)
            if phrase and words + len(phrase) <= _MAX_LABEL and not _hollow(reader, extra, phrase):
                parts.append(phrase)
        first = next((p for p in parts if p), [])
        while len(first) > 1 and first[0].i != verb.i and not _quantifier(first) and (
                first[0].pos in ("ADP", "ADV", "SCONJ", "CCONJ", "PART") or _relative(first[0])):
            del first[0]  # "with over 2,000 departments requested", "exactly police requested": a headline starts with its subject
        seen: set[int] = set()  # a word of two parts (one hyphenated word) is written once
        pieces = [render(reader, p, seen=seen) for p in parts if p]
        if len(parts) > 1 and parts[-1] and pieces and parts[-1][0].pos in ("ADP", "DET", "ADV", "SCONJ"):
            pieces[-1] = pieces[-1][:1].lower() + pieces[-1][1:]  # "In the UK" moved after the verb
        for k, part in enumerate([p for p in parts if p][1:], start=1):
            opening = min(part, key=lambda t: t.i)
            if opening.pos in ("DET", "ADP", "ADV", "PRON", "NUM", "ADJ", "NOUN", "VERB", "AUX") and opening.text != "I" and (
                    opening.i == reader.parse.sentences[opening.sent].first):
                # "A memo published by the Gazette": the sentence's capital moves inside the label
                pieces[k] = pieces[k][:1].lower() + pieces[k][1:]
        label = " ".join(" ".join(pieces).split())
        if len(label.split()) > _MAX_LABEL:
            label = " ".join(label.split()[:_MAX_LABEL]) + "…"
        covered = [t for p in parts for t in p if not _pronoun_replaced(reader, t)]
        for argument in (self.subject, self.object, *self.extra, *(t for _, t, _ in nested)):
            if argument is not None and argument.pos == "PRON":
                noun = _pronoun_noun(reader, argument)
                if noun is not None:
                    # "it asked them ...": the passage keeps the document's words, not the nouns they stand for
                    written = {t.i for t in label_phrase(reader, noun, drop_case=True)}
                    covered = [t for t in covered if t.i not in written] + [argument]
        in_parts = {t.i for p in parts for t in p}
        covered += [reader.tokens[i] for i in sorted(seen - in_parts)]  # the rest of a hyphenated word
        if covered:
            # "had already grown tenfold before the raid": the passage keeps what orders the act
            covered += [t for o in self.ordering for t in label_phrase(reader, o)]
        if self.subject is not None and _pronoun_replaced(reader, self.subject):
            covered.append(self.subject)  # "She resigned": the passage keeps the document's words
        if covered:
            covered += _completing(reader, verb, max(t.i for t in covered))
        return label, covered or [verb]

    def participants(self, reader: ParseReader) -> tuple[dict[str, str], str | None]:
        """Entity id -> role for the entities named in the arguments, and the event's place."""
        roles: dict[str, str] = {}
        place: str | None = None

        def add(token: Token | None, role: str) -> None:
            nonlocal place
            if token is None:
                return
            first, last = reader.parse.subtree(token)
            if token in self.conjuncts and first <= self.verb.i < last:
                # a member of the subject the parse made the verb's head: its own words only
                words = label_phrase(reader, token)
                first, last = (words[0].i, words[-1].i + 1) if words else (token.i, token.i + 1)
            start, end = reader.tokens[first].start, reader.tokens[last - 1].end
            for s, e, entity_id, kind in reader.mentions_within(start, end):
                found = role
                if role == "participant" and kind == "place":
                    found = "place"
                    case = {c.lemma.casefold() for c in reader.kids(token) if c.dep == "case"}
                    if place is None and case & PLACE_CASES:
                        place = entity_id
                elif kind == "place" and not s <= token.start < e:
                    # "police in Riverton", "Riverton police": the town is where, not who
                    found = "place"
                    named = reader.parse.token_at(s)
                    case = {c.lemma.casefold() for c in reader.kids(named) if c.dep == "case"} if named is not None else set()
                    if place is None and case & PLACE_CASES:
                        place = entity_id
                if roles.get(entity_id, "participant") == "participant":
                    roles[entity_id] = found
            stands_for = _pronoun_noun(reader, token) if token.pos == "PRON" else None
            if stands_for is not None and stands_for.i != token.i:
                add(stands_for, role)  # "shared them": the emails, not a name coreference linked
                return
            antecedent = reader.antecedent(token) if token.pos == "PRON" else None
            if antecedent is not None:
                for _, _, entity_id, _ in reader.mentions_overlapping(antecedent.start, antecedent.end)[:1]:
                    roles.setdefault(entity_id, role)

        subject = self.subject
        if subject is not None and subject.feature("PronType") == "Rel":
            subject = self.stand_in
        doers = [subject, *self.conjuncts]
        doers += [k for d in self.conjuncts if d.i == self.verb.head for k in reader.kids(d)
                  if k.dep == "appos" and k.i < self.verb.i]  # the members hung on a member the verb hangs on
        if self.passive:
            add(self.agent, "agent")
            for doer in doers:
                add(doer, "patient")
        else:
            for doer in doers:
                add(doer, "agent")
            add(self.object, "patient")
        if self.verb.dep == "acl" and self.stand_in is not None:
            add(self.stand_in, "patient")
        add(self.complement, "participant")
        for extra in self.extra:
            add(extra, "participant")
        return roles, place


def _completing(reader: ParseReader, verb: Token, end: int) -> list[Token]:
    """What completes the act right after the words of its label, for the passage: an adverb
    ("received support online") and an infinitive of purpose ("traveled to Florida to meet X")."""
    found: list[Token] = []
    for kid in sorted(reader.kids(verb), key=lambda t: t.i):
        if kid.i <= end or reader.apart(verb.i, kid.i) or kid.i in reader.in_time:
            continue
        first, last = reader.parse.subtree(kid)
        if first != end + 1:
            break
        if kid.dep == "advmod" and kid.pos == "ADV" and last == kid.i + 1:
            found.append(kid)
            end = kid.i
            continue
        if kid.dep.split(":")[0] == "advcl" and kid.pos == "VERB" and reader.tokens[first].text.casefold() == "to" \
                and not any(c.dep.startswith("nsubj") for c in reader.kids(kid)):
            found += label_phrase(reader, kid, keep_verbs=True)
        break
    return found


def headline(label: str) -> str:
    """A clause's label without the connectives and prepositions it starts with
    ("with over 200 departments requested footage", "exactly police requested footage")."""
    words = label.split()
    while len(words) > 2 and words[0] in NOT_FIRST:
        words.pop(0)
    return " ".join(words)


def _relative(token: Token) -> bool:
    """Whether a token is a relative pronoun ("that", "which", "who", "whom")."""
    return token.feature("PronType") == "Rel" or (
        token.tag in ("WDT", "WP") and token.text.casefold() in ("that", "which", "who", "whom"))


#: Nouns a relative clause without a pronoun tells the circumstance of, not the object
#: ("the day he left", "the way police work").
_CIRCUMSTANCES = frozenset("way reason time day year week month moment place point extent manner".split())  # noqa: SIM905


#: Spans of time that open a sentence ("Days after the vote, ...") which the parse may take for a subject.
_TIME_UNITS = frozenset("minute hour day week month year decade moment".split())  # noqa: SIM905


#: Verbs of giving: in the passive their subject is the one given to, so a relative clause
#: without a relative word leaves them the thing given ("the creams she had been given").
_GIVING = frozenset("give send offer hand grant award pay show promise lend sell owe issue".split())  # noqa: SIM905


def _bare_relative(reader: ParseReader, verb: Token, noun: Token) -> bool:
    """Whether a relative clause without a relative word leaves its object to the noun it
    modifies ("the notes an officer took", "emails the Gazette obtained"): the clause has no
    object or clause of its own and no preposition left stranded."""
    nominal = noun.pos == "NOUN" or noun.dep.split(":")[0] in ("obj", "iobj", "nsubj", "obl", "nmod", "appos")
    if not reader.relative_clause(verb) or not nominal or noun.pos == "PROPN" or noun.i > verb.i or noun.i in reader.in_time:
        return False
    if noun.lemma.casefold() in _CIRCUMSTANCES:
        return False
    if any(k.dep in ("obj", "dobj", "iobj", "ccomp", "xcomp") or k.pos == "ADP" for k in reader.kids(verb)):
        return False
    first, _ = reader.parse.subtree(noun)
    around = reader.tokens[first : verb.i]  # the noun's phrase up to the clause
    return not any(_relative(t) or t.tag in ("WDT", "WP", "WP$", "WRB") for t in around)


def _set_off(reader: ParseReader, verb: Token, kid: Token) -> bool:
    """Whether an object after its verb follows an aside and its comma ("asked owners for video,
    according to the League, a group that ..."): the apposition of the aside's noun, which the
    parse hung on the verb."""
    first, _ = reader.parse.subtree(kid)
    comma = next((i for i in (first, first - 1) if i > verb.i and reader.tokens[i].text == ","), None)
    return comma is not None and any(
        reader.parse.subtree(k)[1] == comma and _aside(reader, k)
        for k in reader.tokens[verb.i + 1 : comma] if k.dep.split(":")[0] in ("obl", "nmod", "advcl"))


#: Verbs whose object is asked, made or let to do what an infinitive says ("asked the clerk to
#: delete files", the infinitive read as a clause of purpose): the infinitive completes them.
_OBJECT_AND_INFINITIVE = frozenset(
    "ask urge tell order direct instruct request force allow persuade invite encourage press pressure push "  # noqa: SIM905
    "require compel permit authorize authorise convince lobby petition".split())


def _second_object(reader: ParseReader, verb: Token, kid: Token) -> bool:
    """The second object of a verb of giving read as a bare oblique ("sent the workers a
    warning", "a warning" read as obl:unmarked): a noun with an article right after the first
    object."""
    if kid.dep != "obl:unmarked" or kid.pos != "NOUN" or kid.i in reader.in_time:
        return False
    if not any(k.dep == "det" and k.i < kid.i for k in reader.kids(kid)):
        return False
    first = next((k for k in reader.kids(verb) if k.dep in ("obj", "dobj") and k.i < kid.i), None)
    return first is not None and reader.parse.subtree(first)[1] == reader.parse.subtree(kid)[0]


def _subject_after_opening_phrase(reader: ParseReader, verb: Token) -> Token | None:
    """The subject of "In Norway, the harbor police last year opened ...", which the parse hung on
    the opening phrase (as its apposition, conjunct or modifier) or gave up for the date: the
    noun phrase alone between the phrase's comma and the finite verb, dates and adverbs aside,
    an apposition set off by commas after it allowed ("According to a summary, Ana Lee, a port
    official, sent ...")."""
    first = reader.parse.sentences[verb.sent].first
    if reader.tokens[first].pos != "ADP" and reader.tokens[first].dep != "case":
        return None
    commas = [t.i for t in reader.tokens[first : verb.i] if t.text == ","]
    if not commas or (len(commas) > 1 and (len(commas) != 3 or commas[-1] != verb.i - 1)):
        return None
    segments = [(commas[0] + 1, verb.i)] if len(commas) == 1 else [(commas[0] + 1, commas[1]), (commas[1] + 1, commas[2])]
    heads = []
    for lo, hi in segments:
        words = [t for t in reader.tokens[lo:hi] if t.i not in reader.in_time and t.pos != "ADV"
                 and not (t.dep in ("case", "det") and t.head in reader.in_time)]  # "on" of "on Tuesday"
        if (not words or words[-1].pos not in ("NOUN", "PROPN")
                or [t.i for t in words] != list(range(words[0].i, words[-1].i + 1))
                or any(t.pos not in ("NOUN", "PROPN", "DET", "ADJ", "NUM", "PART") for t in words)):
            return None
        heads.append(words[-1])
    subject = heads[0]
    while subject.dep in ("flat", "flat:name", "compound") and reader.head(subject) is not None \
            and segments[0][0] <= subject.head < segments[0][1]:
        subject = reader.tokens[subject.head]  # "Ana Lee": the name's head
    return subject


def _noun_before(reader: ParseReader, token: Token) -> Token | None:
    """The noun a relative pronoun stands for: the nearest noun before it (the head of its phrase)."""
    for i in range(token.i - 1, max(-1, token.i - 8), -1):
        candidate = reader.tokens[i]
        if candidate.pos in ("NOUN", "PROPN"):
            while candidate.dep in ("compound", "flat", "flat:name") and reader.head(candidate) is not None:
                head = reader.head(candidate)
                assert head is not None
                candidate = head
            while candidate.dep == "conj":
                # "police and fire departments, which ...": the whole coordination
                head = reader.head(candidate)
                if head is None or head.pos not in ("NOUN", "PROPN") or head.i > candidate.i:
                    break
                candidate = head
            return candidate
    return None


def _thing_before(reader: ParseReader, pronoun: Token, noun: Token | None) -> Token | None:
    """For "which", the name of an organization or place right before it, when the parse hung the
    clause on a noun further back ("an analyst with the Foundation — which obtained the emails"):
    "which" stands for no person."""
    if noun is None or pronoun.text.casefold() != "which":
        return None
    nearest = _noun_before(reader, pronoun)
    if nearest is None or nearest.i <= noun.i or nearest.pos != "PROPN":
        return None
    named = reader.mentions_overlapping(nearest.start, nearest.end)
    return nearest if any(kind in ("organization", "place") for _, _, _, kind in named) else None


_SINGULAR_THING = frozenset({"it"})
_PLURAL = frozenset({"they", "them"})


def _main_clause(reader: ParseReader, verb: Token) -> bool:
    """A verb of the sentence's own clause: its root, or one coordinated with it."""
    for _ in range(4):
        if verb.dep in ("ROOT", "root"):
            return True
        head = reader.head(verb)
        if verb.dep != "conj" or head is None:
            return False
        verb = head
    return False


def _stands_for(reader: ParseReader, pronoun: Token, depth: int = 0) -> Token | None:
    """The noun an "it", "they" or "them" with no name behind it stands for: the nearest noun
    before it, in its sentence or the one before, in the same role (subject, or object) of a
    main clause and of the same number ("The letter came from ... It told farmers ..., and it
    asked them to ...": the letter asked the farmers). Role and number agreeing, the same
    place in a parallel clause is the usual reading; anything less certain is left as written."""
    word = pronoun.text.casefold()
    if depth > 2 or word not in _SINGULAR_THING | _PLURAL:
        return None
    subject = pronoun.dep.startswith("nsubj")  # else an object, or the noun of a phrase ("sign up to it")
    head = reader.head(pronoun)
    if subject and word == "it" and head is not None and any(k.dep == "cop" for k in reader.kids(head)):
        return None  # "it is time to ...", "it was clear that ...": an "it" that stands for nothing
    sentence = reader.parse.sentences[pronoun.sent]
    first = reader.parse.sentences[pronoun.sent - 1].first if pronoun.sent > 0 else sentence.first
    for candidate in reversed(reader.tokens[first : pronoun.i]):
        if candidate.dep.startswith("nsubj") != subject or candidate.dep.split(":")[0] not in ("nsubj", "obj", "iobj"):
            continue
        verb = reader.head(candidate)
        if verb is None or verb.i == pronoun.head or not _main_clause(reader, verb):
            continue
        if candidate.pos == "PRON":
            if candidate.text.casefold() == word or {candidate.text.casefold(), word} <= _PLURAL:
                return _stands_for(reader, candidate, depth + 1)
            continue  # "she", "we": another referent
        if candidate.pos not in ("NOUN", "PROPN") or candidate.i in reader.in_time:
            return None
        plural = candidate.tag in ("NNS", "NNPS") or any(k.dep == "conj" for k in reader.kids(candidate))
        if plural != (word in _PLURAL) or (word in _SINGULAR_THING and any(
                kind == "person" for _, _, _, kind in reader.mentions_overlapping(candidate.start, candidate.end))):
            continue  # of another number, or a person for "it": not this one
        return candidate
    return None


def _absolute(reader: ParseReader, verb: Token, phrase: Token) -> bool:
    """A "with" phrase before the verb whose noun has a predicate of its own after it ("With work
    on the ferry almost complete, the line announced ..."): a circumstance, no place or party."""
    if phrase.i > verb.i or not any(c.dep == "case" and c.lemma.casefold() == "with" for c in reader.kids(phrase)):
        return False
    first, last = reader.parse.subtree(phrase)
    # an adjective or participle after the noun it hangs on ("the ferry almost complete") is its predicate
    return any(k.i > k.head and (k.pos in ("ADJ", "VERB") or k.tag == "VBN") and k.dep.split(":")[0] in ("amod", "acl", "xcomp")
               and not any(c.dep == "mark" or c.dep.startswith("nsubj") for c in reader.kids(k))
               for k in reader.tokens[first:last])


def _pronoun_noun(reader: ParseReader, pronoun: Token) -> Token | None:
    """The noun a pronoun argument stands for (:func:`_stands_for`): a subject's only when no name
    is linked to it; an object's also over a linked name, the noun in the same role of the clause
    before being nearer evidence ("obtained the emails and shared them": the emails)."""
    role = pronoun.dep.split(":")[0]
    if role not in ("nsubj", "obj", "iobj", "obl") or (role == "nsubj" and reader.antecedent(pronoun) is not None):
        return None
    return _stands_for(reader, pronoun)


def _pronoun_replaced(reader: ParseReader, token: Token) -> bool:
    return token.pos == "PRON" and reader.antecedent(token) is not None and token.dep.startswith("nsubj")


def _fronted_ordering(reader: ParseReader, token: Token, kid: Token) -> bool:
    """Whether a modifier before a noun is a phrase ordering the whole clause, set off by a comma
    ("After the match, coach Ann Lowe praised ...", the parse hanging "the match" on "coach"): no
    noun is modified by a phrase set before it and cut off by a comma."""
    if kid.dep.split(":")[0] != "nmod" or kid.i > token.i:
        return False
    if not any(c.dep in ("case", "fixed") and c.text.casefold() in _ORDERING_CASES for c in reader.kids(kid)):
        return False
    end = reader.parse.subtree(kid)[1]
    return any(t.text == "," for t in reader.tokens[end - 1 : token.i])


def _defining_participle(reader: ParseReader, noun: Token, kid: Token) -> bool:
    """Whether a past participle right after "the" and its noun, with no object of its own,
    tells which one is meant ("identified the woman killed as ...", "questioned the man
    arrested"): the noun alone says nothing, so the participle stays in a label."""
    if kid.dep != "acl" or kid.tag != "VBN" or kid.i != noun.i + 1 or noun.pos != "NOUN" \
            or any(k.dep.startswith(("nsubj", "aux", "obj", "ccomp", "xcomp")) for k in reader.kids(kid)):
        return False
    mods = reader.kids(noun)
    if [k.text.casefold() for k in mods if k.i < noun.i] != ["the"] or noun.i == 0 or reader.tokens[noun.i - 1].text.casefold() != "the":
        return False
    after = reader.tokens[kid.i + 1] if kid.i + 1 < len(reader.tokens) else None
    return after is None or after.pos in ("PUNCT", "ADP", "CCONJ", "SCONJ", "PART")


def label_phrase(reader: ParseReader, head: Token, *, keep_verbs: bool = False, drop_case: bool = False,
                 limit: int = _MAX_PHRASE) -> list[Token]:
    """The words of a phrase for a label: the head and its modifiers, clauses and dates cut, and
    whole modifiers cut while it is longer than ``limit`` words."""
    if head.i in reader.in_time and _named_under(reader, head):
        # "the Gazette Tuesday" read as one noun headed by the date: the name, with the date's article
        name = _named_under(reader, head)
        assert name is not None
        words = label_phrase(reader, name, keep_verbs=keep_verbs, drop_case=drop_case, limit=limit)
        dets = [k for k in reader.kids(head) if k.dep == "det" and k.i < name.i]
        return sorted([*dets, *words], key=lambda t: t.i)
    chosen: dict[int, tuple[Token, int]] = {}
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        chosen[token.i] = (token, depth)
        # "made requests ..., and nearly 800 of those were subpoenas, warrants or orders": a
        # conjunct with a subject or copula of its own is a clause, not a member of the list;
        # it and all after it go
        clause_at = min((k.i for k in reader.kids(token) if k.dep == "conj" and k.i > token.i and any(
            c.dep.startswith(("nsubj", "cop")) for c in reader.kids(k))), default=None)
        for kid in reader.kids(token):
            if reader.apart(token.i, kid.i):
                continue
            if clause_at is not None and kid.i >= clause_at - 2 and kid.dep in ("conj", "cc", "punct") \
                    and (kid.dep == "conj" or kid.i <= clause_at):
                continue
            defining = _defining_participle(reader, token, kid)
            if kid.i in reader.in_time or (kid.dep.split(":")[0] in {d.split(":")[0] for d in CUT_FROM_PHRASE}
                                           and not defining
                                           and not (kid.dep == "punct" and kid.text[:1].isalnum())
                                           and not _name_after_title(reader, token, kid)
                                           and not _list_member(reader, token, kid)):
                continue  # (a word read as punctuation, "from Amazon Ring camera users", stays)
            if kid.dep == "case" and token.i in reader.in_time:
                continue
            if drop_case and token.i == head.i and kid.dep in ("case", "mark"):
                continue
            if kid.pos in ("VERB", "AUX") and not keep_verbs and kid.dep not in ("amod", "compound") and not defining:
                continue
            if kid.dep == "det" and kid.text.casefold() == "that" and token.tag in ("NNS", "NNPS"):
                continue  # "wrote that shop doors had been forced": the clause's "that", not a determiner
            if kid.dep.startswith("nmod") and kid.i in reader.in_time:
                continue
            if kid.dep.split(":")[0] in ("nmod", "obl") and (_aside(reader, kid) or _connective(reader, kid)):
                continue  # "access to footage, according to emails" read as one phrase: the aside goes
            if _fronted_ordering(reader, token, kid):
                continue  # "After the match, coach Ann Lowe ..." read as a modifier of "coach": the clause's
            # the case and determiner of a date left out ("in", "the" of "in the summer")
            if any(reader.tokens[j].i in reader.in_time for j in [kid.i]):
                continue
            stack.append((kid, depth + 1))
    # a case or determiner whose noun is a date is left out with it
    kept = {i for i, (t, _) in chosen.items() if not (t.dep in ("case", "det") and t.head in reader.in_time)}
    # too long: whole modifiers go, the innermost, the last and the loosest first ("footage of
    # the march from the same cameras" loses "from the same cameras" before "of the march")
    loose = ("nmod", "conj", "obl", "amod", "nummod", "advmod", "acl")
    while len(kept) > limit:
        cuttable = [t for i, (t, _) in chosen.items() if i in kept and i != head.i and t.head in kept
                    and t.dep.split(":")[0] in loose and not (_name_word(t) and t.dep.split(":")[0] in ("amod", "nummod"))]
        if not cuttable:
            break
        kid = max(cuttable, key=lambda t: (chosen[t.i][1], t.dep != "conj", t.dep.split(":")[0] == "nmod", t.i))
        first, last = reader.parse.subtree(kid)
        kept -= set(range(first, last))
        if kid.dep == "conj":
            kept -= {k.i for k in reader.kids(reader.tokens[kid.head]) if k.dep == "cc" and k.i < kid.i}
    tokens = sorted((chosen[i] for i in kept), key=lambda pair: pair[0].i)
    if len(tokens) > _MAX_PHRASE:
        tokens = [(t, d) for t, d in tokens if abs(t.i - head.i) <= _MAX_PHRASE // 2 or d == 0]
    # the commas of a list come back once its words are chosen, taking no word's place
    separators = _list_commas(reader, {t.i: t for t, _ in tokens})
    tokens = sorted([*tokens, *((reader.tokens[i], 0) for i in separators)], key=lambda pair: pair[0].i)
    result = [t for t, _ in tokens]
    aside = [k for k in reader.kids(head) if k.dep == "case" and k.text.casefold() in ASIDE_CASES]
    if result and aside:
        # "According to the Gazette, Ann Lowe ...", misread as one phrase: the aside is cut off
        commas = [t.i for t in reader.tokens[aside[0].i : result[-1].i + 1] if t.text == ","]
        if commas:
            result = [t for t in result if t.i > commas[-1]]
    if head.pos == "PRON" and head.dep.startswith("nsubj"):
        antecedent = reader.antecedent(head)
        if antecedent is not None:
            return [reader.tokens[i] for i in range(antecedent.first, antecedent.last)]
    if head.pos == "PRON":
        noun = _pronoun_noun(reader, head)
        if noun is not None:
            case = [] if drop_case else [k for k in reader.kids(head) if k.dep == "case" and k.i < head.i]
            return case + label_phrase(reader, noun, drop_case=True, limit=limit)
    # trailing and leading punctuation and conjunctions read badly in a headline
    while result and (result[-1].pos in ("PUNCT", "CCONJ", "ADP", "SCONJ") or result[-1].dep == "cc"
                      or not any(c.isalnum() or c == "-" for c in result[-1].text)):  # a hyphen joins a word
        result.pop()
    while result and (result[0].pos in ("PUNCT", "CCONJ") or result[0].dep == "cc"):
        result.pop(0)
    return result


def _coordinated_subjects(reader: ParseReader, verb: Token, subject: Token) -> list[Token]:
    """The subjects of ``verb`` after ``subject`` that continue a list with it ("The mayor, the
    council and the harbor board met", the parse giving "board" to the verb as a subject of its
    own): each follows the one before with only commas and "and" or "or" between, before the verb."""
    if _opens_with_a_case(reader, subject):
        return []
    found: list[Token] = []
    end = _words_end(reader, subject)
    joined = False
    for kid in sorted(reader.kids(verb), key=lambda t: t.i):
        if kid.dep != subject.dep or not subject.i < kid.i < verb.i:
            continue
        between = reader.tokens[end : _words_start(reader, kid)]
        if not between or not all(t.text == "," or _joining(t) for t in between):
            break
        joined = joined or any(_joining(t) for t in between)
        found.append(kid)
        end = _words_end(reader, kid)
    return found if joined else []


def _opens_with_a_case(reader: ParseReader, noun: Token) -> bool:
    """Whether a noun has a preposition of its own ("During the talks, ..."): a phrase of time or
    place read as a subject, no member of a list of subjects."""
    return any(k.dep == "case" and k.i < noun.i for k in reader.kids(noun))


def _words_start(reader: ParseReader, token: Token) -> int:
    """Where the words of ``token``'s phrase start: its subtree after any punctuation or "and" opening it."""
    first = reader.parse.subtree(token)[0]
    while first < token.i and (reader.tokens[first].pos == "PUNCT" or reader.tokens[first].dep == "cc"):
        first += 1
    return first


def _words_end(reader: ParseReader, token: Token) -> int:
    """Where the words of ``token``'s phrase end: its subtree before any punctuation closing it."""
    last = reader.parse.subtree(token)[1]
    while last - 1 > token.i and reader.tokens[last - 1].pos == "PUNCT":
        last -= 1
    return last


def _leading_members(reader: ParseReader, verb: Token, subject: Token) -> list[Token]:
    """The members of a list of subjects before the last, where the parse made the first the
    head of the sentence and hung the verb on it ("Okafor, Brandt and Silva met ..." read with
    "Okafor" as the root, "Brandt" its apposition and "Silva" the only subject of "met")."""
    head = reader.head(verb)
    if (head is None or verb.dep not in ("conj", "parataxis") or head.pos not in ("NOUN", "PROPN")
            or not head.i < subject.i or reader.apart(head.i, verb.i) or _opens_with_a_case(reader, head)):
        return []
    members = [head, *(k for k in reader.kids(head) if k.dep in ("appos", "conj") and head.i < k.i < subject.i)]
    end = max(_words_end(reader, m) if m is not head else head.i + 1 for m in members)
    between = reader.tokens[end : _words_start(reader, subject)]
    if not between or not all(t.text == "," or _joining(t) for t in between) or not any(_joining(t) for t in between):
        return []
    return [head]


def _listed_appositions(reader: ParseReader, subject: Token) -> list[Token]:
    """Appositions of the subject that are members of its list: one followed by a conjunct of
    the subject with only commas and "and" between ("Ann Okafor, Lena Brandt and Rui Silva" read
    with "Lena Brandt" as an apposition), not an aside after the list ("..., the three pilots,")."""
    kids = reader.kids(subject)
    listed = []
    for appos in (k for k in kids if k.dep == "appos"):
        end = _words_end(reader, appos)
        for conj in (k for k in kids if k.dep == "conj" and k.i > appos.i):
            between = reader.tokens[end : _words_start(reader, conj)]
            if between and all(t.text == "," or _joining(t) for t in between) and any(_joining(t) for t in reader.tokens[end : conj.i]):
                listed.append(appos)
                break
    return listed


def _list_member(reader: ParseReader, token: Token, kid: Token) -> bool:
    """Whether an apposition is a member of a list the parse hung on its first member ("bought
    three tugboats, a crane and two barges" with "a crane" an apposition of "tugboats" and "two
    barges" its conjunct): a comma after the first member, an "and" or "or" before the last,
    nothing else between. An aside after a list ("Lowe and Ruiz, two pilots,") has no conjunct,
    one after a name ("Ann Lowe, a pilot and lawyer,") is no name itself."""
    if kid.dep != "appos" or kid.i < token.i or token.dep.startswith("nsubj"):
        return False  # (a subject's list is read by :func:`_listed_appositions`)
    start = _words_start(reader, kid)
    if reader.tokens[start - 1].text != ",":
        return False
    if token.pos == "PROPN" and kid.pos != "PROPN":
        return False  # "hired Ann Lowe, a pilot and lawyer": what the name is, an aside
    if any(t.pos in ("VERB", "AUX") or t.text in ("(", ")", "—", "–", ";", ":")
           for t in reader.tokens[token.i : start]):
        return False
    return any(c.dep == "conj" and c.i > kid.i and any(_joining(g) for g in reader.kids(c)) for c in reader.kids(kid))


def _with_members(reader: ParseReader, verb: Token, obj: list[Token]) -> list[Token]:
    """An object with the further members of its list that the parse hung on the verb ("sold the
    pier, the depot and the old ferry" read with "depot" a conjunct of "sold"): nouns with no
    subject, auxiliary or copula of their own, joined to the object by commas and "and" or "or"
    only; the commas come along."""
    words = list(obj)
    for kid in reader.kids(verb):
        if kid.dep != "conj" or kid.i < words[-1].i or kid.pos not in ("NOUN", "PROPN", "NUM") or kid.i in reader.in_time:
            continue
        if any(k.dep.startswith(("nsubj", "aux", "cop", "obj")) for k in reader.kids(kid)):
            break
        start = _words_start(reader, kid)
        between = reader.tokens[words[-1].i + 1 : start]
        if not between or not all(t.text == "," or _joining(t) for t in between):
            break
        phrase = label_phrase(reader, kid)
        if not phrase or len(words) + len(phrase) > _MAX_PHRASE + 4:
            break
        words += [t for t in between if t.text == ","] + phrase
    return words


def _joining(token: Token) -> bool:
    return token.dep == "cc" and token.lemma.casefold() in ("and", "or")


def _coordination(reader: ParseReader, verb: Token, doers: list[Token]) -> list[Token]:
    """The words of a list of subjects for a label: each member's phrase (an apposition of a
    member before the verb stands as a member: "the mayor, the council and ..."), with the
    commas and "and" between members as the text has them."""
    members = [*doers, *(k for d in doers for k in reader.kids(d) if k.dep == "appos" and k.i < verb.i)]
    words = sorted({t.i: t for m in members for t in label_phrase(reader, m, drop_case=True)}.values(), key=lambda t: t.i)
    joints = [t for before, after in itertools.pairwise(words) for t in reader.tokens[before.i + 1 : after.i]
              if all(g.text == "," or _joining(g) for g in reader.tokens[before.i + 1 : after.i])]
    return sorted([*words, *joints], key=lambda t: t.i)


def _list_commas(reader: ParseReader, kept: dict[int, Token]) -> set[int]:
    """The commas that part the members of a kept list ("Lowe, Rivers and Ortiz"): cut as
    punctuation, they are put back before a kept conjunct (or the "and" of one) right after a
    kept word, so the label does not run the names together."""
    commas: set[int] = set()
    for token in kept.values():
        if token.pos in ("VERB", "AUX"):
            continue  # a list of things, not of clauses
        if token.dep == "flat" and reader.tokens[token.i - 1].text == "," and token.i - 2 in kept:
            commas.add(token.i - 1)  # "Ann Okafor, Lena Brandt" read as one name: the text's comma stays
        if token.dep != "conj" and not (token.dep == "appos" and token.head in kept
                                        and _list_member(reader, reader.tokens[token.head], token)):
            continue
        at = reader.parse.subtree(token)[0]  # the comma may hang on the conjunct itself
        while at < token.i and reader.tokens[at].pos == "PUNCT":
            at += 1
        at -= 1  # the word before the conjunct, or before its "and" ("Lowe, Rivers, and Ortiz")
        if at > 0 and reader.tokens[at].text == "," and at - 1 in kept:
            commas.add(at)
    return commas


def _money(reader: ParseReader, token: Token) -> bool:
    """A sum written with its currency sign heading it ("for $1.9 billion")."""
    return token.pos == "SYM" and any(k.pos == "NUM" for k in reader.kids(token))


def _name_after_title(reader: ParseReader, token: Token, kid: Token) -> bool:
    """Whether an apposition is the name right after a title, with no comma between ("Party Chair
    Ann Rivers"): the name, which a label keeps, not an aside."""
    return (kid.dep == "appos" and kid.pos == "PROPN" and token.pos in ("PROPN", "NOUN") and kid.i > token.i
            and reader.parse.subtree(kid)[0] == token.i + 1 and reader.tokens[token.i + 1].pos != "PUNCT")


#: Adverbs that complete a verb as its particle ("turned away", "carried out", "called off").
_PARTICLES = frozenset("away out off up down back".split())  # noqa: SIM905


#: Nouns of phrases that link a sentence to the one before ("in contrast", "in fact", "for example").
_CONNECTIVES = frozenset("contrast addition fact turn particular general short example instance course sum comparison".split())  # noqa: SIM905


def _connective(reader: ParseReader, token: Token) -> bool:
    """Whether a phrase is a connective ("in contrast", "by comparison", "for example"), no part of what happened."""
    kids = reader.kids(token)
    return (token.lemma.casefold() in _CONNECTIVES and any(k.dep == "case" for k in kids)
            and all(k.dep in ("case", "det", "punct") for k in kids))


def _hollow(reader: ParseReader, head: Token, phrase: list[Token]) -> bool:
    """Whether a phrase is only "the" and a singular noun, what completed that noun having been
    cut: "at the age" of "at the age of six months", "to the point" of "to the point that it
    closed" (not "to accusations", "for recordings": a bare noun says something by itself)."""
    if head.pos != "NOUN" or head.tag != "NN" or any(t.pos in _CONTENT and t.i != head.i for t in phrase):
        return False
    if not any(t.dep == "det" and t.text.casefold() == "the" for t in phrase):
        return False
    kept = {t.i for t in phrase}
    return any(k.i not in kept and (k.dep.startswith(("acl", "relcl")) or (k.dep.startswith("nmod") and k.i in reader.in_time))
               for k in reader.kids(head))


_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})


def _loose_particle(verb: Token, kid: Token) -> bool:
    """A particle right after its verb that the parse hung as an adverb ("were turned away",
    "was carried out" with "out" read as advmod): part of the verb, not a modifier to drop."""
    return (kid.dep == "advmod" and kid.i == verb.i + 1
            and (kid.tag == "RP" or kid.text.casefold() in _PARTICLES))


def _subject_read_as_conjunct(reader: ParseReader, verb: Token, kids: list[Token]) -> Token | None:
    """The subject of a coordinated clause that the parse hung as a conjunct of the first verb
    ("Lawsuits were filed and mailing lists were shut down" read with "lists" coordinated with
    "filed"): the noun right before the verb's auxiliaries, a conjunct of the same verb."""
    auxes = [k for k in kids if k.dep.startswith("aux") and k.i < verb.i]
    first = min([verb, *auxes], key=lambda t: t.i)
    if not auxes or first.i == 0:
        return None
    before = reader.tokens[first.i - 1]
    ok = (before.pos in ("NOUN", "PROPN", "PRON") and before.dep == "conj" and before.head == verb.head)
    return before if ok else None


#: Participles other than "-en"/"-n" forms that are no past tense ("done", not "did").
_PARTICIPLES = frozenset("done gone begun sung rung swum drunk sunk shrunk run come become overcome".split())  # noqa: SIM905


def _participle_only(verb: Token) -> bool:
    """Whether a participle is not also the past tense ("given", "taken", "done"; not "built",
    "sold", "closed"): an active label cannot be written with it."""
    word = verb.text.casefold()
    return word in _PARTICIPLES or word.endswith("n")


def _quantifier(words: list[Token]) -> bool:
    """Whether words open with a quantifier of a number ("at least 76", "at most", "more than",
    "up to"): part of the subject, not a preposition to drop."""
    pair = " ".join(t.text.casefold() for t in words[:2])
    return pair in ("at least", "at most", "more than", "less than", "fewer than", "up to")


def _name_word(token: Token) -> bool:
    """A word of a name, by its part of speech or its tag ("Main" of "the Main Street march",
    tagged a proper noun though read as an adjective): cutting it would leave half a name."""
    return token.pos == "PROPN" or token.tag in ("NNP", "NNPS")


def _participle_after_noun(reader: ParseReader, verb: Token, kid: Token) -> bool:
    """A past participle after a noun of the verb read as the verb's complement ("asked customers
    for footage captured during protests"): it modifies the noun, no part of what was done."""
    return kid.tag == "VBN" and any(verb.i < k.i < kid.i and k.dep in ("obj", "dobj", "iobj", "obl")
                                    and k.pos in ("NOUN", "PROPN", "PRON") and k.i not in reader.in_time
                                    for k in reader.kids(verb))


def _named_under(reader: ParseReader, token: Token) -> Token | None:
    """A name the parse hung as a compound of a date right after it ("the Gazette Tuesday")."""
    return next((k for k in reader.kids(token) if k.dep in ("compound", "flat", "flat:name")
                 and k.pos in ("PROPN", "NOUN") and k.i < token.i and k.i not in reader.in_time), None)


def _aside(reader: ParseReader, token: Token) -> bool:
    """Whether a phrase is an aside by its preposition ("according to emails", "despite a ban"; not
    a comparison or an example: "countries like Albania")."""
    asides = ASIDE_CASES - _LIKENESS
    return any(c.dep in ("case", "fixed") and (c.text.casefold() in asides or c.lemma.casefold() in asides)
               for c in reader.kids(token))


def _whole_words(reader: ParseReader, tokens: list[Token]) -> list[Token]:
    """The tokens with the other parts of the hyphenated words they belong to, in text order."""
    every = reader.tokens
    chosen = {t.i for t in tokens}

    def joined(a: Token, b: Token) -> bool:
        return a.end == b.start and "-" in (a.text, b.text)

    for token in tokens:
        i = token.i
        while i + 1 < len(every) and joined(every[i], every[i + 1]):
            i += 1
            chosen.add(i)
        i = token.i
        while i > 0 and joined(every[i - 1], every[i]):
            i -= 1
            chosen.add(i)
    found = sorted(chosen)
    while found and every[found[-1]].text == "-" and found[-1] not in {t.i for t in tokens}:
        found.pop()  # "pre-" before a space: the hyphen alone ends nothing
    return [every[i] for i in found]


#: Auxiliaries written as clitics ("she's leaving", "they're", "we've"), in full.
_CLITICS = {"'re": "are", "'ve": "have", "'m": "am", "'ll": "will"}


def _clitic_in_full(reader: ParseReader, token: Token) -> str | None:
    """A clitic auxiliary written out ("Bush's comparing" -> "is", "they're" -> "are"), else None:
    a headline cannot start a part with the clitic's bare "s" or "re"."""
    word = token.text.casefold().replace("’", "'")
    if not word.startswith("'") or not token.dep.startswith("aux"):
        return None
    if word == "'s":
        following = reader.tokens[token.i + 1] if token.i + 1 < len(reader.tokens) else None
        has = token.lemma.casefold() == "have" or (following is not None and following.tag == "VBN"
                                                    and token.dep != "aux:pass")
        return "has" if has else "is"
    if word == "'d":
        following = reader.tokens[token.i + 1] if token.i + 1 < len(reader.tokens) else None
        return "had" if following is not None and following.tag == "VBN" else "would"
    return _CLITICS.get(word)


def render(reader: ParseReader, tokens: list[Token], *, seen: set[int] | None = None) -> str:
    """Tokens as the text reads: no space where the text has none between neighbours, and a
    hyphenated word whole ("protest-related", "re-elected") wherever one of its parts is kept;
    none of the tokens in ``seen`` (the words an earlier part of the label wrote), which grows."""
    out = ""
    previous: Token | None = None
    whole = [t for t in _whole_words(reader, tokens) if seen is None or t.i not in seen]
    if seen is not None:
        seen.update(t.i for t in whole)
    for n, token in enumerate(whole):
        full = _clitic_in_full(reader, token)
        after = whole[n + 1] if n + 1 < len(whole) else None
        if token.dep == "det" and token.text.casefold() in ("a", "an") and after is not None and after.i > token.i + 1:
            # "a May 3 email" with its date cut: the article the next word written takes
            article_form = "an" if after.text[:1].casefold() in "aeiou" else "a"
            full = article_form if token.text.islower() else article_form.capitalize()
        if previous is not None:
            glued = token.i == previous.i + 1 and token.start == previous.end and full is None
            out += "" if glued else " "
        out += full or token.text
        previous = token
    return out.strip().strip(",;:—–\"“”'’(").strip()


def kind_of(verb: Token, obj: Token | None, obj_kids: Iterable[Token] = ()) -> str:
    """The event's kind: from the predicate's lemma, else its object's noun (or a noun the parse
    hung below a misread object: "a request tied to ..." read with "tied" as the object)."""
    lemma = verb.lemma.casefold()
    if lemma in LIGHT_VERBS and obj is not None:
        for kind, (_, nouns) in KINDS.items():
            if obj.lemma.casefold() in nouns or obj.text.casefold() in nouns:
                return kind  # "launched an attack": an attack, not a publication
    for kind, (lemmas, _) in KINDS.items():
        if lemma in lemmas and not (lemma in WALKOUTS and obj is not None):
            return kind  # ("struck the coast", "struck a deal": no strike of workers)
    if verb.tag in ("VBD", "VBN", "VBZ"):
        # a regular form the lemmatizer got wrong ("erupted" read as "erupte"): its stems
        form = verb.text.casefold()
        stems = {form[:-1], form[:-2], form[:-3]} if form.endswith(("ed", "es")) else {form[:-1]} if form.endswith("s") else set()
        for kind, (lemmas, _) in KINDS.items():
            if stems & lemmas:
                return kind
    if lemma in TAKING_IN:
        return OTHER  # "read an article": no publication
    nouns_of_object = [obj] if obj is not None else []
    if obj is not None and obj.pos != "NOUN":
        nouns_of_object += [k for k in obj_kids if k.dep == "compound" and k.pos == "NOUN"]
    for noun in nouns_of_object:
        for kind, (_, nouns) in KINDS.items():
            if noun.lemma.casefold() in nouns or noun.text.casefold() in nouns:
                return kind
    return OTHER


def article(reader: ParseReader, noun: Token) -> str:
    """The noun's own indefinite article ("a", "an"), or the one its first sound takes."""
    own = next((k.text.casefold() for k in reader.kids(noun) if k.dep == "det"), "")
    if own in ("a", "an"):
        return own
    return "an" if noun.text[:1].casefold() in "aeiou" else "a"


def kind_of_words(clause: Clause) -> str:
    """The kind of a clause read from the words: its verb's form, else a noun of its label."""
    verb = clause.verb.casefold()
    stems = {verb, verb[:-1], verb[:-2], verb[:-3], verb[:-2] + "e" if verb.endswith("ed") else verb}
    words = {w.strip(".,;:“”\"'’").casefold() for w in clause.label.split()}
    for kind, (lemmas, _) in KINDS.items():
        if stems & lemmas:
            return kind
    for kind, (_, nouns) in KINDS.items():
        if words & nouns:
            return kind
    return OTHER
