#!/usr/bin/env python3
"""Build news_dev_gold.jsonl: self-written news passages with gold quote attributions.

Every passage below is invented for this set (names, places, figures); none is copied from
an article or from another gold file. Run from anywhere:

    python tests/annotations/data/make_news_dev_gold.py

Gold conventions (as `redline eval` reads them):
- quote offsets exclude the quotation marks; a quote's trailing comma/full stop inside the
  marks is part of it;
- a split quote ("A," he said, "B.") is two quotes with the same speaker and cue;
- a multi-paragraph quote (no closing mark, the next paragraph reopens) is one quote from its
  first opening mark to its closing mark, the inner paragraph break and reopening mark included
  (the quotation "continues into" the next paragraph);
- a floating quote (no cue of its own, right after an attributed one) carries the speaker
  and cue of that attribution;
- speaker is the mention nearest the cue ("he", "Okafor", "the minister"), without an
  honorific (Ms, Dr, Judge) when it is a name; speaker_resolved is the full name (or the
  organisation) it refers to, given only when the passage names one;
- non_quotes are quoted strings that are not reported speech: scare quotes, titles,
  nicknames, mixed (partial) quotes inside a reported sentence, banner text.

Offsets are computed with str.index and asserted (gold_helpers.py).
"""

from gold_helpers import nq, q, write_gold

