using System;
using System.Runtime.InteropServices;
using PartnerOps.Data;
using SQLitePCL;

namespace PartnerOps.Sqlite.Native
{
    /// <summary>
    /// The per-row calls of an import (bind, step, reset, changes) made straight into the e_sqlite3 library
    /// that SQLitePCLRaw has loaded, with plain pointers. SQLitePCLRaw's own calls take a SafeHandle, which
    /// adds a reference count round trip to each of a row's dozen calls: measured, about a fifth of the
    /// writing thread's time for a million rows. Statements are still prepared, finalized and explained
    /// through SQLitePCLRaw.
    /// </summary>
    internal static unsafe class SqliteDirect
    {
        private const string Library = "e_sqlite3";

        private static readonly Lazy<bool> IsAvailable = new Lazy<bool>(Probe);

        /// <summary>
        /// True when "e_sqlite3" resolves here to the very library instance SQLitePCLRaw uses (both live
        /// beside each other in the module; a second copy of SQLite must never see the first one's handles).
        /// Otherwise every call goes through SQLitePCLRaw. Read only once a connection is open (SQLitePCLRaw
        /// is initialised by then).
        /// </summary>
        public static bool Available => !Disabled && IsAvailable.Value;

        /// <summary>For tests: take SQLitePCLRaw's path.</summary>
        internal static bool Disabled { get; set; }

        [DllImport(Library, EntryPoint = "sqlite3_bind_text")]
        public static extern int BindText(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

        [DllImport(Library, EntryPoint = "sqlite3_bind_null")]
        public static extern int BindNull(IntPtr statement, int index);

        [DllImport(Library, EntryPoint = "sqlite3_bind_int64")]
        public static extern int BindInt64(IntPtr statement, int index, long value);

        [DllImport(Library, EntryPoint = "sqlite3_step")]
        public static extern int Step(IntPtr statement);

        [DllImport(Library, EntryPoint = "sqlite3_reset")]
        public static extern int Reset(IntPtr statement);

        [DllImport(Library, EntryPoint = "sqlite3_changes")]
        public static extern int Changes(IntPtr db);

        [DllImport(Library, EntryPoint = "sqlite3_libversion")]
        private static extern IntPtr LibVersion();

        /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
        public static IntPtr Transient => new IntPtr(-1);

        // sqlite3_libversion returns the address of a string inside the library: the same address through
        // both ways in means the same loaded copy (SQLitePCLRaw hands the pointer on without copying).
        private static bool Probe()
        {
            try
            {
                fixed (byte* theirs = raw.sqlite3_libversion())
                {
                    return theirs != null && new IntPtr(theirs) == LibVersion();
                }
            }
            catch (Exception)
            {
                return false; // no such library here, or another one: SQLitePCLRaw's calls work all the same
            }
        }
    }
}
