"""Synthetic news articles in the project's own words: stories that many outlets cover for weeks.

    from synthetic_news import articles
    for name, text in articles(5000):   # Markdown with YAML front matter, about 600-900 words
        ...

Each story (:data:`STORY_SIZE` articles) happens in an invented town: a public body, a
company, a few people with roles, an advocacy group, and a chain of dated events (an agreement,
a request, a published investigation, a protest, deaths, a vote, a lawsuit, statements), figures
that grow over time, and quotations. Its articles come out over the weeks the story runs, from
different outlets; each tells the latest events with relative dates ("on Tuesday", "last
week") and the earlier ones with absolute dates, quotes people (whole or in part), credits
other outlets, states figures, and fills out with background, all in varied wording. About one
article in seven is a wire copy another outlet prints (the same body under another masthead),
and about one date mention in fifty is wrong in one part (July 16 for June 16): the
real disagreements that resolution should find. Article ``i`` is the same whatever ``count``
is, so cases of several sizes share their first articles.

The other benchmarks build records directly (``app_speed.synthetic_records``,
``rdf_export.synthetic_graph``); this one writes text, for benchmarks that run the extractors.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["STORY_SIZE", "articles"]

#: Articles per story: the case grows by adding stories, not by piling articles on a few.
STORY_SIZE = 12
#: Share of articles that are another outlet's copy of the article before them.
WIRE_SHARE = 0.15
#: Share of absolute date mentions that get one part wrong.
MISDATED_SHARE = 0.02

FIRST = ["Ada", "Bram", "Carmen", "Dario", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luca", "Mara", "Nikolai", "Olga", "Pavel", "Quinn", "Rosa", "Soren", "Talia", "Umar", "Vera", "Wendell", "Xenia", "Yusuf", "Zora", "Anselm", "Beatriz", "Cyril", "Delia", "Emil", "Flora", "Gideon", "Hana", "Ivo", "Juna", "Kasper", "Lena", "Milo", "Nadia", "Oren", "Petra", "Rafael", "Selma", "Tobias", "Una", "Viktor", "Wilma"]
LAST = ["Abernathy", "Baptiste", "Castellan", "Dunmore", "Eriksen", "Falconer", "Garrow", "Halvorsen", "Ivers", "Jankowski", "Kettering", "Lindqvist", "Marchetti", "Nakamura", "Okonkwo", "Pellegrini", "Quist", "Rasmussen", "Salcedo", "Thornbury", "Underhill", "Valdez", "Whitcombe", "Yardley", "Zielinski", "Ashdown", "Brightwater", "Coldwell", "Devereux", "Ellery", "Fairbanks", "Greenhalgh", "Holloway", "Inglis", "Jessop", "Kowalczyk", "Lockhart", "Merriweather", "Northcott", "Oyelaran", "Prescott", "Radcliffe", "Sinclair", "Tremaine", "Vasquez", "Westbrook", "Achterberg", "Blackwood", "Corrigan", "Drummond"]
TOWN_A = ["Ash", "Birch", "Cedar", "Elm", "Fair", "Glen", "Hol", "Iron", "Kings", "Lin", "Marl", "Nor", "Oak", "Pem", "Red", "Stan", "Thorn", "Wex", "Bel", "Dun",
          "Alder", "Brack", "Crane", "Dover", "Ember", "Frost", "Gran", "Hart", "Ives", "Juniper", "Kel", "Lark"]
TOWN_B = ["brook", "field", "ford", "haven", "ton", "wick", "mouth", "bury", "dale", "port", "stead", "well",
          "combe", "gate", "holm", "ley", "moor", "ridge"]
RIVERS = ["Calder", "Wynn", "Tamsin", "Oder", "Brannock", "Sella", "Loam", "Averill"]
OUTLETS = [
    "Harborline News", "The Plains Courier", "Northgate Daily", "The Civic Record", "Riverbend Gazette",
    "Summit Tribune", "Lantern Press", "The Weekly Almanac", "Crossroads Journal", "Meridian Wire",
    "Tidewater Post", "Granite Herald", "Bayside Monitor", "Prairie Observer", "Signal Hill Times",
    "The Union Bulletin", "Cobalt Media", "Keystone Chronicle", "Westfield Examiner", "Open Ledger",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


@dataclass(frozen=True)
class Topic:
    body: str  # the public body, after the town's name
    company: str  # the company's trade, after a surname
    records: str  # what the body asks for
    program: str  # what the story is about
    harm: str  # how people died
    figure: str  # what the growing figure counts
    verb: str  # how the company relates to that figure


TOPICS = [
    Topic("Police Department", "Camera Company", "doorbell camera footage", "camera sharing program",
          "in a crash during a police chase", "homes", "has installed cameras in"),
    Topic("Water Board", "Pumps", "water quality records", "groundwater cleanup", "after drinking contaminated water",
          "households", "has supplied filters to"),
    Topic("Transit Authority", "Coachworks", "brake maintenance logs", "electric bus fleet",
          "when a bus left the road", "riders", "has carried"),
    Topic("School Board", "Learning Systems", "student data contracts", "classroom tablet program",
          "in a fire at a school annex", "students", "has enrolled"),
    Topic("Port Authority", "Freight", "shipping manifests", "harbor dredging project",
          "when a crane collapsed at the docks", "containers", "has moved"),
    Topic("Health Department", "Laboratories", "test results", "screening program",
          "of an infection traced to a clinic", "patients", "has tested"),
    Topic("Housing Authority", "Builders", "tenant complaint files", "tower renovation",
          "in a balcony collapse", "tenants", "has relocated"),
    Topic("Fire Department", "Chemicals", "inspection reports", "warehouse safety review",
          "in a warehouse blaze", "workers", "has evacuated"),
]


@dataclass(frozen=True)
class Person:
    name: str
    role: str

    @property
    def last(self) -> str:
        return self.name.split()[-1]


@dataclass(frozen=True)
class Happening:
    key: str
    day: date
    texts: tuple[str, ...]  # phrasings, each with {when}


class Story:
    """The world one story's articles describe."""

    def __init__(self, number: int, seed: int) -> None:
        rng = random.Random(f"story:{seed}:{number}")
        self.rng = rng
        self.number = number
        self.town = rng.choice(TOWN_A) + rng.choice(TOWN_B)
        self.river = rng.choice(RIVERS)
        self.topic = rng.choice(TOPICS)
        self.body = f"{self.town} {self.topic.body}"
        self.short = "".join(w[0] for w in self.body.split() if w[0].isupper())
        self.company = f"{rng.choice(LAST)} {self.topic.company}"
        self.group = f"{self.town} {rng.choice(['Residents Alliance', 'Civil Liberties Union', 'Tenants Council', 'Safety Coalition'])}"
        names = rng.sample([f"{f} {last}" for f in FIRST for last in LAST], 5)
        self.spokesperson = Person(names[0], f"a spokesperson for the {self.body}")
        self.chief = Person(names[1], f"the head of the {self.body}")
        self.executive = Person(names[2], f"the chief executive of {self.company}")
        self.advocate = Person(names[3], f"who leads the {self.group}")
        self.scholar = Person(names[4], f"a professor of public policy at {self.town} University")
        self.local = f"The {self.town} {rng.choice(['Ledger', 'Courier', 'Sentinel'])}"
        self.outlets = [self.local, *rng.sample(OUTLETS, 8)]
        self.start = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 12 * 365))
        self.population = rng.randrange(40, 900) * 100
        self.happenings = self._happenings()
        self.figure_base = rng.randrange(150, 4000)
        self.figure_rate = rng.randrange(5, 60)
        self.quotes = self._quotes()

    def _happenings(self) -> list[Happening]:
        rng, t = self.rng, self.topic
        offsets = sorted(rng.sample(range(1, 110), 8))
        day = [self.start + timedelta(days=o) for o in [0, *offsets]]
        dead = rng.choice(["two", "three", "four", "five"])
        votes = rng.randrange(5, 9)
        return [
            Happening("agreement", day[0], (
                f"the {self.body} signed a contract with {self.company} {{when}} for the {t.program}",
                f"{self.company} and the {self.body} agreed {{when}} to run the {t.program} together",
                f"the {self.body} entered into a partnership with {self.company} {{when}}",
            )),
            Happening("request", day[1], (
                f"the {self.body} asked {self.company} for {t.records} {{when}}",
                f"{self.short} officials requested {t.records} from {self.company} {{when}}",
                f"a letter sent {{when}} shows the {self.body} sought {t.records} from {self.company}",
            )),
            Happening("investigation", day[2], (
                f"{self.outlets[1]} published an investigation into the {t.program} {{when}}",
                f"an investigation that {self.outlets[1]} released {{when}} raised doubts about the {t.program}",
            )),
            Happening("protest", day[3], (
                f"hundreds of residents protested outside {self.town} City Hall {{when}}",
                f"demonstrators marched to {self.town} City Hall {{when}} to denounce the {t.program}",
            )),
            Happening("deaths", day[4], (
                f"{dead} people died in {self.town} {{when}} {t.harm}",
                f"{dead} residents of {self.town} were killed {{when}} {t.harm}",
            )),
            Happening("vote", day[5], (
                f"the {self.town} City Council voted {votes} to 2 {{when}} to suspend the {t.program}",
                f"council members voted {{when}} to put the {t.program} on hold",
            )),
            Happening("lawsuit", day[6], (
                f"the {self.group} filed a lawsuit against the {self.body} {{when}}",
                f"the {self.group} sued the {self.body} and {self.company} {{when}}",
            )),
            Happening("inquiry", day[7], (
                f"the council launched a public inquiry into the {t.program} {{when}}",
                f"{self.town} created an independent panel to review the {t.program} {{when}}",
            )),
            Happening("statement", day[8], (
                f"{self.chief.name} announced {{when}} that the {self.body} would publish its {t.records}",
                f"{self.chief.name} said {{when}} the {self.body} would release its {t.records}",
            )),
        ]

    def _quotes(self) -> list[tuple[Person, str]]:
        """What each person says in this story: worded for it, so stories do not share quotes."""
        rng, t = self.rng, self.topic
        years = rng.randrange(2, 15)
        times = rng.choice(["twice", "three times", "four times", "several times"])
        said = {
            self.spokesperson: [
                f"We went to {self.company} {times} for {t.records} because the law allows it",
                f"Every request we sent about the {t.program} was reviewed by our lawyers first",
                f"The {self.body} has answered {rng.randrange(20, 90)} questions from residents since the spring",
            ],
            self.executive: [
                f"{self.company.split()[0]} has worked with the {self.town} council for {years} years and kept every promise",
                f"We handed the {self.body} what the contract required and nothing more",
                f"Our staff in {self.town} will keep working on the {t.program} until the review is done",
            ],
            self.advocate: [
                f"Nobody on the {self.river} side of {self.town} agreed to have the {t.program} run in secret",
                f"The {self.group.split(maxsplit=1)[1]} will take this fight to every council meeting",
                f"People in {self.town} deserve to see the {t.records} before anything else is signed",
            ],
            self.scholar: [
                f"{self.town} signed the {t.program} contract before anyone had read the fine print",
                f"In {years} years of studying {t.program}s I have rarely seen so little public debate",
            ],
            self.chief: [
                f"I understand the anger in {self.town} and I will answer for the {t.program} myself",
                f"The {self.body} made mistakes with {self.company} and we will correct them",
            ],
        }
        return [(person, rng.choice(options)) for person, options in said.items()]

    def figure(self, day: date) -> int:
        return self.figure_base + self.figure_rate * max(0, (day - self.start).days)


