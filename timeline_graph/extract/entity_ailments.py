"""Names of illnesses, which name no person, body or place.

A virus or a disease is often named after a place or a person ("Zika", "Ebola", "Alzheimer's"),
and the pipeline reads such a name as the place's, the person's or a body's. The text says
what it is: a word for an illness right after the name somewhere ("the Zika virus", "Lyme
disease"), or the possessive of a doctor's name that English uses alone for an illness
("deaths from Alzheimer's"). Such a name with no sign of a person, a body or a place anywhere
in the document (a title, a verb of saying, shares, "the mayor of") is no entity.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .entity_kinds import Group

#: Words for an illness right after its name: "the Zika virus", "an Ebola outbreak".
_AILMENT_AFTER = re.compile(
    r"\s+(?:virus|viruses|disease|diseases|syndrome|fever|epidemic|outbreak|outbreaks|pandemic|infection|infections|"
    r"vaccine|vaccines)\b"
)

#: Doctors' names in the possessive that English uses alone for the illness they described.
EPONYMOUS_AILMENTS = frozenset({
    "Alzheimer's", "Parkinson's", "Huntington's", "Crohn's", "Tourette's", "Asperger's", "Hodgkin's",
    "Addison's", "Cushing's", "Bell's", "Lou Gehrig's",
})

#: Cues of an occurrence that say a person, a body or a place (see ``entity_kinds._cues_at``).
_OTHER_SIGNS = frozenset({"person", "speaker", "stance", "corporate", "org", "outlet", "outlet-of", "addressee",
                          "reporting", "place-of", "team", "body-noun"})


def names_an_ailment(name: str, group: Group, text: str, cues: set[str]) -> bool:
    """Whether a name is an illness's: one of :data:`EPONYMOUS_AILMENTS`, or followed by a word
    for an illness somewhere ("Zika virus"), with no title before it and no cue of a person, a
    body or a place in the document."""
    if any(c.title for c in group.cands) or cues & _OTHER_SIGNS:
        return False
    if name.replace("’", "'") in EPONYMOUS_AILMENTS:
        return True
    if f"{name}'s" in EPONYMOUS_AILMENTS and all(text[c.end : c.end + 2] in ("'s", "’s") for c in group.cands):
        return True  # "Alzheimer" of "Alzheimer's", the mark left out of the name
    return any(_AILMENT_AFTER.match(text, c.end) for c in group.cands)
