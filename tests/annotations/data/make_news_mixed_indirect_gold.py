#!/usr/bin/env python3
"""Build news_mixed_indirect_gold.jsonl: self-written news passages with gold mixed quotations and
indirect speech (`other_attributions`) next to their direct quotes.

Every passage is invented for this set (names, places, organisations, figures); none is copied from an
article or from another gold file. The passages were written before the mixed and indirect rules were
changed for them. They hold reported clauses after said/told/warned/argued/claimed/noted/admitted/...,
"according to X, ..." and "..., according to X", clauses before their cue ("..., the council said"),
a cue inside its clause ("Schools, he said, were ..."), "asked whether", quoted fragments inside a
reported clause ("said the plan was “dead on arrival”"), naming verbs ("called it “...”", "described X
as “...”"), "vowed to “...”", beliefs without a speech cue ("many families believe ..."), and
negatives: "told the story of", "asked for a minute's silence", "declined to comment". Run from anywhere:

    python tests/annotations/data/make_news_mixed_indirect_gold.py

Gold conventions (direct quotes as in make_news_dev_gold.py; `other_attributions` as `redline eval`
reads them):
- an indirect attribution's content is the reported clause without its "that" and without the
  sentence's full stop; a clause interrupted by its cue ("Schools, he said, were ...") has two spans;
- a mixed attribution's content is the reported clause holding the quoted fragment, quotation marks
  included; after a naming verb it is the named thing plus the fragment ("the cut as “...”");
- speaker is the cue's subject as written nearest the cue (the name when a title is in apposition to
  it, without an honorific); cue is the reporting word(s) as written;
- the quoted fragments of mixed attributions are also listed as non_quotes (kind "mixed"): they are
  not direct quotes.

Offsets are computed with str.index and asserted (gold_helpers.py).
"""

from gold_helpers import ind, mixed, nq, q, write_mixed_indirect_gold

