"""A synthetic corpus of fictional wire stories, and rewrites of them with known sources.

Every word here is fictional and written for sourcecompare's benchmarks: the places,
people, companies and events do not exist (the agency names are the real agencies,
used only in credits, as wire copy is credited). Import it from a benchmark::

    import sys
    sys.path.insert(0, "bench")  # or run a script that lives in bench/
    import corpus

    for story in corpus.wire_stories(1000, seed=7):
        ...  # story.id, story.text, story.topic, story.agency, story.published

    rng = random.Random(1)
    one = corpus.rewrite(corpus.story(12, seed=7), rng)  # one.sources == ("w7-000012",)
    two = corpus.rewrite([corpus.story(3, 7), corpus.story(40, 7)], rng)
    wire, derivative = corpus.long_pair(seed=5, sentences=40)

What the stories are like:

* Fourteen topics (rail accidents, water plants, interest rates, strikes, floods,
  elections ...), each with its own headlines, leads and body sentences, plus general
  sentences (background, reactions, schedules, quotes) any story can use. Thousands
  of stories share a topic's wording, as real wire copy does; what tells two stories
  apart is what tells real ones apart: places (a thousand), people (tens of
  thousands of name pairs, with titles), organisations, companies and figures.
* A headline, a dateline in the style of the agency ("VELMORA, June 17 (Reuters) - ",
  "VELMORA, Estavia (AP) — ", "VELMORA, June 17 (Xinhua) -- "), 10 to 18 sentences
  in short paragraphs (or as many as asked for, up to about 50), and the agency's
  sign-off where it has one.
* Story *i* of a seed depends on nothing else (``story(i, seed)``), so a benchmark can
  index a large corpus and later regenerate any story of it without keeping them all.

What the rewrites do (:func:`rewrite`): a new headline, no dateline or credit, some
wire sentences dropped, the others paraphrased (synonyms, "X said Y" turned into
"Y, X said", dropped weekdays and attributions, trimmed clauses) and sometimes
swapped with their neighbour, and a few framing sentences the wire never had. Given
two stories, it builds a roundup drawing on both, in blocks or alternating paragraphs.
``Derivative.sources`` lists the stories each rewrite draws on.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Final

import attrs

__all__ = [
    "AGENCIES",
    "TOPICS",
    "Derivative",
    "Story",
    "long_pair",
    "rewrite",
    "story",
    "wire_stories",
    "write_jsonl",
]

# --- vocabularies -----------------------------------------------------------------------

_PLACE_HEADS: Final = (
    "Vel Sor Kar Bel Mar Tor Alva Dun Est Fen Gral Hav Ister Jor Kel Lun Mor Nor Os Pel "
    "Quor Rav Sel Tarn Ul Ver Wen Yar Zel Brin Cal Dor Elm Fal Gor Hal Ard Bran Cor Lind"
).split()
_PLACE_TAILS: Final = (
    "mora rin bay ford haven dal stad ovo ane ica burg mouth port vik ach era ona wick "
    "holm ston ado ena ley grad mere"
).split()
PLACES: Final = tuple(h + t for h in _PLACE_HEADS for t in _PLACE_TAILS)
"""A thousand fictional towns and cities."""

COUNTRIES: Final = (
    "Estavia Korvania Maldera Veskaria Talvoria Lusenia Brevania Carpesia Orlenia "
    "Sardovia Nerovia Quillonia Arvenia Zantia Kestria Moravel Pellandia Runevia Ulvania "
    "Valdoria Yrenia Dalmoria Fennick Oresta"
).split()

FIRST_NAMES: Final = (
    "Ilse Tomas Anika Lena Robert Samuel Priya Maria Daniel Helen Kwame Aiko Mateo Sofia "
    "Yusuf Leila Ingrid Pavel Nadia Oskar Amara Farid Greta Hiroshi Irene Jonas Katya Luis "
    "Mira Nikolai Olga Pedro Rania Stefan Tala Umar Vera Wilhelm Xenia Yara Zoran Adaeze "
    "Bruno Carmen Dmitri Elif Felix Gabriela Hassan Isabel Jakob Kofi Lucia Magnus Noor "
    "Omar Paula Rafael Selma Teodor Ursula Viktor Wanda Yasmin Zainab Anton Beatrix Cyril "
    "Dalia Emil Freya Goran Hana Idris Julia Kasper Lotte Marek Nina"
).split()
_SURNAME_HEADS: Final = (
    "Car Van Mar Oko Fer Ach Lind Odu Ren Dor Ber Kov Sal Mend Hal Brun Tes Vol Gar Ros "
    "Sten Dra Kam Pet Lom Nav Fal Quin Wes Zor"
).split()
_SURNAME_TAILS: Final = (
    "adec ance ley nkwo rer terberg qvist uya nick sett inger ac vini oza lberg elli sen "
    "ova ez ic mann ari ides ton"
).split()
SURNAMES: Final = tuple(h + t for h in _SURNAME_HEADS for t in _SURNAME_TAILS)
"""720 fictional surnames."""

_COMPANY_HEADS: Final = (
    "Bellwater Norvex Tarsio Kestrel Alderline Corvane Halden Ostrim Pelagic Ravelin "
    "Silvan Torvik Ulmen Varro Westreach Yellowfin Zenthe Arclight Brightmoor Coldharbour "
    "Driftwood Emberly Fairhaven Greystone Harrowgate Ironvale Juniper Kingsmere Lowmoor "
    "Marrowby"
).split()
_COMPANY_TAILS: Final = ("Inc.", "Ltd", "Group", "Holdings", "Corp.")

AGENCIES: Final = ("Reuters", "AP", "AFP", "Xinhua", "dpa", "PA")
"""The agencies credited, each with its own dateline style."""

_WEEKDAYS: Final = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_MONTHS: Final = (
    "January February March April May June July August September October November December"
).split()
_SHORT_MONTHS: Final = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
_NUMBER_WORDS: Final = "two three four five six seven eight nine".split()

# --- topics ------------------------------------------------------------------------------
# Each topic: titles of its three speakers ({t1} {p1} ...), its main organisation and
# industry word, the thing the story is about ({thing}), then headlines, leads, body
# sentences (in narrative order) and quotes. Fields are filled per story (see _fields).


@attrs.frozen
class _Topic:
    name: str
    t1: str  # title before the first speaker's name
    t2: str  # apposition after the second speaker's name
    t3: str  # apposition after the third speaker's name
    org: str
    industry: str
    thing: str
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    body: tuple[str, ...]
    quotes: tuple[str, ...]


_T: Final = (
    _Topic(
        name="rail",
        t1="Transport Minister",
        t2="the operator's director of safety",
        t3="a passenger who was travelling to work",
        org="{country} Railways",
        industry="Rail",
        thing="the derailment",
        headlines=(
            "Commuter train derails outside {place} station, injuring {a}",
            "{a} hurt as train leaves tracks near {place}",
        ),
        leads=(
            (
                "A commuter train carrying about {c} people derailed just outside {place}'s "
                "central station on {weekday}, injuring {a} passengers, {e} of them seriously, "
                "officials said."
            ),
            (
                "{a} people were injured when a regional train left the tracks near {place} "
                "on {weekday} morning, the national rail operator {org} said."
            ),
        ),
        body=(
            (
                "The {e}-car train left the tracks at {hour} while travelling at roughly {b} "
                "kilometres per hour, according to {org}."
            ),
            "Three of the cars tipped onto their sides.",
            (
                "Firefighters used cutting equipment to free {e} people trapped in the "
                "overturned cars, the city's fire service said."
            ),
            "The seriously injured passengers were taken to {place} General Hospital.",
            (
                "{p2}, {t2}, told reporters that investigators were examining a section of "
                "track that had been repaired in {month2}."
            ),
            "{p2s} said it was too early to name a cause.",
            (
                "{t1} {p1} said the government would pay for an independent inquiry and that "
                "its findings could be published within {b} days."
            ),
            (
                "Services on the line between {place} and {place2} are expected to resume on "
                "{weekday2}."
            ),
            (
                "{p1s}, who visited the scene in the afternoon, said she had asked {org} for "
                "a full record of maintenance work on the line since {month2}."
            ),
            "The accident is the second on the network this year.",
            (
                "In {month2}, a freight train derailed near {place2}, spilling about {d} "
                "litres of diesel into a drainage canal."
            ),
            (
                "A safety report published last year ranked {country}'s rail network among "
                "the most dangerous in the region, citing ageing signals."
            ),
            (
                "Unions have warned for years that maintenance crews on the {place} line "
                "were understaffed."
            ),
            "{org} carries about {d} passengers a day on its regional services.",
        ),
        quotes=(
            '"The whole carriage lurched and everyone fell at once," said {p3}, {age}, {t3}.',
            '"We will not reopen the line until we are certain it is safe," {p2s} said.',
        ),
    ),
    _Topic(
        name="water",
        t1="Water Minister",
        t2="chief executive of {company}",
        t3="a hydrologist at the University of {place2}",
        org="the {place} Water Authority",
        industry="Water Systems",
        thing="the desalination plant",
        headlines=(
            "{place} opens ${b} million desalination plant as reservoirs run low",
            "Drought-hit {place} turns to the sea for drinking water",
        ),
        leads=(
            (
                "{org} opened a ${b} million desalination plant on {weekday}, saying it "
                "would supply {b} million litres of drinking water a day."
            ),
            (
                "The city of {place} switched on a desalination plant on {weekday} after "
                "reservoir levels fell to {pct} percent of capacity, {org} said."
            ),
        ),
        body=(
            (
                "Reservoir levels stood at {pct} percent of capacity on {weekday2}, down from "
                "{pct2} percent a year earlier."
            ),
            "The region has had below-average rainfall in each of the past {e} years.",
            "{t1} {p1} said the plant could be expanded if demand keeps rising.",
            "The plant was built by {company}, which won the contract in {month2} {year}.",
            "{p2}, {t2}, said the plant used {pct2} percent less energy than older designs.",
            "Water bills will rise by about ${a} a month from {month2}, the authority said.",
            "{p3}, {t3}, said desalination alone would not solve the city's shortage.",
            "Repairing leaking water mains could save up to {a} million litres a day, {p3s} said.",
            (
                "Fishing groups have raised concerns about the brine the plant pumps back "
                "into the bay."
            ),
            "The authority said the brine was diluted within {c} metres of the outfall.",
            (
                "A second plant on the northern shore is expected to be approved at a "
                "meeting on {weekday2}."
            ),
            "About {d} households in {place} were placed on water restrictions last summer.",
        ),
        quotes=(
            '"This plant buys us time, but it does not make rain," {p3s} said.',
            '"Nobody in {place} should have to worry about turning on a tap," {p1s} said.',
        ),
    ),
    _Topic(
        name="rates",
        t1="Central bank governor",
        t2="chief economist at {company}",
        t3="an economist at the {place2} Institute of Economics",
        org="the Bank of {country}",
        industry="Capital",
        thing="the rate decision",
        headlines=(
            "{country}'s central bank raises rates to {pct}%, citing stubborn inflation",
            "Bank of {country} holds rates at {pct}% as growth slows",
        ),
        leads=(
            (
                "{org} raised its benchmark interest rate by {few} basis points to "
                "{pct} percent on {weekday}, its {ordinal} increase this year."
            ),
            (
                "{org} left its main interest rate unchanged at {pct} percent on {weekday}, "
                "saying inflation was easing more slowly than expected."
            ),
        ),
        body=(
            (
                "Annual inflation stood at {pct2} percent in {month2}, well above the bank's "
                "target of {e} percent."
            ),
            "{t1} {p1} said the bank was prepared to act again if price pressures persisted.",
            "The decision was taken by a vote of {e} to {few_small}, the bank said.",
            (
                "The {country} currency rose {small_pct} percent against the dollar after "
                "the announcement."
            ),
            "{p2}, {t2}, said the move had been widely expected by markets.",
            (
                "Higher borrowing costs have weighed on the housing market, where prices "
                "fell {small_pct} percent in the first quarter."
            ),
            "{p3}, {t3}, warned that further increases could push the economy into recession.",
            "The government forecasts growth of {small_pct} percent this year.",
            "Mortgage lenders in {place} said they would pass on the increase within {a} days.",
            "The bank's next policy meeting is scheduled for {month2} {day2}.",
            "Business groups in {place} have called for a pause in rate rises.",
            "Unemployment rose to {small_pct} percent in {month2}, official data showed.",
        ),
        quotes=(
            '"We will not declare victory over inflation too early," {p1s} said.',
            '"Households are already feeling the squeeze," {p3s} said.',
        ),
    ),
    _Topic(
        name="strike",
        t1="Labour Minister",
        t2="general secretary of the {place} Transport Workers' Union",
        t3="a commuter from {place2}",
        org="the {place} Transport Workers' Union",
        industry="Transit",
        thing="the strike",
        headlines=(
            "Transport workers in {place} walk out over pay",
            "{place} strike halts buses and trams for a {ordinal} day",
        ),
        leads=(
            (
                "About {d} bus and tram drivers in {place} went on strike on {weekday}, "
                "halting most public transport in the city, {org} said."
            ),
            (
                "A strike by transport workers shut down bus and tram services across "
                "{place} on {weekday} after talks over pay broke down overnight."
            ),
        ),
        body=(
            "The union is demanding a pay rise of {pct2} percent to keep up with prices.",
            "The city has offered {e} percent over two years.",
            "{p2}, {t2}, said drivers had not had a real pay rise in {e} years.",
            "{t1} {p1} urged both sides to return to talks.",
            "Only {a} of the city's {c} bus routes were running by midday.",
            "Traffic on the main roads into {place} was heavier than usual.",
            "{p3}, {t3}, said she had spent {few} hours trying to get to work.",
            "City officials said the strike was costing local businesses about ${b} million a day.",
            "The union has threatened further walkouts in {month2}.",
            "A mediator from the Labour Ministry is expected to meet both sides on {weekday2}.",
            "The last transport strike in {place}, in {year}, lasted {a} days.",
            "Schools in {place} told pupils to stay at home if they could not get to class safely.",
        ),
        quotes=(
            '"We are not asking for luxury, we are asking to pay our rent," {p2s} said.',
            '"Nobody wins from a city that cannot move," {p1s} said.',
        ),
    ),
    _Topic(
        name="flood",
        t1="Interior Minister",
        t2="head of the {country} Meteorological Service",
        t3="a shopkeeper in {place}",
        org="the {country} Civil Protection Agency",
        industry="Engineering",
        thing="the floods",
        headlines=(
            "Floods force {d} from their homes in {country}'s {prov} province",
            "Rivers burst their banks around {place} after record rain",
        ),
        leads=(
            (
                "Floods forced about {d} people from their homes in {prov} province on "
                "{weekday} after {b} millimetres of rain fell in {e} days, {org} said."
            ),
            (
                "The {place} river burst its banks on {weekday}, flooding the centre of "
                "{place} and cutting off {a} villages, officials said."
            ),
        ),
        body=(
            "At least {few} people were killed and {a} were missing, the agency said.",
            "Army helicopters lifted {c} people from rooftops in villages south of {place}.",
            "{t1} {p1} declared a state of emergency in {e} districts.",
            "{p2}, {t2}, said more heavy rain was forecast until {weekday2}.",
            "Power was cut to about {d} homes.",
            "The main road between {place} and {place2} was closed after a bridge was damaged.",
            "{p3}, {t3}, said the water had risen a metre in less than an hour.",
            "Emergency shelters were opened in {a} schools.",
            "Insurers estimated the damage at ${b} million.",
            "The region suffered similar floods in {year}.",
            "Environmental groups said the clearing of forests upstream had made the floods worse.",
            "The government said it would release emergency funds of ${b} million.",
        ),
        quotes=(
            '"We lost everything in one night," said {p3}, {t3}.',
            '"The rivers will stay high for days," {p2s} said.',
        ),
    ),
    _Topic(
        name="election",
        t1="Prime Minister",
        t2="leader of the opposition {party} party",
        t3="a political scientist at the University of {place2}",
        org="the {country} Electoral Commission",
        industry="Media",
        thing="the election",
        headlines=(
            "{country} ruling party wins {pct2}% in snap election",
            "{country} votes in tight election as cost of living bites",
        ),
        leads=(
            (
                "{country}'s governing party won {pct2} percent of the vote in {weekday}'s "
                "parliamentary election, according to preliminary results from {org}."
            ),
            (
                "Voters in {country} went to the polls on {weekday} in a parliamentary "
                "election dominated by rising prices and housing."
            ),
        ),
        body=(
            "Turnout was {pct2} percent, the commission said.",
            "{t1} {p1} told supporters in {place} that voters had chosen stability.",
            "{p2}, {t2}, conceded defeat late on {weekday}.",
            "The governing party is expected to hold {b} of the {c} seats in parliament.",
            "Final results are due on {weekday2}.",
            "Observers from a regional monitoring group said the vote was largely orderly.",
            "{p3}, {t3}, said the result reflected fears about the economy.",
            "The {party} party had campaigned on a promise to cut fuel taxes.",
            "Polling stations in {place2} stayed open an extra {few} hours because of long queues.",
            "A new government must be formed within {b} days.",
            "The election was called {few} months early after the coalition collapsed in {month2}.",
            "Turnout among voters under {b} fell sharply, the commission said.",
        ),
        quotes=(
            '"The people of {country} have spoken, and we will listen," {p1s} said.',
            '"This is not the end of our fight," {p2s} said.',
        ),
    ),
    _Topic(
        name="court",
        t1="Justice Minister",
        t2="a lawyer for the plaintiffs",
        t3="a law professor at the University of {place2}",
        org="the {country} Supreme Court",
        industry="Legal",
        thing="the ruling",
        headlines=(
            "{country} top court orders {company} to pay ${b} million over spill",
            "Court in {place} rules against {company} in pollution case",
        ),
        leads=(
            (
                "{org} ordered {company} on {weekday} to pay ${b} million in damages to "
                "{c} fishermen whose catches collapsed after an oil spill near {place}."
            ),
            (
                "A court in {place} ruled on {weekday} that {company} was responsible for "
                "polluting the river that supplies the city's drinking water."
            ),
        ),
        body=(
            "The spill, in {month2} {year}, released about {d} litres of oil into the bay.",
            "The judges ruled by {e} votes to {few_small}.",
            "{p2}, {t2}, called the decision a victory for coastal communities.",
            (
                "{company} said in a statement that it was studying the ruling and "
                "had not decided whether to appeal."
            ),
            "The company had argued that the spill was caused by a contractor.",
            "{t1} {p1} said the government would review safety rules for fuel terminals.",
            "{p3}, {t3}, said the ruling could open the door to similar claims.",
            "The fishermen had sought ${c} million.",
            "The case had been before the courts for {e} years.",
            "Clean-up work in the bay is expected to continue until {month2}.",
            "Shares in {company} fell {small_pct} percent after the ruling.",
            "The court also ordered the company to fund a monitoring programme for {a} years.",
        ),
        quotes=(
            '"For the first time, the people of {place} have been heard," {p2s} said.',
            '"Companies now know that a spill has a price," {p3s} said.',
        ),
    ),
    _Topic(
        name="health",
        t1="Health Minister",
        t2="director of {place} General Hospital",
        t3="an epidemiologist at the University of {place2}",
        org="the {country} Public Health Institute",
        industry="Pharma",
        thing="the outbreak",
        headlines=(
            "{country} reports {c} cases of measles as outbreak spreads",
            "Measles outbreak in {place} prompts school vaccination drive",
        ),
        leads=(
            (
                "{country} has recorded {c} cases of measles since {month2}, most of them "
                "in and around {place}, {org} said on {weekday}."
            ),
            (
                "Health authorities in {place} launched a vaccination drive in schools on "
                "{weekday} after {a} new measles cases were reported in a week."
            ),
        ),
        body=(
            "{few} children have been admitted to hospital, {e} of them in intensive care.",
            (
                "Vaccination rates in the region have fallen to {pct2} percent, well below "
                "the level needed to stop the virus spreading."
            ),
            "{t1} {p1} said mobile clinics would visit {a} towns in the coming weeks.",
            "{p2}, {t2}, said the hospital had opened an extra isolation ward.",
            "{p3}, {t3}, said the outbreak could last until {month2}.",
            "Parents were urged to check their children's vaccination records.",
            "The institute said {b} percent of cases were in children under {few_big}.",
            "Schools in {place} will require proof of vaccination from {month2}.",
            "The country was declared free of measles in {year}.",
            "Doctors blamed misinformation spread online for the drop in vaccinations.",
            "The government has ordered {d} extra doses of the vaccine.",
            "Neighbouring {country2} has also reported a rise in cases.",
        ),
        quotes=(
            '"Every one of these cases could have been prevented," {p1s} said.',
            '"Our wards are full, and our staff are tired," {p2s} said.',
        ),
    ),
    _Topic(
        name="wildfire",
        t1="Emergency Services Minister",
        t2="chief of the {prov} Fire Service",
        t3="a farmer near {place}",
        org="the {prov} Fire Service",
        industry="Forestry",
        thing="the wildfire",
        headlines=(
            "Wildfire near {place} forces evacuation of {d} residents",
            "Firefighters battle blaze in {prov} hills as winds pick up",
        ),
        leads=(
            (
                "A wildfire in the hills above {place} forced about {d} residents to leave "
                "their homes on {weekday}, {org} said."
            ),
            (
                "More than {c} firefighters were battling a wildfire in {prov} province on "
                "{weekday} as strong winds pushed the flames towards {place}."
            ),
        ),
        body=(
            "The fire has burned about {d} hectares since it started on {weekday2}.",
            "{a} homes have been destroyed.",
            "{p2}, {t2}, said the fire was only {pct2} percent contained.",
            "Water-bombing aircraft from {country2} joined the effort on {weekday}.",
            "{t1} {p1} said the cause of the fire was under investigation.",
            "{p3}, {t3}, said he had lost most of his olive trees.",
            "Temperatures in the region have exceeded {b} degrees Celsius for {e} days.",
            "The motorway between {place} and {place2} was closed.",
            "Smoke from the fire could be seen from {place2}, {b} kilometres away.",
            "Police arrested a man suspected of starting the fire by burning rubbish.",
            "Evacuation centres were set up in {a} sports halls.",
            "Forecasters said rain was not expected before {weekday2}.",
        ),
        quotes=(
            '"The wind changes every hour, and so does our plan," {p2s} said.',
            '"I have lived here for {b} years and never seen anything like it," {p3s} said.',
        ),
    ),
    _Topic(
        name="trade",
        t1="Trade Minister",
        t2="head of the {country} Chamber of Commerce",
        t3="a trade economist at {company}",
        org="the {country} Trade Ministry",
        industry="Trading",
        thing="the trade agreement",
        headlines=(
            "{country} and {country2} sign trade pact cutting tariffs on {e} goods",
            "{country} strikes trade deal with {country2} after {e} years of talks",
        ),
        leads=(
            (
                "{country} and {country2} signed a trade agreement in {place} on {weekday} "
                "that will remove tariffs on about {pct2} percent of the goods they trade."
            ),
            (
                "{country} reached a trade deal with {country2} on {weekday} after {e} years "
                "of negotiations, {org} said."
            ),
        ),
        body=(
            "Trade between the two countries was worth ${b} billion last year.",
            "{t1} {p1} said the deal would create about {d} jobs.",
            "Tariffs on farm products will be phased out over {e} years.",
            "{p2}, {t2}, welcomed the agreement.",
            "Farmers' groups in {country} said they feared competition from cheaper imports.",
            "{p3}, {t3}, said the gains would be modest in the short term.",
            "The agreement must be ratified by both parliaments.",
            "It is expected to take effect in {month2} {year2}.",
            "The deal includes rules on digital trade and public procurement.",
            "Exports of machinery from {country} are expected to rise by {pct2} percent.",
            "{country2} is {country}'s {ordinal} largest trading partner.",
            "Talks had stalled in {year} over fishing rights.",
        ),
        quotes=(
            '"This is a good day for our exporters," {p1s} said.',
            '"The details will matter more than the ceremony," {p3s} said.',
        ),
    ),
    _Topic(
        name="mining",
        t1="Mining Minister",
        t2="chief executive of {company}",
        t3="a spokesman for the {place} residents' association",
        org="{company}",
        industry="Mining",
        thing="the copper mine",
        headlines=(
            "{company} wins approval for ${b} million copper mine near {place}",
            "Residents of {place} protest against planned copper mine",
        ),
        leads=(
            (
                "{company} won government approval on {weekday} for a ${b} million copper "
                "mine near {place}, the {t1_lower}'s office said."
            ),
            (
                "Several hundred residents of {place} protested on {weekday} against a "
                "copper mine planned by {company}, police said."
            ),
        ),
        body=(
            "The mine is expected to produce about {d} tonnes of copper a year.",
            "Construction is due to begin in {month2} and take {e} years.",
            "{p2}, {t2}, said the project would employ {c} people.",
            "{t1} {p1} said the mine met the country's environmental standards.",
            "{p3}, {t3}, said the mine would use water the town needs for farming.",
            "The company has promised to build a water treatment plant.",
            "Copper prices have risen {pct2} percent this year on demand for electric vehicles.",
            "The mine will pay about ${b} million a year in royalties.",
            "Environmental groups said they would challenge the approval in court.",
            "{company} operates {few} other mines in {country}.",
            "The site lies {b} kilometres from the {place2} nature reserve.",
            "A public consultation drew more than {d} submissions.",
        ),
        quotes=(
            '"This mine will bring jobs that stay in {place}," {p2s} said.',
            '"They want our water and our land, and they offer us dust," {p3s} said.',
        ),
    ),
    _Topic(
        name="harvest",
        t1="Agriculture Minister",
        t2="president of the {country} Farmers' Union",
        t3="a grain trader in {place2}",
        org="the {country} Agriculture Ministry",
        industry="Foods",
        thing="the harvest",
        headlines=(
            "Drought cuts {country} wheat harvest by {pct2}%",
            "{country} farmers count losses after dry summer",
        ),
        leads=(
            (
                "{country}'s wheat harvest will fall by about {pct2} percent this year after "
                "a drought in the {prov} plains, {org} said on {weekday}."
            ),
            (
                "Farmers around {place} began harvesting a wheat crop on {weekday} that "
                "officials expect to be the smallest in {e} years."
            ),
        ),
        body=(
            "The ministry forecast a crop of {d} tonnes, down from {d2} tonnes last year.",
            (
                "{t1} {p1} said the government would compensate farmers who lost more than "
                "half of their crop."
            ),
            "{p2}, {t2}, said the support came too late for many.",
            "Bread prices in {place} have risen {small_pct} percent since {month2}.",
            (
                "{p3}, {t3}, said {country} would have to import grain for the first time "
                "since {year}."
            ),
            "Rainfall in the region was {pct2} percent below the long-term average.",
            "Some farmers have started selling livestock because they cannot afford feed.",
            "The ministry said it would release {c} tonnes from state reserves.",
            "Maize and sunflower crops were also hit.",
            "Irrigation covers only {pct2} percent of farmland in the province.",
            "The government plans to spend ${b} million on new irrigation channels.",
            "Exports of wheat will be limited until {month2}.",
        ),
        quotes=(
            '"The soil is like stone," said {p2}, {t2}.',
            '"Prices will stay high until the next harvest," {p3s} said.',
        ),
    ),
    _Topic(
        name="factory",
        t1="Industry Minister",
        t2="head of {company}'s operations in {country}",
        t3="a shop steward at the plant",
        org="{company}",
        industry="Motors",
        thing="the plant closure",
        headlines=(
            "{company} to close {place} plant, cutting {c} jobs",
            "{company} shuts {place} factory as demand slumps",
        ),
        leads=(
            (
                "{company} said on {weekday} it would close its factory in {place} by "
                "{month2}, cutting {c} jobs, as demand for its vehicles slumps."
            ),
            (
                "Carmaker {company} will shut its plant in {place} next year with the loss "
                "of {c} jobs, the company said on {weekday}."
            ),
        ),
        body=(
            "The plant built {d} cars last year, down from {d2} five years ago.",
            "{p2}, {t2}, said the decision had been difficult.",
            "Production will move to a larger site in {country2}.",
            "{t1} {p1} said the government would try to find a buyer for the site.",
            "{p3}, {t3}, said workers had learned of the closure from the news.",
            "The factory is the largest private employer in {place}.",
            "Unions called a meeting of workers for {weekday2}.",
            "The company said it would offer retraining to all staff.",
            "Suppliers in the region employ about {d} more people.",
            "Shares in {company} rose {small_pct} percent on the news.",
            "The plant opened in {year} with government support.",
            "Local officials said they had not been consulted.",
        ),
        quotes=(
            '"This town was built around that factory," {p3s} said.',
            '"We will not let {place} be forgotten," {p1s} said.',
        ),
    ),
    _Topic(
        name="bridge",
        t1="Infrastructure Minister",
        t2="project director at {company}",
        t3="a ferry operator in {place2}",
        org="the {country} Roads Agency",
        industry="Construction",
        thing="the bridge",
        headlines=(
            "{place} opens ${b} million bridge across the straits",
            "New bridge links {place} to {place2} after {e} years of work",
        ),
        leads=(
            (
                "A ${b} million road bridge linking {place} and {place2} opened on "
                "{weekday}, cutting the journey between the two cities to {a} minutes, "
                "{org} said."
            ),
            (
                "{t1} {p1} opened a {few}-kilometre bridge between {place} and {place2} on "
                "{weekday}, {e} years after work began."
            ),
        ),
        body=(
            "About {d} vehicles a day are expected to use the bridge.",
            "The bridge was built by {company} and cost {pct2} percent more than planned.",
            "{p2}, {t2}, said the delays were caused by storms and a shortage of steel.",
            "Drivers will pay a toll of ${a} each way.",
            "{p3}, {t3}, said the ferry service would probably close.",
            "The bridge has a cycle lane and a footpath.",
            "{t1} {p1} said the bridge would bring investment to the region.",
            "The old ferry crossing took about {b} minutes.",
            "Environmental groups said construction had damaged seagrass beds.",
            "Tolls will be reviewed in {year2}.",
            "A rail line across the straits is being studied.",
            "The opening ceremony was attended by about {c} people.",
        ),
        quotes=(
            '"This bridge joins two cities that were always one region," {p1s} said.',
            '"My family ran this ferry for {b} years," {p3s} said.',
        ),
    ),
)
TOPICS: Final = tuple(t.name for t in _T)
"""The topics of the stories, in the order they are drawn from."""

_GENERAL: Final = (
    "{org} said it would publish a full report by {month2}.",
    "Officials said further details would be released on {weekday2}.",
    "{p1s} is due to brief parliament on {thing} next week.",
    "The opposition called for an independent review of {thing}.",
    "Local media reported that {a} people had been questioned.",
    "A spokeswoman for {org} declined to comment further.",
    "The government has faced criticism over its handling of {thing}.",
    "{p2s} said he expected more information within {few} days.",
    "The mayor of {place}, {p4}, said the city would support those affected.",
    "{p4s} said the council would hold a public meeting on {weekday2}.",
    "Around {c} people attended a meeting in {place} on the issue last month.",
    "The figures could not be independently verified.",
    "Authorities in {place2} said they were watching the situation closely.",
    "{place} has a population of about {d}.",
    "The city lies about {b} kilometres from the capital.",
    "A similar case in {place2} in {year} led to new rules.",
    "Opinion polls suggest most residents support the government's approach.",
    "The issue is likely to feature in debates before local elections in {month2}.",
    "{org} was set up in {year}.",
    "Critics say {org} lacks the staff to deal with problems of this scale.",
    "The European representative of {company} said it was following events.",
    "Residents said they had raised concerns with officials months ago.",
    "A hotline has been set up for people seeking information.",
    "The prime minister's office said it was being kept informed.",
    "The {country} parliament is expected to debate the matter on {weekday2}.",
    "{p1s} said lessons had to be learned.",
    "A report published in {month2} had warned of the risks.",
    "The regional government said it had set aside ${b} million for the response.",
    "Newspapers in {place} devoted their front pages to {thing} on {weekday2}.",
    "Businesses in the area reported a fall in trade.",
    "Insurance companies said claims were rising.",
    "The next update is expected on {weekday2} morning.",
)

_PARTIES: Final = (
    "Civic Union Renewal Progress Liberty Unity Solidarity Forward Green Labour".split()
)
_ORDINALS: Final = "second third fourth fifth sixth seventh".split()

# --- rewriting ---------------------------------------------------------------------------

_SYNONYMS: Final = (
    ("said", ("stated", "noted", "explained", "told reporters")),
    ("announced", ("unveiled", "revealed")),
    ("approved", ("backed", "cleared")),
    ("about", ("around", "roughly", "some", "nearly")),
    ("expected to", ("set to", "likely to", "due to")),
    ("officials", ("authorities",)),
    ("injured", ("hurt", "wounded")),
    ("government", ("administration", "authorities")),
    ("residents", ("locals", "inhabitants")),
    ("workers", ("employees", "staff")),
    ("company", ("firm", "group")),
    ("began", ("started",)),
    ("would", ("will", "could")),
    ("rose", ("climbed", "increased")),
    ("fell", ("dropped", "declined")),
    ("people", ("individuals", "persons")),
    ("children", ("youngsters", "minors")),
    ("called for", ("demanded", "urged")),
    ("percent", ("per cent", "%")),
    ("meeting", ("session",)),
    ("damage", ("destruction",)),
    ("criticism", ("fire", "scrutiny")),
    ("closed", ("shut",)),
    ("city", ("town",)),
    ("opened", ("inaugurated", "launched")),
    ("the region", ("the area",)),
    ("warned", ("cautioned",)),
    ("more than", ("over",)),
)
_SYNONYM_RES: Final = tuple(
    (re.compile(rf"\b{re.escape(word)}\b"), options) for word, options in _SYNONYMS
)
_SAID_FIRST_RE: Final = re.compile(
    r"^(?P<who>[A-Z][^,\"]{2,80}?) said (?:that )?(?P<what>[^\"]+)\.$"
)
_SAID_LAST_RE: Final = re.compile(r"^(?P<what>[^\"]+), (?P<who>[^,\"]{2,80}) said\.$")
_ATTRIBUTION_TAIL_RE: Final = re.compile(
    r", (?:officials|the (?:agency|authority|company|bank|ministry|union|commission) "
    r"said|police) said\.$|, (?:the [\w' ]+|[\w ]+) said\.$"
)
_WEEKDAY_RE: Final = re.compile(
    r" on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_APPOSITION_RE: Final = re.compile(r", (?:who|which) [^,]+,")
_LOWER_FIRST: Final = frozenset("The A An It Its There This Three About More Only".split())

_FRAMING: Final = (
    "The decision marks a turning point for the region.",
    "Critics were quick to point out that similar promises have been made before.",
    "Observers say the coming weeks will be decisive.",
    "It remains unclear how the plan will be paid for.",
    "For many residents, the news came as no surprise.",
    "The development has sparked a heated debate on social media.",
    "Experts warn that the consequences could be felt for years.",
    "Many see it as a test of the government's credibility.",
    "The move is widely seen as long overdue.",
    "Questions remain about who knew what, and when.",
    "It is a story that has gripped the whole country.",
    "Here is what we know so far.",
    "The stakes could hardly be higher.",
    "Analysts say the episode exposes deeper problems.",
    "What happens next is anyone's guess.",
    "The authorities have been keen to project calm.",
    "Not everyone is convinced.",
    "The timing has raised eyebrows.",
)
_REWRITE_TITLES: Final = (
    "What we know about {thing} in {place}",
    "{place}: the questions behind {thing}",
    "Why {thing} matters for {place}",
    "{place} in the spotlight",
    "Everything you need to know about {thing}",
)
_ROUNDUP_TITLES: Final = (
    "The week in brief: {place} and {place_b}",
    "From {place} to {place_b}: today's main stories",
    "News roundup: {place}, {place_b}",
)
_SEGUES: Final = ("Elsewhere, ", "Meanwhile, ", "In other news, ", "Separately, ")


@attrs.frozen
class Story:
    """A fictional wire story.

    Attributes:
        id: Its identifier, ``"w{seed}-{index:06d}"``.
        text: The story: headline, dateline and body, and the agency's sign-off.
        topic: One of :data:`TOPICS`.
        agency: The agency credited (one of :data:`AGENCIES`).
        published: Its date, ISO format.
        sentences: Its body sentences, as written in the text (for rewriting).
        place: The town it is datelined in.
    """

    id: str
    text: str
    topic: str
    agency: str
    published: str
    sentences: tuple[str, ...] = attrs.field(repr=False)
    place: str
    thing: str = attrs.field(repr=False)

    def record(self) -> dict[str, str]:
        """The story as a JSON Lines record for ``sourcecompare index add``."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published,
            "agency": self.agency,
            "topic": self.topic,
        }


