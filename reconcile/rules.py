"""Human descriptions of rule ids, for ``reconcile explain``.

Rule ids are dotted: the first part names the stage (``num`` the number
grammar, ``measure`` the measure cues, ``attr`` attribution, ``stance`` the
stance, ``event`` the event anchor, ``engine`` the reconciliation).  The most
specific prefix in this ordered table wins.
"""
from __future__ import annotations

RULE_PREFIXES: tuple[tuple[str, str], ...] = (
    # number grammar
    ("num.range", "a range of two figures (between X and Y, X to Y, X or Y)"),
    ("num.bound", "a figure with a bound word (at least, more than, up to, about...)"),
    ("num.zero", "a zero phrase (no one, none, No <noun>)"),
    ("num.vague", "a vague plural (dozens, hundreds, scores) with a conventional interval"),
    ("num.article", "an article counting one person ('a man was killed'), kept only in a report that "
                    "states no figure of its own for that measure"),
    ("num.ref", "a figure given by reference (a similar number) takes the figure before it"),
    ("num.word", "a number written in words"),
    ("num.digits", "a number written in digits"),
    ("num", "the number grammar"),
    # measures
    ("measure.zero.noun", "the noun of a zero phrase names the measure (no casualties, no deaths)"),
    ("measure.right.fatally", "'N shot, one fatally': the second figure counts the killed"),
    ("measure.right.among", "'N were among the dead/injured/missing': a part of the toll"),
    ("measure.right", "a measure word after the figure and its noun phrase (N people were killed)"),
    ("measure.left.toll", "a toll phrase before the figure (the death toll rose to N)"),
    ("measure.left.number_of", "'the number of dead/injured ... N' before the figure"),
    ("measure.left.among", "'among the dead/injured were N'"),
    ("measure.left.put_number", "'X put the number at N': the measure of the figure before it"),
    ("measure.left.risen_to", "'that number has risen to N': the measure of the figure before it"),
    ("measure.left", "a transitive verb right before the figure (killing N, injured N people)"),
    ("measure.of_them", "'N of them' takes the measure of the figure before it"),
    ("measure.other", "another count: the verb says what happened to the things counted"),
    ("measure", "the measure lexicon"),
    # parts of a larger count
    ("part", "a part of a larger count (N of them, including N, N other, one hospital's intake, "
             "the seriously hurt): its own quantity, never a rival of the total"),
    # the clause view (extract/clauses.py): phrases attached to the figure or its clause
    ("clause.venue", "the figure's clause limits it to one venue (a hospital, the scene, a home): a part of the toll"),
    ("clause.place", "a place phrase on the figure's clause; a part when the place is not the event's own"),
    ("clause.later", "those who died later ('have since died'): an increment, a part of the toll"),
    ("clause.select", "the clause's verb picks some victims out (identified, released, admitted): a part"),
    ("clause.more", "'N more': an increment added to a toll, not a rival of it"),
    ("clause.other", "'N other(s)': people besides those counted before"),
    ("clause.of-total", "'N of the M ...': the figure counts a part of a stated whole"),
    ("clause.including", "'including N', 'among them N': a part of the figure before"),
    ("clause.contrast", "'not N', 'rather than N': a figure the clause sets against another"),
    ("clause", "the clause view of the figure"),
    # attribution and stance
    ("attr.according_to", "'according to X' names the claimant"),
    ("attr.quote", "a quotation attributed to its speaker"),
    ("attr.resolved", "a title or pronoun resolved to the person or body named earlier"),
    ("attr.chain", "nested attribution: X reported that Y said"),
    ("attr.none", "no attribution: the outlet's own voice"),
    ("attr", "an attribution verb (X said, X told, X reported...)"),
    ("stance.confirm", "the claimant confirms or admits the figure"),
    ("stance.deny", "the claimant denies or rejects the figure"),
    ("stance.hedge", "a hedge (reportedly, allegedly, believed, estimated...)"),
    ("stance", "the stance rules"),
    ("event", "the event anchor (date, place, kind words)"),
    ("doc.mentions.death", "the report mentions a death somewhere (rules out 'no death reported')"),
    ("doc.mentions.injury", "the report mentions someone hurt somewhere (rules out 'no injury reported')"),
    ("derived", "a figure the engine computed from stated ones"),
    ("engine", "the reconciliation engine"),
)


def describe_rule(rule_id: str) -> str:
    """The description of the most specific known prefix of ``rule_id``."""
    for prefix, text in RULE_PREFIXES:
        if rule_id == prefix or rule_id.startswith(prefix + ".") or rule_id.startswith(prefix + "<"):
            return text
    return "(no description)"
