"""Whether a person is a man or a woman, from an honorific or a common first name."""

from __future__ import annotations

from .text import words

# Honorifics that say whether the person is a man or a woman ("Ms Lee", "Mr Tan").
HONORIFICS = {**dict.fromkeys(words("mr sir lord"), "m"),
              **dict.fromkeys(words("ms mrs miss lady dame madam"), "f")}
# A deliberately small list of common given names across English-language news; a name
# missing here just leaves the gender open (his/her, Mr/Ms or a resolved he/she decide).
_FEMALE = words(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    margaret betty sandra dorothy kimberly emily donna michelle carol amanda melissa
    deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria kelly christina lauren
    joan evelyn olivia judith megan cheryl martha frances hannah jacqueline ann anne
    gloria kathryn alice teresa sara janice doris madison julia grace judy abigail
    marie denise beverly amber theresa marilyn danielle diana brittany natalie sophia rose
    isabella kayla charlotte claire clare fiona kirsty lorna morag eilidh siobhan
    aoife niamh sinead gemma chloe lucy sophie jane jill joanne louise nicola zoe ellie
    amelia isla ava mia harriet imogen eleanor rosa ana beatriz lucia carmen ines elena
    sofia anita priya sunita aisha fatima mariam leila yasmin ingrid astrid sigrid freya
    anja katarina natasha olga svetlana irina marta agnieszka monique camille chantal
    nadia ruby jasmine molly ella lily daisy poppy megan bethan sian rhian catrin"""
)
_MALE = words(
    """james robert john michael david william richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy
    walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence
    jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne
    randy vincent mason roy ralph bobby russell bradley philip eugene harry oliver
    callum connor liam declan ciaran niall eoin fergus hamish angus alasdair alastair
    alistair euan ewan iain ian craig gavin graham neil stuart duncan malcolm rhys gareth
    dafydd huw owen alun emyr tom tim ben dan nick rob mike dave steve andy simon
    martin colin derek trevor nigel clive barry keith lars anders erik sven olaf hans
    jens pierre jean-luc francois luc jacques carlos luis miguel javier pedro antonio
    manuel diego pablo giovanni marco luca ahmed mohammed muhammad ali omar hassan ibrahim
    yusuf rajesh sanjay vikram arjun raj dmitri sergei ivan vladimir igor"""
)


def name_gender(first: str) -> str:
    """"f" or "m" for a common given name, "" when the name says nothing."""
    low = first.lower().strip(".")
    if low in _FEMALE:
        return "f"
    if low in _MALE:
        return "m"
    return ""


def is_given_name(word: str) -> bool:
    """Whether a capitalised word is a common given name ("Megan", "Alasdair")."""
    return word[:1].isupper() and name_gender(word) != ""
