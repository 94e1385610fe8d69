using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CollabPlatform.Api.Validation;

/// <summary>
/// Checks every string of a request, at any depth, for characters no record may hold: NUL and other
/// control characters (tab, line feed and carriage return aside), and halves of surrogate pairs (which
/// JSON can carry). PostgreSQL refuses them in text and JSON, so letting one through would turn a
/// client's mistake into a server error.
/// </summary>
internal static class TextScan
{
    public static void Check(IMessage message, Violations violations) => Scan(message, string.Empty, violations, depth: 0);

    private static void Scan(IMessage message, string prefix, Violations violations, int depth)
    {
        // The contract nests a few levels at most; the bound only guards against a runaway message.
        if (depth > 16)
        {
            return;
        }

        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message))
            {
                continue;
            }

            var path = prefix + field.Name;
            var value = field.Accessor.GetValue(message);
            if (field.IsRepeated && value is IList list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    Visit(list[i], $"{path}[{i}]", violations, depth);
                }
            }
            else if (field.RealContainingOneof is null || field.Accessor.HasValue(message))
            {
                Visit(value, path, violations, depth);
            }
        }
    }

    private static void Visit(object? value, string path, Violations violations, int depth)
    {
        switch (value)
        {
            case string text when FirstBadCharacter(text) is { } index:
                violations.Add(path, $"contains a character that is not allowed at position {index + 1} (a control character such as NUL, or half of a surrogate pair); send plain text");
                break;
            case IMessage nested:
                Scan(nested, path + ".", violations, depth + 1);
                break;
            default:
                break;
        }
    }

    private static int? FirstBadCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return i;
            }
        }

        return null;
    }
}
