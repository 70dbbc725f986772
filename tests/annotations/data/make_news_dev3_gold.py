#!/usr/bin/env python3
"""Build news_dev3_gold.jsonl: a third held-out set of self-written news passages with gold quote
attributions.

Written blind to the attribution rules (nothing under annotations/nlp/ was read and no passage was run
through `redline analyze` before this file was committed). Every passage is invented for this set (names,
places, organisations, figures); none is copied from an article, from the first two dev sets or from
another gold file. It adds what those sets have little of: British quotation style with straight single
marks ('...') and apostrophes inside, nested double marks inside single ones, headlines whose quote
closes before the comma ("'...', says mayor"), an exchange of alternating unattributed turns, a quote
whose speaker is named only in the next sentence, titles ("the company's chief executive", "the
coroner") and descriptions ("the 24-year-old") that refer back to a named person, "she"/"he" with a
person of the other gender named nearer, speakers named by first name only, "according to" and "In her
words" after or before a quote, "adding:", "agreed:", "warned:", "explained:", a chanted quote, a
multi-paragraph quote in single marks, and titles, nicknames, banner text, a quoted single word and
mixed quotes as negatives. Run from anywhere:

    python tests/annotations/data/make_news_dev3_gold.py

Gold conventions (the same as make_news_dev_gold.py and make_news_dev2_gold.py, as
`redline eval` reads them):
- quote offsets exclude the quotation marks (double, single, curly or straight); a quote's trailing
  comma/full stop/question or exclamation mark inside the marks is part of it, punctuation after the
  closing mark is not; quotation marks nested inside a quote stay part of that quote;
- a split quote ("A," he said, "B.") is two quotes with the same speaker and cue;
- a multi-paragraph quote (no closing mark, the next paragraph reopens) is one quote from its first
  opening mark to its closing mark, the inner paragraph breaks and reopening marks included;
- a floating quote (no cue of its own, right after an attributed one) carries the speaker and cue of
  that attribution; in an exchange of alternating turns, an unattributed turn carries the speaker and
  cue of the same person's last attributed turn;
- a quote whose speaker is named only in the next sentence ("Those were the words of X", "X, 71, said
  she ...") takes that sentence's mention and cue;
- speaker is the mention nearest the cue ("he", "Maya", "the coroner"), without an honorific (Ms, Mr,
  Dr, Dame, Professor) when it is a name, and the name when a title is in apposition to it; speaker_resolved
  is the full name (or the organisation) it refers to, given only when the passage names one;
- a quote in a headline-like first line is a quote when the line has a speech cue ("says");
- non_quotes are quoted strings that are not reported speech: scare quotes, titles, nicknames, banner
  text, a word mentioned as a word, mixed (partial) quotes inside a reported sentence.

Offsets are computed with str.index and asserted (gold_helpers.py).
"""

from gold_helpers import ASCII_SINGLE, DOUBLE, SINGLE, nq, q, write_gold