@attrs.frozen
class Derivative:
    """A rewrite of one or more wire stories.

    Attributes:
        id: Its identifier.
        text: The rewrite.
        sources: Ids of the stories it draws on, the one it draws on most first.
        kept: For each source, how many of its sentences the rewrite carries.
        framing: How many sentences it adds that no source has.
    """

    id: str
    text: str
    sources: tuple[str, ...]
    kept: tuple[int, ...]
    framing: int


# --- stories -----------------------------------------------------------------------------


def _person(rng: random.Random) -> tuple[str, str]:
    surname = rng.choice(SURNAMES)
    return f"{rng.choice(FIRST_NAMES)} {surname}", surname


_NUMBERS: Final = {
    "weekday": lambda rng: rng.choice(_WEEKDAYS),
    "weekday2": lambda rng: rng.choice(_WEEKDAYS),
    "month2": lambda rng: rng.choice(_MONTHS),
    "day2": lambda rng: str(rng.randint(1, 28)),
    "year": lambda rng: str(rng.randint(1998, 2022)),
    "year2": lambda rng: str(rng.randint(2026, 2031)),
    "hour": lambda rng: f"{rng.randint(5, 11)}:{rng.randrange(0, 60, 5):02d} a.m.",
    "a": lambda rng: str(rng.randint(3, 39)),
    "b": lambda rng: str(rng.randint(40, 95)),
    "c": lambda rng: str(rng.randint(110, 990)),
    "d": lambda rng: f"{rng.randint(1, 98)},{rng.randrange(0, 1000, 100):03d}",
    "d2": lambda rng: f"{rng.randint(100, 990)},{rng.randrange(0, 1000, 50):03d}",
    "e": lambda rng: rng.choice(_NUMBER_WORDS),
    "few": lambda rng: str(rng.randint(2, 9)),
    "few_small": lambda rng: rng.choice(("one", "two")),
    "few_big": lambda rng: str(rng.randint(10, 16)),
    "pct": lambda rng: f"{rng.randint(1, 29)}.{rng.randint(1, 9)}",
    "pct2": lambda rng: str(rng.randint(11, 79)),
    "small_pct": lambda rng: f"{rng.randint(0, 4)}.{rng.randint(1, 9)}",
    "age": lambda rng: str(rng.randint(19, 78)),
    "ordinal": lambda rng: rng.choice(_ORDINALS),
}
"""Slots drawn afresh at each use: figures, dates and days differ from one sentence to
the next, as they do in real stories (names and places stay the same)."""


