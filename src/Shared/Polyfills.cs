// netstandard2.0 lacks the types the C# compiler needs for records and init accessors.
#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit { }
}
#endif
