using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>
    /// Lets text bind to a date parameter as the bulk import reads it (<see cref="ValueText"/>: ISO 8601, \/Date(ms)\/,
    /// the session culture's own forms as Export-Csv writes them), or fail naming the value and the forms tried; an empty
    /// cell is no date (Export-Csv writes $null as ""). A date object is its calendar day (<see cref="ValueText.DayOf(DateTime)"/>:
    /// a DateTime of kind Utc, as ConvertFrom-Json makes of \/Date(ms)\/, is the day it is here; a DateTimeOffset its own date).
    /// With <see cref="Time"/> (Get-PartnerHistory -Since) the time of day is kept.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DateTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The parameter takes a point in time, not a calendar day: the time of day is kept.</summary>
        public bool Time { get; set; }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case DateTime date:
                    return Time ? date : ValueText.DayOf(date);
                case DateTimeOffset offset:
                    return Time ? offset.LocalDateTime : ValueText.DayOf(offset);
                case string text when string.IsNullOrWhiteSpace(text):
                    return null;
                case string text:
                    var values = ValueText.Session();
                    if (Time ? values.TryReadTime(text, out var read) : values.TryReadDate(text, out read))
                    {
                        return read;
                    }

                    throw new ArgumentTransformationMetadataException(values.NotADate(text) + ".");
                default:
                    return inputData;
            }
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
    /// Lets text bind to a decimal parameter exactly as the bulk import reads it (<see cref="ValueText"/>): the invariant
    /// form (1234.5, 1.23457E+11) or the session culture's (1234,5 and 1.234,5 in de-DE), and text that reads as two
    /// different numbers in them ('12.500' in de-DE) refused naming both; else an error naming the value and the forms tried.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class DecimalTransformationAttribute : ArgumentTransformationAttribute
    {
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

            return ValueText.Session().TryReadDecimal(text, out var number, out var problem)
                ? number
                : throw new ArgumentTransformationMetadataException(problem + ".");
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

            return ValueText.Session().TryReadInteger(text, out var number, out var problem)
                ? number
                : throw new ArgumentTransformationMetadataException(problem + ".");
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