class _Slots(dict[str, str]):
    """A story's slot values; figures and dates are drawn afresh for each use."""

    def __init__(self, rng: random.Random) -> None:
        super().__init__()
        self.rng = rng

    def __missing__(self, key: str) -> str:
        return _NUMBERS[key](self.rng)


def _fields(rng: random.Random, topic: _Topic) -> _Slots:
    """The slot values of one story: the same person, place or figure every time."""
    place, place2, place_b = rng.sample(PLACES, 3)
    country, country2 = rng.sample(COUNTRIES, 2)
    company = f"{rng.choice(_COMPANY_HEADS)} {topic.industry} {rng.choice(_COMPANY_TAILS)}"
    people = [_person(rng) for _ in range(4)]
    fields = _Slots(rng)
    fields.update(
        place=place,
        place2=place2,
        place_b=place_b,
        country=country,
        country2=country2,
        prov=rng.choice(PLACES),
        company=company,
        party=rng.choice(_PARTIES),
    )
    for number, (full, surname) in enumerate(people, start=1):
        fields[f"p{number}"] = full
        fields[f"p{number}s"] = surname
    fields["t1_lower"] = topic.t1.lower()
    # Titles and organisations hold slots themselves ("{country} Railways").
    for name in ("t2", "t3", "org", "thing"):
        fields[name] = getattr(topic, name).format_map(fields)
    fields["t1"] = topic.t1
    return fields


