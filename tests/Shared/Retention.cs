using System.Reflection;

namespace InfraLint.Tests;

/// <summary>
/// What an object graph keeps alive: a scan keeps every fact to its end, so tests walk everything the facts reach (the
/// closures of their setters and the fields of their edit targets included) and name the way to what must not be there.
/// </summary>
internal static class Retention
{
    /// <summary>The field path from <paramref name="root"/> to the first object whose type is <paramref name="forbidden"/>, or null.</summary>
    public static string? FirstWayTo(object root, Func<Type, bool> forbidden)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var queue = new Queue<(object Value, string Way)>();
        queue.Enqueue((root, "root"));
        while (queue.Count > 0)
        {
            var (value, way) = queue.Dequeue();
            var type = value.GetType();
            if (forbidden(type)) return $"{way} ({type.Name})";
            if (!type.IsValueType && !seen.Add(value)) continue;
            if (value is string || type.IsPrimitive || type.IsEnum || value is MemberInfo || value is Assembly || value is Module || value is Pointer) continue;
            switch (value)
            {
                case Delegate d:
                    if (d.Target is { } target) queue.Enqueue((target, way + ".<closure>"));
                    continue;
                case Array array:
                    int i = 0;
                    foreach (var item in array)
                    {
                        if (item is not null) queue.Enqueue((item, $"{way}[{i}]"));
                        i++;
                    }
                    continue;
            }
            for (var t = type; t is not null; t = t.BaseType)
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                    if (!field.FieldType.IsPointer && field.GetValue(value) is { } child)
                        queue.Enqueue((child, $"{way}.{field.Name}"));
        }
        return null;
    }
}