def _day_words(day: date, year: bool = True) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}" if year else f"{MONTHS[day.month - 1]} {day.day}"


def _misdated(rng: random.Random, day: date) -> date:
    """The same day with one part wrong: a neighbouring month or year."""
    for _ in range(10):
        try:
            if rng.random() < 0.7:
                month = day.month % 12 + 1 if rng.random() < 0.5 else (day.month - 2) % 12 + 1
                return day.replace(month=month)
            return day.replace(year=day.year + rng.choice((-1, 1)))
        except ValueError:  # February 30
            continue
    return day


def _when(rng: random.Random, day: date, published: date) -> str:
    """How an article published on ``published`` dates ``day``: relative when recent."""
    ago = (published - day).days
    if 1 <= ago <= 6 and rng.random() < 0.8:
        return "yesterday" if ago == 1 and rng.random() < 0.5 else f"on {WEEKDAYS[day.weekday()]}"
    if 7 <= ago <= 12 and rng.random() < 0.3:
        return "last week"
    if rng.random() < MISDATED_SHARE:
        day = _misdated(rng, day)
    if day.year == published.year and rng.random() < 0.6:
        return f"on {_day_words(day, year=False)}" if rng.random() < 0.8 else f"in {MONTHS[day.month - 1]}"
    return f"on {_day_words(day)}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text[0].upper() + text[1:] + ("" if text.endswith((".", '"')) else ".")