def _fill(template: str, fields: _Slots) -> str:
    text = template.format_map(fields)
    return text[0].upper() + text[1:]


def _dateline(agency: str, fields: _Slots, month: str, day: int) -> str:
    place = fields["place"].upper()
    if agency == "AP":
        return f"{place}, {fields['country']} (AP) — "
    if agency == "Xinhua":
        return f"{place}, {month} {day} (Xinhua) -- "
    if agency == "AFP":
        return f"{fields['place']} ({fields['country']}) (AFP) - "
    if agency == "PA":
        return ""
    return f"{place}, {month} {day} ({agency}) - "


def _signoff(agency: str, rng: random.Random) -> str | None:
    if agency == "Reuters":
        first, second = _person(rng)[0], _person(rng)[0]
        return f"(Reporting by {first}; Editing by {second})"
    if agency == "AP":
        return f"Associated Press writer {_person(rng)[0]} contributed to this report."
    if agency == "PA":
        return "PA"
    if agency == "dpa":
        return "dpa"
    return None


def _story(rng: random.Random, story_id: str, sentences: int | None) -> Story:
    topic = rng.choice(_T)
    fields = _fields(rng, topic)
    agency = rng.choice(AGENCIES)
    year = rng.randint(2019, 2025)
    month_index = rng.randrange(12)
    day = rng.randint(1, 28)
    published = f"{year}-{month_index + 1:02d}-{day:02d}"
    count = sentences if sentences is not None else rng.randint(10, 18)
    body = list(topic.body)
    quotes = list(topic.quotes)
    general = list(_GENERAL)
    # Topic sentences first, in their narrative order; then quotes and general ones.
    wanted = max(0, count - 1)
    take_body = min(len(body), max(wanted - len(quotes) - 2, int(wanted * 0.7)))
    chosen = [body[k] for k in sorted(rng.sample(range(len(body)), take_body))]
    extra = rng.sample(quotes, min(len(quotes), max(0, wanted - len(chosen))))
    rest = max(0, wanted - len(chosen) - len(extra))
    extra += rng.sample(general, min(len(general), rest))
    for template in extra:
        chosen.insert(rng.randint(2, len(chosen)) if len(chosen) > 2 else len(chosen), template)
    lead = _fill(rng.choice(topic.leads), fields)
    filled = [lead, *(_fill(t, fields) for t in chosen)]
    headline = _fill(rng.choice(topic.headlines), fields)
    month = (_SHORT_MONTHS if agency in ("AP", "Xinhua") else _MONTHS)[month_index]
    paragraphs = [_dateline(agency, fields, month, day) + filled[0]]
    position = 1
    while position < len(filled):
        size = 1 if rng.random() < 0.55 else 2
        paragraphs.append(" ".join(filled[position : position + size]))
        position += size
    signoff = _signoff(agency, rng)
    if signoff is not None:
        paragraphs.append(signoff)
    text = headline + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return Story(
        id=story_id,
        text=text,
        topic=topic.name,
        agency=agency,
        published=published,
        sentences=tuple(filled),
        place=fields["place"],
        thing=fields["thing"],
    )


