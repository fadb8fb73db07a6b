using System;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The write of one stored record a command names (a contact, a deal): looked up in its database's batch, confirmed
    /// (ShouldProcess), then written, each failure one error for the item.
    /// </summary>
    internal static class RecordWrite
    {
        /// <summary>
        /// Looks the record up in its database (<paramref name="origin"/>: the piped object's own unless -Database is given, null
        /// for the command's), asks ShouldProcess with the description <paramref name="describe"/> gives, then runs
        /// <paramref name="write"/> in that database's batch and passes its result on when <paramref name="emit"/>.
        /// </summary>
        public static void With<T>(
            PartnerOpsCmdlet cmdlet,
            string? origin,
            object target,
            Func<PipelinedWrites, T> find,
            string action,
            ConfirmImpact impact,
            Func<T, PipelinedWrites, string> describe,
            Func<T, PipelinedWrites, object?> write,
            bool emit)
            where T : class
        {
            if (!(cmdlet.Stores.WritesFor(origin, create: false, target) is PipelinedWrites writes))
            {
                return;
            }

            PipelineWriter.SeeOtherWrites(writes.Store, writes.Batch);
            T? record = null;
            string? description = null;
            cmdlet.Failures.PerItem(target, () =>
            {
                record = find(writes);
                description = describe(record, writes) + cmdlet.Stores.WhereUnlessDefault(writes.Store);
            });
            if (!(record is T found) || description == null || !cmdlet.Writer.ShouldWrite(description, action, impact))
            {
                return;
            }

            cmdlet.Writer.WriteItem(writes, target, () => write(found, writes), emit);
        }
    }
}
