#!/usr/bin/env python3
"""Build news_us_mixed_indirect_gold.jsonl: a second self-written set of mixed quotations and indirect
speech, in US wire style, held out from the rule changes.

Written after make_news_mixed_indirect_gold.py, when the indirect-speech rules had been generalised
against that set's misses but before any mixed-quotation rule was changed; its figures were first looked
at once the rules were done (the README gives that run and the committed code's before it). Every passage is
invented (names, places, organisations, figures). It adds US style: punctuation inside the closing mark
(“dead on arrival.”), "said Tuesday", party-state brackets, "told reporters X was “…”", "accused X of
“…”", "dismissed X as “…”", "saying …", "wrote that", "In a statement, a spokesperson said", "The
nominee, Lau said, had been …". Run from anywhere:

    python tests/annotations/data/make_news_us_mixed_indirect_gold.py

Gold conventions: as make_news_mixed_indirect_gold.py.
"""

from gold_helpers import ind, mixed, nq, q, write_mixed_indirect_gold

CASES = [
    dict(
        text="Gov. Linda Carver said Tuesday that the state would not raise taxes to close the budget gap. Carver "
        "called the Republican plan \u201ca gimmick\u201d and said lawmakers were \u201ckicking the can down the "
        "road.\u201d\n\n"
        "State Sen. Tom Albrecht, a Republican from Dale County, said the governor\u2019s numbers \u201csimply "
        "don\u2019t add up.\u201d \u201cWe have a spending problem, not a revenue problem,\u201d Albrecht said in "
        "an interview.",
        quotes=[q("We have a spending problem, not a revenue problem,", "Albrecht", "said",
                  s_ctx="Albrecht said in", c_ctx="Albrecht said in")],
        non_quotes=[nq("a gimmick", "mixed"), nq("kicking the can down the road.", "mixed"),
                    nq("simply don\u2019t add up.", "mixed")],
        other=[
            ind("the state would not raise taxes to close the budget gap", "Linda Carver", "said",
                c_ctx="said Tuesday"),
            mixed("the Republican plan \u201ca gimmick\u201d", "Carver", "called", s_ctx="Carver called"),
            mixed("lawmakers were \u201ckicking the can down the road.\u201d", "Carver", "said",
                  s_ctx="Carver called", c_ctx="and said lawmakers"),
            mixed("the governor\u2019s numbers \u201csimply don\u2019t add up.\u201d", "Tom Albrecht", "said",
                  c_ctx="County, said"),
        ],
    ),
    dict(
        text="The Pentagon has told Congress it needs an additional $4 billion to replenish weapons stocks. Defense "
        "Secretary Mark Ellery told reporters on Thursday that the department was \u201cnot asking for a blank "
        "check.\u201d\n\n"
        "Rep. Dana Whitfield (D-Calif.) warned that the money could be spent \u201cwith very little "
        "oversight.\u201d Whitfield said she would demand a full accounting before any vote.",
        quotes=[],
        non_quotes=[nq("not asking for a blank check.", "mixed"), nq("with very little oversight.", "mixed")],
        other=[
            ind("it needs an additional $4 billion to replenish weapons stocks", "The Pentagon", "told"),
            mixed("the department was \u201cnot asking for a blank check.\u201d", "Mark Ellery", "told"),
            mixed("the money could be spent \u201cwith very little oversight.\u201d", "Dana Whitfield", "warned"),
            ind("she would demand a full accounting before any vote", "Whitfield", "said",
                s_ctx="Whitfield said", c_ctx="Whitfield said"),
        ],
    ),
    dict(
        text="Former President Dale Hutchins on Saturday described the indictment as \u201ca political hit job\u201d "
        "and vowed to keep campaigning. Speaking at a rally in Ohio, Hutchins told supporters the charges were "
        "\u201cthe greatest witch hunt in history.\u201d\n\n"
        "Prosecutors said in a court filing that Hutchins had \u201cknowingly and willfully\u201d withheld "
        "classified documents. His lawyers have argued the documents were his personal property.",
        quotes=[],
        non_quotes=[nq("a political hit job", "mixed"), nq("the greatest witch hunt in history.", "mixed"),
                    nq("knowingly and willfully", "mixed")],
        other=[
            mixed("the indictment as \u201ca political hit job\u201d", "Dale Hutchins", "described"),
            ind("to keep campaigning", "Dale Hutchins", "vowed"),
            mixed("the charges were \u201cthe greatest witch hunt in history.\u201d", "Hutchins", "told",
                  s_ctx="Hutchins told"),
            mixed("Hutchins had \u201cknowingly and willfully\u201d withheld classified documents", "Prosecutors",
                  "said"),
            ind("the documents were his personal property", "His lawyers", "argued"),
        ],
    ),
    dict(
        text="\u201cThis is a dark day for American workers,\u201d said Maria Santos, president of the Service "
        "Workers Union. Santos said the union would challenge the ruling in court.\n\n"
        "The company welcomed the decision. In a statement, a spokesperson said the ruling \u201cconfirms what we "
        "have said all along.\u201d Economists noted that similar cases had rarely succeeded on appeal.",
        quotes=[q("This is a dark day for American workers,", "Maria Santos", "said", c_ctx="said Maria")],
        non_quotes=[nq("confirms what we have said all along.", "mixed")],
        other=[
            ind("the union would challenge the ruling in court", "Santos", "said", s_ctx="Santos said",
                c_ctx="Santos said"),
            mixed("the ruling \u201cconfirms what we have said all along.\u201d", "a spokesperson", "said",
                  c_ctx="spokesperson said"),
            ind("similar cases had rarely succeeded on appeal", "Economists", "noted"),
        ],
    ),
    dict(
        text="The unemployment rate fell to 3.9 percent in March, the Labor Department reported Friday. Employers "
        "added 210,000 jobs, more than economists had expected.\n\n"
        "Treasury Secretary Janet Cole said the figures showed the economy was \u201con solid footing,\u201d but "
        "she cautioned that inflation remained too high. According to a survey by the Conference Board, consumer "
        "confidence rose for the second straight month.",
        quotes=[],
        non_quotes=[nq("on solid footing,", "mixed")],
        other=[
            ind("The unemployment rate fell to 3.9 percent in March", "the Labor Department", "reported"),
            mixed("the figures showed the economy was \u201con solid footing,\u201d", "Janet Cole", "said"),
            ind("inflation remained too high", "she", "cautioned"),
            ind("consumer confidence rose for the second straight month", "a survey by the Conference Board",
                "According to"),
        ],
    ),
    dict(
        text="Sen. Ray Novak (R-Texas) said on Fox News that he would block the nomination. \u201cShe is simply not "
        "qualified,\u201d Novak said. He accused the White House of \u201crushing a partisan pick\u201d through "
        "the Senate.\n\n"
        "White House press secretary Kim Lau told reporters Novak was \u201cplaying politics with the "
        "courts.\u201d The nominee, Lau said, had been rated \u201cwell qualified\u201d by the American Bar "
        "Association.",
        quotes=[q("She is simply not qualified,", "Novak", "said", s_ctx="Novak said.", c_ctx="Novak said.")],
        non_quotes=[nq("rushing a partisan pick", "mixed"), nq("playing politics with the courts.", "mixed"),
                    nq("well qualified", "mixed")],
        other=[
            ind("he would block the nomination", "Ray Novak", "said", c_ctx="said on Fox"),
            mixed("the White House of \u201crushing a partisan pick\u201d through the Senate", "He", "accused",
                  s_ctx="He accused"),
            mixed("Novak was \u201cplaying politics with the courts.\u201d", "Kim Lau", "told"),
            mixed(["The nominee", "had been rated \u201cwell qualified\u201d by the American Bar Association"],
                  "Lau", "said", s_ctx="Lau said", c_ctx="Lau said"),
        ],
    ),
    dict(
        text="Health officials urged residents to get vaccinated before the winter. Dr. Alan Pierce, the county\u2019s "
        "health director, said hospitals were already seeing a rise in flu cases. He said the new vaccine was safe "
        "and \u201chighly effective\u201d in older adults.\n\n"
        "Some parents believe the shots are unnecessary for children.",
        quotes=[],
        non_quotes=[nq("highly effective", "mixed")],
        other=[
            ind("residents to get vaccinated before the winter", "Health officials", "urged"),
            ind("hospitals were already seeing a rise in flu cases", "Alan Pierce", "said", c_ctx="director, said"),
            mixed("the new vaccine was safe and \u201chighly effective\u201d in older adults", "He", "said",
                  s_ctx="He said"),
            ind("the shots are unnecessary for children", "Some parents", "believe"),
        ],
    ),
    dict(
        text="The mayor\u2019s office said Monday it was reviewing the police department\u2019s use-of-force policy. "
        "Police Chief Ron Baylor told the City Council the department had \u201cnothing to hide.\u201d\n\n"
        "Activists asked whether the review would be independent. \u201cWe\u2019ve seen these reviews "
        "before,\u201d said Tanya Greer, an organizer with Justice Now. \u201cNothing changes.\u201d",
        quotes=[q("We\u2019ve seen these reviews before,", "Tanya Greer", "said", aid="A1"),
                q("Nothing changes.", "Tanya Greer", "said", aid="A1")],
        non_quotes=[nq("nothing to hide.", "mixed")],
        other=[
            ind("it was reviewing the police department\u2019s use-of-force policy", "The mayor\u2019s office",
                "said", c_ctx="said Monday"),
            mixed("the department had \u201cnothing to hide.\u201d", "Ron Baylor", "told"),
            ind("whether the review would be independent", "Activists", "asked"),
        ],
    ),
    dict(
        text="Officials in Beijing have dismissed the report as \u201cgroundless speculation,\u201d the state news "
        "agency said. The report, published by a Washington think tank, claimed that China had expanded its "
        "missile silos. The think tank\u2019s director, Paul Emery, stood by the findings, saying the satellite "
        "images were \u201cunambiguous.\u201d",
        quotes=[],
        non_quotes=[nq("groundless speculation,", "mixed"), nq("unambiguous.", "mixed")],
        other=[
            mixed("the report as \u201cgroundless speculation,\u201d", "Officials in Beijing", "dismissed"),
            ind("China had expanded its missile silos", "The report", "claimed", s_ctx="The report, published"),
            mixed("the satellite images were \u201cunambiguous.\u201d", "Paul Emery", "saying"),
        ],
    ),
    dict(
        text="In a post on social media, the senator wrote that the bill would \u201cdestroy small "
        "businesses.\u201d Her office did not respond to a request for comment.\n\n"
        "Supporters of the bill argue it will lower prices for consumers. The Chamber of Commerce has said the "
        "measure would cost 40,000 jobs, a figure disputed by the bill\u2019s sponsors.",
        quotes=[],
        non_quotes=[nq("destroy small businesses.", "mixed")],
        other=[
            mixed("the bill would \u201cdestroy small businesses.\u201d", "the senator", "wrote"),
            ind("it will lower prices for consumers", "Supporters of the bill", "argue"),
            ind("the measure would cost 40,000 jobs", "The Chamber of Commerce", "said"),
        ],
    ),
]


def main():
    """Write the gold file."""
    write_mixed_indirect_gold("news_us_mixed_indirect_gold.jsonl", CASES, "redline-us-mixed-indirect (self-written)")


if __name__ == "__main__":
    main()