def story(index: int, seed: int = 0, *, sentences: int | None = None) -> Story:
    """Story *index* of the corpus of *seed*; the same story every time.

    Args:
        index: Its position in the corpus (0 for the first).
        seed: Which corpus.
        sentences: How many sentences to write (about 50 at most); 10 to 18 at random
            when not given.
    """
    rng = random.Random(f"sourcecompare-corpus:{seed}:{index}:{sentences}")
    return _story(rng, f"w{seed}-{index:06d}", sentences)


def wire_stories(n: int, seed: int = 0, *, sentences: int | None = None) -> Iterator[Story]:
    """The first *n* stories of the corpus of *seed* (``story(i, seed)`` for i < n)."""
    for index in range(n):
        yield story(index, seed, sentences=sentences)


def write_jsonl(stories: Iterable[Story], path: str | Path) -> int:
    """Write *stories* to *path* as JSON Lines (:meth:`Story.record`); return how many."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for item in stories:
            out.write(json.dumps(item.record(), ensure_ascii=False) + "\n")
            count += 1
    return count


# --- rewrites ----------------------------------------------------------------------------


def _paraphrase(sentence: str, rng: random.Random) -> str:
    """Reword one sentence the way rewriters do, keeping names and most figures."""
    text = sentence
    if text.startswith('"'):
        return text if rng.random() < 0.7 else _SAID_LAST_RE.sub(r"\g<what>, \g<who> said.", text)
    roll = rng.random()
    said_first = _SAID_FIRST_RE.match(text)
    said_last = _SAID_LAST_RE.match(text)
    if said_first and roll < 0.5:
        what = said_first.group("what")
        text = f"{what[0].upper()}{what[1:]}, {said_first.group('who')} said."
    elif said_last and roll < 0.35:
        what = said_last.group("what")
        first = what.split(" ", 1)[0]
        if first in _LOWER_FIRST:
            what = what[0].lower() + what[1:]
        text = f"{said_last.group('who')} said {what}."
    elif roll < 0.6:
        text = _ATTRIBUTION_TAIL_RE.sub(".", text)
    if rng.random() < 0.5:
        text = _WEEKDAY_RE.sub("" if rng.random() < 0.5 else " this week", text)
    if rng.random() < 0.3:
        text = _APPOSITION_RE.sub(",", text).replace(",,", ",")
    for pattern, options in _SYNONYM_RES:
        if rng.random() < 0.45:
            text = pattern.sub(lambda _m, o=options: rng.choice(o), text, count=1)
    return text[0].upper() + text[1:]


_SYLLABLES: Final = (
    "ba",
    "cor",
    "del",
    "fen",
    "gar",
    "hol",
    "ist",
    "jen",
    "kal",
    "lum",
    "mor",
    "nev",
    "osk",
    "pra",
    "quel",
    "rin",
    "sor",
    "tav",
    "ul",
    "vex",
)


_CLOSING: Final = ".!?\"'\u201d\u2019) "


def _coined(rng: random.Random) -> str:
    """A made-up lower-case word (one of 160,000), for :func:`_vary`."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(4))


