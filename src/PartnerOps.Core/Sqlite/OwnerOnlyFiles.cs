using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using PartnerOps.Data;
using PartnerOps.Sqlite.Native;

namespace PartnerOps.Sqlite
{
    /// <summary>
    /// Creates database files and folders readable by their owner only on Unix (files 600, folders 700).
    /// SQLite gives the -wal and -shm files the mode of the database file, so they follow. On Windows
    /// files inherit the folder's access rules, which the user manages.
    /// </summary>
    internal static class OwnerOnlyFiles
    {
        private const uint FileMode = 0x180;   // 0600
        private const uint FolderMode = 0x1C0; // 0700

        private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Creates the missing folders of <paramref name="folder"/>, each owner-only.</summary>
        public static void CreateFolder(string folder)
        {
            var missing = new Stack<string>();
            for (var current = folder; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = Path.GetDirectoryName(current))
            {
                missing.Push(current);
            }

            Directory.CreateDirectory(folder);
            foreach (var created in missing)
            {
                Restrict(created, FolderMode);
            }
        }

        /// <summary>Creates an empty file that only its owner can read, unless one is there already.</summary>
        public static void CreateFile(string path)
        {
            try
            {
                using (new FileStream(path, System.IO.FileMode.CreateNew, System.IO.FileAccess.Write))
                {
                }
            }
            catch (IOException) when (File.Exists(path))
            {
                return; // another process made it first: its mode is its creator's business
            }

            Restrict(path, FileMode);
        }

        private static void Restrict(string path, uint mode)
        {
            if (IsUnix && Chmod(path, mode) != 0)
            {
                throw new IOException($"Could not make '{path}' private to its owner (chmod failed with error {Marshal.GetLastWin32Error()}).");
            }
        }

        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        private static extern int Chmod([MarshalAs(UnmanagedType.LPStr)] string path, uint mode);
    }
}
