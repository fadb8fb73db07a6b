using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Numerics;
using System.Text;

namespace PartnerOps.Commands
{
    /// <summary>
    /// The one rule for a parameter that takes one value: PowerShell hands some values over that are not one value,
    /// and left alone it drops, flattens or converts them without a word. In by-property-name pipeline binding an array
    /// (ConvertFrom-Json gives <c>["EUR"]</c> as one) does not bind to a single-valued parameter, and an optional one is
    /// then left at its default; given as an argument, an array becomes its elements joined by spaces, a hashtable the
    /// text <c>System.Collections.Hashtable</c>, a [pscustomobject] <c>@{code=NE}</c>, and a script block its source text.
    /// Here a one-element array is its element; an empty array, an array holding only $null, an array of more than one element, a hashtable (any
    /// dictionary), a [pscustomobject], a script block and any other object that is not one plain value are refused.
    /// </summary>
    /// <remarks>
    /// Called by transformation attributes, so a refusal is an <see cref="ArgumentTransformationMetadataException"/>:
    /// PowerShell reports it as <c>ParameterArgumentTransformationError</c>, its message prefixed with the parameter's
    /// name ("Cannot process argument transformation on parameter 'Currency'."), for a piped object as an error of that
    /// item alone (its TargetObject), after which the next item is bound (the binder does not swallow a transformation's
    /// failure as it swallows a failed type conversion). A script block given to a parameter that takes pipeline input by
    /// property name, with input piped, is run by PowerShell for each item (delay-bind) before any transformation: what
    /// reaches here is its result, checked as any other value.
    /// </remarks>
    internal static class SingleValue
    {
        private const int ShownElements = 3;

        /// <summary>
        /// The one value <paramref name="inputData"/> holds: itself when it is a plain value (text, a number, a date, a
        /// Boolean, an enum value, a GUID, a time span) or null; the element of a one-element array (or list).
        /// </summary>
        /// <exception cref="ArgumentTransformationMetadataException">The value is not one plain value.</exception>
        public static object? Of(object? inputData) => Check(inputData, allowObjectsWithText: false);

        /// <summary>
        /// As <see cref="Of"/>, for a path: an object with a text of its own (a FileInfo, a PathInfo from Resolve-Path)
        /// is taken, as PowerShell's own path parameters take them; collections, hashtables, [pscustomobject]s, script
        /// blocks and objects whose text is only their type's name are refused.
        /// </summary>
        /// <exception cref="ArgumentTransformationMetadataException">The value is not one path.</exception>
        public static object? OfPath(object? inputData) => Check(inputData, allowObjectsWithText: true);

        /// <summary>
        /// Refuses a script block that PowerShell did not run (given to a parameter without pipeline input by property
        /// name), as <see cref="Of"/> does, for parameters that take objects and would otherwise read it as one.
        /// </summary>
        /// <exception cref="ArgumentTransformationMetadataException">The value is a script block.</exception>
        public static void RefuseScriptBlock(object? inputData)
        {
            if ((inputData is PSObject ps ? ps.BaseObject : inputData) is ScriptBlock)
            {
                Check(inputData, allowObjectsWithText: false);
            }
        }

        /// <summary>Whether a value (unwrapped from its PSObject) is one plain value, as <see cref="Of"/> takes it.</summary>
        public static bool IsPlain(object? value) =>
            value == null
            || (value is IConvertible && !(value is IEnumerable && !(value is string)))
            || value is DateTimeOffset
            || value is TimeSpan
            || value is Guid
            || value is BigInteger;

        private static object? Check(object? inputData, bool allowObjectsWithText)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (IsPlain(value))
            {
                return inputData;
            }

