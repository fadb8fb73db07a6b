using System;
using System.Globalization;

namespace PartnerOps.Data
{
    /// <summary>
    /// How long a write waits for another writer before it fails with DatabaseBusy, on every backend: SQLite's busy timeout,
    /// PostgreSQL's lock_timeout. Whole seconds from <see cref="EnvironmentVariable"/>, 30 when unset.
    /// </summary>
    public static class BusyTimeout
    {
        /// <summary>The default wait, in seconds.</summary>
        public const int DefaultSeconds = 30;

        /// <summary>The environment variable that sets the wait (whole seconds, 0 to <see cref="MaxSeconds"/>).</summary>
        public const string EnvironmentVariable = "PARTNEROPS_BUSY_TIMEOUT";

        /// <summary>The longest wait the variable may ask for, in seconds (an hour).</summary>
        public const int MaxSeconds = 3600;

        /// <summary>
        /// The wait in seconds read through <paramref name="environment"/>; <see cref="DefaultSeconds"/> when the variable is
        /// unset or blank. Throws PartnerOpsException (InvalidSetting) naming the text when it is not a whole number of
        /// seconds from 0 to <see cref="MaxSeconds"/>.
        /// </summary>
        public static int FromEnvironment(Func<string, string?> environment)
        {
            var text = environment(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(text))
            {
                return DefaultSeconds;
            }

            if (int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxSeconds)
            {
                return seconds;
            }

            throw new PartnerOpsException(
                ErrorIds.InvalidSetting,
                FailureKind.InvalidArgument,
                $"{EnvironmentVariable} '{text}' is not valid: give a whole number of seconds from 0 to {MaxSeconds}.",
                text);
        }

        /// <summary>The wait from the process environment, or the default when the variable is not valid (for error messages).</summary>
        public static int FromEnvironmentOrDefault()
        {
            try
            {
                return FromEnvironment(Environment.GetEnvironmentVariable);
            }
            catch (PartnerOpsException)
            {
                return DefaultSeconds;
            }
        }
    }
}
