#!/usr/bin/env python3
"""Build news_politics_mixed_indirect_gold.jsonl: a third self-written set of mixed quotations and
indirect speech, US political copy, held out from every rule change.

Written after all the mixed and indirect rules of the first two sets were in, and run only then (the
README gives that first run). Every passage is invented (names, places, bills, figures). It adds
anonymous sourcing ("according to two people familiar with the talks", "officials said"), "told The
Associated Press", "wrote in a post on X", "said in an interview", "in what she called “…”", a fragment
in a relative clause ("who has called the bill “…”"), two fragments in one clause, "has long argued",
scare quotes and bill names that are no attribution ("the so-called “Clean Slate Act”"), and "is expected
to announce" as a negative. Run from anywhere:

    python tests/annotations/data/make_news_politics_mixed_indirect_gold.py

Gold conventions: as make_news_mixed_indirect_gold.py.
"""

from gold_helpers import ind, mixed, nq, q, write_mixed_indirect_gold

CASES = [
    dict(
        text="House Speaker Dale Morrow said Wednesday that Republicans had the votes to pass the spending bill "
        "before the weekend. Morrow, who has called the measure \u201ca responsible first step,\u201d told reporters "
        "the vote would be held Thursday afternoon.\n\n"
        "Democrats were unmoved. Rep. Alicia Grant (D-N.M.) said the bill would \u201cgut\u201d food assistance "
        "and \u201cpunish the working poor.\u201d",
        quotes=[],
        non_quotes=[nq("a responsible first step,", "mixed"), nq("gut", "mixed"),
                    nq("punish the working poor.", "mixed")],
        other=[
            ind("Republicans had the votes to pass the spending bill before the weekend", "Dale Morrow", "said"),
            mixed("the measure \u201ca responsible first step,\u201d", "Morrow", "called", s_ctx="Morrow, who"),
            ind("the vote would be held Thursday afternoon", "Morrow", "told", s_ctx="Morrow, who"),
            mixed("the bill would \u201cgut\u201d food assistance and \u201cpunish the working poor.\u201d",
                  "Alicia Grant", "said"),
        ],
    ),
    dict(
        text="The administration is preparing to lift sanctions on two Venezuelan oil companies, according to two "
        "people familiar with the talks. The State Department declined to comment.\n\n"
        "Secretary of State Helen Ruiz is expected to announce the decision next week. In an interview last month, "
        "Ruiz said the sanctions had \u201cnot achieved what we hoped\u201d and that a new approach was needed.",
        quotes=[],
        non_quotes=[nq("not achieved what we hoped", "mixed")],
        other=[
            ind("The administration is preparing to lift sanctions on two Venezuelan oil companies",
                "two people familiar with the talks", "according to"),
            mixed("the sanctions had \u201cnot achieved what we hoped\u201d and that a new approach was needed",
                  "Ruiz", "said", s_ctx="Ruiz said"),
        ],
    ),
    dict(
        text="Gov. Peter Lang vetoed the so-called \u201cClean Slate Act\u201d on Friday, in what he called \u201ca "
        "matter of public safety.\u201d The bill\u2019s sponsor, state Sen. Maya Torres, said she was "
        "\u201cheartbroken\u201d by the veto.\n\n"
        "\u201cThousands of people will keep paying for mistakes they made decades ago,\u201d Torres told The "
        "Associated Press. She said supporters would try to override the veto in January.",
        quotes=[q("Thousands of people will keep paying for mistakes they made decades ago,", "Torres", "told",
                  s_ctx="Torres told", c_ctx="Torres told")],
        non_quotes=[nq("Clean Slate Act", "title"), nq("a matter of public safety.", "mixed"),
                    nq("heartbroken", "mixed")],
        other=[
            mixed("\u201ca matter of public safety.\u201d", "he", "called", s_ctx="he called"),
            mixed("she was \u201cheartbroken\u201d by the veto", "Maya Torres", "said", c_ctx="Torres, said"),
            ind("supporters would try to override the veto in January", "She", "said", s_ctx="She said"),
        ],
    ),
    dict(
        text="Sen. Kevin Burke (R-Ind.) wrote in a post on X that the nominee was \u201cunfit to serve\u201d and "
        "urged his colleagues to reject her. The nominee\u2019s supporters say she has broad support among "
        "prosecutors.\n\n"
        "The Senate Judiciary Committee is scheduled to vote on the nomination next month.",
        quotes=[],
        non_quotes=[nq("unfit to serve", "mixed")],
        other=[
            mixed("the nominee was \u201cunfit to serve\u201d", "Kevin Burke", "wrote"),
            ind("his colleagues to reject her", "Kevin Burke", "urged"),
            ind("she has broad support among prosecutors", "The nominee\u2019s supporters", "say"),
        ],
    ),
    dict(
        text="The city will run out of money for its migrant shelters by June, Mayor Ellen Park warned on Monday. "
        "Park has long argued that the federal government should pay for the shelters.\n\n"
        "\u201cThis is a national problem, and it needs a national solution,\u201d Park said at a news conference. "
        "City Council members accused the mayor of \u201cmanufacturing a crisis\u201d to justify budget cuts.",
        quotes=[q("This is a national problem, and it needs a national solution,", "Park", "said",
                  s_ctx="Park said at", c_ctx="Park said at")],
        non_quotes=[nq("manufacturing a crisis", "mixed")],
        other=[
            ind("The city will run out of money for its migrant shelters by June", "Ellen Park", "warned"),
            ind("the federal government should pay for the shelters", "Park", "argued",
                s_ctx="Park has long"),
            mixed("the mayor of \u201cmanufacturing a crisis\u201d to justify budget cuts",
                  "City Council members", "accused"),
        ],
    ),
    dict(
        text="Officials said the wildfire had destroyed more than 300 homes and was 40 percent contained. Fire Chief "
        "Luis Romero said crews were \u201cmaking real progress\u201d but warned that high winds could push the fire "
        "toward the town of Alder Creek.\n\n"
        "Many residents believe the evacuation order came too late. The county sheriff, Dana Kline, said deputies "
        "had knocked on every door in the area.",
        quotes=[],
        non_quotes=[nq("making real progress", "mixed")],
        other=[
            ind("the wildfire had destroyed more than 300 homes and was 40 percent contained", "Officials", "said",
                c_ctx="Officials said"),
            mixed("crews were \u201cmaking real progress\u201d", "Luis Romero", "said", c_ctx="Romero said"),
            ind("high winds could push the fire toward the town of Alder Creek", "Luis Romero", "warned"),
            ind("the evacuation order came too late", "Many residents", "believe"),
            ind("deputies had knocked on every door in the area", "Dana Kline", "said", c_ctx="Kline, said"),
        ],
    ),
    dict(
        text="The Federal Reserve held interest rates steady on Wednesday. In a statement, the central bank said "
        "inflation had \u201cmade further progress\u201d toward its 2 percent goal.\n\n"
        "Fed Chair Lena Osei told reporters the bank was \u201cnot in a hurry\u201d to cut rates. Most economists "
        "expect the first cut in September, a survey by Reuters found.",
        quotes=[],
        non_quotes=[nq("made further progress", "mixed"), nq("not in a hurry", "mixed")],
        other=[
            mixed("inflation had \u201cmade further progress\u201d toward its 2 percent goal", "the central bank",
                  "said"),
            mixed("the bank was \u201cnot in a hurry\u201d to cut rates", "Lena Osei", "told"),
            ind("Most economists expect the first cut in September", "a survey by Reuters", "found"),
        ],
    ),
    dict(
        text="Two former aides to the governor told investigators that he had pressured them to delete emails, "
        "according to a report released Tuesday. The governor\u2019s lawyer, Sam Ortiz, dismissed the report as "
        "\u201ca partisan hit piece.\u201d\n\n"
        "\u201cThe governor has done nothing wrong,\u201d Ortiz said in a statement. \u201cWe will respond in "
        "full.\u201d",
        quotes=[q("The governor has done nothing wrong,", "Ortiz", "said", s_ctx="Ortiz said", c_ctx="Ortiz said",
                  aid="A1"),
                q("We will respond in full.", "Ortiz", "said", s_ctx="Ortiz said", c_ctx="Ortiz said", aid="A1")],
        non_quotes=[nq("a partisan hit piece.", "mixed")],
        other=[
            ind("he had pressured them to delete emails", "Two former aides to the governor", "told"),
            mixed("the report as \u201ca partisan hit piece.\u201d", "Sam Ortiz", "dismissed"),
        ],
    ),
    dict(
        text="The school board voted 5-2 to remove the book from middle school libraries. Board member Carla Voss, "
        "who voted against the ban, said parents should decide what their children read.\n\n"
        "The book, Voss said, had been on the reading list for a decade without a single complaint. The board\u2019s "
        "president said the book contained material that was \u201cnot age-appropriate.\u201d",
        quotes=[],
        non_quotes=[nq("not age-appropriate.", "mixed")],
        other=[
            ind("parents should decide what their children read", "Carla Voss", "said", c_ctx="ban, said"),
            ind(["The book", "had been on the reading list for a decade without a single complaint"], "Voss",
                "said", s_ctx="Voss said, had", c_ctx="Voss said, had"),
            mixed("the book contained material that was \u201cnot age-appropriate.\u201d",
                  "The board\u2019s president", "said", c_ctx="president said"),
        ],
    ),
    dict(
        text="Union leaders said the strike would continue until the company agreed to restore pensions. \u201cWe "
        "are not going back without them,\u201d said Marcus Bell, the union\u2019s president.\n\n"
        "The company said its offer was \u201cfair and generous\u201d and noted that wages would rise by 18 percent "
        "over four years.",
        quotes=[q("We are not going back without them,", "Marcus Bell", "said", c_ctx="said Marcus")],
        non_quotes=[nq("fair and generous", "mixed")],
        other=[
            ind("the strike would continue until the company agreed to restore pensions", "Union leaders", "said"),
            mixed("its offer was \u201cfair and generous\u201d", "The company", "said", c_ctx="company said its"),
            ind("wages would rise by 18 percent over four years", "The company", "noted", s_ctx="The company said its"),
        ],
    ),
]


def main():
    """Write the gold file."""
    write_mixed_indirect_gold("news_politics_mixed_indirect_gold.jsonl", CASES,
                              "redline-politics-mixed-indirect (self-written)")


if __name__ == "__main__":
    main()