            switch (value)
            {
                case ScriptBlock script:
                    throw Refused(
                        $"A script block ({{{TextRules.Shown(script.ToString())}}}) is not a value: it is neither run nor taken as text here. " +
                        "PowerShell runs a script block once per piped object only on a parameter that takes pipeline input by property name, " +
                        "and only when objects are piped (see the parameter's help); otherwise compute the value first, e.g. " +
                        "ForEach-Object { Set-Partner -InputObject $_ -Notes ('was ' + $_.Tier) }.");
                case IDictionary dictionary:
                    throw Refused(
                        $"A hashtable ({TextRules.Shown(ShowDictionary(dictionary))}) was given where one value is needed; give the value itself " +
                        "(one of its entries), not the table that holds it.");
                case PSCustomObject _:
                    throw Refused(
                        $"An object ({TextRules.Shown(Convert.ToString(inputData, CultureInfo.InvariantCulture))}) was given where one value is needed; " +
                        "give the value itself (one of its properties), not the object that holds it.");
                case IList list when list.Count == 1 && (list[0] == null || (list[0] is PSObject element && element.BaseObject == null)):
                    throw Refused("A list holding only $null (@($null), JSON [null]) was given where one value is needed; give the value, or leave the value out.");
                case IList list when list.Count == 1:
                    return Check(list[0], allowObjectsWithText);
                case IList list when list.Count == 0:
                    throw Refused("An empty list (@()) was given where one value is needed; give one value, or leave the value out.");
                case IList list:
                    throw Refused(
                        $"{list.Count.ToString(CultureInfo.InvariantCulture)} values ({ShowList(list)}) were given where one is needed; " +
                        "give one value (a piped object's property must hold one value, not a list).");
                case IEnumerable _:
                    throw Refused(
                        $"A collection ({TextRules.Shown(value!.GetType().FullName)}) was given where one value is needed; give one value.");
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            if (allowObjectsWithText && !string.IsNullOrWhiteSpace(text) && text != value!.GetType().FullName && text != value.GetType().ToString())
            {
                return inputData;
            }

            throw Refused(
                $"An object of type {value!.GetType().FullName} ({TextRules.Shown(text)}) was given where one value (text, a number or a date) is needed; " +
                "give the value itself.");
        }

        /// <summary>
        /// A value as messages show it: text quoted, a list as its first elements ('EUR', 'USD'), a hashtable as
        /// PowerShell writes one (@{code=NE}), anything else as its text; shortened and escaped by <see cref="TextRules.Shown"/>.
        /// </summary>
        public static string Shown(object? value) =>
            (value is PSObject ps ? ps.BaseObject : value) is IList list ? ShowList(list) : ShowElement(value);

        private static ArgumentTransformationMetadataException Refused(string message) => new ArgumentTransformationMetadataException(message);

        private static string ShowList(IList list)
        {
            var shown = list.Cast<object?>().Take(ShownElements).Select(ShowElement);
            return string.Join(", ", shown) + (list.Count > ShownElements ? ", …" : string.Empty);
        }

        private static string ShowElement(object? element)
        {
            var value = element is PSObject ps ? ps.BaseObject : element;
            return value switch
            {
                null => "$null",
                string text => "'" + TextRules.Shown(text) + "'",
                IDictionary dictionary => TextRules.Shown(ShowDictionary(dictionary)),
                ScriptBlock script => "{" + TextRules.Shown(script.ToString()) + "}",
                _ => TextRules.Shown(Convert.ToString(element, CultureInfo.InvariantCulture)),
            };
        }

        // As PowerShell writes a hashtable: @{code=NE; name=North East}.
        private static string ShowDictionary(IDictionary dictionary)
        {
            var shown = new StringBuilder("@{");
            var first = true;
            foreach (DictionaryEntry entry in dictionary)
            {
                shown.Append(first ? string.Empty : "; ")
                    .Append(Convert.ToString(entry.Key, CultureInfo.InvariantCulture))
                    .Append('=')
                    .Append(Convert.ToString(entry.Value is PSObject ps ? ps.BaseObject : entry.Value, CultureInfo.InvariantCulture));
                first = false;
            }

            return shown.Append('}').ToString();
        }
    }

    /// <summary>
    /// A parameter that takes one value (text, a number, a date): a one-element array is its element; a list of more
    /// or no values, a hashtable, a [pscustomobject], a script block that PowerShell did not run and any other object
    /// are refused naming the value (see <see cref="SingleValue"/>). A piped object's property that is refused fails
    /// that object alone.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SingleValueAttribute : ArgumentTransformationAttribute
    {
        /// <exception cref="ArgumentTransformationMetadataException">The value is not one value.</exception>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => SingleValue.Of(inputData);
    }

    /// <summary>
    /// A parameter that takes one path: as <see cref="SingleValueAttribute"/>, but an object with a text of its own (a
    /// FileInfo from Get-Item, a PathInfo from Resolve-Path) is taken, as PowerShell's path parameters take them.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class SinglePathAttribute : ArgumentTransformationAttribute
    {
        /// <exception cref="ArgumentTransformationMetadataException">The value is not one path.</exception>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => SingleValue.OfPath(inputData);
    }

    /// <summary>
    /// A parameter that takes a list of values (filters such as -Region): each element must be one value, as
    /// <see cref="SingleValueAttribute"/> takes it; a hashtable, a [pscustomobject] or a script block (which PowerShell
    /// would match as their text, finding nothing) is refused naming the value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ValueListAttribute : ArgumentTransformationAttribute
    {
        /// <exception cref="ArgumentTransformationMetadataException">An element is not one value.</exception>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is IList list && !(value is string))
            {
                foreach (var element in list)
                {
                    SingleValue.Of(element);
                }

                return inputData;
            }

            return SingleValue.Of(inputData);
        }
    }
}
