using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using PartnerOps.Data;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Paths of files given to cmdlets (a database file, a file to import, the failed-row file, a backup destination, a
    /// report), resolved as PowerShell users mean them: relative to the current location ($PWD, not the process's folder),
    /// ~ expanded, through the FileSystem provider only. A value that names no file of the file system is refused before
    /// anything is opened or created, with a terminating error of the parameter's own id (category InvalidArgument) whose
    /// message names the parameter, the value and the problem: a URI (file:, postgresql://, https://...), a path of another
    /// provider (Env:, Variable:, Function:, HKLM:, Cert:), a drive that does not exist, or a path PowerShell cannot read.
    /// </summary>
    internal static class FilePaths
    {
        // A URI: file: (file:///tmp/x, file:x), or any scheme of two letters or more followed by :// (a drive letter, C://x, is a path).
        private static readonly Regex UriForm = new Regex(@"^\s*(?:file:|[A-Za-z][A-Za-z0-9+.\-]+://)", RegexOptions.CultureInvariant);

        /// <summary>
        /// The full path of the file <paramref name="path"/> names. <paramref name="subject"/> begins a refusal's message,
        /// before the quoted value ("-FailedRowPath ", "The database "); <paramref name="errorId"/> is the refusal's error id;
        /// <paramref name="hint"/>, when given, ends the message (a sentence, with its leading space).
        /// </summary>
        public static string Resolve(PSCmdlet cmdlet, string path, string subject, string errorId, string? hint = null)
        {
            RefuseUri(cmdlet, path, subject, errorId, hint);
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception ex) when (IsUnusablePath(ex))
            {
                throw Refuse(cmdlet, path, errorId, $"{subject}'{path}' is not a usable path: {ex.Message.TrimEnd('.')}.{hint}");
            }

            RequireFileSystem(cmdlet, path, provider, subject, errorId, hint);
            return resolved;
        }

        /// <summary>
        /// The full paths of the files a wildcard <paramref name="pattern"/> matches, as Get-ChildItem would find them
        /// (empty when none matches); refused as <see cref="Resolve"/> refuses a path.
        /// </summary>
        public static IReadOnlyList<string> ResolveWildcard(PSCmdlet cmdlet, string pattern, string subject, string errorId, string? hint = null)
        {
            RefuseUri(cmdlet, pattern, subject, errorId, hint);
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
                throw Refuse(cmdlet, pattern, errorId, $"{subject}'{pattern}' is not a usable path: {ex.Message.TrimEnd('.')}.{hint}");
            }

            RequireFileSystem(cmdlet, pattern, provider, subject, errorId, hint);
            return files;
        }

        private static bool IsUnusablePath(Exception ex) =>
            ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is NotSupportedException || ex is PSArgumentException
            || ex is ArgumentException || ex is ProviderInvocationException;

        private static void RefuseUri(PSCmdlet cmdlet, string path, string subject, string errorId, string? hint)
        {
            if (!UriForm.IsMatch(path))
            {
                return;
            }

            if (PartnerDatabases.IsServer(path))
            {
                var shown = CmdletExtensions.ShownLocation(path);
                throw Refuse(cmdlet, shown, errorId, $"{subject}'{shown}' is the location of a PostgreSQL server, not a file; give the path of a file.{hint}");
            }

            // file:///tmp/x.csv: the path it stands for is named, for the user to give instead.
            var local = Uri.TryCreate(path.Trim(), UriKind.Absolute, out var uri) && uri.IsFile ? $" ('{uri.LocalPath}')" : string.Empty;
            throw Refuse(cmdlet, path, errorId, $"{subject}'{path}' is a URI; give the path of a file instead{local}.{hint}");
        }

        private static void RequireFileSystem(PSCmdlet cmdlet, string path, ProviderInfo provider, string subject, string errorId, string? hint)
        {
            if (!string.Equals(provider.Name, "FileSystem", StringComparison.OrdinalIgnoreCase))
            {
                throw Refuse(cmdlet, path, errorId, $"{subject}'{path}' is a path of the {provider.Name} provider, not of the file system; give the path of a file.{hint}");
            }
        }

        private static Exception Refuse(PSCmdlet cmdlet, string path, string errorId, string message)
        {
            var failure = new PartnerOpsException(errorId, FailureKind.InvalidArgument, message, path);
            cmdlet.ThrowTerminatingError(FailureReporter.ToErrorRecord(failure, path));
            return failure; // not reached: ThrowTerminatingError throws
        }
    }
}
