using System.Collections.Generic;
using System.Linq;
using PartnerOps.Data;

namespace PartnerOps.Report.Sections
{
    /// <summary>
    /// The certifications (Get-PartnerCertification -ExpiringWithin -AsOf: valid on the day, expiring within the days) and the
    /// registered deals (Get-PartnerDeal -ExpiringWithin -AsOf: held on the day, ExpiresOn within the days) that expire soon,
    /// soonest first, of the partners in the report's regions; at most <see cref="ReportLists.MaxRows"/> rows each.
    /// </summary>
    internal static class ExpiringLists
    {
        public static ReportTable Certifications(ReportScope scope)
        {
            var found = scope.Store.Certifications.Find(new CertificationFilter { Day = scope.AsOf, ExpiringWithin = scope.ExpiringWithinDays }).ToList();
            var inRegions = ReportLists.InRegions(scope, found.Select(c => c.PartnerId));
            var certifications = found.Where(c => inRegions.Contains(c.PartnerId))
                .OrderBy(c => c.ExpiresOn).ThenBy(c => c.Partner, System.StringComparer.Ordinal).ThenBy(c => c.Id).ToList();
            var table = new ReportTable
            {
                Id = "certifications-expiring",
                Caption = $"Certifications expiring within {scope.ExpiringWithinDays} days of {ReportText.Day(scope.AsOf)}: {ReportText.Count(certifications.Count)}" +
                          ReportLists.Shown(certifications.Count),
            };
            table.Columns.Add(ReportText.Column("Partner"));
            table.Columns.Add(ReportText.Column("Contact"));
            table.Columns.Add(ReportText.Column("Certification"));
            table.Columns.Add(ReportText.Column("Expires on"));
            table.Columns.Add(ReportText.Column("Days left", numeric: true));
            foreach (var certification in certifications.Take(ReportLists.MaxRows))
            {
                var expires = certification.ExpiresOn!.Value.Date;
                table.Rows.Add(new List<ReportCell>
                {
                    ReportText.Text(certification.Partner),
                    ReportText.Text($"{certification.ContactName} <{certification.Contact}>"),
                    ReportText.Text(certification.Name),
                    ReportText.Text(ReportText.Day(expires)),
                    ReportText.CountCell((expires - scope.AsOf).Days),
                });
            }

            if (certifications.Count == 0)
            {
                table.EmptyMessage = $"No certification expires within {scope.ExpiringWithinDays} days of {ReportText.Day(scope.AsOf)}{ReportText.InRegions(scope)} " +
                                     "(certifications are added with Add-PartnerCertification).";
            }

            return table;
        }

        public static ReportTable Deals(ReportScope scope)
        {
            var found = scope.Store.Deals.Find(new DealFilter { AsOf = scope.AsOf, ExpiringWithin = scope.ExpiringWithinDays }).ToList();
            var inRegions = ReportLists.InRegions(scope, found.Select(d => d.PartnerId));
            var deals = found.Where(d => inRegions.Contains(d.PartnerId)).OrderBy(d => d.ExpiresOn).ThenBy(d => d.Id).ToList();
            var table = new ReportTable
            {
                Id = "deals-expiring",
                Caption = $"Registered deals expiring within {scope.ExpiringWithinDays} days of {ReportText.Day(scope.AsOf)}: {ReportText.Count(deals.Count)}" +
                          ReportLists.Shown(deals.Count),
            };
            table.Columns.Add(ReportText.Column("Partner"));
            table.Columns.Add(ReportText.Column("Customer"));
            table.Columns.Add(ReportText.Column("Status"));
            table.Columns.Add(ReportText.Column("Amount", numeric: true));
            table.Columns.Add(ReportText.Column("Expires on"));
            table.Columns.Add(ReportText.Column("Days left", numeric: true));
            foreach (var deal in deals.Take(ReportLists.MaxRows))
            {
                table.Rows.Add(new List<ReportCell>
                {
                    ReportText.Text(deal.Partner),
                    ReportText.Text($"{deal.Customer} ({deal.CustomerCountry})"),
                    ReportText.Text(deal.Status.ToString()),
                    deal.Amount is decimal amount ? new ReportCell { Text = ReportText.Money(amount, deal.Currency ?? string.Empty), Number = amount } : ReportText.Text("n/a"),
                    ReportText.Text(ReportText.Day(deal.ExpiresOn)),
                    ReportText.CountCell((deal.ExpiresOn.Date - scope.AsOf).Days),
                });
            }

            if (deals.Count == 0)
            {
                table.EmptyMessage = $"No registered deal expires within {scope.ExpiringWithinDays} days of {ReportText.Day(scope.AsOf)}{ReportText.InRegions(scope)} " +
                                     "(deals are registered with Register-PartnerDeal).";
            }

            return table;
        }
    }
}