CASES = [
    # 1 headline in British single marks closing before the comma ("..., says ... mayor"), name given only
    #   in the body; "told residents:" with honorific; pronoun + floating in single marks
    dict(
        text="\u2018Nobody will be left to cope alone\u2019, says Ashby Magna mayor\n\n"
        "The mayor of Ashby Magna, Gillian Trask, has promised that every household flooded last week will be "
        "offered a grant of up to \u00a35,000 towards repairs.\n\n"
        "Speaking at a packed meeting in the parish hall on Tuesday night, Mrs Trask told residents: \u2018We will "
        "not let the river win. Nobody in this village will be left on their own.\u2019\n\n"
        "Her deputy, Owen Pritchard, said the council had already received 140 applications. \u2018The money is "
        "there,\u2019 he said. \u2018What we need now is builders.\u2019",
        quotes=[
            q("Nobody will be left to cope alone", "Ashby Magna mayor", "says", "Gillian Trask",
              s_ctx="says Ashby Magna mayor", c_ctx="says Ashby"),
            q("We will not let the river win. Nobody in this village will be left on their own.", "Trask", "told",
              "Gillian Trask", s_ctx="Trask told", c_ctx="told residents"),
            q("The money is there,", "he", "said", "Owen Pritchard", s_ctx="he said", c_ctx="he said", aid="A1"),
            q("What we need now is builders.", "he", "said", "Owen Pritchard", s_ctx="he said", c_ctx="he said",
              aid="A1"),
        ],
    ),
    # 2 ASCII double: "said the company's chief executive" resolved to a name given two paragraphs up,
    #   floating quote, "told the Fenwick Gazette:", nickname
    dict(
        text='Harwood Logistics, whose chief executive Marcus Oyelowo took over in January, will close its depot in '
        'Fenwick with the loss of 320 jobs, the company announced on Wednesday.\n\n'
        'The depot, known locally as "the Shed", has operated since 1974 and is the town\'s largest private '
        'employer.\n\n'
        '"We have looked at every alternative, and none of them works," said the company\'s chief executive. "I '
        'know what this means for families in Fenwick, and I am sorry."\n\n'
        'The union Unify said it would ballot members on industrial action. Its regional officer, Carla Benn, told '
        'the Fenwick Gazette: "Workers found out from a press release. That tells you everything."',
        quotes=[
            q("We have looked at every alternative, and none of them works,", "the company's chief executive",
              "said", "Marcus Oyelowo", c_ctx="said the company's", aid="A1"),
            q("I know what this means for families in Fenwick, and I am sorry.", "the company's chief executive",
              "said", "Marcus Oyelowo", c_ctx="said the company's", aid="A1"),
            q("Workers found out from a press release. That tells you everything.", "Carla Benn", "told",
              "Carla Benn", c_ctx="told the Fenwick"),
        ],
        non_quotes=[nq("the Shed", "nickname")],
    ),
    # 3 straight single marks with apostrophes inside, surname + age + "told" + floating, mixed quote,
    #   "agreed:" with straight double marks nested inside
    dict(
        text="Former jockey Danny Fitch has spoken for the first time about the fall that ended his career at "
        "Aintree two years ago.\n\n"
        "'I don't remember the fence, I don't remember the ambulance,' Fitch, 38, told the Racing Post. 'The "
        "first thing I remember is my daughter's face.'\n\n"
        "Fitch, who now trains horses near Middleham, said the sport's attitude to head injuries had 'changed "
        "beyond recognition'. His former weighing-room rival Kieran Dwyer agreed: 'In my day the doctor would say "
        "\"you'll be fine\" and you'd ride again that afternoon. Nobody's doing that now, thank God.'",
        quotes=[
            q("I don't remember the fence, I don't remember the ambulance,", "Fitch", "told", "Danny Fitch",
              s_ctx="Fitch, 38", aid="A1"),
            q("The first thing I remember is my daughter's face.", "Fitch", "told", "Danny Fitch",
              s_ctx="Fitch, 38", aid="A1"),
            q("In my day the doctor would say \"you'll be fine\" and you'd ride again that afternoon. Nobody's "
              "doing that now, thank God.", "Kieran Dwyer", "agreed", "Kieran Dwyer"),
        ],
        non_quotes=[nq("changed beyond recognition", "mixed quote")],
    ),
    # 4 court exchange: alternating turns, two of them unattributed; "Ms X asked" / "Mr Y replied";
    #   "she said" and "he said" with one man and one woman in play
    dict(
        text="The trial of a former planning officer accused of taking bribes heard on Thursday from the developer "
        "who is alleged to have paid him.\n\n"
        "Under cross-examination, Simon Achebe was asked by defence counsel Ruth Calloway about a payment of "
        "\u00a340,000 made in March 2021. \u201cWas that a gift?\u201d Ms Calloway asked.\n\n"
        "\u201cIt was a consultancy fee,\u201d Mr Achebe replied.\n\n"
        "\u201cFor what consultancy?\u201d\n\n"
        "\u201cAdvice on the planning process.\u201d\n\n"
        "\u201cFrom the man deciding your application?\u201d she said.\n\n"
        "Achebe paused before answering. \u201cI can see how it looks,\u201d he said.\n\n"
        "The trial continues.",
        quotes=[
            q("Was that a gift?", "Calloway", "asked", "Ruth Calloway", s_ctx="Calloway asked",
              c_ctx="Calloway asked", aid="A1"),
            q("It was a consultancy fee,", "Achebe", "replied", "Simon Achebe", s_ctx="Achebe replied",
              c_ctx="Achebe replied", aid="A2"),
            q("For what consultancy?", "Calloway", "asked", "Ruth Calloway", s_ctx="Calloway asked",
              c_ctx="Calloway asked", aid="A1"),
            q("Advice on the planning process.", "Achebe", "replied", "Simon Achebe", s_ctx="Achebe replied",
              c_ctx="Achebe replied", aid="A2"),
            q("From the man deciding your application?", "she", "said", "Ruth Calloway", s_ctx="she said",
              c_ctx="she said"),
            q("I can see how it looks,", "he", "said", "Simon Achebe", s_ctx="\u201d he said", c_ctx="\u201d he said"),
        ],
    ),
    # 5 ASCII double: "the minister said:" resolved to a title-name mention, scare quote, "according to X"
    #   after the quote, "she said" with the minister (a man) also in play
    dict(
        text='Ministers have approved a 12% rise in the budget for rural bus services, the transport department said '
        'on Monday.\n\n'
        'Transport Minister Alun Hughes-Parry said the money would restore 60 routes cut during the pandemic. '
        'Opposition parties have long called rural buses the "Cinderella service" of public transport. Speaking '
        'later on regional radio, the minister said: "A bus that comes twice a day is not a service, it\'s a '
        'rumour."\n\n'
        'Not everyone is convinced. "Sixty routes is a start, but we lost more than two hundred," according to '
        'Megan Rowlands of the Rural Transport Alliance. Rowlands added that many of the restored routes would run '
        'only on weekdays. "If you work a Saturday shift, this does nothing for you," she said.',
        quotes=[
            q("A bus that comes twice a day is not a service, it's a rumour.", "the minister", "said",
              "Alun Hughes-Parry", s_ctx="the minister said:", c_ctx="minister said:"),
            q("Sixty routes is a start, but we lost more than two hundred,", "Megan Rowlands", "according to",
              "Megan Rowlands"),
            q("If you work a Saturday shift, this does nothing for you,", "she", "said", "Megan Rowlands",
              s_ctx="she said", c_ctx="she said"),
        ],
        non_quotes=[nq("Cinderella service", "scare quote")],
    ),
    # 6 split quotes mid-sentence around a long attribution (title + name + place; name + description)
    dict(
        text="A global survey of 4,000 hospitals has found that one in five still relies on paper records for "
        "prescriptions, a practice the authors link to thousands of avoidable deaths.\n\n"
        "\u201cIf we do nothing,\u201d the report\u2019s lead author, Dr Felix Amadi, told a briefing in Geneva, \u201cwe will "
        "be having the same conversation in ten years. Paper kills people.\u201d\n\n"
        "\u201cThe problem,\u201d said Professor Nadia Kurtz, a health economist who was not involved in the study, "
        "\u201cis not the technology but the money to maintain it.\u201d She said many hospitals had bought systems they "
        "could not afford to keep running.",
        quotes=[
            q("If we do nothing,", "Felix Amadi", "told", "Felix Amadi", aid="A1"),
            q("we will be having the same conversation in ten years. Paper kills people.", "Felix Amadi", "told",
              "Felix Amadi", aid="A1"),
            q("The problem,", "Nadia Kurtz", "said", "Nadia Kurtz", c_ctx="said Professor", aid="A2"),
            q("is not the technology but the money to maintain it.", "Nadia Kurtz", "said", "Nadia Kurtz",
              c_ctx="said Professor", aid="A2"),
        ],
    ),
    # 7 opening quote whose speaker is named only in the next sentence ("Those were the words of"),
    #   unnamed spokesman + floating, "he said" after a question inside the quote
    dict(
        text="\u201cThey gave us ten minutes to get out. Ten minutes, after thirty years.\u201d\n\n"
        "Those were the words of Rosa Delgado, 67, one of 40 tenants evacuated from the Marlowe Court flats in "
        "Easthaven on Friday after engineers found cracks in a supporting wall.\n\n"
        "The landlord, Castlegate Properties, said it had acted on the engineers\u2019 advice. \u201cWe did not take "
        "this decision lightly,\u201d a spokesman for the company said. \u201cThe safety of tenants comes first.\u201d\n\n"
        "Ms Delgado\u2019s neighbour, Tomasz Nowak, was not persuaded. \u201cSafety? They have known about those "
        "cracks since 2019,\u201d he said.",
        quotes=[
            q("They gave us ten minutes to get out. Ten minutes, after thirty years.", "Rosa Delgado",
              "Those were the words of", "Rosa Delgado"),
            q("We did not take this decision lightly,", "a spokesman for the company", "said",
              c_ctx="company said", aid="A1"),
            q("The safety of tenants comes first.", "a spokesman for the company", "said", c_ctx="company said",
              aid="A1"),
            q("Safety? They have known about those cracks since 2019,", "he", "said", "Tomasz Nowak",
              s_ctx="he said.", c_ctx="he said."),
        ],
    ),
    # 8 "he said" right after a woman's name (her coach is the speaker), then "she said" after a surname
    dict(
        text="Anya Koval won her first title in three years on Sunday, beating top seed Mirela Tanase 6-4 6-3 in the "
        "final of the Harbour Open, and her coach, Luis Ferreira, could barely speak afterwards.\n\n"
        "\u201cI told her at breakfast that today was the day,\u201d he said. \u201cShe just looked at me as if I was "
        "mad.\u201d\n\n"
        "Koval, 27, laughed when she was told that. \u201cHe says that every morning,\u201d she said. \u201cToday he "
        "happened to be right.\u201d",
        quotes=[
            q("I told her at breakfast that today was the day,", "he", "said", "Luis Ferreira",
              s_ctx="\u201d he said", c_ctx="\u201d he said", aid="A1"),
            q("She just looked at me as if I was mad.", "he", "said", "Luis Ferreira", s_ctx="\u201d he said",
              c_ctx="\u201d he said", aid="A1"),
            q("He says that every morning,", "she", "said", "Anya Koval", s_ctx="she said", c_ctx="she said",
              aid="A2"),
            q("Today he happened to be right.", "she", "said", "Anya Koval", s_ctx="she said", c_ctx="she said",
              aid="A2"),
        ],
    ),
    # 9 a child referred to by first name only; "he said" after a man's name; quote naming the child but
    #   spoken by someone else; "Asked ..., Maya replied:"
    dict(
        text="When Maya Okonjo, nine, noticed that the pond behind her school in Redfield had turned green, she "
        "wrote to the council. Three months later, it has been cleaned and stocked with newts.\n\n"
        "\u201cI just thought someone should tell them,\u201d Maya said, holding up a jar of pondweed. Her teacher, "
        "Patrick Doyle, said he had helped with the spelling but nothing else. \u201cThe letter was all hers,\u201d he "
        "said.\n\n"
        "The council\u2019s parks officer, Hilary Vance, visited the school on Friday to thank her. \u201cMaya did what "
        "a lot of adults never get round to doing,\u201d Ms Vance said. Asked what she would fix next, Maya replied: "
        "\u201cThe swings.\u201d",
        quotes=[
            q("I just thought someone should tell them,", "Maya", "said", "Maya Okonjo", s_ctx="Maya said",
              c_ctx="Maya said"),
            q("The letter was all hers,", "he", "said", "Patrick Doyle", s_ctx="\u201d he", c_ctx="he said.\n"),
            q("Maya did what a lot of adults never get round to doing,", "Vance", "said", "Hilary Vance",
              s_ctx="Vance said", c_ctx="Vance said"),
            q("The swings.", "Maya", "replied", "Maya Okonjo", s_ctx="Maya replied"),
        ],
    ),
    # 10 feature, present tense "says": first names only after the first mention, "Her skipper" (her = the
    #   boat), "she says" for a woman named by first name
    dict(
        text="At 4am the harbour at Portnahaven is dark except for the deck lights of the Morning Star. Her skipper, "
        "Alasdair MacLeod, has fished these waters for 41 years; his deckhand, Kirsty Rowe, for 18 months.\n\n"
        "\u201cThe sea does not care how you feel on a given morning,\u201d Alasdair says, hauling a creel over the "
        "side. \u201cYou learn that or you go home.\u201d\n\n"
        "Kirsty, 23, left a job in a call centre in Glasgow to come here. \u201cHe shouts a lot,\u201d she says, "
        "grinning. \u201cBut only at the lobsters.\u201d",
        quotes=[
            q("The sea does not care how you feel on a given morning,", "Alasdair", "says", "Alasdair MacLeod",
              s_ctx="Alasdair says", c_ctx="Alasdair says", aid="A1"),
            q("You learn that or you go home.", "Alasdair", "says", "Alasdair MacLeod", s_ctx="Alasdair says",
              c_ctx="Alasdair says", aid="A1"),
            q("He shouts a lot,", "she", "says", "Kirsty Rowe", s_ctx="she says", c_ctx="she says", aid="A2"),
            q("But only at the lobsters.", "she", "says", "Kirsty Rowe", s_ctx="she says", c_ctx="she says",
              aid="A2"),
        ],
    ),
    # 11 British single marks: a three-paragraph quote after "She said:" (inner paragraphs reopen without
    #   closing, an apostrophe inside), two mixed quotes, unnamed spokesman "he said"
    dict(
        text="The Bishop of Wendover, the Rt Rev Clare Osgood, has used her Easter sermon to attack what she called "
        "a \u2018quiet acceptance\u2019 of child poverty. She said:\n\n"
        "\u2018There are children in this diocese who go to school hungry. That isn\u2019t a political statement; it "
        "is a fact.\n\n"
        "\u2018There are families choosing between heating and eating, and we have become far too comfortable "
        "talking about it as if it were the weather.\n\n"
        "\u2018I do not ask anyone to agree with me about the remedy. I ask only that we stop looking away.\u2019\n\n"
        "A government spokesman said ministers had \u2018made record investments\u2019 in support for families. "
        "\u2018We have lifted 300,000 children out of poverty since 2021,\u2019 he said.",
        quotes=[
            q("There are children in this diocese who go to school hungry. That isn\u2019t a political statement; it "
              "is a fact.\n\n\u2018There are families choosing between heating and eating, and we have become far "
              "too comfortable talking about it as if it were the weather.\n\n\u2018I do not ask anyone to agree "
              "with me about the remedy. I ask only that we stop looking away.", "She", "said", "Clare Osgood",
              s_ctx="She said:", c_ctx="said:"),
            q("We have lifted 300,000 children out of poverty since 2021,", "he", "said", s_ctx="\u2019 he said",
              c_ctx="\u2019 he said"),
        ],
        non_quotes=[nq("quiet acceptance", "mixed quote"), nq("made record investments", "mixed quote")],
    ),
    # 12 music: nickname, album and song titles, a word mentioned as a word, mixed quote; "she told" +
    #   floating, "he said" with the quote naming the woman
    dict(
        text="Nell Carraway, the folk singer her fans call \u201cthe Lighthouse Keeper\u201d, releases her first album in "
        "nine years on Friday. The record, \u201cSalt and Static\u201d, was written in a caravan on the Lleyn "
        "peninsula and recorded in eleven days.\n\n"
        "Its lead single, \u201cGlasshouse\u201d, has already been streamed more than two million times. Carraway, 52, "
        "bristles at the word \u201ccomeback\u201d. \u201cI never went anywhere,\u201d she told the Observer. \u201cI just "
        "stopped answering the phone.\u201d\n\n"
        "Her producer, Dev Malhotra, said the sessions had been \u201cchaotic in the best way\u201d. \u201cNell would change "
        "a lyric between takes and not tell anyone,\u201d he said.",
        quotes=[
            q("I never went anywhere,", "she", "told", "Nell Carraway", aid="A1"),
            q("I just stopped answering the phone.", "she", "told", "Nell Carraway", c_ctx="told the Observer",
              s_ctx="she told", aid="A1"),
            q("Nell would change a lyric between takes and not tell anyone,", "he", "said", "Dev Malhotra",
              s_ctx="\u201d he said", c_ctx="\u201d he said"),
        ],
        non_quotes=[nq("the Lighthouse Keeper", "nickname"), nq("Salt and Static", "title"),
                    nq("Glasshouse", "title"), nq("comeback", "word mention"),
                    nq("chaotic in the best way", "mixed quote")],
    ),
    # 13 headline quote in single marks with an apostrophe inside ("won't"), "says leader" resolved to the
    #   council leader named in the body; surname + floating; "Campaigner X ... said:"
    dict(
        text="Council \u2018won\u2019t be bullied\u2019 over seafront parking, says leader\n\n"
        "The leader of Dunmere District Council, Andrew Colquhoun, has said the authority will press ahead with "
        "charges for parking on the seafront, despite a petition signed by 6,000 people.\n\n"
        "\u2018We will not be bullied by a campaign that has misrepresented our plans from day one,\u2019 Mr Colquhoun "
        "said. \u2018The charges are modest and every penny goes back into the seafront.\u2019\n\n"
        "Campaigner Sheila Brannigan, who organised the petition, said: \u2018He calls it modest. Try telling that to "
        "a pensioner who walks her dog there every morning.\u2019",
        quotes=[
            q("won\u2019t be bullied", "leader", "says", "Andrew Colquhoun", s_ctx="says leader",
              c_ctx="says leader"),
            q("We will not be bullied by a campaign that has misrepresented our plans from day one,", "Colquhoun",
              "said", "Andrew Colquhoun", s_ctx="Colquhoun said", c_ctx="Colquhoun said", aid="A1"),
            q("The charges are modest and every penny goes back into the seafront.", "Colquhoun", "said",
              "Andrew Colquhoun", s_ctx="Colquhoun said", c_ctx="Colquhoun said", aid="A1"),
            q("He calls it modest. Try telling that to a pensioner who walks her dog there every morning.",
              "Sheila Brannigan", "said", "Sheila Brannigan", c_ctx="petition, said:"),
        ],
    ),
    # 14 ASCII double: rank + name "told reporters outside ...:", "she said" with a girl and her mother
    #   named, floating quote; "According to the detective" indirect only
    dict(
        text='Police investigating the disappearance of a 16-year-old girl from Corrington have arrested a '
        '45-year-old man on suspicion of kidnap.\n\n'
        'Detective Superintendent Leon Marsh told reporters outside Corrington police station: "We are keeping an '
        'open mind. Our priority is still to find Amira and bring her home safely."\n\n'
        'Amira Haddad was last seen at a bus stop on Station Road at about 7pm on Saturday. Her mother, Samira '
        'Haddad, made an emotional appeal for information. "Somebody knows something," she said. "Please, please '
        'pick up the phone."\n\n'
        'According to the detective, officers have received more than 300 calls from the public.',
        quotes=[
            q("We are keeping an open mind. Our priority is still to find Amira and bring her home safely.",
              "Leon Marsh", "told", "Leon Marsh"),
            q("Somebody knows something,", "she", "said", "Samira Haddad", s_ctx="she said", c_ctx="she said",
              aid="A1"),
            q("Please, please pick up the phone.", "she", "said", "Samira Haddad", s_ctx="she said",
              c_ctx="she said", aid="A1"),
        ],
    ),
    # 15 interview: "Asked about ..., she said:", a reporter's question in the narrative then one-word
    #   answers split by "she said", "he told the Clarion" after "wished her well"
    dict(
        text="In her first interview since taking charge of the National Gallery of Wales, Ffion Mathias was frank "
        "about money, Monet and the roof.\n\n"
        "Asked about the gallery\u2019s finances, she said: \u201cWe are \u00a33m short this year and I am not going to "
        "pretend otherwise.\u201d\n\n"
        "And the leaking roof, which forced the closure of two rooms last winter? \u201cFixed,\u201d she said. "
        "\u201cMostly.\u201d\n\n"
        "Her predecessor, Gareth Pugh, who left after a row over ticket prices, wished her well. \u201cShe will need a "
        "thick skin and a good umbrella,\u201d he told the Clarion.",
        quotes=[
            q("We are \u00a33m short this year and I am not going to pretend otherwise.", "she", "said",
              "Ffion Mathias", s_ctx="she said:", c_ctx="said:"),
            q("Fixed,", "she", "said", "Ffion Mathias", s_ctx="she said.", c_ctx="said.", aid="A1"),
            q("Mostly.", "she", "said", "Ffion Mathias", s_ctx="she said.", c_ctx="said.", aid="A1"),
            q("She will need a thick skin and a good umbrella,", "he", "told", "Gareth Pugh", s_ctx="he told",
              c_ctx="he told"),
        ],
    ),
    # 16 court: "she said" after a woman's statement naming a man nearer the quote, floating; judge
    #   "Jailing him, Judge X said:"; "she said" for the widow; mixed quote
    dict(
        text="A lorry driver who killed a cyclist while using his phone has been jailed for six years.\n\n"
        "Detective Inspector Joanne Kirby told Bristol Crown Court she had interviewed the driver, Patrick Moody, "
        "twice in the days after the crash. \u201cHe kept saying he had only looked down for a second,\u201d she said. "
        "\u201cThe phone records showed he had been texting for nine minutes.\u201d\n\n"
        "Moody\u2019s barrister, Victor Adeyemi, said his client was \u201cutterly ashamed\u201d. Jailing him, Judge Helen "
        "Marr said: \u201cA second is all it takes. You chose to take that risk over and over again.\u201d\n\n"
        "The cyclist\u2019s widow, Claire Denton, spoke outside court. \u201cNothing today brings Rob back,\u201d she said.",
        quotes=[
            q("He kept saying he had only looked down for a second,", "she", "said", "Joanne Kirby",
              s_ctx="she said. \u201cThe", c_ctx="said. \u201cThe", aid="A1"),
            q("The phone records showed he had been texting for nine minutes.", "she", "said", "Joanne Kirby",
              s_ctx="she said. \u201cThe", c_ctx="said. \u201cThe", aid="A1"),
            q("A second is all it takes. You chose to take that risk over and over again.", "Helen Marr", "said",
              "Helen Marr", c_ctx="Marr said:"),
            q("Nothing today brings Rob back,", "she", "said", "Claire Denton", s_ctx="back,\u201d she said",
              c_ctx="back,\u201d she said"),
        ],
        non_quotes=[nq("utterly ashamed", "mixed quote")],
    ),
    # 17 business: cue after with a participle and a place ("said, laughing, on a call ..., adding:"), a
    #   game title; "she wrote in a note" after a name + description
    dict(
        text="Shares in the games maker Pixelforge jumped 18% on Thursday after it reported record sales of its "
        "puzzle game \u201cLantern Lane\u201d.\n\n"
        "\u201cHonestly, we did not expect this,\u201d chief executive Ola S\u00f8rensen said, laughing, on a call with "
        "analysts, adding: \u201cWe had budgeted for a quiet year.\u201d\n\n"
        "The company said it would hire 150 more developers. Kemi Adebayo, an analyst at Thorne Securities, was "
        "more cautious. \u201cOne hit does not make a pipeline,\u201d she wrote in a note to clients.",
        quotes=[
            q("Honestly, we did not expect this,", "Ola S\u00f8rensen", "said", "Ola S\u00f8rensen",
              c_ctx="S\u00f8rensen said"),
            q("We had budgeted for a quiet year.", "Ola S\u00f8rensen", "adding", "Ola S\u00f8rensen"),
            q("One hit does not make a pipeline,", "she", "wrote", "Kemi Adebayo"),
        ],
        non_quotes=[nq("Lantern Lane", "title")],
    ),
    # 18 British single marks: "His successor, X, said:" with double marks nested inside (and an apostrophe
    #   in them), nickname, "According to his family" indirect, quote first then "his daughter, X, said in
    #   a statement"
    dict(
        text="Tributes have been paid to Hamish Baird, the former leader of Strathcarron council, who has died aged "
        "81.\n\n"
        "His successor, Morag Kennedy, said: \u2018When I was first elected he sent me a card that said simply "
        "\u201cDon\u2019t let them grind you down\u201d. I kept it on my desk for ten years.\u2019\n\n"
        "Baird, a former shipyard welder, was known across the chamber as \u2018the Riveter\u2019. According to his "
        "family, he died peacefully at home on Sunday. \u2018He was stubborn to the very end, and we loved him for "
        "it,\u2019 his daughter, Fiona Lennox, said in a statement.",
        quotes=[
            q("When I was first elected he sent me a card that said simply \u201cDon\u2019t let them grind you down\u201d. "
              "I kept it on my desk for ten years.", "Morag Kennedy", "said", "Morag Kennedy",
              c_ctx="Kennedy, said"),
            q("He was stubborn to the very end, and we loved him for it,", "Fiona Lennox", "said", "Fiona Lennox",
              c_ctx="Lennox, said"),
        ],
        non_quotes=[nq("the Riveter", "nickname")],
    ),
    # 19 golf, ASCII double: "said the 24-year-old, who ..." + floating, caddie surname, "He told Sky
    #   Sports:" after the runner-up is named, apostrophes between the quotes
    dict(
        text='Ewan Lockhart won the Lisbon Masters by two shots on Sunday, his first title on the European tour.\n\n'
        '"I have been knocking on the door for two years," said the 24-year-old, who finished with a round of 66. '
        '"Today it finally opened."\n\n'
        'Lockhart\'s caddie, Bernie Wallace, is 61 and carried the bag for three major champions in the 1990s. "He '
        'reminds me of them, because he doesn\'t panic," Wallace said.\n\n'
        'The runner-up, Rasmus Lind, was gracious. He told Sky Sports: "Ewan played beautifully on the back nine. '
        'There was nothing I could do."',
        quotes=[
            q("I have been knocking on the door for two years,", "the 24-year-old", "said", "Ewan Lockhart",
              aid="A1"),
            q("Today it finally opened.", "the 24-year-old", "said", "Ewan Lockhart", c_ctx="said the 24",
              aid="A1"),
            q("He reminds me of them, because he doesn't panic,", "Wallace", "said", "Bernie Wallace",
              s_ctx="Wallace said"),
            q("Ewan played beautifully on the back nine. There was nothing I could do.", "He", "told",
              "Rasmus Lind", s_ctx="He told"),
        ],
    ),
    # 20 football: organisation "the club said in a statement" + floating, "he wrote" for an Instagram post,
    #   "he insisted:" for an owner named in the previous sentence
    dict(
        text="Carrow Vale have sacked their manager, Derek Omondi, after a run of nine games without a win.\n\n"
        "\u201cDerek has given everything to this club and leaves with our thanks,\u201d the club said in a statement. "
        "\u201cHowever, results have fallen well below expectations.\u201d\n\n"
        "Omondi, 48, posted a short message on Instagram. \u201cGutted. Proud of the lads. See you down the road,\u201d "
        "he wrote.\n\n"
        "The club\u2019s owner, the American businessman Curtis Vail, is expected to name a replacement within a "
        "week. Speaking to the local paper last month, he insisted: \u201cI am not a trigger-happy owner.\u201d",
        quotes=[
            q("Derek has given everything to this club and leaves with our thanks,", "the club", "said",
              "Carrow Vale", s_ctx="the club said", aid="A1"),
            q("However, results have fallen well below expectations.", "the club", "said", "Carrow Vale",
              s_ctx="the club said", c_ctx="club said", aid="A1"),
            q("Gutted. Proud of the lads. See you down the road,", "he", "wrote", "Derek Omondi",
              s_ctx="he wrote"),
            q("I am not a trigger-happy owner.", "he", "insisted", "Curtis Vail", s_ctx="he insisted"),
        ],
    ),
    # 21 protest: a chanted quote with an exclamation mark ("they chanted"), placard text, pronoun +
    #   floating question, mixed quote from a minister
    dict(
        text="Hundreds of farmers drove tractors into the centre of Valmont on Monday, blocking the ring road for six "
        "hours. \u201cNo farmers, no food!\u201d they chanted outside the regional assembly, where placards read "
        "\u201cBread costs more than wheat\u201d.\n\n"
        "Among them was Pascal Dufour, who grows cereals on 180 hectares near Brissac. \u201cMy grandfather earned "
        "more for a tonne of wheat than I do,\u201d he said. \u201cHow is that possible?\u201d\n\n"
        "The agriculture minister, Sandrine Leroux, met a delegation in the afternoon. She later told journalists "
        "that she had \u201cheard their anger\u201d and would present proposals within a month.",
        quotes=[
            q("No farmers, no food!", "they", "chanted"),
            q("My grandfather earned more for a tonne of wheat than I do,", "he", "said", "Pascal Dufour",
              aid="A1"),
            q("How is that possible?", "he", "said", "Pascal Dufour", aid="A1"),
        ],
        non_quotes=[nq("Bread costs more than wheat", "banner text"), nq("heard their anger", "mixed quote")],
    ),
    # 22 straight single marks throughout, apostrophes in and between quotes: nickname, surname + floating,
    #   mixed quote, "She told the ...:" after a woman's title-name
    dict(
        text="A man who spent six years painting murals of foxes on derelict buildings across Grimsworth has finally "
        "been identified. Locals had called the mystery artist 'the Fox Man'.\n\n"
        "He is Terry Albright, a 58-year-old retired postman. 'I didn't want the fuss,' Albright said. 'I wanted "
        "people to look up, that's all.'\n\n"
        "The town's mayor, Lorraine Hewitt, said the murals had 'put Grimsworth on the map'. She told the "
        "Grimsworth Echo: 'We'd like Terry to paint the new library next. I've already asked him twice.'",
        quotes=[
            q("I didn't want the fuss,", "Albright", "said", "Terry Albright", s_ctx="Albright said",
              c_ctx="Albright said", aid="A1"),
            q("I wanted people to look up, that's all.", "Albright", "said", "Terry Albright",
              s_ctx="Albright said", c_ctx="Albright said", aid="A1"),
            q("We'd like Terry to paint the new library next. I've already asked him twice.", "She", "told",
              "Lorraine Hewitt", s_ctx="She told"),
        ],
        non_quotes=[nq("the Fox Man", "nickname"), nq("put Grimsworth on the map", "mixed quote")],
    ),
    # 23 "according to a statement from X" after the quote, "In her words," before it, "One of them, X,
    #   34, said:"
    dict(
        text="The ride-hailing app Zipp has withdrawn from the city of Porto Verde after a row over licensing "
        "fees.\n\n"
        "\u201cThe fees would have made every journey in the city loss-making,\u201d according to a statement from the "
        "company\u2019s regional director, Anders Holm.\n\n"
        "The city\u2019s transport councillor, Beatriz Lima, was unmoved. In her words, \u201cEvery taxi firm in Porto "
        "Verde pays these fees. Zipp is not special.\u201d\n\n"
        "Drivers were told by text message on Sunday night. One of them, Rui Matos, 34, said: \u201cI have a car loan "
        "to pay. What am I supposed to do now?\u201d",
        quotes=[
            q("The fees would have made every journey in the city loss-making,", "Anders Holm", "according to",
              "Anders Holm"),
            q("Every taxi firm in Porto Verde pays these fees. Zipp is not special.", "her", "In her words",
              "Beatriz Lima", s_ctx="In her words"),
            q("I have a car loan to pay. What am I supposed to do now?", "Rui Matos", "said", "Rui Matos"),
        ],
    ),
    # 24 opening quote whose speaker is named only in the next sentence ("The plea came from Dr X"),
    #   "he added" after a title-name mention
    dict(
        text="\u201cIf you have a cough that has lasted more than three weeks, please see a doctor. Do not wait for it "
        "to go away.\u201d\n\n"
        "The plea came from Dr Anita Rao, a respiratory consultant at St Bride\u2019s Hospital in Carlow, after a rise "
        "in tuberculosis cases in the county.\n\n"
        "Figures published on Tuesday show 48 cases last year, up from 19 in 2022. The county\u2019s director of "
        "public health, Martin Keogh, said the numbers remained small. \u201cBut the trend is the wrong way, and we "
        "are taking it seriously,\u201d he added.",
        quotes=[
            q("If you have a cough that has lasted more than three weeks, please see a doctor. Do not wait for it "
              "to go away.", "Anita Rao", "The plea came from", "Anita Rao"),
            q("But the trend is the wrong way, and we are taking it seriously,", "he", "added", "Martin Keogh"),
        ],
    ),
    # 25 opening quote whose speaker is named in the next sentence with indirect speech ("X, 71, said
    #   she had ..."), pronoun + floating, a later first-name-only reference ("Janet said")
    dict(
        text="\u201cThe roof just lifted off like the lid of a tin. We were in the kitchen and suddenly we could see "
        "the sky.\u201d\n\n"
        "Janet Ferris, 71, said she had lived on Quarry Road in Ballinamore for half a century and had never known "
        "a storm like it. Her neighbour, Kwame Asante, said the council had been warned about loose tiles on the "
        "terrace for years. \u201cWe have been reporting it since 2020,\u201d he said. \u201cNobody came.\u201d\n\n"
        "Janet has been staying with her daughter since Sunday night. \u201cI just want my own bed back,\u201d Janet "
        "said.",
        quotes=[
            q("The roof just lifted off like the lid of a tin. We were in the kitchen and suddenly we could see the "
              "sky.", "Janet Ferris", "said", "Janet Ferris", c_ctx="71, said"),
            q("We have been reporting it since 2020,", "he", "said", "Kwame Asante", s_ctx="he said",
              c_ctx="he said", aid="A1"),
            q("Nobody came.", "he", "said", "Kwame Asante", s_ctx="he said", c_ctx="he said", aid="A1"),
            q("I just want my own bed back,", "Janet", "said", "Janet Ferris", s_ctx="Janet said",
              c_ctx="Janet said"),
        ],
    ),
    # 26 inquest: "the coroner said" resolved to "Senior coroner X" + floating, "X said outside the
    #   hearing:" for the mother (the same surname as the boy)
    dict(
        text="An inquest has heard that a teenager who drowned in a flooded quarry near Holmbridge had climbed "
        "through a gap in a fence that had been reported as broken months earlier.\n\n"
        "Liam Garvey, 15, died in July last year. Senior coroner Patricia Allott recorded a conclusion of "
        "accidental death. \u201cThis was a tragedy that did not need to happen,\u201d the coroner said. \u201cA fence "
        "with a hole in it is not a fence.\u201d\n\n"
        "The quarry\u2019s owner, Denholm Aggregates, said it had since replaced the fencing. Liam\u2019s mother, Karen "
        "Garvey, said outside the hearing: \u201cI want every quarry owner in the country to go and check their "
        "fences tonight.\u201d",
        quotes=[
            q("This was a tragedy that did not need to happen,", "the coroner", "said", "Patricia Allott",
              s_ctx="the coroner said", c_ctx="coroner said", aid="A1"),
            q("A fence with a hole in it is not a fence.", "the coroner", "said", "Patricia Allott",
              s_ctx="the coroner said", c_ctx="coroner said", aid="A1"),
            q("I want every quarry owner in the country to go and check their fences tonight.", "Karen Garvey",
              "said", "Karen Garvey", c_ctx="said outside"),
        ],
    ),
    # 27 parliament, ASCII double: "she told the chamber" + floating after "The prime minister, X,", "he
    #   said" for a man named after her, "said X's ally, Dame Y" (honorific dropped) + floating
    dict(
        text='The prime minister, Elena Vasquez, faced down a rebellion by 40 of her own MPs on Tuesday as the '
        'housing bill passed its second reading by 19 votes.\n\n'
        '"Every one of those rebels has a waiting list in their constituency," she told the chamber. "I would ask '
        'them to explain to those families why they voted to keep it."\n\n'
        'The rebels\' leader, Graham Ashworth, said he had no regrets. "I was elected to represent my '
        'constituents, not the whips," he said.\n\n'
        '"The prime minister knows our concerns," said Ashworth\'s ally, Dame Lucy Fenn. "We will keep raising '
        'them."',
        quotes=[
            q("Every one of those rebels has a waiting list in their constituency,", "she", "told",
              "Elena Vasquez", aid="A1"),
            q("I would ask them to explain to those families why they voted to keep it.", "she", "told",
              "Elena Vasquez", s_ctx="she told", c_ctx="told the chamber", aid="A1"),
            q("I was elected to represent my constituents, not the whips,", "he", "said", "Graham Ashworth",
              s_ctx="he said.", c_ctx="he said."),
            q("The prime minister knows our concerns,", "Lucy Fenn", "said", "Lucy Fenn", c_ctx="said Ashworth",
              aid="A2"),
            q("We will keep raising them.", "Lucy Fenn", "said", "Lucy Fenn", c_ctx="said Ashworth", aid="A2"),
        ],
    ),
    # 28 no speech: film titles in curly double, curly single and straight double marks, a scare quote
    #   and a mixed quote ("what organisers call")
    dict(
        text="The Aldwater Film Festival opens on Thursday with \u201cThe Long Quiet\u201d, a Danish drama about a "
        "lighthouse keeper and his estranged son. Its director, Sofie Brandt, won the festival\u2019s top prize in "
        "2019 for \u2018Winter Crossing\u2019.\n\n"
        "The programme also includes a restored print of the 1962 musical \"Sunday in Soho\" and a late-night "
        "strand of what organisers cheerfully call \u201cterrible films, lovingly chosen\u201d. The festival\u2019s "
        "so-called \u2018green carpet\u2019 \u2014 made of recycled tyres \u2014 returns for a third year.",
        quotes=[],
        non_quotes=[nq("The Long Quiet", "title"), nq("Winter Crossing", "title"), nq("Sunday in Soho", "title"),
                    nq("terrible films, lovingly chosen", "mixed quote"), nq("green carpet", "scare quote")],
    ),
    # 29 strike: a quote split after two full sentences ("The rest," said union representative X, "is
    #   ..."), a quote with an ellipsis and "he said of the talks" + floating, quote-first with name +
    #   relative clause, a one-word mixed quote
    dict(
        text="Teachers at Fernleigh Academy will strike for three days next week in a dispute over class sizes.\n\n"
        "\u201cWe have done our part. We have taken on bigger classes for four years. The rest,\u201d said union "
        "representative Nadia Hussain, \u201cis up to the trust.\u201d\n\n"
        "The Fernleigh Learning Trust\u2019s chief executive, Paul Redmond, said he was \u201cdisappointed\u201d by the "
        "decision. \u201cOur door is open \u2026 it has always been open,\u201d he said of the talks. \u201cI would urge the "
        "union to walk through it.\u201d\n\n"
        "Parents were divided. \u201cMy son has 34 in his class. Something has to give,\u201d said Leanne Crow, whose "
        "two children attend the school.",
        quotes=[
            q("We have done our part. We have taken on bigger classes for four years. The rest,", "Nadia Hussain",
              "said", "Nadia Hussain", c_ctx="said union", aid="A1"),
            q("is up to the trust.", "Nadia Hussain", "said", "Nadia Hussain", c_ctx="said union", aid="A1"),
            q("Our door is open \u2026 it has always been open,", "he", "said", "Paul Redmond", s_ctx="he said of",
              c_ctx="said of", aid="A2"),
            q("I would urge the union to walk through it.", "he", "said", "Paul Redmond", s_ctx="he said of",
              c_ctx="said of", aid="A2"),
            q("My son has 34 in his class. Something has to give,", "Leanne Crow", "said", "Leanne Crow",
              c_ctx="said Leanne"),
        ],
        non_quotes=[nq("disappointed", "mixed quote")],
    ),
    # 30 central bank: "The bank's governor, X, warned:", "he explained:" after an intervening sentence,
    #   "he told Radio ..." for a second man named after a woman
    dict(
        text="The Bank of Corvania raised interest rates by half a percentage point on Thursday, the largest increase "
        "in 15 years.\n\n"
        "The bank\u2019s governor, Ivan Petrescu, warned: \u201cInflation is not going to fix itself. If we act late, we "
        "will have to act harder.\u201d\n\n"
        "In a letter to the finance minister, published alongside the decision, he explained: \u201cPrices for food "
        "and energy have risen faster than at any time since the currency was introduced.\u201d\n\n"
        "The finance minister, Daria Novak, said the government respected the bank\u2019s independence. The "
        "opposition\u2019s economy spokesman, Radu Ilie, was blunter. \u201cFamilies with mortgages will pay for the "
        "government\u2019s mistakes,\u201d he told Radio Corvania.",
        quotes=[
            q("Inflation is not going to fix itself. If we act late, we will have to act harder.", "Ivan Petrescu",
              "warned", "Ivan Petrescu"),
            q("Prices for food and energy have risen faster than at any time since the currency was introduced.",
              "he", "explained", "Ivan Petrescu", s_ctx="he explained"),
            q("Families with mortgages will pay for the government\u2019s mistakes,", "he", "told", "Radu Ilie",
              s_ctx="he told", c_ctx="told Radio"),
        ],
    ),
]


if __name__ == "__main__":
    write_gold("news_dev3_gold.jsonl", CASES, "redline-dev3 (self-written)",
               marks=(DOUBLE, SINGLE, ASCII_SINGLE), near=True)
