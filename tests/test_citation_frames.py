"""Citations of a medium framing a clause, of a work told with its maker and what it says, and of
the sources news names with verbs of its own ("makes clear", "the editorial board writes")."""

from __future__ import annotations

import pytest

from .test_citation_unseen import found


@pytest.mark.parametrize(
    ("text", "exact", "label"),
    [
        # a medium framing a clause, whatever its verb
        ("In her post, she reminded the senator of the old shooting.", "In her post", "her post"),
        ("The mayor unveiled a new slogan for the race in a Sunday tweet.", "in a Sunday tweet", "a Sunday tweet"),
        ("In the letter, the senator asks for an inquiry into the loans.", "In the letter", "letter"),
        ("In his response, Mr. Olsen said he had read the charges with care.", "In his response", "his response"),
        ("Speaking later on the same show, Ann Lowe said the plan would fail.", "on the same show", "same show"),
        # a work in a named publication, after "according to"
        ("Coin tosses settled six precincts, according to a report in the Valley Courant.",
         "according to a report in the Valley Courant", "a report in the Valley Courant"),
        # a survey whose verb the parse hung on it
        ("A quick survey conducted by the Harbor Valley Network found Lowe the winner of the debate with 40 percent.",
         "survey conducted by the Harbor Valley Network", "Harbor Valley Network"),
        # works told by verbs of their own
        ("The findings underscore a deep split among voters.", "The findings", "findings"),
        ("The poll makes clear the trouble ahead for Lowe if she wins.", "The poll", "poll"),
        # an outlet's editorial board
        ("Lowe has won two races in the state, the editorial board writes.", "the editorial board writes",
         "editorial board"),
        # a work told with its maker and what it says
        ("Ruiz dismissed a report in the Harbor Ledger that Lowe has been weighing a run.",
         "a report in the Harbor Ledger", "Harbor Ledger"),
        ("On Monday, Ruiz knocked a statement by singer Ann Lowe that a huge sum was raised at her dinner.",
         "a statement by singer Ann Lowe", "a statement"),
        # an outlet sat down with, and polling described
        ("Sitting down with Bay Radio's Morning Show on Thursday, Ruiz remarked that she would run.",
         "Sitting down with Bay Radio", "Bay Radio"),
        ("According to recent polling, Lowe leads the field.", "According to recent polling", "recent polling"),
        # an outlet met with, a body's name the tagger read as a noun, a point in a book
        ("In a meeting with the Harbor Post's editorial board, Ruiz said the plan was dead.",
         "a meeting with the Harbor Post", "Harbor Post"),
        ("Revenue fell 2 percent, according to the state Division of Gaming Rules.",
         "according to the state Division of Gaming Rules", "Division of Gaming Rules"),
        ("At one point in the book, Ruiz gives an account of the night.", "in the book", "book"),
        # a site people publish their own words on
        ("Lowe lashed out at the mayor on Facebook, telling him that words matter.", "on Facebook", "Facebook"),
        ("Ruiz mocked the plan on his Twitter account.", "on his Twitter account", "Twitter"),
        # data with its release told after it, however the parse hangs it; a headline's capitalized work
        ("Casino revenue rose 3 percent this year, according to data released Friday by state regulators.",
         "according to data", "data"),
        ("New Polls Show Wide Gaps in Harbor Race.\n\nThe mayor is ahead.", "New Polls", "New Polls"),
        # an email sent to others, or described, is cited
        ("Lowe wrote in an email to aides that the mill would close.", "Lowe wrote in an email", "Lowe"),
        ("“We won,” Ruiz wrote in a fundraising email sent to donors.", "Ruiz wrote in a fundraising email", "Ruiz"),
    ],
)
def test_cited(text: str, exact: str, label: str) -> None:
    assert (exact, label) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # a medium no reader could find, or a thing compared
        "He said it in a post.",
        "She contrasted her plan with the feckless state response to the flood.",
        # where something was made, not what the clause tells
        "The bar serves a drink named for a word coined in his advice column.",
        "Several pets regularly appear in her videos.",
        # a speaker's own work, and messages picked up on a radio
        "In my third novel I tried a new form.",
        "He intercepted coded messages on short-wave radio and taught himself the language.",
        # a work with no content given: a relative clause, a month, a board that is no outlet's
        "Ruiz read a report in the Harbor Ledger that angered him.",
        "Turnout rose, according to a report in March.",
        "The school board said it would meet on Monday.",
        # a person sat down with is an audience
        "Lowe sat down with Ann Ruiz to talk about the mill.",
        # a meeting with no outlet is an event; a person with a title makes a claim
        "In a meeting with the Tide Foundation, Ruiz said the plan was dead.",
        "Revenue fell, according to spokesman Lowe.",
        # a thing on a site, or what one does there, tells nothing
        "The hashtag on Twitter had become a rallying cry by Friday.",
        "The slogan was used in messages on Twitter a million times.",
        "Ruiz has a million followers on Instagram.",
        "The clip drew three million views on Facebook in a week.",
        "She is expected to make appearances on the morning show.",
        # an email with no one named it went to: the document's own reporter, first-hand
        "“He is busy this week,” Ann Lowe wrote in an email.",
        # a person who made clear her plans makes a claim
        "The new mayor made clear her plans for the harbor.",
    ],
)
def test_not_cited(text: str) -> None:
    assert found(text) == []