def _details(story: Story, key: str) -> list[str]:
    """Undated sentences that follow a happening in an article."""
    t = story.topic
    return {
        "agreement": [f"The contract gave {story.company} access to {t.records} held by the {story.body}",
                      "The terms of the agreement were not discussed at a public meeting"],
        "request": [f"The request covered {t.records} from the previous two years",
                    f"{story.company} handed over only part of what was asked, by its own account"],
        "investigation": ["The investigation relied on hundreds of pages of internal email",
                          f"Its findings were disputed by the {story.body} within hours"],
        "protest": [f"The crowd was the largest {story.town} had seen in a decade, by the organizers' count",
                    "Police reported no arrests during the demonstration"],
        "deaths": ["Their families have called for an independent investigation",
                   f"The {story.body} offered condolences and promised a full account"],
        "vote": ["The suspension takes effect immediately and lasts until the review ends",
                 f"Two members voted against the suspension of the {story.topic.program}"],
        "lawsuit": [f"The complaint asks the court to order the release of the {t.records}",
                    f"Lawyers for the {story.body} have moved to dismiss the lawsuit"],
        "inquiry": ["The panel has the power to call witnesses and request documents",
                    "Its members include a retired judge and two former council members"],
        "statement": ["The announcement came after weeks of pressure from residents",
                      f"For critics of the {story.body}, the promise came too late"],
    }[key]


