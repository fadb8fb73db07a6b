using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Paths of files given to cmdlets (a database file, a file to import, the failed-row file, a backup destination, a
    /// report), resolved as PowerShell users mean them: relative to the current location ($PWD, not the process's folder),
    /// ~ expanded, through the FileSystem provider only, to a full path of this system. A value that names no file of the file
    /// system is refused before anything is opened or created, with a terminating error of the parameter's own id (category
    /// InvalidArgument) whose message names the parameter, the value (any password in it masked) and the problem: a
    /// PostgreSQL server's location (a postgresql:// URI or an Npgsql connection string), another URI (file:, https:...), a
    /// path of another provider (Env:, Variable:, Function:, Alias:, Cert:), a drive that does not exist, ~ where the current
    /// provider has no home, or a path that does not resolve to a full path here (a Windows network path \\server\share on
    /// Linux or macOS).
    /// </summary>
    internal static class FilePaths
    {
        // A URI: file: (file:///tmp/x, file:x), or any scheme of two letters or more followed by :// (a drive letter, C://x, is a path).
        private static readonly Regex UriForm = new Regex(@"^\s*(?:file:|[A-Za-z][A-Za-z0-9+.\-]+://)", RegexOptions.CultureInvariant);

        // A password in a value: user:password@ after a scheme (https://u:pw@h, postgresql:/u:pw@h), or Password=/Pwd= of a connection string.
        private static readonly Regex UserInfoPassword = new Regex(@"^(\s*[A-Za-z][A-Za-z0-9+.\-]*:/*[^/@:\s]*:)[^@/\s]*(@)", RegexOptions.CultureInvariant);
        private static readonly Regex KeywordPassword = new Regex(@"((?:password|pwd)\s*=\s*)(?:""[^""]*""|'[^']*'|[^;]*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private const string UncPath = "a Windows network (UNC) path, which this system cannot open; mount the share and give its path here";

        // A Windows drive path (C:\x, C:/x), named when the drive does not exist on this system.
        private static readonly Regex WindowsDrivePath = new Regex(@"^\s*[A-Za-z]:[\\/]", RegexOptions.CultureInvariant);

        /// <summary>
        /// The full path of the file <paramref name="path"/> names. <paramref name="subject"/> begins a refusal's message,
        /// before the quoted value ("-FailedRowPath ", "-Database "); <paramref name="errorId"/> is the refusal's error id;
        /// <paramref name="hint"/>, when given, ends the message (a sentence, with its leading space).
        /// </summary>
        public static string Resolve(PSCmdlet cmdlet, string path, string subject, string errorId, string? hint = null)
        {
            RefuseServerOrUri(cmdlet, path, subject, errorId, hint);
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception ex) when (IsUnusablePath(ex))
            {
                throw Unusable(cmdlet, path, subject, errorId, hint, ex);
            }

            RequireFileSystem(cmdlet, path, provider, subject, errorId, hint);
            RequireFullPath(cmdlet, path, resolved, subject, errorId, hint);
            return resolved;
        }

        /// <summary>
        /// The full paths of the files a wildcard <paramref name="pattern"/> matches, as Get-ChildItem would find them
        /// (empty when none matches); refused as <see cref="Resolve"/> refuses a path.
        /// </summary>
        public static IReadOnlyList<string> ResolveWildcard(PSCmdlet cmdlet, string pattern, string subject, string errorId, string? hint = null)
        {
            RefuseServerOrUri(cmdlet, pattern, subject, errorId, hint);
            IReadOnlyList<string> files;
            ProviderInfo provider;
            try
            {
                files = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(pattern, out provider);
            }
            catch (ItemNotFoundException)
            {
                return Array.Empty<string>();
            }
            catch (Exception ex) when (IsUnusablePath(ex))
            {
                throw Unusable(cmdlet, pattern, subject, errorId, hint, ex);
            }

            RequireFileSystem(cmdlet, pattern, provider, subject, errorId, hint);
            foreach (var file in files)
            {
                RequireFullPath(cmdlet, pattern, file, subject, errorId, hint);
            }

            return files;
        }

        /// <summary>A value as a message may show it: a server's location without its password, any other password masked.</summary>
        public static string Shown(string value)
        {
            if (PartnerDatabases.IsServer(value))
            {
                return CmdletExtensions.ShownLocation(value);
            }

            return KeywordPassword.Replace(UserInfoPassword.Replace(value, "$1***$2"), "$1***");
        }

        // PSInvalidOperationException: ~ where the current location's provider has no home (after Set-Location Env:).
        private static bool IsUnusablePath(Exception ex) =>
            ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException || ex is ArgumentException
            || ex is ProviderInvocationException || ex is InvalidOperationException;

        private static Exception Unusable(PSCmdlet cmdlet, string path, string subject, string errorId, string? hint, Exception ex)
        {
            var advice = ex is DriveNotFoundException && WindowsDrivePath.IsMatch(path) && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? " It is a Windows drive path; on this system give a path such as ./name or /home/name (Get-PSDrive lists the drives there are)."
                : ex is DriveNotFoundException ? " Get-PSDrive lists the drives there are." : string.Empty;
            return Refuse(cmdlet, path, errorId, $"{subject}'{Shown(path)}' is not a usable path: {Shown(ex.Message).TrimEnd('.')}.{advice}{hint}");
        }

        // A server's location in any form the module takes (postgresql:// URI or a connection string with Host=), then any URI,
        // then a Windows network path on another system (before a wildcard of -Path reads \\?\ as a pattern).
        private static void RefuseServerOrUri(PSCmdlet cmdlet, string path, string subject, string errorId, string? hint)
        {
            // \\server\share and //server/share: on Linux and macOS the second is the folder /server/share at the root, which is
            // never what was meant.
            var start = path.TrimStart();
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && (start.StartsWith(@"\\", StringComparison.Ordinal) || (start.StartsWith("//", StringComparison.Ordinal) && !start.StartsWith("///", StringComparison.Ordinal))))
            {
                throw Refuse(cmdlet, path, errorId, $"{subject}'{Shown(path)}' is {UncPath}.{hint}");
            }

            // A connection string's form (Host=...) is a server's location unless a file of that name is there (a CSV named
            // Host=h.csv is imported).
            if (PartnerDatabases.IsServer(path) && !IsExistingFile(cmdlet, path))
            {
                throw Refuse(cmdlet, path, errorId, $"{subject}'{Shown(path)}' is the location of a PostgreSQL server, not a file; give the path of a file.{hint}");
            }

            if (!UriForm.IsMatch(path))
            {
                return;
            }

            // file:///tmp/x.csv: the path it stands for is named, for the user to give instead.
            var local = Uri.TryCreate(path.Trim(), UriKind.Absolute, out var uri) && uri.IsFile ? $" ('{uri.LocalPath}')" : string.Empty;
            throw Refuse(cmdlet, path, errorId, $"{subject}'{Shown(path)}' is a URI; give the path of a file instead{local}.{hint}");
        }

        private static bool IsExistingFile(PSCmdlet cmdlet, string path)
        {
            if (path.TrimStart().StartsWith("postgres", StringComparison.OrdinalIgnoreCase) && path.IndexOf("://", StringComparison.Ordinal) > 0)
            {
                return false;
            }

            try
            {
                var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                return string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase) && System.IO.File.Exists(resolved);
            }
            catch (Exception ex) when (IsUnusablePath(ex))
            {
                return false;
            }
        }

        private static void RequireFileSystem(PSCmdlet cmdlet, string path, ProviderInfo provider, string subject, string errorId, string? hint)
        {
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                throw Refuse(cmdlet, path, errorId, $"{subject}'{Shown(path)}' is a path of the {provider.Name} provider, not of the file system; give the path of a file.{hint}");
            }
        }

        // The provider may give a value back as it is; used so, .NET would take it relative to the process's folder, not $PWD.
        // Only a full path of this system is used.
        private static void RequireFullPath(PSCmdlet cmdlet, string path, string resolved, string subject, string errorId, string? hint)
        {
            var full = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? System.IO.Path.IsPathRooted(resolved) && (resolved.StartsWith(@"\\", StringComparison.Ordinal) || resolved.StartsWith("//", StringComparison.Ordinal) || (resolved.Length >= 3 && resolved[1] == ':' && (resolved[2] == '\\' || resolved[2] == '/')))
                : resolved.StartsWith("/", StringComparison.Ordinal);
            if (full)
            {
                return;
            }

            throw Refuse(cmdlet, path, errorId, $"{subject}'{Shown(path)}' is not a full path of this system once resolved ('{Shown(resolved)}'); give a path such as ./name.{hint}");
        }

        private static Exception Refuse(PSCmdlet cmdlet, string path, string errorId, string message)
        {
            var shown = Shown(path);
            var failure = new PartnerOpsException(errorId, FailureKind.InvalidArgument, message, shown);
            cmdlet.ThrowTerminatingError(FailureReporter.ToErrorRecord(failure, shown));
            return failure; // not reached: ThrowTerminatingError throws
        }
    }
}
