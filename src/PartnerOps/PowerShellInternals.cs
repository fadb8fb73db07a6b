using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Two facts PowerShell keeps only internally and the module needs: whether a parameter was bound from
    /// $PSDefaultParameterValues, and whether the next command of a pipeline took an item. Both are read by reflection
    /// on members that PowerShell has had since version 2 (5.1 and 7.x alike); each answers null where it cannot be read,
    /// and the callers then fall back to what the public surface allows.
    /// </summary>
    internal static class PowerShellInternals
    {
        private const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

        // Per command of a pipeline, the items it has begun to process (counted just before its process block runs on one).
        private static readonly PropertyInfo? IterationCounts = typeof(InvocationInfo).GetProperty("PipelineIterationInfo", Members);

        /// <summary>
        /// Whether $PSDefaultParameterValues supplied <paramref name="parameter"/> of <paramref name="cmdlet"/> rather than the
        /// user: PowerShell's own record of it (ParameterBinderController.BoundDefaultParameters of the command's processor).
        /// Null when it cannot be read.
        /// </summary>
        public static bool? SuppliedByDefault(Cmdlet cmdlet, string parameter)
        {
            try
            {
                var runtime = cmdlet.CommandRuntime;
                var pipeline = runtime?.GetType().GetProperty("PipelineProcessor", Members)?.GetValue(runtime);
                if (!(pipeline?.GetType().GetProperty("Commands", Members)?.GetValue(pipeline) is IEnumerable processors))
                {
                    return null;
                }

                foreach (var processor in processors)
                {
                    if (processor != null && ReferenceEquals(processor.GetType().GetProperty("Command", Members)?.GetValue(processor), cmdlet))
                    {
                        var binder = processor.GetType().GetProperty("CmdletParameterBinderController", Members)?.GetValue(processor);
                        return binder?.GetType().GetProperty("BoundDefaultParameters", Members)?.GetValue(binder) is IEnumerable names
                            ? names.Cast<object>().Any(name => string.Equals(name as string, parameter, StringComparison.OrdinalIgnoreCase))
                            : (bool?)null;
                    }
                }
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException || ex is AmbiguousMatchException)
            {
            }

            return null;
        }

        /// <summary>
        /// How many items the command after the one of <paramref name="invocation"/> has begun to process; null when there
        /// is no next command (it writes to the pipeline's output) or the count cannot be read.
        /// </summary>
        public static int? TakenByNextCommand(InvocationInfo invocation)
        {
            try
            {
                var next = invocation.PipelinePosition + 1;
                return IterationCounts?.GetValue(invocation) is int[] counts && next > 1 && next < counts.Length ? counts[next] : (int?)null;
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is MemberAccessException)
            {
                return null;
            }
        }

        /// <summary>
        /// Whether the next command took an item before the pipeline stopped: whether its count of items begun went up from
        /// <paramref name="takenBefore"/> while the item was written. A stop noticed after it processed the item
        /// (Select-Object -First having taken what it wanted, or a stop that came while it worked) reaches the writer all
        /// the same, from the next command's read of its next item. Without the count, the stop's origin decides: a stop
        /// check (ThrowIfStopping) means the item never got there; PowerShell rethrows a stop that came out of the next
        /// command's process block from CommandProcessor.ProcessRecord.
        /// </summary>
        public static bool NextCommandTookIt(PipelineStoppedException stop, InvocationInfo invocation, int? takenBefore)
        {
            if (takenBefore is int before && TakenByNextCommand(invocation) is int after)
            {
                return after > before;
            }

            var thrower = new System.Diagnostics.StackTrace(stop, false).GetFrame(0)?.GetMethod();
            return thrower != null && thrower.Name == "ProcessRecord" && thrower.DeclaringType?.Name == "CommandProcessor";
        }
    }
}
