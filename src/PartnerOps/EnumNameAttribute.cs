using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// For a text parameter that names an enum value and is checked by the Core rules (so that an unknown name is the item's
    /// error naming it, not a binding error): a typed value of the enum, or a typed whole number that is one of its values
    /// (ConvertTo-Json writes enums as numbers; Import-Clixml gives them back as numbers), becomes its name; anything else is
    /// passed on as it is, for the rules to accept or refuse.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class EnumNameAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _enumType;

        public EnumNameAttribute(Type enumType)
        {
            _enumType = enumType;
        }

        /// <summary>The value, an enum value or its number turned into the enum's name.</summary>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var one = SingleValue.Of(inputData);
            var value = one is PSObject ps ? ps.BaseObject : one;
            if (value is Enum && value.GetType() == _enumType)
            {
                return value.ToString();
            }

            if (!(value is string) && TypedValue.IsInteger(value) && TypedValue.ToDecimal(value) is decimal number
                && number >= int.MinValue && number <= int.MaxValue && Enum.IsDefined(_enumType, (int)number))
            {
                return Enum.GetName(_enumType, (int)number);
            }

            return inputData;
        }
    }
}
