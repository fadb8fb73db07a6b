using System;

namespace PartnerOps.Data
{
    /// <summary>
    /// The transitions of deals (issue 19): approve, deny, close as won or lost, and change (Set-PartnerDeal). Each runs inside the
    /// database's open write transaction (a write batch's item), reads the deal again there and decides on what is stored then
    /// (<see cref="DealTransitions"/>: the status on the transition's day), so that a refused item writes nothing. Dates are
    /// calendar days (date only): a transition's -Date defaults to today's UTC date and may be neither before the deal's
    /// RegisteredOn nor after today. Every method returns the deal as stored afterwards, read as of today. A write's database
    /// failure other than those named below is named by the write batch that runs it.
    /// </summary>
    public interface IDealDecisions
    {
        /// <summary>
        /// Approves a deal Submitted on <paramref name="date"/> (stored: status Approved, DecidedOn that day). Refused when another
        /// partner's deal for the same customer (<see cref="DealRules.CustomerMatchKey"/>) and country is Approved on any day from
        /// that day to the deal's ExpiresOn (an approval's protection is exclusive: two partners are never approved for a customer
        /// on the same day, whichever was approved first or dated earlier).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerDealStateInvalid (InvalidOperation: not Submitted on the day, or another partner's approved deal holds the customer),
        /// InvalidPartnerValue (the date), PartnerDealNotFound (removed meanwhile).
        /// </exception>
        PartnerDeal Approve(PartnerDeal deal, DateTime? date);

        /// <summary>
        /// Checks, without writing, what every transition checks first: the deal's status on <paramref name="date"/> (default
        /// today) allows <paramref name="action"/> (<see cref="DealTransitions.Require"/>), and the date is valid for it. The
        /// deal cmdlets call it before -WhatIf and -Confirm, so that they announce only transitions the status allows and
        /// refuse the others with the error the write would give.
        /// </summary>
        /// <exception cref="PartnerOpsException">PartnerDealStateInvalid, InvalidPartnerValue (the date), PartnerDealNotFound.</exception>
        void Check(PartnerDeal deal, DealAction action, DateTime? date);

        /// <summary>Denies a deal Submitted on <paramref name="date"/> (status Denied, DecidedOn that day, the reason stored).</summary>
        /// <exception cref="PartnerOpsException">PartnerDealStateInvalid, InvalidPartnerValue (the date or the reason: one line, at most 500 characters), PartnerDealNotFound.</exception>
        PartnerDeal Deny(PartnerDeal deal, string? reason, DateTime? date);

        /// <summary>Closes a deal Submitted or Approved on <paramref name="date"/> as lost (status Lost, ClosedOn that day, the reason stored).</summary>
        /// <exception cref="PartnerOpsException">PartnerDealStateInvalid, InvalidPartnerValue (the date or the reason), PartnerDealNotFound.</exception>
        PartnerDeal CloseLost(PartnerDeal deal, string? reason, DateTime? date);

        /// <summary>
        /// Closes a deal Approved on <paramref name="date"/> as won, in one transaction: a revenue record of the partner on that
        /// day (the amount in <paramref name="currency"/>, default the deal's currency, else the reporting currency; the deal's
        /// segment; the partner's region; the deal's reference; Attribution Sourced) and the deal's status Won, ClosedOn, RevenueId,
        /// WonAmount and WonCurrency (those of the record; Amount and Currency keep the estimate). Nothing is written when either is refused.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerDealStateInvalid, InvalidPartnerValue (the date), InvalidAmount (not greater than zero, or not exact in the
        /// currency), InvalidCurrencyCode, RevenueReferenceExists (the deal's reference is a revenue record's already),
        /// PartnerDealNotFound.
        /// </exception>
        PartnerDeal CloseWon(PartnerDeal deal, decimal amount, string? currency, DateTime date);

        /// <summary>
        /// Changes a Submitted, Approved or Expired deal's values (<see cref="DealChanges"/>); a change that leaves every value
        /// as it is writes nothing and returns <paramref name="deal"/> itself. A later ExpiresOn of an approved deal (held or
        /// expired) is refused when another partner's deal for the customer is Approved on any of the days it adds; a new
        /// ExpiresOn that makes an expired deal never approved held again is refused while another partner holds an Approved
        /// deal for the customer today.
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// PartnerDealStateInvalid (Denied, Won or Lost; or the exclusivity above), PartnerDealExists (the partner holds another
        /// deal for the customer, country and segment), InvalidPartnerValue, InvalidAmount, InvalidCurrencyCode, PartnerDealNotFound.
        /// </exception>
        PartnerDeal Update(PartnerDeal deal, DealChanges changes);
    }
}
