using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace InfraLint.Cli.Engine;

/// <summary>FastExpressionCompiler for every rule expression when the engine is built.</summary>
internal sealed class FastCompiler : IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate => expression.CompileFast();
}

/// <summary>
/// Each rule expression compiled by FastExpressionCompiler the first time it runs, behind a forwarder that
/// FastExpressionCompiler also compiles: building that forwarder costs microseconds, and calling it is a compiled call
/// (Core's <see cref="InfraLint.Core.Engine.LazyExpressionCompiler"/> interprets its forwarder, which a scan of 10,000
/// files pays at every condition it evaluates).
/// </summary>
internal sealed class LazyFastCompiler : IExpressionCompiler
{
    private readonly bool _systemBody;

    /// <param name="systemBody">Compile the expressions themselves with <c>Expression.Compile</c> (only the forwarder with FastExpressionCompiler).</param>
    public LazyFastCompiler(bool systemBody = false) => _systemBody = systemBody;

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(expression);
        var compiled = _systemBody ? new Lazy<TDelegate>(expression.Compile) : new Lazy<TDelegate>(() => expression.CompileFast());
        var forward = Expression.Lambda<TDelegate>(
            Expression.Invoke(Expression.Property(Expression.Constant(compiled), nameof(Lazy<TDelegate>.Value)), expression.Parameters),
            expression.Parameters);
        return forward.CompileFast();
    }
}

/// <summary>
/// Each rule expression interpreted for its first <see cref="CompileAfter"/> calls and compiled by FastExpressionCompiler
/// after that. A scan of one file calls most conditions a few times, and interpreting them costs less than compiling and
/// JIT-compiling each; a scan of thousands of files calls them millions of times, compiled. The delegate NRules gets is a
/// method of an ordinary class (NRules asks for three delegate shapes), so the engine build emits no code at all.
/// </summary>
internal sealed class TieredCompiler : IExpressionCompiler
{
    /// <summary>Calls interpreted before a condition is compiled.</summary>
    internal const int CompileAfter = 32;

    private static readonly LazyFastCompiler OtherShapes = new();

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        ArgumentNullException.ThrowIfNull(expression);
        var type = typeof(TDelegate);
        var shape = type.IsGenericType ? type.GetGenericTypeDefinition() : null;
        var tier = shape == typeof(Func<,>) ? typeof(FuncTier<,>)
            : shape == typeof(Func<,,>) ? typeof(FuncTier<,,>)
            : shape == typeof(Action<,>) ? typeof(ActionTier<,>)
            : null;
        if (tier is null) return OtherShapes.Compile(expression);
        var holder = Activator.CreateInstance(tier.MakeGenericType(type.GetGenericArguments()), expression)!;
        return (TDelegate)Delegate.CreateDelegate(type, holder, "Invoke");
    }

    private abstract class Tier<TDelegate>
        where TDelegate : Delegate
    {
        private readonly Expression<TDelegate> _expression;
        private TDelegate? _interpreted;
        private TDelegate? _compiled;
        private int _calls;

        protected Tier(LambdaExpression expression) => _expression = (Expression<TDelegate>)expression;

        // Sessions run on several threads: two may both compile or both interpret a condition once; either delegate is right.
        protected TDelegate Current =>
            _compiled ?? (Interlocked.Increment(ref _calls) <= CompileAfter
                ? _interpreted ??= _expression.Compile(preferInterpretation: true)
                : _compiled = _expression.CompileFast());
    }

    private sealed class FuncTier<T1, TResult>(LambdaExpression expression) : Tier<Func<T1, TResult>>(expression)
    {
        public TResult Invoke(T1 a) => Current(a);
    }

    private sealed class FuncTier<T1, T2, TResult>(LambdaExpression expression) : Tier<Func<T1, T2, TResult>>(expression)
    {
        public TResult Invoke(T1 a, T2 b) => Current(a, b);
    }

    private sealed class ActionTier<T1, T2>(LambdaExpression expression) : Tier<Action<T1, T2>>(expression)
    {
        public void Invoke(T1 a, T2 b) => Current(a, b);
    }
}
