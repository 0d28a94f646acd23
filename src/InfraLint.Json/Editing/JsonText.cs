using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace InfraLint.Json.Editing
{
    /// <summary>Renders values as JSON literals that read back as the same type.</summary>
    public static class JsonText
    {
        /// <summary>
        /// A bool, a number, a string (or an array of them) as JSON text; null for what JSON cannot hold (NaN, infinities),
        /// so an edit is refused rather than made invalid.
        /// </summary>
        public static string? Render(object? value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case bool b:
                    return b ? "true" : "false";
                case int or long or short or byte or sbyte or uint or ulong or ushort or decimal:
                    return Convert.ToString(value, CultureInfo.InvariantCulture);
                case double d:
                    return double.IsNaN(d) || double.IsInfinity(d) ? null : d.ToString("R", CultureInfo.InvariantCulture);
                case float f:
                    return float.IsNaN(f) || float.IsInfinity(f) ? null : f.ToString("R", CultureInfo.InvariantCulture);
                case string s:
                    return Quote(s);
                case object[] items:
                    var rendered = items.Select(Render).ToArray();
                    return rendered.Any(r => r is null) ? null : "[" + string.Join(", ", rendered) + "]";
                default:
                    return Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        /// <summary>A JSON string literal: quotes, backslashes and control characters escaped, everything else as is.</summary>
        public static string Quote(string text)
        {
            var sb = new StringBuilder(text.Length + 2).Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    default:
                        if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            return sb.Append('"').ToString();
        }
    }
}
