using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Closes deals (by -Id, -Reference, or piped; issue 19). -Won -Amount -Date: an approved deal is won; in one transaction its
    /// partner gets the revenue record (the deal's segment and reference, the partner's region, Attribution Sourced) and the
    /// deal becomes Won with that record's id, and its amount and currency as WonAmount and WonCurrency (the estimate stays). -Lost -Reason [-Date]: a submitted or approved deal is lost.
    /// Any other status is refused (PartnerDealStateInvalid) and nothing is written.
    /// </summary>
    [Cmdlet(VerbsCommon.Close, "PartnerDeal", DefaultParameterSetName = ById, SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerDeal))]
    public sealed class ClosePartnerDealCommand : DealIdentityCmdlet
    {
        #region Parameters

        /// <summary>The deal was won: give -Amount and -Date (and -Currency when not the deal's).</summary>
        [Parameter]
        public SwitchParameter Won { get; set; }

        /// <summary>The deal was lost: give -Reason.</summary>
        [Parameter]
        public SwitchParameter Lost { get; set; }

        /// <summary>With -Won: the amount won, greater than zero, exact in the currency (the revenue record's amount).</summary>
        [Parameter]
        [DecimalTransformation]
        public decimal? Amount { get; set; }

        /// <summary>With -Won: the currency of -Amount (ISO 4217). Default: the deal's currency, else the database's reporting currency.</summary>
        [Parameter]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        public string? Currency { get; set; }

        /// <summary>The day the deal was won (required with -Won: the revenue record's date) or lost (default today, UTC); not before RegisteredOn, not after today.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? Date { get; set; }

        /// <summary>With -Lost: why the deal was lost (one line, at most 500 characters).</summary>
        [Parameter]
        [SingleValue]
        [AllowEmptyString]
        public string? Reason { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        protected override void BeginProcessing()
        {
            var problem = (Won.IsPresent, Lost.IsPresent) switch
            {
                (true, true) => "give -Won or -Lost, not both",
                (false, false) => "give -Won (with -Amount and -Date) or -Lost (with -Reason)",
                (true, _) when Amount == null || Date == null => "-Won needs -Amount (the amount won) and -Date (the day it was won)",
                (true, _) when Reason != null => "-Reason goes with -Lost; a won deal has no reason",
                (false, _) when Amount != null || Currency != null => "-Amount and -Currency go with -Won; a lost deal has no amount won",
                (false, _) when Reason == null => "-Lost needs -Reason (why the deal was lost)",
                _ => null,
            };
            if (problem != null)
            {
                Failures.ThrowFailure(
                    new PartnerOpsException(ErrorIds.InvalidPartnerValue, FailureKind.InvalidArgument, $"Close-PartnerDeal: {problem}. Nothing was written.", null),
                    null);
            }

            base.BeginProcessing();
        }

        private protected override void Act(string? origin, object target, Func<PipelinedWrites, PartnerDeal> find) =>
            WithDeal(
                origin,
                target,
                find,
                Won ? "Close deal as won" : "Close deal as lost",
                ConfirmImpact.Medium,
                (deal, writes) => DealDecisionText.Checked(deal, writes, Won ? DealAction.CloseWon : DealAction.CloseLost, Date) + (Won
                    ? $": won, {Amount!.Value.ToString(CultureInfo.InvariantCulture)} {Currency ?? deal.Currency ?? "(the reporting currency)"} booked as the partner's revenue (Attribution Sourced)"
                    : $": lost, {Reason}"),
                (deal, writes) => Won
                    ? writes.Store.DealDecisions.CloseWon(deal, Amount!.Value, Currency, Date!.Value)
                    : writes.Store.DealDecisions.CloseLost(deal, Reason, Date),
                PassThru);

        protected override void EndProcessing() => Writer.CompleteWrites("Closed", "deal(s)");
    }
}
