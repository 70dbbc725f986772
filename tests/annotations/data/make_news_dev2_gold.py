#!/usr/bin/env python3
"""Build news_dev2_gold.jsonl: a second, held-out set of self-written news passages with gold quote
attributions.

Written blind to the attribution rules, as an independent check on news_dev_gold.jsonl. Every passage
below is invented for this set (names, places, organisations, figures); none is copied from an article,
from news_dev_gold.jsonl or from another gold file. Passages are longer than in the first set (several
paragraphs, two to four speakers) and mix cue-after and cue-before quotes, split, floating and
multi-paragraph quotes, statements and posts on X, British single quotation marks, em-dash interruptions,
headline quotes, and passages with no reported speech at all. Run from anywhere:

    python tests/annotations/data/make_news_dev2_gold.py

Gold conventions (the same as make_news_dev_gold.py, as `redline eval` reads them):
- quote offsets exclude the quotation marks (double, ASCII or single); a quote's trailing
  comma/full stop/question mark inside the marks is part of it; quotation marks nested inside a
  quote stay part of that quote and are not listed separately;
- a split quote ("A," he said, "B.") is two quotes with the same speaker and cue;
- a multi-paragraph quote (no closing mark, the next paragraph reopens) is one quote from its
  first opening mark to its closing mark, the inner paragraph break and reopening mark included;
- a floating quote (no cue of its own, right after an attributed one) carries the speaker
  and cue of that attribution;
- speaker is the mention nearest the cue ("he", "Okafor", "the minister"), without an
  honorific (Ms, Dr, Sir, Professor) when it is a name; speaker_resolved is the full name (or the
  organisation) it refers to, given only when the passage names one;
- a quote in a headline-like first line is a quote when the line has a speech cue ("says");
- non_quotes are quoted strings that are not reported speech: scare quotes, titles,
  nicknames, mixed (partial) quotes inside a reported sentence.

Offsets are computed with str.index and asserted (gold_helpers.py).
"""

from gold_helpers import DOUBLE, SINGLE, nq, q, write_gold

