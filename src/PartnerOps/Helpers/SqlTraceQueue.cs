using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;

namespace PartnerOps.Commands
{
    /// <summary>
    /// -Debug: the SQL a connection ran waits here until the command can write it. SQLite reports it from inside its own
    /// call (on any thread), where nothing may throw, so it is never written from there; the command writes it before its
    /// next object, error or summary (<see cref="Flush"/>).
    /// </summary>
    internal sealed class SqlTraceQueue
    {
        private readonly PSCmdlet _cmdlet;
        private readonly ConcurrentQueue<string> _sql = new ConcurrentQueue<string>();

        public SqlTraceQueue(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Queues one statement's SQL; safe on any thread, never throws.</summary>
        public void Enqueue(string sql) => _sql.Enqueue(sql);

        /// <summary>Writes the SQL statements that other threads ran since the last call (-Debug).</summary>
        public void Flush()
        {
            while (_sql.TryDequeue(out var sql))
            {
                _cmdlet.WriteDebug("SQL: " + sql);
            }
        }

        /// <summary>
        /// Whether debug output would be shown: -Debug, or $DebugPreference as the caller's scope sees it. A binary
        /// cmdlet's own variable lookup would not see a local $DebugPreference, so the command runtime is asked.
        /// </summary>
        public bool Enabled
        {
            get
            {
                if (_cmdlet.MyInvocation.BoundParameters.TryGetValue("Debug", out var debug) && debug is SwitchParameter d)
                {
                    return d.IsPresent;
                }

                object? preference;
                try
                {
                    preference = _cmdlet.CommandRuntime.GetType()
                        .GetProperty("DebugPreference", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?
                        .GetValue(_cmdlet.CommandRuntime);
                }
                catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException)
                {
                    preference = null;
                }

                preference ??= _cmdlet.GetVariableValue("DebugPreference");
                return preference is ActionPreference p && p != ActionPreference.SilentlyContinue && p != ActionPreference.Ignore;
            }
        }
    }
}
