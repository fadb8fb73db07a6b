using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Lets CSV text bind to a date parameter: an empty cell is no date (Export-Csv writes $null as ""),
    /// ISO forms are read first, then the session's culture (Export-Csv writes dates in it, so a file
    /// exported in a day-first culture round-trips), then the invariant culture.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DateTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly string[] IsoFormats = { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "o" };

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            text = text.Trim();
            if (DateTime.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date)
                || DateTime.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.AllowWhiteSpaces, out date)
                || DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
            {
                return date;
            }

            throw new ArgumentTransformationMetadataException($"'{TextRules.Shown(text)}' is not a date; use the form yyyy-MM-dd, e.g. 2015-03-31.");
        }
    }

    /// <summary>An empty CSV cell binds as "not given" rather than failing to convert.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
        }
    }

    /// <summary>
    /// Lets CSV text bind to a decimal parameter exactly: '.' as the decimal point first (whatever the
    /// culture), then the session culture's own form (Export-Csv writes 1234,5 in de-DE). Thousands
    /// separators are not accepted, so '1,5' is never read as fifteen.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DecimalTransformationAttribute : ArgumentTransformationAttribute
    {
        private const NumberStyles Plain = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text, Plain, CultureInfo.InvariantCulture, out var number)
                || decimal.TryParse(text, Plain, CultureInfo.CurrentCulture, out number)
                || decimal.TryParse(text, Plain | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }

            throw new ArgumentTransformationMetadataException($"'{TextRules.Shown(text)}' is not a number; write it with '.' as the decimal point and no thousands separators, e.g. 1234.50.");
        }
    }

    /// <summary>
    /// Lets CSV text bind to a whole-number parameter (a year), or fail naming the value: without it a cell such as
    /// Year=abc would leave the parameter unbound and PowerShell would report only that Year is missing.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class IntegerTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            if (int.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            throw new ArgumentTransformationMetadataException($"'{TextRules.Shown(text)}' is not a whole number, such as a year like 2015.");
        }
    }

    /// <summary>
    /// Binds text to an enum parameter by name, ignoring case, or fails naming the value and the valid names.
    /// Without it a CSV cell such as Type=Foo would leave the parameter unbound, silently: PowerShell skips a
    /// pipeline property it cannot convert when the parameter is optional. An empty cell is "not given".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class EnumValueAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _enumType;

        public EnumValueAttribute(Type enumType)
        {
            _enumType = enumType;
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!(value is string text))
            {
                return inputData;
            }

            text = text.Trim();
            if (text.Length == 0)
            {
                return null;
            }

            foreach (var name in Enum.GetNames(_enumType))
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    return Enum.Parse(_enumType, name);
                }
            }

            throw new ArgumentTransformationMetadataException(
                $"'{TextRules.Shown(text)}' is not a valid {_enumType.Name}; valid values are {string.Join(", ", Enum.GetNames(_enumType))}.");
        }
    }

    /// <summary>
    /// Binds -Partner from anything that names a partner, as piped objects do (see <see cref="PipedObject.Partner"/>): a
    /// name or an id as typed, a Partner object (live or deserialized, keeping its Database and Id), a record that names
    /// a partner, or a row. An empty value is "not given". Without it a deserialized Partner could not be given at all.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class PartnerReferenceTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case PartnerReference _:
                    return value;
                case string text when string.IsNullOrWhiteSpace(text):
                    return null;
                case System.Collections.IList list when !(value is string):
                    var references = new PartnerReference[list.Count];
                    for (var i = 0; i < list.Count; i++)
                    {
                        references[i] = One(list[i]);
                    }

                    return references;
                default:
                    return One(value);
            }
        }

        private static PartnerReference One(object? value)
        {
            SingleValue.RefuseScriptBlock(value);
            try
            {
                return value is PartnerReference reference ? reference : PipedObject.Read(value ?? string.Empty).Partner();
            }
            catch (PartnerOpsException ex)
            {
                throw new ArgumentTransformationMetadataException(ex.Message, ex);
            }
        }
    }

    /// <summary>
    /// -Name takes names. An object given there (a Partner, a record, a row) would become its text and be looked up in
    /// the command's database, as a pattern where the parameter takes wildcards: not the partner it names, nor in its
    /// database. Such a value is refused, saying to pipe the object instead.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class NameTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is System.Collections.IList list && !(value is string))
            {
                foreach (var element in list)
                {
                    Check(element);
                }
            }
            else
            {
                Check(inputData);
            }

            return inputData;
        }

        private static void Check(object? input)
        {
            var value = input is PSObject ps ? ps.BaseObject : input;
            if (value == null || value is string || value is IConvertible)
            {
                return;
            }

            throw new ArgumentTransformationMetadataException(
                $"-Name takes names, but an object was given ({TextRules.Shown(Convert.ToString(input, CultureInfo.InvariantCulture))}). To work on the partner " +
                "an object names, in its own database, pipe the object (or give it to -InputObject).");
        }
    }
}
