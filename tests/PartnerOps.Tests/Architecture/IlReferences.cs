using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace PartnerOps.Tests.Architecture
{
    /// <summary>
    /// The types a type's method bodies name: the declaring types of the methods and fields its IL calls or reads, and the
    /// types it creates, casts to or loads tokens of. Read with the runtime's own opcode table (<see cref="OpCodes"/>).
    /// </summary>
    internal static class IlReferences
    {
        private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(c => c.Value);

        /// <summary>Every type named by the bodies of <paramref name="type"/>'s own methods and constructors (generic arguments included).</summary>
        public static IEnumerable<Type> NamedTypes(Type type)
        {
            var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
            foreach (var method in methods)
            {
                var il = method.GetMethodBody()?.GetILAsByteArray();
                if (il == null)
                {
                    continue;
                }

                foreach (var named in Tokens(il).SelectMany(t => Resolve(method, t)))
                {
                    foreach (var t in Expand(named))
                    {
                        yield return t;
                    }
                }
            }
        }

        // The metadata tokens of the instructions whose operand is a type, method, field or any token.
        private static IEnumerable<int> Tokens(byte[] il)
        {
            var i = 0;
            while (i < il.Length)
            {
                var value = (short)il[i++];
                if (value == 0xFE)
                {
                    value = unchecked((short)(0xFE00 | il[i++]));
                }

                if (!Codes.TryGetValue(value, out var code))
                {
                    throw new InvalidOperationException($"Unknown IL opcode 0x{value:X} at {i}.");
                }

                switch (code.OperandType)
                {
                    case OperandType.InlineMethod:
                    case OperandType.InlineField:
                    case OperandType.InlineType:
                    case OperandType.InlineTok:
                        yield return BitConverter.ToInt32(il, i);
                        i += 4;
                        break;
                    case OperandType.InlineSwitch:
                        i += 4 + 4 * BitConverter.ToInt32(il, i);
                        break;
                    default:
                        i += OperandSize(code.OperandType);
                        break;
                }
            }
        }

        private static int OperandSize(OperandType type) => type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };

        private static IEnumerable<Type> Resolve(MethodBase method, int token)
        {
            var module = method.Module;
            var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            var member = module.ResolveMember(token, typeArguments, methodArguments);
            switch (member)
            {
                case Type t:
                    yield return t;
                    break;
                case MethodBase m:
                    if (m.DeclaringType != null)
                    {
                        yield return m.DeclaringType;
                    }

                    if (m is MethodInfo mi)
                    {
                        yield return mi.ReturnType;
                    }

                    foreach (var p in m.GetParameters())
                    {
                        yield return p.ParameterType;
                    }

                    break;
                case FieldInfo f:
                    if (f.DeclaringType != null)
                    {
                        yield return f.DeclaringType;
                    }

                    yield return f.FieldType;
                    break;
            }
        }

        private static IEnumerable<Type> Expand(Type type)
        {
            var element = type.HasElementType ? type.GetElementType()! : type;
            yield return element;
            if (element.IsGenericType)
            {
                foreach (var argument in element.GetGenericArguments().SelectMany(Expand))
                {
                    yield return argument;
                }
            }
        }
    }
}