def _vary(sentence: str, rng: random.Random) -> str:
    """*sentence* with a made-up word before its closing punctuation.

    At the end, where it splits no name and no quotation from its speaker: rewrites
    with it share no sentence, and cost about what they did without it.
    """
    body = sentence.rstrip(_CLOSING)
    return f"{body} {_coined(rng)}{sentence[len(body) :]}"


def _select(item: Story, keep: int, rng: random.Random, *, vary: bool = False) -> list[str]:
    """*keep* of the story's sentences (always its lead), paraphrased, near their order.

    With *vary*, each one the paraphrase changed has a made-up word too (see
    :func:`rewrite`).
    """
    count = len(item.sentences)
    keep = max(1, min(keep, count))
    others = sorted(rng.sample(range(1, count), keep - 1)) if keep > 1 else []
    order = [0, *others]
    for k in range(1, len(order) - 1):
        if rng.random() < 0.2:
            order[k], order[k + 1] = order[k + 1], order[k]
    chosen = []
    for k in order:
        text = _paraphrase(item.sentences[k], rng)
        chosen.append(_vary(text, rng) if vary and text != item.sentences[k] else text)
    return chosen


def _paragraphs(sentences: Sequence[str], rng: random.Random) -> list[str]:
    paragraphs = []
    position = 0
    while position < len(sentences):
        size = rng.choice((1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[position : position + size]))
        position += size
    return paragraphs


