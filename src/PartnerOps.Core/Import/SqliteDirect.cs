using System;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace PartnerOps.Import
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
        /// Otherwise every call goes through SQLitePCLRaw.
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

        [DllImport(Library, EntryPoint = "sqlite3_memory_used")]
        private static extern long MemoryUsed();

        /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
        public static IntPtr Transient => new IntPtr(-1);

        // SQLite counts the memory it has allocated in one global: a second, separately loaded copy of the
        // library would report (nearly) nothing, the same copy the same figure as SQLitePCLRaw.
        private static bool Probe()
        {
            try
            {
                var ours = MemoryUsed();
                var theirs = raw.sqlite3_memory_used();
                return ours > 0 && Math.Abs(ours - theirs) < 1024 * 1024;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is BadImageFormatException)
            {
                return false;
            }
        }
    }
}