CASES = [
    # 1 politics, cue after, pronoun
    dict(
        text="The finance minister, Priya Raghunathan, unveiled a package of tax cuts for small businesses on Tuesday. "
        "\u201cThis is about giving the corner shop a fighting chance,\u201d she said. Opposition parties said the "
        "measures did not go far enough and would be swallowed by rising energy bills.",
        quotes=[q("This is about giving the corner shop a fighting chance,", "she", "said", "Priya Raghunathan")],
    ),
    # 2 business, inverted cue after, ASCII, mixed quote
    dict(
        text='Shares in Kestrel Foods fell 12% on Monday after the company cut its profit forecast for the second '
        'time this year. "We underestimated how quickly the cost of packaging and fuel would rise," said Ingrid '
        'Halvorsen, the chief financial officer. Analysts at Barrow Lowe described the warning as "a wake-up call" '
        'for the whole sector.',
        quotes=[q("We underestimated how quickly the cost of packaging and fuel would rise,", "Ingrid Halvorsen", "said",
                  "Ingrid Halvorsen", s_ctx="Ingrid Halvorsen, the chief")],
        non_quotes=[nq("a wake-up call", "mixed quote")],
    ),
    # 3 sport, cue before "told BBC Sport:", surname only
    dict(
        text="Valencia Athletic manager Mateo Ruiz admitted his side had been outplayed in their 3-0 defeat at "
        "Castle Road. Ruiz told BBC Sport: \u201cWe were not good enough in the first half and we paid for it. "
        "The players know that.\u201d The result leaves Valencia four points above the relegation zone.",
        quotes=[q("We were not good enough in the first half and we paid for it. The players know that.", "Ruiz", "told",
                  "Mateo Ruiz", s_ctx="Ruiz told")],
    ),
    # 4 science, "according to" after the quote
    dict(
        text="Bumblebees can learn to open a simple puzzle box by watching other bees, a study published on Wednesday "
        "suggests. \u201cThe bees were not simply copying; they were improving on what they saw,\u201d according to "
        "Dr L\u00e9a Fontaine, who led the research at the University of Lyon. The team now plans to test whether the "
        "behaviour spreads through whole colonies.",
        quotes=[q("The bees were not simply copying; they were improving on what they saw,", "L\u00e9a Fontaine",
                  "according to", "L\u00e9a Fontaine")],
    ),
    # 5 courts, mixed quote, cue after with title mention, floating quote
    dict(
        text="A former treasurer who stole \u00a3230,000 from a children's charity has been jailed for four years. "
        "Sentencing Margaret Doyle at Leeds Crown Court, Judge Anthony Pemberton said she had shown "
        "\u201cno genuine remorse\u201d. \u201cYou betrayed the trust of people who gave what little they had,\u201d "
        "the judge told her. \u201cThose children deserved far better.\u201d",
        quotes=[
            q("You betrayed the trust of people who gave what little they had,", "the judge", "told",
              "Anthony Pemberton", aid="A1"),
            q("Those children deserved far better.", "the judge", "told", "Anthony Pemberton",
              s_ctx="the judge told", c_ctx="judge told", aid="A1"),
        ],
        non_quotes=[nq("no genuine remorse", "mixed quote")],
    ),
    # 6 local, split quote, unnamed spokesperson
    dict(
        text="Residents of Millbrook have been told the village's only road bridge will stay closed until at least "
        "March. \u201cWe understand how frustrating this is,\u201d said a county council spokesperson, \u201cbut the "
        "structure is simply not safe for traffic.\u201d A temporary footbridge is due to open next week.",
        quotes=[
            q("We understand how frustrating this is,", "a county council spokesperson", "said", aid="A1"),
            q("but the structure is simply not safe for traffic.", "a county council spokesperson", "said",
              c_ctx="said a county", aid="A1"),
        ],
    ),
    # 7 politics, "He said:", nested single quotes
    dict(
        text="The prime minister, Tomasz Wieczorek, defended the coalition deal in parliament on Wednesday. "
        "He said: \u201cWhen people ask me \u2018what did you give away?\u2019, I tell them we gave away nothing "
        "that mattered to working families.\u201d The opposition walked out before the vote.",
        quotes=[q("When people ask me \u2018what did you give away?\u2019, I tell them we gave away nothing that mattered "
                  "to working families.", "He", "said", "Tomasz Wieczorek")],
    ),
    # 8 alternating speakers, ASCII, floating quote, cue before
    dict(
        text='The debate between the two mayoral candidates grew heated over housing. "My opponent has had eight '
        'years to build homes and has built almost none," said Adaeze Okonkwo. "That is simply false," replied '
        'Gareth Lloyd, the sitting mayor. "We have approved more than 3,000 new homes since 2019." Okonkwo shot '
        'back: "Approved is not the same as built."',
        quotes=[
            q("My opponent has had eight years to build homes and has built almost none,", "Adaeze Okonkwo", "said",
              "Adaeze Okonkwo"),
            q("That is simply false,", "Gareth Lloyd", "replied", "Gareth Lloyd", aid="A2"),
            q("We have approved more than 3,000 new homes since 2019.", "Gareth Lloyd", "replied", "Gareth Lloyd",
              aid="A2"),
            q("Approved is not the same as built.", "Okonkwo", "shot back", "Adaeze Okonkwo", s_ctx="Okonkwo shot"),
        ],
    ),
    # 9 health, cue before, multi-paragraph quote
    dict(
        text="Doctors at the Royal Infirmary have warned that winter pressures are arriving earlier than ever. "
        "The hospital's medical director, Dr Siobhan Gallagher, said: \u201cWe are seeing the kind of demand in "
        "October that we would normally expect in January.\n\n\u201cOur staff are exhausted, and I would urge "
        "anyone who is eligible to get their flu vaccine now.\u201d",
        quotes=[
            q("We are seeing the kind of demand in October that we would normally expect in January.\n\n"
              "\u201cOur staff are exhausted, and I would urge anyone who is eligible to get their flu vaccine now.",
              "Siobhan Gallagher", "said", "Siobhan Gallagher", aid="A1"),
        ],
    ),
    # 10 local, ASCII, cue after, floating quote running into a second paragraph
    dict(
        text='Head teacher Colin Whitmore retired on Friday after 31 years at Hartfield Primary. "I came here for '
        'one year and never left," he said. "The children kept me young, and the parents kept me honest.\n\n'
        '"I will miss the noise most of all."',
        quotes=[
            q("I came here for one year and never left,", "he", "said", "Colin Whitmore", aid="A1"),
            q('The children kept me young, and the parents kept me honest.\n\n"I will miss the noise most of all.',
              "he", "said", "Colin Whitmore", aid="A1"),
        ],
    ),
    # 11 media, scare quote, title mention cue before
    dict(
        text="Critics of the so-called \u201cefficiency drive\u201d at the national broadcaster say it has cost more "
        "than it saved. The director general, Hanne S\u00f8rensen, told MPs: \u201cEvery krone we save goes back "
        "into programmes. That was the promise and we have kept it.\u201d",
        quotes=[q("Every krone we save goes back into programmes. That was the promise and we have kept it.",
                  "Hanne S\u00f8rensen", "told", "Hanne S\u00f8rensen", s_ctx="Hanne S\u00f8rensen, told")],
        non_quotes=[nq("efficiency drive", "scare quote")],
    ),
    # 12 culture, book title, surname cue after
    dict(
        text="The novelist Chidi Eze has won this year's Harbour Prize for his debut \u201cThe Salt Roads\u201d, a "
        "story of three generations of fishermen in the Niger Delta. \u201cI wrote it for my grandmother, who "
        "never learned to read,\u201d Eze said at the ceremony in Edinburgh.",
        quotes=[q("I wrote it for my grandmother, who never learned to read,", "Eze", "said", "Chidi Eze")],
        non_quotes=[nq("The Salt Roads", "title")],
    ),
    # 13 film title ASCII, cue "told"
    dict(
        text='The film "Quiet Harbour" swept the regional awards on Saturday night, taking best picture and best '
        'director. Its director, Yuki Tanabe, dedicated the win to her late father. "He took me to the cinema '
        'every Sunday, rain or shine," Tanabe told the audience.',
        quotes=[q("He took me to the cinema every Sunday, rain or shine,", "Tanabe", "told", "Yuki Tanabe",
                  s_ctx="Tanabe told")],
        non_quotes=[nq("Quiet Harbour", "title")],
    ),
    # 14 music, song title, pronoun cue after
    dict(
        text="The band's new single, \u201cPaper Lanterns\u201d, entered the charts at number three on Friday. "
        "Frontman Diego Alvarez said the song was written in a single night in a Lisbon hotel room. "
        "\u201cSometimes the best things come when you stop trying,\u201d he said.",
        quotes=[q("Sometimes the best things come when you stop trying,", "he", "said", "Diego Alvarez",
                  c_ctx="he said")],
        non_quotes=[nq("Paper Lanterns", "title")],
    ),
    # 15 politics, nickname
    dict(
        text="Former wrestler Bogdan \u201cThe Bear\u201d Ionescu has announced he will stand for the Senate. "
        "\u201cThis country needs someone who is not afraid of a fight,\u201d Ionescu told supporters in Cluj. "
        "His party is polling at around 6%.",
        quotes=[q("This country needs someone who is not afraid of a fight,", "Ionescu", "told", "Bogdan Ionescu",
                  s_ctx="Ionescu told")],
        non_quotes=[nq("The Bear", "nickname")],
    ),
    # 16 utilities, "they" for an organisation
    dict(
        text="Greenfield Water has apologised to customers after a burst main left 4,000 homes without supply for "
        "two days. \u201cWe know this has caused real hardship and we are sorry,\u201d they said in a statement, "
        "adding that compensation would be paid automatically.",
        quotes=[q("We know this has caused real hardship and we are sorry,", "they", "said", "Greenfield Water")],
    ),
    # 17 courts, cue before and cue after, two speakers, ASCII
    dict(
        text='Prosecutor Elena Marchetti told the jury: "The defendant had every opportunity to walk away. He chose '
        'not to." In his closing speech, defence barrister Rupert Allingham said his client had acted in '
        'self-defence. "Mr Kowalczyk was terrified for his life," he said.',
        quotes=[
            q("The defendant had every opportunity to walk away. He chose not to.", "Elena Marchetti", "told",
              "Elena Marchetti"),
            q("Mr Kowalczyk was terrified for his life,", "he", "said", "Rupert Allingham", c_ctx="he said"),
        ],
    ),
    # 18 politics, "the president"
    dict(
        text="The president, Amadou Sy, arrived in Brussels on Thursday for talks on a new trade agreement with the "
        "European Union. \u201cAfrica is not asking for charity; we are asking for fair rules,\u201d the president "
        "said. The talks are expected to last two days.",
        quotes=[q("Africa is not asking for charity; we are asking for fair rules,", "the president", "said",
                  "Amadou Sy", s_ctx="the president said")],
    ),
    # 19 energy business, name nearest the cue after
    dict(
        text="Nordlys Energy said on Thursday it would build a two-gigawatt wind farm off the coast of Norway. "
        "\u201cThis is the largest single investment in our history,\u201d the company's chief executive, Astrid "
        "Berg, said. Construction is expected to begin in 2027.",
        quotes=[q("This is the largest single investment in our history,", "Astrid Berg", "said", "Astrid Berg",
                  c_ctx="Berg, said")],
    ),
    # 20 tennis, split quote, Chinese surname first
    dict(
        text="Wang Xinyi reached her first Grand Slam semi-final with a straight-sets win over the fourth seed. "
        "\u201cI was nervous at the start,\u201d Wang said, \u201cbut once I won the first break I felt free.\u201d "
        "She will play the defending champion on Thursday.",
        quotes=[
            q("I was nervous at the start,", "Wang", "said", "Wang Xinyi", s_ctx="Wang said", aid="A1"),
            q("but once I won the first break I felt free.", "Wang", "said", "Wang Xinyi", s_ctx="Wang said",
              c_ctx="Wang said", aid="A1"),
        ],
    ),
    # 21 space, title mention + "told reporters" + floating quote
    dict(
        text="Engineers have lost contact with the Aurora lander hours after it touched down near the Moon's south "
        "pole. Pieter de Vries, the mission manager, said the craft may have landed on its side. \u201cWe are not "
        "giving up hope,\u201d the mission manager told reporters in Darmstadt. \u201cThere are still several things "
        "we can try.\u201d",
        quotes=[
            q("We are not giving up hope,", "the mission manager", "told", "Pieter de Vries",
              s_ctx="the mission manager told", aid="A1"),
            q("There are still several things we can try.", "the mission manager", "told", "Pieter de Vries",
              s_ctx="the mission manager told", c_ctx="manager told", aid="A1"),
        ],
    ),
    # 22 local, ASCII, mixed quote, honorific surname
    dict(
        text='A lollipop lady who has helped children cross the road outside St Anne\'s school for 40 years has been '
        'made an MBE. Dorothy Pike, 78, said she was "gobsmacked" when the letter arrived. "I just did my job, '
        'same as anyone else would," Mrs Pike said.',
        quotes=[q("I just did my job, same as anyone else would,", "Pike", "said", "Dorothy Pike",
                  s_ctx="Pike said")],
        non_quotes=[nq("gobsmacked", "mixed quote")],
    ),
    # 23 diplomacy, organisation "the ministry"
    dict(
        text="Indonesia's foreign ministry summoned the ambassador on Monday after a coastguard vessel entered its "
        "waters near the Natuna Islands. \u201cSuch actions are unacceptable between friendly nations,\u201d the "
        "ministry said in a statement.",
        quotes=[q("Such actions are unacceptable between friendly nations,", "the ministry", "said",
                  s_ctx="the ministry said")],
    ),
    # 24 politics, two cue-before quotes, "asked" / "replied"
    dict(
        text='At a town hall meeting in Ohio, one farmer asked the senator: "Who is going to buy our soybeans now?" '
        'Senator Rachel Whitfield replied: "I am fighting every single day to reopen those markets, and I will not '
        'stop."',
        quotes=[
            q("Who is going to buy our soybeans now?", "one farmer", "asked"),
            q("I am fighting every single day to reopen those markets, and I will not stop.", "Rachel Whitfield",
              "replied", "Rachel Whitfield"),
        ],
    ),
    # 25 courts, mixed quote + "wrote:" dissent
    dict(
        text="The Supreme Court ruled 5-4 on Tuesday to strike down the state's ban on ride-sharing apps. Writing for "
        "the majority, Justice Helena Moreau said the law \u201cplainly exceeds\u201d the state's powers. In a "
        "dissent, Justice Omar Haddad wrote: \u201cThe court today substitutes its own judgment for that of the "
        "people's elected representatives.\u201d",
        quotes=[q("The court today substitutes its own judgment for that of the people's elected representatives.",
                  "Omar Haddad", "wrote", "Omar Haddad")],
        non_quotes=[nq("plainly exceeds", "mixed quote")],
    ),
    # 26 sport, ASCII, nested single quotes, mixed quote
    dict(
        text='Kilbride Rovers manager Sean Murphy said the dressing room was "buzzing" after the cup upset. "One '
        'of the lads came up to me and said, \'Gaffer, this is the best day of my life,\' and I believe him," '
        'Murphy said.',
        quotes=[q("One of the lads came up to me and said, 'Gaffer, this is the best day of my life,' and I believe "
                  "him,", "Murphy", "said", "Sean Murphy", s_ctx="Murphy said.")],
        non_quotes=[nq("buzzing", "mixed quote")],
    ),
    # 27 transport, inverted cue with title + name, floating quote
    dict(
        text='"Rail fares will be frozen next year," said Transport Secretary Imran Qureshi. "Passengers have paid '
        'enough." He added that the freeze would cost the Treasury around £300m.',
        quotes=[
            q("Rail fares will be frozen next year,", "Imran Qureshi", "said", "Imran Qureshi", aid="A1"),
            q("Passengers have paid enough.", "Imran Qureshi", "said", "Imran Qureshi", aid="A1"),
        ],
    ),
    # 28 weather, unnamed spokesman, "told the Evening Post"
    dict(
        text='Flood warnings remain in place along the River Ouse, and the Environment Agency said levels could peak '
        'overnight. "People in low-lying areas should move valuables upstairs and be ready to leave," an agency '
        'spokesman told the Evening Post.',
        quotes=[q("People in low-lying areas should move valuables upstairs and be ready to leave,",
                  "an agency spokesman", "told")],
    ),
    # 29 markets, cue before "wrote:", ASCII
    dict(
        text='Shares in carmaker Vaderstad Motors have lost a third of their value since January. In a note to '
        'clients, Rheinwerk Bank analyst Fabian Kr\u00fcger wrote: "We see little reason for the shares to recover '
        'before the second half of next year."',
        quotes=[q("We see little reason for the shares to recover before the second half of next year.",
                  "Fabian Kr\u00fcger", "wrote", "Fabian Kr\u00fcger")],
    ),
    # 30 boxing, alternating speakers, floating quote
    dict(
        text="\u201cI'm going to knock him out inside three rounds,\u201d said Tyrese Coleman at Thursday's press "
        "conference. His opponent, Oleksandr Bondar, laughed it off. \u201cHe says this before every fight,\u201d "
        "Bondar said. \u201cThen he runs for twelve rounds.\u201d",
        quotes=[
            q("I'm going to knock him out inside three rounds,", "Tyrese Coleman", "said", "Tyrese Coleman"),
            q("He says this before every fight,", "Bondar", "said", "Oleksandr Bondar", s_ctx="Bondar said",
              aid="A2"),
            q("Then he runs for twelve rounds.", "Bondar", "said", "Oleksandr Bondar", s_ctx="Bondar said",
              c_ctx="Bondar said", aid="A2"),
        ],
    ),
    # 31 politics, split quote mid-sentence, floating continuation in same quote
    dict(
        text="The Green Party co-leader, Freya Lindqvist, announced on Sunday that she would step down after the "
        "election. \u201cThe decision,\u201d she said, \u201cwas not taken lightly. I have discussed it with my "
        "family for months.\u201d",
        quotes=[
            q("The decision,", "she", "said", "Freya Lindqvist", aid="A1"),
            q("was not taken lightly. I have discussed it with my family for months.", "she", "said",
              "Freya Lindqvist", aid="A1"),
        ],
    ),
    # 32 cost of living, ASCII, present tense "says:", apostrophes inside quote
    dict(
        text='Maria Santos, who runs a bakery on Bridge Street, says business has never been tougher. Santos says: '
        '"Electricity has tripled. I can\'t put the price of bread up three times, people won\'t pay it."',
        quotes=[q("Electricity has tripled. I can't put the price of bread up three times, people won't pay it.",
                  "Santos", "says", "Maria Santos", s_ctx="Santos says:", c_ctx="Santos says:")],
    ),
    # 33 crime, "According to X," before the quote
    dict(
        text="Police have arrested a 34-year-old man after a car was driven into a crowd outside a nightclub in "
        "Bristol. According to Chief Constable Mark Ellison, \u201cthere is nothing at this stage to suggest the "
        "incident was terror-related.\u201d Three people remain in hospital.",
        quotes=[q("there is nothing at this stage to suggest the incident was terror-related.", "Mark Ellison",
                  "According to", "Mark Ellison")],
    ),
    # 34 politics, "the minister told the Bundestag"
    dict(
        text="Germany's economy minister, Katrin Vogt, promised emergency support for steelmakers hit by cheap "
        "imports. \u201cWe will not let this industry die,\u201d the minister told the Bundestag. The package is "
        "worth \u20ac2bn over three years.",
        quotes=[q("We will not let this industry die,", "the minister", "told", "Katrin Vogt",
                  s_ctx="the minister told")],
    ),
    # 35 council, question + "asked Councillor X", indirect speech afterwards
    dict(
        text="\u201cWhy should families pay for the council's mistakes?\u201d asked Councillor Aisha Rahman during a "
        "stormy budget meeting. Council leader Brian Tolley said the cuts to library opening hours were "
        "unavoidable.",
        quotes=[q("Why should families pay for the council's mistakes?", "Aisha Rahman", "asked", "Aisha Rahman")],
    ),
    # 36 science, "the team wrote", then "Lead author X said:"
    dict(
        text="Researchers at the University of Cape Town have identified a new species of gecko on Table Mountain. "
        "\u201cIt was hiding in plain sight,\u201d the team wrote in their paper. Lead author Thandiwe Nkosi said: "
        "\u201cWe must have walked past those rocks hundreds of times.\u201d",
        quotes=[
            q("It was hiding in plain sight,", "the team", "wrote", s_ctx="the team wrote"),
            q("We must have walked past those rocks hundreds of times.", "Thandiwe Nkosi", "said",
              "Thandiwe Nkosi"),
        ],
    ),
    # 37 protest, banner text (negative), scare quote; one real quote
    dict(
        text="Thousands of nurses marched through central Manchester on Saturday carrying banners reading "
        "\u201cSafe staffing saves lives\u201d. Union organiser Bernadette Quinn said the government's \u201cfair "
        "offer\u201d was nothing of the kind. \u201cOur members are leaving the profession in droves,\u201d she told "
        "the crowd.",
        quotes=[q("Our members are leaving the profession in droves,", "she", "told", "Bernadette Quinn")],
        non_quotes=[nq("Safe staffing saves lives", "banner text"), nq("fair offer", "scare quote")],
    ),
    # 38 economy, surname cue after, then "She added:"
    dict(
        text="Chiamaka Okafor, who chairs the Lagos Chamber of Commerce, welcomed the central bank's decision to hold "
        "interest rates. \u201cBusinesses needed stability and this gives them some,\u201d Okafor said. She added: "
        "\u201cThe real test will be what happens to the naira over the next three months.\u201d",
        quotes=[
            q("Businesses needed stability and this gives them some,", "Okafor", "said", "Chiamaka Okafor",
              s_ctx="Okafor said"),
            q("The real test will be what happens to the naira over the next three months.", "She", "added",
              "Chiamaka Okafor"),
        ],
    ),
    # 39 regional politics, "Speaking to X, Y said:", ASCII
    dict(
        text='Speaking to Radio Foyle on Monday, Councillor Seamus McGinley said: "The north-west has been ignored '
        'by Stormont for far too long. We want a university campus, not another consultation."',
        quotes=[q("The north-west has been ignored by Stormont for far too long. We want a university campus, not "
                  "another consultation.", "Seamus McGinley", "said", "Seamus McGinley")],
    ),
    # 40 skiing, descriptive mention "the 24-year-old"
    dict(
        text="Ingrid Haugen claimed her first World Cup victory with a dominant giant slalom run in S\u00f6lden. "
        "\u201cI have dreamed about this since I was six,\u201d the 24-year-old said. \u201cMy legs are still "
        "shaking.\u201d",
        quotes=[
            q("I have dreamed about this since I was six,", "the 24-year-old", "said", "Ingrid Haugen", aid="A1"),
            q("My legs are still shaking.", "the 24-year-old", "said", "Ingrid Haugen", aid="A1"),
        ],
    ),
    # 41 local, anonymous speaker, ASCII question
    dict(
        text='Parents in Ashgrove are angry that the only playground on the estate has been fenced off for housing. '
        '"Where are our children supposed to play now?" asked one mother, who did not want to be named. The '
        'developer, Larchfield Homes, said a new play area would open in 2026.',
        quotes=[q("Where are our children supposed to play now?", "one mother", "asked")],
    ),
    # 42 virology, long post-quote attribution
    dict(
        text="A new strain of bird flu has been found in dairy herds in three provinces. \u201cThere is no evidence "
        "yet of spread between humans, but we are watching very closely,\u201d said Dr Hamid Karimi, a virologist at "
        "the Pasteur Institute in Tehran, in an interview with state television.",
        quotes=[q("There is no evidence yet of spread between humans, but we are watching very closely,",
                  "Hamid Karimi", "said", "Hamid Karimi")],
    ),
    # 43 celebrity, "wrote:" on social media, scare quote
    dict(
        text="The actor Rafael Monteiro has cancelled the rest of his theatre tour after what he called a \u201cminor "
        "health scare\u201d. Posting on Instagram, Monteiro wrote: \u201cThank you to everyone who bought tickets. "
        "I promise I will make it up to you.\u201d",
        quotes=[q("Thank you to everyone who bought tickets. I promise I will make it up to you.", "Monteiro",
                  "wrote", "Rafael Monteiro", s_ctx="Monteiro wrote")],
        non_quotes=[nq("minor health scare", "mixed quote")],
    ),
    # 44 no speech at all: scare quotes only
    dict(
        text="Ministers insist the \u201clevelling up\u201d agenda is working, but new figures show the gap in "
        "wages between London and the north-east widened again last year. The so-called \u201cnorthern "
        "powerhouse\u201d has lost 12,000 manufacturing jobs since 2020.",
        quotes=[],
        non_quotes=[nq("levelling up", "scare quote"), nq("northern powerhouse", "scare quote")],
    ),
]


if __name__ == "__main__":
    write_gold("news_dev_gold.jsonl", CASES, "redline-dev (self-written)")
