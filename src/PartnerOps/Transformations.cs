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
                case null:
                    return null;
                default:
                    // PowerShell would take a number as .NET ticks (42067 is 0001-01-01) and skip what it cannot convert.
                    throw new ArgumentTransformationMetadataException(
                        $"{TypedValue.Describe(value)} is not a date: give a date ([datetime]) or text such as 2015-03-31; " +
                        "a number is not read as a date (not as .NET ticks, Unix time or a spreadsheet's day number).");
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
            switch (value)
            {
                case null:
                    return null;
                case string text when string.IsNullOrWhiteSpace(text):
                    return null;
                case string text:
                    // A number beyond the decimal range ('1e40') is named too large, not "not a number".
                    return ValueText.Session().TryReadDecimal(text, out var number, out var problem)
                        ? number
                        : throw new ArgumentTransformationMetadataException((ValueText.TooLarge(text) ?? problem) + ".");
                case decimal exact:
                    return exact;
                case double big when ValueText.TooLarge(big.ToString("R", CultureInfo.InvariantCulture), big) is string tooLarge:
                    throw new ArgumentTransformationMetadataException(tooLarge + ".");
                default:
                    return TypedValue.ToDecimal(value)
                        ?? throw new ArgumentTransformationMetadataException(
                            $"{TypedValue.Describe(value)} is not a number: give a number, or text such as 1234.5" +
                            (value is bool ? " (a Boolean is not read as 1 or 0)" : value is char ? " (a character is not read as its code)" : string.Empty) + ".");
            }
        }
    }

    /// <summary>
    /// A whole-number parameter (a year, an id, a count): text is read as digits with an optional sign (<see cref="ValueText.TryReadInteger"/>
    /// for a year); a number of any type is taken only when it is whole (2015.0), never rounded (PowerShell would make 2015.5
    /// 2016); a Boolean, a character (whose code PowerShell would take), a date and anything else are refused naming the
    /// value. Without it a cell such as Year=abc would leave the parameter unbound and PowerShell would report only that
    /// Year is missing. With <see cref="List"/> (filters such as -Year 2015, 2016) each element is checked so.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class IntegerTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <summary>The parameter takes a list: each element is one whole number.</summary>
        public bool List { get; set; }

        /// <exception cref="ArgumentTransformationMetadataException">The value is not one whole number (or a list of them, with <see cref="List"/>).</exception>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            return TypedValue.EachOrOne(inputData, List, One);
        }

        private static object? One(object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    if (ValueText.Session().TryReadInteger(text, out var year, out var problem))
                    {
                        return year;
                    }

                    return long.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var big)
                        ? big
                        : throw new ArgumentTransformationMetadataException(problem + ".");
            }

            var number = TypedValue.ToDecimal(value);
            if (number is decimal exact && exact == decimal.Truncate(exact) && exact >= long.MinValue && exact <= long.MaxValue)
            {
                var whole = (long)exact;
                return whole >= int.MinValue && whole <= int.MaxValue ? (object)(int)whole : whole;
            }

            throw new ArgumentTransformationMetadataException(
                $"{TypedValue.Describe(value)} is not a whole number{(number != null ? " (it is not rounded)" : string.Empty)}: give a whole number such as 2015" +
                (value is bool ? " (a Boolean is not read as 1 or 0)" : value is char ? " (a character is not read as its code)" : string.Empty) + ".");
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

        /// <summary>The parameter takes a list (a filter such as Get-Partner -Tier Gold, Platinum): each element is read so.</summary>
        public bool List { get; set; }

        /// <exception cref="ArgumentTransformationMetadataException">The value is not one of the enum's names (or, as a typed whole number, its values).</exception>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            return TypedValue.EachOrOne(inputData, List, One);
        }

        private object? One(object? inputData)
        {
            inputData = SingleValue.Of(inputData);
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case string text:
                    text = text.Trim();
                    if (text.Length == 0)
                    {
                        return null;
                    }

                    // Names only: text such as '1' or '03' is refused, as the bulk import refuses it (a person's "Tier 1" is not Silver).
                    foreach (var name in Enum.GetNames(_enumType))
                    {
                        if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                        {
                            return Enum.Parse(_enumType, name);
                        }
                    }

                    throw new ArgumentTransformationMetadataException(
                        $"'{TextRules.Shown(text)}' is not a valid {_enumType.Name}; valid values are {string.Join(", ", Enum.GetNames(_enumType))}" +
                        (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '-' || text[0] == '+') ? " (give the name, not a number)." : "."));
                case Enum _ when value.GetType() == _enumType:
                    return value;
            }

            // A typed whole number (not text) is the enum's value when it is one: ConvertTo-Json writes enums as numbers, and
            // Import-Clixml gives them back as numbers; the bulk import reads a JSON number the same way.
            // Only the integer types: a JSON 1.0 (a double) is refused on both paths.
            if (TypedValue.IsInteger(value) && TypedValue.ToDecimal(value) is decimal number
                && number >= int.MinValue && number <= int.MaxValue && Enum.IsDefined(_enumType, (int)number))
            {
                return Enum.ToObject(_enumType, (int)number);
            }

            throw new ArgumentTransformationMetadataException(
                $"{TypedValue.Describe(value)} is not a valid {_enumType.Name}; valid values are {string.Join(", ", Enum.GetNames(_enumType))}.");
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
        /// <summary>The parameter takes several partners (a filter); without it a list of more or no partners is refused.</summary>
        public bool Multiple { get; set; }

        /// <exception cref="ArgumentTransformationMetadataException">The value names no partner, or is not one partner where one is needed.</exception>
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
                case System.Collections.IList list when !Multiple && list.Count == 1:
                    return One(list[0]);
                case System.Collections.IList list when !Multiple:
                    return SingleValue.Of(list); // refused: an empty list, or more than one partner
                case System.Collections.IList list:
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

            if (value is ScriptBlock || value is System.Collections.IDictionary || value is System.Collections.IList)
            {
                SingleValue.Of(input); // refused as what it is: a script block, a hashtable, a list of more or no values
                return;
            }

            throw new ArgumentTransformationMetadataException(
                $"-Name takes names, but an object was given ({TextRules.Shown(Convert.ToString(input, CultureInfo.InvariantCulture))}). To work on the partner " +
                "an object names, in its own database, pipe the object (or give it to -InputObject).");
        }
    }

    /// <summary>
    /// Typed values (not text) as the number, date and enum parameters take them: what PowerShell's binder would convert
    /// loosely (a Boolean as 1, a [char] as its code, a number as .NET ticks, 2015.5 as 2016) or skip without a word on
    /// an optional parameter piped by property name, is converted here or refused naming the value and its type.
    /// </summary>
    internal static class TypedValue
    {
        /// <summary>
        /// A parameter's value read by <paramref name="one"/>: element by element (as an object[]) when the parameter takes a
        /// list (<paramref name="list"/>) and a list was given, else as one value.
        /// </summary>
        public static object? EachOrOne(object? inputData, bool list, Func<object?, object?> one)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (!list || !(value is System.Collections.IList items) || value is string)
            {
                return one(inputData);
            }

            var each = new object?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                each[i] = one(items[i]);
            }

            return each;
        }

        /// <summary>
        /// A typed number as a decimal: the integer types, decimal, and double or float when finite and within decimal's
        /// range (converted as PowerShell converts them, to 15 significant digits); null for anything else (a Boolean, a
        /// character, an enum value, a date, NaN).
        /// </summary>
        public static decimal? ToDecimal(object? value)
        {
            switch (value)
            {
                case decimal number:
                    return number;
                case int number:
                    return number;
                case long number:
                    return number;
                case short number:
                    return number;
                case byte number:
                    return number;
                case sbyte number:
                    return number;
                case uint number:
                    return number;
                case ulong number:
                    return number;
                case ushort number:
                    return number;
                case double number when !double.IsNaN(number) && !double.IsInfinity(number) && Math.Abs(number) < 7.9e28:
                    return Convert.ToDecimal(number, CultureInfo.InvariantCulture);
                case float number when !float.IsNaN(number) && !float.IsInfinity(number) && Math.Abs(number) < 7.9e28f:
                    return Convert.ToDecimal(number, CultureInfo.InvariantCulture);
                case System.Numerics.BigInteger number when number >= new System.Numerics.BigInteger(decimal.MinValue) && number <= new System.Numerics.BigInteger(decimal.MaxValue):
                    return (decimal)number;
                default:
                    return null;
            }
        }

        /// <summary>Whether the value is of an integer type (Int32, Int64, ...; not a Boolean, a [char] or an enum value).</summary>
        public static bool IsInteger(object? value) =>
            value is int || value is long || value is short || value is byte || value is sbyte || value is uint || value is ulong || value is ushort;

        /// <summary>A value and its type, for messages: "True (System.Boolean)", "'5' (System.Char)", "42067 (System.Int64)".</summary>
        public static string Describe(object? value) =>
            value == null ? "$null"
            : $"{(value is char c ? "'" + TextRules.Shown(c.ToString()) + "'" : TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture)))} ({value.GetType().FullName})";
    }
}
