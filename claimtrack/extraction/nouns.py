"""Word lists for telling who a subject phrase is: places, first names, and the nouns
that describe people without naming them ("a source", "one attendee", "most voters")."""

from __future__ import annotations

COUNTRIES = frozenset(
    """afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain
    bangladesh belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon
    canada chile china colombia croatia cuba cyprus denmark egypt england estonia
    ethiopia finland france georgia germany ghana greece haiti hungary india indonesia
    iran iraq ireland israel italy japan jordan kazakhstan kenya kosovo kuwait lebanon
    libya lithuania malaysia mali mexico moldova morocco myanmar nepal netherlands
    nigeria norway oman pakistan palestine panama peru philippines poland portugal qatar
    romania russia rwanda scotland serbia singapore slovakia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine
    uzbekistan venezuela vietnam wales yemen zimbabwe moscow beijing tehran baghdad
    kyiv kiev damascus ankara jerusalem london paris berlin brussels""".split()
)

# Common first names whose gender is clear; anything else stays unknown.
MALE_NAMES = frozenset(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis
    jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
    harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse
    dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph
    randy eugene vincent russell elijah louis bobby philip johnny mike bill bob jim tom dan
    ted rick chuck newt mitt jeb bernie barack marco rand ben chris tim al hank omar ahmed
    mohammed muhammad ali hassan ivan igor sergei vladimir dmitry pierre jean luis carlos
    miguel pedro raj ravi""".split()
)
FEMALE_NAMES = frozenset(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
    betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa
    deborah stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna
    brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
    janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina
    lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria
    ann teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise
    amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla hillary chelsea nikki carly michele elizabeth sheila
    loretta huma kellyanne ivanka melania sonia fatima aisha olga natasha ana sofia lucia
    priya ines""".split()
)

# Singular nouns for an unnamed person or people ("a source familiar with ...",
# "one attendee", "the candidate"): descriptions, never names.
PERSON_NOUNS = frozenset(
    """source sources attendee attendees aide aides voter voters resident residents commenter
    commenters witness witnesses strategist strategists operative operatives consultant
    consultants insider insiders candidate candidates nominee nominees donor donors supporter
    supporters critic critics opponent opponents expert experts lawyer lawyers activist
    activists observer observers participant participants member members person people
    man men woman women staffer staffers worker workers employee employees student students
    parent parents veteran veterans owner owners organizer organizers protester protesters
    delegate delegates diplomat diplomats scholar scholars historian historians economist
    economists pollster pollsters researcher researchers scientist scientists doctor
    doctors physician physicians nurse nurses teacher teachers friend friends ally allies
    adviser advisers advisor advisors confidant confidants associate associates colleague
    colleagues partner partners victim victims survivor survivors user users customer
    customers viewer viewers reader readers listener listeners fan fans backer backers
    loyalist loyalists detractor detractors skeptic skeptics conservative conservatives
    liberal liberals progressive progressives independent independents moderate moderates
    republican republicans democrat democrats campaigner campaigners mother father son
    daughter wife husband sister brother widow neighbor neighbors neighbour neighbours
    official officials lawmaker lawmakers legislator legislators senator senators
    attorney attorneys prosecutor prosecutors investigator investigators officer officers
    spokesman spokeswoman spokesperson representative representatives negotiator
    negotiators analyst analysts watcher watchers author authors columnist columnists
    commentator commentators blogger bloggers journalist journalists reporter reporters
    host hosts guest guests caller callers speaker speakers panelist panelists juror jurors
    judge judges mogul moguls tycoon tycoons magnate magnates billionaire billionaires
    millionaire millionaires narrator narrators rival rivals founder founders adult adults
    peer peers child children teen teens teenager teenagers patient patients surgeon
    surgeons neurosurgeon documentarian filmmaker filmmakers entrepreneur entrepreneurs
    investor investors executive executives director directors leader leaders chief
    chiefs boss bosses winner winners chef chefs actor actors actress singer singers
    comedian comedians rapper musician musicians athlete athletes""".split()
)
# Quantities of people that open a subject: "Most of the candidates", "Twenty-four percent".
QUANTIFIERS = frozenset(
    """most many some all few several half none majority minority plurality third quarter
    percent dozens hundreds thousands millions number handful both each either neither
    one two three four five six seven eight nine ten""".split()
)
