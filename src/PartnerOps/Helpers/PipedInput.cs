using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Reading piped objects for a command: what each names (a partner, a record), on the database it came from; an item
    /// that cannot be read is one non-terminating error, and the next item is read.
    /// </summary>
    internal sealed class PipedInput
    {
        private readonly PartnerOpsCmdlet _cmdlet;
        private readonly DatabaseChoice _choice;
        private readonly OpenStores _stores;
        private readonly FailureReporter _failures;

        // Whether rows are still to be checked for a Database column: after a warning, or after a first row without one (the
        // rows of one file share their columns), no more; the lookup costs on every row of a bulk pipeline.
        private bool _checkRowDatabase = true;

        public PipedInput(PartnerOpsCmdlet cmdlet, DatabaseChoice choice, OpenStores stores, FailureReporter failures)
        {
            _cmdlet = cmdlet;
            _choice = choice;
            _stores = stores;
            _failures = failures;
        }

        /// <summary>
        /// The partners the piped <paramref name="items"/> name (see <see cref="PipedObject.Partner"/>), each with its item;
        /// an item that names none is one non-terminating error, and the next item is read.
        /// </summary>
        public IEnumerable<(PartnerReference Partner, PSObject Item)> PipedPartners(IEnumerable<PSObject>? items) => ReadPiped(items, piped => piped.Partner());

        /// <summary>
        /// What <paramref name="read"/> makes of each piped item (a partner, a record), with the item; an item it cannot
        /// read (a PartnerOpsException) is one non-terminating error, and the next item is read.
        /// </summary>
        public IEnumerable<(T Value, PSObject Item)> ReadPiped<T>(IEnumerable<PSObject>? items, Func<PipedObject, T> read)
        {
            foreach (var item in items ?? Array.Empty<PSObject>())
            {
                T value;
                try
                {
                    value = read(PipedObject.Read(item));
                }
                catch (PartnerOpsException ex)
                {
                    _failures.WriteFailure(ex, item);
                    continue;
                }

                yield return (value, item);
            }
        }

        /// <summary>
        /// A read restricted to partners: once on this command's database with the <paramref name="typed"/> partners when
        /// nothing is piped, else once per piped item, on the database the item names, with its partner added to the
        /// typed ones (the item is then the target of the read's errors).
        /// </summary>
        public void ReadPerPartner(PartnerReference[]? typed, PSObject[]? piped, Action<IPartnerDatabase, PartnerReference[]?, object?> read)
        {
            if (piped == null)
            {
                if (typed == null)
                {
                    read(_stores.ReadStoreAt(_choice.ResolveDatabasePath()), null, null);
                    return;
                }

                // Partner objects given as the parameter's value belong to their own databases, as piped ones do.
                foreach (var group in typed.GroupBy(partner => partner.Database != null && !_choice.DatabaseGiven ? partner.Database : null))
                {
                    if (_stores.ReadStoreFor(group.Key, group.First()) is IPartnerDatabase store)
                    {
                        read(store, group.ToArray(), null);
                    }
                }

                return;
            }

            foreach (var (partner, item) in PipedPartners(piped))
            {
                if (_stores.ReadStoreFor(partner.Database, item) is IPartnerDatabase store)
                {
                    read(store, (typed ?? Array.Empty<PartnerReference>()).Append(partner).ToArray(), item);
                }
            }
        }

        /// <summary>
        /// Rows exported with their Database column are data, written where this command writes, not where they came
        /// from: says so once when that is another database (not when -Database was given), so that nothing is written
        /// somewhere the user did not expect.
        /// </summary>
        public void WarnOfRowDatabase(PSObject? row, string path)
        {
            if (!_checkRowDatabase)
            {
                return;
            }

            if (_choice.DatabaseGiven || row == null || row.Properties["Database"] == null)
            {
                _checkRowDatabase = false;
                return;
            }

            if (!(PipedObject.RowDatabase(row) is string origin) || string.Equals(origin, path, StringComparison.Ordinal))
            {
                return;
            }

            _checkRowDatabase = false;
            _cmdlet.WriteWarning($"The piped rows have a Database column ('{origin}'); rows are data, so they are added to '{path}', this command's database. Give -Database to choose another.");
        }
    }
}