def _with_framing(
    sentences: list[str], count: int, rng: random.Random, *, vary: bool = False
) -> list[str]:
    result = list(sentences)
    for framing in rng.sample(_FRAMING, min(count, len(_FRAMING))):
        result.insert(rng.randint(1, len(result)), _vary(framing, rng) if vary else framing)
    return result


def rewrite(
    stories: Story | Sequence[Story],
    rng: random.Random,
    *,
    sentences: int | None = None,
    framing: int | None = None,
    doc_id: str | None = None,
    vary: bool = False,
) -> Derivative:
    """A rewrite of one wire story, or a roundup of two (or more), with known sources.

    Args:
        stories: The story, or the stories to combine.
        rng: The random source (the rewrite is fixed by its state).
        sentences: About how many sentences to write in all (framing included); by
            default 50 to 85 percent of the sources' sentences, plus the framing.
        framing: How many added sentences that no source has; 1 to 3 by default.
        doc_id: Its id; ``"r-"`` and the sources' ids by default.
        vary: Put a made-up word in the headline, each framing sentence and each
            sentence the paraphrase changed, so that rewrites of one story share
            only the sentences they copy unchanged (a rewrite is then not the same
            as without *vary*, even where it has no made-up word). Without it, the
            rewrites of a story draw on few enough wordings that thousands of them
            repeat each other's sentences, which flatters any cache keyed by text.

    Returns:
        The :class:`Derivative`; ``sources`` lists the stories by how many of their
        sentences it carries, most first (ties in the order given).
    """
    given = [stories] if isinstance(stories, Story) else list(stories)
    if not given:
        msg = "rewrite() needs at least one story"
        raise ValueError(msg)
    added = framing if framing is not None else rng.randint(1, 3)
    total = sum(len(s.sentences) for s in given)
    if sentences is None:
        budget = max(len(given), round(total * rng.uniform(0.5, 0.85)))
    else:
        budget = max(len(given), sentences - added)
    # Share the budget between the sources, in proportion to their length.
    keeps = [max(1, round(budget * len(s.sentences) / total)) for s in given]
    parts = [_select(s, k, rng, vary=vary) for s, k in zip(given, keeps, strict=True)]
    if len(given) == 1:
        body = _with_framing(parts[0], added, rng, vary=vary)
        title = rng.choice(_REWRITE_TITLES).format(thing=given[0].thing, place=given[0].place)
        paragraphs = _paragraphs(body, rng)
    else:
        blocks = []
        for number, part in enumerate(parts):
            lines = list(part)
            if number:
                segue = rng.choice(_SEGUES)
                lines[0] = (
                    segue + lines[0][0].lower() + lines[0][1:]
                    if lines[0][:2]
                    in (
                        "A ",
                        "Th",
                    )
                    else segue + lines[0]
                )
            blocks.append(_paragraphs(_with_framing(lines, 0, rng), rng))
        if rng.random() < 0.3:  # alternate paragraphs rather than one block each
            paragraphs = [p for group in zip(*blocks, strict=False) for p in group]
            longest = max(len(b) for b in blocks)
            for block in blocks:
                paragraphs += block[min(len(b) for b in blocks) : longest]
        else:
            paragraphs = [p for block in blocks for p in block]
        for framing_sentence in rng.sample(_FRAMING, min(added, len(_FRAMING))):
            added_text = _vary(framing_sentence, rng) if vary else framing_sentence
            paragraphs.insert(rng.randint(1, len(paragraphs)), added_text)
        title = rng.choice(_ROUNDUP_TITLES).format(place=given[0].place, place_b=given[1].place)
    if vary:
        title = _vary(title, rng)
    order = sorted(range(len(given)), key=lambda k: -keeps[k])
    return Derivative(
        id=doc_id or "r-" + "+".join(s.id for s in given),
        text=title + "\n\n" + "\n\n".join(paragraphs) + "\n",
        sources=tuple(given[k].id for k in order),
        kept=tuple(keeps[k] for k in order),
        framing=added,
    )


def long_pair(seed: int = 0, *, sentences: int = 40) -> tuple[Story, Derivative]:
    """A long wire story and a rewrite of about *sentences* sentences drawn from it.

    The wire has about a fifth more sentences than the rewrite (at most about 50, so
    *sentences* is at most about 42).
    """
    wire = story(0, seed=10_000 + seed, sentences=round(sentences * 1.2) + 1)
    rng = random.Random(f"sourcecompare-long:{seed}:{sentences}")
    added = max(1, sentences // 10)
    return wire, rewrite(wire, rng, sentences=sentences, framing=added)
