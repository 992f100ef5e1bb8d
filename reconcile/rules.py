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
    ("num.all", "'all N': the figure N, exact"),
    ("num.both", "'both': two, exact"),
    ("num.ref", "a figure given by reference (a similar number) takes the figure before it"),
    ("num.word", "a number written in words"),
    ("num.digits", "a number written in digits"),
    ("num", "the number grammar"),
    # figures refused as no count (the recall audit shows these ids)
    ("nc.id.broadcaster", "a broadcaster's channel number (Action News 5, CBS 8, Channel 4): an identifier"),
    ("nc.id.gallery", "a photo gallery's counter (Image 3 of 16, 1 / 14 Back to Gallery): no count"),
    ("nc.id.emergency", "an emergency telephone number (called 911): an identifier"),
    ("nc.charge.counts", "counts of a criminal charge (two counts of murder, five assault charges): the charges, "
                         "not the people they concern"),
    ("nc.times", "a repetition (shot him three times, fired 14 times): no count of people or things"),
    ("measure.nc.family", "a family's size (a father of three, married with two children): no count of the event"),
    ("nc", "a figure that is no count (a date, time, age, duration, money, measure, identifier...)"),
    # measures
    ("measure.zero.noun", "the noun of a zero phrase names the measure (no casualties, no deaths)"),
    ("measure.right.fatally", "'N shot, one fatally': the second figure counts the killed"),
    ("measure.right.severity", "'five wounded, [one] critically', '3 dead, [1] critical': a severity after a "
                               "casualty figure counts some of the injured (a part)"),
    ("measure.right.gunshot_wounds", "'N (who had) suffered gunshot wounds': shot, fate not given"),
    ("measure.right.among", "'N were among the dead/injured/missing': a part of the toll"),
    ("measure.right.sheltering", "'N are sheltering in camps', 'N spent the night in shelters': displaced"),
    ("measure.right.in_relief_camps", "'N are in relief camps', 'N were moved to evacuation centres': displaced"),
    ("measure.right.without_homes", "'N were left without shelter', 'left N without homes': displaced"),
    ("measure.right.had_to_flee", "'N had to leave their homes': displaced"),
    ("measure.right.lost_homes", "'N people lost their homes': displaced"),
    ("measure.right.fleeing", "'N people fleeing the violence': displaced (not after a perpetrator or before "
                              "'the scene', 'on foot', 'in a car': an escape)"),
    ("measure.right", "a measure word after the figure and its noun phrase (N people were killed)"),
    ("measure.left.toll", "a toll phrase before the figure (the death toll rose to N)"),
    ("measure.left.number_of", "'the number of dead/injured ... N' before the figure"),
    ("measure.left.among", "'among the dead/injured were N'"),
    ("measure.left.put_number", "'X put the number at N': the measure of the figure before it"),
    ("measure.left.risen_to", "'that number has risen to N': the measure of the figure before it"),
    ("measure.left.through_list", "a casualty verb before a list whose first item is no figure ('killed his wife and "
                                  "[four] daughters')"),
    ("measure.left.along_with", "'he was killed ..., along with [two] other men': the measure of the clause's "
                                "casualty verb"),
    ("measure.left.key_value", "a fact-box or situation-report line ('Deaths: 1,234', 'Injured - 56'; items run "
                               "together: 'Killed: 14; injured: 30', 'Dead: 23 Injured: 89')"),
    ("measure.left.forced_to_flee", "a causative verb of displacement ('forced 12,000 to flee')"),
    ("measure.left.evacuation_of", "'the evacuation of N people': displaced (unless the words after the figure "
                                   "name another measure: 'the evacuation of 24 soldiers who were injured')"),
    ("measure.left.fronted", "a fronted participle ('Also injured were [three] boys', 'Killed in the blast were "
                             "[two] officers')"),
    ("measure.left.death_of", "'the deaths of N', 'the bodies of N', 'claimed the lives of N': killed"),
    ("measure.left.act_of", "'the shooting of N people', 'the wounding of N others'"),
    ("measure.left", "a transitive verb right before the figure (killing N, injured N people)"),
    ("measure.of_them", "'N of them' takes the measure of the figure before it"),
    ("measure.coordination.list", "a middle item of a list of three or more figures ('12 soldiers, [3] police and 2 "
                                  "civilians') takes the list's measure"),
    ("measure.contrast.previous", "a figure set against the one before it ('three died, not four', '12 hurt "
                                  "rather than 20') counts what that one counts"),
    ("measure.coordination.previous", "a figure coordinated with the one before it ('killed four soldiers and two "
                                      "civilians') takes its measure"),
    ("measure.whole.of_total", "'N of the M injured/dead/missing': the M is the total of that measure"),
    ("measure.other", "another count: the verb says what happened to the things counted"),
    ("measure", "the measure lexicon"),
    # parts of a larger count
    ("part.of", "'N of them', 'N of its agents': a part of the group named"),
    ("part.including", "'including N', 'another N': a part of, or an addition to, the figure before"),
    ("part.list", "a list of the dead or hurt ('among the dead were two', 'two women and a man')"),
    ("part.other", "'N other people': counted apart from those before"),
    ("part.place", "a figure limited to one place of the event ('four people on the roof')"),
    ("part.tally", "a running tally ('N shot this year'): not the event's own count"),
    ("part.intake", "one hospital's or clinic's intake: a part of the toll"),
    ("part.severity", "those hurt at one severity ('seriously injured'): a part of the injured"),
    ("part", "a part of a larger count (N of them, including N, N other, one hospital's intake, "
             "the seriously hurt): its own quantity, never a rival of the total"),
    # the clause view (extract/clauses.py): phrases attached to the figure or its clause
    ("clause.venue", "the figure's clause limits it to one venue (a hospital, the scene, a home): a part of the toll"),
    ("clause.place.in", "a bare 'in X' on the figure's clause; a part when X is neither the event's place nor a "
                        "country"),
    ("clause.place", "a place phrase on the figure's clause; a part when the place is not the event's own"),
    ("clause.period", "a running toll over a long period ('since the offensive began', 'in the 12-day war', "
                      "'over three weeks of fighting'): its own quantity, not the event's toll"),
    ("clause.later", "those who died later ('have since died'): an increment, a part of the toll"),
    ("clause.select", "the clause's verb picks some victims out (identified, released, admitted): a part"),
    ("clause.more.next", "'N more' after another figure of its sentence: an increment when that figure counts "
                         "the same thing ('two died at the scene and two more in hospital')"),
    ("clause.more", "'N more', 'N additional': an increment added to a toll, not a rival of it"),
    ("clause.other", "'N other(s)': people besides those counted before"),
    ("clause.with-perpetrator", "a toll that counts the attackers among the dead ('nine dead, including the "
                                "gunman'): a quantity of its own beside the victims' toll"),
    ("clause.of-total", "'N of the M ...': the figure counts a part of a stated whole"),
    ("clause.including", "'including N', 'among them N': a part of the figure before"),
    ("clause.contrast", "'not N', 'rather than N': a figure the clause sets against another"),
    ("clause", "the clause view of the figure"),
    # attribution and stance (``*`` stands for one part of the id: the attribution verb)
    ("attr.according_to", "'according to X' names the claimant"),
    ("attr.passive.by_agent", "'nine people were confirmed dead by the police': the agent of a passive reporting verb makes the claim"),
    ("attr.quote.after", "a quotation whose speaker tag follows the closing mark ('...,\" he said')"),
    ("attr.quote.before", "a quotation opened after its speaker (X told reporters: \"...\")"),
    ("attr.quote.continued", "a quotation with no tag of its own, opening a sentence: the previous quote's speaker"),
    ("attr.quote", "a quotation attributed to its speaker"),
    ("attr.quoted_as_saying", "'X was quoted as saying' names the claimant"),
    ("attr.quoted_by_as_saying", "'X was quoted by Y as saying': X is the claimant, Y the channel (via)"),
    ("attr.citing", "'..., Reuters reported, citing state television': the cited source is the claimant, the reporter the channel (via)"),
    ("attr.quoting", "'..., the agency said, quoting a local official': the quoted source is the claimant, the reporter the channel (via)"),
    ("attr.quoted_object_as_saying", "'Y quoted X as saying': X is the claimant, Y the channel (via)"),
    ("attr.post.signature", "a figure in an embedded social-media post ('... — NOPD (@NOPDNews) May 2, 2016'): the post's author"),
    ("attr.headline.prefix", "a headline opening with its source ('Police: ...')"),
    ("attr.headline.suffix", "a headline ending with its source ('..., police say')"),
    ("attr.resolve.pronoun.speaker", "a pronoun (he, she) resolved to the person who spoke before it"),
    ("attr.resolve.pronoun.surname_speaker", "a pronoun (he, she) resolved to the speaker named by a surname alone just before it"),
    ("attr.resolve.pronoun.subject", "a pronoun (he, she) resolved to the named person its sentence opens with"),
    ("attr.resolve.pronoun.person", "a pronoun (he, she) resolved to the person named before it"),
    ("attr.resolve.they.subject", "'they' resolved to the body the sentence opens with ('Police arrested a man they say fired')"),
    ("attr.resolve.they.speaker", "'they' resolved to the body that spoke before it"),
    ("attr.resolve.it.speaker", "'it' resolved to the organisation that spoke before it"),
    ("attr.resolve.title.unresolved", "a title ('the spokesman') with no person of that title named before: kept as written"),
    ("attr.resolve.title", "a title ('the minister') resolved to the person of that title named earlier"),
    ("attr.resolve.surname", "a surname ('Mr Dahl') resolved to the full name given earlier"),
    ("attr.resolve.person", "a name resolved to the person met earlier in the report"),
    ("attr.resolve", "a pronoun, title or name resolved to the claimant named earlier (unresolved: as written)"),
    ("attr.continued.part", "a clause that picks a part out of the group just reported ('Police said eight were stabbed. One of the victims died'): that report's speaker"),
    ("attr.none.outlet", "no speaker for the figure's sentence: the outlet's own voice"),
    ("attr.none.implausible", "the would-be speaker is what is counted ('with fatalities reported'): the outlet's voice"),
    ("attr.none", "no attribution: the outlet's own voice"),
    ("attr.*.tag", "an attribution verb after the words it reports ('..., police said')"),
    ("attr.*.before", "an attribution verb before the words it reports ('police said that ...')"),
    ("attr.*.inverted", "an inverted attribution tag ('..., said the police chief')"),
    ("attr.*.participle", "'..., adding/saying ...': the speaker of the attribution before it"),
    ("attr.*.elided_subject", "an attribution verb whose subject is the sentence's subject named before it"),
    ("attr", "an attribution verb (X said, X told, X reported...)"),
    ("stance.assert", "the claimant states the figure (no word of confirming, denying or hedging)"),
    ("stance.confirm", "the claimant confirms or admits the figure"),
    ("stance.deny.contrast", "a figure set against the one before it ('three died, not four as first reported'): "
                             "the sentence's claimant rejects it"),
    ("stance.deny.rejected", "an apposition after the figure ('..., a claim the army rejected'): the rejecting "
                             "party's own claim on the figure, with the stance deny"),
    ("stance.deny", "the claimant denies or rejects the figure"),
    ("stance.hedge", "a hedge (reportedly, allegedly, believed, estimated...)"),
    ("stance", "the stance rules"),
    ("event", "the event anchor (date, place, kind words)"),
    ("doc.mentions.death", "the report mentions a death somewhere (rules out 'no death reported')"),
    ("doc.mentions.injury", "the report mentions someone hurt somewhere (rules out 'no injury reported')"),
    ("derived.wounded=shot-killed", "wounded computed as shot minus killed ('10 shot, one fatally' gives 9), "
                                    "when the report gives no wounded figure"),
    ("derived.killed=0.no-death-reported", "killed 0: the event's reports count the hurt and never mention a death"),
    ("derived.wounded=0.no-injury-reported", "wounded 0: the event's reports count the dead and never mention anyone hurt"),
    ("derived", "a figure the engine computed from stated ones"),
    ("engine", "the reconciliation engine"),
)


def _matches(rule_id: str, prefix: str) -> bool:
    """Whether ``prefix`` names ``rule_id`` or one of its ancestors: parts compared one by one,
    ``*`` matching any one part; a ``<...>`` argument on the id is not a part."""
    parts = rule_id.split("<", 1)[0].split(".")
    want = prefix.split(".")
    if len(want) > len(parts):
        return False
    return all(w == "*" or w == p for w, p in zip(want, parts))


def rule_row(rule_id: str) -> tuple[str, str] | None:
    """The most specific row of :data:`RULE_PREFIXES` for ``rule_id`` (None: not described)."""
    for prefix, text in RULE_PREFIXES:
        if _matches(rule_id, prefix):
            return prefix, text
    return None


def describe_rule(rule_id: str) -> str:
    """The description of the most specific known prefix of ``rule_id``."""
    row = rule_row(rule_id)
    return row[1] if row else "(no description)"