CASES = [
    # 1 headline with a quote (cue "says"), cue-after inverted with name + floating quote,
    #   organisation "the authority", "According to", Q&A "Asked whether ..., she said:"
    dict(
        text="Strike looms as pilots\u2019 leader says \u201cwe have been pushed to the limit\u201d\n\n"
        "Maritime pilots at the port of Calderwick voted by 214 to 19 on Thursday to walk out for 48 hours next "
        "month, threatening to halt cargo traffic at one of the country\u2019s busiest container terminals.\n\n"
        "\u201cWe have been pushed to the limit by rosters that leave people guiding 300-metre ships after five "
        "hours\u2019 sleep,\u201d said Rhona Kinnaird, general secretary of the Maritime Pilots\u2019 Association. \u201cNobody takes "
        "this step lightly.\u201d\n\n"
        "The port operator, Calderwick Harbour Authority, said in a statement that it had offered a 6% pay rise and "
        "a review of shift patterns. \u201cWe remain at the table and we would urge the association to do the same,\u201d "
        "the authority said.\n\n"
        "According to the authority, around 1,400 vessel movements would be affected. Kinnaird disputed that "
        "figure, saying the real number was closer to 2,000. Asked whether pilots would accept independent "
        "arbitration, she said: \u201cIf it is genuinely independent, yes. We are not the ones who walked away.\u201d",
        quotes=[
            q("we have been pushed to the limit", "pilots\u2019 leader", "says", "Rhona Kinnaird"),
            q("We have been pushed to the limit by rosters that leave people guiding 300-metre ships after five "
              "hours\u2019 sleep,", "Rhona Kinnaird", "said", "Rhona Kinnaird", aid="A1"),
            q("Nobody takes this step lightly.", "Rhona Kinnaird", "said", "Rhona Kinnaird",
              c_ctx="said Rhona", aid="A1"),
            q("We remain at the table and we would urge the association to do the same,", "the authority", "said",
              "Calderwick Harbour Authority", s_ctx="the authority said", c_ctx="authority said"),
            q("If it is genuinely independent, yes. We are not the ones who walked away.", "she", "said",
              "Rhona Kinnaird", s_ctx="she said:", c_ctx="said:"),
        ],
    ),
    # 2 wildfire: pronoun chain (He told ... he said), floating quote, inverted cue with name + age
    dict(
        text="Fire crews battled through the night to contain a wildfire that has burned more than 3,000 hectares of "
        "pine forest near Valdoria, forcing the evacuation of four villages.\n\n"
        "Regional fire chief Matteo Scarpellini said the blaze had been fanned by gusts of up to 70km/h. He told "
        "reporters that two water-bombing aircraft had been grounded by smoke on Sunday afternoon. \u201cThe wind "
        "changed direction three times in an hour,\u201d he said. \u201cOur people did everything that could be done.\u201d\n\n"
        "He added that no homes had been lost, although several barns and a chapel had been damaged.\n\n"
        "Residents sheltering in a sports hall in the nearby town of Orsenna described a chaotic departure. \u201cWe had "
        "ten minutes to get the goats into the trailer and go,\u201d said Lucia Benvenuti, 63, who runs a cheese farm "
        "above the village of Castelpiano. \u201cI keep thinking about the ones we left.\u201d\n\n"
        "Officials said it was too early to say what had started the fire, but according to the regional "
        "prosecutor\u2019s office, investigators were examining reports of a discarded barbecue.",
        quotes=[
            q("The wind changed direction three times in an hour,", "he", "said", "Matteo Scarpellini",
              s_ctx="he said. \u201cOur", c_ctx="said. \u201cOur", aid="A1"),
            q("Our people did everything that could be done.", "he", "said", "Matteo Scarpellini",
              s_ctx="he said. \u201cOur", c_ctx="said. \u201cOur", aid="A1"),
            q("We had ten minutes to get the goats into the trailer and go,", "Lucia Benvenuti", "said",
              "Lucia Benvenuti", c_ctx="said Lucia", aid="A2"),
            q("I keep thinking about the ones we left.", "Lucia Benvenuti", "said", "Lucia Benvenuti",
              c_ctx="said Lucia", aid="A2"),
        ],
    ),
    # 3 cricket, British single quotes, floating quote with apostrophe, mixed quotes, nested double quotes
    dict(
        text="Ashworth Park\u2019s home captain has defended his decision to bat first on a damp pitch after his side were "
        "bowled out for 147 on the opening day of the third Test.\n\n"
        "\u2018I would make the same call again tomorrow,\u2019 Callum Brereton said. \u2018The forecast said the sun was coming "
        "out, and the sun did not come out. That\u2019s cricket.\u2019\n\n"
        "The visiting captain, Devon Achterberg, was less diplomatic. He said his bowlers had been \u2018gifted\u2019 the "
        "conditions and that the hosts had \u2018read the sky rather than the surface\u2019.\n\n"
        "Brereton was also asked about the chanting from sections of the crowd during the afternoon session. "
        "\u2018When I walked out after tea I could hear \u201cBring back Haworth\u201d from the far stand,\u2019 he said. \u2018They are "
        "entitled to their opinion. I have had worse said to me at my own club.\u2019",
        quotes=[
            q("I would make the same call again tomorrow,", "Callum Brereton", "said", "Callum Brereton",
              c_ctx="Brereton said", aid="A1"),
            q("The forecast said the sun was coming out, and the sun did not come out. That\u2019s cricket.",
              "Callum Brereton", "said", "Callum Brereton", c_ctx="Brereton said", aid="A1"),
            q("When I walked out after tea I could hear \u201cBring back Haworth\u201d from the far stand,", "he", "said",
              "Callum Brereton", s_ctx="he said. \u2018They", c_ctx="said. \u2018They", aid="A2"),
            q("They are entitled to their opinion. I have had worse said to me at my own club.", "he", "said",
              "Callum Brereton", s_ctx="he said. \u2018They", c_ctx="said. \u2018They", aid="A2"),
        ],
        non_quotes=[nq("gifted", "mixed quote"), nq("read the sky rather than the surface", "mixed quote")],
    ),
    # 4 committee hearing: descriptive mention cue after, mixed quote, Q&A "she said:", question + "he asked",
    #   organisation "the group"
    dict(
        text="MPs have questioned the head of a police force over its use of live facial recognition cameras at a "
        "music festival last summer.\n\n"
        "Chief Constable Harriet Oyelaran told the home affairs committee on Wednesday that the cameras had led to "
        "11 arrests and that images of people who were not on a watchlist were deleted within seconds. \u201cThis is a "
        "targeted tool, not a dragnet,\u201d the chief constable said.\n\n"
        "The committee\u2019s chair, Douglas Fairbairn, said members had received more than 600 letters from "
        "festival-goers who felt they had been \u201ctreated as suspects\u201d.\n\n"
        "Asked whether the force would commit to publishing accuracy figures for every deployment, she said: \u201cI "
        "can commit to publishing them for this one. I would need to take advice before going further.\u201d\n\n"
        "Fairbairn was unconvinced. \u201cIf the technology is as accurate as you say, why would you hesitate to prove "
        "it?\u201d he asked.\n\n"
        "The civil liberties group Open Streets said in a statement that it would seek a judicial review. \u201cA "
        "festival is not a crime scene,\u201d the group said.",
        quotes=[
            q("This is a targeted tool, not a dragnet,", "the chief constable", "said", "Harriet Oyelaran"),
            q("I can commit to publishing them for this one. I would need to take advice before going further.",
              "she", "said", "Harriet Oyelaran", s_ctx="she said:", c_ctx="said:"),
            q("If the technology is as accurate as you say, why would you hesitate to prove it?", "he", "asked",
              "Douglas Fairbairn"),
            q("A festival is not a crime scene,", "the group", "said", "Open Streets"),
        ],
        non_quotes=[nq("treated as suspects", "mixed quote")],
    ),
    # 5 airline merger: "said in a statement" after the quote, "She said:", inverted cue with title + name
    dict(
        text="Two of Europe\u2019s smaller carriers, Nordavia and Sky Meridian, announced plans on Monday to merge in a "
        "deal that would create the region\u2019s fourth-largest airline group by passenger numbers.\n\n"
        "The combined company would operate about 210 aircraft and keep both brands for at least three years. "
        "\u201cTogether we will have the scale to compete on price without giving up the routes our customers depend "
        "on,\u201d Henrik Solvang, Nordavia\u2019s chief executive, said in a statement.\n\n"
        "Sky Meridian\u2019s chairwoman, Catarina Paixão, told analysts on a call that the two companies had been "
        "talking \u201con and off for a decade\u201d. She said: \u201cThe timing was never right before. Fuel prices and the "
        "cost of new aircraft have changed that.\u201d\n\n"
        "Unions were cautious. According to the cabin crew union Aerunion, as many as 900 jobs could be at risk "
        "at the two companies\u2019 overlapping bases. \u201cWe have heard promises about protecting jobs before,\u201d said the "
        "union\u2019s general secretary, Tobias Lind.",
        quotes=[
            q("Together we will have the scale to compete on price without giving up the routes our customers "
              "depend on,", "Henrik Solvang", "said", "Henrik Solvang", c_ctx="said in a statement."),
            q("The timing was never right before. Fuel prices and the cost of new aircraft have changed that.",
              "She", "said", "Catarina Paixão", s_ctx="She said:", c_ctx="said:"),
            q("We have heard promises about protecting jobs before,", "Tobias Lind", "said", "Tobias Lind",
              c_ctx="said the union"),
        ],
        non_quotes=[nq("on and off for a decade", "mixed quote")],
    ),
    # 6 football: "wrote on X", "he wrote" + floating, surname "told the club's website" + floating
    dict(
        text="The midfielder Kofi Asante-Mensah has apologised after criticising his own club\u2019s supporters on "
        "social media following Saturday\u2019s 3-0 home defeat to Brackley Rovers.\n\n"
        "\u201cBooing your own players in the 20th minute helps nobody,\u201d Asante-Mensah wrote on X shortly after the "
        "final whistle. The post was deleted within an hour.\n\n"
        "On Sunday he published a longer message. \u201cI let my frustration get the better of me and I said it in the "
        "wrong way,\u201d he wrote. \u201cThe fans pay a lot of money and they have every right to be angry.\u201d\n\n"
        "The Dunmore Athletic manager, Stuart Pennock, said he had spoken to the player and considered the matter "
        "closed. \u201cKofi is a good lad who cares too much, if anything,\u201d Pennock told the club\u2019s website. \u201cWe move "
        "on.\u201d\n\n"
        "The Dunmore Athletic Supporters\u2019 Trust said fans had been venting their anger at the board, not at the "
        "players.",
        quotes=[
            q("Booing your own players in the 20th minute helps nobody,", "Asante-Mensah", "wrote",
              "Kofi Asante-Mensah", s_ctx="Asante-Mensah wrote", c_ctx="wrote on X"),
            q("I let my frustration get the better of me and I said it in the wrong way,", "he", "wrote",
              "Kofi Asante-Mensah", s_ctx="he wrote", c_ctx="wrote. \u201cThe", aid="A1"),
            q("The fans pay a lot of money and they have every right to be angry.", "he", "wrote",
              "Kofi Asante-Mensah", s_ctx="he wrote", c_ctx="wrote. \u201cThe", aid="A1"),
            q("Kofi is a good lad who cares too much, if anything,", "Pennock", "told", "Stuart Pennock",
              s_ctx="Pennock told", aid="A2"),
            q("We move on.", "Pennock", "told", "Stuart Pennock", s_ctx="Pennock told", aid="A2"),
        ],
    ),
    # 7 chess: split quote with an em-dash interruption, mixed quote, split quote "he said, and"
    dict(
        text="Anouk Verhaegen won the Torvik Open on Sunday with a round to spare, beating the defending champion in "
        "41 moves. Verhaegen, 22, is the first woman to win the event in its 48-year history.\n\n"
        "\u201cThe last three rounds,\u201d Verhaegen said \u2014 pausing to sign a young fan\u2019s scoresheet \u2014 \u201cwere the hardest "
        "chess I have ever played.\u201d\n\n"
        "Her opponent, Levan Gelashvili, who needed only a draw to keep his title hopes alive, declined to speak to "
        "reporters. His coach, Nino Abashidze, said he was \u201cexhausted, not broken\u201d and would play in the Baltic "
        "championship next month.\n\n"
        "The tournament director, Frits Oosterhuis, said online viewing figures had doubled since last year. "
        "\u201cChess has never been healthier,\u201d he said, \u201cand Anouk is a big part of the reason.\u201d",
        quotes=[
            q("The last three rounds,", "Verhaegen", "said", "Anouk Verhaegen", s_ctx="Verhaegen said",
              c_ctx="said \u2014", aid="A1"),
            q("were the hardest chess I have ever played.", "Verhaegen", "said", "Anouk Verhaegen",
              s_ctx="Verhaegen said", c_ctx="said \u2014", aid="A1"),
            q("Chess has never been healthier,", "he", "said", "Frits Oosterhuis", s_ctx="he said,",
              c_ctx="said,", aid="A2"),
            q("and Anouk is a big part of the reason.", "he", "said", "Frits Oosterhuis", s_ctx="he said,",
              c_ctx="said,", aid="A2"),
        ],
        non_quotes=[nq("exhausted, not broken", "mixed quote")],
    ),
    # 8 no speech: TV review with titles and scare quotes
    dict(
        text="The second series of the coastal crime drama \u201cSalt Marsh\u201d opens with a body on the mudflats and a "
        "detective who would rather be anywhere else. It is a familiar set-up, and the writers know it.\n\n"
        "Where the first series leaned on its \u201cmoody\u201d cinematography, the new episodes find room for jokes, many "
        "of them at the expense of the town\u2019s self-styled \u201cheritage committee\u201d. Episode three, titled \u201cLow "
        "Water\u201d, is the strongest hour of television the channel has commissioned this year.\n\n"
        "The lead performance remains the show\u2019s anchor. As Inspector Wren, Paloma Eastgate plays grief as a kind "
        "of bad weather, something to be endured rather than discussed. The finale borrows a little too obviously "
        "from the Danish series \u201cThe Ferryman\u2019s Daughter\u201d, but by then most viewers will have forgiven it.",
        quotes=[],
        non_quotes=[nq("Salt Marsh", "title"), nq("moody", "scare quote"), nq("heritage committee", "scare quote"),
                    nq("Low Water", "title"), nq("The Ferryman\u2019s Daughter", "title")],
    ),
    # 9 no speech: housing report, scare quotes, indirect speech only
    dict(
        text="Developers in the city have been accused of marketing flats as \u201caffordable\u201d when they cost more than "
        "nine times the average local salary. A report by the housing charity Roofline found that 62% of the units "
        "advertised under the label in the past two years were priced above the government\u2019s own threshold.\n\n"
        "The report also criticises the spread of \u201cco-living\u201d schemes, in which tenants rent a bedroom and share a "
        "kitchen with up to 40 others, and of so-called \u201cbuild to rent\u201d towers that charge service fees on top of "
        "rent. Roofline said the findings showed the planning system needed a clearer definition of "
        "affordability. The council\u2019s planning committee will consider the report at its meeting next month.",
        quotes=[],
        non_quotes=[nq("affordable", "scare quote"), nq("co-living", "scare quote"),
                    nq("build to rent", "scare quote")],
    ),
    # 10 inquiry: multi-paragraph quote after "He told the inquiry:", "Osei replied" after a question
    dict(
        text="A former site engineer has told a public inquiry into the collapse of the Harlow Street footbridge "
        "that he raised concerns about corrosion in the bridge\u2019s steel cables more than two years before it "
        "fell.\n\n"
        "Giving evidence on Tuesday, Nathaniel Osei said he had photographed rust on three of the anchor points "
        "during a routine inspection in 2021 and passed the images to his manager. He told the inquiry:\n\n"
        "\u201cI was told it was cosmetic and that the budget for the year had already been allocated. I asked for it "
        "to be written down that I had raised it, and I was told that was not necessary.\n\n"
        "\u201cWhen I heard the bridge had come down, the first thing I did was look for those photographs. I still "
        "had them on my phone.\u201d\n\n"
        "Counsel to the inquiry, Marguerite Delacroix KC, asked whether anyone had followed up on the "
        "photographs. \u201cNot that I am aware of,\u201d Osei replied.\n\n"
        "The engineering firm that maintained the bridge, Castlemoor Infrastructure, said in a statement that it "
        "was co-operating fully with the inquiry and that it would be inappropriate to comment while hearings "
        "continued.",
        quotes=[
            q("I was told it was cosmetic and that the budget for the year had already been allocated. I asked for "
              "it to be written down that I had raised it, and I was told that was not necessary.\n\n\u201cWhen I heard "
              "the bridge had come down, the first thing I did was look for those photographs. I still had them on "
              "my phone.", "He", "told", "Nathaniel Osei", s_ctx="He told the inquiry:",
              c_ctx="told the inquiry:"),
            q("Not that I am aware of,", "Osei", "replied", "Nathaniel Osei", s_ctx="Osei replied"),
        ],
    ),
    # 11 fishing: question mark + "asked NAME", mixed quote, "According to", "he told MSPs" + floating,
    #   honorific Dr inside an inverted title-name attribution
    dict(
        text="Fishing crews in the north-east have reacted angrily to a 30% cut in the haddock quota agreed at "
        "talks in Brussels, warning that some boats may not survive the year.\n\n"
        "\u201cWho is going to tell a skipper with a mortgage on his boat that he can fish for only eight months?\u201d "
        "asked Elspeth Gowrie, chief executive of the Northern Fishermen\u2019s Federation. She said the cut had been "
        "based on survey data that was \u201cthree years out of date\u201d.\n\n"
        "According to the federation, around 140 vessels land haddock at ports along the coast.\n\n"
        "The fisheries minister, Alasdair Munro, defended the deal. \u201cThe science is clear that stocks need time to "
        "recover,\u201d he told MSPs. \u201cIf we fish them out now, there will be nothing left to argue about in five "
        "years.\u201d\n\n"
        "Researchers at the Marine Stock Institute have warned that haddock numbers fell sharply in 2022. \u201cA cut "
        "now is painful, but a collapse later would be worse,\u201d the institute\u2019s director, Dr Ilse Brandvold, said.",
        quotes=[
            q("Who is going to tell a skipper with a mortgage on his boat that he can fish for only eight months?",
              "Elspeth Gowrie", "asked", "Elspeth Gowrie"),
            q("The science is clear that stocks need time to recover,", "he", "told", "Alasdair Munro",
              s_ctx="he told MSPs", aid="A1"),
            q("If we fish them out now, there will be nothing left to argue about in five years.", "he", "told",
              "Alasdair Munro", s_ctx="he told MSPs", aid="A1"),
            q("A cut now is painful, but a collapse later would be worse,", "Ilse Brandvold", "said",
              "Ilse Brandvold", c_ctx="Brandvold, said"),
        ],
        non_quotes=[nq("three years out of date", "mixed quote")],
    ),
    # 12 election: pronoun after a title-name mention + floating, mixed quote, split quote "she said, and"
    dict(
        text="With five days to go before the regional election in Marrowby, the two leading candidates spent "
        "Sunday on opposite sides of the county, each claiming momentum.\n\n"
        "Speaking at a rally in a converted cattle market, the Progress Party candidate, Jonas Whitlock, promised "
        "to reopen the branch line to the coast. \u201cPeople here have been told for forty years that the railway is "
        "coming back,\u201d he said. \u201cI am not going to tell them that. I am going to build it.\u201d\n\n"
        "His rival, the incumbent Carys Penhaligon, dismissed the pledge as a \u201cfantasy timetable\u201d. \u201cEvery "
        "election, someone turns up with a map and a marker pen,\u201d she said, \u201cand every election the money turns "
        "out not to exist.\u201d\n\n"
        "A poll published on Saturday by the Marrowby Courier put the two within two points of each other, with "
        "around a fifth of voters undecided. According to the paper\u2019s polling editor, Sanjay Mehra, turnout among "
        "under-30s could decide the result.",
        quotes=[
            q("People here have been told for forty years that the railway is coming back,", "he", "said",
              "Jonas Whitlock", s_ctx="he said. \u201cI am", c_ctx="said. \u201cI am", aid="A1"),
            q("I am not going to tell them that. I am going to build it.", "he", "said", "Jonas Whitlock",
              s_ctx="he said. \u201cI am", c_ctx="said. \u201cI am", aid="A1"),
            q("Every election, someone turns up with a map and a marker pen,", "she", "said", "Carys Penhaligon",
              s_ctx="she said,", c_ctx="said, \u201cand", aid="A2"),
            q("and every election the money turns out not to exist.", "she", "said", "Carys Penhaligon",
              s_ctx="she said,", c_ctx="said, \u201cand", aid="A2"),
        ],
        non_quotes=[nq("fantasy timetable", "mixed quote")],
    ),
    # 13 museum restitution, British single quotes, mixed quote, "he said:" with nested double quotes
    dict(
        text="The Whitcombe Museum in Hallbridge is to return 14 carved wooden figures taken from the village of "
        "Abokrom in 1898, after a two-year review of its collection.\n\n"
        "The museum\u2019s director, Fenella Marsh, said the decision was \u2018long overdue\u2019. \u2018These objects were removed "
        "by force, and we have known that for a very long time,\u2019 she said. \u2018Holding on to them was a choice, and "
        "it was the wrong one.\u2019\n\n"
        "A delegation from Abokrom, led by the village chief, Nana Kwesi Ofori, will travel to Hallbridge in the "
        "spring to collect the figures. Speaking through an interpreter, he said: \u2018My grandfather told us about "
        "them. He used to say, \u201cThey will come home when the people who took them are ashamed.\u201d\u2019\n\n"
        "Some trustees had argued that the figures were safer in Hallbridge. The museum said a climate-controlled "
        "gallery had been completed in Abokrom last year with funding from the Ghanaian government.",
        quotes=[
            q("These objects were removed by force, and we have known that for a very long time,", "she", "said",
              "Fenella Marsh", s_ctx="she said. \u2018Holding", c_ctx="said. \u2018Holding", aid="A1"),
            q("Holding on to them was a choice, and it was the wrong one.", "she", "said", "Fenella Marsh",
              s_ctx="she said. \u2018Holding", c_ctx="said. \u2018Holding", aid="A1"),
            q("My grandfather told us about them. He used to say, \u201cThey will come home when the people who took "
              "them are ashamed.\u201d", "he", "said", "Kwesi Ofori", s_ctx="he said:", c_ctx="said:"),
        ],
        non_quotes=[nq("long overdue", "mixed quote")],
    ),
    # 14 tech layoffs: "wrote" in a memo + mixed quote + floating, "the company said" indirect,
    #   anonymous speaker "told", nested single-quoted title inside a quote
    dict(
        text="The software company Parallax Labs is cutting 1,100 jobs, about 18% of its workforce, as it shifts "
        "spending towards its cloud security business.\n\n"
        "In a memo to staff seen by the Ledger, the chief executive, Devika Raman, said the company had \u201chired for "
        "a world that did not arrive\u201d. \u201cThis is the hardest decision I have made since founding Parallax,\u201d she "
        "wrote. \u201cThose leaving are not being let go because of anything they did.\u201d\n\n"
        "Employees will receive 16 weeks\u2019 pay and six months of health cover, the company said. Parallax said in a "
        "filing to the stock exchange that it expected to take a one-off charge of $85m.\n\n"
        "Some staff were less forgiving. \u201cWe found out from a calendar invite titled \u2018Business update\u2019,\u201d one "
        "engineer, who asked not to be named, told the Ledger. Shares rose 4% in after-hours trading.",
        quotes=[
            q("This is the hardest decision I have made since founding Parallax,", "she", "wrote", "Devika Raman",
              aid="A1"),
            q("Those leaving are not being let go because of anything they did.", "she", "wrote", "Devika Raman",
              aid="A1"),
            q("We found out from a calendar invite titled \u2018Business update\u2019,", "one engineer", "told"),
        ],
        non_quotes=[nq("hired for a world that did not arrive", "mixed quote")],
    ),
    # 15 sports tribunal: organisation + mixed quote, "she said in a statement" + floating, pronoun after
    #   "told reporters", unnamed spokesperson
    dict(
        text="The swimmer Ottilie Brandt has lost her appeal against a two-year ban for missing three drug tests in "
        "12 months, the Sports Appeals Tribunal said on Friday.\n\n"
        "In its ruling, the tribunal said Brandt had \u201cfailed to take even basic steps\u201d to keep her whereabouts "
        "information up to date. It said the panel accepted that she had not taken any banned substance.\n\n"
        "Brandt, 26, said she was devastated. \u201cI have never cheated and I never will,\u201d she said in a statement "
        "posted on Instagram. \u201cBut I accept that I was careless, and that carelessness has cost me the Games.\u201d\n\n"
        "Her coach, Reinhard Falkenberg, told reporters in Munich that she would consider her options. \u201cOttilie "
        "is a clean athlete and everyone in the sport knows it,\u201d he said.\n\n"
        "The national federation said it respected the decision. \u201cRules on whereabouts exist to protect every "
        "athlete,\u201d a federation spokesperson said.",
        quotes=[
            q("I have never cheated and I never will,", "she", "said", "Ottilie Brandt",
              s_ctx="she said in a statement", c_ctx="said in a statement", aid="A1"),
            q("But I accept that I was careless, and that carelessness has cost me the Games.", "she", "said",
              "Ottilie Brandt", s_ctx="she said in a statement", c_ctx="said in a statement", aid="A1"),
            q("Ottilie is a clean athlete and everyone in the sport knows it,", "he", "said", "Reinhard Falkenberg",
              s_ctx="he said.\n", c_ctx="said.\n"),
            q("Rules on whereabouts exist to protect every athlete,", "a federation spokesperson", "said",
              c_ctx="spokesperson said"),
        ],
        non_quotes=[nq("failed to take even basic steps", "mixed quote")],
    ),
    # 16 theatre, British single quotes: title, mixed quote, pronoun + floating, cue-before "Prest said:" and
    #   cue-after "Quaile said" in the same paragraph, apostrophe inside a single-quoted quote
    dict(
        text="A revival of the 1950s farce \u2018The Widow\u2019s Umbrella\u2019 opens at the Corran Theatre next week, 70 years "
        "after its first run was halted by the censor.\n\n"
        "The director, Imogen Prest, said the play had been \u2018shamefully neglected\u2019. \u2018It is sharper and ruder than "
        "most of what was on in the West End at the time,\u2019 she said. \u2018Audiences in 1954 were laughing at jokes "
        "the censor had missed entirely.\u2019\n\n"
        "Speaking to the Yorkshire Herald, Prest said: \u2018We have cut nothing, not one line.\u2019 The production\u2019s lead, "
        "Barnaby Quaile, who plays the widow\u2019s hapless solicitor, was just as enthusiastic. \u2018It\u2019s a gift of a "
        "part,\u2019 Quaile said.\n\n"
        "Tickets for the opening week sold out within two days, according to the theatre.",
        quotes=[
            q("It is sharper and ruder than most of what was on in the West End at the time,", "she", "said",
              "Imogen Prest", s_ctx="she said. \u2018Audiences", c_ctx="said. \u2018Audiences", aid="A1"),
            q("Audiences in 1954 were laughing at jokes the censor had missed entirely.", "she", "said",
              "Imogen Prest", s_ctx="she said. \u2018Audiences", c_ctx="said. \u2018Audiences", aid="A1"),
            q("We have cut nothing, not one line.", "Prest", "said", "Imogen Prest", s_ctx="Prest said:",
              c_ctx="said:"),
            q("It\u2019s a gift of a part,", "Quaile", "said", "Barnaby Quaile", s_ctx="Quaile said",
              c_ctx="Quaile said"),
        ],
        non_quotes=[nq("The Widow\u2019s Umbrella", "title"), nq("shamefully neglected", "mixed quote")],
    ),
    # 17 charity: pronoun chain with indirect speech and mixed quotes, "she wrote:", "According to",
    #   surname cue after + floating
    dict(
        text="The chief executive of the children\u2019s charity Brightwater Trust has resigned after an investigation "
        "found that more than \u00a3400,000 had been spent on consultancy contracts awarded to a company owned by her "
        "brother.\n\n"
        "Maureen Callaghan-Reid said in a statement that she had \u201cnever knowingly broken any rule\u201d but accepted "
        "that the contracts should have been declared. She said she was stepping down to allow the charity to "
        "\u201cmove forward\u201d. In the same statement, she wrote: \u201cI have given eleven years of my life to this charity "
        "and I am proud of what we built together.\u201d\n\n"
        "According to the Charity Commission, which opened an inquiry in March, the trust\u2019s board met only twice "
        "last year.\n\n"
        "The trust\u2019s chair, Edwin Sallis, said the board had \u201cfailed in its duty of oversight\u201d and would "
        "commission an independent governance review. \u201cDonors trusted us with their money and we let them down,\u201d "
        "Sallis said. \u201cThat is on the board, not on our staff.\u201d",
        quotes=[
            q("I have given eleven years of my life to this charity and I am proud of what we built together.",
              "she", "wrote", "Maureen Callaghan-Reid", s_ctx="she wrote:"),
            q("Donors trusted us with their money and we let them down,", "Sallis", "said", "Edwin Sallis",
              s_ctx="Sallis said. \u201cThat", c_ctx="said. \u201cThat", aid="A1"),
            q("That is on the board, not on our staff.", "Sallis", "said", "Edwin Sallis",
              s_ctx="Sallis said. \u201cThat", c_ctx="said. \u201cThat", aid="A1"),
        ],
        non_quotes=[nq("never knowingly broken any rule", "mixed quote"), nq("move forward", "mixed quote"),
                    nq("failed in its duty of oversight", "mixed quote")],
    ),
    # 18 mountain rescue: pronoun chain over four sentences, "He said:", pronoun + floating with apostrophe
    dict(
        text="Two walkers were airlifted from Ben Tarvit on Saturday evening after becoming trapped on a ledge in "
        "deteriorating weather, mountain rescue teams said.\n\n"
        "The pair, a father and his 19-year-old son, had strayed from the main path in thick cloud. They called "
        "for help at about 4pm. Rescuers reached them three hours later.\n\n"
        "Lachlan Drummond, the leader of the Glen Arran Mountain Rescue Team, said conditions had been some of the "
        "worst his volunteers had faced this year. He said the wind on the summit ridge had been gusting at more "
        "than 60mph. He praised the walkers for staying where they were. He said: \u201cThey did exactly the right "
        "thing. If they had tried to climb down, we would be having a very different conversation.\u201d\n\n"
        "He urged people heading to the hills to check the forecast and carry a map and compass. \u201cPhones run out "
        "of battery,\u201d he said. \u201cPaper doesn\u2019t.\u201d\n\n"
        "A coastguard helicopter carried out the airlift.",
        quotes=[
            q("They did exactly the right thing. If they had tried to climb down, we would be having a very "
              "different conversation.", "He", "said", "Lachlan Drummond", s_ctx="He said: \u201cThey",
              c_ctx="said: \u201cThey"),
            q("Phones run out of battery,", "he", "said", "Lachlan Drummond", s_ctx="he said. \u201cPaper",
              c_ctx="said. \u201cPaper", aid="A1"),
            q("Paper doesn\u2019t.", "he", "said", "Lachlan Drummond", s_ctx="he said. \u201cPaper", c_ctx="said. \u201cPaper",
              aid="A1"),
        ],
    ),
    # 19 data breach: organisation "said in a statement ...:", "According to", inverted name cue + floating
    dict(
        text="Halden Bank has said the personal details of about 230,000 customers may have been exposed in a "
        "cyber attack on one of its suppliers.\n\n"
        "The bank said in a statement on Wednesday: \u201cWe are contacting every affected customer directly. There is "
        "no evidence that any money has been taken from accounts.\u201d\n\n"
        "According to the bank, the stolen data included names, addresses and dates of birth but not passwords "
        "or card numbers. The supplier, a Dutch mailing company called Printwerk, has not commented.\n\n"
        "Consumer groups warned customers to be alert to scam calls. \u201cFraudsters will use this data to sound "
        "convincing,\u201d said Yusuf Demirci of the consumer organisation Fair Money. \u201cIf someone calls claiming to be "
        "from your bank, hang up and ring the number on the back of your card.\u201d\n\n"
        "The Information Commissioner\u2019s Office said it had been informed and was making inquiries.",
        quotes=[
            q("We are contacting every affected customer directly. There is no evidence that any money has been "
              "taken from accounts.", "The bank", "said", "Halden Bank", s_ctx="The bank said",
              c_ctx="said in a statement on"),
            q("Fraudsters will use this data to sound convincing,", "Yusuf Demirci", "said", "Yusuf Demirci",
              c_ctx="said Yusuf", aid="A1"),
            q("If someone calls claiming to be from your bank, hang up and ring the number on the back of your "
              "card.", "Yusuf Demirci", "said", "Yusuf Demirci", c_ctx="said Yusuf", aid="A1"),
        ],
    ),
    # 20 docks: quote-first with name + floating, mixed quotes then "she said", Q&A "he said:"
    dict(
        text="Plans to introduce driverless cranes at the container terminal in Port Esk have been put on hold after "
        "a week of protests by dockworkers.\n\n"
        "\u201cWe are not against technology,\u201d said Ruairi Branagan, a crane operator for 22 years. \u201cWe are against "
        "being told about it in a press release.\u201d\n\n"
        "The terminal\u2019s operator, Esk Gateway, said it would hold talks with unions before making a final "
        "decision. Its operations director, Frances Haldane, told a meeting of local businesses that automation "
        "was \u201cinevitable\u201d but that its pace was \u201copen for discussion\u201d. \u201cNobody here wants a fight,\u201d she said.\n\n"
        "The local MP, Gregor Mackie, welcomed the pause. Asked whether he supported automation in principle, he "
        "said: \u201cI support jobs in Port Esk. Show me a plan that keeps them and I will back it.\u201d",
        quotes=[
            q("We are not against technology,", "Ruairi Branagan", "said", "Ruairi Branagan", aid="A1"),
            q("We are against being told about it in a press release.", "Ruairi Branagan", "said",
              "Ruairi Branagan", c_ctx="said Ruairi", aid="A1"),
            q("Nobody here wants a fight,", "she", "said", "Frances Haldane", s_ctx="she said.",
              c_ctx="said.\n"),
            q("I support jobs in Port Esk. Show me a plan that keeps them and I will back it.", "he", "said",
              "Gregor Mackie", s_ctx="he said:", c_ctx="said:"),
        ],
        non_quotes=[nq("inevitable", "mixed quote"), nq("open for discussion", "mixed quote")],
    ),
    # 21 university strike: "Its general secretary, NAME, said:", question + "asked Professor X",
    #   inverted cue with name and description
    dict(
        text="Lecturers at eleven universities will begin a marking boycott next month in a dispute over pensions, "
        "their union announced on Monday.\n\n"
        "The University and College Staff Union said 71% of members who voted had backed the action. Its general "
        "secretary, Patrice Ndlovu-Hart, said: \u201cOur members have seen the value of their pensions cut by a third. "
        "They are not prepared to accept another cut.\u201d\n\n"
        "Universities said the boycott would hurt students most. \u201cIs it fair that a final-year student should not "
        "know whether they have graduated?\u201d asked Professor Alan Wetherby, chair of the employers\u2019 association. He "
        "said institutions would deduct pay from staff who took part.\n\n"
        "Students were divided. \u201cI support the lecturers, but I also need my degree to start my job in "
        "September,\u201d said Niamh Corrigan, a third-year pharmacy student at the University of Tallbridge.",
        quotes=[
            q("Our members have seen the value of their pensions cut by a third. They are not prepared to accept "
              "another cut.", "Patrice Ndlovu-Hart", "said", "Patrice Ndlovu-Hart", c_ctx="said: \u201cOur"),
            q("Is it fair that a final-year student should not know whether they have graduated?", "Alan Wetherby",
              "asked", "Alan Wetherby"),
            q("I support the lecturers, but I also need my degree to start my job in September,",
              "Niamh Corrigan", "said", "Niamh Corrigan", c_ctx="said Niamh"),
        ],
    ),
    # 22 conservation: pronoun + floating, mixed quote from an organisation, "According to", split quote
    dict(
        text="Red squirrels are to be reintroduced to Fenmore Forest for the first time in more than a century, "
        "under a project led by the Wildwood Conservation Trust.\n\n"
        "The trust\u2019s project manager, Olusegun Barker, said 40 squirrels bred in captivity would be released in "
        "the autumn. \u201cThe forest is ready for them,\u201d he said. \u201cWe have spent four years removing grey squirrels "
        "and planting the right trees.\u201d\n\n"
        "Not everyone is convinced. Local forestry businesses have raised concerns about damage to young trees, "
        "and the landowners\u2019 association described the timetable as \u201cambitious\u201d.\n\n"
        "According to the trust, grey squirrel numbers in the forest have fallen by 90% since culling began. "
        "Barker said volunteers would follow the released animals using small radio collars. \u201cIf this works "
        "here,\u201d he said, \u201cit can work in a dozen other forests.\u201d",
        quotes=[
            q("The forest is ready for them,", "he", "said", "Olusegun Barker", s_ctx="he said. \u201cWe",
              c_ctx="said. \u201cWe", aid="A1"),
            q("We have spent four years removing grey squirrels and planting the right trees.", "he", "said",
              "Olusegun Barker", s_ctx="he said. \u201cWe", c_ctx="said. \u201cWe", aid="A1"),
            q("If this works here,", "he", "said", "Olusegun Barker", s_ctx="he said, \u201cit", c_ctx="said, \u201cit",
              aid="A2"),
            q("it can work in a dozen other forests.", "he", "said", "Olusegun Barker", s_ctx="he said, \u201cit",
              c_ctx="said, \u201cit", aid="A2"),
        ],
        non_quotes=[nq("ambitious", "mixed quote")],
    ),
    # 23 auction: nickname, inverted "said the auctioneer, NAME", honorific "Sir" + floating
    dict(
        text="A misprinted postage stamp from 1868 sold for \u00a31.2m at auction in London on Thursday, a record for a "
        "British stamp.\n\n"
        "The stamp, known among collectors as the \u201cInverted Swan\u201d because of a printing error that shows the bird "
        "upside down, was bought by an anonymous bidder by telephone after a contest lasting nine minutes.\n\n"
        "\u201cI have handled perhaps 50,000 stamps in my career and I have never seen a room like that,\u201d said the "
        "auctioneer, Rosalind Ferrier.\n\n"
        "The seller, Sir Geoffrey Tallis, inherited the stamp from his grandfather. \u201cHe kept it in a biscuit "
        "tin,\u201d Sir Geoffrey said. \u201cI shudder to think how many times it nearly got thrown away.\u201d\n\n"
        "According to the auction house, only three copies of the misprint are known to exist.",
        quotes=[
            q("I have handled perhaps 50,000 stamps in my career and I have never seen a room like that,",
              "Rosalind Ferrier", "said", "Rosalind Ferrier", c_ctx="said the auctioneer"),
            q("He kept it in a biscuit tin,", "Geoffrey", "said", "Geoffrey Tallis", s_ctx="Geoffrey said",
              c_ctx="Geoffrey said", aid="A1"),
            q("I shudder to think how many times it nearly got thrown away.", "Geoffrey", "said",
              "Geoffrey Tallis", s_ctx="Geoffrey said", c_ctx="Geoffrey said", aid="A1"),
        ],
        non_quotes=[nq("Inverted Swan", "nickname")],
    ),
    # 24 rugby: mixed quote in the lead, "told reporters:", surname + floating, question inside a quote
    dict(
        text="The Harlton Hawks head coach, Vili Taufa, says his side must stop \u201cfeeling sorry for ourselves\u201d after "
        "a fourth straight defeat left them bottom of the league.\n\n"
        "Taufa, a former Tonga international, told reporters: \u201cWe are better than the table says. But you do not "
        "get points for being better than the table says.\u201d\n\n"
        "He said he would make changes for Saturday\u2019s trip to Ravenmoor, with the 20-year-old fly-half Ellis "
        "Okonedo in line for a first start. \u201cEllis has earned it,\u201d Taufa said. \u201cHe trains like he has been in the "
        "team for ten years.\u201d\n\n"
        "Ravenmoor\u2019s director of rugby, Pete Garside, was asked whether the Hawks were a dangerous side to face "
        "at this point. \u201cAre they? Absolutely,\u201d he said. \u201cWounded teams bite.\u201d",
        quotes=[
            q("We are better than the table says. But you do not get points for being better than the table says.",
              "Taufa", "told", "Vili Taufa", s_ctx="Taufa, a former", c_ctx="told reporters"),
            q("Ellis has earned it,", "Taufa", "said", "Vili Taufa", s_ctx="Taufa said", c_ctx="Taufa said",
              aid="A1"),
            q("He trains like he has been in the team for ten years.", "Taufa", "said", "Vili Taufa",
              s_ctx="Taufa said", c_ctx="Taufa said", aid="A1"),
            q("Are they? Absolutely,", "he", "said", "Pete Garside", s_ctx="he said. \u201cWounded",
              c_ctx="said. \u201cWounded", aid="A2"),
            q("Wounded teams bite.", "he", "said", "Pete Garside", s_ctx="he said. \u201cWounded",
              c_ctx="said. \u201cWounded", aid="A2"),
        ],
        non_quotes=[nq("feeling sorry for ourselves", "mixed quote")],
    ),
    # 25 pesticide: quote-first with name, floating question, nested single-quoted scare quote,
    #   mixed quote, "A spokesperson said:", "According to" indirect only
    dict(
        text="Beekeepers have accused ministers of breaking a promise after the government granted emergency "
        "approval for a banned pesticide to be used on sugar beet crops this spring.\n\n"
        "\u201cThis is the fourth year in a row that an \u2018emergency\u2019 has been declared,\u201d said Morwenna Treloar, who "
        "chairs the National Apiarists\u2019 Guild. \u201cAt what point does an emergency become a policy?\u201d\n\n"
        "The environment department said the decision had been taken on the advice of its expert committee and "
        "would apply only where the virus threat was \u201cexceptionally high\u201d. A spokesperson said: \u201cStrict "
        "conditions are in place to protect pollinators, including a ban on flowering crops being planted in "
        "treated fields for 32 months.\u201d\n\n"
        "Farmers\u2019 leaders welcomed the move. According to Bernard Ashcombe, the sugar beet board\u2019s chairman, "
        "growers lost a fifth of their crop to the virus in 2020.",
        quotes=[
            q("This is the fourth year in a row that an \u2018emergency\u2019 has been declared,", "Morwenna Treloar",
              "said", "Morwenna Treloar", c_ctx="said Morwenna", aid="A1"),
            q("At what point does an emergency become a policy?", "Morwenna Treloar", "said", "Morwenna Treloar",
              c_ctx="said Morwenna", aid="A1"),
            q("Strict conditions are in place to protect pollinators, including a ban on flowering crops being "
              "planted in treated fields for 32 months.", "A spokesperson", "said", c_ctx="spokesperson said"),
        ],
        non_quotes=[nq("exceptionally high", "mixed quote")],
    ),
    # 26 flood defences: quote-first with name + floating, "He added:", mixed quote with "saying" indirect
    dict(
        text="Residents of Wexcombe who were flooded three times in a decade say they will finally be able to sleep "
        "on wet nights after a \u00a348m defence scheme was officially opened on Friday.\n\n"
        "\u201cThe first time, we lost the carpets. The third time, we lost my mother\u2019s piano,\u201d said Gwen Ashdown, 71, "
        "whose house backs on to the River Lenn. \u201cI used to lie awake listening to the rain.\u201d\n\n"
        "The scheme includes a 2km concrete wall, four pumping stations and a storage reservoir upstream. The "
        "Environment Agency\u2019s area manager, Dominic Frayne, said it had been designed to cope with a "
        "one-in-200-year flood. He added: \u201cNo defence can ever remove the risk completely, and people should "
        "still sign up for our flood warnings.\u201d\n\n"
        "Local councillors had campaigned for the scheme since 2012. One of them, Teresa Munday, described the "
        "opening as \u201cbittersweet\u201d, saying several families had moved away before the wall was built.",
        quotes=[
            q("The first time, we lost the carpets. The third time, we lost my mother\u2019s piano,", "Gwen Ashdown",
              "said", "Gwen Ashdown", c_ctx="said Gwen", aid="A1"),
            q("I used to lie awake listening to the rain.", "Gwen Ashdown", "said", "Gwen Ashdown",
              c_ctx="said Gwen", aid="A1"),
            q("No defence can ever remove the risk completely, and people should still sign up for our flood "
              "warnings.", "He", "added", "Dominic Frayne"),
        ],
        non_quotes=[nq("bittersweet", "mixed quote")],
    ),
    # 27 no speech: obituary with a nickname, titles and a scare quote
    dict(
        text="Ambrose Delacourt, the jazz pianist known to a generation of listeners as \u201cthe Professor\u201d, has died "
        "aged 88. His 1964 album \u201cNight Ferry\u201d sold more than a million copies, an extraordinary figure for an "
        "instrumental record at the time.\n\n"
        "Delacourt began playing in church before moving to New York in his late teens. He recorded with many of "
        "the leading bandleaders of the era and wrote more than 200 compositions, among them \u201cBlue Hour on Canal "
        "Street\u201d and \u201cMama\u2019s Kitchen Waltz\u201d.\n\n"
        "Critics sometimes dismissed his later work as \u201ceasy listening\u201d, a label he was said to find amusing. He "
        "is survived by his wife, the singer Loretta Vance, and three children.",
        quotes=[],
        non_quotes=[nq("the Professor", "nickname"), nq("Night Ferry", "title"),
                    nq("Blue Hour on Canal Street", "title"), nq("Mama\u2019s Kitchen Waltz", "title"),
                    nq("easy listening", "scare quote")],
    ),
    # 28 referendum, ASCII: quote-first with name + floating, mixed quote, "Speaking on ..., he said:",
    #   "According to" indirect
    dict(
        text='Voters in the island republic of Maravella will decide next month whether to scrap the twice-yearly '
        'clock change, after a petition gathered more than 80,000 signatures.\n\n'
        '"Every spring we lose an hour of sleep and every autumn we spend a week confused," said Teodora Vlahos, '
        'the schoolteacher who started the petition. "It is time to choose a time and stick with it."\n\n'
        'The government has said it will remain neutral. But the tourism minister, Andreas Kyprianou, warned on '
        'Tuesday that permanent winter time would mean "darker evenings for our visitors". Speaking on state '
        'radio, he said: "I respect the petition. I only ask people to think about August as well as December."\n\n'
        'Business groups are split. According to a survey by the Maravella Chamber of Commerce, 54% of members '
        'favour permanent summer time.',
        quotes=[
            q("Every spring we lose an hour of sleep and every autumn we spend a week confused,", "Teodora Vlahos",
              "said", "Teodora Vlahos", c_ctx="said Teodora", aid="A1"),
            q("It is time to choose a time and stick with it.", "Teodora Vlahos", "said", "Teodora Vlahos",
              c_ctx="said Teodora", aid="A1"),
            q("I respect the petition. I only ask people to think about August as well as December.", "he",
              "said", "Andreas Kyprianou", s_ctx="he said:", c_ctx="said:"),
        ],
        non_quotes=[nq("darker evenings for our visitors", "mixed quote")],
    ),
    # 29 feature, present tense "says": split quote around an action clause, em-dash inside a quote,
    #   "According to" indirect, pronoun-less surname then floating, em-dash interruption
    dict(
        text="For 31 years, Ines Carvalho has rowed passengers across the River Tamsin at Oldhythe, on a crossing "
        "that has run since at least 1340. This summer, she will take the oars for the last time.\n\n"
        "\u201cPeople think it is romantic,\u201d she says, coiling a rope on the jetty. \u201cIt is romantic \u2014 for about ten "
        "minutes. Then it is January and the river is in flood.\u201d\n\n"
        "The parish council, which owns the ferry, has struggled to find a successor. According to its clerk, "
        "Malcolm Dyer, only two people applied when the job was advertised in the spring, and one of them could "
        "not swim.\n\n"
        "Carvalho laughs at that. \u201cYou do not need to swim,\u201d she says. \u201cYou need not to fall in.\u201d\n\n"
        "Dyer says the council is determined to keep the crossing going. \u201cIf it stops for a year,\u201d he says \u2014 "
        "glancing at the empty jetty \u2014 \u201cI am not sure it ever starts again.\u201d",
        quotes=[
            q("People think it is romantic,", "she", "says", "Ines Carvalho", s_ctx="she says, coiling",
              c_ctx="says, coiling", aid="A1"),
            q("It is romantic \u2014 for about ten minutes. Then it is January and the river is in flood.", "she",
              "says", "Ines Carvalho", s_ctx="she says, coiling", c_ctx="says, coiling", aid="A1"),
            q("You do not need to swim,", "she", "says", "Ines Carvalho", s_ctx="she says. \u201cYou",
              c_ctx="says. \u201cYou", aid="A2"),
            q("You need not to fall in.", "she", "says", "Ines Carvalho", s_ctx="she says. \u201cYou",
              c_ctx="says. \u201cYou", aid="A2"),
            q("If it stops for a year,", "he", "says", "Malcolm Dyer", s_ctx="he says \u2014", c_ctx="says \u2014",
              aid="A3"),
            q("I am not sure it ever starts again.", "he", "says", "Malcolm Dyer", s_ctx="he says \u2014",
              c_ctx="says \u2014", aid="A3"),
        ],
    ),
    # 30 headline quote with cue after ("says mayor"), "wrote on X:", mixed quote from a party statement,
    #   pronoun + floating, "According to" indirect
    dict(
        text="\u201cI was elected to finish the job,\u201d says mayor facing no-confidence vote\n\n"
        "The mayor of Kettleby, Roisin Delahunt, has said she will not resign before a no-confidence vote next "
        "week, despite losing the support of her own party\u2019s councillors.\n\n"
        "Delahunt, who was elected in 2022, has been criticised over a \u00a33m overspend on the refurbishment of the "
        "town hall. On Sunday evening she wrote on X: \u201cI was elected by the people of Kettleby to do a job, and I "
        "intend to do it. I have nothing to hide.\u201d\n\n"
        "Her party, the Civic Alliance, said in a statement that it had \u201clost confidence in the mayor\u2019s "
        "judgement\u201d. The group\u2019s leader on the council, Marcus Feeney, went further. \u201cShe has had every chance to "
        "explain where the money went,\u201d he said. \u201cShe has chosen not to.\u201d\n\n"
        "According to council documents, the refurbishment was originally budgeted at \u00a31.1m.",
        quotes=[
            q("I was elected to finish the job,", "mayor", "says", "Roisin Delahunt", s_ctx="says mayor",
              c_ctx="says mayor"),
            q("I was elected by the people of Kettleby to do a job, and I intend to do it. I have nothing to hide.",
              "she", "wrote", "Roisin Delahunt", s_ctx="she wrote on X", c_ctx="wrote on X"),
            q("She has had every chance to explain where the money went,", "he", "said", "Marcus Feeney",
              s_ctx="he said. \u201cShe", c_ctx="said. \u201cShe", aid="A1"),
            q("She has chosen not to.", "he", "said", "Marcus Feeney", s_ctx="he said. \u201cShe",
              c_ctx="said. \u201cShe", aid="A1"),
        ],
        non_quotes=[nq("lost confidence in the mayor\u2019s judgement", "mixed quote")],
    ),
]


if __name__ == "__main__":
    write_gold("news_dev2_gold.jsonl", CASES, "redline-dev2 (self-written)", marks=(DOUBLE, SINGLE), near=True)
