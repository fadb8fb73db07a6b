using System;
using System.Globalization;
using System.Management.Automation;

namespace PartnerOps.Commands
{
    /// <summary>A piped object's properties read as one value each: text, whole number, exact number, date.</summary>
    internal sealed partial class PipedObject
    {
        private PartnerOpsException Unreadable(string property, object? value) => new PartnerOpsException(
            ErrorIds.InputObjectInvalid,
            FailureKind.InvalidArgument,
            value == null
                ? $"The piped {Description} has no {property}."
                : $"The {property} '{TextRules.Shown(Convert.ToString(value, CultureInfo.InvariantCulture))}' of the piped {Description} cannot be read.",
            Value);

        /// <summary>
        /// A property as a date: a date object as its calendar day (<see cref="ValueText.DayOf(DateTime)"/>), text as the
        /// date parameters and the import read it (<see cref="ValueText"/>, the session's culture), else an error.
        /// </summary>
        public DateTime? Date(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            switch (value)
            {
                case null:
                    return null;
                case DateTime date:
                    return ValueText.DayOf(date);
                case DateTimeOffset offset:
                    return ValueText.DayOf(offset);
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when ValueText.Session().TryReadDate(text, out var date):
                    return date;
                case string text:
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property} of the piped {Description} cannot be read: {ValueText.Session().NotADate(text)}.",
                        Value);
                default:
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property} {TypedValue.Describe(value)} of the piped {Description} is not a date; a number is not read as a date.",
                        Value);
            }
        }

        /// <summary>
        /// A property as an exact number: decimal as it is, other numbers converted, text as the decimal parameters and the
        /// import read it (<see cref="ValueText"/>, the session's culture), else an error.
        /// </summary>
        public decimal? Decimal(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            switch (value)
            {
                case null:
                    return null;
                case decimal number:
                    return number;
                case string text when text.Trim().Length == 0:
                    return null;
                case string text:
                    return ValueText.Session().TryReadDecimal(text, out var read, out var problem)
                        ? read
                        : throw new PartnerOpsException(
                            ErrorIds.InputObjectInvalid,
                            FailureKind.InvalidArgument,
                            $"The {property} of the piped {Description} cannot be read: {problem}.",
                            Value);
                case bool _:
                case char _:
                case Enum _:
                    throw Unreadable(property, value);
                default:
                    return TypedValue.ToDecimal(value) ?? throw Unreadable(property, value);
            }
        }

        // A property's text when it holds one value, else null (the Database of an object is read before anything can fail).
        private string? ShownOrNull(string property)
        {
            var value = Value.Properties[property]?.Value;
            value = value is PSObject ps ? ps.BaseObject : value;
            return value is string text && text.Trim().Length > 0 ? text : null;
        }

        // A property as messages show it, whatever it holds.
        private string Shown(string property) =>
            Convert.ToString((Value.Properties[property]?.Value as PSObject)?.BaseObject ?? Value.Properties[property]?.Value, CultureInfo.InvariantCulture) ?? "(none)";

        /// <summary>A property as text: null when missing or empty; an array of one is its element.</summary>
        /// <exception cref="PartnerOpsException">
        /// InputObjectInvalid: the property holds several values, or a hashtable, an object or a script block, whose text
        /// (System.Collections.Hashtable, @{...}, the script's source) is not the value (<see cref="SingleValue"/>).
        /// </exception>
        public string? Text(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            if (!SingleValue.IsPlain(value))
            {
                throw new PartnerOpsException(
                    ErrorIds.InputObjectInvalid,
                    FailureKind.InvalidArgument,
                    $"The {property} of the piped {Description} is {(value is System.Collections.IDictionary ? "a hashtable" : value is ScriptBlock ? "a script block" : "an object")} " +
                    $"({SingleValue.Shown(value)}) where one text is needed; give the text itself.",
                    Value);
            }

            return value == null ? null : Convert.ToString(value, CultureInfo.InvariantCulture) is string text && text.Trim().Length > 0 ? text : null;
        }

        /// <summary>A property as a whole number: null when missing or empty.</summary>
        /// <exception cref="PartnerOpsException">InputObjectInvalid: the value is not a whole number.</exception>
        public long? Number(string property)
        {
            var value = Unwrap(Value.Properties[property]?.Value, property);
            switch (value)
            {
                case null:
                    return null;
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                    return number;
                case long number:
                    return number;
                case int number:
                    return number;
                default:
                    // Only a whole number is an id or a year: 2015.5 is refused, never rounded; a Boolean or a [char] is not a number.
                    if (!(value is bool) && !(value is char) && !(value is Enum) && TypedValue.ToDecimal(value) is decimal whole
                        && whole == decimal.Truncate(whole) && whole >= long.MinValue && whole <= long.MaxValue)
                    {
                        return (long)whole;
                    }

                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property} {TypedValue.Describe(value)} of the piped {Description} is not a whole number.",
                        Value);
            }
        }

        // A property's one value: an array of one is its element. Property names the property in the message, when known.
        private object? Unwrap(object? value, string? property = null)
        {
            // A [pscustomobject] keeps its PSObject: its properties (and its text, @{...}) are there.
            value = value is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : value;
            if (value is System.Collections.IList list && !(value is string))
            {
                if (list.Count > 1)
                {
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        property == null
                            ? $"The piped {Description} has {list.Count} values ({SingleValue.Shown(list)}) in one property where one is needed; pipe one object per record."
                            : $"The {property} of the piped {Description} holds {list.Count} values ({SingleValue.Shown(list)}) where one is needed; pipe one object per record.",
                        Value);
                }

                if (list.Count == 0 || list[0] == null || (list[0] is PSObject element && element.BaseObject == null))
                {
                    // An empty list is not "no value": PartnerName = @() is not direct revenue, Currency = @() not the default.
                    throw new PartnerOpsException(
                        ErrorIds.InputObjectInvalid,
                        FailureKind.InvalidArgument,
                        $"The {property ?? "property"} of the piped {Description} is {(list.Count == 0 ? "an empty list (@())" : "a list holding only $null")} where one value is needed; " +
                        "give the value, or leave the property out (or empty) where it may be omitted.",
                        Value);
                }

                return Unwrap(list[0], property);
            }

            return value;
        }
    }
}