CASES = [
    # 1 said that; called X “…”; and said X were “…”; described X as “…”; told the chamber (no that)
    dict(
        text="Harbour Council leader Nadia Okafor said on Tuesday that the ferry subsidy would be cut by a third "
        "from April. Okafor called the decision \u201cpainful but unavoidable\u201d and said ferry users had been "
        "\u201cshielded for too long\u201d.\n\n"
        "The opposition leader, Dev Brannigan, described the cut as \u201can act of vandalism\u201d. He told the "
        "council chamber that islanders would be left stranded in winter.\n\n"
        "\u201cPeople on Rona will not be able to get to hospital,\u201d Brannigan said.",
        quotes=[q("People on Rona will not be able to get to hospital,", "Brannigan", "said",
                  s_ctx="Brannigan said", c_ctx="Brannigan said")],
        non_quotes=[nq("painful but unavoidable", "mixed"), nq("shielded for too long", "mixed"),
                    nq("an act of vandalism", "mixed")],
        other=[
            ind("the ferry subsidy would be cut by a third from April", "Nadia Okafor", "said",
                c_ctx="said on Tuesday"),
            mixed("the decision \u201cpainful but unavoidable\u201d", "Okafor", "called", s_ctx="Okafor called"),
            mixed("ferry users had been \u201cshielded for too long\u201d", "Okafor", "said", s_ctx="Okafor called",
                  c_ctx="and said ferry"),
            mixed("the cut as \u201can act of vandalism\u201d", "Dev Brannigan", "described"),
            ind("islanders would be left stranded in winter", "He", "told", s_ctx="He told"),
        ],
    ),
    # 2 according to X, …; warned that; urged X to …; clause before its cue (", the department said")
    dict(
        text="According to the Meteorological Office, the storm will reach the west coast by Friday evening. "
        "Forecasters warned that gusts could exceed 90 miles an hour on exposed headlands.\n\n"
        "The head of the coastguard, Irene Solberg, urged walkers to stay away from cliff paths. Roads in the "
        "valley may close at short notice, the county highways department said in a statement.",
        quotes=[],
        other=[
            ind("the storm will reach the west coast by Friday evening", "the Meteorological Office",
                "According to"),
            ind("gusts could exceed 90 miles an hour on exposed headlands", "Forecasters", "warned"),
            ind("walkers to stay away from cliff paths", "Irene Solberg", "urged"),
            ind("Roads in the valley may close at short notice", "the county highways department", "said"),
        ],
    ),
    # 3 admitted that; said X was “…” to …; direct split quote; a belief with no speech cue
    dict(
        text="The hospital trust\u2019s chief executive, Graham Lowe, admitted that waiting times had risen for the "
        "third month in a row. He blamed staff shortages and said the trust was \u201cworking flat out\u201d to "
        "recruit nurses from abroad.\n\n"
        "Patients\u2019 groups were unimpressed. Maureen Teal, who chairs the Wyvern Patients\u2019 Forum, said the "
        "trust\u2019s promises were \u201cworth nothing\u201d until beds reopened. \u201cWe have heard all this "
        "before,\u201d she said. \u201cEvery winter it is the same story.\u201d\n\n"
        "Many families believe the closure of the Elm ward was a mistake.",
        quotes=[q("We have heard all this before,", "she", "said", aid="A1"),
                q("Every winter it is the same story.", "she", "said", c_ctx="she said. \u201cEvery",
                  s_ctx="she said. \u201cEvery", aid="A1")],
        non_quotes=[nq("working flat out", "mixed"), nq("worth nothing", "mixed")],
        other=[
            ind("waiting times had risen for the third month in a row", "Graham Lowe", "admitted"),
            mixed("the trust was \u201cworking flat out\u201d to recruit nurses from abroad", "He", "said",
                  s_ctx="He blamed", c_ctx="and said the trust"),
            mixed("the trust\u2019s promises were \u201cworth nothing\u201d until beds reopened", "Maureen Teal",
                  "said", c_ctx="Forum, said"),
            ind("the closure of the Elm ward was a mistake", "Many families", "believe"),
        ],
    ),
    # 4 accused X of “…”; asked whether; said X had been “…” and …; denied that
    dict(
        text="Senator Rosa Delgado on Wednesday accused the administration of \u201cplaying games with people\u2019s "
        "savings\u201d over the pension reform. In a letter to the Treasury, she asked whether the department had "
        "modelled the effect on part-time workers.\n\n"
        "A Treasury spokesman said the reforms had been \u201cfully costed\u201d and would protect low earners. The "
        "department has repeatedly denied that any existing pension would be reduced.\n\n"
        "\u201cThis is a scare campaign, pure and simple,\u201d the spokesman said.",
        quotes=[q("This is a scare campaign, pure and simple,", "the spokesman", "said",
                  s_ctx="the spokesman said", c_ctx="spokesman said.")],
        non_quotes=[nq("playing games with people\u2019s savings", "mixed"), nq("fully costed", "mixed")],
        other=[
            mixed("the administration of \u201cplaying games with people\u2019s savings\u201d", "Rosa Delgado",
                  "accused"),
            ind("whether the department had modelled the effect on part-time workers", "she", "asked",
                s_ctx="she asked"),
            mixed("the reforms had been \u201cfully costed\u201d and would protect low earners",
                  "A Treasury spokesman", "said", c_ctx="spokesman said the"),
            ind("any existing pension would be reduced", "The department", "denied"),
        ],
    ),
    # 5 the company warned that; told analysts X (no that) with a one-word fragment; noted that
    dict(
        text="Shares in Calder Foods fell 12 per cent after the company warned that profits would be lower than "
        "expected. Its finance director, Priya Nair, told analysts the company had been hit by "
        "\u201cunprecedented\u201d increases in the cost of grain.\n\n"
        "Nair said the board remained confident about the long-term outlook. Analysts at Pell & Co noted that the "
        "firm had issued a similar warning last year. One fund manager said the firm had \u201clost its way\u201d.",
        quotes=[],
        non_quotes=[nq("unprecedented", "mixed"), nq("lost its way", "mixed")],
        other=[
            ind("profits would be lower than expected", "the company", "warned", s_ctx="the company warned"),
            mixed("the company had been hit by \u201cunprecedented\u201d increases in the cost of grain",
                  "Priya Nair", "told"),
            ind("the board remained confident about the long-term outlook", "Nair", "said", s_ctx="Nair said"),
            ind("the firm had issued a similar warning last year", "Analysts at Pell & Co", "noted"),
            mixed("the firm had \u201clost its way\u201d", "One fund manager", "said", c_ctx="manager said"),
        ],
    ),
    # 6 Police said; said officers were keeping “…”; told the Echo he …; according to neighbours
    dict(
        text="Police said a 34-year-old man had been arrested on suspicion of arson after a fire at a warehouse in "
        "Lindley on Sunday. Detective Inspector Sam Hale said officers were keeping \u201can open mind\u201d about "
        "the motive.\n\n"
        "The warehouse owner, Victor Amari, told the Lindley Echo he had received threats in the weeks before "
        "the fire. \u201cSomebody wanted us gone,\u201d he said.\n\n"
        "According to neighbours, the building had been empty since March.",
        quotes=[q("Somebody wanted us gone,", "he", "said", s_ctx="he said", c_ctx="he said")],
        non_quotes=[nq("an open mind", "mixed")],
        other=[
            ind("a 34-year-old man had been arrested on suspicion of arson after a fire at a warehouse in "
                "Lindley on Sunday", "Police", "said", c_ctx="Police said"),
            mixed("officers were keeping \u201can open mind\u201d about the motive", "Sam Hale", "said",
                  c_ctx="Hale said"),
            ind("he had received threats in the weeks before the fire", "Victor Amari", "told"),
            ind("the building had been empty since March", "neighbours", "According to"),
        ],
    ),
    # 7 announced that; welcomed … but argued that; said X was “…”; "Schools, he said, were …"; insisted
    dict(
        text="The education secretary, Helen Marsh, announced on Monday that every primary school would receive "
        "funding for a breakfast club. Teachers\u2019 unions welcomed the move but argued that it did not go far "
        "enough.\n\n"
        "The general secretary of the Teachers\u2019 Union, Kwame Asante, said the money was \u201ca sticking "
        "plaster on a gaping wound\u201d. Schools, he said, were still losing experienced staff to better-paid "
        "jobs.\n\n"
        "Marsh insisted the scheme was fully funded. \u201cNot a single school will have to pay,\u201d she told "
        "the BBC.",
        quotes=[q("Not a single school will have to pay,", "she", "told", s_ctx="she told", c_ctx="she told")],
        non_quotes=[nq("a sticking plaster on a gaping wound", "mixed")],
        other=[
            ind("every primary school would receive funding for a breakfast club", "Helen Marsh", "announced"),
            ind("it did not go far enough", "Teachers\u2019 unions", "argued"),
            mixed("the money was \u201ca sticking plaster on a gaping wound\u201d", "Kwame Asante", "said",
                  c_ctx="Asante, said"),
            ind(["Schools", "were still losing experienced staff to better-paid jobs"], "he", "said",
                s_ctx="he said, were", c_ctx="he said, were"),
            ind("the scheme was fully funded", "Marsh", "insisted", s_ctx="Marsh insisted"),
        ],
    ),
    # 8 said after the match that X had been “…”; claimed; "The league said it would"; declined to comment
    dict(
        text="The club\u2019s manager, Luis Ferreira, said after the match that his players had been "
        "\u201crobbed\u201d by a poor refereeing decision. He claimed the ball had not crossed the line.\n\n"
        "The league said it would review the incident. A spokeswoman for the referees\u2019 association declined "
        "to comment.",
        quotes=[],
        non_quotes=[nq("robbed", "mixed")],
        other=[
            mixed("his players had been \u201crobbed\u201d by a poor refereeing decision", "Luis Ferreira", "said",
                  c_ctx="said after"),
            ind("the ball had not crossed the line", "He", "claimed"),
            ind("it would review the incident", "The league", "said", c_ctx="league said"),
        ],
    ),
    # 9 a study suggests that; said X were “…” but cautioned that; called X “…”
    dict(
        text="A study published in the Northern Medical Journal suggests that people who walk for 30 minutes a day "
        "are less likely to develop heart disease. The lead author, Dr Fiona Walsh, said the findings were "
        "\u201cstriking\u201d but cautioned that the study could not prove cause and effect.\n\n"
        "Other researchers said the results should be treated with care. Professor Tom Begg, who was not "
        "involved in the study, called the sample size \u201cmodest\u201d.",
        quotes=[],
        non_quotes=[nq("striking", "mixed"), nq("modest", "mixed")],
        other=[
            ind("people who walk for 30 minutes a day are less likely to develop heart disease", "A study",
                "suggests"),
            mixed("the findings were \u201cstriking\u201d", "Fiona Walsh", "said", c_ctx="Walsh, said"),
            ind("the study could not prove cause and effect", "Fiona Walsh", "cautioned"),
            ind("the results should be treated with care", "Other researchers", "said"),
            mixed("the sample size \u201cmodest\u201d", "Tom Begg", "called"),
        ],
    ),
    # 10 straight marks: a spokesman for X said …"…"…; said she had …; split direct; has said it will
    dict(
        text='Transport chiefs have defended the new bus timetable, which cuts evening services on six routes. A '
        'spokesman for Metro Buses said the changes reflected "how people actually travel" since the '
        'pandemic.\n\n'
        'Councillor Jean Ruddock said she had received more than 200 complaints. "People are furious," she said. '
        '"The last bus now leaves town at eight."\n\n'
        'The operator has said it will monitor passenger numbers and could restore some journeys in the '
        'spring.',
        quotes=[q("People are furious,", "she", "said", s_ctx="she said", c_ctx="she said", aid="A1"),
                q("The last bus now leaves town at eight.", "she", "said", s_ctx="she said", c_ctx="she said",
                  aid="A1")],
        non_quotes=[nq("how people actually travel", "mixed")],
        other=[
            mixed('the changes reflected "how people actually travel" since the pandemic',
                  "A spokesman for Metro Buses", "said", c_ctx="Buses said"),
            ind("she had received more than 200 complaints", "Jean Ruddock", "said", c_ctx="Ruddock said"),
            ind("it will monitor passenger numbers and could restore some journeys in the spring",
                "The operator", "said", c_ctx="has said it"),
        ],
    ),
    # 11 told a news conference that; described X as “…”; reported that; said there had been “…”
    dict(
        text="The foreign minister of Valdoria, Mateo Ruiz, told a news conference in the capital that his "
        "government would not recognise the result of the referendum. He described the vote as \u201ca theatre "
        "staged at gunpoint\u201d.\n\n"
        "Observers from the regional monitoring mission reported that turnout had been inflated in several "
        "districts. The mission\u2019s head, Anna Lindqvist, said there had been \u201cserious irregularities\u201d "
        "but stopped short of calling the vote fraudulent.\n\n"
        "Under the new law, protests near polling stations are banned.",
        quotes=[],
        non_quotes=[nq("a theatre staged at gunpoint", "mixed"), nq("serious irregularities", "mixed")],
        other=[
            ind("his government would not recognise the result of the referendum", "Mateo Ruiz", "told"),
            mixed("the vote as \u201ca theatre staged at gunpoint\u201d", "He", "described", s_ctx="He described"),
            ind("turnout had been inflated in several districts", "Observers", "reported"),
            mixed("there had been \u201cserious irregularities\u201d", "Anna Lindqvist", "said"),
        ],
    ),
    # 12 negatives: told the story of, asked for; one "Its authors say"
    dict(
        text="The mayor told the story of her grandmother\u2019s bakery at the opening of the new market hall. She "
        "asked for a minute\u2019s silence for the victims of the flood.\n\n"
        "The report, published on Thursday, runs to 300 pages. Its authors say the city needs 4,000 new homes a "
        "year to keep up with demand.",
        quotes=[],
        other=[
            ind("the city needs 4,000 new homes a year to keep up with demand", "Its authors", "say"),
        ],
    ),
    # 13 clause before ", the Land Registry said"; ", according to X"; said X were “…”; "said Dunmore" inside
    dict(
        text="House prices in the region rose by 4 per cent last year, the Land Registry said on Friday. Rents are "
        "rising even faster, according to the letting agency Homewise.\n\n"
        "Estate agent Carl Dunmore said buyers were \u201crushing to lock in\u201d mortgage deals before rates rose "
        "again. First-time buyers, said Dunmore, were being priced out of the market altogether.",
        quotes=[],
        non_quotes=[nq("rushing to lock in", "mixed")],
        other=[
            ind("House prices in the region rose by 4 per cent last year", "the Land Registry", "said"),
            ind("Rents are rising even faster", "the letting agency Homewise", "according to"),
            mixed("buyers were \u201crushing to lock in\u201d mortgage deals before rates rose again",
                  "Carl Dunmore", "said", c_ctx="Dunmore said"),
            ind(["First-time buyers", "were being priced out of the market altogether"], "Dunmore", "said",
                s_ctx="said Dunmore", c_ctx="said Dunmore"),
        ],
    ),
    # 14 X said Y would flood “…”; insists; said X had “…” and had …; added that
    dict(
        text="Campaigners said the new reservoir would flood \u201csome of the most beautiful countryside in "
        "England\u201d. The water company insists the reservoir is needed to secure supplies for a growing "
        "population.\n\n"
        "Its chief engineer, Ruth Adeyemi, said the company had \u201clistened carefully\u201d to objections and "
        "had changed the route of the access road. She added that construction would not begin before 2028.",
        quotes=[],
        non_quotes=[nq("some of the most beautiful countryside in England", "mixed"),
                    nq("listened carefully", "mixed")],
        other=[
            mixed("the new reservoir would flood \u201csome of the most beautiful countryside in England\u201d",
                  "Campaigners", "said"),
            ind("the reservoir is needed to secure supplies for a growing population", "The water company",
                "insists"),
            mixed("the company had \u201clistened carefully\u201d to objections and had changed the route of the "
                  "access road", "Ruth Adeyemi", "said"),
            ind("construction would not begin before 2028", "She", "added"),
        ],
    ),
    # 15 vowed to “…”; inverted direct cue with apposition; said that; said in a statement that … “…”
    dict(
        text="Union leaders have vowed to \u201cfight every single job cut\u201d at the Brockley steelworks. "
        "\u201cWe are not going anywhere,\u201d said Gary Pike, the union\u2019s regional secretary. He said "
        "management had refused to meet the union since January.\n\n"
        "The company said in a statement that it had held \u201cconstructive talks\u201d with staff "
        "representatives.",
        quotes=[q("We are not going anywhere,", "Gary Pike", "said", c_ctx="said Gary")],
        non_quotes=[nq("fight every single job cut", "mixed"), nq("constructive talks", "mixed")],
        other=[
            mixed("to \u201cfight every single job cut\u201d at the Brockley steelworks", "Union leaders", "vowed"),
            ind("management had refused to meet the union since January", "He", "said", s_ctx="He said"),
            mixed("it had held \u201cconstructive talks\u201d with staff representatives", "The company", "said",
                  c_ctx="company said"),
        ],
    ),
]


def main():
    """Write the gold file."""
    write_mixed_indirect_gold("news_mixed_indirect_gold.jsonl", CASES, "redline-mixed-indirect (self-written)")


if __name__ == "__main__":
    main()