def _background(story: Story, rng: random.Random) -> list[str]:
    """Sentences without dates: some that any story could carry word for word, most about this one."""
    t = story.topic
    generic = [
        "Contracts of this kind are common but rarely published in full",
        "At a crowded meeting, one speaker after another asked the council to slow down",
        "Neither side has released the full text of its correspondence with the other",
        "Union representatives were never consulted about the changes, according to their own statement",
        "The city's auditor has warned that oversight of outside contractors is thin",
        "Many residents support the goals but distrust the process",
        "The dispute has become a theme in the campaign for the next council election",
    ]
    n = rng.randrange(3, 40)
    specific = [
        f"{story.town}, a city of about {story.population:,} people on the {story.river} River, has argued about the {t.program} for years",
        f"Supporters of the {t.program} credit it with saving the {story.body} about {n} percent of its costs",
        f"Critics in {story.town} object that the {t.program} was planned with little notice to residents of the {story.river} valley",
        f"The {story.body} employs about {n * 10} people and answers to the {story.town} council",
        f"{story.company} has offices in {n % 5 + 2} states and sells its services to agencies like the {story.body}",
        f"{story.chief.name} has asked {story.company} for a full accounting of what the {t.program} costs {story.town}",
        f"Residents who spoke at a meeting in {story.town} described waiting {n} days for answers from the {story.body}",
        f"The {story.group} has collected {n * 37:,} signatures calling for the {t.program} to be reviewed",
        f"Neighbouring towns along the {story.river} River are watching how {story.town} handles its dispute with {story.company}",
        f"It is not known how many staff of the {story.body} work on the {t.program} with {story.company}",
        f"Records reviewed by {story.local} show that the {t.program} in {story.town} grew faster than its budget",
        f"Questions about {story.company} dominated the most recent meeting of the {story.town} council",
        f"{story.town} officials have promised an independent audit of the {t.program} and of {story.company}",
        f"Shop owners on the main street of {story.town} are divided over whether the {t.program} helps them",
        f"Some residents of {story.town} learned of the {t.program} only from {story.local}",
        f"The {story.body} has changed its public account of the {t.program} at least {n % 4 + 2} times",
        f"A former employee of {story.company} described its work with the {story.body} as informal and fast",
        f"The mayor of {story.town} has so far avoided taking a position on {story.company}",
        f"Budget documents of the {story.body} list the {t.program} under a line for equipment and services",
        f"In court filings, {story.town} holds the {t.records} exempt from disclosure while the review continues",
        f"A petition asking for hearings on the {t.program} has circulated in several neighbourhoods of {story.town}",
        f"The {story.group} held a workshop at the {story.town} public library to explain the {t.program}",
        f"{story.scholar.name} has compared the {t.program} with similar arrangements in {n % 9 + 3} other cities",
        f"Residents near the {story.river} River have raised {story.company} at every meeting",
        f"Editorial writers at {story.local} have called for the {t.program} to be paused",
        f"The {story.body} insists it has nothing to hide from the {story.group} or from {story.local}",
        f"{story.company} follows the same rules in {story.town} as in the {story.population // 1000} other towns it serves, by its own account",
        f"No date has been set for the end of the review of {story.company} in {story.town}",
    ]
    chosen = rng.sample(specific, rng.randrange(12, len(specific) - 4)) + rng.sample(generic, rng.randrange(0, 3))
    rng.shuffle(chosen)
    return [_sentence(s) for s in chosen]


