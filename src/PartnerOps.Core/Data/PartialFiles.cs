using System;
using System.IO;
using System.Text;

namespace PartnerOps.Data
{
    /// <summary>
    /// Names for the files the module writes beside a destination before the destination takes their content (a backup, a
    /// copy, a report, the rejected rows of an import), and the limit on a database file's name. A partial file's name does
    /// not grow with the destination's ('.partnerops-' and 12 hexadecimal digits, then '.partial': 29 characters), so any
    /// destination whose own name the file system takes can have one, with room for SQLite's '-journal' after it.
    /// </summary>
    public static class PartialFiles
    {
        /// <summary>The longest name (in UTF-8 bytes) a file may have on Linux and macOS (NAME_MAX) and, in UTF-16 characters, on Windows.</summary>
        public const int MaxNameLength = 255;

        /// <summary>What SQLite adds to a database file's name for its rollback journal, the longest of its companions.</summary>
        public const string LongestCompanionSuffix = "-journal";

        /// <summary>A new, unused name in the folder of <paramref name="destination"/> (a full path), for a partial file.</summary>
        public static string Beside(string destination) =>
            Path.Combine(Path.GetDirectoryName(destination) ?? string.Empty, ".partnerops-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".partial");

        /// <summary>
        /// Null when a database file may have the name of <paramref name="path"/>; else why not: SQLite names its journal
        /// after the database ('-journal' added), and that name must fit the file system's limit too (247 bytes at most).
        /// </summary>
        public static string? DatabaseNameProblem(string path)
        {
            var name = Path.GetFileName(path);
            var length = Length(name);
            var room = MaxNameLength - Length(LongestCompanionSuffix);
            return length <= room
                ? null
                : $"its name is {length} {(OnWindows ? "characters" : "bytes")} long; SQLite names its journal after it with '{LongestCompanionSuffix}' added, so a database's name may be at most {room} {(OnWindows ? "characters" : "bytes")} long";
        }

        private static bool OnWindows => System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);

        private static int Length(string name) => OnWindows ? name.Length : Encoding.UTF8.GetByteCount(name);
    }
}
