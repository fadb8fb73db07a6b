using System;
using System.Linq;
using PartnerOps.Report;
using PartnerOps.Tests.PostgreSql;
using Xunit;

namespace PartnerOps.Tests.Report
{
    /// <summary>
    /// The same report on PostgreSQL: the programme of <see cref="ReportData"/> written alike to a SQLite file and a server
    /// schema gives, figure for figure, the same report on both (all regions, one region, another currency, an earlier year),
    /// and an empty database the same empty messages.
    /// </summary>
    public sealed class PgReportTests
    {
        private static void SameReport(PgPair pair, ReportOptions options)
        {
            var (sqlite, server) = pair.Each(db => ReportData.Describe(new PartnerReportBuilder(db).Build(options)));
            Assert.True(sqlite.Count > 20, "the report lost its content");
            var first = Enumerable.Range(0, Math.Min(sqlite.Count, server.Count)).FirstOrDefault(i => sqlite[i] != server[i]);
            Assert.True(sqlite.SequenceEqual(server), $"first difference at line {first}:\nSQLite: {sqlite.ElementAtOrDefault(first)}\nserver: {server.ElementAtOrDefault(first)}");
        }

        [PgFact]
        public void The_server_gives_the_report_SQLite_gives()
        {
            using var pair = new PgPair();
            foreach (var db in pair.Both)
            {
                ReportData.Fill(db);
            }

            SameReport(pair, ReportData.Options());
            SameReport(pair, ReportData.Options("china"));
            var euros = ReportData.Options("western*");
            euros.Currency = "EUR";
            SameReport(pair, euros);
            var earlier = ReportData.Options();
            earlier.Year = 2024;
            SameReport(pair, earlier);

            var report = new PartnerReportBuilder(pair.Server).Build(ReportData.Options());
            Assert.Equal(203_000m, report.Sections[0].Tiles.Single(t => t.Id == "revenue").Number);
            Assert.Empty(ReportData.BrokenCharts(report));
        }

        [PgFact]
        public void An_empty_server_database_gives_the_empty_messages_SQLite_gives()
        {
            using var pair = new PgPair();
            SameReport(pair, ReportData.Options());
            var report = new PartnerReportBuilder(pair.Server).Build(ReportData.Options());
            Assert.Equal(5, report.Sections.Count(s => s.EmptyMessage != null));   // targets, share, recruitment, regions, concentration
            Assert.Empty(ReportData.BrokenCharts(report));
        }
    }
}
