"""Counsel's cues for wordings that agreements use often: each reads the provision in them,
and each leaves alone the look-alike that grants nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from termgen.library.folders import library_layers
from termgen.library.load import load_provisions
from termgen.library.provisions import Provision
from termgen.their_drafts.detect import cue_matches
from termgen.their_drafts.extract import Block, Extracted
from termgen.their_drafts.text import sentences


def _provision(provision_id: str) -> Provision:
    provisions = load_provisions(library_layers([], {}))
    return next(entry.record for entry in provisions.values() if entry.record.id == provision_id)


def _cued(provision_id: str, text: str) -> bool:
    found = sentences(Extracted(Path("x.txt"), "txt", (Block(text, paragraph=1),)))
    return bool(cue_matches(found, _provision(provision_id)).present)


@pytest.mark.parametrize(
    "text",
    [
        "In the event of any material change in the organization, ownership, management or "
        "control of the business of the Agent, the Company may, at its option, terminate this "
        "Agreement upon giving written notice of termination to the Agent.",
        "Any merger, consolidation or reorganization involving Licensee will be deemed to be a "
        "transfer of rights under this Agreement for which the Licensor's consent is required.",
        'For purposes of this Section, a "transfer" shall be deemed to include a merger of the '
        "Licensee with another party.",
        "Neither party may assign this Agreement, whether by contract or by operation of law, "
        "except with the express written consent of the other party.",
        # no consent needed, but the party that merges must tell the other
        "If either Party (or any of its successors) shall enter into a merger in which it is not "
        "the surviving entity, the assigning Party shall not be required to seek consent, but "
        "shall provide written notice of such succession to the other Party.",
    ],
)
def test_change_of_control_worded_as_a_change_in_a_list_or_a_deemed_transfer(text: str) -> None:
    assert _cued("exit.trigger.change_of_control", text)


@pytest.mark.parametrize(
    "text",
    [
        "A change of control of Rogers shall not be considered an assignment of this Agreement.",
        '"Change of Control" means, with respect to either Party, the sale of its shares.',
        "Either party may terminate this Agreement upon the filing of bankruptcy, insolvency, "
        "reorganization or receivership proceedings by the other party.",
        # a clause's title alone
        "ASSIGNMENT AND CHANGE OF CONTROL",
        # an approval under merger control is antitrust clearance, not a change of control
        "Completion takes place within 10 working days after the last regulatory approval the "
        "transfer needs (merger control or foreign-investment screening among them) is obtained.",
        "Closing is conditional on the merger-control approvals, and either party may terminate "
        "this Agreement if they are refused.",
    ],
)
def test_no_change_of_control_in_its_negation_its_definition_or_an_insolvency(text: str) -> None:
    assert not _cued("exit.trigger.change_of_control", text)


def test_a_merger_of_a_party_is_still_a_change_of_control_beside_merger_control() -> None:
    # The near miss: "merger control" leaves out only the sentences that name it.
    assert _cued(
        "exit.trigger.change_of_control",
        "Either party may terminate this Agreement upon a merger of the other party with a "
        "competitor of the terminating party.",
    )


def test_termination_at_the_option_of_any_party_on_notice_is_for_convenience() -> None:
    assert _cued(
        "exit.trigger.convenience",
        "This Agreement shall terminate at the option of any party, upon 90 days' advance "
        "written notice to the other parties hereto.",
    )
    assert _cued(
        "exit.trigger.convenience",
        "This Agreement shall continue in effect until either Party informs the other Party with "
        "thirty (30) days' prior written notice of termination of this Agreement.",
    )
    assert not _cued(
        "exit.trigger.convenience",
        "This Agreement shall renew until either party gives notice of non-renewal.",
    )


def test_an_agreement_continuing_until_terminated_by_notice_renews_and_the_notice_stops_it() -> (
    None
):
    text = (
        "This Agreement shall continue until the end of the fifteenth Contract Year, and shall "
        "continue in full force and effect thereafter until terminated by either Party by "
        "providing thirty (30) days' prior written notice of termination."
    )
    assert _cued("renewal.mechanism", text)
    assert _cued("renewal.notice", text)
    assert not _cued(
        "renewal.notice",
        "Thereafter it continues until terminated by either party by notice of a breach that "
        "is not cured within thirty (30) days.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "This Agreement shall continue until March 31, 2029.",
        "This contract will be in effect until the end of 2028 and will then be reviewed.",
        "This Agreement shall become effective on the date hereof and shall terminate upon the "
        "completion of the Project.",
        'The "Contract Period" shall mean the period commencing on 1 May 2027 and concluding '
        "on 30 April 2029.",
        "The licence shall be for an initial period of 36 months from the acceptance date.",
        "The Supplier agrees to a two year engagement to deliver the services.",
        "The term of this Supply Agreement shall be from the Effective Date until the last "
        "patent expires.",
        "This Agreement shall automatically terminate at the first to occur of (a) the end of "
        "the Offer, or (b) the date on which the Purchaser withdraws the Offer.",
        # a term set elsewhere, by an order or a schedule
        "This Agreement takes effect on signature and shall remain in force until the expiry "
        "of the last Subscription Term.",
    ],
)
def test_a_term_stated_as_an_end_date_an_end_event_or_a_length(text: str) -> None:
    assert _cued("term.initial", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Company will file such reports as may be required to continue such qualification "
        "in effect for a period of not less than one year from the date of the registration.",
        "This guaranty shall continue in full force and effect until the Buyer has paid all "
        "amounts owed.",
        "This Agreement shall become effective on signature and shall terminate upon ninety "
        "days' notice by either party.",
        "Either party may renew for a two year term by written notice.",
        "The indemnities shall continue until all claims have been settled.",
        # a term given as an example
        "During the year following half the Term (e.g., in the 11th year of a 20 year term), the "
        "Franchisee shall remodel the restaurant.",
        # a warranty's period
        "The Supplier warrants that each unit will be free from defects in materials for a "
        "period of three years from the date of delivery under this Agreement.",
    ],
)
def test_no_term_in_another_thing_lasting_an_exit_on_notice_or_a_renewal(text: str) -> None:
    assert not _cued("term.initial", text)


@pytest.mark.parametrize(
    "text",
    [
        "The rights granted under this Section do not automatically extend beyond the Term.",
        "Access to the beta programme will not be renewed automatically.",
    ],
)
def test_no_automatic_renewal_where_it_is_said_not_to_happen_automatically(text: str) -> None:
    assert not _cued("renewal.mechanism", text)


def test_an_exit_for_convenience_listed_among_the_events_that_allow_an_exit() -> None:
    """The events "following" are the items: one of them may be no event at all."""
    listed = (
        "Upon the occurrence of any of the following, the Distributor may terminate this "
        "Agreement by written notice: (a) the Supplier's material breach; (b) for convenience, "
        "on thirty days' notice."
    )
    assert _cued("exit.trigger.convenience", listed)
    assert not _cued(
        "exit.trigger.convenience",
        "Upon the occurrence of a material breach, the Distributor may terminate this "
        "Agreement for convenience.",
    )


@pytest.mark.parametrize(
    ("text", "convenience"),
    [
        (
            "Either party may terminate this Agreement prior to expiration of the Term: (i) upon "
            "thirty (30) days prior written notice, or (ii) immediately upon written notice if "
            "the other party materially breaches this Agreement.",
            True,
        ),
        (
            "The Buyer shall have the right to terminate this Agreement: (a) at any time, for "
            "any reason or no reason, upon ninety days' written notice; (b) if the Supplier "
            "becomes insolvent.",
            True,
        ),
        (
            "Either party may terminate this Agreement: (a) if the other party materially "
            "breaches this Agreement; (b) if the other party becomes insolvent.",
            False,
        ),
    ],
)
def test_each_item_of_a_list_of_exits_is_read_after_the_words_that_grant_the_exit(
    text: str, convenience: bool
) -> None:
    assert _cued("exit.trigger.convenience", text) is convenience


@pytest.mark.parametrize(
    "text",
    [
        "PrimeCall may elect to terminate this Agreement, upon thirty (30) days' written notice, "
        "at any time after RSL holds less than fifty percent (50%) of the voting control of "
        "DeltaThree's outstanding shares.",
        "Either party may terminate this Agreement by notice if the Investor ceases to hold any "
        "partnership interests in the Company.",
        "Supplier may terminate this Agreement if Distributor is acquired by a competitor of "
        "Supplier.",
    ],
)
def test_change_of_control_worded_as_a_stake_falling_below_a_threshold(text: str) -> None:
    assert _cued("exit.trigger.change_of_control", text)


@pytest.mark.parametrize(
    "text",
    [
        # a free assignment
        "The assignment of this Agreement to a successor by merger or acquisition does not "
        "require the consent of the other party.",
        # equity awards that vest on a change of control
        "Upon a Change of Control, all unvested options granted to the Consultant shall vest "
        "and the Company may terminate the engagement.",
        # a regulator's approval of the transaction the agreement serves
        "The Company has filed an application for approval of its acquisition of the Bank, and "
        "such approval remains in full force and effect.",
        # goods acquired, a firm named Consolidated
        "Upon termination, the Distributor may sell off any remaining inventory acquired "
        "prior to termination.",
        "SPECIAL RIGHT OF TERMINATION BY CONSOLIDATED ARTISTS.",
        # a definition alone, and a stake in things that are not the party
        "Sale Transaction shall mean any transaction in which control of the Company is "
        "acquired, and either party may then terminate.",
        'For purposes hereof, a "change of control" shall mean a merger of the Licensee with '
        "another entity, and the Licensor may then terminate this Agreement.",
        "This Agreement continues until the Owner no longer owns any Receivables, upon which it "
        "shall terminate.",
        # a reorganisation among insolvency events
        "Either party may terminate this Agreement if the other goes into liquidation (other "
        "than voluntary liquidation for the purpose of reorganization).",
    ],
)
def test_no_change_of_control_in_look_alikes(text: str) -> None:
    assert not _cued("exit.trigger.change_of_control", text)


@pytest.mark.parametrize(
    "text",
    [
        "Upon expiration of this Agreement, TDA shall cease all uses of the Rights, but TDA "
        "shall be free to continue to distribute and sell its Products for up to 180 days.",
        "Distributor agrees not to use the marks following the expiration or termination of "
        "this Agreement, except as may be needed to sell any Products remaining in its "
        "inventory.",
        "Upon termination, Consultant agrees to perform the necessary information transfer "
        "required at the time.",
        "On its resignation or termination, the Servicer will cooperate with the Successor "
        "Servicer in effecting an orderly transition of its rights and obligations.",
        "In the event of early termination of this Agreement, the Operator shall cooperate with "
        "the Owner to facilitate a new agreement with a third party operator.",
        "Upon termination of this Agreement, HSNS shall have the right to use the Application "
        "solely to provide the Outsourcing Services to existing customers.",
        "SEV shall remain liable for repairs for a period of thirteen weeks from the end of the "
        "Contracted Period and shall provide such repairs free of charge.",
    ],
)
def test_services_after_the_end_worded_as_a_sell_off_hand_over_or_transition(text: str) -> None:
    assert _cued("exit.survival", text)


@pytest.mark.parametrize(
    "text",
    [
        # fees due paid after the end: housekeeping
        "The Company shall pay the Fees not yet paid as of the date of termination within 30 "
        "days of the date of termination.",
        # a covenant's own survival, a prohibition, a non-compete
        "This Section shall survive any termination of this Agreement for a period of three (3) "
        "years from the date of termination.",
        "Following termination of the Contract Period, Company shall not advertise, promote or "
        "sell any item in connection with the Duval Identification.",
        "No liquidated damages are due unless you operate a hotel for a Competitor within three "
        "(3) years of the termination date.",
        # indemnities and vesting
        "In the event this Agreement is terminated, the indemnification provisions shall "
        "continue until the possibilities for damages have expired.",
        "Consultant shall be entitled to options with vesting continuing for 12 months "
        "following termination.",
    ],
)
def test_no_services_after_the_end_in_housekeeping_or_covenants(text: str) -> None:
    assert not _cued("exit.survival", text)


def test_a_notice_of_not_renewing_by_a_deadline_is_a_renewal_notice() -> None:
    # Next to a renewal by mutual agreement and to the exit on breach, as our term sheets put it.
    text = (
        "The parties may renew the partnership for further periods of 3 years by mutual written "
        "agreement. A party that does not intend to renew says so in writing at least 12 months "
        "before the end of the current term; if the parties have not agreed a renewal by that "
        "date, the partnership ends at the end of the current term. A party may end the "
        "partnership early only on material breach or insolvency."
    )
    assert _cued("renewal.notice", text)
    assert not _cued(
        "renewal.notice",
        "A party that does not intend to renew its insurance says so in writing at least 30 days "
        "before the end of the policy year.",
    )


def test_an_exit_on_a_condition_is_no_exit_for_convenience() -> None:
    assert not _cued(
        "exit.trigger.convenience",
        "If a milestone of the phase plan is missed and the failure is not cured within 90 days, "
        "either party may end the partnership by giving 60 days' notice.",
    )
    assert _cued(
        "exit.trigger.convenience",
        "After the Lock-in Period, either party may end the partnership without giving a reason "
        "by giving 12 months' notice.",
    )


def test_a_window_to_export_data_after_the_end_is_a_service_after_exit() -> None:
    assert _cued(
        "exit.survival",
        "For 30 days after termination of the subscription, the Customer may export its data "
        "through the service, after which the Provider deletes it.",
    )
    assert not _cued(
        "exit.survival",
        "The Customer may export its data at any time during the subscription.",
    )


@pytest.mark.parametrize(
    ("text", "convenience"),
    [
        (
            "This Agreement shall terminate upon the occurrence of any of the following: "
            "(iv) the Host dissolves; (v) the Host is adjudicated insolvent; or (vi) Upon the "
            "Customer giving the Host at least sixty (60) days advance written notice of "
            "termination of this Agreement.",
            True,
        ),
        (
            "This Agreement may be terminated as follows: 13.1.2 In the event a party becomes "
            "insolvent, the other party may terminate; or 13.1.3 By either party for any reason "
            "by providing six (6) months prior written notice.",
            True,
        ),
        (
            "This Agreement may be terminated: (a) by either party upon a material breach; (b) "
            "by the Buyer upon giving notice if the Supplier fails to deliver.",
            False,
        ),
        (
            "This Agreement may be terminated: (a) by either party upon a material breach; (b) "
            "by mutual written agreement of the parties.",
            False,
        ),
    ],
)
def test_an_item_of_a_list_of_exits_that_is_a_notice_alone_is_for_convenience(
    text: str, convenience: bool
) -> None:
    assert _cued("exit.trigger.convenience", text) is convenience


@pytest.mark.parametrize(
    "text",
    [
        # the items are the events that allow the exit: "for any reason" is the event's
        "The Sponsor may terminate a Study Order upon written notice if: (i) the Study is "
        "cancelled for any reason; (ii) the investigator leaves.",
        # an end at the expiry of the term, or agreed by both, is no exit at will
        "This Agreement may be terminated by either party at the expiration of its term or any "
        "renewal term upon thirty (30) days written notice to the other party.",
        "The Customer, upon thirty days prior written notice, may cancel this Agreement at the "
        "end of the Initial Term.",
        "This Agreement may be terminated at any time by agreement in writing executed by the "
        "parties.",
    ],
)
def test_no_exit_for_convenience_in_an_event_a_non_renewal_or_an_agreed_end(text: str) -> None:
    assert not _cued("exit.trigger.convenience", text)


def test_an_exit_at_the_end_of_a_period_or_at_any_time_after_it_is_for_convenience() -> None:
    assert _cued(
        "exit.trigger.convenience",
        "Any Party may terminate its participation in this Agreement at the end of the Initial "
        "Period or any time thereafter by giving not less than one (1) year's prior notice.",
    )


@pytest.mark.parametrize(
    ("text", "change_of_control"),
    [
        (
            "The Licensor may terminate this Agreement if: (a) the Licensee breaches it; (b) the "
            "Licensee merges with or sells all or substantially all of its assets to another "
            "company.",
            True,
        ),
        (
            "The Company and the Celebrity may terminate this Agreement under the following "
            "conditions: (i) if the Company fails to pay; (ii) if the Company sells a "
            "controlling interest to a third party.",
            True,
        ),
        # an item of a list of what a party may not do without consent inherits the veto
        (
            "The Company shall not, without the prior written consent of the Investor: (a) "
            "amend its charter; (b) sell the Company to an acquirer.",
            False,
        ),
        (
            "Either party may terminate this Agreement if: (a) the other party breaches it; (b) "
            "the other party becomes insolvent.",
            False,
        ),
    ],
)
def test_a_change_of_control_listed_among_the_events_that_allow_an_exit(
    text: str, change_of_control: bool
) -> None:
    assert _cued("exit.trigger.change_of_control", text) is change_of_control


@pytest.mark.parametrize(
    "text",
    [
        "The parties may terminate this Agreement at any time by mutual consent.",
        "Either party may terminate the Term upon not less than sixty (60) days prior written "
        "notice to the other party of any breach hereof by such other party.",
        "Notwithstanding any other paragraph, in the event that the Consultant dies or is unable "
        "to play, the Company may terminate this Agreement on thirty (30) days' written notice.",
        # the items after "unless" inherit the restriction of the right they follow
        "The Parent shall have the absolute right to terminate this Agreement upon thirty (30) "
        "days' prior written notice; provided that the Parent agrees not to terminate this "
        "Agreement unless (a) it significantly modifies the structure of the Company, or (b) it "
        "sells the Company to an acquirer with a rating at least equal to its own.",
    ],
)
def test_an_agreed_end_an_exit_on_breach_or_on_an_event_never_shows_convenience(text: str) -> None:
    found = sentences(Extracted(Path("x.txt"), "txt", (Block(text, paragraph=1),)))
    hits = cue_matches(found, _provision("exit.trigger.convenience"))
    assert not hits.present
    assert hits.refused


@pytest.mark.parametrize(
    "text",
    [
        "Either party may terminate this Agreement at any time on ninety days' written notice.",
        "If either party wishes to terminate this Agreement, it may do so on thirty days' notice.",
        "This Agreement may be terminated by mutual agreement or by either party on sixty days' "
        "written notice.",
        "The Buyer shall not terminate this Agreement before the third anniversary unless the "
        "Supplier consents; thereafter it may terminate it on six months' notice.",
    ],
)
def test_an_exit_at_will_is_not_withheld_for_naming_an_agreement_or_a_condition(text: str) -> None:
    found = sentences(Extracted(Path("x.txt"), "txt", (Block(text, paragraph=1),)))
    assert not cue_matches(found, _provision("exit.trigger.convenience")).refused


@pytest.mark.parametrize(
    "text",
    [
        # each item after the words that grant the exit is a condition of it
        "The Agent may terminate this Agreement, by notice to the Company, at any time prior to "
        "the Closing (i) if there has been any material adverse change in the condition of the "
        "Company, or (ii) if trading on the stock exchange has been suspended.",
        # an item run into its mark is read apart, under the condition the first item opens with
        "Either Party may terminate this Agreement by giving written notice to the other Party, "
        "(a)in the event of the other Party's bankruptcy; and (b) the other Party materially "
        "defaults in its performance.",
        "The Agent may terminate this Agreement by written notice upon receipt of notice of a "
        "sale of the business.",
    ],
)
def test_no_exit_for_convenience_where_the_notice_follows_an_event(text: str) -> None:
    assert not _cued("exit.trigger.convenience", text)


def test_an_exit_at_will_after_a_term_is_for_convenience() -> None:
    assert _cued(
        "exit.trigger.convenience",
        "At any time following the expiration of the Distribution Term, the Supplier may "
        "terminate this Agreement at will upon [***] prior written notice to the Distributor.",
    )


@pytest.mark.parametrize(
    "text",
    [
        # another agreement's end "for any reason" is an event, not a party's choice
        "If the Licence Agreement is terminated for any reason whatsoever, this Agreement will "
        "automatically terminate.",
        # a discretion that follows a breach
        "If efforts to cure the breach are not taken within the sixty (60) day notice period, the "
        "non-breaching party may, at its sole discretion, terminate the agreement.",
        # a unilateral end that no party may choose
        "Neither Party may suspend or terminate the performance of this Agreement or "
        "unilaterally terminate this Agreement without the consent of the other Party.",
    ],
)
def test_no_exit_for_convenience_in_a_discretion_or_reason_that_is_not_a_choice(
    text: str,
) -> None:
    assert not _cued("exit.trigger.convenience", text)


@pytest.mark.parametrize(
    "text",
    [
        "The term of the sponsorship shall commence on January 1, 2030 and extend through "
        "December 31, 2031.",
        "Project term: 12 weeks from 8 February 2030 to 3 May 2030.",
        "The effective term is 12 months beginning March 1, 2030.",
        "This Supply Agreement shall remain valid during the term of the Licence Agreement.",
    ],
)
def test_a_term_between_two_dates_of_a_stated_length_or_of_another_agreement(text: str) -> None:
    assert _cued("term.initial", text)


@pytest.mark.parametrize(
    "text",
    [
        "Products may be distributed from October 1, 2030 to December 31, 2030.",
        "The term is defined in Section 2 of the Licence Agreement.",
    ],
)
def test_no_term_in_a_window_for_something_else_or_a_word_defined(text: str) -> None:
    assert not _cued("term.initial", text)


def test_a_renewal_only_by_written_agreement_is_mentioned_not_settled() -> None:
    text = (
        "The parties may renew the partnership for further periods of 3 years by written agreement."
    )
    assert not _cued("renewal.mechanism", text)
    found = sentences(Extracted(Path("x.txt"), "txt", (Block(text, paragraph=1),)))
    assert cue_matches(found, _provision("renewal.mechanism")).weak == {0}


def test_a_licensee_that_may_dispose_of_stock_on_hand_after_the_end_has_a_sell_off() -> None:
    assert _cued(
        "exit.survival",
        "After the expiry of the licence, the Licensee may dispose of the goods it has on hand "
        "for ninety (90) days.",
    )


@pytest.mark.parametrize(
    "text",
    [
        "This Agreement will commence on the Effective Date and will terminate on the fifth "
        "anniversary of the Effective Date, unless terminated earlier.",
        "Trade Date: 3 March 2031 Effective Date: 1 April 2031 Termination Date: 1 April 2034",
        'This Agreement is effective as of May 1, 2031 (the "Effective Date") and shall '
        "terminate on April 30, 2036, unless terminated earlier.",
        "The obligations of the Agent shall terminate upon the closing of the Offering, but in "
        "no event later than 60 days after the Offering starts.",
        "The provisions of this Agreement, including the licences granted in it, shall not be "
        "terminable or revocable for any reason.",
    ],
)
def test_a_term_from_its_start_to_an_end_or_an_end_date_among_key_terms(text: str) -> None:
    assert _cued("term.initial", text)


@pytest.mark.parametrize(
    "text",
    [
        "The warranties given in this Agreement shall continue until all claims under them "
        "have been settled.",
        "During the period beginning March 1, 2031 and ending June 30, 2031, the Licensor shall "
        "not appoint another distributor.",
    ],
)
def test_no_term_in_a_clause_that_continues_under_the_agreement_or_a_window(text: str) -> None:
    assert not _cued("term.initial", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Supplier will have the ability to terminate this Agreement by giving sixty (60) "
        "days' prior written notice to the Buyer.",
        "The Agreement may be ended before its expiry, as follows: (a) by the Consultant "
        "electing to give the Company not less than two months' notice of termination; (b) by "
        "the Company on a material breach by the Consultant.",
        "The Buyer retains the right at all times during the Term to stop buying the Products "
        "in all the territories and to terminate this Agreement on ninety (90) days' notice.",
    ],
)
def test_an_exit_for_convenience_worded_as_an_ability_an_election_or_a_right_at_all_times(
    text: str,
) -> None:
    assert _cued("exit.trigger.convenience", text)


@pytest.mark.parametrize(
    "text",
    [
        "The Agent may terminate the sub-agency at any time without cause upon 30 days' notice.",
        "The Advisory Council may be dissolved or terminated by the Franchisor at any time.",
        "The Supplier reserves the right to terminate the Services ten (10) days after sending "
        "written notice of an invoice that is thirty (30) days past due.",
    ],
)
def test_ending_a_sub_agency_or_a_council_or_for_non_payment_is_no_exit_for_convenience(
    text: str,
) -> None:
    assert not _cued("exit.trigger.convenience", text)


@pytest.mark.parametrize(
    ("text", "convenience"),
    [
        ("You may close your account at any time from the settings page.", True),
        ("The Customer may cancel its subscription to the Services at any time.", True),
        ("At any time, the Member may withdraw from membership by notice to the Secretary.", True),
        (
            "If you breach these Terms, you may not close your account at any time without "
            "paying the fees due.",
            False,
        ),
        ("We may suspend or cancel your account at any time if you violate these Terms.", False),
    ],
)
def test_standard_terms_way_out_is_closing_the_account_at_any_time(
    text: str, convenience: bool
) -> None:
    assert _cued("exit.trigger.convenience", text) is convenience


@pytest.mark.parametrize(
    ("text", "renews"),
    [
        (
            "Your subscription will be renewed at the end of each billing cycle unless you "
            "cancel it before the renewal date.",
            True,
        ),
        (
            "The Subscription Term renews on each anniversary of the Order Effective Date unless "
            "either party notifies the other of its intention not to renew.",
            True,
        ),
        (
            "Upon expiry of the Initial Term the Agreement will roll over for a further year "
            "unless either party serves notice to end it at least 3 months before the expiry date.",
            True,
        ),
        (
            "Each Order Form will be extended by a further twelve (12) months at the end of its "
            "Subscription Period unless Customer cancels it at least 30 days before that date.",
            True,
        ),
        (
            "At the end of the Subscription Period, the Subscription will be renewed for an "
            "equal period.",
            True,
        ),
        ("The Sponsor may renew its sponsorship for the following year by notifying us.", True),
        # stopped by notice, but not renewed; someone else's renewal; a cure period
        (
            "This Agreement shall not be renewed unless either party gives notice that it wishes "
            "to negotiate an extension.",
            False,
        ),
        (
            "The Licensee shall renew its insurance policies each year unless the Licensor "
            "notifies it otherwise.",
            False,
        ),
        (
            "The cure period is extended by thirty days unless the breaching party fails to give "
            "notice of its remedy plan.",
            False,
        ),
        (
            "Any delay caused by force majeure extends the time for performance for a period "
            "equal to the delay.",
            False,
        ),
        (
            "The Term may be renewed by mutual agreement unless either party gives notice before "
            "the end of the Term.",
            False,
        ),
    ],
)
def test_a_renewal_unless_a_party_stops_it_for_an_equal_period_or_by_option_is_one(
    text: str, renews: bool
) -> None:
    assert _cued("renewal.mechanism", text) is renews


@pytest.mark.parametrize(
    ("text", "notice"),
    [
        ("Notice of non-renewal: 60 days", True),
        ("Non-renewal notice period: at least ninety (90) days", True),
        ("Cancellation notice | 30 days", True),
        ("Notice of non-renewal: in writing", False),
    ],
)
def test_an_order_form_line_on_notice_of_non_renewal_is_a_renewal_notice(
    text: str, notice: bool
) -> None:
    assert _cued("renewal.notice", text) is notice


@pytest.mark.parametrize(
    ("text", "convenience"),
    [
        ("The Partner may withdraw from the Programme at any time by notifying Company.", True),
        (
            "A Member may resign its membership at any time by giving thirty (30) days' written "
            "notice.",
            True,
        ),
        ("You may terminate these Terms by closing your account in the portal.", True),
        (
            "If the Partner breaches the brand rules, the Partner may withdraw from the Programme "
            "only after notice.",
            False,
        ),
        ("We may terminate your membership by notice if you violate these Terms.", False),
    ],
)
def test_leaving_a_programme_or_a_membership_on_one_s_own_decision_is_for_convenience(
    text: str, convenience: bool
) -> None:
    assert _cued("exit.trigger.convenience", text) is convenience


@pytest.mark.parametrize(
    ("text", "convenience"),
    [
        (
            "Customer has the following rights: (a) to terminate this Agreement for convenience "
            "on 30 days' notice; (b) to suspend the Services.",
            True,
        ),
        (
            "Licensee has the following rights:\n(a) to use the Software;\n(b) to terminate any "
            "Order Form on sixty (60) days' written notice.",
            True,
        ),
        # a right listed for breach or a change of control, and a right that ends nothing
        (
            "Customer has the following rights: (a) to terminate this Agreement if Supplier "
            "breaches it; (b) to audit Supplier.",
            False,
        ),
        (
            "Customer has the following rights: (a) to terminate this Agreement on notice upon a "
            "change of control of Supplier; (b) to audit Supplier.",
            False,
        ),
        (
            "Customer has the following rights: (a) to receive the Reports on notice; (b) to "
            "audit Supplier.",
            False,
        ),
    ],
)
def test_a_right_to_end_listed_without_may_is_for_convenience(text: str, convenience: bool) -> None:
    assert _cued("exit.trigger.convenience", text) is convenience


@pytest.mark.parametrize(
    ("text", "renews"),
    [
        ("The Service Period shall be extended by periods of twelve months.", True),
        ("The Term will be extended for successive periods of one (1) year.", True),
        # a period moved by a delay or a suspension, or extended once
        ("The Service Period shall be extended by the period of any suspension.", False),
        (
            "The Delivery Period shall be extended by periods of delay caused by force majeure "
            "of up to three months.",
            False,
        ),
    ],
)
def test_a_period_extended_by_periods_of_a_length_is_a_renewal(text: str, renews: bool) -> None:
    assert _cued("renewal.mechanism", text) is renews


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("Upon termination of this Agreement, all outstanding orders shall be cancelled.", False),
        (
            "Upon termination of this Agreement for any reason, Customer may cancel all open "
            "purchase orders and shall pay for Products delivered.",
            False,
        ),
        ("Upon termination, Supplier shall complete all outstanding orders.", True),
        (
            "Upon termination of this Agreement, Supplier shall fulfil all outstanding purchase "
            "orders accepted before the date of termination.",
            True,
        ),
    ],
)
def test_open_orders_cancelled_at_the_end_are_no_service_after_exit(
    text: str, service: bool
) -> None:
    assert _cued("exit.survival", text) is service


@pytest.mark.parametrize(
    ("text", "change"),
    [
        (
            "Principals must not, without our prior written consent, transfer, pledge, and/or "
            "otherwise encumber their interest in you.",
            True,
        ),
        (
            "No Principal shall sell or otherwise transfer any legal or beneficial equity "
            "interest in Franchisee except with the prior written consent of Franchisor.",
            True,
        ),
        # the franchisee's own interest in a lease, and owners free to transfer
        (
            "Franchisee shall not transfer its interest in the premises lease without the "
            "landlord's consent.",
            False,
        ),
        (
            "The owners may transfer their shares in Franchisee; no consent shall be required.",
            False,
        ),
    ],
)
def test_owners_that_need_consent_to_transfer_their_interest_in_the_party_is_a_change_of_control(
    text: str, change: bool
) -> None:
    assert _cued("exit.trigger.change_of_control", text) is change


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "This Agreement takes effect on the Effective Date and, unless terminated earlier, "
            "continues until the expiry of the last of the Licensed Patents to expire.",
            True,
        ),
        ("This licence remains in force until the last Licensed Patent expires.", True),
        (
            "This Agreement remains in force until the end of the seventh (7th) calendar year "
            "after SOP.",
            True,
        ),
        # near misses: a royalty owed while patents last, and a year after an event that is
        # not the agreement's end
        (
            "Royalties are payable on each Licensed Product until the last Licensed Patent expires.",
            False,
        ),
        ("The warranty continues for one year after delivery of the last Product.", False),
    ],
)
def test_a_term_until_the_last_patent_expires_or_a_year_after_an_event(
    text: str, term: bool
) -> None:
    assert _cued("term.initial", text) is term


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        (
            "On termination, each party shall return the tooling and equipment of the other.",
            True,
        ),
        # near miss: what data protection law asks of a processor
        (
            "On termination of the Agreement, Provider shall delete or return all Customer "
            "Personal Data within thirty (30) days.",
            False,
        ),
    ],
)
def test_deleting_personal_data_at_the_end_is_no_treatment_of_shared_assets(
    text: str, assets: bool
) -> None:
    assert _cued("exit.assets", text) is assets


@pytest.mark.parametrize(
    ("text", "change"),
    [
        (
            "The Buyer may terminate this Agreement by written notice if control of the "
            "Supplier changes.",
            True,
        ),
        (
            "If control over the Licensee has changed, the Licensor may terminate this Agreement.",
            True,
        ),
        # near miss: the party changes something it controls, its control does not change
        (
            "If the Supplier changes the control plan of a Product without approval, the Buyer "
            "may terminate this Agreement by written notice.",
            False,
        ),
    ],
)
def test_change_of_control_worded_with_the_party_as_subject_of_the_change(
    text: str, change: bool
) -> None:
    assert _cued("exit.trigger.change_of_control", text) is change


@pytest.mark.parametrize(
    ("text", "survives"),
    [
        (
            "For ten (10) years after the end of series supply, the Supplier shall continue to "
            "supply service cells for vehicles already produced.",
            True,
        ),
        (
            "The Supplier shall supply replacement modules for a period of fifteen (15) years "
            "following the end of series production.",
            True,
        ),
        # near miss: a period from the start of series supply runs during the agreement
        (
            "The prices in Annex 2 are fixed for three (3) years from the start of series supply.",
            False,
        ),
    ],
)
def test_supply_for_years_after_the_end_of_series_supply_runs_after_the_end(
    text: str, survives: bool
) -> None:
    assert _cued("exit.survival", text) is survives


@pytest.mark.parametrize(
    ("text", "change"),
    [
        (
            "Ardent may terminate this Agreement by notice if a competitor of Ardent acquires "
            "control of Helix.",
            True,
        ),
        (
            "If any person acquires direct or indirect control of the Supplier, the Buyer may "
            "terminate this Agreement.",
            True,
        ),
        # near misses: a party acquiring a business, control of a market, no exit
        (
            "If the Licensee acquires control of a competitor's business, the Licensor may "
            "terminate this Agreement.",
            False,
        ),
        (
            "Neither party shall terminate a supply contract so as to help a third party obtain "
            "control over the market.",
            False,
        ),
        ("The Buyer shall be told at once if anyone acquires control of the Supplier.", False),
    ],
)
def test_someone_acquiring_control_of_a_party_is_a_change_of_control(
    text: str, change: bool
) -> None:
    assert _cued("exit.trigger.change_of_control", text) is change


@pytest.mark.parametrize(
    ("text", "survives"),
    [
        (
            "Each end customer subscription sold by Partner before this Agreement ends continues "
            "until the end of its then-current subscription period, and Vendor shall continue to "
            "provide the Subscription to that end customer during that time.",
            True,
        ),
        (
            "After termination, Vendor shall continue to support end users of the Software until "
            "their licences expire.",
            True,
        ),
        # near miss: service to end customers during the term
        (
            "During the Term, Vendor shall continue to provide the Services to end customers in "
            "the Territory.",
            False,
        ),
    ],
)
def test_end_customers_served_after_the_end_is_a_service_after_exit(
    text: str, survives: bool
) -> None:
    assert _cued("exit.survival", text) is survives


@pytest.mark.parametrize(
    ("text", "assets"),
    [
        (
            "On termination, the Licensee may sell off Licensed Products in stock or in "
            "production for six (6) months, subject to paying royalties on them.",
            False,
        ),
        ("Upon termination, the licences granted in clause 2 end.", True),
        (
            "On termination, the Licensee shall return the Licensed Software and all copies.",
            True,
        ),
    ],
)
def test_selling_off_licensed_products_is_no_treatment_of_shared_assets(
    text: str, assets: bool
) -> None:
    assert _cued("exit.assets", text) is assets


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "This Agreement enters into force on 1 January 2027 and has a term of two (2) years.",
            True,
        ),
        ("This Agreement runs for a fixed term of two years.", True),
        ("This Agreement is concluded for a fixed term of 24 months.", True),
        # near misses: another thing's term, and a term that runs until a party ends it
        ("The warranty has a term of two years from delivery.", False),
        ("This Agreement is concluded for an indefinite period.", False),
    ],
)
def test_a_term_the_agreement_has_or_runs_for(text: str, term: bool) -> None:
    assert _cued("term.initial", text) is term


def test_running_on_after_the_initial_term_until_notice_is_a_renewal_with_its_notice() -> None:
    text = (
        "Upon expiry of the Initial Term, this Agreement shall continue in force until "
        "terminated by either party giving the other not less than three (3) months' written "
        "notice."
    )
    assert _cued("renewal.mechanism", text)
    assert _cued("renewal.notice", text)
    # near miss: only a breach ends it after the initial term
    assert not _cued(
        "renewal.mechanism",
        "Upon expiry of the Initial Term, this Agreement shall continue until terminated by "
        "either party by notice of a breach that is not cured within thirty (30) days.",
    )


@pytest.mark.parametrize(
    ("text", "convenience"),
    [
        (
            "Either Party may terminate this Agreement with ordinary notice of three months to "
            "the end of a calendar quarter.",
            True,
        ),
        (
            "Either party may give notice to terminate this Agreement at any time after the first "
            "anniversary of the Effective Date.",
            True,
        ),
        (
            "Any Party may discontinue its participation in this Memorandum upon giving the "
            "other Parties sixty (60) days' written notice.",
            True,
        ),
        # near misses: ordinary notice excluded, notice at any time after a breach
        (
            "The right of ordinary termination is excluded during the first three contract years.",
            False,
        ),
        (
            "If the other party is in breach, either party may give notice to terminate this "
            "Agreement at any time.",
            False,
        ),
    ],
)
def test_an_ordinary_notice_a_notice_at_any_time_or_discontinuing_participation_is_for_convenience(
    text: str, convenience: bool
) -> None:
    assert _cued("exit.trigger.convenience", text) is convenience


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            "The Contract takes effect on the date of its signature by the last Party for a firm "
            "period of three (3) years.",
            True,
        ),
        (
            "This Framework Agreement enters into force upon signature and shall apply for the "
            "lifetime of the vehicle platforms listed in Annex 1.",
            True,
        ),
        # near misses: a price held firm, the lifetime of a part, a period that only takes effect
        (
            "The prices in Annex 2 take effect on 1 January and are firm for a period of one (1) "
            "year.",
            False,
        ),
        (
            "This Agreement covers warranty claims for the lifetime of the brake calipers "
            "supplied under it.",
            False,
        ),
    ],
)
def test_a_firm_period_or_the_lifetime_of_the_vehicle_platforms_is_a_term(
    text: str, term: bool
) -> None:
    assert _cued("term.initial", text) is term


@pytest.mark.parametrize(
    ("text", "change"),
    [
        (
            "Good cause for the Purchaser also exists if a competitor of the Purchaser acquires a "
            "controlling interest in the Supplier.",
            True,
        ),
        (
            "The Licensor may terminate this Agreement if any third party acquires a controlling "
            "stake in the Licensee.",
            True,
        ),
        # near misses: a party buying into another company, good cause that names no takeover
        (
            "Good cause for the Purchaser does not arise merely because the Supplier acquires a "
            "controlling interest in a supplier of raw materials.",
            False,
        ),
        (
            "Good cause exists in particular if the Supplier acquires new plants abroad.",
            False,
        ),
    ],
)
def test_someone_acquiring_a_controlling_interest_in_a_party_is_a_change_of_control(
    text: str, change: bool
) -> None:
    assert _cued("exit.trigger.change_of_control", text) is change


@pytest.mark.parametrize(
    ("text", "survives"),
    [
        (
            "By way of exception, the Licensee may continue to use, for a period of six (6) "
            "months after the end of the Contract, the reports generated from the Data before "
            "that date.",
            True,
        ),
        # near miss: a period before the end of the Contract runs during it
        (
            "The Licensee shall report its use of the Data for a period of six (6) months "
            "before the end of the Contract.",
            False,
        ),
    ],
)
def test_a_period_after_the_end_of_the_contract_runs_after_the_end(
    text: str, survives: bool
) -> None:
    assert _cued("exit.survival", text) is survives


@pytest.mark.parametrize(
    ("text", "cure"),
    [
        (
            "Good cause for the Purchaser exists in particular if the Supplier materially breaches "
            "its obligations and does not remedy the breach within a reasonable period.",
            True,
        ),
        # near miss: good cause with no time to put it right
        (
            "Good cause for the Purchaser exists in particular if the Supplier becomes insolvent.",
            False,
        ),
    ],
)
def test_good_cause_for_a_named_party_with_a_time_to_remedy_is_a_cure_period(
    text: str, cure: bool
) -> None:
    assert _cued("exit.notice", text) is cure
