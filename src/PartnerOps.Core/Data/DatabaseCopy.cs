using System;

namespace PartnerOps.Data
{
    /// <summary>
    /// Copy-PartnerDatabase: everything in one database (a file or a server) copied into another of either kind, read from one
    /// snapshot of the source and written in one transaction on the destination (<see cref="DatabaseDump"/>).
    /// </summary>
    public static class DatabaseCopy
    {
        /// <summary>
        /// Copies <paramref name="source"/> into the database at <paramref name="destination"/>, creating it when there is none
        /// (and removing what it created again when the copy fails), and returns the destination's description.
        /// <paramref name="opened"/> is given the destination once it is open (so that Ctrl+C can stop its statements).
        /// </summary>
        /// <exception cref="PartnerOpsException">
        /// DatabaseAlreadyExists (InvalidArgument) when the destination is the source itself; DestinationNotEmpty; DatabaseInvalid
        /// for a destination that is not a PartnerOps database (left untouched); a named failure of either database.
        /// </exception>
        public static DatabaseInfo Copy(IPartnerDatabase source, string destination, bool replace, Action<DumpProgress>? progress, Action<IPartnerDatabase>? opened = null)
        {
            RefuseSame(source, destination);
            var existed = PartnerDatabases.Exists(destination);
            var target = existed ? PartnerDatabases.OpenExisting(destination) : PartnerDatabases.OpenOrCreate(destination);
            var copied = false;
            try
            {
                opened?.Invoke(target);
                Copy(source, target, replace, progress);
                copied = true;
                return target.GetInfo();
            }
            finally
            {
                target.Dispose();
                if (!existed && !copied)
                {
                    RemoveMade(destination);
                }
            }
        }

        /// <summary>Copies everything in <paramref name="source"/> into <paramref name="destination"/> (both open).</summary>
        /// <exception cref="PartnerOpsException">As <see cref="Copy(IPartnerDatabase, string, bool, Action{DumpProgress}, Action{IPartnerDatabase})"/>.</exception>
        public static void Copy(IPartnerDatabase source, IPartnerDatabase destination, bool replace, Action<DumpProgress>? progress)
        {
            RefuseSame(source, destination.Path);
            using var snapshot = source.ReadSnapshot();
            destination.Restore(snapshot, replace, progress);
        }

        // Nothing of a failed copy was committed: the database made for it goes again (PartnerOps tables only). A failure to
        // remove it leaves an empty database, and the copy's own failure is the one reported.
        private static void RemoveMade(string destination)
        {
            try
            {
                PartnerDatabases.Delete(destination);
            }
            catch (Exception ex) when (ex is PartnerOpsException || ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        private static void RefuseSame(IPartnerDatabase source, string destination)
        {
            if (source.IsSameDatabase(destination))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseAlreadyExists,
                    FailureKind.InvalidArgument,
                    $"The destination '{PartnerDatabases.Describe(destination)}' is the source database itself; nothing was copied.",
                    PartnerDatabases.Describe(destination));
            }

            // The source's -wal, -shm or -journal file (also through a link): a database written there would destroy the source.
            if (!PartnerDatabases.IsServer(destination) && PartnerDatabases.IsDatabaseFile(source.Path, destination))
            {
                throw new PartnerOpsException(
                    ErrorIds.DatabaseAlreadyExists,
                    FailureKind.InvalidArgument,
                    $"The destination '{destination}' is a file of the source database '{source.Path}' (its -wal, -shm or -journal file); writing a database there would destroy the source. Nothing was copied.",
                    destination);
            }
        }
    }
}
