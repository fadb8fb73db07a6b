using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Changes a Submitted, Approved or Expired deal (by -Id, -Reference, or piped; issue 19): its estimated amount and
    /// currency, expected close, product, segment, and its ExpiresOn with a reason (an extension, which makes an expired deal
    /// held again unless another partner holds an approved deal for the customer, or a shortening). A denied, won or lost deal
    /// is refused (PartnerDealStateInvalid). A change that leaves every value as it is writes nothing.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "PartnerDeal", DefaultParameterSetName = ById, SupportsShouldProcess = true)]
    [OutputType(typeof(PartnerDeal))]
    public sealed class SetPartnerDealCommand : DealIdentityCmdlet
    {
        #region Parameters

        /// <summary>The new estimated amount (greater than zero), in -Currency or the deal's currency.</summary>
        [Parameter]
        [DecimalTransformation]
        public decimal? Amount { get; set; }

        /// <summary>The currency of -Amount (ISO 4217); given with -Amount.</summary>
        [Parameter]
        [SingleValue]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CurrencyCompleter))]
        public string? Currency { get; set; }

        /// <summary>The day the customer is expected to sign; $null removes it.</summary>
        [Parameter]
        [AllowNull]
        [DateTransformation]
        public DateTime? ExpectedClose { get; set; }

        /// <summary>The product or solution (one line, up to 200 characters); empty or $null removes it.</summary>
        [Parameter]
        [AllowNull]
        [AllowEmptyString]
        [SingleValue]
        public string? Product { get; set; }

        /// <summary>The segment (as revenue's); empty gives Enterprise.</summary>
        [Parameter]
        [AllowEmptyString]
        [SingleValue]
        [ArgumentCompleter(typeof(SegmentCompleter))]
        public string? Segment { get; set; }

        /// <summary>The new last day of protection (on or after RegisteredOn): an extension or a shortening; needs -Reason.</summary>
        [Parameter]
        [DateTransformation]
        public DateTime? ExpiresOn { get; set; }

        /// <summary>Why ExpiresOn changes (one line, at most 500 characters).</summary>
        [Parameter]
        [AllowEmptyString]
        [SingleValue]
        public string? Reason { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        private static readonly string[] Settable = { "Amount", "Currency", "ExpectedClose", "Product", "Segment", "ExpiresOn", "Reason" };

        private protected override void Act(string? origin, object target, Func<PipelinedWrites, PartnerDeal> find)
        {
            var bound = MyInvocation.BoundParameters;
            var changes = new DealChanges
            {
                Amount = Amount,
                Currency = Currency,
                ExpectedCloseSet = bound.ContainsKey(nameof(ExpectedClose)),
                ExpectedClose = ExpectedClose,
                ProductSet = bound.ContainsKey(nameof(Product)),
                Product = Product,
                Segment = Segment,
                ExpiresOn = ExpiresOn,
                Reason = bound.ContainsKey(nameof(Reason)) ? Reason ?? string.Empty : null,
            };

            WithDeal(
                origin,
                target,
                find,
                "Set deal properties",
                ConfirmImpact.Medium,
                (deal, writes) =>
                {
                    writes.Store.DealDecisions.Check(deal, DealAction.Update, null);
                    return $"{deal} ({deal.Status} today): {ChangeText.Describe(MyInvocation.BoundParameters, Settable)}";
                },
                (deal, writes) =>
                {
                    var updated = writes.Store.DealDecisions.Update(deal, changes);
                    if (ReferenceEquals(updated, deal))
                    {
                        WriteVerbose($"The {deal} already has these values: no change, nothing written.");
                        writes.Written--; // not counted among the deals updated
                    }

                    return updated;
                },
                PassThru);
        }

        protected override void EndProcessing() => Writer.CompleteWrites("Updated", "deal(s)");
    }
}
