using System;
using System.Linq;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Binds a list of partner statuses (Set-PartnerTarget -Status, and a piped target's Statuses): the values as
    /// <see cref="EnumValueAttribute"/> reads them, and a text holding several names separated by commas ('Active,Onboarding',
    /// the form a CSV cell or the history shows) as those names. The text Export-Csv writes for a list
    /// ('PartnerOps.PartnerStatus[]': the statuses themselves are not in the file) is refused saying so, never taken as
    /// "not given" (which would count Active instead).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class StatusListAttribute : ArgumentTransformationAttribute
    {
        private static readonly EnumValueAttribute Each = new EnumValueAttribute(typeof(PartnerStatus)) { List = true };

        /// <exception cref="ArgumentTransformationMetadataException">A value is not a status, or is a list's type name.</exception>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is string text && text.IndexOf(',') >= 0)
            {
                return Each.Transform(engineIntrinsics, text.Split(',').Select(t => (object)t.Trim()).ToArray());
            }

            if (value is string typeName && typeName.Trim().EndsWith("[]", StringComparison.Ordinal))
            {
                throw new ArgumentTransformationMetadataException(
                    $"'{typeName.Trim()}' is the type of a list, not partner statuses: Export-Csv writes a list's type, not its values. " +
                    "Give the statuses as text such as 'Active,Onboarding' (for example: Select-Object *, @{ n = 'Statuses'; e = { $_.Statuses -join ',' } } -ExcludeProperty Statuses before Export-Csv).");
            }

            return Each.Transform(engineIntrinsics, inputData);
        }
    }
}