def _article(story: Story, index: int, seed: int) -> tuple[str, str, date, list[str]]:
    """(outlet, title, published, paragraphs) of the story's ``index``-th original article."""
    rng = random.Random(f"article:{seed}:{story.number}:{index}")
    last = story.happenings[-1].day
    published = story.happenings[1].day + timedelta(days=int((last - story.happenings[1].day).days * index / STORY_SIZE) + rng.randrange(1, 6))
    known = [h for h in story.happenings if h.day < published]
    outlet = rng.choice(story.outlets)
    latest = known[-1]
    lead = rng.choice(latest.texts).format(when=_when(rng, latest.day, published))
    title = _sentence(rng.choice(latest.texts).format(when="")).rstrip(".").replace("  ", " ")
    second = rng.choice([
        f"The news deepened a dispute that has divided {story.town} for months",
        f"It was the latest turn in a story that began when the {story.topic.program} was announced",
        "Residents and officials gave sharply different accounts of what happened",
    ])
    paragraphs = [f"{story.town.upper()} — {_sentence(lead)} {_sentence(second)} "
                  + " ".join(map(_sentence, _details(story, latest.key)))]
    figure_day = published - timedelta(days=rng.randrange(0, 3))
    qualifier = rng.choice(["more than ", "about ", "", "nearly "])
    figure = story.figure(figure_day)
    if rng.random() < 0.03:
        figure = int(figure * rng.choice((0.5, 1.5)))
    paragraphs.append(_sentence(f"{story.company} {story.topic.verb} {qualifier}{figure:,} {story.topic.figure} in {story.town}, according to figures the company released"))
    earlier = known[:-1]
    rng.shuffle(earlier)
    for happening in sorted(earlier[: rng.randrange(2, 8)], key=lambda h: h.day):
        text = rng.choice(happening.texts).format(when=_when(rng, happening.day, published))
        if rng.random() < 0.3 and len(story.outlets) > 1:
            source = rng.choice([o for o in story.outlets if o != outlet])
            text = f"{text}, according to {source}" if rng.random() < 0.5 else f"as {source} first reported, {text}"
        paragraphs.append(" ".join([_sentence(text), *map(_sentence, rng.sample(_details(story, happening.key), rng.randrange(0, 3)))]))
    background = _background(story, rng)
    quotes = rng.sample(story.quotes, rng.randrange(2, 6))
    for n, (person, words) in enumerate(quotes):
        form = rng.random()
        if form < 0.5:
            quote = f'"{words}," said {person.name}, {person.role}.'
        elif form < 0.8:
            quote = f'{person.name}, {person.role}, said that "{words[0].lower() + words[1:]}."'
        else:
            quote = f'{person.last} told {outlet} that it was clear "{_telling_part(story, words)}."'
        paragraphs.append(" ".join([quote, *background[n * 3 : n * 3 + 3]]))
    rest = background[len(quotes) * 3 :]
    for at in range(0, len(rest), 4):
        paragraphs.append(" ".join(rest[at : at + 4]))
    closing = rng.choice([
        f"The {story.body} is expected to discuss the {story.topic.program} again at its next meeting.",
        f"{story.company} did not respond to a request for comment.",
        f"A hearing on the {story.topic.program} has been scheduled for later this month.",
    ])
    paragraphs.append(closing)
    return outlet, title, published, paragraphs


def _telling_part(story: Story, words: str) -> str:
    """Six words of a quotation, as a reporter would quote a part of it: around a name of the
    story where there is one, else the first six."""
    found = words.split()
    names = {w for name in (story.town, story.company, story.body) for w in name.split()}
    at = next((i for i, w in enumerate(found) if w.strip(",.") in names), 0)
    start = max(0, min(at - 2, len(found) - 6))
    return " ".join(found[start : start + 6])


def _front_matter(title: str, outlet: str, author: str, published: date) -> str:
    safe = title.replace('"', "'")
    return f'---\ntitle: "{safe}"\npublisher: {outlet}\nauthor: {author}\npublished: {published.isoformat()}\n---\n\n'


def articles(count: int, *, seed: int = 20) -> Iterator[tuple[str, str]]:
    """``count`` synthetic articles as (file name, Markdown text with front matter)."""
    story: Story | None = None
    previous: tuple[str, str, date, list[str]] | None = None
    for i in range(count):
        number, index = divmod(i, STORY_SIZE)
        if story is None or story.number != number:
            story, previous = Story(number, seed), None
        rng = random.Random(f"copy:{seed}:{i}")
        author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if previous is not None and rng.random() < WIRE_SHARE:
            outlet = rng.choice([o for o in story.outlets if o != previous[0]])
            title, published, paragraphs = previous[1], previous[2] + timedelta(days=rng.randrange(0, 2)), previous[3]
        else:
            outlet, title, published, paragraphs = _article(story, index, seed)
            previous = (outlet, title, published, paragraphs)
        text = _front_matter(title, outlet, author, published) + "\n\n".join(paragraphs) + "\n"
        yield f"synthetic-{i:05d}.md", text
